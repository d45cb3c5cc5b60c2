/* steward-voice-page.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-voice-page"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-transcriber-sphinx.h"
#include "steward-voice-page.h"

/* Preferences → Voice: the voice.* settings the microphone button of the
 * chat uses. Model, language and "send at once" are bound to their
 * settings both ways; the provider is chosen among the OpenAI-compatible
 * providers added (the only kind whose API transcribes), Offline
 * (PocketSphinx on this computer, where it is built in), or none. */

struct _StewardVoicePage
{
  AdwPreferencesPage  parent_instance;

  /* Template widgets */
  AdwEntryRow        *language_row;
  AdwEntryRow        *model_row;
  GtkStringList      *provider_list;
  AdwComboRow        *provider_row;
  GtkSwitch          *send_switch;

  /* Owned */
  StewardSettings    *settings;
  GListModel         *providers;
  GBindingGroup      *bindings;
  /* The provider names of @provider_list's items, "" for None */
  GPtrArray          *provider_names;
  /* The provider row's own, shown unless Offline is chosen */
  char               *provider_subtitle;

  /* The combo row is being filled: its selection means nothing */
  guint               filling : 1;
};

G_DEFINE_FINAL_TYPE (StewardVoicePage, steward_voice_page, ADW_TYPE_PREFERENCES_PAGE)

GtkWidget *
steward_voice_page_new (void)
{
  return g_object_new (STEWARD_TYPE_VOICE_PAGE, NULL);
}

static void
add_choice (StewardVoicePage *self,
            const char       *name,
            const char       *label)
{
  g_ptr_array_add (self->provider_names, g_strdup (name));
  gtk_string_list_append (self->provider_list, label);
}

/* Offline has no model to choose, and needs a word of warning */
static void
update_offline (StewardVoicePage *self)
{
  guint selected = adw_combo_row_get_selected (self->provider_row);
  const char *subtitle;
  gboolean offline;

  g_assert (STEWARD_IS_VOICE_PAGE (self));

  offline = selected < self->provider_names->len &&
            g_str_equal (g_ptr_array_index (self->provider_names, selected), STEWARD_TRANSCRIBER_OFFLINE);

  subtitle = offline ? _("On this computer with PocketSphinx: English only, and less accurate than a server")
                   : self->provider_subtitle;

  /* Only when it changes: the row's labels are then left alone while
   * the list of providers is filled again */
  if (g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (self->provider_row)), subtitle) != 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->provider_row), subtitle);
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->model_row)) == offline)
    gtk_widget_set_sensitive (GTK_WIDGET (self->model_row), !offline);
}

/* Lists None, the OpenAI-compatible providers, Offline where
 * PocketSphinx is built in, and whatever else voice.provider names (set
 * with steward-cli), so it is shown as it is. */
static void
fill_providers (StewardVoicePage *self)
{
  const char *current = "";
  guint n_items;
  guint selected = 0;

  g_assert (STEWARD_IS_VOICE_PAGE (self));

  if (self->settings != NULL)
    current = steward_settings_get_string (self->settings, "voice.provider");

  self->filling = TRUE;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->provider_list));
  gtk_string_list_splice (self->provider_list, 0, n_items, NULL);
  g_ptr_array_set_size (self->provider_names, 0);

  add_choice (self, "", C_("speech provider", "None"));

  n_items = self->providers != NULL ? g_list_model_get_n_items (self->providers) : 0;
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(StewardProvider) provider = g_list_model_get_item (self->providers, i);
      const char *name = steward_provider_get_name (provider);

      /* voice.provider "offline" never means a provider of that name */
      if (g_str_equal (name, STEWARD_TRANSCRIBER_OFFLINE))
        continue;

      if (!g_str_equal (steward_provider_get_kind (provider), "openai") && g_strcmp0 (name, current) != 0)
        continue;

      if (g_strcmp0 (name, current) == 0)
        selected = self->provider_names->len;
      add_choice (self, name, name);
    }

  /* After the providers: a server hears better, and any language */
  if (steward_transcriber_sphinx_is_built_in ())
    {
      if (g_str_equal (current, STEWARD_TRANSCRIBER_OFFLINE))
        selected = self->provider_names->len;
      add_choice (self, STEWARD_TRANSCRIBER_OFFLINE, C_("speech provider", "Offline (PocketSphinx)"));
    }

  if (current[0] != '\0' && selected == 0)
    {
      selected = self->provider_names->len;
      add_choice (self, current, current);
    }

  adw_combo_row_set_selected (self->provider_row, selected);
  self->filling = FALSE;

  update_offline (self);
}

static void
provider_selected_cb (StewardVoicePage *self,
                      GParamSpec       *pspec,
                      AdwComboRow      *row)
{
  guint selected = adw_combo_row_get_selected (row);
  const char *name;

  g_assert (STEWARD_IS_VOICE_PAGE (self));

  if (self->filling || self->settings == NULL || selected >= self->provider_names->len)
    return;

  update_offline (self);

  name = g_ptr_array_index (self->provider_names, selected);
  if (g_strcmp0 (name, steward_settings_get_string (self->settings, "voice.provider")) != 0)
    g_object_set (self->settings, "voice-provider", name, NULL);
}

static void
voice_provider_changed_cb (StewardVoicePage *self,
                           GParamSpec       *pspec,
                           StewardSettings  *settings)
{
  guint selected = adw_combo_row_get_selected (self->provider_row);

  g_assert (STEWARD_IS_VOICE_PAGE (self));

  /* Chosen here: the list stays as it is under the closing popover */
  if (selected < self->provider_names->len &&
      g_strcmp0 (g_ptr_array_index (self->provider_names, selected),
                 steward_settings_get_string (settings, "voice.provider")) == 0)
    return;

  fill_providers (self);
}

/**
 * steward_voice_page_set_settings:
 * @settings: (nullable): the settings shown and saved
 */
void
steward_voice_page_set_settings (StewardVoicePage *self,
                                 StewardSettings  *settings)
{
  g_return_if_fail (STEWARD_IS_VOICE_PAGE (self));
  g_return_if_fail (!settings || STEWARD_IS_SETTINGS (settings));

  if (self->settings == settings)
    return;

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_set_object (&self->settings, settings);
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "notify::voice-provider",
                             G_CALLBACK (voice_provider_changed_cb), self, G_CONNECT_SWAPPED);

  g_binding_group_set_source (self->bindings, settings);
  fill_providers (self);
}

/**
 * steward_voice_page_set_providers:
 * @providers: (nullable): a #GListModel of #StewardProvider
 */
void
steward_voice_page_set_providers (StewardVoicePage *self,
                                  GListModel       *providers)
{
  g_return_if_fail (STEWARD_IS_VOICE_PAGE (self));
  g_return_if_fail (!providers || G_IS_LIST_MODEL (providers));

  if (self->providers != NULL)
    g_signal_handlers_disconnect_by_data (self->providers, self);
  g_set_object (&self->providers, providers);
  if (self->providers != NULL)
    g_signal_connect_object (self->providers, "items-changed",
                             G_CALLBACK (fill_providers), self, G_CONNECT_SWAPPED);

  fill_providers (self);
}

static void
steward_voice_page_dispose (GObject *object)
{
  StewardVoicePage *self = (StewardVoicePage *)object;

  if (self->bindings != NULL)
    g_binding_group_set_source (self->bindings, NULL);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (self->providers != NULL)
    g_signal_handlers_disconnect_by_data (self->providers, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_VOICE_PAGE);

  g_clear_object (&self->bindings);
  g_clear_object (&self->settings);
  g_clear_object (&self->providers);
  g_clear_pointer (&self->provider_names, g_ptr_array_unref);
  g_clear_pointer (&self->provider_subtitle, g_free);

  G_OBJECT_CLASS (steward_voice_page_parent_class)->dispose (object);
}

static void
steward_voice_page_class_init (StewardVoicePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_voice_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/steward-voice-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardVoicePage, language_row);
  gtk_widget_class_bind_template_child (widget_class, StewardVoicePage, model_row);
  gtk_widget_class_bind_template_child (widget_class, StewardVoicePage, provider_list);
  gtk_widget_class_bind_template_child (widget_class, StewardVoicePage, provider_row);
  gtk_widget_class_bind_template_child (widget_class, StewardVoicePage, send_switch);
  gtk_widget_class_bind_template_callback (widget_class, provider_selected_cb);
}

static void
steward_voice_page_init (StewardVoicePage *self)
{
  GBindingFlags flags = G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL;

  self->provider_names = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->provider_subtitle = g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (self->provider_row)));

  self->bindings = g_binding_group_new ();
  g_binding_group_bind (self->bindings, "voice-model", self->model_row, "text", flags);
  g_binding_group_bind (self->bindings, "voice-language", self->language_row, "text", flags);
  g_binding_group_bind (self->bindings, "voice-send-at-once", self->send_switch, "active", flags);

  fill_providers (self);
}

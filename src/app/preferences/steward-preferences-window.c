/* steward-preferences-window.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-application-private.h"
#include "steward-general-page.h"
#include "steward-memory-page.h"
#include "steward-models-page.h"
#include "steward-preferences-window.h"
#include "steward-providers-page.h"
#include "steward-shortcut-group.h"
#include "steward-voice-page.h"

/* Listing a provider's models must not hang the page on a dead server. */
#define HTTP_TIMEOUT_SEC 30

struct _StewardPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  GtkSwitch            *auto_switch;
  GtkSpinButton        *budget_spin;
  GtkSpinButton        *exchanges_spin;
  StewardGeneralPage   *general_page;
  GtkTextBuffer        *instructions_buffer;
  AdwEntryRow          *language_row;
  StewardMemoryPage    *memory_list;
  AdwPreferencesPage   *memory_page;
  StewardModelsPage    *models_page;
  AdwEntryRow          *name_row;
  AdwPreferencesPage   *personalization_page;
  StewardProvidersPage *providers_page;
  StewardShortcutGroup *shortcut_group;
  AdwEntryRow          *tone_row;
  StewardVoicePage     *voice_page;

  /* Owned */
  StewardSettings      *settings;
  GBindingGroup        *setting_bindings;
  /* The toast saying a setting was not saved, while it shows. */
  AdwToast             *save_toast;
  SoupSession          *session;
};

G_DEFINE_FINAL_TYPE (StewardPreferencesWindow, steward_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The rows of Personalization and Memory: each shows one setting, bound
 * to its StewardSettings property both ways, and is saved as it changes.
 */
static const struct
{
  const char *key;
  /* The widget in the window, and its property showing the value. */
  gsize       widget_offset;
  const char *widget_property;
} setting_rows[] = {
  { "memory.auto", G_STRUCT_OFFSET (StewardPreferencesWindow, auto_switch), "active" },
  { "memory.budget-tokens", G_STRUCT_OFFSET (StewardPreferencesWindow, budget_spin), "value" },
  { "memory.short-term-exchanges", G_STRUCT_OFFSET (StewardPreferencesWindow, exchanges_spin), "value" },
  { "personal.instructions", G_STRUCT_OFFSET (StewardPreferencesWindow, instructions_buffer), "text" },
  { "personal.language", G_STRUCT_OFFSET (StewardPreferencesWindow, language_row), "text" },
  { "personal.name", G_STRUCT_OFFSET (StewardPreferencesWindow, name_row), "text" },
  { "personal.tone", G_STRUCT_OFFSET (StewardPreferencesWindow, tone_row), "text" },
};

/**
 * steward_preferences_window_new:
 *
 * Edits the application's services: its settings, providers and memory.
 * Without an open store every row is insensitive.
 */
StewardPreferencesWindow *
steward_preferences_window_new (void)
{
  return g_object_new (STEWARD_TYPE_PREFERENCES_WINDOW, NULL);
}

/* Settings */

static void
save_toast_dismissed_cb (StewardPreferencesWindow *self,
                         AdwToast                 *toast)
{
  g_assert (STEWARD_IS_PREFERENCES_WINDOW (self));

  if (self->save_toast == toast)
    g_clear_object (&self->save_toast);
}

static void
settings_write_failed_cb (StewardPreferencesWindow *self,
                          const char               *key,
                          const GError             *error,
                          StewardSettings          *settings)
{
  g_autofree char *message = NULL;
  gboolean shown_here = FALSE;

  g_assert (STEWARD_IS_PREFERENCES_WINDOW (self));

  /* The Models page says what its rows could not save. */
  for (guint i = 0; i < G_N_ELEMENTS (setting_rows); i++)
    shown_here |= g_str_equal (setting_rows[i].key, key);
  if (!shown_here)
    return;

  /* Translators: %s is the reason, a full sentence */
  message = g_strdup_printf (_("Could not save the setting: %s"), error->message);

  /* A row fails at each key pressed in it: one toast says it. */
  if (self->save_toast != NULL && g_strcmp0 (adw_toast_get_title (self->save_toast), message) == 0)
    return;

  g_warning ("Cannot save %s: %s", key, error->message);

  g_clear_object (&self->save_toast);
  self->save_toast = adw_toast_new (message);
  g_signal_connect_object (self->save_toast, "dismissed",
                           G_CALLBACK (save_toast_dismissed_cb),
                           self,
                           G_CONNECT_SWAPPED);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), g_object_ref (self->save_toast));
}

/* Another process (steward-cli) may have changed a setting meanwhile. */
static void
steward_preferences_window_notify_is_active (StewardPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_assert (STEWARD_IS_PREFERENCES_WINDOW (self));

  if (self->settings != NULL && gtk_window_is_active (GTK_WINDOW (self)) &&
      !steward_settings_reload (self->settings, &error))
    g_warning ("Cannot read the settings: %s", error->message);
}

static void
steward_preferences_window_bind_settings (StewardPreferencesWindow *self)
{
  GBindingFlags flags = G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL;

  g_assert (STEWARD_IS_PREFERENCES_WINDOW (self));

  self->setting_bindings = g_binding_group_new ();

  for (guint i = 0; i < G_N_ELEMENTS (setting_rows); i++)
    {
      const StewardSettingKey *info = steward_setting_key_lookup (setting_rows[i].key);
      GObject *widget = G_STRUCT_MEMBER (GObject *, self, setting_rows[i].widget_offset);

      g_assert (info != NULL);

      /* The range comes from the core so the two cannot disagree. A
       * spin button's double and a setting's gint64 convert both ways. */
      if (GTK_IS_SPIN_BUTTON (widget))
        gtk_spin_button_set_range (GTK_SPIN_BUTTON (widget), info->min, info->max);

      g_binding_group_bind (self->setting_bindings,
                            steward_setting_key_get_property_name (info),
                            widget, setting_rows[i].widget_property, flags);
    }
}

static void
steward_preferences_window_load (StewardPreferencesWindow *self)
{
  StewardServices *services = STEWARD_SERVICES_DEFAULT;
  StewardSettings *settings = steward_services_get_settings (services);
  gboolean sensitive = steward_services_get_store (services) != NULL && settings != NULL;

  g_assert (STEWARD_IS_PREFERENCES_WINDOW (self));

  /* Without a store there is nothing to show or save. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->general_page), sensitive);
  gtk_widget_set_sensitive (GTK_WIDGET (self->personalization_page), sensitive);
  gtk_widget_set_sensitive (GTK_WIDGET (self->memory_page), sensitive);
  gtk_widget_set_sensitive (GTK_WIDGET (self->providers_page), sensitive);
  gtk_widget_set_sensitive (GTK_WIDGET (self->voice_page), sensitive);
  steward_models_page_load (self->models_page);

  /* The desktop-wide quick chat shortcut, which needs no store */
  if (STEWARD_IS_APPLICATION (g_application_get_default ()))
    steward_shortcut_group_set_shortcut (self->shortcut_group,
                                         STEWARD_APPLICATION (g_application_get_default ())->global_shortcut);

  if (!sensitive)
    return;

  /* The application's settings: what is changed here, the chat uses. */
  self->settings = g_object_ref (settings);
  g_signal_connect_object (self->settings, "write-failed",
                           G_CALLBACK (settings_write_failed_cb),
                           self,
                           G_CONNECT_SWAPPED);
  g_binding_group_set_source (self->setting_bindings, self->settings);
  steward_models_page_set_settings (self->models_page, self->settings);
  steward_models_page_set_providers (self->models_page,
                                     steward_providers_page_get_providers (self->providers_page));
  steward_voice_page_set_settings (self->voice_page, self->settings);
  steward_general_page_set_settings (self->general_page, self->settings);
  steward_voice_page_set_providers (self->voice_page,
                                    steward_providers_page_get_providers (self->providers_page));
}

/* The Models page chooses among the providers the Providers page lists. */
static void
providers_changed_cb (StewardPreferencesWindow *self,
                      GParamSpec               *pspec,
                      StewardProvidersPage     *page)
{
  g_assert (STEWARD_IS_PREFERENCES_WINDOW (self));

  if (self->settings != NULL)
    {
      steward_models_page_set_providers (self->models_page, steward_providers_page_get_providers (page));
      steward_voice_page_set_providers (self->voice_page, steward_providers_page_get_providers (page));
    }
}

static gboolean
steward_preferences_window_close_request (GtkWindow *window)
{
  StewardPreferencesWindow *self = (StewardPreferencesWindow *)window;

  steward_models_page_close (self->models_page);

  return GTK_WINDOW_CLASS (steward_preferences_window_parent_class)->close_request (window);
}

static void
steward_preferences_window_constructed (GObject *object)
{
  StewardPreferencesWindow *self = (StewardPreferencesWindow *)object;

  G_OBJECT_CLASS (steward_preferences_window_parent_class)->constructed (object);

  steward_preferences_window_load (self);
}

static void
steward_preferences_window_dispose (GObject *object)
{
  StewardPreferencesWindow *self = (StewardPreferencesWindow *)object;

  /* Nothing the user typed is lost, even when the window goes away
   * without a close request (the application quitting).
   */
  if (self->models_page != NULL)
    steward_models_page_close (self->models_page);

  if (self->setting_bindings != NULL)
    g_binding_group_set_source (self->setting_bindings, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_PREFERENCES_WINDOW);

  g_clear_object (&self->save_toast);
  g_clear_object (&self->setting_bindings);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (steward_preferences_window_parent_class)->dispose (object);
}

static void
steward_preferences_window_class_init (StewardPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = steward_preferences_window_constructed;
  object_class->dispose = steward_preferences_window_dispose;

  window_class->close_request = steward_preferences_window_close_request;

  g_type_ensure (STEWARD_TYPE_GENERAL_PAGE);
  g_type_ensure (STEWARD_TYPE_MEMORY_PAGE);
  g_type_ensure (STEWARD_TYPE_MODELS_PAGE);
  g_type_ensure (STEWARD_TYPE_PROVIDERS_PAGE);
  g_type_ensure (STEWARD_TYPE_SHORTCUT_GROUP);
  g_type_ensure (STEWARD_TYPE_VOICE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/steward-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardPreferencesWindow, auto_switch);
  gtk_widget_class_bind_template_child (widget_class, StewardPreferencesWindow, budget_spin);
  gtk_widget_class_bind_template_child (widget_class, StewardPreferencesWindow, exchanges_spin);
  gtk_widget_class_bind_template_child (widget_class, StewardPreferencesWindow, general_page);
  gtk_widget_class_bind_template_child (widget_class, StewardPreferencesWindow, instructions_buffer);
  gtk_widget_class_bind_template_child (widget_class, StewardPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, StewardPreferencesWindow, memory_list);
  gtk_widget_class_bind_template_child (widget_class, StewardPreferencesWindow, memory_page);
  gtk_widget_class_bind_template_child (widget_class, StewardPreferencesWindow, models_page);
  gtk_widget_class_bind_template_child (widget_class, StewardPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, StewardPreferencesWindow, personalization_page);
  gtk_widget_class_bind_template_child (widget_class, StewardPreferencesWindow, providers_page);
  gtk_widget_class_bind_template_child (widget_class, StewardPreferencesWindow, shortcut_group);
  gtk_widget_class_bind_template_child (widget_class, StewardPreferencesWindow, tone_row);
  gtk_widget_class_bind_template_child (widget_class, StewardPreferencesWindow, voice_page);
  gtk_widget_class_bind_template_callback (widget_class, providers_changed_cb);
}

static void
steward_preferences_window_init (StewardPreferencesWindow *self)
{
  self->session = soup_session_new_with_options ("timeout", HTTP_TIMEOUT_SEC, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  steward_models_page_set_session (self->models_page, self->session);
  steward_providers_page_set_session (self->providers_page, self->session);
  steward_preferences_window_bind_settings (self);

  g_signal_connect (self, "notify::is-active",
                    G_CALLBACK (steward_preferences_window_notify_is_active),
                    NULL);
}

/**
 * steward_preferences_window_show_providers:
 *
 * Shows the Providers page, where a provider is added: what a first run
 * needs before anything else.
 */
void
steward_preferences_window_show_providers (StewardPreferencesWindow *self)
{
  g_return_if_fail (STEWARD_IS_PREFERENCES_WINDOW (self));

  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (self),
                                           ADW_PREFERENCES_PAGE (self->providers_page));
}

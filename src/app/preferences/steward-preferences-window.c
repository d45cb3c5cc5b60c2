/* steward-preferences-window.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-memory-page.h"
#include "steward-models-page.h"
#include "steward-preferences-window.h"
#include "steward-provider-dialog.h"

/* Listing a provider's models must not hang the page on a dead server. */
#define HTTP_TIMEOUT_SEC 30

struct _StewardPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  GtkButton            *add_provider_button;
  GtkSwitch            *auto_switch;
  GtkSpinButton        *budget_spin;
  GtkSpinButton        *exchanges_spin;
  GtkTextBuffer        *instructions_buffer;
  AdwEntryRow          *language_row;
  StewardMemoryPage    *memory_list;
  AdwPreferencesPage   *memory_page;
  StewardModelsPage    *models_page;
  AdwEntryRow          *name_row;
  AdwActionRow         *no_providers_row;
  AdwPreferencesPage   *personalization_page;
  AdwPreferencesGroup  *providers_group;
  AdwPreferencesPage   *providers_page;
  AdwEntryRow          *tone_row;

  /* Owned */
  StewardStore         *store;
  StewardSettings      *settings;
  GBindingGroup        *setting_bindings;
  /* The toast saying a setting was not saved, while it shows. */
  AdwToast             *save_toast;
  SoupSession          *session;
  GCancellable         *cancellable;
  /* The providers as stored, in the order the rows show them. */
  GListModel           *providers;
  GPtrArray            *provider_rows;
};

G_DEFINE_FINAL_TYPE (StewardPreferencesWindow, steward_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void steward_preferences_window_reload_providers (StewardPreferencesWindow *self);

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

StewardPreferencesWindow *
steward_preferences_window_new (StewardStore *store)
{
  g_return_val_if_fail (!store || STEWARD_IS_STORE (store), NULL);

  return g_object_new (STEWARD_TYPE_PREFERENCES_WINDOW,
                       "store", store,
                       NULL);
}

/* Settings */

/* Until the settings come from the application's services, the window
 * makes its own from the store it edits. */
static StewardSettings *
steward_preferences_window_create_settings (StewardPreferencesWindow *self)
{
  g_assert (STEWARD_IS_PREFERENCES_WINDOW (self));

  return self->store != NULL ? steward_settings_new (self->store) : NULL;
}

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
  gboolean sensitive = self->store != NULL;

  g_assert (STEWARD_IS_PREFERENCES_WINDOW (self));

  /* Without a store there is nothing to show or save. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->personalization_page), sensitive);
  gtk_widget_set_sensitive (GTK_WIDGET (self->memory_page), sensitive);
  gtk_widget_set_sensitive (GTK_WIDGET (self->providers_page), sensitive);
  steward_models_page_set_store (self->models_page, self->store);

  if (self->store == NULL)
    return;

  self->settings = steward_preferences_window_create_settings (self);
  g_signal_connect_object (self->settings, "write-failed",
                           G_CALLBACK (settings_write_failed_cb),
                           self,
                           G_CONNECT_SWAPPED);
  g_binding_group_set_source (self->setting_bindings, self->settings);
  steward_models_page_set_settings (self->models_page, self->settings);

  steward_preferences_window_reload_providers (self);
}

/* Providers page */

static void
steward_preferences_window_toast (StewardPreferencesWindow *self,
                                  const char               *message)
{
  g_assert (STEWARD_IS_PREFERENCES_WINDOW (self));

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static char *
dup_provider_summary (StewardProvider *provider)
{
  GString *summary = g_string_new (steward_provider_dialog_get_kind_label (steward_provider_get_kind (provider)));
  const char *model = steward_provider_get_model (provider);

  g_string_append (summary, " · ");
  g_string_append (summary, steward_provider_get_base_url (provider));

  if (model != NULL)
    {
      g_string_append (summary, " · ");
      g_string_append (summary, model);
    }

  return g_string_free (summary, FALSE);
}

static void
dialog_saved_cb (StewardPreferencesWindow *self,
                 StewardProvider          *provider,
                 StewardProviderDialog    *dialog)
{
  g_assert (STEWARD_IS_PREFERENCES_WINDOW (self));

  steward_preferences_window_reload_providers (self);
}

static void
steward_preferences_window_open_dialog (StewardPreferencesWindow *self,
                                        StewardProvider          *provider)
{
  StewardProviderDialog *dialog;

  g_assert (STEWARD_IS_PREFERENCES_WINDOW (self));

  if (self->store == NULL)
    return;

  dialog = steward_provider_dialog_new (self->store, self->session, provider);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "saved",
                           G_CALLBACK (dialog_saved_cb),
                           self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_provider_clicked_cb (StewardPreferencesWindow *self,
                         GtkButton                *button)
{
  g_assert (STEWARD_IS_PREFERENCES_WINDOW (self));

  steward_preferences_window_open_dialog (self, NULL);
}

/* From the row's Edit button, or the row itself. */
static void
edit_provider_clicked_cb (StewardPreferencesWindow *self,
                          GtkWidget                *widget)
{
  g_assert (STEWARD_IS_PREFERENCES_WINDOW (self));

  steward_preferences_window_open_dialog (self, g_object_get_data (G_OBJECT (widget), "provider"));
}

static void
clear_key_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(StewardPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (steward_secrets_clear_api_key_finish (result, &error))
    return;

  /* The window may have closed meanwhile: say it where it can be seen. */
  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    g_message ("%s", error->message);
  else
    steward_preferences_window_toast (self, error->message);
}

static void
remove_response_cb (StewardPreferencesWindow *self,
                    const char               *response,
                    AdwMessageDialog         *dialog)
{
  StewardProvider *provider;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_assert (STEWARD_IS_PREFERENCES_WINDOW (self));

  if (g_strcmp0 (response, "remove") != 0 || self->store == NULL)
    return;

  provider = g_object_get_data (G_OBJECT (dialog), "provider");
  name = g_strdup (steward_provider_get_name (provider));

  steward_models_page_flush (self->models_page);

  if (!steward_store_remove_provider (self->store, name, &error))
    {
      steward_preferences_window_toast (self, error->message);
      return;
    }

  /* No cancellable: the key goes even when the window closes first. */
  steward_secrets_clear_api_key_async (name, NULL, clear_key_cb, g_object_ref (self));

  steward_preferences_window_reload_providers (self);
}

/* GTK 4.8 names a button whose label has a mnemonic by both the raw label
 * and its text ("_Remove Remove"); its text alone is the name.
 */
static void
fix_button_names (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && gtk_button_get_use_underline (GTK_BUTTON (child)))
        gtk_accessible_reset_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL);
      else
        fix_button_names (child);
    }
}

static void
remove_provider_clicked_cb (StewardPreferencesWindow *self,
                            GtkButton                *button)
{
  StewardProvider *provider;
  GtkWidget *dialog;

  g_assert (STEWARD_IS_PREFERENCES_WINDOW (self));

  provider = g_object_get_data (G_OBJECT (button), "provider");

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Remove Provider?"), NULL);
  /* Translators: %s is the name of a provider */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s and its API key will be removed. Conversations keep their messages."),
                                  steward_provider_get_name (provider));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  fix_button_names (dialog);
  g_object_set_data_full (G_OBJECT (dialog), "provider",
                          g_object_ref (provider), g_object_unref);
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (remove_response_cb),
                           self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
steward_preferences_window_create_row_button (StewardPreferencesWindow *self,
                                              StewardProvider          *provider,
                                              const char               *icon_name,
                                              const char               *tooltip,
                                              const char               *label,
                                              GCallback                 callback)
{
  GtkWidget *button;

  g_assert (STEWARD_IS_PREFERENCES_WINDOW (self));

  button = gtk_button_new_from_icon_name (icon_name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");

  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);

  g_object_set_data_full (G_OBJECT (button), "provider",
                          g_object_ref (provider), g_object_unref);
  g_signal_connect_object (button, "clicked", callback, self, G_CONNECT_SWAPPED);

  return button;
}

static GtkWidget *
steward_preferences_window_create_provider_row (StewardPreferencesWindow *self,
                                                StewardProvider          *provider)
{
  g_autofree char *summary = dup_provider_summary (provider);
  g_autofree char *edit_label = NULL;
  g_autofree char *remove_label = NULL;
  const char *name = steward_provider_get_name (provider);
  GtkWidget *row;
  GtkWidget *edit;
  GtkWidget *remove;

  g_assert (STEWARD_IS_PREFERENCES_WINDOW (self));

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);

  /* Translators: %s is the name of a provider; read by screen readers */
  edit_label = g_strdup_printf (_("Edit %s"), name);
  /* Translators: %s is the name of a provider; read by screen readers */
  remove_label = g_strdup_printf (_("Remove %s"), name);

  edit = steward_preferences_window_create_row_button (self, provider, "document-edit-symbolic",
                                                       _("Edit"), edit_label,
                                                       G_CALLBACK (edit_provider_clicked_cb));
  remove = steward_preferences_window_create_row_button (self, provider, "user-trash-symbolic",
                                                         _("Remove"), remove_label,
                                                         G_CALLBACK (remove_provider_clicked_cb));

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  /* Activating the row edits, like its button; not through
   * activatable-widget, which would name the button after the row.
   */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "provider", g_object_ref (provider), g_object_unref);
  g_signal_connect_object (row, "activated",
                           G_CALLBACK (edit_provider_clicked_cb),
                           self,
                           G_CONNECT_SWAPPED);

  return row;
}

static void
steward_preferences_window_reload_providers (StewardPreferencesWindow *self)
{
  g_autoptr(GListModel) providers = NULL;
  g_autoptr(GError) error = NULL;
  guint n_providers;

  g_assert (STEWARD_IS_PREFERENCES_WINDOW (self));

  if (self->store == NULL)
    return;

  /* Whatever was typed for a size is saved before the rows refill. */
  steward_models_page_flush (self->models_page);

  for (guint i = 0; i < self->provider_rows->len; i++)
    adw_preferences_group_remove (self->providers_group, g_ptr_array_index (self->provider_rows, i));
  g_ptr_array_set_size (self->provider_rows, 0);

  if (!(providers = steward_store_list_providers (self->store, &error)))
    {
      g_warning ("Cannot list the providers: %s", error->message);
      steward_preferences_window_toast (self, error->message);
      providers = G_LIST_MODEL (g_list_store_new (STEWARD_TYPE_PROVIDER));
    }

  g_set_object (&self->providers, providers);
  n_providers = g_list_model_get_n_items (providers);

  for (guint i = 0; i < n_providers; i++)
    {
      g_autoptr(StewardProvider) provider = g_list_model_get_item (providers, i);
      GtkWidget *row = steward_preferences_window_create_provider_row (self, provider);

      adw_preferences_group_add (self->providers_group, row);
      g_ptr_array_add (self->provider_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->no_providers_row), n_providers == 0);

  steward_models_page_set_providers (self->models_page, providers);
}

static gboolean
steward_preferences_window_close_request (GtkWindow *window)
{
  StewardPreferencesWindow *self = (StewardPreferencesWindow *)window;

  steward_models_page_close (self->models_page);
  g_cancellable_cancel (self->cancellable);

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

  g_cancellable_cancel (self->cancellable);

  if (self->setting_bindings != NULL)
    g_binding_group_set_source (self->setting_bindings, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_PREFERENCES_WINDOW);

  g_clear_pointer (&self->provider_rows, g_ptr_array_unref);
  g_clear_object (&self->providers);
  g_clear_object (&self->save_toast);
  g_clear_object (&self->setting_bindings);
  g_clear_object (&self->settings);
  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (steward_preferences_window_parent_class)->dispose (object);
}

static void
steward_preferences_window_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  StewardPreferencesWindow *self = STEWARD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_preferences_window_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  StewardPreferencesWindow *self = STEWARD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_preferences_window_class_init (StewardPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = steward_preferences_window_constructed;
  object_class->dispose = steward_preferences_window_dispose;
  object_class->get_property = steward_preferences_window_get_property;
  object_class->set_property = steward_preferences_window_set_property;

  window_class->close_request = steward_preferences_window_close_request;

  /**
   * StewardPreferencesWindow:store:
   *
   * The store the settings are read from and written to; %NULL when it is
   * not open, which leaves every row insensitive.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         STEWARD_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (STEWARD_TYPE_MEMORY_PAGE);
  g_type_ensure (STEWARD_TYPE_MODELS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/steward-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardPreferencesWindow, add_provider_button);
  gtk_widget_class_bind_template_child (widget_class, StewardPreferencesWindow, auto_switch);
  gtk_widget_class_bind_template_child (widget_class, StewardPreferencesWindow, budget_spin);
  gtk_widget_class_bind_template_child (widget_class, StewardPreferencesWindow, exchanges_spin);
  gtk_widget_class_bind_template_child (widget_class, StewardPreferencesWindow, instructions_buffer);
  gtk_widget_class_bind_template_child (widget_class, StewardPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, StewardPreferencesWindow, memory_list);
  gtk_widget_class_bind_template_child (widget_class, StewardPreferencesWindow, memory_page);
  gtk_widget_class_bind_template_child (widget_class, StewardPreferencesWindow, models_page);
  gtk_widget_class_bind_template_child (widget_class, StewardPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, StewardPreferencesWindow, no_providers_row);
  gtk_widget_class_bind_template_child (widget_class, StewardPreferencesWindow, personalization_page);
  gtk_widget_class_bind_template_child (widget_class, StewardPreferencesWindow, providers_group);
  gtk_widget_class_bind_template_child (widget_class, StewardPreferencesWindow, providers_page);
  gtk_widget_class_bind_template_child (widget_class, StewardPreferencesWindow, tone_row);
  gtk_widget_class_bind_template_callback (widget_class, add_provider_clicked_cb);
}

static void
steward_preferences_window_init (StewardPreferencesWindow *self)
{
  self->cancellable = g_cancellable_new ();
  self->session = soup_session_new_with_options ("timeout", HTTP_TIMEOUT_SEC, NULL);
  self->provider_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  steward_models_page_set_session (self->models_page, self->session);
  steward_preferences_window_bind_settings (self);

  g_signal_connect (self, "notify::is-active",
                    G_CALLBACK (steward_preferences_window_notify_is_active),
                    NULL);
}

/**
 * steward_preferences_window_get_store:
 *
 * Returns: (transfer none) (nullable): the store being edited
 */
StewardStore *
steward_preferences_window_get_store (StewardPreferencesWindow *self)
{
  g_return_val_if_fail (STEWARD_IS_PREFERENCES_WINDOW (self), NULL);

  return self->store;
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
                                           self->providers_page);
}

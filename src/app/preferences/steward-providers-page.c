/* steward-providers-page.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-providers-page"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-application.h"
#include "steward-provider-dialog.h"
#include "steward-providers-page.h"

/* Preferences → Providers: one row per provider, to edit or remove it,
 * and the button that adds one. The providers come from the services'
 * registry, which keeps a provider's settings and its key together.
 */

struct _StewardProvidersPage
{
  AdwPreferencesPage       parent_instance;

  /* Template widgets */
  GtkButton               *add_provider_button;
  AdwActionRow            *no_providers_row;
  AdwPreferencesGroup     *providers_group;

  /* Owned */
  StewardProviderRegistry *registry;
  SoupSession             *session;
  GCancellable            *cancellable;
  /* The providers as stored, in the order the rows show them. */
  GListModel              *providers;
  GPtrArray               *provider_rows;
};

G_DEFINE_FINAL_TYPE (StewardProvidersPage, steward_providers_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_PROVIDERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void steward_providers_page_reload (StewardProvidersPage *self);

GtkWidget *
steward_providers_page_new (void)
{
  return g_object_new (STEWARD_TYPE_PROVIDERS_PAGE, NULL);
}

static void
steward_providers_page_toast (StewardProvidersPage *self,
                              const char           *message)
{
  GtkWidget *window;

  g_assert (STEWARD_IS_PROVIDERS_PAGE (self));

  window = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_WINDOW);
  if (window != NULL)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), adw_toast_new (message));
  else
    g_message ("%s", message);
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

/* -- adding and editing ---------------------------------------------------- */

static void
dialog_saved_cb (StewardProvidersPage  *self,
                 StewardProvider       *provider,
                 StewardProviderDialog *dialog)
{
  g_assert (STEWARD_IS_PROVIDERS_PAGE (self));

  steward_providers_page_reload (self);
}

static void
steward_providers_page_open_dialog (StewardProvidersPage *self,
                                    StewardProvider      *provider)
{
  StewardProviderDialog *dialog;

  g_assert (STEWARD_IS_PROVIDERS_PAGE (self));

  if (self->registry == NULL || self->session == NULL)
    return;

  dialog = steward_provider_dialog_new (self->registry, self->session, provider);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (dialog, "saved",
                           G_CALLBACK (dialog_saved_cb),
                           self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_provider_clicked_cb (StewardProvidersPage *self,
                         GtkButton            *button)
{
  g_assert (STEWARD_IS_PROVIDERS_PAGE (self));

  steward_providers_page_open_dialog (self, NULL);
}

/* From the row's Edit button, or the row itself. */
static void
edit_provider_clicked_cb (StewardProvidersPage *self,
                          GtkWidget            *widget)
{
  g_assert (STEWARD_IS_PROVIDERS_PAGE (self));

  steward_providers_page_open_dialog (self, g_object_get_data (G_OBJECT (widget), "provider"));
}

/* -- removing -------------------------------------------------------------- */

static void
removed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(StewardProvidersPage) self = user_data;
  g_autoptr(GError) key_error = NULL;
  g_autoptr(GError) error = NULL;
  const GError *failed;

  /* Either the provider is still there, or its key is. */
  if (steward_provider_registry_remove_finish (STEWARD_PROVIDER_REGISTRY (object), result, &key_error, &error))
    failed = key_error;
  else
    failed = error;

  if (failed == NULL)
    return;

  /* The window may have closed meanwhile: say it where it can be seen. */
  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    g_message ("%s", failed->message);
  else
    steward_providers_page_toast (self, failed->message);
}

static void
remove_response_cb (StewardProvidersPage *self,
                    const char           *response,
                    AdwMessageDialog     *dialog)
{
  StewardProvider *provider;

  g_assert (STEWARD_IS_PROVIDERS_PAGE (self));

  if (g_strcmp0 (response, "remove") != 0 || self->registry == NULL)
    return;

  provider = g_object_get_data (G_OBJECT (dialog), "provider");

  /* No cancellable: the key goes even when the window closes first. The
   * provider's row is gone once this returns (or an error says why not).
   */
  steward_provider_registry_remove_async (self->registry, steward_provider_get_name (provider), NULL,
                                          removed_cb, g_object_ref (self));

  steward_providers_page_reload (self);
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
remove_provider_clicked_cb (StewardProvidersPage *self,
                            GtkButton            *button)
{
  StewardProvider *provider;
  GtkWidget *dialog;

  g_assert (STEWARD_IS_PROVIDERS_PAGE (self));

  provider = g_object_get_data (G_OBJECT (button), "provider");

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Remove Provider?"), NULL);
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

/* -- the rows -------------------------------------------------------------- */

static GtkWidget *
steward_providers_page_create_row_button (StewardProvidersPage *self,
                                          StewardProvider      *provider,
                                          const char           *icon_name,
                                          const char           *tooltip,
                                          const char           *label,
                                          GCallback             callback)
{
  GtkWidget *button;

  g_assert (STEWARD_IS_PROVIDERS_PAGE (self));

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
steward_providers_page_create_row (StewardProvidersPage *self,
                                   StewardProvider      *provider)
{
  g_autofree char *summary = dup_provider_summary (provider);
  g_autofree char *edit_label = NULL;
  g_autofree char *remove_label = NULL;
  const char *name = steward_provider_get_name (provider);
  GtkWidget *row;
  GtkWidget *edit;
  GtkWidget *remove;

  g_assert (STEWARD_IS_PROVIDERS_PAGE (self));

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);

  /* Translators: %s is the name of a provider; read by screen readers */
  edit_label = g_strdup_printf (_("Edit %s"), name);
  /* Translators: %s is the name of a provider; read by screen readers */
  remove_label = g_strdup_printf (_("Remove %s"), name);

  edit = steward_providers_page_create_row_button (self, provider, "document-edit-symbolic",
                                                   _("Edit"), edit_label,
                                                   G_CALLBACK (edit_provider_clicked_cb));
  remove = steward_providers_page_create_row_button (self, provider, "user-trash-symbolic",
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

/* Refills the rows, and says the providers changed: the Models page
 * chooses among them.
 */
static void
steward_providers_page_reload (StewardProvidersPage *self)
{
  g_autoptr(GListModel) providers = NULL;
  g_autoptr(GError) error = NULL;
  guint n_providers;

  g_assert (STEWARD_IS_PROVIDERS_PAGE (self));

  if (self->registry == NULL)
    return;

  for (guint i = 0; i < self->provider_rows->len; i++)
    adw_preferences_group_remove (self->providers_group, g_ptr_array_index (self->provider_rows, i));
  g_ptr_array_set_size (self->provider_rows, 0);

  if (!(providers = steward_provider_registry_list (self->registry, &error)))
    {
      g_warning ("Cannot list the providers: %s", error->message);
      steward_providers_page_toast (self, error->message);
      providers = G_LIST_MODEL (g_list_store_new (STEWARD_TYPE_PROVIDER));
    }

  g_set_object (&self->providers, providers);
  n_providers = g_list_model_get_n_items (providers);

  for (guint i = 0; i < n_providers; i++)
    {
      g_autoptr(StewardProvider) provider = g_list_model_get_item (providers, i);
      GtkWidget *row = steward_providers_page_create_row (self, provider);

      adw_preferences_group_add (self->providers_group, row);
      g_ptr_array_add (self->provider_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->no_providers_row), n_providers == 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROVIDERS]);
}

/* -- GObject --------------------------------------------------------------- */

static void
steward_providers_page_constructed (GObject *object)
{
  StewardProvidersPage *self = (StewardProvidersPage *)object;
  GApplication *app = g_application_get_default ();

  G_OBJECT_CLASS (steward_providers_page_parent_class)->constructed (object);

  /* Taken from the application's services: without an open store there
   * is nothing to show or change.
   */
  if (STEWARD_IS_APPLICATION (app))
    g_set_object (&self->registry, steward_services_get_providers (STEWARD_SERVICES_DEFAULT));

  gtk_widget_set_sensitive (GTK_WIDGET (self), self->registry != NULL);
  steward_providers_page_reload (self);
}

static void
steward_providers_page_dispose (GObject *object)
{
  StewardProvidersPage *self = (StewardProvidersPage *)object;

  g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_PROVIDERS_PAGE);

  g_clear_pointer (&self->provider_rows, g_ptr_array_unref);
  g_clear_object (&self->providers);
  g_clear_object (&self->registry);
  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (steward_providers_page_parent_class)->dispose (object);
}

static void
steward_providers_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  StewardProvidersPage *self = STEWARD_PROVIDERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROVIDERS:
      g_value_set_object (value, self->providers);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_providers_page_class_init (StewardProvidersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = steward_providers_page_constructed;
  object_class->dispose = steward_providers_page_dispose;
  object_class->get_property = steward_providers_page_get_property;

  /**
   * StewardProvidersPage:providers:
   *
   * The providers the page lists, a #GListModel of #StewardProvider;
   * a new one each time the list is read again.
   */
  properties[PROP_PROVIDERS] =
    g_param_spec_object ("providers", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/steward-providers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardProvidersPage, add_provider_button);
  gtk_widget_class_bind_template_child (widget_class, StewardProvidersPage, no_providers_row);
  gtk_widget_class_bind_template_child (widget_class, StewardProvidersPage, providers_group);
  gtk_widget_class_bind_template_callback (widget_class, add_provider_clicked_cb);
}

static void
steward_providers_page_init (StewardProvidersPage *self)
{
  self->cancellable = g_cancellable_new ();
  self->provider_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * steward_providers_page_get_providers:
 *
 * Returns: (transfer none) (nullable): the providers listed, a
 *   #GListModel of #StewardProvider
 */
GListModel *
steward_providers_page_get_providers (StewardProvidersPage *self)
{
  g_return_val_if_fail (STEWARD_IS_PROVIDERS_PAGE (self), NULL);

  return self->providers;
}

/**
 * steward_providers_page_set_session:
 *
 * Sets the HTTP session Test Connection uses in the provider dialog.
 */
void
steward_providers_page_set_session (StewardProvidersPage *self,
                                    SoupSession          *session)
{
  g_return_if_fail (STEWARD_IS_PROVIDERS_PAGE (self));
  g_return_if_fail (!session || SOUP_IS_SESSION (session));

  g_set_object (&self->session, session);
}

/* steward-provider-dialog.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-provider-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-provider-dialog-private.h"

G_DEFINE_FINAL_TYPE (StewardProviderDialog, steward_provider_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_PROVIDER,
  PROP_PROVIDERS,
  PROP_SESSION,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* In the order of steward_provider_get_kinds (). */
static const struct {
  const char *kind;
  const char *label;
} kinds[] = {
  { "openai", N_("OpenAI-compatible") },
  { "anthropic", N_("Anthropic") },
  { "gemini", N_("Gemini") },
  { "ollama", N_("Ollama") },
};

/**
 * steward_provider_dialog_get_kind_label:
 * @kind: a provider kind, such as "openai"
 *
 * Returns: the name of @kind to show the user
 */
const char *
steward_provider_dialog_get_kind_label (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].kind, kind) == 0)
      return _(kinds[i].label);

  return kind;
}

StewardProviderDialog *
steward_provider_dialog_new (StewardProviderRegistry *providers,
                             SoupSession             *session,
                             StewardProvider         *provider)
{
  g_return_val_if_fail (STEWARD_IS_PROVIDER_REGISTRY (providers), NULL);
  g_return_val_if_fail (SOUP_IS_SESSION (session), NULL);
  g_return_val_if_fail (!provider || STEWARD_IS_PROVIDER (provider), NULL);

  return g_object_new (STEWARD_TYPE_PROVIDER_DIALOG,
                       "providers", providers,
                       "session", session,
                       "provider", provider,
                       NULL);
}

void
_steward_provider_dialog_wipe_string (char **str)
{
  if (*str != NULL)
    memset (*str, 0, strlen (*str));
  g_clear_pointer (str, g_free);
}

Call *
_steward_provider_dialog_call_new (StewardProviderDialog *self,
                                   StewardProvider       *provider)
{
  Call *call = g_new0 (Call, 1);

  call->self = g_object_ref (self);
  call->provider = provider ? g_object_ref (provider) : NULL;

  return call;
}

void
_steward_provider_dialog_call_free (Call *call)
{
  g_clear_object (&call->self);
  g_clear_object (&call->provider);
  g_free (call);
}

char *
_steward_provider_dialog_dup_row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

gboolean
_steward_provider_dialog_row_is_empty (AdwEntryRow *row)
{
  g_autofree char *text = _steward_provider_dialog_dup_row_text (row);

  return text[0] == '\0';
}

static const char *
steward_provider_dialog_get_kind (StewardProviderDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  if (selected >= G_N_ELEMENTS (kinds))
    selected = 0;

  return kinds[selected].kind;
}

/* An empty address stands for the kind's default one. */
static gboolean
address_is_valid (const char *address)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  if (address[0] == '\0')
    return TRUE;

  if (!(uri = g_uri_parse (address, G_URI_FLAGS_NONE, NULL)))
    return FALSE;

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);

  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0)
         && host != NULL && host[0] != '\0';
}

static void
set_style_class (GtkWidget  *widget,
                 const char *name,
                 gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, name);
  else
    gtk_widget_remove_css_class (widget, name);
}

void
_steward_provider_dialog_show_error (StewardProviderDialog *self,
                                     const char            *message)
{
  g_assert (STEWARD_IS_PROVIDER_DIALOG (self));

  if (message != NULL)
    gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

void
_steward_provider_dialog_emit_saved (StewardProviderDialog *self,
                                     StewardProvider       *provider)
{
  g_assert (STEWARD_IS_PROVIDER_DIALOG (self));

  g_signal_emit (self, signals[SAVED], 0, provider);
}

void
_steward_provider_dialog_update (StewardProviderDialog *self)
{
  g_autofree char *address = NULL;
  g_autofree char *default_url = NULL;
  g_autofree char *description = NULL;
  g_autoptr(StewardProvider) sample = NULL;
  gboolean address_valid;
  gboolean has_env;
  gboolean has_key;
  gboolean busy;

  g_assert (STEWARD_IS_PROVIDER_DIALOG (self));

  address = _steward_provider_dialog_dup_row_text (self->address_row);
  address_valid = address_is_valid (address);
  has_env = !_steward_provider_dialog_row_is_empty (self->env_row);
  has_key = !_steward_provider_dialog_row_is_empty (self->key_row);
  busy = self->saving || self->looking_up;

  if (!address_valid)
    {
      description = g_strdup (_("The address must start with http:// or https://."));
    }
  else if ((sample = steward_provider_new (steward_provider_dialog_get_kind (self), "", NULL)))
    {
      /* Translators: %s is a web address, such as https://api.openai.com/v1 */
      description = g_strdup_printf (_("Leave Address empty to use %s."),
                                     steward_provider_get_default_base_url (sample));
    }

  adw_preferences_group_set_description (self->connection_group, description);
  set_style_class (GTK_WIDGET (self->address_row), "error", !address_valid);

  /* A key is typed here or read from the environment, never both. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->key_row), !has_env && !self->saving);
  gtk_widget_set_sensitive (GTK_WIDGET (self->env_row), !has_key && !self->saving);
  gtk_widget_set_visible (GTK_WIDGET (self->stored_key_row),
                          self->stored_key != NULL && !self->key_removed && !has_env);

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button),
                            !busy && address_valid && !_steward_provider_dialog_row_is_empty (self->name_row));
  gtk_widget_set_sensitive (GTK_WIDGET (self->test_button),
                            !self->testing && !self->looking_up && address_valid);
  gtk_widget_set_visible (GTK_WIDGET (self->save_spinner), self->saving);
  gtk_spinner_set_spinning (self->save_spinner, self->saving);
  gtk_widget_set_visible (GTK_WIDGET (self->test_spinner), self->testing);
  gtk_spinner_set_spinning (self->test_spinner, self->testing);
}

/* A provider holding what the dialog shows. For a test the name may be
 * empty: the kind's label then names it in error sentences.
 */
StewardProvider *
_steward_provider_dialog_build_provider (StewardProviderDialog  *self,
                                         gboolean                for_test,
                                         GError                **error)
{
  g_autoptr(StewardProvider) provider = NULL;
  g_autofree char *name = _steward_provider_dialog_dup_row_text (self->name_row);
  g_autofree char *address = _steward_provider_dialog_dup_row_text (self->address_row);
  g_autofree char *model = _steward_provider_dialog_dup_row_text (self->model_row);
  g_autofree char *env = _steward_provider_dialog_dup_row_text (self->env_row);
  const char *kind = steward_provider_dialog_get_kind (self);

  g_assert (STEWARD_IS_PROVIDER_DIALOG (self));

  if (name[0] == '\0')
    {
      if (!for_test)
        {
          g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID,
                       _("A provider needs a name."));
          return NULL;
        }

      g_free (name);
      name = g_strdup (steward_provider_dialog_get_kind_label (kind));
    }

  if (!address_is_valid (address))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a web address: it must start with http:// or https://."),
                   address);
      return NULL;
    }

  if (!(provider = steward_provider_new (kind, name, error)))
    return NULL;

  steward_provider_set_base_url (provider, address);
  steward_provider_set_model (provider, model);
  steward_provider_set_api_key_env (provider, env);

  return g_steal_pointer (&provider);
}
/* Editing */

static void
field_changed_cb (StewardProviderDialog *self,
                  GtkEditable           *editable)
{
  g_assert (STEWARD_IS_PROVIDER_DIALOG (self));

  if (editable == GTK_EDITABLE (self->name_row))
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");

  /* The error was about what the user is now changing. */
  if (!self->saving)
    _steward_provider_dialog_show_error (self, NULL);

  _steward_provider_dialog_update (self);
}

static void
model_changed_cb (StewardProviderDialog *self,
                  GtkEditable           *editable)
{
  g_assert (STEWARD_IS_PROVIDER_DIALOG (self));

  _steward_provider_dialog_update_model_checks (self);
}

static void
kind_selected_cb (StewardProviderDialog *self,
                  GParamSpec            *pspec,
                  AdwComboRow           *row)
{
  g_assert (STEWARD_IS_PROVIDER_DIALOG (self));

  /* Models listed for another kind of server mean nothing now. */
  _steward_provider_dialog_clear_models (self);
  _steward_provider_dialog_update (self);
}

static void
remove_key_clicked_cb (StewardProviderDialog *self,
                       GtkButton             *button)
{
  g_assert (STEWARD_IS_PROVIDER_DIALOG (self));

  /* Taken from the keyring on Save, so Cancel still keeps it. */
  self->key_removed = TRUE;
  _steward_provider_dialog_update (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->key_row));
}

static void
lookup_stored_key_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(StewardProviderDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;

  key = steward_secrets_lookup_api_key_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error != NULL)
    g_debug ("Cannot look up the stored key: %s", error->message);

  self->looking_up = FALSE;

  if (key != NULL && key[0] != '\0')
    self->stored_key = g_steal_pointer (&key);

  _steward_provider_dialog_wipe_string (&key);
  _steward_provider_dialog_update (self);
}

static void
steward_provider_dialog_load (StewardProviderDialog *self)
{
  g_autoptr(StewardProvider) keyring_provider = NULL;
  StewardProvider *provider = self->provider;
  const char *base_url;

  g_assert (STEWARD_IS_PROVIDER_DIALOG (self));

  if (provider == NULL)
    {
      _steward_provider_dialog_update (self);
      return;
    }

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Provider"));
  gtk_label_set_text_with_mnemonic (self->save_label, _("_Save"));

  self->saved_name = g_strdup (steward_provider_get_name (provider));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].kind, steward_provider_get_kind (provider)) == 0)
      adw_combo_row_set_selected (self->kind_row, i);

  /* The official address shows as an empty row, as when it was added. */
  base_url = steward_provider_get_base_url (provider);
  if (g_strcmp0 (base_url, steward_provider_get_default_base_url (provider)) == 0)
    base_url = "";

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), self->saved_name);
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), base_url);
  gtk_editable_set_text (GTK_EDITABLE (self->model_row),
                         steward_provider_get_model (provider) ? steward_provider_get_model (provider) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->env_row),
                         steward_provider_get_api_key_env (provider) ? steward_provider_get_api_key_env (provider) : "");

  /* Whether the keyring holds a key, whatever the environment says: a
   * copy without the variable asks the keyring only.
   */
  keyring_provider = steward_provider_new (steward_provider_get_kind (provider),
                                           self->saved_name, NULL);
  if (keyring_provider != NULL)
    {
      self->looking_up = TRUE;
      steward_secrets_lookup_api_key_async (steward_provider_get_name (keyring_provider), steward_provider_get_api_key_env (keyring_provider), self->cancellable,
                                            lookup_stored_key_cb,
                                            g_object_ref (self));
    }

  _steward_provider_dialog_update (self);
}
/* GObject */

static void
steward_provider_dialog_constructed (GObject *object)
{
  StewardProviderDialog *self = (StewardProviderDialog *)object;

  G_OBJECT_CLASS (steward_provider_dialog_parent_class)->constructed (object);

  steward_provider_dialog_load (self);
}

static gboolean
steward_provider_dialog_close_request (GtkWindow *window)
{
  StewardProviderDialog *self = (StewardProviderDialog *)window;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->test_cancellable);

  return GTK_WINDOW_CLASS (steward_provider_dialog_parent_class)->close_request (window);
}

static void
steward_provider_dialog_dispose (GObject *object)
{
  StewardProviderDialog *self = (StewardProviderDialog *)object;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->test_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_PROVIDER_DIALOG);

  g_clear_object (&self->test_cancellable);
  g_clear_object (&self->providers);
  g_clear_object (&self->session);
  g_clear_object (&self->provider);
  g_clear_pointer (&self->model_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (steward_provider_dialog_parent_class)->dispose (object);
}

static void
steward_provider_dialog_finalize (GObject *object)
{
  StewardProviderDialog *self = (StewardProviderDialog *)object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->saved_name, g_free);
  _steward_provider_dialog_wipe_string (&self->stored_key);

  G_OBJECT_CLASS (steward_provider_dialog_parent_class)->finalize (object);
}

static void
steward_provider_dialog_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  StewardProviderDialog *self = STEWARD_PROVIDER_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PROVIDER:
      g_value_set_object (value, self->provider);
      break;

    case PROP_PROVIDERS:
      g_value_set_object (value, self->providers);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_provider_dialog_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  StewardProviderDialog *self = STEWARD_PROVIDER_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PROVIDER:
      self->provider = g_value_dup_object (value);
      break;

    case PROP_PROVIDERS:
      self->providers = g_value_dup_object (value);
      break;

    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_provider_dialog_class_init (StewardProviderDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = steward_provider_dialog_constructed;
  object_class->dispose = steward_provider_dialog_dispose;
  object_class->finalize = steward_provider_dialog_finalize;
  object_class->get_property = steward_provider_dialog_get_property;
  object_class->set_property = steward_provider_dialog_set_property;

  window_class->close_request = steward_provider_dialog_close_request;

  /**
   * StewardProviderDialog:provider:
   *
   * The provider being edited, or %NULL to add one; once saved, the
   * provider as stored.
   */
  properties[PROP_PROVIDER] =
    g_param_spec_object ("provider", NULL, NULL,
                         STEWARD_TYPE_PROVIDER,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * StewardProviderDialog:providers:
   *
   * The registry the provider is saved in, with its key.
   */
  properties[PROP_PROVIDERS] =
    g_param_spec_object ("providers", NULL, NULL,
                         STEWARD_TYPE_PROVIDER_REGISTRY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * StewardProviderDialog:session:
   *
   * The HTTP session Test Connection uses.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         SOUP_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StewardProviderDialog::saved:
   * @provider: the provider as stored
   *
   * The provider was added or updated, with its key.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, STEWARD_TYPE_PROVIDER);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/steward-provider-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardProviderDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, StewardProviderDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, StewardProviderDialog, connection_group);
  gtk_widget_class_bind_template_child (widget_class, StewardProviderDialog, env_row);
  gtk_widget_class_bind_template_child (widget_class, StewardProviderDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, StewardProviderDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, StewardProviderDialog, key_row);
  gtk_widget_class_bind_template_child (widget_class, StewardProviderDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, StewardProviderDialog, model_row);
  gtk_widget_class_bind_template_child (widget_class, StewardProviderDialog, models_row);
  gtk_widget_class_bind_template_child (widget_class, StewardProviderDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, StewardProviderDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, StewardProviderDialog, save_label);
  gtk_widget_class_bind_template_child (widget_class, StewardProviderDialog, save_spinner);
  gtk_widget_class_bind_template_child (widget_class, StewardProviderDialog, stored_key_row);
  gtk_widget_class_bind_template_child (widget_class, StewardProviderDialog, test_button);
  gtk_widget_class_bind_template_child (widget_class, StewardProviderDialog, test_error_row);
  gtk_widget_class_bind_template_child (widget_class, StewardProviderDialog, test_spinner);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, model_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_key_clicked_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "save_clicked_cb",
                                                G_CALLBACK (_steward_provider_dialog_save_clicked_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "test_clicked_cb",
                                                G_CALLBACK (_steward_provider_dialog_test_clicked_cb));
}

static void
steward_provider_dialog_init (StewardProviderDialog *self)
{
  g_autoptr(GtkStringList) kind_labels = gtk_string_list_new (NULL);

  self->cancellable = g_cancellable_new ();
  self->model_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (kind_labels, _(kinds[i].label));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kind_labels));
}

/**
 * steward_provider_dialog_get_provider:
 *
 * Returns: (transfer none) (nullable): the provider being edited, or the
 *   one saved
 */
StewardProvider *
steward_provider_dialog_get_provider (StewardProviderDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_PROVIDER_DIALOG (self), NULL);

  return self->provider;
}

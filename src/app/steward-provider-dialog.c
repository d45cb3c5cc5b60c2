/* steward-provider-dialog.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-provider-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-provider-dialog.h"

/* Test Connection shows the models in an open list when there are this
 * few; a long list (OpenAI offers dozens) starts folded.
 */
#define MODELS_SHOWN_OPEN 12

struct _StewardProviderDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwEntryRow          *address_row;
  GtkButton            *cancel_button;
  AdwPreferencesGroup  *connection_group;
  AdwEntryRow          *env_row;
  GtkLabel             *error_label;
  GtkRevealer          *error_revealer;
  AdwEntryRow          *key_row;
  AdwComboRow          *kind_row;
  AdwEntryRow          *model_row;
  AdwExpanderRow       *models_row;
  AdwEntryRow          *name_row;
  GtkButton            *save_button;
  GtkLabel             *save_label;
  GtkSpinner           *save_spinner;
  AdwActionRow         *stored_key_row;
  GtkButton            *test_button;
  AdwActionRow         *test_error_row;
  GtkSpinner           *test_spinner;

  /* Owned */
  StewardStore         *store;
  SoupSession          *session;
  StewardProvider      *provider;
  GCancellable         *cancellable;
  GCancellable         *test_cancellable;
  GPtrArray            *model_rows;
  /* The name the provider is stored under; NULL until it is stored. */
  char                 *saved_name;
  /* The name a keyring key is stored under, and that key (wiped on
   * finalize): a rename moves it, Test Connection uses it.
   */
  char                 *key_name;
  char                 *stored_key;

  guint                 looking_up : 1;
  guint                 saving : 1;
  guint                 testing : 1;
  guint                 key_removed : 1;
};

G_DEFINE_FINAL_TYPE (StewardProviderDialog, steward_provider_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_PROVIDER,
  PROP_SESSION,
  PROP_STORE,
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
steward_provider_dialog_new (StewardStore    *store,
                             SoupSession     *session,
                             StewardProvider *provider)
{
  g_return_val_if_fail (STEWARD_IS_STORE (store), NULL);
  g_return_val_if_fail (SOUP_IS_SESSION (session), NULL);
  g_return_val_if_fail (!provider || STEWARD_IS_PROVIDER (provider), NULL);

  return g_object_new (STEWARD_TYPE_PROVIDER_DIALOG,
                       "store", store,
                       "session", session,
                       "provider", provider,
                       NULL);
}

static void
wipe_string (char **str)
{
  if (*str != NULL)
    memset (*str, 0, strlen (*str));
  g_clear_pointer (str, g_free);
}

/* What an async call needs back: the dialog, and the provider or key it
 * worked on.
 */
typedef struct
{
  StewardProviderDialog *self;
  StewardProvider       *provider;
  char                  *key;
} Call;

static Call *
call_new (StewardProviderDialog *self,
          StewardProvider       *provider,
          const char            *key)
{
  Call *call = g_new0 (Call, 1);

  call->self = g_object_ref (self);
  call->provider = provider ? g_object_ref (provider) : NULL;
  call->key = g_strdup (key);

  return call;
}

static void
call_free (Call *call)
{
  g_clear_object (&call->self);
  g_clear_object (&call->provider);
  wipe_string (&call->key);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Call, call_free)

static char *
dup_row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static gboolean
row_is_empty (AdwEntryRow *row)
{
  g_autofree char *text = dup_row_text (row);

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

static void
steward_provider_dialog_show_error (StewardProviderDialog *self,
                                    const char            *message)
{
  g_assert (STEWARD_IS_PROVIDER_DIALOG (self));

  if (message != NULL)
    gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static void
steward_provider_dialog_update (StewardProviderDialog *self)
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

  address = dup_row_text (self->address_row);
  address_valid = address_is_valid (address);
  has_env = !row_is_empty (self->env_row);
  has_key = !row_is_empty (self->key_row);
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
                            !busy && address_valid && !row_is_empty (self->name_row));
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
static StewardProvider *
steward_provider_dialog_build_provider (StewardProviderDialog  *self,
                                        gboolean                for_test,
                                        GError                **error)
{
  g_autoptr(StewardProvider) provider = NULL;
  g_autofree char *name = dup_row_text (self->name_row);
  g_autofree char *address = dup_row_text (self->address_row);
  g_autofree char *model = dup_row_text (self->model_row);
  g_autofree char *env = dup_row_text (self->env_row);
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

/* Test Connection */

static void
steward_provider_dialog_update_model_checks (StewardProviderDialog *self)
{
  g_autofree char *model = NULL;

  g_assert (STEWARD_IS_PROVIDER_DIALOG (self));

  model = dup_row_text (self->model_row);

  for (guint i = 0; i < self->model_rows->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (self->model_rows, i);
      GtkWidget *check = g_object_get_data (G_OBJECT (row), "check");

      gtk_widget_set_visible (check,
                              g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                         model) == 0);
    }
}

static void
model_row_activated_cb (StewardProviderDialog *self,
                        AdwActionRow          *row)
{
  g_assert (STEWARD_IS_PROVIDER_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->model_row),
                         adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
}

static void
steward_provider_dialog_clear_models (StewardProviderDialog *self)
{
  g_assert (STEWARD_IS_PROVIDER_DIALOG (self));

  for (guint i = 0; i < self->model_rows->len; i++)
    adw_expander_row_remove (self->models_row, g_ptr_array_index (self->model_rows, i));
  g_ptr_array_set_size (self->model_rows, 0);

  gtk_widget_set_visible (GTK_WIDGET (self->models_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->test_error_row), FALSE);
}

static void
steward_provider_dialog_show_models (StewardProviderDialog *self,
                                     const char * const    *models)
{
  g_autofree char *title = NULL;
  guint n_models = g_strv_length ((char **)models);

  g_assert (STEWARD_IS_PROVIDER_DIALOG (self));

  steward_provider_dialog_clear_models (self);

  for (guint i = 0; models[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), models[i]);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Default model"),
                                      -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (row), "check", check);
      g_signal_connect_object (row, "activated",
                               G_CALLBACK (model_row_activated_cb),
                               self,
                               G_CONNECT_SWAPPED);
      adw_expander_row_add_row (self->models_row, row);
      g_ptr_array_add (self->model_rows, row);
    }

  if (n_models == 0)
    title = g_strdup (_("Connected, but the provider lists no models"));
  else
    /* Translators: shown after Test Connection worked */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Connected: %u model available",
                                          "Connected: %u models available",
                                          n_models),
                             n_models);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->models_row), title);
  adw_expander_row_set_enable_expansion (self->models_row, n_models > 0);
  adw_expander_row_set_expanded (self->models_row, n_models > 0 && n_models <= MODELS_SHOWN_OPEN);
  gtk_widget_set_visible (GTK_WIDGET (self->models_row), TRUE);

  steward_provider_dialog_update_model_checks (self);
}

static void
steward_provider_dialog_show_test_error (StewardProviderDialog *self,
                                         const GError          *error)
{
  g_assert (STEWARD_IS_PROVIDER_DIALOG (self));

  steward_provider_dialog_clear_models (self);
  adw_action_row_set_subtitle (self->test_error_row, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->test_error_row), TRUE);
}

static void
steward_provider_dialog_test_done (StewardProviderDialog *self,
                                   const char * const    *models,
                                   const GError          *error)
{
  g_assert (STEWARD_IS_PROVIDER_DIALOG (self));

  self->testing = FALSE;
  g_clear_object (&self->test_cancellable);

  if (error != NULL)
    steward_provider_dialog_show_test_error (self, error);
  else
    steward_provider_dialog_show_models (self, models);

  steward_provider_dialog_update (self);
}

static void
list_models_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(StewardProviderDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) models = NULL;

  models = steward_provider_list_models_finish (STEWARD_PROVIDER (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  steward_provider_dialog_test_done (self, (const char * const *)models, error);
}

static void
test_lookup_key_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  StewardProviderDialog *self = call->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;

  key = steward_secrets_lookup_api_key_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error != NULL)
    {
      steward_provider_dialog_test_done (self, NULL, error);
      return;
    }

  steward_provider_list_models_async (call->provider, self->session, key,
                                      self->test_cancellable,
                                      list_models_cb,
                                      g_object_ref (self));
  wipe_string (&key);
}

static void
test_clicked_cb (StewardProviderDialog *self,
                 GtkButton             *button)
{
  g_autoptr(StewardProvider) provider = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *typed_key = NULL;
  const char *key = NULL;

  g_assert (STEWARD_IS_PROVIDER_DIALOG (self));

  if (!(provider = steward_provider_dialog_build_provider (self, TRUE, &error)))
    {
      steward_provider_dialog_show_test_error (self, error);
      return;
    }

  g_cancellable_cancel (self->test_cancellable);
  g_clear_object (&self->test_cancellable);
  self->test_cancellable = g_cancellable_new ();

  self->testing = TRUE;
  steward_provider_dialog_update (self);

  if (steward_provider_get_api_key_env (provider) != NULL)
    {
      /* The core reads the variable and says so when it is not set. */
      steward_secrets_lookup_api_key_async (provider, self->test_cancellable,
                                            test_lookup_key_cb,
                                            call_new (self, provider, NULL));
      return;
    }

  typed_key = dup_row_text (self->key_row);
  if (typed_key[0] != '\0')
    key = typed_key;
  else if (!self->key_removed)
    key = self->stored_key;

  steward_provider_list_models_async (provider, self->session, key,
                                      self->test_cancellable,
                                      list_models_cb,
                                      g_object_ref (self));
  wipe_string (&typed_key);
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
    steward_provider_dialog_show_error (self, NULL);

  steward_provider_dialog_update (self);
}

static void
model_changed_cb (StewardProviderDialog *self,
                  GtkEditable           *editable)
{
  g_assert (STEWARD_IS_PROVIDER_DIALOG (self));

  steward_provider_dialog_update_model_checks (self);
}

static void
kind_selected_cb (StewardProviderDialog *self,
                  GParamSpec            *pspec,
                  AdwComboRow           *row)
{
  g_assert (STEWARD_IS_PROVIDER_DIALOG (self));

  /* Models listed for another kind of server mean nothing now. */
  steward_provider_dialog_clear_models (self);
  steward_provider_dialog_update (self);
}

static void
remove_key_clicked_cb (StewardProviderDialog *self,
                       GtkButton             *button)
{
  g_assert (STEWARD_IS_PROVIDER_DIALOG (self));

  /* Taken from the keyring on Save, so Cancel still keeps it. */
  self->key_removed = TRUE;
  steward_provider_dialog_update (self);
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
    {
      self->stored_key = g_steal_pointer (&key);
      self->key_name = g_strdup (self->saved_name);
    }

  wipe_string (&key);
  steward_provider_dialog_update (self);
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
      steward_provider_dialog_update (self);
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
      steward_secrets_lookup_api_key_async (keyring_provider, self->cancellable,
                                            lookup_stored_key_cb,
                                            g_object_ref (self));
    }

  steward_provider_dialog_update (self);
}

/* Saving: the settings into the store, then the key into the keyring. */

static void
steward_provider_dialog_save_failed (StewardProviderDialog *self,
                                     const char            *message)
{
  g_assert (STEWARD_IS_PROVIDER_DIALOG (self));

  self->saving = FALSE;
  steward_provider_dialog_show_error (self, message);
  steward_provider_dialog_update (self);
}

static void
steward_provider_dialog_save_done (StewardProviderDialog *self)
{
  g_assert (STEWARD_IS_PROVIDER_DIALOG (self));

  self->saving = FALSE;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
clear_key_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(StewardProviderDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!steward_secrets_clear_api_key_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        steward_provider_dialog_save_failed (self, error->message);
      return;
    }

  /* The key now lives under the saved name, or nowhere. */
  g_free (self->key_name);
  self->key_name = self->stored_key ? g_strdup (self->saved_name) : NULL;

  steward_provider_dialog_save_done (self);
}

/* Takes the key stored under an old name, or a removed key, out of the
 * keyring; the key_name field changes only once that worked, so Save can
 * try again.
 */
static void
steward_provider_dialog_clear_old_key (StewardProviderDialog *self)
{
  g_assert (STEWARD_IS_PROVIDER_DIALOG (self));

  if (self->key_name == NULL ||
      (self->stored_key != NULL && g_strcmp0 (self->key_name, self->saved_name) == 0))
    {
      steward_provider_dialog_save_done (self);
      return;
    }

  steward_secrets_clear_api_key_async (self->key_name, self->cancellable,
                                       clear_key_cb,
                                       g_object_ref (self));
}

static void
store_key_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  StewardProviderDialog *self = call->self;
  g_autoptr(GError) error = NULL;

  if (!steward_secrets_store_api_key_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        steward_provider_dialog_save_failed (self, error->message);
      return;
    }

  wipe_string (&self->stored_key);
  self->stored_key = g_steal_pointer (&call->key);
  self->key_removed = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->key_row), "");

  if (self->key_name == NULL)
    self->key_name = g_strdup (self->saved_name);

  steward_provider_dialog_clear_old_key (self);
}

static void
steward_provider_dialog_save_key (StewardProviderDialog *self)
{
  g_autofree char *typed_key = NULL;
  const char *key = NULL;

  g_assert (STEWARD_IS_PROVIDER_DIALOG (self));

  typed_key = dup_row_text (self->key_row);

  if (!row_is_empty (self->env_row))
    self->key_removed = TRUE;  /* the environment holds the key now */
  else if (typed_key[0] != '\0')
    key = typed_key;
  else if (!self->key_removed && self->stored_key != NULL &&
           g_strcmp0 (self->key_name, self->saved_name) != 0)
    key = self->stored_key;  /* renamed: the key moves along */

  if (self->key_removed)
    wipe_string (&self->stored_key);

  if (key == NULL)
    {
      steward_provider_dialog_clear_old_key (self);
      return;
    }

  steward_secrets_store_api_key_async (self->saved_name, key, self->cancellable,
                                       store_key_cb,
                                       call_new (self, NULL, key));
  wipe_string (&typed_key);
}

static void
save_clicked_cb (StewardProviderDialog *self,
                 GtkButton             *button)
{
  g_autoptr(StewardProvider) provider = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  g_assert (STEWARD_IS_PROVIDER_DIALOG (self));

  if (self->saving || self->looking_up)
    return;

  steward_provider_dialog_show_error (self, NULL);

  if (!(provider = steward_provider_dialog_build_provider (self, FALSE, &error)))
    {
      steward_provider_dialog_show_error (self, error->message);
      return;
    }

  if (self->saved_name != NULL)
    saved = steward_store_update_provider (self->store, self->saved_name, provider, &error);
  else
    saved = steward_store_add_provider (self->store, provider, &error);

  if (!saved)
    {
      if (g_error_matches (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID))
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
          gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
        }
      steward_provider_dialog_show_error (self, error->message);
      return;
    }

  /* From here on the provider is stored: should the keyring fail, Save
   * again updates it rather than adding it twice.
   */
  g_free (self->saved_name);
  self->saved_name = g_strdup (steward_provider_get_name (provider));
  g_set_object (&self->provider, provider);
  g_signal_emit (self, signals[SAVED], 0, provider);

  self->saving = TRUE;
  steward_provider_dialog_update (self);
  steward_provider_dialog_save_key (self);
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
  g_clear_object (&self->store);
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
  g_clear_pointer (&self->key_name, g_free);
  wipe_string (&self->stored_key);

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

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
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

    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    case PROP_STORE:
      self->store = g_value_dup_object (value);
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
   * StewardProviderDialog:session:
   *
   * The HTTP session Test Connection uses.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         SOUP_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * StewardProviderDialog:store:
   *
   * The store the provider is saved in.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         STEWARD_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StewardProviderDialog::saved:
   * @provider: the provider as stored
   *
   * The provider was added or updated in the store (its key may still be
   * on its way to the keyring).
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
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, test_clicked_cb);
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

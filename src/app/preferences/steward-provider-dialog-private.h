/* steward-provider-dialog-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-provider-dialog.h"

G_BEGIN_DECLS

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
  StewardProviderRegistry *providers;
  SoupSession          *session;
  StewardProvider      *provider;
  GCancellable         *cancellable;
  GCancellable         *test_cancellable;
  GPtrArray            *model_rows;
  /* The name the provider is stored under; NULL until it is stored. */
  char                 *saved_name;
  /* The key the keyring holds for it (wiped on finalize): Test
   * Connection uses it.
   */
  char                 *stored_key;

  guint                 looking_up : 1;
  guint                 saving : 1;
  guint                 testing : 1;
  guint                 key_removed : 1;
};

/* What an async call needs back: the dialog, and the provider it worked
 * on.
 */
typedef struct
{
  StewardProviderDialog *self;
  StewardProvider       *provider;
} Call;

/* steward-provider-dialog.c */
void             _steward_provider_dialog_wipe_string          (char                  **str);
Call            *_steward_provider_dialog_call_new             (StewardProviderDialog  *self,
                                                                StewardProvider        *provider);
void             _steward_provider_dialog_call_free            (Call                   *call);
char            *_steward_provider_dialog_dup_row_text         (AdwEntryRow            *row);
gboolean         _steward_provider_dialog_row_is_empty         (AdwEntryRow            *row);
void             _steward_provider_dialog_show_error           (StewardProviderDialog  *self,
                                                                const char             *message);
void             _steward_provider_dialog_emit_saved           (StewardProviderDialog  *self,
                                                                StewardProvider        *provider);
void             _steward_provider_dialog_update               (StewardProviderDialog  *self);
StewardProvider *_steward_provider_dialog_build_provider       (StewardProviderDialog  *self,
                                                                gboolean                for_test,
                                                                GError                **error);

/* steward-provider-dialog-save.c */
void             _steward_provider_dialog_save_clicked_cb      (StewardProviderDialog  *self,
                                                                GtkButton              *button);

/* steward-provider-dialog-test.c */
void             _steward_provider_dialog_update_model_checks  (StewardProviderDialog  *self);
void             _steward_provider_dialog_clear_models         (StewardProviderDialog  *self);
void             _steward_provider_dialog_test_clicked_cb      (StewardProviderDialog  *self,
                                                                GtkButton              *button);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Call, _steward_provider_dialog_call_free)

G_END_DECLS

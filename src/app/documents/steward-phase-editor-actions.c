/* steward-phase-editor-actions.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-phase-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-phase-editor-private.h"

/* What the editor does to its phase besides typing: keep a version
 * (Ctrl+S), mark it completed, and show the preview or the versions. The
 * keys are the page's (steward-documents-page.c), so that they work from
 * the phase list too; drafting is in steward-phase-editor-draft.c. */

static void
save_version_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  StewardPhaseEditor *self = STEWARD_PHASE_EDITOR (widget);
  g_autoptr(StewardPhaseVersion) version = NULL;
  g_autoptr(GError) error = NULL;
  gint64 version_id = 0;

  if (self->phase == NULL || _steward_phase_editor_is_streaming (self))
    return;

  if (!_steward_phase_editor_save_text (self, STEWARD_VERSION_REASON_SAVED, &version_id, &error) ||
      !(version = steward_store_find_phase_version_by_id (_steward_phase_editor_get_store (), version_id, &error)))
    {
      _steward_phase_editor_show_error (self, error);
      return;
    }

  /* Translators: in a toast; %u is the version's number */
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new_format (_("Version %u saved"),
                                                     steward_phase_version_get_number (version)));
}

static void
complete_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  StewardPhaseEditor *self = STEWARD_PHASE_EDITOR (widget);
  StewardStore *store = _steward_phase_editor_get_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = _steward_phase_editor_dup_text (self);

  if (self->phase == NULL || store == NULL || _steward_phase_editor_is_streaming (self))
    return;

  g_clear_handle_id (&self->autosave_source, g_source_remove);

  if (!steward_store_complete_phase (store, steward_phase_get_id (self->phase), text, NULL, &error))
    {
      _steward_phase_editor_show_error (self, error);
      return;
    }

  self->dirty = FALSE;
}

/* Back to work on a completed phase: in progress, nothing else changed */
static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  StewardPhaseEditor *self = STEWARD_PHASE_EDITOR (widget);
  StewardStore *store = _steward_phase_editor_get_store ();
  g_autoptr(GError) error = NULL;

  if (self->phase == NULL || store == NULL || _steward_phase_editor_is_streaming (self))
    return;

  if (!steward_store_reopen_phase (store, steward_phase_get_id (self->phase), &error))
    _steward_phase_editor_show_error (self, error);
}

static void
toggle_preview_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  StewardPhaseEditor *self = STEWARD_PHASE_EDITOR (widget);

  gtk_toggle_button_set_active (self->preview_button, !gtk_toggle_button_get_active (self->preview_button));
}

static void
toggle_versions_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  StewardPhaseEditor *self = STEWARD_PHASE_EDITOR (widget);

  if (gtk_widget_get_visible (GTK_WIDGET (self->versions_button)))
    gtk_toggle_button_set_active (self->versions_button, !gtk_toggle_button_get_active (self->versions_button));
}

void
_steward_phase_editor_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "phase.complete", NULL, complete_action);
  gtk_widget_class_install_action (widget_class, "phase.reopen", NULL, reopen_action);
  gtk_widget_class_install_action (widget_class, "phase.save-version", NULL, save_version_action);
  gtk_widget_class_install_action (widget_class, "phase.toggle-preview", NULL, toggle_preview_action);
  gtk_widget_class_install_action (widget_class, "phase.toggle-versions", NULL, toggle_versions_action);
}

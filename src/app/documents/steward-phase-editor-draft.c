/* steward-phase-editor-draft.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-phase-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-phase-editor-private.h"

/* Generate and Stop: the phase shown is drafted by the model of the
 * size picked beside the button (remembered in GSettings), with the note
 * typed there. The draft streams into a version of its own
 * (StewardPhaseDraft), which the editor follows through the store; Stop
 * keeps what arrived. An error shows as one sentence with Retry, as a
 * reply in a chat does. The draft goes on if the user moves to another
 * phase; Generate waits until it is done. */

static const char * const tiers[] = { "medium", "large" };

static void
draft_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(StewardPhaseEditor) self = user_data;
  StewardPhaseDraft *draft = STEWARD_PHASE_DRAFT (object);
  g_autoptr(GError) error = NULL;
  gboolean shown;

  steward_phase_draft_run_finish (draft, result, &error);

  /* Disposed meanwhile: nothing to show */
  if (self->draft != draft)
    return;

  shown = _steward_phase_editor_is_streaming (self);
  g_clear_object (&self->draft);
  g_clear_object (&self->draft_cancellable);

  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && shown)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_revealer), TRUE);
      gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
    }
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      _steward_phase_editor_show_error (self, error);
    }

  _steward_phase_editor_update_state (self);
  _steward_phase_editor_notify_busy (self);
}

static void
generate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  StewardPhaseEditor *self = STEWARD_PHASE_EDITOR (widget);
  g_autofree char *note = NULL;
  guint tier;

  if (self->phase == NULL || self->draft != NULL || self->following_id != 0)
    return;

  /* The user's text is kept as it is before the draft starts */
  steward_phase_editor_save (self);

  tier = gtk_drop_down_get_selected (self->tier_dropdown);
  note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_entry))));

  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  self->draft = steward_phase_draft_new (STEWARD_SERVICES_DEFAULT,
                                         steward_phase_get_id (self->phase),
                                         tiers[MIN (tier, G_N_ELEMENTS (tiers) - 1)],
                                         note[0] != '\0' ? note : NULL);
  self->draft_cancellable = g_cancellable_new ();
  steward_phase_draft_run_async (self->draft, self->draft_cancellable, draft_cb, g_object_ref (self));

  _steward_phase_editor_update_state (self);
  _steward_phase_editor_notify_busy (self);

  /* Stop takes the place of Generate: the keyboard goes with it */
  if (gtk_widget_has_focus (GTK_WIDGET (self->generate_button)))
    gtk_widget_grab_focus (GTK_WIDGET (self->stop_button));
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  StewardPhaseEditor *self = STEWARD_PHASE_EDITOR (widget);

  if (self->draft_cancellable != NULL)
    g_cancellable_cancel (self->draft_cancellable);
}

static void
note_activate_cb (StewardPhaseEditor *self)
{
  gtk_popover_popdown (self->generate_popover);
  gtk_widget_activate_action (GTK_WIDGET (self), "phase.generate", NULL);
}

static gboolean
get_tier_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char *tier = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tiers); i++)
    if (g_strcmp0 (tier, tiers[i]) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
set_tier_mapping (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (tiers))
    return NULL;

  return g_variant_new_string (tiers[selected]);
}

void
_steward_phase_editor_init_draft (StewardPhaseEditor *self)
{
  self->settings = g_settings_new (BASE_APP_ID);
  g_settings_bind_with_mapping (self->settings, "document-tier",
                                self->tier_dropdown, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                get_tier_mapping, set_tier_mapping,
                                NULL, NULL);
}

void
_steward_phase_editor_dispose_draft (StewardPhaseEditor *self)
{
  /* What arrived is in the store already; the rest is not waited for */
  if (self->draft_cancellable != NULL)
    g_cancellable_cancel (self->draft_cancellable);
  g_clear_object (&self->draft);
  g_clear_object (&self->draft_cancellable);
}

void
_steward_phase_editor_class_init_draft (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "phase.generate", NULL, generate_action);
  gtk_widget_class_install_action (widget_class, "phase.stop", NULL, stop_action);

  gtk_widget_class_bind_template_callback (widget_class, note_activate_cb);
}

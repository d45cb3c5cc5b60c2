/* steward-phase-editor-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

#include "steward-application.h"
#include "steward-markdown-view.h"
#include "steward-phase-editor.h"
#include "steward-word-count.h"

G_BEGIN_DECLS

struct _StewardPhaseEditor
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkButton           *complete_button;
  GtkButton           *reopen_button;
  GtkLabel            *error_label;
  GtkRevealer         *error_revealer;
  AdwSplitButton      *generate_button;
  GtkPopover          *generate_popover;
  GtkImage            *instructions_arrow;
  GtkBox              *instructions_box;
  GtkToggleButton     *instructions_button;
  GtkLabel            *instructions_label;
  GtkEntry            *note_entry;
  GtkLabel            *number_label;
  GtkToggleButton     *preview_button;
  StewardMarkdownView *preview_view;
  GtkScrolledWindow   *source_scroller;
  GtkSourceView       *source_view;
  GtkImage            *status_icon;
  GtkLabel            *status_label;
  GtkButton           *stop_button;
  GtkStack            *text_stack;
  GtkDropDown         *tier_dropdown;
  GtkLabel            *title_label;
  AdwToastOverlay     *toast_overlay;
  GtkBox              *versions_box;
  GtkToggleButton     *versions_button;
  GtkInscription      *word_count_label;

  /* Owned */
  StewardPhase        *phase;
  GSignalGroup        *phase_signals;
  GtkSourceBuffer     *buffer;
  StewardWordCount    *word_count;
  GSettings           *settings;
  StewardPhaseDraft   *draft;
  GCancellable        *draft_cancellable;
  guint                autosave_source;
  guint                count_source;

  /* The phase a draft run elsewhere (the stale redraft) writes */
  gint64               following_id;
  /* The buffer is being set from the store, not typed into */
  guint                loading : 1;
  /* Typed into since the store last had the text */
  guint                dirty : 1;
};

static inline StewardStore *
_steward_phase_editor_get_store (void)
{
  return steward_services_get_store (STEWARD_SERVICES_DEFAULT);
}

char    *_steward_phase_editor_dup_text         (StewardPhaseEditor *self);
gboolean _steward_phase_editor_save_text        (StewardPhaseEditor    *self,
                                                 StewardVersionReason   reason,
                                                 gint64                *version_id,
                                                 GError               **error);
void     _steward_phase_editor_show_error       (StewardPhaseEditor *self,
                                                 const GError       *error);
void     _steward_phase_editor_update_state     (StewardPhaseEditor *self);
gboolean _steward_phase_editor_is_streaming     (StewardPhaseEditor *self);
void     _steward_phase_editor_notify_busy      (StewardPhaseEditor *self);
void     _steward_phase_editor_init_draft       (StewardPhaseEditor *self);
void     _steward_phase_editor_dispose_draft    (StewardPhaseEditor *self);
void     _steward_phase_editor_class_init_actions (GtkWidgetClass   *widget_class);
void     _steward_phase_editor_class_init_draft (GtkWidgetClass     *widget_class);

G_END_DECLS

/* steward-phase-editor.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-phase-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "steward-phase-editor-private.h"
#include "steward-phase-status.h"

/* The editor of one phase: its title and instructions, its text in a
 * GtkSourceView (Markdown) or rendered as chat renders a reply, and the
 * bottom bar with the word count and Generate (drafting is in
 * steward-phase-editor-draft.c).
 *
 * The text is the store's: typing is saved there as an autosave two
 * seconds after the last key, and at once when the editor moves to
 * another phase or goes away (the store keeps at most one autosave
 * version per five minutes: steward_store_set_phase_content()). The
 * phase object comes from the store's list of the project's phases and
 * is updated in place when its row changes, so a change made elsewhere
 * (a draft streaming in, the CLI, a restored version) comes as a
 * notification of its content. It replaces the text only when nothing
 * typed waits to be saved, so it never fights the user; while a draft
 * writes the phase the text is read-only and follows it, scrolled to its
 * end. */

#define AUTOSAVE_DELAY_MS 2000

enum {
  PROP_0,
  PROP_PHASE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (StewardPhaseEditor, steward_phase_editor, GTK_TYPE_WIDGET)

char *
_steward_phase_editor_dup_text (StewardPhaseEditor *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end);

  return gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self->buffer), &start, &end, TRUE);
}

void
_steward_phase_editor_show_error (StewardPhaseEditor *self,
                                  const GError       *error)
{
  /* A toast's title is markup. */
  g_autofree char *markup = g_markup_escape_text (error->message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
}

gboolean
_steward_phase_editor_is_streaming (StewardPhaseEditor *self)
{
  gint64 id;

  if (self->phase == NULL)
    return FALSE;

  id = steward_phase_get_id (self->phase);

  return (self->draft != NULL && steward_phase_draft_get_phase_id (self->draft) == id) ||
         self->following_id == id;
}

/* -- the text and the store ------------------------------------------------ */

static void
scroll_to_end (StewardPhaseEditor *self)
{
  GtkTextMark *end = gtk_text_buffer_get_mark (GTK_TEXT_BUFFER (self->buffer), "steward-end");

  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->source_view), end, 0.0, FALSE, 0.0, 1.0);
}

/* Makes the text @text as the store has it: a draft that grew is
 * appended to, anything else is set anew. */
static void
load_text (StewardPhaseEditor *self,
           const char         *text)
{
  g_autofree char *current = _steward_phase_editor_dup_text (self);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  gsize len = strlen (current);

  if (g_strcmp0 (current, text) == 0)
    return;

  /* What the store says is no step the user can undo */
  self->loading = TRUE;
  gtk_text_buffer_begin_irreversible_action (buffer);
  if (len > 0 && g_str_has_prefix (text, current))
    {
      GtkTextIter end;

      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert (buffer, &end, text + len, -1);
    }
  else
    {
      GtkTextIter start;

      gtk_text_buffer_set_text (buffer, text, -1);
      gtk_text_buffer_get_start_iter (buffer, &start);
      gtk_text_buffer_place_cursor (buffer, &start);
    }
  gtk_text_buffer_end_irreversible_action (buffer);
  self->loading = FALSE;

  if (gtk_toggle_button_get_active (self->preview_button))
    steward_markdown_view_set_text (self->preview_view, text, FALSE);
}

gboolean
_steward_phase_editor_save_text (StewardPhaseEditor    *self,
           StewardVersionReason   reason,
           gint64                *version_id,
           GError               **error)
{
  StewardStore *store = _steward_phase_editor_get_store ();
  g_autofree char *text = _steward_phase_editor_dup_text (self);

  g_clear_handle_id (&self->autosave_source, g_source_remove);

  if (store == NULL || self->phase == NULL)
    return TRUE;

  if (!steward_store_set_phase_content (store, steward_phase_get_id (self->phase), text, reason,
                                        NULL, version_id, error))
    return FALSE;

  self->dirty = FALSE;

  return TRUE;
}

/**
 * steward_phase_editor_save:
 *
 * Saves at once what was typed and waits for its autosave (as an
 * autosave): the phase or the project is changing, or the window closing.
 */
void
steward_phase_editor_save (StewardPhaseEditor *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (STEWARD_IS_PHASE_EDITOR (self));

  if (!self->dirty || _steward_phase_editor_is_streaming (self))
    return;

  if (!_steward_phase_editor_save_text (self, STEWARD_VERSION_REASON_AUTOSAVE, NULL, &error))
    {
      g_warning ("Could not save the phase: %s", error->message);
      _steward_phase_editor_show_error (self, error);
    }
}

static gboolean
autosave_cb (gpointer user_data)
{
  StewardPhaseEditor *self = user_data;

  self->autosave_source = 0;
  steward_phase_editor_save (self);

  return G_SOURCE_REMOVE;
}

static void
phase_content_cb (StewardPhaseEditor *self)
{
  gboolean streaming = _steward_phase_editor_is_streaming (self);

  g_assert (STEWARD_IS_PHASE_EDITOR (self));

  /* What the user typed and has not been saved yet wins; the next
   * autosave writes it over. */
  if (self->dirty && !streaming)
    return;

  load_text (self, steward_phase_get_content (self->phase));

  if (streaming)
    scroll_to_end (self);
}

/* -- what shows ------------------------------------------------------------ */

static gboolean
show_word_count_cb (gpointer user_data)
{
  StewardPhaseEditor *self = user_data;
  guint words = steward_word_count_get_words (self->word_count);
  g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words", words), words);

  self->count_source = 0;
  gtk_inscription_set_text (self->word_count_label, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->word_count_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);

  return G_SOURCE_REMOVE;
}

static void
buffer_changed_cb (StewardPhaseEditor *self,
                   GtkTextBuffer      *buffer)
{
  g_assert (STEWARD_IS_PHASE_EDITOR (self));

  /* Counted as it changes (steward-word-count.c: only the words around
   * the change), shown once a burst of changes (a draft streaming) is
   * over */
  if (self->count_source == 0)
    self->count_source = g_timeout_add (100, show_word_count_cb, self);

  if (self->loading || self->phase == NULL)
    return;

  self->dirty = TRUE;
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  self->autosave_source = g_timeout_add (AUTOSAVE_DELAY_MS, autosave_cb, self);
}

void
_steward_phase_editor_update_state (StewardPhaseEditor *self)
{
  gboolean streaming = _steward_phase_editor_is_streaming (self);
  gboolean drafting_here;
  StewardPhaseStatus status = STEWARD_PHASE_STATUS_NOT_STARTED;
  GtkWidget *status_box = gtk_widget_get_parent (GTK_WIDGET (self->status_icon));

  if (self->phase != NULL)
    status = steward_phase_get_status (self->phase);

  for (StewardPhaseStatus s = STEWARD_PHASE_STATUS_NOT_STARTED; s <= STEWARD_PHASE_STATUS_STALE; s++)
    gtk_widget_remove_css_class (status_box, steward_phase_status_get_css_class (s));
  gtk_widget_add_css_class (status_box, steward_phase_status_get_css_class (status));
  gtk_image_set_from_icon_name (self->status_icon, steward_phase_status_get_icon_name (status));
  gtk_label_set_label (self->status_label, steward_phase_status_get_label (status));

  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->source_view), !streaming);
  gtk_widget_set_visible (GTK_WIDGET (self->complete_button), status != STEWARD_PHASE_STATUS_COMPLETED);
  gtk_widget_set_visible (GTK_WIDGET (self->reopen_button), status == STEWARD_PHASE_STATUS_COMPLETED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "phase.reopen",
                                 self->phase != NULL && !streaming && status == STEWARD_PHASE_STATUS_COMPLETED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "phase.complete",
                                 self->phase != NULL && !streaming && status != STEWARD_PHASE_STATUS_COMPLETED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "phase.save-version", self->phase != NULL && !streaming);

  /* A draft of the stale redraft is stopped beside the phase list */
  drafting_here = streaming && self->draft != NULL &&
                  steward_phase_draft_get_phase_id (self->draft) == steward_phase_get_id (self->phase);
  gtk_widget_set_visible (GTK_WIDGET (self->generate_button), !drafting_here);
  gtk_widget_set_visible (GTK_WIDGET (self->stop_button), drafting_here);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "phase.generate",
                                 self->phase != NULL && self->draft == NULL && self->following_id == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "phase.stop", drafting_here);
}

static void
phase_status_cb (StewardPhaseEditor *self)
{
  _steward_phase_editor_update_state (self);
}

static void
preview_toggled_cb (StewardPhaseEditor *self,
                    GParamSpec         *pspec,
                    GtkToggleButton    *button)
{
  g_assert (STEWARD_IS_PHASE_EDITOR (self));

  if (gtk_toggle_button_get_active (button))
    {
      g_autofree char *text = _steward_phase_editor_dup_text (self);

      /* What shows is what was typed, saved or not */
      steward_markdown_view_set_text (self->preview_view, text, FALSE);
      gtk_stack_set_visible_child_name (self->text_stack, "preview");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->text_stack, "source");
    }
}

static void
update_scheme (StewardPhaseEditor *self)
{
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  gtk_source_buffer_set_style_scheme (self->buffer,
                                      gtk_source_style_scheme_manager_get_scheme (schemes,
                                                                                  dark ? "Adwaita-dark" : "Adwaita"));
}

/* -- public ------------------------------------------------------------------ */

StewardPhase *
steward_phase_editor_get_phase (StewardPhaseEditor *self)
{
  g_return_val_if_fail (STEWARD_IS_PHASE_EDITOR (self), NULL);

  return self->phase;
}

/**
 * steward_phase_editor_set_phase:
 * @phase: (nullable): a phase from the store's list of a project's
 *   phases (steward_store_watch_phases()), which follows its row
 *
 * Shows @phase, saving first what was typed into the one before.
 */
void
steward_phase_editor_set_phase (StewardPhaseEditor *self,
                                StewardPhase       *phase)
{
  g_autofree char *number = NULL;

  g_return_if_fail (STEWARD_IS_PHASE_EDITOR (self));
  g_return_if_fail (!phase || STEWARD_IS_PHASE (phase));

  if (self->phase == phase)
    return;

  steward_phase_editor_save (self);
  g_clear_handle_id (&self->autosave_source, g_source_remove);

  g_set_object (&self->phase, phase);
  g_signal_group_set_target (self->phase_signals, phase);
  self->dirty = FALSE;
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);

  if (phase != NULL)
    {
      const char *instructions = steward_phase_get_instructions (phase);

      /* Translators: above the phase's title; %u is its number */
      number = g_strdup_printf (_("Phase %u"), steward_phase_get_number (phase));
      gtk_label_set_label (self->number_label, number);
      gtk_label_set_label (self->title_label, steward_phase_get_title (phase));
      gtk_label_set_label (self->instructions_label, instructions ? instructions : "");
      gtk_widget_set_visible (GTK_WIDGET (self->instructions_box),
                              instructions != NULL && instructions[0] != '\0');
      load_text (self, steward_phase_get_content (phase));
      if (_steward_phase_editor_is_streaming (self))
        scroll_to_end (self);
    }
  else
    {
      load_text (self, "");
    }

  _steward_phase_editor_update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE]);
}

/**
 * steward_phase_editor_get_busy:
 *
 * Returns: whether a draft started here is running (on any phase)
 */
gboolean
steward_phase_editor_get_busy (StewardPhaseEditor *self)
{
  g_return_val_if_fail (STEWARD_IS_PHASE_EDITOR (self), FALSE);

  return self->draft != NULL;
}

void
_steward_phase_editor_notify_busy (StewardPhaseEditor *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/**
 * steward_phase_editor_set_following:
 * @phase_id: the phase a draft run elsewhere writes, or 0
 *
 * While a draft run elsewhere (the stale redraft) writes a phase, the
 * editor showing it is read-only and follows it.
 */
void
steward_phase_editor_set_following (StewardPhaseEditor *self,
                                    gint64              phase_id)
{
  g_return_if_fail (STEWARD_IS_PHASE_EDITOR (self));

  if (self->following_id == phase_id)
    return;

  if (self->phase != NULL && steward_phase_get_id (self->phase) == phase_id)
    steward_phase_editor_save (self);

  self->following_id = phase_id;
  self->dirty = self->dirty && !_steward_phase_editor_is_streaming (self);
  _steward_phase_editor_update_state (self);
}

/**
 * steward_phase_editor_set_versions_pane:
 * @pane: the versions pane
 *
 * Puts @pane in the side pane the "Versions" button shows and hides;
 * the button shows once there is a pane.
 */
void
steward_phase_editor_set_versions_pane (StewardPhaseEditor *self,
                                        GtkWidget          *pane)
{
  GtkWidget *child;

  g_return_if_fail (STEWARD_IS_PHASE_EDITOR (self));
  g_return_if_fail (GTK_IS_WIDGET (pane));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->versions_box))))
    gtk_box_remove (self->versions_box, child);
  gtk_widget_set_vexpand (pane, TRUE);
  gtk_box_append (self->versions_box, pane);
  gtk_widget_set_visible (GTK_WIDGET (self->versions_button), TRUE);
}

void
steward_phase_editor_focus_text (StewardPhaseEditor *self)
{
  g_return_if_fail (STEWARD_IS_PHASE_EDITOR (self));

  if (gtk_toggle_button_get_active (self->preview_button))
    gtk_toggle_button_set_active (self->preview_button, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->source_view));
}

/* Hidden once it has slid away, so that a screen reader does not find
 * it there */
static void
error_revealed_cb (StewardPhaseEditor *self)
{
  if (!gtk_revealer_get_reveal_child (self->error_revealer) &&
      !gtk_revealer_get_child_revealed (self->error_revealer))
    gtk_widget_set_visible (GTK_WIDGET (self->error_revealer), FALSE);
}

static void
instructions_toggled_cb (StewardPhaseEditor *self)
{
  gboolean active = gtk_toggle_button_get_active (self->instructions_button);

  gtk_image_set_from_icon_name (self->instructions_arrow, active ? "pan-down-symbolic" : "pan-end-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->instructions_button),
                               GTK_ACCESSIBLE_STATE_EXPANDED, active,
                               -1);
}

static void
dismiss_error_clicked_cb (StewardPhaseEditor *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

/* -- GObject ------------------------------------------------------------------- */

static void
steward_phase_editor_dispose (GObject *object)
{
  StewardPhaseEditor *self = (StewardPhaseEditor *)object;

  /* Closing the window saves what was typed */
  steward_phase_editor_save (self);

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  g_clear_handle_id (&self->count_source, g_source_remove);
  _steward_phase_editor_dispose_draft (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_PHASE_EDITOR);

  if (self->phase_signals != NULL)
    g_signal_group_set_target (self->phase_signals, NULL);
  g_clear_object (&self->phase_signals);
  g_clear_object (&self->phase);
  g_clear_object (&self->word_count);
  g_clear_object (&self->buffer);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (steward_phase_editor_parent_class)->dispose (object);
}

static void
steward_phase_editor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  StewardPhaseEditor *self = STEWARD_PHASE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PHASE:
      g_value_set_object (value, self->phase);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, steward_phase_editor_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_phase_editor_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  StewardPhaseEditor *self = STEWARD_PHASE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PHASE:
      steward_phase_editor_set_phase (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_phase_editor_class_init (StewardPhaseEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_phase_editor_dispose;
  object_class->get_property = steward_phase_editor_get_property;
  object_class->set_property = steward_phase_editor_set_property;

  properties[PROP_PHASE] =
    g_param_spec_object ("phase", NULL, NULL,
                         STEWARD_TYPE_PHASE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_source_init ();
  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  g_type_ensure (STEWARD_TYPE_MARKDOWN_VIEW);

  _steward_phase_editor_class_init_actions (widget_class);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/steward-phase-editor.ui");
  _steward_phase_editor_class_init_draft (widget_class);
  gtk_widget_class_bind_template_child (widget_class, StewardPhaseEditor, complete_button);
  gtk_widget_class_bind_template_child (widget_class, StewardPhaseEditor, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, StewardPhaseEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, StewardPhaseEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, StewardPhaseEditor, generate_button);
  gtk_widget_class_bind_template_child (widget_class, StewardPhaseEditor, generate_popover);
  gtk_widget_class_bind_template_child (widget_class, StewardPhaseEditor, instructions_arrow);
  gtk_widget_class_bind_template_child (widget_class, StewardPhaseEditor, instructions_box);
  gtk_widget_class_bind_template_child (widget_class, StewardPhaseEditor, instructions_button);
  gtk_widget_class_bind_template_child (widget_class, StewardPhaseEditor, instructions_label);
  gtk_widget_class_bind_template_child (widget_class, StewardPhaseEditor, note_entry);
  gtk_widget_class_bind_template_child (widget_class, StewardPhaseEditor, number_label);
  gtk_widget_class_bind_template_child (widget_class, StewardPhaseEditor, preview_button);
  gtk_widget_class_bind_template_child (widget_class, StewardPhaseEditor, preview_view);
  gtk_widget_class_bind_template_child (widget_class, StewardPhaseEditor, source_scroller);
  gtk_widget_class_bind_template_child (widget_class, StewardPhaseEditor, source_view);
  gtk_widget_class_bind_template_child (widget_class, StewardPhaseEditor, status_icon);
  gtk_widget_class_bind_template_child (widget_class, StewardPhaseEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, StewardPhaseEditor, stop_button);
  gtk_widget_class_bind_template_child (widget_class, StewardPhaseEditor, text_stack);
  gtk_widget_class_bind_template_child (widget_class, StewardPhaseEditor, tier_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StewardPhaseEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, StewardPhaseEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, StewardPhaseEditor, versions_box);
  gtk_widget_class_bind_template_child (widget_class, StewardPhaseEditor, versions_button);
  gtk_widget_class_bind_template_child (widget_class, StewardPhaseEditor, word_count_label);
  gtk_widget_class_bind_template_callback (widget_class, dismiss_error_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, error_revealed_cb);
  gtk_widget_class_bind_template_callback (widget_class, instructions_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, preview_toggled_cb);
}

static void
steward_phase_editor_init (StewardPhaseEditor *self)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  GtkTextIter end;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->buffer = gtk_source_buffer_new_with_language (gtk_source_language_manager_get_language (languages, "markdown"));
  gtk_source_buffer_set_highlight_syntax (self->buffer, TRUE);
  gtk_source_buffer_set_highlight_matching_brackets (self->buffer, FALSE);
  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (self->buffer), &end);
  gtk_text_buffer_create_mark (GTK_TEXT_BUFFER (self->buffer), "steward-end", &end, FALSE);
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self->source_view), GTK_TEXT_BUFFER (self->buffer));
  self->word_count = steward_word_count_new (GTK_TEXT_BUFFER (self->buffer));
  g_signal_connect_object (self->buffer, "changed", G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);

  update_scheme (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_scheme), self, G_CONNECT_SWAPPED);

  self->phase_signals = g_signal_group_new (STEWARD_TYPE_PHASE);
  g_signal_group_connect_object (self->phase_signals, "notify::content",
                                 G_CALLBACK (phase_content_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->phase_signals, "notify::status",
                                 G_CALLBACK (phase_status_cb), self, G_CONNECT_SWAPPED);

  /* AdwSplitButton 1.2 leaves its arrow unnamed */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->generate_button));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_MENU_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Model Size and Note"),
                                      -1);

  _steward_phase_editor_init_draft (self);
  instructions_toggled_cb (self);
  show_word_count_cb (self);
  _steward_phase_editor_update_state (self);
}

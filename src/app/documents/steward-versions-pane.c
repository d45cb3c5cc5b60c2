/* steward-versions-pane.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-versions-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-application.h"
#include "steward-date-format.h"
#include "steward-documents-page.h"
#include "steward-text-diff.h"
#include "steward-versions-pane.h"

/* A phase's versions, the latest first, following the store; the one
 * selected compared with the phase's text as it is now, or with another
 * version chosen in Compare With (the older of the two taken as what
 * was there before, the newer as what came after): the changed
 * stretches with two lines around them, deleted lines marked "−" on red,
 * inserted ones "+" on green, the words that changed inside a replaced
 * line in a stronger tint (the marks say it without colour). Restore
 * brings the version back, as a new version. */

/* Equal lines shown around each change */
#define CONTEXT_LINES 2

struct _StewardVersionsPane
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkStack       *stack;
  GtkListBox     *list;
  GtkLabel       *summary_label;
  GtkButton      *restore_button;
  GtkTextView    *diff_view;
  GtkDropDown    *compare_dropdown;

  /* Owned */
  StewardRowList *versions;
  /* "The Text Now", then a title for each version, as listed */
  GtkStringList  *compare_names;

  gint64          phase_id;
  /* The version compared with, by number; 0 for the text now */
  guint           compare_number;
  /* Set while the names are rebuilt: no choice is made then */
  guint           filling_names : 1;
};

G_DEFINE_FINAL_TYPE (StewardVersionsPane, steward_versions_pane, GTK_TYPE_WIDGET)

static const char *
reason_label (StewardVersionReason reason)
{
  switch (reason)
    {
    case STEWARD_VERSION_REASON_GENERATED:
      return C_("version", "Drafted by the model");
    case STEWARD_VERSION_REASON_SAVED:
      return C_("version", "Saved");
    case STEWARD_VERSION_REASON_COMPLETED:
      return C_("version", "Marked completed");
    case STEWARD_VERSION_REASON_AUTOSAVE:
      return C_("version", "Kept while typing");
    case STEWARD_VERSION_REASON_RESTORED:
      return C_("version", "Restored");
    case STEWARD_VERSION_REASON_IMPORTED:
      return C_("version", "Imported");
    default:
      return "";
    }
}

static char *
dup_version_title (StewardPhaseVersion *version)
{
  return g_strdup_printf (_("Version %u"), steward_phase_version_get_number (version));
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  StewardPhaseVersion *version = item;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) local = g_date_time_to_local (steward_phase_version_get_created_at (version));
  g_autofree char *title = dup_version_title (version);
  g_autofree char *when = steward_date_format_relative (local, now);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", reason_label (steward_phase_version_get_reason (version)), when);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *subtitle_label = gtk_label_new (subtitle);
  GtkWidget *row = gtk_list_box_row_new ();
  g_autofree char *name = g_strdup_printf ("%s, %s", title, subtitle);

  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_xalign (GTK_LABEL (subtitle_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle_label, "dim-label");
  gtk_widget_add_css_class (subtitle_label, "caption");
  gtk_box_append (GTK_BOX (box), title_label);
  gtk_box_append (GTK_BOX (box), subtitle_label);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data_full (G_OBJECT (row), "version", g_object_ref (version), g_object_unref);

  return row;
}

static StewardPhaseVersion *
selected_version (StewardVersionsPane *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);

  return row != NULL ? g_object_get_data (G_OBJECT (row), "version") : NULL;
}

/* (nullable): the listed version numbered @number */
static StewardPhaseVersion *
find_version (StewardVersionsPane *self,
              guint                number)
{
  guint n_items = self->versions != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->versions)) : 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(StewardPhaseVersion) version = g_list_model_get_item (G_LIST_MODEL (self->versions), i);

      if (steward_phase_version_get_number (version) == number)
        return version;
    }

  return NULL;
}

/* -- the comparison ---------------------------------------------------------- */

static void
ensure_tags (GtkTextBuffer *buffer)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GdkRGBA deleted = { 0.88, 0.11, 0.14, 0.13 };
  GdkRGBA deleted_word = { 0.88, 0.11, 0.14, 0.38 };
  GdkRGBA inserted = { 0.18, 0.76, 0.49, 0.15 };
  GdkRGBA inserted_word = { 0.18, 0.76, 0.49, 0.42 };

  if (gtk_text_tag_table_lookup (table, "deleted") != NULL)
    return;

  gtk_text_buffer_create_tag (buffer, "deleted", "paragraph-background-rgba", &deleted, NULL);
  gtk_text_buffer_create_tag (buffer, "inserted", "paragraph-background-rgba", &inserted, NULL);
  gtk_text_buffer_create_tag (buffer, "deleted-word", "background-rgba", &deleted_word,
                              "strikethrough", TRUE, NULL);
  gtk_text_buffer_create_tag (buffer, "inserted-word", "background-rgba", &inserted_word,
                              "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "equal", "foreground", "gray", NULL);
  gtk_text_buffer_create_tag (buffer, "fold", "foreground", "gray",
                              "justification", GTK_JUSTIFY_CENTER, NULL);
}

static void
append (GtkTextBuffer *buffer,
        const char    *text,
        gssize         length,
        const char    *tag,
        const char    *word_tag)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_with_tags_by_name (buffer, &end, text, length, tag, word_tag, NULL);
}

static void
append_line (GtkTextBuffer         *buffer,
             const StewardDiffLine *line)
{
  const char *tag = line->kind == STEWARD_DIFF_DELETED ? "deleted"
                    : line->kind == STEWARD_DIFF_INSERTED ? "inserted" : "equal";
  const char *word_tag = line->kind == STEWARD_DIFF_DELETED ? "deleted-word" : "inserted-word";
  gsize at = 0;

  append (buffer, line->kind == STEWARD_DIFF_DELETED ? "− " : line->kind == STEWARD_DIFF_INSERTED ? "+ " : "  ",
          -1, tag, NULL);

  for (guint i = 0; line->highlights != NULL && i < line->highlights->len; i++)
    {
      const StewardDiffRange *range = &g_array_index (line->highlights, StewardDiffRange, i);

      if (range->start > at)
        append (buffer, line->text + at, range->start - at, tag, NULL);
      append (buffer, line->text + range->start, range->end - range->start, tag, word_tag);
      at = range->end;
    }
  append (buffer, line->text + at, -1, tag, NULL);
  append (buffer, "\n", 1, tag, NULL);
}

static void
show_diff (StewardVersionsPane *self,
           StewardTextDiff     *diff)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->diff_view);
  g_autoptr(GArray) hunks = NULL;
  GPtrArray *lines;

  ensure_tags (buffer);
  lines = steward_text_diff_get_lines (diff);
  hunks = steward_text_diff_dup_hunks (diff, CONTEXT_LINES);
  for (guint h = 0; h < hunks->len; h++)
    {
      const StewardDiffHunk *hunk = &g_array_index (hunks, StewardDiffHunk, h);

      if (hunk->first > 0)
        append (buffer, "⋯\n", -1, "fold", NULL);
      for (guint i = hunk->first; i < hunk->first + hunk->n_lines; i++)
        append_line (buffer, g_ptr_array_index (lines, i));
      if (h + 1 == hunks->len && hunk->first + hunk->n_lines < lines->len)
        append (buffer, "⋯\n", -1, "fold", NULL);
    }
}

/* @version against the text now */
static void
compare_with_now (StewardVersionsPane *self,
                  StewardPhaseVersion *version,
                  StewardPhase        *phase)
{
  g_autoptr(StewardTextDiff) diff = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *title = dup_version_title (version);

  diff = steward_text_diff_new (steward_phase_version_get_content (version), steward_phase_get_content (phase));

  if (steward_text_diff_is_equal (diff))
    {
      summary = g_strdup_printf (_("%s is the same as the text now."), title);
      gtk_label_set_text (self->summary_label, summary);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "versions.restore", FALSE);
      return;
    }

  {
    guint n_deleted = steward_text_diff_get_n_deleted (diff);
    guint n_inserted = steward_text_diff_get_n_inserted (diff);
    g_autofree char *removed = g_strdup_printf (ngettext ("%u line removed since", "%u lines removed since", n_deleted),
                                                n_deleted);
    g_autofree char *added = g_strdup_printf (ngettext ("%u line added", "%u lines added", n_inserted), n_inserted);

    /* Translators: "Version 3, compared with the text now: 2 lines
     * removed since, 5 lines added." */
    summary = g_strdup_printf (_("%s, compared with the text now: %s, %s."), title, removed, added);
  }
  gtk_label_set_text (self->summary_label, summary);
  show_diff (self, diff);
}

/* Two versions: from the older to the newer */
static void
compare_versions (StewardVersionsPane *self,
                  StewardPhaseVersion *version,
                  StewardPhaseVersion *other)
{
  StewardPhaseVersion *older = version;
  StewardPhaseVersion *newer = other;
  g_autoptr(StewardTextDiff) diff = NULL;
  g_autofree char *older_title = NULL;
  g_autofree char *newer_title = NULL;
  g_autofree char *summary = NULL;

  if (steward_phase_version_get_number (older) > steward_phase_version_get_number (newer))
    {
      older = other;
      newer = version;
    }
  older_title = dup_version_title (older);
  newer_title = dup_version_title (newer);

  if (steward_phase_version_get_number (older) == steward_phase_version_get_number (newer))
    {
      summary = g_strdup_printf (_("%s is the version chosen: compare it with another one, or with the text now."),
                                 older_title);
      gtk_label_set_text (self->summary_label, summary);
      return;
    }

  diff = steward_text_diff_new (steward_phase_version_get_content (older), steward_phase_version_get_content (newer));

  if (steward_text_diff_is_equal (diff))
    {
      /* Translators: "Version 2 and Version 4 have the same text." */
      summary = g_strdup_printf (_("%s and %s have the same text."), older_title, newer_title);
      gtk_label_set_text (self->summary_label, summary);
      return;
    }

  {
    guint n_deleted = steward_text_diff_get_n_deleted (diff);
    guint n_inserted = steward_text_diff_get_n_inserted (diff);
    g_autofree char *removed = g_strdup_printf (ngettext ("%u line removed", "%u lines removed", n_deleted),
                                                n_deleted);
    g_autofree char *added = g_strdup_printf (ngettext ("%u line added", "%u lines added", n_inserted), n_inserted);

    /* Translators: "From Version 1 to Version 3: 2 lines removed, 5
     * lines added." */
    summary = g_strdup_printf (_("From %s to %s: %s, %s."), older_title, newer_title, removed, added);
  }
  gtk_label_set_text (self->summary_label, summary);
  show_diff (self, diff);
}

static void
show_comparison (StewardVersionsPane *self)
{
  StewardStore *store = steward_services_get_store (STEWARD_SERVICES_DEFAULT);
  StewardPhaseVersion *version = selected_version (self);
  StewardPhaseVersion *other = NULL;
  g_autoptr(StewardPhase) phase = NULL;

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->diff_view), "", 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "versions.restore", version != NULL);

  if (version == NULL || store == NULL ||
      !(phase = steward_store_find_phase (store, self->phase_id, NULL)))
    {
      gtk_label_set_text (self->summary_label, _("Choose a version to compare it with the text as it is now."));
      return;
    }

  if (self->compare_number != 0 && (other = find_version (self, self->compare_number)) != NULL)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "versions.restore",
                                     g_strcmp0 (steward_phase_version_get_content (version),
                                                steward_phase_get_content (phase)) != 0);
      compare_versions (self, version, other);
    }
  else
    compare_with_now (self, version, phase);
}

/* -- what the version is compared with ------------------------------------- */

static void
fill_compare_names (StewardVersionsPane *self)
{
  guint n_items = self->versions != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->versions)) : 0;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint selected = 0;

  g_ptr_array_add (names, g_strdup (_("The Text Now")));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(StewardPhaseVersion) version = g_list_model_get_item (G_LIST_MODEL (self->versions), i);

      if (steward_phase_version_get_number (version) == self->compare_number)
        selected = i + 1;
      g_ptr_array_add (names, dup_version_title (version));
    }
  g_ptr_array_add (names, NULL);

  if (selected == 0)
    self->compare_number = 0;

  self->filling_names = TRUE;
  gtk_string_list_splice (self->compare_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->compare_names)),
                          (const char * const *)names->pdata);
  gtk_drop_down_set_selected (self->compare_dropdown, selected);
  self->filling_names = FALSE;
}

static void
compare_selected_cb (StewardVersionsPane *self)
{
  guint selected = gtk_drop_down_get_selected (self->compare_dropdown);
  g_autoptr(StewardPhaseVersion) version = NULL;

  if (self->filling_names)
    return;

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || self->versions == NULL ||
      !(version = g_list_model_get_item (G_LIST_MODEL (self->versions), selected - 1)))
    self->compare_number = 0;
  else
    self->compare_number = steward_phase_version_get_number (version);

  show_comparison (self);
}

/* -- restoring ---------------------------------------------------------------- */

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  StewardVersionsPane *self = STEWARD_VERSIONS_PANE (widget);
  StewardStore *store = steward_services_get_store (STEWARD_SERVICES_DEFAULT);
  StewardPhaseVersion *version = selected_version (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GtkWidget *overlay;
  GtkWidget *page;

  if (version == NULL || store == NULL)
    return;

  /* What was typed since is kept first: the restored text must not be
   * saved over by the editor's next autosave */
  if ((page = gtk_widget_get_ancestor (widget, STEWARD_TYPE_DOCUMENTS_PAGE)) != NULL)
    steward_documents_page_save (STEWARD_DOCUMENTS_PAGE (page));
  if (!steward_store_keep_phase_text (store, self->phase_id, &error))
    {
      g_warning ("Could not keep the text before restoring: %s", error->message);
      g_clear_error (&error);
    }

  if (steward_store_restore_phase_version (store, self->phase_id, steward_phase_version_get_number (version),
                                           NULL, NULL, &error))
    message = g_strdup_printf (_("Version %u restored"), steward_phase_version_get_number (version));
  else
    message = g_strdup (error->message);

  if ((overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY)) != NULL)
    {
      g_autofree char *markup = g_markup_escape_text (message, -1);

      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (markup));
    }
  else if (error != NULL)
    {
      g_warning ("%s", error->message);
    }
}

/* -- the list ----------------------------------------------------------------- */

static void
versions_changed_cb (StewardVersionsPane *self,
                     guint                position,
                     guint                removed,
                     guint                added,
                     GListModel          *model)
{
  gtk_stack_set_visible_child_name (self->stack, g_list_model_get_n_items (model) > 0 ? "versions" : "empty");
  fill_compare_names (self);

  /* A new version (the newest is first): the text it is compared with
   * may have changed too */
  if (gtk_list_box_get_selected_row (self->list) == NULL && g_list_model_get_n_items (model) > 0)
    gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, 0));
  else
    show_comparison (self);
}

void
steward_versions_pane_set_phase (StewardVersionsPane *self,
                                 gint64               phase_id)
{
  StewardStore *store;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (STEWARD_IS_VERSIONS_PANE (self));

  if (self->phase_id == phase_id && (phase_id == 0 || self->versions != NULL))
    return;

  self->phase_id = phase_id;
  self->compare_number = 0;
  if (self->versions != NULL)
    g_signal_handlers_disconnect_by_func (self->versions, versions_changed_cb, self);
  g_clear_object (&self->versions);
  gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);

  store = steward_services_get_store (STEWARD_SERVICES_DEFAULT);
  if (phase_id == 0 || store == NULL)
    {
      fill_compare_names (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->versions = steward_store_watch_phase_versions (store, phase_id);
  if (!steward_row_list_reload (self->versions, &error))
    g_warning ("Could not read the versions of phase %" G_GINT64_FORMAT ": %s", phase_id, error->message);

  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->versions), create_row, NULL, NULL);
  g_signal_connect_object (self->versions, "items-changed", G_CALLBACK (versions_changed_cb), self, G_CONNECT_SWAPPED);
  versions_changed_cb (self, 0, 0, 0, G_LIST_MODEL (self->versions));
}

gint64
steward_versions_pane_get_phase (StewardVersionsPane *self)
{
  g_return_val_if_fail (STEWARD_IS_VERSIONS_PANE (self), 0);

  return self->phase_id;
}

static void
steward_versions_pane_dispose (GObject *object)
{
  StewardVersionsPane *self = (StewardVersionsPane *)object;

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->versions);
  g_clear_object (&self->compare_names);

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_VERSIONS_PANE);

  G_OBJECT_CLASS (steward_versions_pane_parent_class)->dispose (object);
}

static void
steward_versions_pane_class_init (StewardVersionsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_versions_pane_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/stewardapp/Steward/steward-versions-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardVersionsPane, stack);
  gtk_widget_class_bind_template_child (widget_class, StewardVersionsPane, list);
  gtk_widget_class_bind_template_child (widget_class, StewardVersionsPane, summary_label);
  gtk_widget_class_bind_template_child (widget_class, StewardVersionsPane, restore_button);
  gtk_widget_class_bind_template_child (widget_class, StewardVersionsPane, diff_view);
  gtk_widget_class_bind_template_child (widget_class, StewardVersionsPane, compare_dropdown);

  gtk_widget_class_install_action (widget_class, "versions.restore", NULL, restore_action);
  gtk_widget_class_set_css_name (widget_class, "versionspane");
}

static void
steward_versions_pane_init (StewardVersionsPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->compare_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->compare_dropdown, G_LIST_MODEL (self->compare_names));
  fill_compare_names (self);
  g_signal_connect_object (self->compare_dropdown, "notify::selected", G_CALLBACK (compare_selected_cb),
                           self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->list, "selected-rows-changed", G_CALLBACK (show_comparison),
                           self, G_CONNECT_SWAPPED);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "versions.restore", FALSE);
}

GtkWidget *
steward_versions_pane_new (void)
{
  return g_object_new (STEWARD_TYPE_VERSIONS_PANE, NULL);
}

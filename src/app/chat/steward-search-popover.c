/* steward-search-popover.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-search-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-date-format.h"
#include "steward-application.h"
#include "steward-search-popover.h"

/* The results of a history search, under the sidebar's search entry.
 *
 * The popover never takes the keyboard: the entry keeps it, so typing
 * goes on while results show, and the entry moves the selection here
 * (steward_search_popover_move_selection()) and activates it.
 *
 * Searching runs in a worker (steward_store_search_conversations_async()),
 * so typing never waits for the store: each keystroke cancels the search
 * of the one before, and only the latest query's results are shown.
 *
 * A result is a conversation, shown by its best match. When more of its
 * messages match, a row beneath says how many ("3 more in this
 * conversation"); choosing it, with the keyboard as any other row,
 * replaces it with those matches, in the conversation's order, indented
 * under their conversation, each of which can be chosen in turn.
 */

#define MAX_RESULTS 50
/* The matches listed when a conversation's "more" row is chosen */
#define MAX_MORE 100

struct _StewardSearchPopover
{
  GtkPopover         parent_instance;

  /* Template widgets */
  GtkLabel          *empty_label;
  GtkListBox        *list_box;
  GtkScrolledWindow *scrolled_window;
  GtkStack          *stack;

  /* Owned */
  GListModel        *results;
  GCancellable      *search_cancellable;
  /* The matches of one conversation being read for its "more" row */
  GCancellable      *more_cancellable;
  char              *query;

  /* Enter was pressed before the results of the latest query came */
  guint              activate_when_found : 1;
};

G_DEFINE_FINAL_TYPE (StewardSearchPopover, steward_search_popover, GTK_TYPE_POPOVER)

enum {
  RESULT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
steward_search_popover_new (void)
{
  return g_object_new (STEWARD_TYPE_SEARCH_POPOVER, NULL);
}

static const char *
role_label (StewardMessageRole role)
{
  if (role == STEWARD_MESSAGE_ROLE_USER)
    return _("You");
  if (role == STEWARD_MESSAGE_ROLE_ASSISTANT)
    return _("Steward");
  if (role == STEWARD_MESSAGE_ROLE_TOOL)
    /* Translators: who wrote a message: a tool Steward ran */
    return _("Tool");
  /* Translators: who wrote a message: the system prompt */
  return _("System");
}

static GtkWidget *
create_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
create_snippet_label (StewardSearchResult *result)
{
  g_autofree char *snippet = steward_search_result_dup_snippet_markup (result);
  g_autofree char *author = g_markup_escape_text (role_label (steward_search_result_get_role (result)), -1);
  g_autofree char *markup = NULL;
  GtkWidget *label;

  /* Translators: who wrote a found message, then the words around the
   * match, as in "You: Where is a good café in Lisbon?"; keep the markup
   */
  markup = g_strdup_printf (_("<span alpha=\"60%%\">%s:</span> %s"), author, snippet);
  label = create_label (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_width_chars (GTK_LABEL (label), 40);

  return label;
}

static GtkWidget *
create_row (GtkWidget *child,
            int        indent)
{
  GtkWidget *row = gtk_list_box_row_new ();

  /* The entry keeps the focus, see the top of this file. */
  gtk_widget_set_focusable (row, FALSE);

  gtk_widget_set_margin_top (child, 6);
  gtk_widget_set_margin_bottom (child, 6);
  gtk_widget_set_margin_start (child, 6 + indent);
  gtk_widget_set_margin_end (child, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), child);

  return row;
}

/* A conversation: its title, when its best match was written, and the
 * match. */
static GtkWidget *
create_result_row (StewardSearchResult *result)
{
  const char *title = steward_search_result_get_conversation_title (result);
  g_autofree char *when = steward_date_format_relative (steward_search_result_get_created_at (result), NULL);
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *header;
  GtkWidget *label;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  row = create_row (box, 0);
  g_object_set_data_full (G_OBJECT (row), "result", g_object_ref (result), g_object_unref);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (box), header);

  label = create_label ("heading");
  gtk_label_set_text (GTK_LABEL (label), title && title[0] ? title : _("Untitled"));
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (header), label);

  label = create_label ("caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_text (GTK_LABEL (label), when);
  gtk_widget_set_valign (label, GTK_ALIGN_BASELINE);
  gtk_box_append (GTK_BOX (header), label);

  gtk_box_append (GTK_BOX (box), create_snippet_label (result));

  return row;
}

/* Another match in a conversation listed above it. */
static GtkWidget *
create_match_row (StewardSearchResult *result)
{
  g_autofree char *when = steward_date_format_relative (steward_search_result_get_created_at (result), NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *row = create_row (box, 18);
  GtkWidget *label;

  g_object_set_data_full (G_OBJECT (row), "result", g_object_ref (result), g_object_unref);

  gtk_box_append (GTK_BOX (box), create_snippet_label (result));

  label = create_label ("caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_text (GTK_LABEL (label), when);
  gtk_box_append (GTK_BOX (box), label);

  return row;
}

/* "3 more in this conversation", under @result's row: choosing it lists
 * them. */
static GtkWidget *
create_more_row (StewardSearchResult *result)
{
  guint n_more = steward_search_result_get_n_more_matches (result);
  g_autofree char *text = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *row = create_row (box, 18);
  GtkWidget *image;
  GtkWidget *label;

  g_object_set_data_full (G_OBJECT (row), "more-of", g_object_ref (result), g_object_unref);

  /* Translators: under a conversation found by a search, the number of
   * its other messages that match; choosing it lists them */
  text = g_strdup_printf (ngettext ("%u more in this conversation",
                                    "%u more in this conversation", n_more), n_more);

  image = g_object_new (GTK_TYPE_IMAGE,
                        "icon-name", "pan-down-symbolic",
                        "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                        NULL);
  gtk_widget_add_css_class (image, "dim-label");
  gtk_box_append (GTK_BOX (box), image);

  label = create_label ("caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_box_append (GTK_BOX (box), label);

  return row;
}

static int
count_rows (StewardSearchPopover *self)
{
  int n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      n++;

  return n;
}

static void
remove_rows (StewardSearchPopover *self)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->list_box, 0)))
    gtk_list_box_remove (self->list_box, GTK_WIDGET (row));
}

/* Keeps @row on screen when the keyboard selects it. */
static void
steward_search_popover_scroll_to_row (StewardSearchPopover *self,
                                      GtkListBoxRow        *row)
{
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;

  g_assert (STEWARD_IS_SEARCH_POPOVER (self));

  if (!gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self->list_box), &bounds))
    return;

  adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  gtk_adjustment_clamp_page (adjustment, bounds.origin.y, bounds.origin.y + bounds.size.height);
}

static void
steward_search_popover_show_results (StewardSearchPopover *self,
                                     GListModel           *results,
                                     const GError         *error)
{
  g_autofree char *empty = NULL;

  g_assert (STEWARD_IS_SEARCH_POPOVER (self));

  g_cancellable_cancel (self->more_cancellable);
  g_clear_object (&self->more_cancellable);
  g_set_object (&self->results, results);
  remove_rows (self);

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(StewardSearchResult) result = g_list_model_get_item (results, i);

      gtk_list_box_append (self->list_box, create_result_row (result));
      if (steward_search_result_get_n_more_matches (result) > 0)
        gtk_list_box_append (self->list_box, create_more_row (result));
    }

  if (g_list_model_get_n_items (results) > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "results");
      gtk_list_box_select_row (self->list_box, gtk_list_box_get_row_at_index (self->list_box, 0));
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
      return;
    }

  if (error != NULL)
    empty = g_strdup (error->message);
  else
    /* Translators: %s is what was searched for */
    empty = g_strdup_printf (_("No message matches “%s”."), self->query ? self->query : "");
  gtk_label_set_text (self->empty_label, empty);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
steward_search_popover_search_cb (GObject      *object,
                                  GAsyncResult *result,
                                  gpointer      user_data)
{
  g_autoptr(StewardSearchPopover) self = user_data;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  gboolean activate;

  g_assert (STEWARD_IS_SEARCH_POPOVER (self));

  results = steward_store_search_conversations_finish (STEWARD_STORE (object), result, &error);

  /* A newer query, or closing, superseded it. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->search_cancellable);
  activate = self->activate_when_found;
  self->activate_when_found = FALSE;

  if (results == NULL)
    {
      g_warning ("Cannot search the conversations: %s", error->message);
      results = G_LIST_MODEL (g_list_store_new (STEWARD_TYPE_SEARCH_RESULT));
    }

  steward_search_popover_show_results (self, results, error);

  if (activate)
    steward_search_popover_activate_selected (self);
}

/**
 * steward_search_popover_search:
 * @query: the words typed
 *
 * Lists the conversations with messages that match @query, the best
 * match first, and selects the first of them, once the search (in a worker) has found them. A
 * search still running for an earlier query is cancelled.
 */
void
steward_search_popover_search (StewardSearchPopover *self,
                               const char           *query)
{
  StewardStore *store = steward_services_get_store (STEWARD_SERVICES_DEFAULT);

  g_return_if_fail (STEWARD_IS_SEARCH_POPOVER (self));

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_cancellable_cancel (self->more_cancellable);
  g_clear_object (&self->more_cancellable);
  self->activate_when_found = FALSE;
  g_free (self->query);
  self->query = g_strdup (query);

  if (store == NULL || query == NULL)
    {
      g_autoptr(GListModel) none = G_LIST_MODEL (g_list_store_new (STEWARD_TYPE_SEARCH_RESULT));

      steward_search_popover_show_results (self, none, NULL);
      return;
    }

  /* Opening again: nothing of an earlier search while this one runs.
   * While typing, the last results stay until the new ones come. */
  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    {
      g_clear_object (&self->results);
      remove_rows (self);
      gtk_stack_set_visible_child_name (self->stack, "results");
    }

  self->search_cancellable = g_cancellable_new ();
  steward_store_search_conversations_async (store, query, MAX_RESULTS, self->search_cancellable,
                                            steward_search_popover_search_cb, g_object_ref (self));
}

/**
 * steward_search_popover_move_selection:
 * @delta: how many results down (or up, when negative)
 *
 * Moves the selection, as the Down and Up keys do in the search entry.
 */
void
steward_search_popover_move_selection (StewardSearchPopover *self,
                                       int                   delta)
{
  GtkListBoxRow *row;
  int n_items;
  int index = 0;

  g_return_if_fail (STEWARD_IS_SEARCH_POPOVER (self));

  if ((n_items = count_rows (self)) == 0)
    return;

  if ((row = gtk_list_box_get_selected_row (self->list_box)))
    index = gtk_list_box_row_get_index (row) + delta;

  index = CLAMP (index, 0, n_items - 1);
  row = gtk_list_box_get_row_at_index (self->list_box, index);
  gtk_list_box_select_row (self->list_box, row);
  steward_search_popover_scroll_to_row (self, row);
}

typedef struct
{
  StewardSearchPopover *self;
  GtkListBoxRow        *more_row;
} MoreData;

static void
more_data_free (MoreData *more)
{
  g_clear_weak_pointer (&more->more_row);
  g_object_unref (more->self);
  g_free (more);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MoreData, more_data_free)

/* The other matches of a conversation: in place of its "more" row. */
static void
more_found_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(MoreData) more = user_data;
  StewardSearchPopover *self = more->self;
  g_autoptr(GListModel) matches = NULL;
  g_autoptr(GError) error = NULL;
  StewardSearchResult *best;
  GtkListBoxRow *first = NULL;
  int position;

  matches = steward_store_search_in_conversation_finish (STEWARD_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->more_cancellable);

  if (matches == NULL)
    {
      g_warning ("Cannot search the conversation: %s", error->message);
      return;
    }

  /* The results changed meanwhile. */
  if (more->more_row == NULL ||
      gtk_widget_get_parent (GTK_WIDGET (more->more_row)) != GTK_WIDGET (self->list_box))
    return;

  best = g_object_get_data (G_OBJECT (more->more_row), "more-of");
  position = gtk_list_box_row_get_index (more->more_row);

  for (guint i = 0; i < g_list_model_get_n_items (matches); i++)
    {
      g_autoptr(StewardSearchResult) match = g_list_model_get_item (matches, i);
      GtkWidget *row;

      /* Shown above already */
      if (steward_search_result_get_message_id (match) == steward_search_result_get_message_id (best))
        continue;

      row = create_match_row (match);
      gtk_list_box_insert (self->list_box, row, position++);
      if (first == NULL)
        first = GTK_LIST_BOX_ROW (row);
    }

  gtk_list_box_remove (self->list_box, GTK_WIDGET (more->more_row));

  if (first != NULL)
    {
      gtk_list_box_select_row (self->list_box, first);
      steward_search_popover_scroll_to_row (self, first);
    }
}

static void
show_more (StewardSearchPopover *self,
           GtkListBoxRow        *row,
           StewardSearchResult  *best)
{
  StewardStore *store = steward_services_get_store (STEWARD_SERVICES_DEFAULT);
  MoreData *more;

  g_assert (STEWARD_IS_SEARCH_POPOVER (self));

  if (store == NULL || self->query == NULL)
    return;

  g_cancellable_cancel (self->more_cancellable);
  g_clear_object (&self->more_cancellable);
  self->more_cancellable = g_cancellable_new ();

  more = g_new0 (MoreData, 1);
  more->self = g_object_ref (self);
  g_set_weak_pointer (&more->more_row, row);

  steward_store_search_in_conversation_async (store, steward_search_result_get_conversation_id (best),
                                              self->query, MAX_MORE, self->more_cancellable,
                                              more_found_cb, more);
}

static void
row_activated_cb (StewardSearchPopover *self,
                  GtkListBoxRow        *row,
                  GtkListBox           *list_box)
{
  StewardSearchResult *result;

  g_assert (STEWARD_IS_SEARCH_POPOVER (self));

  if ((result = g_object_get_data (G_OBJECT (row), "more-of")))
    {
      show_more (self, row, result);
      return;
    }

  if (!(result = g_object_get_data (G_OBJECT (row), "result")))
    return;

  /* The handler may clear the search, and with it this row. */
  g_object_ref (result);
  g_signal_emit (self, signals[RESULT_ACTIVATED], 0, result);
  g_object_unref (result);
}

/**
 * steward_search_popover_activate_selected:
 *
 * Activates the selected result, as Enter does in the search entry;
 * while a search runs, the first of its results when it has them.
 *
 * Returns: %TRUE if there was one, or a search is running
 */
gboolean
steward_search_popover_activate_selected (StewardSearchPopover *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (STEWARD_IS_SEARCH_POPOVER (self), FALSE);

  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    return FALSE;

  /* Typed faster than the search: choose once the results are in. */
  if (self->search_cancellable != NULL)
    {
      self->activate_when_found = TRUE;
      return TRUE;
    }

  if (!(row = gtk_list_box_get_selected_row (self->list_box)))
    return FALSE;

  row_activated_cb (self, row, self->list_box);

  return TRUE;
}

static void
steward_search_popover_dispose (GObject *object)
{
  StewardSearchPopover *self = (StewardSearchPopover *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_SEARCH_POPOVER);

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_cancellable_cancel (self->more_cancellable);
  g_clear_object (&self->more_cancellable);
  g_clear_object (&self->results);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (steward_search_popover_parent_class)->dispose (object);
}

static void
steward_search_popover_class_init (StewardSearchPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_search_popover_dispose;

  /**
   * StewardSearchPopover::result-activated:
   * @result: the #StewardSearchResult chosen
   *
   * A result was clicked, or chosen with Enter.
   */
  signals[RESULT_ACTIVATED] =
    g_signal_new ("result-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, STEWARD_TYPE_SEARCH_RESULT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/steward-search-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardSearchPopover, empty_label);
  gtk_widget_class_bind_template_child (widget_class, StewardSearchPopover, list_box);
  gtk_widget_class_bind_template_child (widget_class, StewardSearchPopover, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, StewardSearchPopover, stack);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
steward_search_popover_init (StewardSearchPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

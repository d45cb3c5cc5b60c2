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
 * Searching runs in a worker (steward_store_search_messages_async()), so
 * typing never waits for the store: each keystroke cancels the search
 * of the one before, and only the latest query's results are shown.
 */

#define MAX_RESULTS 50

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
create_row_cb (gpointer item,
               gpointer user_data)
{
  StewardSearchResult *result = item;
  const char *title = steward_search_result_get_conversation_title (result);
  g_autofree char *when = steward_date_format_relative (steward_search_result_get_created_at (result), NULL);
  g_autofree char *snippet = steward_search_result_dup_snippet_markup (result);
  g_autofree char *author = g_markup_escape_text (role_label (steward_search_result_get_role (result)), -1);
  g_autofree char *markup = NULL;
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *header;
  GtkWidget *label;

  row = gtk_list_box_row_new ();
  /* The entry keeps the focus, see the top of this file. */
  gtk_widget_set_focusable (row, FALSE);
  g_object_set_data_full (G_OBJECT (row), "result", g_object_ref (result), g_object_unref);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

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
  gtk_box_append (GTK_BOX (box), label);

  return row;
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

  g_set_object (&self->results, results);
  gtk_list_box_bind_model (self->list_box, results, create_row_cb, self, NULL);

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

  results = steward_store_search_messages_finish (STEWARD_STORE (object), result, &error);

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
 * Lists the messages that match @query, the best first, and selects
 * the first of them, once the search (in a worker) has found them. A
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
      gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
      gtk_stack_set_visible_child_name (self->stack, "results");
    }

  self->search_cancellable = g_cancellable_new ();
  steward_store_search_messages_async (store, query, MAX_RESULTS, self->search_cancellable,
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

  if (self->results == NULL || (n_items = g_list_model_get_n_items (self->results)) == 0)
    return;

  if ((row = gtk_list_box_get_selected_row (self->list_box)))
    index = gtk_list_box_row_get_index (row) + delta;

  index = CLAMP (index, 0, n_items - 1);
  row = gtk_list_box_get_row_at_index (self->list_box, index);
  gtk_list_box_select_row (self->list_box, row);
  steward_search_popover_scroll_to_row (self, row);
}

static void
row_activated_cb (StewardSearchPopover *self,
                  GtkListBoxRow        *row,
                  GtkListBox           *list_box)
{
  StewardSearchResult *result;

  g_assert (STEWARD_IS_SEARCH_POPOVER (self));

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

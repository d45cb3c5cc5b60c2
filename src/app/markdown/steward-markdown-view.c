/* steward-markdown-view.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-markdown-view"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "steward-markdown-item.h"
#include "steward-markdown-view.h"
#include "steward-markdown.h"
#include "steward-message-code-block.h"
#include "steward-sideways-scroller.h"

/* A message's Markdown as native widgets, one per block: labels with Pango
 * markup for text, a code block (steward-message-code-block.c) for code, a
 * GtkGrid for tables.
 *
 * While a reply streams, blocks the parser has committed are added once
 * and never touched again; only the still-growing tail is shown, as plain
 * text, in one label. So a frame never re-lays out the whole reply (see
 * "Chat rendering" in ARCHITECTURE.md).
 *
 * The view lives in recycled list rows: setting a new text reuses the
 * labels already there where the block kinds match, rather than building
 * every widget again.
 */

/* What a child widget shows, so that a rebind can reuse it. */
typedef enum {
  CHILD_OTHER,
  CHILD_PARAGRAPH,
  CHILD_HEADING,
  CHILD_LIST_ITEM,
} ChildKind;

static GQuark child_kind_quark;

struct _StewardMarkdownView
{
  GtkWidget              parent_instance;

  /* Borrowed: the last child while streaming, else NULL */
  GtkWidget             *pending_label;

  /* Owned */
  StewardMarkdownStream *stream;
  /* Added to each text's context menu ("Extract Tasks"), or NULL */
  GMenuModel            *extra_menu;

  /* The scrolled window's vertical adjustment while mapped in one */
  GtkAdjustment         *vadjustment;

  guint                  n_committed;
  guint                  streaming : 1;
  guint                  fill_width : 1;
  /* Whether the last snapshot left out blocks outside the view */
  guint                  culled : 1;
};

G_DEFINE_FINAL_TYPE (StewardMarkdownView, steward_markdown_view, GTK_TYPE_WIDGET)

#define BLOCK_SPACING 8

/* Text wraps: how tall a view or an item is depends on its width. */
static GtkSizeRequestMode
get_height_for_width_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

GtkWidget *
steward_markdown_view_new (void)
{
  return g_object_new (STEWARD_TYPE_MARKDOWN_VIEW, NULL);
}

static ChildKind
get_child_kind (GtkWidget *child)
{
  return GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (child), child_kind_quark));
}

static void
set_child_kind (GtkWidget *child,
                ChildKind  kind)
{
  g_object_set_qdata (G_OBJECT (child), child_kind_quark, GUINT_TO_POINTER (kind));
}

static GtkWidget *
create_label (const char *markup)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  /* Selectable labels grab focus on click and select everything on
   * keyboard focus; in a list of messages that is only in the way. Not
   * focusable is not enough in GTK 4.8: a selectable label still claims
   * every focus move that reaches it, and Tab stops dead on it. */
  gtk_widget_set_focusable (label, FALSE);
  gtk_widget_set_can_focus (label, FALSE);

  return label;
}

/* In a view that fills its width, wrapped text asks for at least
 * FILL_MIN_CHARS characters. GTK measures a label's minimum width before
 * its height, and a label with no width in characters finds it by laying
 * its text out at width 0, a line per character, which costs as much as
 * the rest of the frame for the tail of a streaming reply. The minimum
 * width of a reply does not matter: it is given the whole width anyway. */
#define FILL_MIN_CHARS 24

static GtkLabel *
get_text_label (GtkWidget *child)
{
  if (GTK_IS_LABEL (child))
    return GTK_LABEL (child);

  if (get_child_kind (child) == CHILD_LIST_ITEM)
    return GTK_LABEL (steward_markdown_item_get_content (STEWARD_MARKDOWN_ITEM (child)));

  return NULL;
}

static void
update_text_width (StewardMarkdownView *self,
                   GtkWidget           *child)
{
  GtkLabel *label = get_text_label (child);

  if (label != NULL && gtk_label_get_wrap (label))
    gtk_label_set_width_chars (label, self->fill_width ? FILL_MIN_CHARS : -1);
}

static void
set_extra_menu (GtkWidget  *widget,
                GMenuModel *extra_menu)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_selectable (GTK_LABEL (widget)))
    gtk_label_set_extra_menu (GTK_LABEL (widget), extra_menu);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    set_extra_menu (child, extra_menu);
}

static void
insert_block (StewardMarkdownView *self,
              GtkWidget           *child,
              GtkWidget           *before)
{
  update_text_width (self, child);
  if (self->extra_menu != NULL)
    set_extra_menu (child, self->extra_menu);
  gtk_widget_insert_before (child, GTK_WIDGET (self), before);
}


static const char * const heading_classes[] = { "title-2", "title-3", "title-4", "heading", "heading", "heading" };

static GtkWidget *
create_heading (const char *markup,
                guint       level)
{
  GtkWidget *label = create_label (markup);

  level = CLAMP (level, 1, 6);
  gtk_widget_add_css_class (label, heading_classes[level - 1]);
  gtk_widget_add_css_class (label, "steward-heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, level,
                                  -1);
  set_child_kind (label, CHILD_HEADING);
  g_object_set_data (G_OBJECT (label), "level", GUINT_TO_POINTER (level));

  return label;
}

static GtkWidget *
create_list_item (const char *markup,
                  const char *bullet,
                  guint       level)
{
  GtkWidget *mark = gtk_label_new (bullet ? bullet : "•");
  GtkWidget *item;

  gtk_label_set_xalign (GTK_LABEL (mark), 1.0f);
  gtk_label_set_width_chars (GTK_LABEL (mark), 2);
  gtk_widget_add_css_class (mark, "steward-bullet");
  gtk_widget_add_css_class (mark, "numeric");

  item = steward_markdown_item_new (mark, create_label (markup));
  gtk_widget_add_css_class (item, "steward-list-item");
  set_child_kind (item, CHILD_LIST_ITEM);
  gtk_widget_set_margin_start (item, 4 + 20 * level);

  return item;
}

static GtkWidget *
create_quote (const char *markup,
              guint       level)
{
  GtkWidget *label = create_label (markup);

  gtk_widget_add_css_class (label, "steward-quote");
  gtk_widget_set_margin_start (label, 14 * (level > 1 ? level - 1 : 0));

  return label;
}

static GtkWidget *
create_table (const StewardMarkdownBlock *block)
{
  GtkWidget *scroller;
  GtkWidget *grid;
  guint n_cells = block->cells ? block->cells->len : 0;
  guint n_rows = block->n_columns > 0 ? n_cells / block->n_columns : 0;

  grid = gtk_grid_new ();
  gtk_widget_add_css_class (grid, "steward-table");
  gtk_widget_set_halign (grid, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Table"),
                                  -1);

  for (guint i = 0; block->n_columns > 0 && i < n_cells; i++)
    {
      guint row = i / block->n_columns;
      guint column = i % block->n_columns;
      GtkWidget *label = create_label (g_ptr_array_index (block->cells, i));

      gtk_label_set_wrap (GTK_LABEL (label), FALSE);
      gtk_widget_add_css_class (label, "steward-table-cell");
      if (row < block->header_rows)
        gtk_widget_add_css_class (label, "steward-table-header");
      else if ((row - block->header_rows) % 2 == 1)
        gtk_widget_add_css_class (label, "steward-table-odd");
      if (row + 1 == n_rows)
        gtk_widget_add_css_class (label, "steward-table-last");
      if (block->alignments != NULL && block->alignments[column] == 'c')
        gtk_label_set_xalign (GTK_LABEL (label), 0.5f);
      else if (block->alignments != NULL && block->alignments[column] == 'r')
        gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
      gtk_grid_attach (GTK_GRID (grid), label, column, row, 1, 1);
    }

  /* Wide tables scroll sideways rather than widen the conversation. */
  scroller = steward_sideways_scroller_new ();
  /* It takes the keyboard focus, for the arrows to scroll it sideways. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (scroller),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Table"),
                                  -1);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_widget_set_halign (scroller, GTK_ALIGN_START);
  gtk_widget_add_css_class (scroller, "steward-table-scroller");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), grid);

  return scroller;
}

static GtkWidget *
create_block (const StewardMarkdownBlock *block)
{
  GtkWidget *widget;

  switch (block->kind)
    {
    case STEWARD_MARKDOWN_HEADING:
      return create_heading (block->markup, block->level);

    case STEWARD_MARKDOWN_LIST_ITEM:
      return create_list_item (block->markup, block->bullet, block->level);

    case STEWARD_MARKDOWN_CODE:
      widget = steward_message_code_block_new (block->text, block->language);
      gtk_widget_set_margin_start (widget, 24 * block->level);
      return widget;

    case STEWARD_MARKDOWN_QUOTE:
      return create_quote (block->markup, block->level);

    case STEWARD_MARKDOWN_TABLE:
      widget = create_table (block);
      gtk_widget_set_margin_start (widget, 24 * block->level);
      return widget;

    case STEWARD_MARKDOWN_RULE:
      widget = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);
      gtk_widget_add_css_class (widget, "steward-rule");
      return widget;

    case STEWARD_MARKDOWN_PARAGRAPH:
    default:
      widget = create_label (block->markup);
      set_child_kind (widget, CHILD_PARAGRAPH);
      return widget;
    }
}

/* Whether @child can show @block by changing its text. */
static gboolean
can_reuse (GtkWidget                  *child,
           const StewardMarkdownBlock *block)
{
  switch (get_child_kind (child))
    {
    case CHILD_PARAGRAPH:
      return block->kind == STEWARD_MARKDOWN_PARAGRAPH;

    case CHILD_HEADING:
      return block->kind == STEWARD_MARKDOWN_HEADING &&
             GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "level")) == CLAMP (block->level, 1, 6);

    case CHILD_OTHER:
    default:
      return FALSE;
    }
}

static void
commit_new_blocks (StewardMarkdownView *self)
{
  GPtrArray *blocks = steward_markdown_stream_get_blocks (self->stream);

  for (guint i = self->n_committed; i < blocks->len; i++)
    insert_block (self, create_block (g_ptr_array_index (blocks, i)), self->pending_label);

  self->n_committed = blocks->len;
}

static void
set_complete_text (StewardMarkdownView *self,
                   const char          *text)
{
  g_autoptr(GPtrArray) blocks = steward_markdown_parse (text, -1);
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));

  for (guint i = 0; i < blocks->len; i++)
    {
      const StewardMarkdownBlock *block = g_ptr_array_index (blocks, i);

      if (child != NULL && can_reuse (child, block))
        {
          gtk_label_set_markup (GTK_LABEL (child), block->markup);
          child = gtk_widget_get_next_sibling (child);
          continue;
        }

      if (child != NULL)
        {
          GtkWidget *next = gtk_widget_get_next_sibling (child);

          gtk_widget_unparent (child);
          child = next;
        }

      insert_block (self, create_block (block), child);
    }

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      gtk_widget_unparent (child);
      child = next;
    }
}

static void
stream_begin (StewardMarkdownView *self)
{
  self->stream = steward_markdown_stream_new ();
}

static void
stream_append (StewardMarkdownView *self,
               const char          *text,
               gsize                len)
{
  if (steward_markdown_stream_append (self->stream, text, len) > 0)
    commit_new_blocks (self);
}

static const char *
stream_get_pending (StewardMarkdownView *self)
{
  return steward_markdown_stream_get_pending (self->stream);
}

static void
stream_end (StewardMarkdownView *self)
{
  if (self->stream == NULL)
    return;

  steward_markdown_stream_finish (self->stream);
  commit_new_blocks (self);
  g_clear_pointer (&self->stream, steward_markdown_stream_free);
}

static void
stream_clear (StewardMarkdownView *self)
{
  g_clear_pointer (&self->stream, steward_markdown_stream_free);
}


static void
update_pending (StewardMarkdownView *self)
{
  const char *pending = stream_get_pending (self);

  gtk_label_set_text (GTK_LABEL (self->pending_label), pending ? pending : "");
  gtk_widget_set_visible (self->pending_label, pending != NULL && pending[0] != '\0');
}

static void
steward_markdown_view_clear (StewardMarkdownView *self)
{
  GtkWidget *child;

  stream_clear (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  self->pending_label = NULL;
  self->n_committed = 0;
  self->streaming = FALSE;
}

/**
 * steward_markdown_view_set_text:
 * @streaming: whether more text will follow through
 *   steward_markdown_view_append()
 *
 * Shows @text, replacing what the view showed.
 */
void
steward_markdown_view_set_text (StewardMarkdownView *self,
                                const char          *text,
                                gboolean             streaming)
{
  g_return_if_fail (STEWARD_IS_MARKDOWN_VIEW (self));

  if (text == NULL)
    text = "";

  if (!streaming)
    {
      /* Labels already here are reused: only a streaming view starts
       * from nothing. */
      if (self->streaming)
        steward_markdown_view_clear (self);
      set_complete_text (self, text);
      return;
    }

  steward_markdown_view_clear (self);

  self->streaming = TRUE;
  self->pending_label = create_label ("");
  gtk_label_set_use_markup (GTK_LABEL (self->pending_label), FALSE);
  insert_block (self, self->pending_label, NULL);

  stream_begin (self);
  stream_append (self, text, strlen (text));
  update_pending (self);
}

/**
 * steward_markdown_view_append:
 *
 * Adds text to a streaming view: only blocks that are newly complete get
 * widgets; the tail still growing is shown as plain text.
 */
void
steward_markdown_view_append (StewardMarkdownView *self,
                              const char          *text,
                              gsize                len)
{
  g_return_if_fail (STEWARD_IS_MARKDOWN_VIEW (self));
  g_return_if_fail (self->streaming);

  if (len == 0)
    return;

  stream_append (self, text, len);
  update_pending (self);
}

/**
 * steward_markdown_view_finish:
 * @text: (nullable): the whole text that was streamed
 *
 * Ends streaming: the tail becomes blocks like the rest. A reference link
 * defined after the block using it was committed is only linked by a
 * parse of the whole text, which @text then gets (reusing the widgets).
 */
void
steward_markdown_view_finish (StewardMarkdownView *self,
                              const char          *text)
{
  g_return_if_fail (STEWARD_IS_MARKDOWN_VIEW (self));

  if (!self->streaming)
    return;

  stream_end (self);
  g_clear_pointer (&self->pending_label, gtk_widget_unparent);
  self->streaming = FALSE;

  if (text != NULL && steward_markdown_has_link_definitions (text))
    set_complete_text (self, text);
}

gboolean
steward_markdown_view_get_streaming (StewardMarkdownView *self)
{
  g_return_val_if_fail (STEWARD_IS_MARKDOWN_VIEW (self), FALSE);

  return self->streaming;
}

/* Blocks stack from the top, BLOCK_SPACING apart, each as wide as the
 * view. This is a vertical box, but for one thing: a view that fills its
 * width (a reply) never asks its text blocks how wide they would like to
 * be. A wrapping label answers that by laying its text out at width 0,
 * a line per character; for the tail of a streaming reply that was paid
 * on every frame, and for each block of a long reply when it appeared. */
static gboolean
skips_width_request (StewardMarkdownView *self,
                     GtkWidget           *child)
{
  return self->fill_width && get_text_label (child) != NULL;
}

static void
steward_markdown_view_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  StewardMarkdownView *self = STEWARD_MARKDOWN_VIEW (widget);
  guint n_visible = 0;

  *minimum = *natural = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child))
        continue;

      n_visible++;

      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          if (skips_width_request (self, child))
            continue;

          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
      else
        {
          gtk_widget_measure (child, orientation, for_size, &child_min, &child_nat, NULL, NULL);
          *minimum += child_min;
          *natural += child_nat;
        }
    }

  if (orientation == GTK_ORIENTATION_VERTICAL && n_visible > 1)
    {
      *minimum += BLOCK_SPACING * (n_visible - 1);
      *natural += BLOCK_SPACING * (n_visible - 1);
    }
}

static void
steward_markdown_view_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  int y = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_height;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &child_height, NULL, NULL, NULL);
      gtk_widget_size_allocate (child, &(GtkAllocation) { 0, y, width, child_height }, -1);
      y += child_height + BLOCK_SPACING;
    }
}

/* -- drawing what is in view --------------------------------------------- */

/* A long reply is a single row of the message list, many times as tall as
 * the window, and GTK 4.8's cairo renderer goes through every text node it
 * is given, in view or not: a streaming reply that scrolls every frame
 * would redraw all of it. So the view snapshots only the blocks inside the
 * scrolled window it sits in, and draws again when that scrolls. */
static gboolean
get_visible_area (StewardMarkdownView *self,
                  graphene_rect_t     *area)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);

  return scroller != NULL && gtk_widget_compute_bounds (scroller, GTK_WIDGET (self), area);
}

static void
steward_markdown_view_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  StewardMarkdownView *self = STEWARD_MARKDOWN_VIEW (widget);
  graphene_rect_t area;
  gboolean cull;

  cull = get_visible_area (self, &area);
  self->culled = FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;

      if (cull &&
          gtk_widget_compute_bounds (child, widget, &bounds) &&
          !graphene_rect_intersection (&bounds, &area, NULL))
        {
          self->culled = TRUE;
          continue;
        }

      gtk_widget_snapshot_child (widget, child, snapshot);
    }
}

/* When only its position changes GTK promises to redraw the parent, not
 * the view (gtk_widget_allocate ()), and would keep what it culled. */
static void
view_moved_cb (StewardMarkdownView *self)
{
  if (self->culled)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
steward_markdown_view_map (GtkWidget *widget)
{
  StewardMarkdownView *self = STEWARD_MARKDOWN_VIEW (widget);
  GtkWidget *scroller;

  GTK_WIDGET_CLASS (steward_markdown_view_parent_class)->map (widget);

  scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  if (scroller == NULL)
    return;

  g_set_object (&self->vadjustment, gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)));
  g_signal_connect_object (self->vadjustment, "value-changed",
                           G_CALLBACK (view_moved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->vadjustment, "notify::upper",
                           G_CALLBACK (view_moved_cb), self, G_CONNECT_SWAPPED);
  /* A taller window shows more of the view without moving it. */
  g_signal_connect_object (self->vadjustment, "notify::page-size",
                           G_CALLBACK (view_moved_cb), self, G_CONNECT_SWAPPED);
}

static void
steward_markdown_view_unmap (GtkWidget *widget)
{
  StewardMarkdownView *self = STEWARD_MARKDOWN_VIEW (widget);

  if (self->vadjustment != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->vadjustment, view_moved_cb, self);
      g_clear_object (&self->vadjustment);
    }

  GTK_WIDGET_CLASS (steward_markdown_view_parent_class)->unmap (widget);
}

/**
 * steward_markdown_view_set_fill_width:
 *
 * Whether the view is always given the whole width it sits in, like an
 * assistant's reply, rather than sized to its text, like a user's bubble.
 * Such a view skips measuring how wide its text would like to be.
 */
void
steward_markdown_view_set_fill_width (StewardMarkdownView *self,
                                      gboolean             fill_width)
{
  g_return_if_fail (STEWARD_IS_MARKDOWN_VIEW (self));

  fill_width = !!fill_width;
  if (self->fill_width == fill_width)
    return;

  self->fill_width = fill_width;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    update_text_width (self, child);

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* The text selected in @widget or a label inside it, or %NULL. */
static char *
dup_selected_text (GtkWidget *widget)
{
  int start, end;

  if (GTK_IS_LABEL (widget) &&
      gtk_label_get_selectable (GTK_LABEL (widget)) &&
      gtk_label_get_selection_bounds (GTK_LABEL (widget), &start, &end))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));
      const char *from = g_utf8_offset_to_pointer (text, MIN (start, end));
      const char *to = g_utf8_offset_to_pointer (text, MAX (start, end));

      return g_strndup (from, to - from);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      char *text = dup_selected_text (child);

      if (text != NULL)
        return text;
    }

  return NULL;
}

/**
 * steward_markdown_view_dup_selected_text:
 *
 * Each paragraph, item and code block is a label of its own, so a
 * selection lies inside one of them.
 *
 * Returns: (transfer full) (nullable): the text selected in the view,
 *   or %NULL when none is
 */
char *
steward_markdown_view_dup_selected_text (StewardMarkdownView *self)
{
  g_autofree char *text = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (STEWARD_IS_MARKDOWN_VIEW (self), NULL);

  if (!(text = dup_selected_text (GTK_WIDGET (self))))
    return NULL;

  stripped = g_strstrip (g_strdup (text));
  if (stripped[0] == '\0')
    return NULL;

  return g_steal_pointer (&text);
}

/**
 * steward_markdown_view_set_extra_menu:
 * @extra_menu: (nullable): items for the context menu of the view's text
 *
 * Adds @extra_menu to the context menu of every paragraph, item and code
 * block, as gtk_label_set_extra_menu() does for one label.
 */
void
steward_markdown_view_set_extra_menu (StewardMarkdownView *self,
                                      GMenuModel          *extra_menu)
{
  g_return_if_fail (STEWARD_IS_MARKDOWN_VIEW (self));
  g_return_if_fail (!extra_menu || G_IS_MENU_MODEL (extra_menu));

  if (!g_set_object (&self->extra_menu, extra_menu))
    return;

  set_extra_menu (GTK_WIDGET (self), extra_menu);
}

static void
steward_markdown_view_dispose (GObject *object)
{
  StewardMarkdownView *self = (StewardMarkdownView *)object;

  steward_markdown_view_clear (self);
  g_clear_object (&self->extra_menu);

  G_OBJECT_CLASS (steward_markdown_view_parent_class)->dispose (object);
}

static void
steward_markdown_view_class_init (StewardMarkdownViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_markdown_view_dispose;

  widget_class->get_request_mode = get_height_for_width_mode;
  widget_class->measure = steward_markdown_view_measure;
  widget_class->size_allocate = steward_markdown_view_size_allocate;
  widget_class->snapshot = steward_markdown_view_snapshot;
  widget_class->map = steward_markdown_view_map;
  widget_class->unmap = steward_markdown_view_unmap;

  child_kind_quark = g_quark_from_static_string ("steward-markdown-child-kind");

  gtk_widget_class_set_css_name (widget_class, "markdownview");
}

static void
steward_markdown_view_init (StewardMarkdownView *self)
{
}

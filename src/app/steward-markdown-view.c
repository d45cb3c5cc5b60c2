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

#include "steward-markdown-view.h"
#include "steward-message-code-block.h"

#ifdef HAVE_STEWARD_MARKDOWN
# include "steward-markdown.h"
#endif

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
} ChildKind;

static GQuark child_kind_quark;

struct _StewardMarkdownView
{
  GtkWidget              parent_instance;

  /* Borrowed: the last child while streaming, else NULL */
  GtkWidget             *pending_label;

  /* Owned */
#ifdef HAVE_STEWARD_MARKDOWN
  StewardMarkdownStream *stream;
#else
  GString               *fallback;
#endif

  guint                  n_committed;
  guint                  streaming : 1;
};

G_DEFINE_FINAL_TYPE (StewardMarkdownView, steward_markdown_view, GTK_TYPE_WIDGET)

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
   * keyboard focus; in a list of messages that is only in the way. */
  gtk_widget_set_focusable (label, FALSE);

  return label;
}

#ifdef HAVE_STEWARD_MARKDOWN

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
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *mark = gtk_label_new (bullet ? bullet : "•");

  gtk_widget_add_css_class (box, "steward-list-item");
  gtk_widget_set_margin_start (box, 4 + 20 * level);
  gtk_widget_set_valign (mark, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (mark), 1.0f);
  gtk_label_set_width_chars (GTK_LABEL (mark), 2);
  gtk_widget_add_css_class (mark, "steward-bullet");
  gtk_widget_add_css_class (mark, "numeric");
  gtk_box_append (GTK_BOX (box), mark);
  gtk_box_append (GTK_BOX (box), create_label (markup));

  return box;
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
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
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
    gtk_widget_insert_before (create_block (g_ptr_array_index (blocks, i)),
                              GTK_WIDGET (self), self->pending_label);

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

      gtk_widget_insert_before (create_block (block), GTK_WIDGET (self), child);
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

#else /* !HAVE_STEWARD_MARKDOWN */

/* Without the core's Markdown parser, show plain paragraphs (split at
 * blank lines) so the app stays usable; the blocks path above is the
 * real one. */

static void
add_plain_paragraphs (StewardMarkdownView *self,
                      const char          *text)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n\n", -1);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_strstrip (paragraphs[i]);
      if (paragraphs[i][0] != '\0')
        {
          g_autofree char *markup = g_markup_escape_text (paragraphs[i], -1);

          gtk_widget_insert_before (create_label (markup), GTK_WIDGET (self), self->pending_label);
        }
    }
}

static void
set_complete_text (StewardMarkdownView *self,
                   const char          *text)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  add_plain_paragraphs (self, text);
}

static void
stream_begin (StewardMarkdownView *self)
{
  self->fallback = g_string_new (NULL);
}

static void
stream_append (StewardMarkdownView *self,
               const char          *text,
               gsize                len)
{
  const char *end;

  g_string_append_len (self->fallback, text, len);

  if ((end = g_strrstr (self->fallback->str, "\n\n")))
    {
      g_autofree char *done = g_strndup (self->fallback->str, end - self->fallback->str);

      add_plain_paragraphs (self, done);
      g_string_erase (self->fallback, 0, end - self->fallback->str + 2);
    }
}

static const char *
stream_get_pending (StewardMarkdownView *self)
{
  return self->fallback->str;
}

static void
stream_end (StewardMarkdownView *self)
{
  if (self->fallback == NULL)
    return;

  add_plain_paragraphs (self, self->fallback->str);
  g_string_free (g_steal_pointer (&self->fallback), TRUE);
}

static void
stream_clear (StewardMarkdownView *self)
{
  if (self->fallback != NULL)
    g_string_free (g_steal_pointer (&self->fallback), TRUE);
}

#endif /* HAVE_STEWARD_MARKDOWN */

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
  gtk_widget_set_parent (self->pending_label, GTK_WIDGET (self));

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
 *
 * Ends streaming: the tail becomes blocks like the rest.
 */
void
steward_markdown_view_finish (StewardMarkdownView *self)
{
  g_return_if_fail (STEWARD_IS_MARKDOWN_VIEW (self));

  if (!self->streaming)
    return;

  stream_end (self);
  g_clear_pointer (&self->pending_label, gtk_widget_unparent);
  self->streaming = FALSE;
}

gboolean
steward_markdown_view_get_streaming (StewardMarkdownView *self)
{
  g_return_val_if_fail (STEWARD_IS_MARKDOWN_VIEW (self), FALSE);

  return self->streaming;
}

static void
steward_markdown_view_dispose (GObject *object)
{
  StewardMarkdownView *self = (StewardMarkdownView *)object;

  steward_markdown_view_clear (self);

  G_OBJECT_CLASS (steward_markdown_view_parent_class)->dispose (object);
}

static void
steward_markdown_view_class_init (StewardMarkdownViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_markdown_view_dispose;

  child_kind_quark = g_quark_from_static_string ("steward-markdown-child-kind");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "markdownview");
}

static void
steward_markdown_view_init (StewardMarkdownView *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 8);
}

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
#include <gtksourceview/gtksource.h>

#include "steward-markdown-view.h"

#ifdef HAVE_STEWARD_MARKDOWN
# include "steward-markdown.h"
#else
/* The plain fallback below leaves the block builders unused. */
# pragma GCC diagnostic ignored "-Wunused-function"
#endif

/* A message's Markdown as native widgets, one per block: labels with Pango
 * markup for text, a GtkSourceView for code, a GtkGrid for tables.
 *
 * While a reply streams, blocks the parser has committed are added once
 * and never touched again; only the still-growing tail is shown, as plain
 * text, in one label. So a frame never re-lays out the whole reply (see
 * "Chat rendering" in ARCHITECTURE.md).
 */

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

static void
add_block_widget (StewardMarkdownView *self,
                  GtkWidget           *widget)
{
  gtk_widget_insert_before (widget, GTK_WIDGET (self), self->pending_label);
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

static GtkWidget *
create_plain_label (const char *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  return create_label (markup);
}

static void
update_style_scheme (GtkSourceBuffer *buffer)
{
  GtkSourceStyleSchemeManager *manager = gtk_source_style_scheme_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  gtk_source_buffer_set_style_scheme (buffer,
                                      gtk_source_style_scheme_manager_get_scheme (manager,
                                                                                  dark ? "Adwaita-dark" : "Adwaita"));
}

static void
style_manager_dark_cb (GtkSourceBuffer *buffer,
                       GParamSpec      *pspec,
                       AdwStyleManager *style_manager)
{
  update_style_scheme (buffer);
}

static GtkSourceLanguage *
find_language (const char *info)
{
  GtkSourceLanguageManager *manager = gtk_source_language_manager_get_default ();
  g_autofree char *id = NULL;
  g_autofree char *file_name = NULL;
  GtkSourceLanguage *language;

  if (info == NULL || info[0] == '\0')
    return NULL;

  id = g_ascii_strdown (info, -1);
  if ((language = gtk_source_language_manager_get_language (manager, id)))
    return language;

  /* Info strings are often file extensions: "py", "rs", "ts", "sh". */
  file_name = g_strconcat ("code.", id, NULL);
  return gtk_source_language_manager_guess_language (manager, file_name, NULL);
}

static void
copy_code_clicked_cb (GtkButton  *button,
                      const char *text)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), _("Copied"));
}

static GtkWidget *
create_code_block (const char *text,
                   const char *info)
{
  g_autoptr(GtkSourceBuffer) buffer = NULL;
  GtkSourceLanguage *language;
  g_autofree char *code = NULL;
  GtkWidget *box;
  GtkWidget *header;
  GtkWidget *title;
  GtkWidget *copy;
  GtkWidget *scroller;
  GtkWidget *view;
  gsize len;

  code = g_strdup (text ? text : "");
  len = strlen (code);
  if (len > 0 && code[len - 1] == '\n')
    code[len - 1] = '\0';

  language = find_language (info);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (box, "steward-code-block");

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (header, "steward-code-header");
  gtk_box_append (GTK_BOX (box), header);

  if (language != NULL)
    title = gtk_label_new (gtk_source_language_get_name (language));
  else if (info != NULL && info[0] != '\0')
    title = gtk_label_new (info);
  else
    /* Translators: the title of a code block whose language is not given */
    title = gtk_label_new (_("Code"));
  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "caption-heading");
  gtk_widget_add_css_class (title, "dim-label");
  gtk_box_append (GTK_BOX (header), title);

  copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  gtk_widget_add_css_class (copy, "flat");
  gtk_widget_set_tooltip_text (copy, _("Copy Code"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (copy),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Copy Code"),
                                  -1);
  g_object_set_data_full (G_OBJECT (copy), "code", g_strdup (code), g_free);
  g_signal_connect (copy, "clicked", G_CALLBACK (copy_code_clicked_cb),
                    g_object_get_data (G_OBJECT (copy), "code"));
  gtk_box_append (GTK_BOX (header), copy);

  buffer = gtk_source_buffer_new (NULL);
  gtk_source_buffer_set_highlight_matching_brackets (buffer, FALSE);
  if (language != NULL)
    gtk_source_buffer_set_language (buffer, language);
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (buffer), code, -1);
  update_style_scheme (buffer);
  g_signal_connect_object (adw_style_manager_get_default (),
                           "notify::dark",
                           G_CALLBACK (style_manager_dark_cb),
                           buffer,
                           G_CONNECT_SWAPPED);

  view = gtk_source_view_new_with_buffer (buffer);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 10);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Code"),
                                  -1);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_box_append (GTK_BOX (box), scroller);

  return box;
}

static GtkWidget *
create_heading (const char *markup,
                guint       level)
{
  static const char * const classes[] = { "title-1", "title-2", "title-3", "title-4", "heading", "heading" };
  GtkWidget *label = create_label (markup);

  gtk_widget_add_css_class (label, classes[CLAMP (level, 1, 6) - 1]);
  gtk_widget_add_css_class (label, "steward-heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, CLAMP (level, 1, 6),
                                  -1);

  return label;
}

static GtkWidget *
create_list_item (const char *markup,
                  const char *bullet,
                  guint       level)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *mark = gtk_label_new (bullet ? bullet : "•");

  gtk_widget_set_margin_start (box, 6 + 18 * (level > 0 ? level - 1 : 0));
  gtk_widget_set_valign (mark, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (mark), 1.0f);
  gtk_label_set_width_chars (GTK_LABEL (mark), 2);
  gtk_widget_add_css_class (mark, "dim-label");
  gtk_widget_add_css_class (mark, "numeric");
  gtk_box_append (GTK_BOX (box), mark);
  gtk_box_append (GTK_BOX (box), create_label (markup));

  return box;
}

static GtkWidget *
create_quote (const char *markup)
{
  GtkWidget *label = create_label (markup);

  gtk_widget_add_css_class (label, "steward-quote");

  return label;
}

#ifdef HAVE_STEWARD_MARKDOWN

static GtkWidget *
create_table (const StewardMarkdownBlock *block)
{
  GtkWidget *scroller;
  GtkWidget *grid;
  guint n_cells = block->cells ? g_strv_length (block->cells) : 0;

  grid = gtk_grid_new ();
  gtk_widget_add_css_class (grid, "steward-table");
  gtk_widget_set_halign (grid, GTK_ALIGN_START);

  for (guint i = 0; block->n_columns > 0 && i < n_cells; i++)
    {
      guint row = i / block->n_columns;
      guint column = i % block->n_columns;
      GtkWidget *label = create_label (block->cells[i]);

      gtk_label_set_wrap (GTK_LABEL (label), FALSE);
      gtk_widget_add_css_class (label, "steward-table-cell");
      if (row < block->header_rows)
        gtk_widget_add_css_class (label, "steward-table-header");
      if (row % 2 == 1)
        gtk_widget_add_css_class (label, "steward-table-odd");
      if (block->alignments != NULL)
        {
          if (block->alignments[column] == STEWARD_MARKDOWN_ALIGN_CENTER)
            gtk_label_set_xalign (GTK_LABEL (label), 0.5f);
          else if (block->alignments[column] == STEWARD_MARKDOWN_ALIGN_RIGHT)
            gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
        }
      gtk_grid_attach (GTK_GRID (grid), label, column, row, 1, 1);
    }

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_widget_set_halign (scroller, GTK_ALIGN_START);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), grid);

  return scroller;
}

static GtkWidget *
create_block (const StewardMarkdownBlock *block)
{
  switch (block->kind)
    {
    case STEWARD_MARKDOWN_BLOCK_HEADING:
      return create_heading (block->markup, block->level);

    case STEWARD_MARKDOWN_BLOCK_LIST_ITEM:
      return create_list_item (block->markup, block->bullet, block->level);

    case STEWARD_MARKDOWN_BLOCK_CODE:
      return create_code_block (block->text, block->language);

    case STEWARD_MARKDOWN_BLOCK_QUOTE:
      return create_quote (block->markup);

    case STEWARD_MARKDOWN_BLOCK_TABLE:
      return create_table (block);

    case STEWARD_MARKDOWN_BLOCK_RULE:
      return gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);

    case STEWARD_MARKDOWN_BLOCK_PARAGRAPH:
    default:
      return create_label (block->markup);
    }
}

static void
commit_new_blocks (StewardMarkdownView *self)
{
  GPtrArray *blocks = steward_markdown_stream_get_blocks (self->stream);

  for (guint i = self->n_committed; i < blocks->len; i++)
    add_block_widget (self, create_block (g_ptr_array_index (blocks, i)));

  self->n_committed = blocks->len;
}

static void
set_complete_text (StewardMarkdownView *self,
                   const char          *text)
{
  g_autoptr(GPtrArray) blocks = steward_markdown_parse (text, strlen (text));

  for (guint i = 0; i < blocks->len; i++)
    add_block_widget (self, create_block (g_ptr_array_index (blocks, i)));
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

/* Until the core's Markdown parser is built, show plain paragraphs (split
 * at blank lines) so the app stays usable; the blocks path above is the
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
        add_block_widget (self, create_plain_label (paragraphs[i]));
    }
}

static void
set_complete_text (StewardMarkdownView *self,
                   const char          *text)
{
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

  steward_markdown_view_clear (self);

  if (!streaming)
    {
      set_complete_text (self, text);
      return;
    }

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

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "markdownview");
}

static void
steward_markdown_view_init (StewardMarkdownView *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 10);
}

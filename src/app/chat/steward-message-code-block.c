/* steward-message-code-block.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-message-code-block"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "steward-message-code-block.h"
#include "steward-sideways-scroller.h"

/* A code block in a message: a header with the language and a Copy
 * button, then the code in a selectable monospace label that scrolls
 * sideways.
 *
 * A message list keeps a couple of hundred rows alive, and a GtkSourceView
 * per code block made opening a long conversation slow and heavy. So the
 * code is a label, and GtkSourceView's highlighting engine runs once the
 * block is on screen, in an idle, on one shared buffer; its tags become
 * Pango attributes on the label.
 */

#define COPIED_RESET_S 2

struct _StewardMessageCodeBlock
{
  GtkWidget          parent_instance;

  /* Borrowed */
  GtkLabel          *code_label;
  GtkWidget         *copy_button;
  GtkWidget         *copy_content;

  /* Owned */
  char              *code;
  char              *language_id;

  guint              highlight_id;
  guint              copied_reset_id;
  guint              highlighted : 1;
};

G_DEFINE_FINAL_TYPE (StewardMessageCodeBlock, steward_message_code_block, GTK_TYPE_WIDGET)

static GtkSourceLanguage *
find_language (const char *info)
{
  GtkSourceLanguageManager *manager;
  g_autofree char *id = NULL;
  g_autofree char *file_name = NULL;
  GtkSourceLanguage *language;

  if (info == NULL || info[0] == '\0')
    return NULL;

  manager = gtk_source_language_manager_get_default ();
  id = g_ascii_strdown (info, -1);
  if ((language = gtk_source_language_manager_get_language (manager, id)))
    return language;

  /* Info strings are often file extensions: "py", "rs", "ts", "sh". */
  file_name = g_strconcat ("code.", id, NULL);
  return gtk_source_language_manager_guess_language (manager, file_name, NULL);
}

/* The names of common languages, without asking GtkSourceView: its
 * language manager reads every language file the first time it is used,
 * which is for the highlighting idle to pay, not the first frame. */
static const char *
get_display_name (const char *info)
{
  static const struct { const char *id; const char *name; } names[] = {
    { "bash", "Bash" }, { "c", "C" }, { "c++", "C++" }, { "cpp", "C++" },
    { "cs", "C#" }, { "csharp", "C#" }, { "css", "CSS" }, { "diff", "Diff" },
    { "go", "Go" }, { "html", "HTML" }, { "java", "Java" },
    { "javascript", "JavaScript" }, { "js", "JavaScript" }, { "json", "JSON" },
    { "kotlin", "Kotlin" }, { "lua", "Lua" }, { "markdown", "Markdown" },
    { "md", "Markdown" }, { "meson", "Meson" }, { "php", "PHP" },
    { "py", "Python" }, { "python", "Python" }, { "rb", "Ruby" },
    { "ruby", "Ruby" }, { "rs", "Rust" }, { "rust", "Rust" }, { "sh", "Shell" },
    { "shell", "Shell" }, { "sql", "SQL" }, { "swift", "Swift" },
    { "toml", "TOML" }, { "ts", "TypeScript" }, { "typescript", "TypeScript" },
    { "xml", "XML" }, { "yaml", "YAML" }, { "yml", "YAML" },
  };

  if (info == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (info, names[i].id) == 0)
      return names[i].name;

  return NULL;
}

/* One buffer highlights every block: a buffer per block costs memory for
 * as long as the block lives. */
static GtkSourceBuffer *
get_shared_buffer (void)
{
  static GtkSourceBuffer *buffer;

  if (buffer == NULL)
    {
      buffer = gtk_source_buffer_new (NULL);
      gtk_source_buffer_set_highlight_matching_brackets (buffer, FALSE);
      gtk_source_buffer_set_highlight_syntax (buffer, TRUE);
    }

  return buffer;
}

static void
insert_attribute (PangoAttrList  *attrs,
                  PangoAttribute *attr,
                  guint           start,
                  guint           end)
{
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
}

static void
add_tag_attributes (PangoAttrList *attrs,
                    GtkTextTag    *tag,
                    guint          start,
                    guint          end)
{
  gboolean foreground_set, weight_set, style_set, underline_set, strikethrough_set;

  g_object_get (tag,
                "foreground-set", &foreground_set,
                "weight-set", &weight_set,
                "style-set", &style_set,
                "underline-set", &underline_set,
                "strikethrough-set", &strikethrough_set,
                NULL);

  if (foreground_set)
    {
      g_autoptr(GdkRGBA) rgba = NULL;

      g_object_get (tag, "foreground-rgba", &rgba, NULL);
      if (rgba != NULL)
        insert_attribute (attrs,
                          pango_attr_foreground_new (rgba->red * 65535, rgba->green * 65535, rgba->blue * 65535),
                          start, end);
    }

  if (weight_set)
    {
      int weight;

      g_object_get (tag, "weight", &weight, NULL);
      insert_attribute (attrs, pango_attr_weight_new (weight), start, end);
    }

  if (style_set)
    {
      PangoStyle style;

      g_object_get (tag, "style", &style, NULL);
      insert_attribute (attrs, pango_attr_style_new (style), start, end);
    }

  if (underline_set)
    {
      PangoUnderline underline;

      g_object_get (tag, "underline", &underline, NULL);
      insert_attribute (attrs, pango_attr_underline_new (underline), start, end);
    }

  if (strikethrough_set)
    {
      gboolean strikethrough;

      g_object_get (tag, "strikethrough", &strikethrough, NULL);
      insert_attribute (attrs, pango_attr_strikethrough_new (strikethrough), start, end);
    }
}

static void
steward_message_code_block_highlight (StewardMessageCodeBlock *self)
{
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  GtkSourceBuffer *buffer = get_shared_buffer ();
  GtkSourceLanguage *language = find_language (self->language_id);
  g_autoptr(PangoAttrList) attrs = NULL;
  GtkTextIter iter, end;
  gboolean dark;
  guint offset = 0;

  if (language == NULL)
    return;

  dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  gtk_source_buffer_set_style_scheme (buffer,
                                      gtk_source_style_scheme_manager_get_scheme (schemes,
                                                                                  dark ? "Adwaita-dark" : "Adwaita"));
  gtk_source_buffer_set_language (buffer, language);
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (buffer), self->code, -1);
  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (buffer), &iter, &end);
  gtk_source_buffer_ensure_highlight (buffer, &iter, &end);

  attrs = pango_attr_list_new ();

  while (!gtk_text_iter_is_end (&iter))
    {
      GtkTextIter next = iter;
      g_autofree char *slice = NULL;
      g_autoptr(GSList) tags = NULL;
      guint next_offset;

      if (!gtk_text_iter_forward_to_tag_toggle (&next, NULL))
        next = end;

      slice = gtk_text_iter_get_slice (&iter, &next);
      next_offset = offset + strlen (slice);

      tags = gtk_text_iter_get_tags (&iter);
      for (GSList *l = tags; l != NULL; l = l->next)
        add_tag_attributes (attrs, l->data, offset, next_offset);

      offset = next_offset;
      iter = next;
    }

  gtk_label_set_attributes (self->code_label, attrs);
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (buffer), "", 0);
}

static gboolean
highlight_idle_cb (gpointer user_data)
{
  StewardMessageCodeBlock *self = user_data;

  self->highlight_id = 0;
  self->highlighted = TRUE;
  steward_message_code_block_highlight (self);

  return G_SOURCE_REMOVE;
}

static void
queue_highlight (StewardMessageCodeBlock *self)
{
  if (self->highlighted || self->highlight_id != 0 || self->language_id == NULL)
    return;

  /* Below redraw priority: the plain code paints first. */
  self->highlight_id = g_idle_add_full (G_PRIORITY_LOW, highlight_idle_cb, self, NULL);
}

static void
style_dark_cb (StewardMessageCodeBlock *self,
               GParamSpec              *pspec,
               AdwStyleManager         *style_manager)
{
  if (!self->highlighted)
    return;

  self->highlighted = FALSE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    queue_highlight (self);
}

static gboolean
copied_reset_cb (gpointer user_data)
{
  StewardMessageCodeBlock *self = user_data;

  self->copied_reset_id = 0;
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (self->copy_content), "edit-copy-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (self->copy_content), _("Copy"));

  return G_SOURCE_REMOVE;
}

static void
copy_clicked_cb (StewardMessageCodeBlock *self,
                 GtkButton               *button)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->code);

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (self->copy_content), "object-select-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (self->copy_content), _("Copied"));
  g_clear_handle_id (&self->copied_reset_id, g_source_remove);
  self->copied_reset_id = g_timeout_add_seconds (COPIED_RESET_S, copied_reset_cb, self);
}

GtkWidget *
steward_message_code_block_new (const char *code,
                                const char *language)
{
  StewardMessageCodeBlock *self = g_object_new (STEWARD_TYPE_MESSAGE_CODE_BLOCK, NULL);
  GtkWidget *header;
  GtkWidget *title;
  GtkWidget *scroller;
  const char *name;
  gsize len;

  self->code = g_strdup (code ? code : "");
  len = strlen (self->code);
  if (len > 0 && self->code[len - 1] == '\n')
    self->code[len - 1] = '\0';

  if (language != NULL && language[0] != '\0')
    self->language_id = g_strdup (language);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (header, "steward-code-header");
  gtk_widget_set_parent (header, GTK_WIDGET (self));

  if ((name = get_display_name (self->language_id)))
    title = gtk_label_new (name);
  else if (self->language_id != NULL)
    title = gtk_label_new (self->language_id);
  else
    /* Translators: the title of a code block whose language is not given */
    title = gtk_label_new (_("Code"));
  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "steward-code-language");
  gtk_box_append (GTK_BOX (header), title);

  self->copy_content = adw_button_content_new ();
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (self->copy_content), "edit-copy-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (self->copy_content), _("Copy"));
  self->copy_button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->copy_button), self->copy_content);
  gtk_widget_add_css_class (self->copy_button, "flat");
  gtk_widget_set_tooltip_text (self->copy_button, _("Copy Code"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->copy_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Copy Code"),
                                  -1);
  g_signal_connect_object (self->copy_button, "clicked", G_CALLBACK (copy_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (header), self->copy_button);

  self->code_label = GTK_LABEL (gtk_label_new (self->code));
  gtk_label_set_xalign (self->code_label, 0.0f);
  gtk_label_set_yalign (self->code_label, 0.0f);
  gtk_label_set_selectable (self->code_label, TRUE);
  gtk_widget_set_focusable (GTK_WIDGET (self->code_label), FALSE);
  /* Or GTK 4.8's selectable label stops Tab, see steward-markdown-view.c */
  gtk_widget_set_can_focus (GTK_WIDGET (self->code_label), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->code_label), "monospace");
  gtk_widget_add_css_class (GTK_WIDGET (self->code_label), "steward-code");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->code_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Code"),
                                  -1);

  /* Long lines scroll sideways rather than widen the conversation. */
  scroller = steward_sideways_scroller_new ();
  /* It takes the keyboard focus, for the arrows to scroll it sideways. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (scroller),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Code"),
                                  -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->code_label));
  gtk_widget_set_parent (scroller, GTK_WIDGET (self));

  if (self->language_id != NULL)
    g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                             G_CALLBACK (style_dark_cb), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

const char *
steward_message_code_block_get_code (StewardMessageCodeBlock *self)
{
  g_return_val_if_fail (STEWARD_IS_MESSAGE_CODE_BLOCK (self), NULL);

  return self->code;
}

static void
steward_message_code_block_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (steward_message_code_block_parent_class)->map (widget);

  queue_highlight (STEWARD_MESSAGE_CODE_BLOCK (widget));
}

static void
steward_message_code_block_unmap (GtkWidget *widget)
{
  StewardMessageCodeBlock *self = STEWARD_MESSAGE_CODE_BLOCK (widget);

  g_clear_handle_id (&self->highlight_id, g_source_remove);

  GTK_WIDGET_CLASS (steward_message_code_block_parent_class)->unmap (widget);
}

static void
steward_message_code_block_dispose (GObject *object)
{
  StewardMessageCodeBlock *self = (StewardMessageCodeBlock *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->highlight_id, g_source_remove);
  g_clear_handle_id (&self->copied_reset_id, g_source_remove);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (steward_message_code_block_parent_class)->dispose (object);
}

static void
steward_message_code_block_finalize (GObject *object)
{
  StewardMessageCodeBlock *self = (StewardMessageCodeBlock *)object;

  g_free (self->code);
  g_free (self->language_id);

  G_OBJECT_CLASS (steward_message_code_block_parent_class)->finalize (object);
}

static void
steward_message_code_block_class_init (StewardMessageCodeBlockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_message_code_block_dispose;
  object_class->finalize = steward_message_code_block_finalize;

  widget_class->map = steward_message_code_block_map;
  widget_class->unmap = steward_message_code_block_unmap;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "codeblock");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
steward_message_code_block_init (StewardMessageCodeBlock *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_widget_add_css_class (GTK_WIDGET (self), "steward-code-block");
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

/* steward-markdown-item.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-markdown-item"

#include "config.h"

#include "steward-markdown-item.h"

/* A list item: its bullet or number, then its text beside it, wrapped in
 * the width left. A horizontal GtkBox would do the same, but a box asks
 * a wrapping label for its width at the box's height while allocating,
 * which Pango answers by laying the text out again and again; in a long
 * streaming reply every frame paid for that. This lays each part out once
 * per width. */

#define LIST_ITEM_SPACING 6

struct _StewardMarkdownItem
{
  GtkWidget  parent_instance;

  /* Children */
  GtkWidget *mark;
  GtkWidget *content;
};

G_DEFINE_FINAL_TYPE (StewardMarkdownItem, steward_markdown_item, GTK_TYPE_WIDGET)

/* Its text wraps: how tall an item is depends on its width. */
static GtkSizeRequestMode
get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static int
markdown_item_mark_width (StewardMarkdownItem *self)
{
  int natural;

  gtk_widget_measure (self->mark, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

static void
steward_markdown_item_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  StewardMarkdownItem *self = STEWARD_MARKDOWN_ITEM (widget);
  int mark_width = markdown_item_mark_width (self);
  int mark_min, mark_nat, content_min, content_nat;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (self->content, orientation, -1, &content_min, &content_nat, NULL, NULL);
      *minimum = mark_width + LIST_ITEM_SPACING + content_min;
      *natural = mark_width + LIST_ITEM_SPACING + content_nat;
      return;
    }

  gtk_widget_measure (self->mark, orientation, mark_width, &mark_min, &mark_nat, NULL, NULL);
  gtk_widget_measure (self->content, orientation,
                      for_size < 0 ? -1 : MAX (for_size - mark_width - LIST_ITEM_SPACING, 0),
                      &content_min, &content_nat, NULL, NULL);
  *minimum = MAX (mark_min, content_min);
  *natural = MAX (mark_nat, content_nat);
}

static void
steward_markdown_item_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  StewardMarkdownItem *self = STEWARD_MARKDOWN_ITEM (widget);
  int mark_width = markdown_item_mark_width (self);
  int content_width = MAX (width - mark_width - LIST_ITEM_SPACING, 0);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int mark_height;

  gtk_widget_measure (self->mark, GTK_ORIENTATION_VERTICAL, mark_width, NULL, &mark_height, NULL, NULL);

  gtk_widget_size_allocate (self->mark,
                            &(GtkAllocation) { rtl ? width - mark_width : 0, 0,
                                               mark_width, MIN (mark_height, height) },
                            -1);
  gtk_widget_size_allocate (self->content,
                            &(GtkAllocation) { rtl ? 0 : width - content_width, 0,
                                               content_width, height },
                            -1);
}

static void
steward_markdown_item_dispose (GObject *object)
{
  StewardMarkdownItem *self = STEWARD_MARKDOWN_ITEM (object);

  g_clear_pointer (&self->mark, gtk_widget_unparent);
  g_clear_pointer (&self->content, gtk_widget_unparent);

  G_OBJECT_CLASS (steward_markdown_item_parent_class)->dispose (object);
}

static void
steward_markdown_item_class_init (StewardMarkdownItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_markdown_item_dispose;

  widget_class->get_request_mode = get_request_mode;
  widget_class->measure = steward_markdown_item_measure;
  widget_class->size_allocate = steward_markdown_item_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "markdownitem");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST_ITEM);
}

static void
steward_markdown_item_init (StewardMarkdownItem *self)
{
}

/**
 * steward_markdown_item_new:
 * @mark: the bullet or number
 * @content: the item's text, a wrapping label
 *
 * Returns: (transfer floating): a list item showing @mark beside @content
 */
GtkWidget *
steward_markdown_item_new (GtkWidget *mark,
                           GtkWidget *content)
{
  StewardMarkdownItem *self;

  g_return_val_if_fail (GTK_IS_WIDGET (mark), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (content), NULL);

  self = g_object_new (STEWARD_TYPE_MARKDOWN_ITEM, NULL);
  self->mark = mark;
  self->content = content;
  gtk_widget_set_parent (mark, GTK_WIDGET (self));
  gtk_widget_set_parent (content, GTK_WIDGET (self));

  return GTK_WIDGET (self);
}

GtkWidget *
steward_markdown_item_get_content (StewardMarkdownItem *self)
{
  g_return_val_if_fail (STEWARD_IS_MARKDOWN_ITEM (self), NULL);

  return self->content;
}

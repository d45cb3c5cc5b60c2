/* steward-word-count.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-word-count"

#include "config.h"

#include "steward-word-count.h"

/* The words of a text buffer, kept as it changes: a word is a run of
 * characters that are not white space (g_unichar_isspace()).
 *
 * A change only touches the words around it, so only those are counted
 * again: before an insertion or a deletion, the stretch from the start
 * of the word the change begins in to the end of the word it ends in
 * is counted and marked (the marks follow the change); after it, the
 * stretch between the marks is counted again, and the difference is the
 * change in words. The stretch is bounded by white space or the ends of
 * the buffer, which the change does not touch, so no word outside it
 * changes. Typing into a long text costs a word, not the text. */

struct _StewardWordCount
{
  GObject        parent_instance;

  GtkTextBuffer *buffer;
  /* Where the stretch being changed starts (left gravity) and ends
   * (right gravity) */
  GtkTextMark   *stretch_start;
  GtkTextMark   *stretch_end;
  guint          words;
};

enum {
  PROP_0,
  PROP_WORDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (StewardWordCount, steward_word_count, G_TYPE_OBJECT)

/**
 * steward_word_count_text:
 *
 * Returns: the words of @text, counted whole
 */
guint
steward_word_count_text (const char *text)
{
  gboolean in_word = FALSE;
  guint words = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean space = g_unichar_isspace (g_utf8_get_char (p));

      if (!space && !in_word)
        words++;
      in_word = !space;
    }

  return words;
}

static guint
count_between (GtkTextBuffer     *buffer,
               const GtkTextIter *start,
               const GtkTextIter *end)
{
  g_autofree char *text = gtk_text_buffer_get_text (buffer, start, end, TRUE);

  return steward_word_count_text (text);
}

/* Marks the stretch from the start of the word @start is in to the end
 * of the word @end is in, and takes its words off the count */
static void
begin_change (StewardWordCount  *self,
              const GtkTextIter *start,
              const GtkTextIter *end)
{
  GtkTextIter from = *start, to = *end;

  while (!gtk_text_iter_is_start (&from))
    {
      GtkTextIter before = from;

      gtk_text_iter_backward_char (&before);
      if (g_unichar_isspace (gtk_text_iter_get_char (&before)))
        break;
      from = before;
    }

  while (!gtk_text_iter_is_end (&to) && !g_unichar_isspace (gtk_text_iter_get_char (&to)))
    gtk_text_iter_forward_char (&to);

  /* Moving marks leaves the change's iterators valid */
  gtk_text_buffer_move_mark (self->buffer, self->stretch_start, &from);
  gtk_text_buffer_move_mark (self->buffer, self->stretch_end, &to);

  self->words -= count_between (self->buffer, &from, &to);
}

static void
end_change (StewardWordCount *self)
{
  GtkTextIter from, to;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &from, self->stretch_start);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &to, self->stretch_end);

  self->words += count_between (self->buffer, &from, &to);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORDS]);
}

static void
insert_text_cb (StewardWordCount *self,
                GtkTextIter      *location)
{
  begin_change (self, location, location);
}

static void
delete_range_cb (StewardWordCount *self,
                 GtkTextIter      *start,
                 GtkTextIter      *end)
{
  begin_change (self, start, end);
}

static void
steward_word_count_dispose (GObject *object)
{
  StewardWordCount *self = (StewardWordCount *)object;

  if (self->buffer != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->buffer, self);
      gtk_text_buffer_delete_mark (self->buffer, self->stretch_start);
      gtk_text_buffer_delete_mark (self->buffer, self->stretch_end);
    }
  g_clear_object (&self->stretch_start);
  g_clear_object (&self->stretch_end);
  g_clear_object (&self->buffer);

  G_OBJECT_CLASS (steward_word_count_parent_class)->dispose (object);
}

static void
steward_word_count_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  StewardWordCount *self = STEWARD_WORD_COUNT (object);

  switch (prop_id)
    {
    case PROP_WORDS:
      g_value_set_uint (value, self->words);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_word_count_class_init (StewardWordCountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steward_word_count_dispose;
  object_class->get_property = steward_word_count_get_property;

  properties[PROP_WORDS] =
    g_param_spec_uint ("words", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_word_count_init (StewardWordCount *self)
{
}

/**
 * steward_word_count_new:
 *
 * Returns: (transfer full): the words of @buffer, kept as it changes
 *   (#StewardWordCount:words is notified after every change)
 */
StewardWordCount *
steward_word_count_new (GtkTextBuffer *buffer)
{
  StewardWordCount *self;
  GtkTextIter start, end;

  g_return_val_if_fail (GTK_IS_TEXT_BUFFER (buffer), NULL);

  self = g_object_new (STEWARD_TYPE_WORD_COUNT, NULL);
  self->buffer = g_object_ref (buffer);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  self->stretch_start = g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, &start, TRUE));
  self->stretch_end = g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, &end, FALSE));
  self->words = count_between (buffer, &start, &end);

  /* Before the buffer's own handler, then after it */
  g_signal_connect_swapped (buffer, "insert-text", G_CALLBACK (insert_text_cb), self);
  g_signal_connect_swapped (buffer, "delete-range", G_CALLBACK (delete_range_cb), self);
  g_signal_connect_data (buffer, "insert-text", G_CALLBACK (end_change), self, NULL,
                         G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_data (buffer, "delete-range", G_CALLBACK (end_change), self, NULL,
                         G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  return self;
}

guint
steward_word_count_get_words (StewardWordCount *self)
{
  g_return_val_if_fail (STEWARD_IS_WORD_COUNT (self), 0);

  return self->words;
}

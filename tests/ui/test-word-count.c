/* test-word-count.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The phase editor's live word count (steward-word-count.c), which
 * counts only the words around a change: after every change, of every
 * kind and place, it says what counting the whole text says.
 */

#include "config.h"

#include <gtk/gtk.h>

#include "steward-word-count.h"

static guint
count_whole (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);

  return steward_word_count_text (text);
}

static void
notify_cb (StewardWordCount *count,
           GParamSpec       *pspec,
           guint            *n_notified)
{
  (*n_notified)++;
}

static void
test_word_count_edits (void)
{
  g_autoptr(GtkTextBuffer) buffer = gtk_text_buffer_new (NULL);
  g_autoptr(StewardWordCount) count = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261207);
  /* Words, spaces of several kinds (a no-break space is not white space
   * to g_unichar_isspace, an em space is), accents, line ends */
  static const char * const pieces[] = {
    "word", " ", "  ", "\n", "\n\n", "\t", "a", "é", "naïve café", "**bold**", "- item\n",
    "\u2003", "\u00a0", "x y", "", "Zürich\u3000東京",
  };
  guint n_notified = 0;

  gtk_text_buffer_set_text (buffer, "Some words here\n\nand there.", -1);
  count = steward_word_count_new (buffer);
  g_signal_connect (count, "notify::words", G_CALLBACK (notify_cb), &n_notified);
  g_assert_cmpuint (steward_word_count_get_words (count), ==, 5);

  /* Typing: at the cursor, one piece at a time, and Backspace */
  for (guint i = 0; i < 3000; i++)
    {
      int length = gtk_text_buffer_get_char_count (buffer);
      GtkTextIter at, to;

      gtk_text_buffer_get_iter_at_offset (buffer, &at, g_rand_int_range (rand, 0, length + 1));

      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0:
        case 1:
          gtk_text_buffer_insert (buffer, &at, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))], -1);
          break;

        case 2:
          to = at;
          gtk_text_iter_forward_chars (&to, g_rand_int_range (rand, 1, 4));
          gtk_text_buffer_delete (buffer, &at, &to);
          break;

        default:
          /* A stretch cut or pasted, across words and lines */
          to = at;
          gtk_text_iter_forward_chars (&to, g_rand_int_range (rand, 1, 40));
          if (g_rand_boolean (rand))
            gtk_text_buffer_delete (buffer, &at, &to);
          else
            {
              g_autofree char *copy = gtk_text_buffer_get_text (buffer, &at, &to, TRUE);

              gtk_text_buffer_insert (buffer, &at, copy, -1);
            }
          break;
        }

      g_assert_cmpuint (steward_word_count_get_words (count), ==, count_whole (buffer));
    }

  g_assert_cmpuint (n_notified, >, 0);

  /* Set anew, then emptied */
  gtk_text_buffer_set_text (buffer, "one two\tthree\nfour", -1);
  g_assert_cmpuint (steward_word_count_get_words (count), ==, 4);
  gtk_text_buffer_set_text (buffer, "", -1);
  g_assert_cmpuint (steward_word_count_get_words (count), ==, 0);

  /* A word split and joined again */
  gtk_text_buffer_set_text (buffer, "together", -1);
  {
    GtkTextIter at, to;

    gtk_text_buffer_get_iter_at_offset (buffer, &at, 2);
    gtk_text_buffer_insert (buffer, &at, " ", -1);
    g_assert_cmpuint (steward_word_count_get_words (count), ==, 2);
    gtk_text_buffer_get_iter_at_offset (buffer, &at, 2);
    gtk_text_buffer_get_iter_at_offset (buffer, &to, 3);
    gtk_text_buffer_delete (buffer, &at, &to);
    g_assert_cmpuint (steward_word_count_get_words (count), ==, 1);
  }
}

static void
test_word_count_text (void)
{
  g_assert_cmpuint (steward_word_count_text (""), ==, 0);
  g_assert_cmpuint (steward_word_count_text ("   \n\t "), ==, 0);
  g_assert_cmpuint (steward_word_count_text ("# A heading\n\n- a *list*"), ==, 6);
  g_assert_cmpuint (steward_word_count_text ("café\u2003naïve"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/word-count/text", test_word_count_text);
  g_test_add_func ("/word-count/edits", test_word_count_edits);

  return g_test_run ();
}

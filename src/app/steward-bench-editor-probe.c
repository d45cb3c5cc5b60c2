/* steward-bench-editor-probe.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-bench-editor-probe"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gtksourceview/gtksource.h>

#include "steward-bench-editor-probe.h"
#include "steward-bench-probe-ready.h"
#include "steward-documents-page.h"
#include "steward-phase-editor.h"
#include "steward-window.h"
#include "steward-word-count.h"

/* Editor benchmark (bench/bench-editor.c), driven by the environment:
 *
 *   STEWARD_BENCH_EDITOR=1  once the window has painted and the store is
 *     open, switch to the Documents page, open the first project and
 *     its first phase, and time the frame that shows the phase's text.
 *     Then, with a frame asked for every vsync (as typing with the caret
 *     blinking does), record the longest gap between two frames for a
 *     few seconds with the editor idle, then while typing: at the start,
 *     the middle and the end of the text, the caret is put there (those
 *     frames are counted apart, as a jump), then a key every KEY_MS
 *     for TYPE_MS, through the text view's own keybinding signals
 *     (insert-at-cursor for letters and Return, backspace), then
 *     nothing for SAVE_MS, in which the autosave runs. Last, once the
 *     word count has had its time, the count shown is checked against
 *     the text's. Prints one line and quits:
 *       editor ms=<…> chars=<…> idle_longest_frame_ms=<…> idle_frames=<…>
 *         type_longest_frame_ms=<…> type_frames=<…> keys=<…>
 *         key_longest_ms=<…> save_longest_frame_ms=<…>
 *         jump_longest_frame_ms=<…> start_ms=<…> middle_ms=<…> end_ms=<…>
 *         words=<…> words_shown=<…> status=<ok|…>
 *     (one line). key_longest_ms is the longest one key took on the
 *     main loop; start_ms, middle_ms and end_ms the longest frame while
 *     typing at each place.
 *
 * The output is read by a program, so it is not translated.
 */

#define SETTLE_MS       1000
#define IDLE_MS         3000
#define JUMP_MS         500
#define TYPE_MS         2500
#define KEY_MS          45
/* Longer than the editor's autosave delay (two seconds) */
#define SAVE_MS         2600
#define COUNT_WAIT_MS   500

/* What is typed: '\b' is Backspace, '\n' Return. */
static const char typed[] = "The bench tyq\bpes *here*,\b\b a word at a time.\n- and a list item\n";

typedef enum
{
  PHASE_WAITING,
  PHASE_OPENING,
  PHASE_SETTLING,
  PHASE_IDLE,
  PHASE_JUMP,
  PHASE_TYPE,
  PHASE_SAVE,
  PHASE_COUNT,
  PHASE_DONE,
} EditorPhase;

enum { PLACE_START, PLACE_MIDDLE, PLACE_END, N_PLACES };

typedef struct
{
  StewardWindow        *window;
  GdkFrameClock        *frame_clock;
  StewardDocumentsPage *page;
  GtkListView          *project_list;
  GtkListView          *phase_list;
  StewardPhaseEditor   *editor;
  GtkSourceView        *view;
  guint                 phase_id;
  guint                 key_id;
  guint                 tick_id;

  EditorPhase           phase;
  guint                 place;
  gint64                start_us;
  gint64                last_paint_us;
  gint64                longest_frame_us;
  guint                 n_frames;
  double                open_ms;
  guint                 n_chars;
  double                idle_longest_ms;
  guint                 idle_frames;
  gint64                type_longest_us;
  guint                 type_frames;
  gint64                save_longest_us;
  gint64                jump_longest_us;
  gint64                place_longest_us[N_PLACES];
  guint                 n_keys;
  gint64                key_longest_us;

  /* The phase's time is up: it ends with the next frame, so that a
   * stall at its end is counted too. */
  guint                 phase_over : 1;
} EditorProbe;

static gboolean
list_shows (GtkListView *list_view,
            GType        item_type)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list_view));
  g_autoptr(GObject) item = NULL;

  /* Selections and filters say only G_TYPE_OBJECT: ask the first item */
  if (model == NULL || !(item = g_list_model_get_item (model, 0)))
    return FALSE;

  return g_type_is_a (G_OBJECT_TYPE (item), item_type);
}

static void
find_widgets (GtkWidget   *widget,
              EditorProbe *probe)
{
  if (STEWARD_IS_DOCUMENTS_PAGE (widget))
    probe->page = STEWARD_DOCUMENTS_PAGE (widget);
  else if (STEWARD_IS_PHASE_EDITOR (widget))
    probe->editor = STEWARD_PHASE_EDITOR (widget);
  else if (GTK_SOURCE_IS_VIEW (widget) && probe->editor != NULL && probe->view == NULL &&
           gtk_widget_is_ancestor (widget, GTK_WIDGET (probe->editor)))
    probe->view = GTK_SOURCE_VIEW (widget);
  else if (GTK_IS_LIST_VIEW (widget) && probe->page != NULL &&
           gtk_widget_is_ancestor (widget, GTK_WIDGET (probe->page)))
    {
      if (list_shows (GTK_LIST_VIEW (widget), STEWARD_TYPE_PROJECT))
        probe->project_list = GTK_LIST_VIEW (widget);
      else if (list_shows (GTK_LIST_VIEW (widget), STEWARD_TYPE_PHASE))
        probe->phase_list = GTK_LIST_VIEW (widget);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_widgets (child, probe);
}

/* The number the editor shows as "N words", or -1 */
static int
find_words_shown (GtkWidget *widget)
{
  const char *text = NULL;

  if (GTK_IS_LABEL (widget))
    text = gtk_label_get_label (GTK_LABEL (widget));
  else if (GTK_IS_INSCRIPTION (widget))
    text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));

  if (text != NULL)
    {
      char *end = NULL;
      guint64 n = g_ascii_strtoull (text, &end, 10);

      if (end != text && (g_str_equal (end, " words") || g_str_equal (end, " word")))
        return (int)n;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int n = find_words_shown (child);

      if (n >= 0)
        return n;
    }

  return -1;
}

static void
editor_probe_finish (EditorProbe *probe,
                     const char  *status)
{
  GtkTextBuffer *buffer;
  int words = -1, words_shown = -1;

  if (probe->phase == PHASE_DONE)
    return;

  probe->phase = PHASE_DONE;
  g_clear_handle_id (&probe->phase_id, g_source_remove);
  g_clear_handle_id (&probe->key_id, g_source_remove);
  if (probe->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (probe->window), probe->tick_id);
      probe->tick_id = 0;
    }

  if (probe->view != NULL)
    {
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      /* The text counted whole, beside what the editor counted as it
       * changed */
      buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (probe->view));
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
      words = (int)steward_word_count_text (text);
      words_shown = find_words_shown (GTK_WIDGET (probe->editor));
      if (g_str_equal (status, "ok") && words != words_shown)
        status = "word-count-wrong";
    }

  g_print ("editor ms=%.2f chars=%u idle_longest_frame_ms=%.2f idle_frames=%u "
           "type_longest_frame_ms=%.2f type_frames=%u keys=%u key_longest_ms=%.2f "
           "save_longest_frame_ms=%.2f jump_longest_frame_ms=%.2f "
           "start_ms=%.2f middle_ms=%.2f end_ms=%.2f words=%d words_shown=%d status=%s\n",
           probe->open_ms, probe->n_chars, probe->idle_longest_ms, probe->idle_frames,
           probe->type_longest_us / 1000.0, probe->type_frames, probe->n_keys,
           probe->key_longest_us / 1000.0, probe->save_longest_us / 1000.0,
           probe->jump_longest_us / 1000.0,
           probe->place_longest_us[PLACE_START] / 1000.0,
           probe->place_longest_us[PLACE_MIDDLE] / 1000.0,
           probe->place_longest_us[PLACE_END] / 1000.0,
           words, words_shown, status);
  fflush (stdout);
  gtk_window_close (GTK_WINDOW (probe->window));
}

/* A frame every vsync, as the blinking caret of a focused editor asks for */
static gboolean
frame_tick_cb (GtkWidget     *widget,
               GdkFrameClock *frame_clock,
               gpointer       user_data)
{
  return G_SOURCE_CONTINUE;
}

/* One key, as the text view's keybindings send it */
static gboolean
key_cb (gpointer user_data)
{
  EditorProbe *probe = user_data;
  char c = typed[probe->n_keys % (G_N_ELEMENTS (typed) - 1)];
  gint64 started = g_get_monotonic_time ();

  if (c == '\b')
    {
      g_signal_emit_by_name (probe->view, "backspace");
    }
  else
    {
      char key[2] = { c, '\0' };

      g_signal_emit_by_name (probe->view, "insert-at-cursor", key);
    }

  probe->key_longest_us = MAX (probe->key_longest_us, g_get_monotonic_time () - started);
  probe->n_keys++;

  return G_SOURCE_CONTINUE;
}

/* Puts the caret at the start, the middle or the end of the text, as a
 * click there does, and shows it */
static void
jump (EditorProbe *probe)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (probe->view));
  GtkTextIter iter;

  if (probe->place == PLACE_START)
    gtk_text_buffer_get_start_iter (buffer, &iter);
  else if (probe->place == PLACE_END)
    gtk_text_buffer_get_end_iter (buffer, &iter);
  else
    {
      gtk_text_buffer_get_iter_at_line (buffer, &iter, gtk_text_buffer_get_line_count (buffer) / 2);
    }

  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (probe->view), gtk_text_buffer_get_insert (buffer),
                                0.0, TRUE, 0.0, 0.5);
}

static gboolean phase_time_cb (gpointer user_data);

static void
start_phase (EditorProbe *probe,
             EditorPhase  phase,
             guint        ms)
{
  probe->phase = phase;
  probe->last_paint_us = 0;
  probe->longest_frame_us = 0;
  probe->n_frames = 0;
  probe->phase_id = g_timeout_add (ms, phase_time_cb, probe);
}

static void
phase_end (EditorProbe *probe)
{
  probe->phase_over = FALSE;

  switch (probe->phase)
    {
    case PHASE_SETTLING:
      start_phase (probe, PHASE_IDLE, IDLE_MS);
      break;

    case PHASE_IDLE:
      probe->idle_longest_ms = probe->longest_frame_us / 1000.0;
      probe->idle_frames = probe->n_frames;
      probe->place = PLACE_START;
      jump (probe);
      start_phase (probe, PHASE_JUMP, JUMP_MS);
      break;

    case PHASE_JUMP:
      probe->jump_longest_us = MAX (probe->jump_longest_us, probe->longest_frame_us);
      start_phase (probe, PHASE_TYPE, TYPE_MS);
      probe->key_id = g_timeout_add (KEY_MS, key_cb, probe);
      break;

    case PHASE_TYPE:
      probe->type_longest_us = MAX (probe->type_longest_us, probe->longest_frame_us);
      probe->place_longest_us[probe->place] = probe->longest_frame_us;
      probe->type_frames += probe->n_frames;
      start_phase (probe, PHASE_SAVE, SAVE_MS);
      break;

    case PHASE_SAVE:
      probe->save_longest_us = MAX (probe->save_longest_us, probe->longest_frame_us);
      if (++probe->place < N_PLACES)
        {
          jump (probe);
          start_phase (probe, PHASE_JUMP, JUMP_MS);
        }
      else
        {
          start_phase (probe, PHASE_COUNT, COUNT_WAIT_MS);
        }
      break;

    case PHASE_COUNT:
      editor_probe_finish (probe, "ok");
      break;

    case PHASE_WAITING:
    case PHASE_OPENING:
    case PHASE_DONE:
    default:
      break;
    }
}

static gboolean
phase_time_cb (gpointer user_data)
{
  EditorProbe *probe = user_data;

  probe->phase_id = 0;
  g_clear_handle_id (&probe->key_id, g_source_remove);

  if (probe->phase == PHASE_SETTLING || probe->phase == PHASE_COUNT)
    phase_end (probe);
  else
    probe->phase_over = TRUE;

  return G_SOURCE_REMOVE;
}

/* The phase's text is on screen: the view shows, with the text in it */
static gboolean
phase_shown (EditorProbe *probe)
{
  GtkTextBuffer *buffer;

  if (probe->view == NULL || !gtk_widget_get_mapped (GTK_WIDGET (probe->view)))
    return FALSE;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (probe->view));
  probe->n_chars = (guint)gtk_text_buffer_get_char_count (buffer);

  return probe->n_chars > 0;
}

static void
editor_probe_after_paint_cb (GdkFrameClock *frame_clock,
                             EditorProbe   *probe)
{
  gint64 now = g_get_monotonic_time ();

  if (probe->phase == PHASE_OPENING)
    {
      if (!phase_shown (probe))
        return;

      probe->open_ms = (now - probe->start_us) / 1000.0;
      start_phase (probe, PHASE_SETTLING, SETTLE_MS);
      return;
    }

  if (probe->phase < PHASE_IDLE || probe->phase > PHASE_SAVE)
    return;

  if (probe->last_paint_us != 0)
    probe->longest_frame_us = MAX (probe->longest_frame_us, now - probe->last_paint_us);
  probe->last_paint_us = now;
  probe->n_frames++;

  if (probe->phase_over)
    phase_end (probe);
}

static void
editor_probe_begin (GdkFrameClock *frame_clock,
                    gpointer       user_data)
{
  EditorProbe *probe = user_data;
  GtkSelectionModel *phases;

  probe->frame_clock = g_object_ref (frame_clock);
  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (editor_probe_after_paint_cb), probe);

  /* A frame every vsync from now on: a stall shows up as a long gap
   * between two frames. */
  probe->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (probe->window), frame_tick_cb, probe, NULL);

  probe->phase = PHASE_OPENING;
  probe->start_us = g_get_monotonic_time ();
  steward_window_set_page (probe->window, "documents");

  find_widgets (GTK_WIDGET (probe->window), probe);
  if (probe->page == NULL || probe->project_list == NULL)
    {
      editor_probe_finish (probe, "no-project-list");
      return;
    }

  /* The first project, as a click on its row opens it; then its first
   * phase, as a click in the phase list picks it */
  g_signal_emit_by_name (probe->project_list, "activate", 0);
  find_widgets (GTK_WIDGET (probe->page), probe);
  if (probe->phase_list == NULL || probe->view == NULL ||
      !(phases = gtk_list_view_get_model (probe->phase_list)) || !GTK_IS_SINGLE_SELECTION (phases))
    {
      editor_probe_finish (probe, "no-phase-list");
      return;
    }
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (phases), 0);
  steward_phase_editor_focus_text (probe->editor);
}

static void
editor_probe_free (gpointer data)
{
  EditorProbe *probe = data;

  g_clear_handle_id (&probe->phase_id, g_source_remove);
  g_clear_handle_id (&probe->key_id, g_source_remove);
  if (probe->frame_clock != NULL)
    {
      g_signal_handlers_disconnect_by_data (probe->frame_clock, probe);
      g_clear_object (&probe->frame_clock);
    }
  g_free (probe);
}

void
steward_bench_editor_probe_attach (StewardApplication *app,
                                   GtkWindow          *window)
{
  EditorProbe *probe;

  g_return_if_fail (STEWARD_IS_APPLICATION (app));
  g_return_if_fail (STEWARD_IS_WINDOW (window));

  if (g_strcmp0 (g_getenv ("STEWARD_BENCH_EDITOR"), "1") != 0)
    return;

  probe = g_new0 (EditorProbe, 1);
  probe->window = STEWARD_WINDOW (window);
  g_object_set_data_full (G_OBJECT (window), "steward-bench-editor-probe", probe, editor_probe_free);

  steward_bench_probe_when_ready (app, window, SETTLE_MS, editor_probe_begin, probe);
}

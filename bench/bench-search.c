/* bench-search.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* History search at scale, beside baselines measured in the same run:
 *
 * 1. Fill a store with 1,000,000 messages in 10,000 conversations, of
 *    words drawn from a 50,000-word vocabulary with a Zipf distribution
 *    (a few words in most messages, most words in a handful), or reuse
 *    the one a previous run left in the cache folder.
 * 2. Time steward_store_search_messages() (50 results; with
 *    --by-conversation, steward_store_search_conversations(), as the
 *    search popover asks) over 100 queries of each kind: frequent words, rare
 *    words, several words, and prefixes as they are typed. Beside it, the
 *    query the store ran before (bm25 over every match, snippets made in
 *    the sort) on a connection of its own, over the first of them.
 * 3. The longest stall of a main loop while searching, as the app
 *    searches: a 16 ms timeout (a frame) measures the gaps between its
 *    dispatches while 100 searches start one after another, one every
 *    30 ms as keys are typed, each cancelling the one before. Beside it,
 *    the old query run on the main loop, as the popover used to.
 *
 * Benches report; they never gate CI. The exit status says only whether
 * the measurement itself worked.
 */

#define G_LOG_DOMAIN "steward-bench-search"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "steward-core.h"
#include "steward-store-search-everything.h"

#define VOCABULARY      50000
#define SEED            20260101
#define LIMIT           50
#define FRAME_MS        16
#define TYPING_MS       30
/* --everything: what the desktop's search provider asks, and beside the
 * history the tasks and document projects it searches too */
#define EVERYTHING_PER_KIND 5
#define EVERYTHING_TASKS    2000
#define EVERYTHING_PROJECTS 100

static int opt_messages = 1000000;
static int opt_conversations = 10000;
static int opt_queries = 100;
static int opt_runs = 5;
static int opt_baseline_queries = 5;
static char *opt_cache_dir = NULL;
static char *opt_baseline_file = NULL;
static gboolean opt_refill = FALSE;
static gboolean opt_verbose = FALSE;
static gboolean opt_by_conversation = FALSE;
static gboolean opt_everything = FALSE;
static int opt_verbose_runs = 0;

/* -- text ------------------------------------------------------------- */

/* The most frequent words come first: English, and some of what people
 * ask an assistant about. */
static const char * const common_words[] = {
  "the", "of", "and", "to", "a", "in", "is", "you", "that", "it", "for", "was", "on", "are", "as",
  "with", "be", "this", "at", "have", "from", "or", "one", "had", "by", "but", "not", "what", "all",
  "were", "we", "when", "your", "can", "said", "there", "use", "an", "each", "which", "she", "do",
  "how", "their", "if", "will", "up", "other", "about", "out", "many", "then", "them", "these", "so",
  "some", "her", "would", "make", "like", "him", "into", "time", "has", "look", "two", "more", "write",
  "go", "see", "number", "no", "way", "could", "people", "my", "than", "first", "water", "been", "call",
  "who", "its", "now", "find", "long", "down", "day", "did", "get", "come", "made", "may", "part",
  "over", "new", "sound", "take", "only", "little", "work", "know", "place", "year", "live", "me",
  "back", "give", "most", "very", "after", "thing", "our", "just", "name", "good", "sentence", "man",
  "think", "say", "great", "where", "help", "through", "much", "before", "line", "right", "too",
  "mean", "old", "any", "same", "tell", "boy", "follow", "came", "want", "show", "also", "around",
  "form", "three", "small", "set", "put", "end", "does", "another", "well", "large", "must", "big",
  "even", "such", "because", "turn", "here", "why", "ask", "went", "men", "read", "need", "land",
  "different", "home", "us", "move", "try", "kind", "hand", "picture", "again", "change", "off",
  "play", "spell", "air", "away", "animal", "house", "point", "page", "letter", "mother", "answer",
  "found", "study", "still", "learn", "should", "world", "code", "file", "function", "error",
  "python", "list", "data", "table", "query", "server", "recipe", "coffee", "travel", "train",
};

/* The rest are made of syllables: pronounceable, and as many as needed. */
static const char * const onsets[] = {
  "b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z",
  "br", "ch", "dr", "gr", "pl", "st", "tr", "sh",
};
static const char * const vowels[] = { "a", "e", "i", "o", "u", "ai", "ea", "ou", "io" };
static const char * const codas[] = { "", "", "", "n", "r", "s", "l", "m", "t", "nd", "rk" };

typedef struct
{
  GPtrArray *words;       /* by rank, the most frequent first */
  double    *cumulative;  /* Zipf: P(rank r) ∝ 1 / r */
  GRand     *rand;
} Text;

static void
text_init (Text *text)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  double sum = 0;

  text->rand = g_rand_new_with_seed (SEED);
  text->words = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (common_words); i++)
    if (g_hash_table_add (seen, (char *)common_words[i]))
      g_ptr_array_add (text->words, g_strdup (common_words[i]));

  while (text->words->len < VOCABULARY)
    {
      g_autoptr(GString) word = g_string_new (NULL);
      int syllables = g_rand_int_range (text->rand, 2, 5);

      for (int s = 0; s < syllables; s++)
        {
          g_string_append (word, onsets[g_rand_int_range (text->rand, 0, G_N_ELEMENTS (onsets))]);
          g_string_append (word, vowels[g_rand_int_range (text->rand, 0, G_N_ELEMENTS (vowels))]);
        }
      g_string_append (word, codas[g_rand_int_range (text->rand, 0, G_N_ELEMENTS (codas))]);

      if (!g_hash_table_contains (seen, word->str))
        {
          char *owned = g_string_free (g_steal_pointer (&word), FALSE);

          g_ptr_array_add (text->words, owned);
          g_hash_table_add (seen, owned);
        }
    }

  text->cumulative = g_new (double, VOCABULARY);
  for (guint i = 0; i < VOCABULARY; i++)
    {
      sum += 1.0 / (i + 1);
      text->cumulative[i] = sum;
    }
  for (guint i = 0; i < VOCABULARY; i++)
    text->cumulative[i] /= sum;
}

static void
text_clear (Text *text)
{
  g_clear_pointer (&text->words, g_ptr_array_unref);
  g_clear_pointer (&text->cumulative, g_free);
  g_clear_pointer (&text->rand, g_rand_free);
}

static const char *
text_word (Text  *text,
           guint  rank)
{
  return g_ptr_array_index (text->words, rank);
}

static const char *
text_draw_word (Text *text)
{
  double u = g_rand_double (text->rand);
  guint lo = 0;
  guint hi = VOCABULARY - 1;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (text->cumulative[mid] < u)
        lo = mid + 1;
      else
        hi = mid;
    }

  return text_word (text, lo);
}

/* Sentences of 7 words or more, capitalised, with full stops; a
 * question ends with a question mark. */
static void
text_draw_message (Text     *text,
                   GString  *out,
                   guint     n_words,
                   gboolean  question)
{
  guint in_sentence = 0;

  g_string_truncate (out, 0);

  for (guint k = 0; k < n_words; k++)
    {
      const char *word = text_draw_word (text);
      gboolean last = k == n_words - 1;

      if (k > 0)
        g_string_append_c (out, ' ');
      if (in_sentence == 0)
        {
          g_string_append_unichar (out, g_unichar_toupper (word[0]));
          g_string_append (out, word + 1);
        }
      else
        g_string_append (out, word);

      in_sentence++;
      if (last || (in_sentence > 6 && g_rand_int_range (text->rand, 0, 8) == 0))
        {
          g_string_append_c (out, last && question ? '?' : '.');
          in_sentence = 0;
        }
    }
}

/* -- the store -------------------------------------------------------- */

static gboolean
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_printerr ("bench-search: %s: %s\n", sql, message);
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

/* Writes the messages into @path, a store just made by
 * steward_store_open(), in one transaction through the store's own
 * triggers, so FTS5 indexes them in large batches as it would anyway.
 * The data can be made again, so nothing is journaled on the way. */
static gboolean
fill_messages (const char *path)
{
  g_autoptr(GString) content = g_string_new (NULL);
  g_autoptr(GString) title = g_string_new (NULL);
  sqlite3_stmt *insert_conversation = NULL;
  sqlite3_stmt *insert_message = NULL;
  sqlite3 *db = NULL;
  Text text = { 0 };
  gint64 started = g_get_monotonic_time ();
  gint64 first_time = 1704067200; /* 2024-01-01 */
  int written = 0;
  gboolean ok = FALSE;

  text_init (&text);

  if (sqlite3_open (path, &db) != SQLITE_OK ||
      !exec_sql (db, "PRAGMA journal_mode = OFF") ||
      !exec_sql (db, "PRAGMA synchronous = OFF") ||
      !exec_sql (db, "PRAGMA cache_size = -262144") ||
      !exec_sql (db, "BEGIN"))
    goto out;

  if (sqlite3_prepare_v2 (db,
                          "INSERT INTO conversations (id, title, created_at, updated_at)"
                          " VALUES (?1, ?2, ?3, ?3)",
                          -1, &insert_conversation, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db,
                          "INSERT INTO messages (conversation_id, role, content, status, created_at, updated_at)"
                          " VALUES (?1, ?2, ?3, 'complete', ?4, ?4)",
                          -1, &insert_message, NULL) != SQLITE_OK)
    {
      g_printerr ("bench-search: %s\n", sqlite3_errmsg (db));
      goto out;
    }

  for (int c = 1; c <= opt_conversations; c++)
    {
      /* About the same number each, give or take half. */
      int left = opt_messages - written;
      int mean = left / (opt_conversations - c + 1);
      int n = c < opt_conversations ? g_rand_int_range (text.rand, mean / 2, mean + mean / 2 + 1) : left;

      n = MIN (n, left);

      g_string_truncate (title, 0);
      for (int k = 0; k < 3; k++)
        g_string_append_printf (title, "%s%s", k > 0 ? " " : "", text_draw_word (&text));

      for (int j = -1; j < n; j++)
        {
          g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (first_time + (gint64)(written + MAX (j, 0)) * 60);
          g_autofree char *iso = g_date_time_format_iso8601 (when);
          sqlite3_stmt *stmt;

          if (j < 0)
            {
              stmt = insert_conversation;
              sqlite3_bind_int64 (stmt, 1, c);
              sqlite3_bind_text (stmt, 2, title->str, -1, SQLITE_STATIC);
              sqlite3_bind_text (stmt, 3, iso, -1, SQLITE_STATIC);
            }
          else
            {
              gboolean user = j % 2 == 0;

              text_draw_message (&text, content,
                                 user ? g_rand_int_range (text.rand, 4, 30)
                                      : g_rand_int_range (text.rand, 15, 120),
                                 user);
              stmt = insert_message;
              sqlite3_bind_int64 (stmt, 1, c);
              sqlite3_bind_text (stmt, 2, user ? "user" : "assistant", -1, SQLITE_STATIC);
              sqlite3_bind_text (stmt, 3, content->str, content->len, SQLITE_STATIC);
              sqlite3_bind_text (stmt, 4, iso, -1, SQLITE_STATIC);
            }

          if (sqlite3_step (stmt) != SQLITE_DONE)
            {
              g_printerr ("bench-search: %s\n", sqlite3_errmsg (db));
              goto out;
            }
          sqlite3_reset (stmt);
        }

      written += n;
      if (c % 1000 == 0)
        g_printerr ("\r# filling: %d of %d messages", written, opt_messages);
    }

  ok = exec_sql (db, "COMMIT") && exec_sql (db, "PRAGMA journal_mode = WAL");
  g_printerr ("\r# filled %d messages in %d conversations in %.0f s\n",
              written, opt_conversations, (g_get_monotonic_time () - started) / 1e6);

out:
  g_clear_pointer (&insert_conversation, sqlite3_finalize);
  g_clear_pointer (&insert_message, sqlite3_finalize);
  sqlite3_close (db);
  text_clear (&text);

  return ok;
}

static void
remove_tree (const char *path)
{
  const char *argv[] = { "rm", "-rf", path, NULL };

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
}

/* The data folder of a filled store: made once, kept in the cache folder
 * under a name that says what it holds, so later runs start at once. */
static char *
prepare_store (void)
{
  g_autofree char *name = g_strdup_printf ("search-%d-%d-schema%d", opt_messages, opt_conversations,
                                           STEWARD_STORE_SCHEMA_VERSION);
  g_autofree char *data_dir = g_build_filename (opt_cache_dir, name, NULL);
  g_autofree char *filling = g_strconcat (data_dir, ".filling", NULL);
  g_autofree char *db_path = g_build_filename (filling, "steward.db", NULL);
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (opt_refill)
    remove_tree (data_dir);

  if (g_file_test (data_dir, G_FILE_TEST_IS_DIR))
    {
      g_printerr ("# reusing %s (--refill to make it again)\n", data_dir);
      return g_steal_pointer (&data_dir);
    }

  remove_tree (filling);

  /* The schema as the store makes it, then the rows without it. */
  if (!(store = steward_store_open (filling, &error)))
    {
      g_printerr ("bench-search: %s\n", error->message);
      return NULL;
    }
  g_clear_object (&store);

  if (!fill_messages (db_path))
    return NULL;

  if (g_rename (filling, data_dir) != 0)
    {
      g_printerr ("bench-search: cannot rename %s: %s\n", filling, g_strerror (errno));
      return NULL;
    }

  return g_steal_pointer (&data_dir);
}

/* -- queries ---------------------------------------------------------- */

typedef enum
{
  KIND_FREQUENT,
  KIND_RARE,
  KIND_MULTI_WORD,
  KIND_PREFIX,
  N_KINDS
} Kind;

static const char * const kind_names[N_KINDS] = { "frequent", "rare", "multi-word", "prefix" };

/* The same queries on every run, from the same vocabulary:
 * - frequent: the 100 most frequent words (in 5% to 90% of messages);
 * - rare: words ranked 20,000 to 50,000 (in a few dozen messages);
 * - multi-word: two frequent words, a frequent and a less common one,
 *   or three words;
 * - prefix: the first 1 to 5 characters of a common word, as it is
 *   typed. */
static GPtrArray *
make_queries (Text *text,
              Kind  kind)
{
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);

  for (int i = 0; i < opt_queries; i++)
    {
      const char *a = text_word (text, i % 100);
      const char *b = text_word (text, (i * 7 + 3) % 100);
      const char *mid = text_word (text, 100 + (i * 53) % 4900);
      char *query = NULL;

      switch (kind)
        {
        case KIND_FREQUENT:
          query = g_strdup (a);
          break;

        case KIND_RARE:
          query = g_strdup (text_word (text, 20000 + (i * 7919) % 30000));
          break;

        case KIND_MULTI_WORD:
          if (i % 3 == 0)
            query = g_strdup_printf ("%s %s", a, b);
          else if (i % 3 == 1)
            query = g_strdup_printf ("%s %s", mid, a);
          else
            query = g_strdup_printf ("%s %s %s", b, mid, text_word (text, 100 + (i * 31) % 900));
          break;

        case KIND_PREFIX:
          {
            const char *word = text_word (text, (i * 37) % 1000);
            guint length = 1 + i % 5;

            query = g_strndup (word, MIN (length, strlen (word)));
          }
          break;

        case N_KINDS:
        default:
          g_assert_not_reached ();
        }

      g_ptr_array_add (queries, query);
    }

  return queries;
}

/* -- timing ----------------------------------------------------------- */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

/* The nearest-rank percentile of @n sorted values. */
static double
percentile (const double *sorted,
            guint         n,
            double        p)
{
  guint rank = (guint)ceil (p / 100.0 * n);

  return sorted[CLAMP (rank, 1, n) - 1];
}

typedef struct
{
  guint  n;
  double p50;
  double p99;
  double max;
  /* the same, in CPU time of the searching thread: what the machine's
   * other load does not change */
  double cpu_p50;
  double cpu_p99;
} Latency;

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);

  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double
median_of (double *values,
           guint   n)
{
  qsort (values, n, sizeof (double), (int (*) (const void *, const void *))compare_doubles);

  return values[n / 2];
}

typedef struct
{
  double      ms;
  const char *query;
} Timed;

static int
compare_timed (gconstpointer a,
               gconstpointer b)
{
  return -compare_doubles (&((const Timed *)a)->ms, &((const Timed *)b)->ms);
}

static Latency
summarize (GArray *times)
{
  Latency latency = { times->len, 0, 0, 0 };

  if (times->len == 0)
    return latency;

  g_array_sort (times, compare_doubles);
  latency.p50 = percentile ((double *)(gpointer)times->data, times->len, 50);
  latency.p99 = percentile ((double *)(gpointer)times->data, times->len, 99);
  latency.max = g_array_index (times, double, times->len - 1);

  return latency;
}

/* --everything: tasks and document projects of the same words, added
 * once to the cached store (the history search does not read them). */
static gboolean
add_tasks_and_projects (StewardStore *store,
                        Text         *text)
{
  g_autoptr(GListModel) tasks = NULL;
  g_autoptr(GListModel) projects = NULL;
  g_autoptr(StewardTemplate) template = steward_templates_dup_builtin ("default");
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  if (!(tasks = steward_store_list_tasks (store, &error)) ||
      !(projects = steward_store_list_projects (store, &error)))
    goto failed;

  for (guint i = g_list_model_get_n_items (tasks); i < EVERYTHING_TASKS; i++)
    {
      StewardTaskDraft draft = { 0, };

      text_draw_message (text, title, g_rand_int_range (text->rand, 3, 9), FALSE);
      text_draw_message (text, notes, g_rand_int_range (text->rand, 0, 40), FALSE);
      draft.title = title->str;
      draft.notes = notes->str;
      draft.priority = STEWARD_TASK_PRIORITY_MEDIUM;
      if (!steward_store_add_task (store, &draft, i % 3, &error))
        goto failed;
    }

  for (guint i = g_list_model_get_n_items (projects); i < EVERYTHING_PROJECTS; i++)
    {
      g_autoptr(GListModel) phases = NULL;
      gint64 id;

      text_draw_message (text, title, g_rand_int_range (text->rand, 2, 6), FALSE);
      text_draw_message (text, notes, 30, FALSE);
      if (!(id = steward_store_create_project (store, title->str, template, notes->str, &error)) ||
          !(phases = steward_store_list_phases (store, id, &error)))
        goto failed;

      for (guint k = 0; k < g_list_model_get_n_items (phases); k++)
        {
          g_autoptr(StewardPhase) phase = g_list_model_get_item (phases, k);
          g_autoptr(GString) content = g_string_new (NULL);

          for (guint paragraph = 0; paragraph < 4; paragraph++)
            {
              text_draw_message (text, notes, g_rand_int_range (text->rand, 60, 120), FALSE);
              g_string_append_printf (content, "%s\n\n", notes->str);
            }
          if (!steward_store_set_phase_content (store, steward_phase_get_id (phase), content->str,
                                                STEWARD_VERSION_REASON_SAVED, NULL, NULL, &error))
            goto failed;
        }
    }

  return TRUE;

failed:
  g_printerr ("bench-search: cannot add tasks and projects: %s\n", error->message);
  return FALSE;
}

static gboolean
time_search_once (StewardStore *store,
                  GPtrArray    *queries,
                  Latency      *latency)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) timed = g_array_new (FALSE, FALSE, sizeof (Timed));
  Latency cpu;

  for (guint i = 0; i < queries->len; i++)
    {
      g_autoptr(GListModel) results = NULL;
      g_autoptr(GError) error = NULL;
      double cpu_started = thread_cpu_ms ();
      gint64 started = g_get_monotonic_time ();
      double cpu_ms;
      double ms;

      if (opt_everything)
        results = steward_store_search_everything (store, g_ptr_array_index (queries, i), EVERYTHING_PER_KIND,
                                                   NULL, &error);
      else if (opt_by_conversation)
        results = steward_store_search_conversations (store, g_ptr_array_index (queries, i), LIMIT, &error);
      else
        results = steward_store_search_messages (store, g_ptr_array_index (queries, i), LIMIT, &error);

      if (results == NULL)
        {
          g_printerr ("bench-search: \"%s\": %s\n", (char *)g_ptr_array_index (queries, i), error->message);
          return FALSE;
        }

      ms = (g_get_monotonic_time () - started) / 1000.0;
      cpu_ms = thread_cpu_ms () - cpu_started;
      g_array_append_val (times, ms);
      g_array_append_val (cpu_times, cpu_ms);
      g_array_append_vals (timed, &(Timed) { ms, g_ptr_array_index (queries, i) }, 1);
    }

  *latency = summarize (times);
  cpu = summarize (cpu_times);
  latency->cpu_p50 = cpu.p50;
  latency->cpu_p99 = cpu.p99;

  if (opt_verbose && opt_verbose_runs-- > 0)
    {
      g_array_sort (timed, compare_timed);
      for (guint i = 0; i < MIN (timed->len, 5); i++)
        g_print ("    %8.1f ms  \"%s\"\n", g_array_index (timed, Timed, i).ms, g_array_index (timed, Timed, i).query);
    }

  return TRUE;
}

/* The median of each figure over --runs runs: these machines are shared. */
static gboolean
time_search (StewardStore *store,
             GPtrArray    *queries,
             Latency      *latency)
{
  double p50[100], p99[100], max[100], cpu_p50[100], cpu_p99[100];

  opt_verbose_runs = 1;

  for (int run = 0; run < opt_runs; run++)
    {
      Latency once;

      if (!time_search_once (store, queries, &once))
        return FALSE;
      p50[run] = once.p50;
      p99[run] = once.p99;
      max[run] = once.max;
      cpu_p50[run] = once.cpu_p50;
      cpu_p99[run] = once.cpu_p99;
      latency->n = once.n;
    }

  latency->p50 = median_of (p50, opt_runs);
  latency->p99 = median_of (p99, opt_runs);
  latency->max = median_of (max, opt_runs);
  latency->cpu_p50 = median_of (cpu_p50, opt_runs);
  latency->cpu_p99 = median_of (cpu_p99, opt_runs);

  return TRUE;
}

/* What steward_store_search_messages() ran before: every match ranked
 * by bm25, a snippet made for each in the sort. */
#define OLD_QUERY \
  "SELECT m.id, m.conversation_id, c.title, m.role," \
  "       snippet (messages_fts, 0, '[', ']', '…', 12), m.created_at" \
  "  FROM messages_fts f" \
  "  JOIN messages m ON m.id = f.rowid" \
  "  JOIN conversations c ON c.id = m.conversation_id" \
  " WHERE messages_fts MATCH ?" \
  " ORDER BY bm25 (messages_fts), m.id DESC" \
  " LIMIT ?"

static char *
fts_query (const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  g_autoptr(GString) query = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    g_string_append_printf (query, "%s\"%s\"*", i > 0 ? " " : "", words[i]);

  return g_string_free (g_steal_pointer (&query), FALSE);
}

static double
time_old_query (sqlite3    *db,
                const char *text)
{
  g_autofree char *query = fts_query (text);
  sqlite3_stmt *stmt = NULL;
  gint64 started = g_get_monotonic_time ();

  if (sqlite3_prepare_v2 (db, OLD_QUERY, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_printerr ("bench-search: %s\n", sqlite3_errmsg (db));
      return -1;
    }
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, LIMIT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    ;
  sqlite3_finalize (stmt);

  return (g_get_monotonic_time () - started) / 1000.0;
}

static gboolean
time_baseline (const char *path,
               GPtrArray  *queries,
               Latency    *latency)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_printerr ("bench-search: cannot open %s: %s\n", path, sqlite3_errmsg (db));
      sqlite3_close (db);
      return FALSE;
    }

  for (guint i = 0; i < queries->len && i < (guint)opt_baseline_queries; i++)
    {
      double ms = time_old_query (db, g_ptr_array_index (queries, i));

      if (ms < 0)
        break;
      g_array_append_val (times, ms);
    }

  sqlite3_close (db);
  *latency = summarize (times);

  return latency->n > 0;
}

/* -- the main loop while typing ---------------------------------------- */

typedef struct
{
  GMainLoop    *loop;
  StewardStore *store;
  GPtrArray    *queries;
  sqlite3      *old_db;       /* the old query, on the main loop */
  GCancellable *cancellable;
  guint         next;
  guint         n_searches;
  guint         pending;
  guint         completed;
  guint         superseded;
  guint         type_source;
  gint64        last_tick;
  double        longest_gap;
} Typing;

static gboolean
tick_cb (gpointer user_data)
{
  Typing *typing = user_data;
  gint64 now = g_get_monotonic_time ();

  if (typing->last_tick != 0)
    typing->longest_gap = MAX (typing->longest_gap, (now - typing->last_tick) / 1000.0);
  typing->last_tick = now;

  return G_SOURCE_CONTINUE;
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);

  return G_SOURCE_REMOVE;
}

/* Two more frames, so that a tick late after the last search counts. */
static void
finish_typing (Typing *typing)
{
  g_timeout_add (2 * FRAME_MS, quit_cb, typing->loop);
}

static void
search_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Typing *typing = user_data;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;

  results = steward_store_search_messages_finish (STEWARD_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    typing->superseded++;
  else if (results == NULL)
    g_printerr ("bench-search: %s\n", error->message);
  else
    typing->completed++;

  if (--typing->pending == 0 && typing->next == typing->n_searches)
    finish_typing (typing);
}

static gboolean
type_cb (gpointer user_data)
{
  Typing *typing = user_data;
  const char *query = g_ptr_array_index (typing->queries, typing->next % typing->queries->len);

  if (typing->store == NULL && typing->old_db == NULL)
    {
      /* Nothing: the machine's own noise. */
    }
  else if (typing->old_db != NULL)
    {
      time_old_query (typing->old_db, query);
      typing->completed++;
    }
  else
    {
      /* A newer query supersedes the one still running. */
      g_cancellable_cancel (typing->cancellable);
      g_clear_object (&typing->cancellable);
      typing->cancellable = g_cancellable_new ();
      typing->pending++;
      steward_store_search_messages_async (typing->store, query, LIMIT, typing->cancellable,
                                           search_cb, typing);
    }

  if (++typing->next < typing->n_searches)
    return G_SOURCE_CONTINUE;

  typing->type_source = 0;
  if (typing->pending == 0)
    finish_typing (typing);

  return G_SOURCE_REMOVE;
}

static void
measure_typing (Typing *typing)
{
  guint tick;

  typing->loop = g_main_loop_new (NULL, FALSE);
  tick = g_timeout_add (FRAME_MS, tick_cb, typing);
  typing->type_source = g_timeout_add (TYPING_MS, type_cb, typing);

  g_main_loop_run (typing->loop);

  g_source_remove (tick);
  g_clear_handle_id (&typing->type_source, g_source_remove);
  g_clear_pointer (&typing->loop, g_main_loop_unref);
  g_clear_object (&typing->cancellable);
}

/* -- main ------------------------------------------------------------- */

static void
print_latency (const char    *label,
               const Latency *latency)
{
  g_print ("  %-12s %7u %8.1f %8.1f %8.1f", label, latency->n, latency->p50, latency->p99, latency->max);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *default_cache = g_build_filename (BENCH_BUILD_DIR, "search-cache", NULL);
  g_autofree char *cache_help = g_strdup_printf ("Keep the filled store here between runs (default %s)",
                                                 default_cache);
  const GOptionEntry entries[] = {
    { "messages", 'm', 0, G_OPTION_ARG_INT, &opt_messages, "Messages in the store (default 1000000)", "N" },
    { "conversations", 'c', 0, G_OPTION_ARG_INT, &opt_conversations, "Conversations they are in (default 10000)", "N" },
    { "queries", 'q', 0, G_OPTION_ARG_INT, &opt_queries, "Queries of each kind (default 100)", "N" },
    { "runs", 'n', 0, G_OPTION_ARG_INT, &opt_runs, "Times each query is run; figures are medians over the runs (default 5)", "N" },
    { "baseline-queries", 'b', 0, G_OPTION_ARG_INT, &opt_baseline_queries,
      "Queries of each kind timed with the old query, which takes seconds each (default 5; 0: none)", "N" },
    { "cache-dir", 0, 0, G_OPTION_ARG_FILENAME, &opt_cache_dir, cache_help, "DIR" },
    { "refill", 0, 0, G_OPTION_ARG_NONE, &opt_refill, "Fill the store again even if the cache has one", NULL },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &opt_verbose, "Also list the slowest queries of each kind", NULL },
    { "everything", 0, 0, G_OPTION_ARG_NONE, &opt_everything,
      "Time steward_store_search_everything() (the desktop's search provider: conversations, tasks, projects)", NULL },
    { "by-conversation", 0, 0, G_OPTION_ARG_NONE, &opt_by_conversation,
      "Time steward_store_search_conversations() (the popover's search) rather than steward_store_search_messages()", NULL },
    { "baseline-file", 0, 0, G_OPTION_ARG_FILENAME, &opt_baseline_file,
      "Only time the old query on this database file (such as a store of an older schema)", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- history search at scale");
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardStore) store = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *db_path = NULL;
  GPtrArray *queries[N_KINDS] = { NULL, };
  g_autoptr(GString) summary = g_string_new ("bench-search");
  Text text = { 0 };
  gboolean goal = TRUE;

  g_option_context_set_summary (context,
                                "Fills a store with messages of Zipf-distributed words (once: the store is\n"
                                "kept in the cache folder, by size and schema, and reused by later runs),\n"
                                "then times searches of frequent, rare, multi-word and prefix queries, and\n"
                                "the longest stall of a main loop while searches run as keys are typed.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  opt_messages = MAX (opt_messages, 1);
  opt_conversations = CLAMP (opt_conversations, 1, opt_messages);
  opt_queries = CLAMP (opt_queries, 1, 10000);
  opt_runs = CLAMP (opt_runs, 1, 100);
  opt_baseline_queries = CLAMP (opt_baseline_queries, 0, opt_queries);
  if (opt_cache_dir == NULL)
    opt_cache_dir = g_strdup (default_cache);

  text_init (&text);
  for (int k = 0; k < N_KINDS; k++)
    queries[k] = make_queries (&text, k);

  if (opt_baseline_file != NULL)
    {
      g_print ("old query on %s\n  %-12s %7s %8s %8s %8s\n", opt_baseline_file,
               "kind", "queries", "p50 ms", "p99 ms", "max ms");
      for (int k = 0; k < N_KINDS; k++)
        {
          Latency old;

          if (!time_baseline (opt_baseline_file, queries[k], &old))
            return 1;
          print_latency (kind_names[k], &old);
          g_print ("\n");
        }
      return 0;
    }

  if (g_mkdir_with_parents (opt_cache_dir, 0700) != 0 || !(data_dir = prepare_store ()))
    return 1;
  db_path = g_build_filename (data_dir, "steward.db", NULL);

  if (!(store = steward_store_open (data_dir, &error)))
    {
      g_printerr ("bench-search: %s\n", error->message);
      return 1;
    }

  if (opt_everything)
    {
      if (!add_tasks_and_projects (store, &text))
        return 1;
      g_print ("search everything (the desktop's search provider), %d messages in %d conversations,"
               " %d tasks, %d projects, %d results of each kind; medians of %d runs\n\n",
               opt_messages, opt_conversations, EVERYTHING_TASKS, EVERYTHING_PROJECTS,
               EVERYTHING_PER_KIND, opt_runs);
    }
  else
    g_print ("search, %d messages in %d conversations, %d results a query; medians of %d runs\n\n",
             opt_messages, opt_conversations, LIMIT, opt_runs);
  g_print ("  %-12s %7s %8s %8s %8s %8s %8s  | %-9s %7s %8s %8s\n",
           "", "queries", "p50 ms", "p99 ms", "max ms", "cpu p50", "cpu p99", "old query", "queries", "p50 ms", "max ms");

  for (int k = 0; k < N_KINDS; k++)
    {
      Latency now, old = { 0, };

      if (!time_search (store, queries[k], &now))
        return 1;
      if (opt_baseline_queries > 0 && !time_baseline (db_path, queries[k], &old))
        return 1;

      print_latency (kind_names[k], &now);
      g_print (" %8.1f %8.1f  |", now.cpu_p50, now.cpu_p99);
      if (old.n > 0)
        g_print (" %-9s %7u %8.1f %8.1f", "", old.n, old.p50, old.max);
      g_print ("\n");

      goal = goal && now.p99 < (opt_everything ? 50.0 : 20.0);
      g_string_append_printf (summary, " %s_p50_ms=%.1f %s_p99_ms=%.1f",
                              kind_names[k], now.p50, kind_names[k], now.p99);
    }

  {
    g_autoptr(GPtrArray) mixed = g_ptr_array_new ();
    Typing typing = { 0, };
    Typing idle = { 0, };

    /* One of each kind in turn, as a user might type them. */
    for (int i = 0; i < opt_queries; i++)
      g_ptr_array_add (mixed, g_ptr_array_index (queries[i % N_KINDS], i));

    /* The same time with no search: how late a tick is anyway. */
    idle.queries = mixed;
    idle.n_searches = mixed->len;
    measure_typing (&idle);

    typing.store = store;
    typing.queries = mixed;
    typing.n_searches = mixed->len;
    measure_typing (&typing);

    g_print ("\nmain loop while typing: %u searches, one every %d ms, each cancelling the one before\n",
             typing.n_searches, TYPING_MS);
    g_print ("  no search             longest gap between %d ms ticks %7.1f ms\n", FRAME_MS, idle.longest_gap);
    g_print ("  async search          longest gap between %d ms ticks %7.1f ms (%u done, %u superseded)\n",
             FRAME_MS, typing.longest_gap, typing.completed, typing.superseded);
    goal = goal && typing.longest_gap - FRAME_MS < 1000.0 / 60;
    g_string_append_printf (summary, " idle_gap_ms=%.1f longest_gap_ms=%.1f", idle.longest_gap, typing.longest_gap);

    if (opt_baseline_queries > 0)
      {
        Typing old = { 0, };

        if (sqlite3_open_v2 (db_path, &old.old_db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK)
          {
            old.queries = mixed;
            old.n_searches = MIN ((guint)opt_baseline_queries, mixed->len);
            measure_typing (&old);
            g_print ("  old query, main loop  longest gap between %d ms ticks %7.1f ms (%u searches)\n",
                     FRAME_MS, old.longest_gap, old.completed);
          }
        sqlite3_close (old.old_db);
      }
  }

  g_print ("\ngoal (p99 < %d ms for every kind, no stall over one frame): %s\n",
           opt_everything ? 50 : 20, goal ? "met" : "not met");
  g_print ("\n%s\n", summary->str);

  for (int k = 0; k < N_KINDS; k++)
    g_ptr_array_unref (queries[k]);
  text_clear (&text);

  return 0;
}

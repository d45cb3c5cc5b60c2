/* steward-store-reader.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-store"

#include "config.h"

#include <math.h>
#include <string.h>

#include "steward-store-reader-private.h"

/* The store's second connection: read-only, opened on first use, used
 * by one thread at a time under a lock. In write-ahead-log mode it reads
 * the last committed state while the main connection writes, and a
 * long read never blocks the main thread.
 *
 * Cancelling is checked by a progress handler every PROGRESS_STEPS
 * virtual-machine instructions, for the GCancellable of the thread that
 * holds the lock: a query a newer one supersedes stops within a fraction
 * of a millisecond, and a late cancel can never stop the next query
 * (which sqlite3_interrupt() could). */

#define BUSY_TIMEOUT_MS 5000
#define PROGRESS_STEPS  1000

/* bm25's constants, as FTS5's own bm25() has them */
#define BM25_K1 1.2
#define BM25_B  0.75

struct _StewardStoreReader
{
  GMutex   lock;
  char    *path;
  char    *uri;
  sqlite3 *db;
};

/**
 * _steward_store_reader_new:
 * @path: the store's file
 * @immutable: the file is read as immutable, as the main connection
 *   reads a store that cannot be written (see steward-store-connection.c)
 *
 * Returns: (transfer full): a reader; nothing is opened yet
 */
StewardStoreReader *
_steward_store_reader_new (const char *path,
                           gboolean    immutable)
{
  StewardStoreReader *self = g_new0 (StewardStoreReader, 1);
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *escaped = g_uri_escape_string (absolute, "/", FALSE);

  g_mutex_init (&self->lock);
  self->path = g_strdup (path);
  self->uri = g_strconcat ("file:", escaped, immutable ? "?immutable=1" : "?mode=ro", NULL);

  return self;
}

void
_steward_store_reader_free (StewardStoreReader *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->db, sqlite3_close);
  g_mutex_clear (&self->lock);
  g_free (self->path);
  g_free (self->uri);
  g_free (self);
}

const char *
_steward_store_reader_get_path (StewardStoreReader *self)
{
  return self->path;
}

/* steward_rank (most, count1, window1, count2, window2, …): bm25, with
 * the number of messages holding each phrase given rather than counted.
 * FTS5's bm25() counts them by reading every match of every phrase, so
 * a search for a frequent word cost time in proportion to the whole
 * history even when only its most recent matches are ranked.
 *
 * Phrase i is in about count_i / window_i of all messages when window_i
 * > 0 (count_i matches among the window_i most recent rows), in exactly
 * count_i messages when window_i is 0; without the two arguments it is
 * counted, as bm25() does.
 *
 * When @most is more than 0, ranking more matches than that fails the
 * query with STEWARD_STORE_READER_TOO_MANY: a search that expected few
 * matches stops early when there are many.
 *
 * It returns a sort key, not bm25's number: a blob that orders by bm25,
 * best first, then by rowid, newest first. FTS5 sorts the matches by it
 * before LIMIT, and a tie at the limit has to go the same way every
 * time: to the newest message, as the search always had it. */

typedef struct
{
  int     n_phrases;
  double  average_length;
  double *idf;
  int    *frequency;
  gint64  left;
} RankData;

static int
count_match_cb (const Fts5ExtensionApi *api,
                Fts5Context            *fts,
                void                   *user_data)
{
  (*(sqlite3_int64 *)user_data)++;

  return SQLITE_OK;
}

static void
rank_data_free (void *data)
{
  RankData *rank = data;

  g_free (rank->idf);
  g_free (rank->frequency);
  g_free (rank);
}

static RankData *
rank_data_new (const Fts5ExtensionApi  *api,
               Fts5Context             *fts,
               int                      n_args,
               sqlite3_value          **args,
               int                     *rc)
{
  RankData *rank = g_new0 (RankData, 1);
  sqlite3_int64 n_rows = 0;
  sqlite3_int64 n_tokens = 0;

  rank->n_phrases = api->xPhraseCount (fts);
  rank->idf = g_new0 (double, rank->n_phrases);
  rank->frequency = g_new0 (int, rank->n_phrases);

  if ((*rc = api->xRowCount (fts, &n_rows)) != SQLITE_OK ||
      (*rc = api->xColumnTotalSize (fts, -1, &n_tokens)) != SQLITE_OK)
    {
      rank_data_free (rank);
      return NULL;
    }

  rank->average_length = n_rows > 0 ? (double)n_tokens / (double)n_rows : 1.0;
  rank->left = n_args > 0 && sqlite3_value_int64 (args[0]) > 0 ? sqlite3_value_int64 (args[0]) : G_MAXINT64;

  for (int i = 0; i < rank->n_phrases; i++)
    {
      double documents;

      if (2 * i + 2 < n_args)
        {
          double count = sqlite3_value_double (args[2 * i + 1]);
          double window = sqlite3_value_double (args[2 * i + 2]);

          documents = window > 0 ? count / window * (double)n_rows : count;
        }
      else
        {
          sqlite3_int64 hits = 0;

          if ((*rc = api->xQueryPhrase (fts, i, &hits, count_match_cb)) != SQLITE_OK)
            {
              rank_data_free (rank);
              return NULL;
            }
          documents = hits;
        }

      documents = CLAMP (documents, 0, (double)n_rows);
      /* In the order bm25() computes it, to the last bit. */
      rank->idf[i] = log ((0.5 + (double)n_rows - documents) / (0.5 + documents));
      /* As bm25() does: a phrase in most messages still counts a little. */
      if (rank->idf[i] <= 0.0)
        rank->idf[i] = 1e-6;
    }

  return rank;
}

/* Big-endian, so that memcmp() orders keys as numbers. */
static void
write_key (guint8  *key,
           guint64  value)
{
  for (int i = 7; i >= 0; i--, value >>= 8)
    key[i] = value & 0xff;
}

static void
result_sort_key (sqlite3_context *context,
                 double           bm25,
                 sqlite3_int64    rowid)
{
  guint8 key[16];
  guint64 bits;

  /* A double's bits, flipped so that they order as the numbers do. */
  memcpy (&bits, &bm25, sizeof bits);
  bits = (bits & G_GUINT64_CONSTANT (0x8000000000000000)) ? ~bits
                                                           : bits | G_GUINT64_CONSTANT (0x8000000000000000);
  write_key (key, bits);
  /* The newest first: the rowid, sign-flipped, then reversed. */
  write_key (key + 8, ~((guint64)rowid ^ G_GUINT64_CONSTANT (0x8000000000000000)));

  sqlite3_result_blob (context, key, sizeof key, SQLITE_TRANSIENT);
}

static void
steward_rank (const Fts5ExtensionApi  *api,
              Fts5Context             *fts,
              sqlite3_context         *context,
              int                      n_args,
              sqlite3_value          **args)
{
  RankData *rank = api->xGetAuxdata (fts, 0);
  double score = 0.0;
  int n_tokens = 0;
  int n_instances = 0;
  int rc = SQLITE_OK;

  if (rank == NULL)
    {
      if (!(rank = rank_data_new (api, fts, n_args, args, &rc)) ||
          (rc = api->xSetAuxdata (fts, rank, rank_data_free)) != SQLITE_OK)
        {
          sqlite3_result_error_code (context, rc);
          return;
        }
    }

  if (rank->left-- <= 0)
    {
      sqlite3_result_error_code (context, STEWARD_STORE_READER_TOO_MANY);
      return;
    }

  memset (rank->frequency, 0, sizeof (int) * rank->n_phrases);

  if ((rc = api->xInstCount (fts, &n_instances)) != SQLITE_OK ||
      (rc = api->xColumnSize (fts, -1, &n_tokens)) != SQLITE_OK)
    {
      sqlite3_result_error_code (context, rc);
      return;
    }

  for (int i = 0; i < n_instances; i++)
    {
      int phrase, column, offset;

      if ((rc = api->xInst (fts, i, &phrase, &column, &offset)) != SQLITE_OK)
        {
          sqlite3_result_error_code (context, rc);
          return;
        }
      if (phrase >= 0 && phrase < rank->n_phrases)
        rank->frequency[phrase]++;
    }

  for (int i = 0; i < rank->n_phrases; i++)
    {
      double tf = rank->frequency[i];

      score += rank->idf[i] * (tf * (BM25_K1 + 1.0)) /
               (tf + BM25_K1 * (1.0 - BM25_B + BM25_B * n_tokens / rank->average_length));
    }

  /* Lower is better, as with bm25(). */
  result_sort_key (context, -score, api->xRowid (fts));
}

static int
register_rank (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  fts5_api *api = NULL;
  int rc;

  /* The documented way to reach FTS5's API from C. */
  if ((rc = sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL)) != SQLITE_OK)
    return rc;

  sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  if (api == NULL || api->iVersion < 2)
    return SQLITE_ERROR;

  return api->xCreateFunction (api, "steward_rank", NULL, steward_rank, NULL);
}

static int
steward_store_reader_open (StewardStoreReader *self)
{
  int rc;

  rc = sqlite3_open_v2 (self->uri, &self->db,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
                        NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (self->db, TRUE);
      sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
      rc = register_rank (self->db);
    }

  if (rc != SQLITE_OK)
    {
      g_debug ("Cannot open a reader on %s: %s", self->path,
               self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      g_clear_pointer (&self->db, sqlite3_close);
    }

  return rc;
}

static int
progress_cb (void *user_data)
{
  return g_cancellable_is_cancelled (user_data);
}

/**
 * _steward_store_reader_lock:
 * @cancellable: (nullable): stops what runs on the connection until
 *   _steward_store_reader_unlock() when cancelled: the statement
 *   running then fails with SQLITE_INTERRUPT
 * @open_rc: (out): why the connection could not be opened
 *
 * Waits for the connection, opening it on its first use.
 *
 * Returns: (transfer none) (nullable): the connection, for the calling
 *   thread only until _steward_store_reader_unlock(); %NULL, unlocked,
 *   when it cannot be opened
 */
sqlite3 *
_steward_store_reader_lock (StewardStoreReader *self,
                            GCancellable       *cancellable,
                            int                *open_rc)
{
  g_mutex_lock (&self->lock);

  if (self->db == NULL && (*open_rc = steward_store_reader_open (self)) != SQLITE_OK)
    {
      g_mutex_unlock (&self->lock);
      return NULL;
    }

  if (cancellable != NULL)
    sqlite3_progress_handler (self->db, PROGRESS_STEPS, progress_cb, cancellable);

  return self->db;
}

void
_steward_store_reader_unlock (StewardStoreReader *self)
{
  sqlite3_progress_handler (self->db, 0, NULL, NULL);

  /* A read interrupted inside BEGIN … COMMIT leaves its transaction
   * open, which would pin the write-ahead log at that snapshot. */
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);

  g_mutex_unlock (&self->lock);
}

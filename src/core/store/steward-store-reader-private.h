/* steward-store-reader-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* A second, read-only connection to the store's file for reads that can
 * be slow at scale (search), so that they run in a worker thread and
 * never wait on, or hold up, the main thread's connection. One thread
 * uses it at a time. */
typedef struct _StewardStoreReader StewardStoreReader;

/* What a query fails with when steward_rank() was asked to rank at most
 * so many matches and there were more. */
#define STEWARD_STORE_READER_TOO_MANY SQLITE_TOOBIG

StewardStoreReader *_steward_store_reader_new    (const char         *path,
                                                  gboolean            immutable);
void                _steward_store_reader_free   (StewardStoreReader *self);
const char         *_steward_store_reader_get_path (StewardStoreReader *self);
sqlite3            *_steward_store_reader_lock   (StewardStoreReader *self,
                                                  GCancellable       *cancellable,
                                                  int                *open_rc);
void                _steward_store_reader_unlock (StewardStoreReader *self);

G_END_DECLS

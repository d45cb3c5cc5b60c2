/* store-fixture.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the store suites share: an empty temporary data folder per case,
 * and a connection of the test's own to the database file, so the checks
 * never go through the code under test. */

typedef struct
{
  char *data_dir;
  char *db_path;
} StoreFixture;

void     store_fixture_set_up      (StoreFixture  *fixture,
                                    gconstpointer  user_data);
void     store_fixture_tear_down   (StoreFixture  *fixture,
                                    gconstpointer  user_data);

void     store_fixture_remove_tree (const char    *path);
void     store_fixture_exec        (const char    *db_path,
                                    const char    *sql);
char    *store_fixture_query       (const char    *db_path,
                                    const char    *sql);
GBytes  *store_fixture_read_file   (const char    *path);

/* A case of the suite @unit: /steward/@unit/@path on a fresh fixture. */
#define STORE_TEST_ADD(unit, path, func) \
  g_test_add ("/steward/" unit "/" path, StoreFixture, NULL, \
              store_fixture_set_up, func, store_fixture_tear_down)

G_END_DECLS

/* replay-fixture.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "steward-core.h"

G_BEGIN_DECLS

/* tests/replay-server answering as one kind of provider, from that
 * kind's recorded fixtures (the model asked for names the fixture), with
 * every request logged; services on a store in @data_dir with the server
 * as the provider "Replay". */
typedef struct
{
  GSubprocess     *server;
  char            *log_path;
  char            *base_url;
  StewardServices *services;
} ReplayFixture;

/* The key the provider reads from the environment (not for Ollama) */
#define REPLAY_KEY_ENV "STEWARD_TEST_REPLAY_KEY"

void       replay_fixture_set_up       (ReplayFixture *fixture,
                                        const char    *data_dir,
                                        const char    *kind);
void       replay_fixture_tear_down    (ReplayFixture *fixture);
/* Maps @tier to @model of the provider "Replay" */
void       replay_fixture_set_tier     (ReplayFixture *fixture,
                                        const char    *tier,
                                        const char    *model);
guint      replay_fixture_n_requests   (ReplayFixture *fixture);
/* (transfer full): request @index as logged ({"path", "body", …}),
 * counting from 0; -1 for the newest */
JsonNode  *replay_fixture_request      (ReplayFixture *fixture,
                                        int            index);
/* Request @index's path, then every string in its body, a line each:
 * what the model was told, whatever the kind's format */
char      *replay_fixture_request_text (ReplayFixture *fixture,
                                        int            index);

G_END_DECLS

/* chat-server.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

#define SUMMARY_PROMPT "You keep a running summary"
#define EXTRACT_PROMPT "You pick out lasting facts"

typedef struct
{
  char     *authorization;
  JsonNode *body;
  /* The newest user message in the store when the request came */
  char     *stored_user_text;
} ChatServerRequest;

void               chat_server_start          (void);
void               chat_server_stop           (void);
char              *chat_server_dup_base_url   (void);
void               chat_server_reset          (const char *store_path);
void               chat_server_set_facts      (const char *reply);

guint              chat_server_get_n_requests (void);
ChatServerRequest *chat_server_get_request    (guint       index);
JsonObject        *chat_server_body           (guint       index);
JsonArray         *chat_server_messages       (guint       index);
const char        *chat_server_content        (guint       index,
                                               guint       message);
const char        *chat_server_role           (guint       index,
                                               guint       message);
guint              chat_server_count          (const char *model,
                                               const char *system);

gboolean           chat_server_is_holding     (void);
void               chat_server_release        (void);
void               chat_server_wait_idle      (void);

G_END_DECLS

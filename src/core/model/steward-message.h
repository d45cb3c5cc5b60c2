/* steward-message.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-enums.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_MESSAGE (steward_message_get_type ())

G_DECLARE_FINAL_TYPE (StewardMessage, steward_message, STEWARD, MESSAGE, GObject)

gint64      steward_message_get_id              (StewardMessage *self);
gint64      steward_message_get_conversation_id (StewardMessage *self);
StewardMessageRole   steward_message_get_role   (StewardMessage *self);
const char *steward_message_get_content         (StewardMessage *self);
StewardMessageStatus steward_message_get_status (StewardMessage *self);
const char *steward_message_get_error           (StewardMessage *self);
const char *steward_message_get_provider        (StewardMessage *self);
const char *steward_message_get_model           (StewardMessage *self);
const char *steward_message_get_tier            (StewardMessage *self);
/* -1 when unknown */
gint64      steward_message_get_input_tokens    (StewardMessage *self);
gint64      steward_message_get_output_tokens   (StewardMessage *self);
gint64      steward_message_get_latency_ms      (StewardMessage *self);
/* A JSON array of {"id", "name", "arguments"}, or NULL */
const char *steward_message_get_tool_calls      (StewardMessage *self);
GDateTime  *steward_message_get_created_at      (StewardMessage *self);
/* The message this one answers or follows; 0 for the first */
gint64      steward_message_get_parent_id       (StewardMessage *self);
/* Whether it is on the path of its conversation that is shown */
gboolean    steward_message_get_active          (StewardMessage *self);
/* Which of the alternatives following the same message this is, from
 * 1, and how many there are (1 when it has none) */
guint       steward_message_get_alternative     (StewardMessage *self);
guint       steward_message_get_n_alternatives  (StewardMessage *self);
/* The files attached to it (StewardAttachment), in order; read with it
 * from the store, so they are there after a restart */
GListModel *steward_message_get_attachments     (StewardMessage *self);
guint       steward_message_get_n_attachments   (StewardMessage *self);

G_END_DECLS

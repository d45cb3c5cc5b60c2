/* steward-document-json-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What the project and template files share: a JSON object with
 * "format" and "version", members read with a reason when they are
 * missing or wrong, written whole or not at all. Every error is a
 * clause (G_IO_ERROR_INVALID_DATA), put in a sentence naming the file
 * by _steward_document_json_refuse(). */

JsonObject *_steward_document_json_open       (JsonParser   *parser,
                                               const char   *data,
                                               gssize        length,
                                               const char   *format,
                                               gint64        max_version,
                                               const char   *not_this_format,
                                               GError      **error);
const char *_steward_document_json_get_string (JsonObject   *object,
                                               const char   *member,
                                               gboolean      optional,
                                               GError      **error);
JsonArray  *_steward_document_json_get_array  (JsonObject   *object,
                                               const char   *member,
                                               GError      **error);
gboolean    _steward_document_json_get_int    (JsonObject   *object,
                                               const char   *member,
                                               gint64       *value,
                                               GError      **error);
/* @optional: whether null or missing is allowed (then *@time is NULL) */
gboolean    _steward_document_json_get_time   (JsonObject   *object,
                                               const char   *member,
                                               gboolean      optional,
                                               GDateTime   **time,
                                               GError      **error);
gboolean    _steward_document_json_save       (GFile        *file,
                                               const char   *json,
                                               GError      **error);
typedef enum
{
  STEWARD_DOCUMENT_JSON_TEMPLATE,
  STEWARD_DOCUMENT_JSON_PROJECT,
} StewardDocumentJsonKind;

/* Sets @error to one sentence naming @file and giving @reason */
void        _steward_document_json_refuse     (GError                **error,
                                               GFile                  *file,
                                               StewardDocumentJsonKind kind,
                                               const GError           *reason);

G_END_DECLS

/* steward-provider-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-provider.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_OPENAI_PROVIDER (steward_openai_provider_get_type ())
G_DECLARE_FINAL_TYPE (StewardOpenaiProvider, steward_openai_provider, STEWARD, OPENAI_PROVIDER, StewardProvider)

#define STEWARD_TYPE_ANTHROPIC_PROVIDER (steward_anthropic_provider_get_type ())
G_DECLARE_FINAL_TYPE (StewardAnthropicProvider, steward_anthropic_provider, STEWARD, ANTHROPIC_PROVIDER, StewardProvider)

#define STEWARD_TYPE_GEMINI_PROVIDER (steward_gemini_provider_get_type ())
G_DECLARE_FINAL_TYPE (StewardGeminiProvider, steward_gemini_provider, STEWARD, GEMINI_PROVIDER, StewardProvider)

#define STEWARD_TYPE_OLLAMA_PROVIDER (steward_ollama_provider_get_type ())
G_DECLARE_FINAL_TYPE (StewardOllamaProvider, steward_ollama_provider, STEWARD, OLLAMA_PROVIDER, StewardProvider)

gboolean _steward_provider_check_redirect (StewardProvider  *self,
                                           SoupMessage      *message,
                                           guint            *n_redirects,
                                           GUri            **follow,
                                           GError          **error);

GError *_steward_provider_error_new (StewardProvider *self,
                                     guint            status,
                                     const char      *type,
                                     const char      *message,
                                     const char      *model);
int     _steward_strv_compare       (gconstpointer    a,
                                     gconstpointer    b,
                                     gpointer         user_data);

/* JSON helpers shared by the kinds: each returns NULL (or -1) when the
 * member is missing or of another type, so unknown shapes never crash. */
JsonObject *_steward_json_object   (JsonNode   *node);
JsonObject *_steward_json_get_object (JsonObject *object,
                                     const char *member);
JsonArray  *_steward_json_get_array (JsonObject *object,
                                     const char *member);
const char *_steward_json_get_string (JsonObject *object,
                                     const char *member);
gint64      _steward_json_get_int   (JsonObject *object,
                                     const char *member);
gboolean    _steward_json_get_boolean (JsonObject *object,
                                     const char *member,
                                     gboolean    fallback);
char       *_steward_json_dup_member_as_text (JsonObject *object,
                                     const char *member);
void        _steward_json_add_schema (JsonBuilder *builder,
                                     JsonObject  *schema);
void        _steward_json_add_function_tools (JsonBuilder *builder,
                                     const StewardChatRequest *request);
GStrv       _steward_provider_parse_data_ids (StewardProvider *provider,
                                     JsonNode        *root);
GStrv       _steward_json_collect_strings (JsonNode  *root,
                                     const char *array_member,
                                     const char *id_member);

G_END_DECLS

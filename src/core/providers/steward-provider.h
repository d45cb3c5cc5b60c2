/* steward-provider.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "steward-chat-request.h"
#include "steward-reply.h"

G_BEGIN_DECLS

#define STEWARD_PROVIDER_ERROR (steward_provider_error_quark ())

typedef enum
{
  STEWARD_PROVIDER_ERROR_FAILED,
  STEWARD_PROVIDER_ERROR_AUTH,
  STEWARD_PROVIDER_ERROR_NO_KEY,
  STEWARD_PROVIDER_ERROR_UNKNOWN_MODEL,
  STEWARD_PROVIDER_ERROR_RATE_LIMITED,
  STEWARD_PROVIDER_ERROR_OVERLOADED,
  STEWARD_PROVIDER_ERROR_SERVER,
  STEWARD_PROVIDER_ERROR_BAD_REQUEST,
  STEWARD_PROVIDER_ERROR_BAD_RESPONSE,
  STEWARD_PROVIDER_ERROR_UNREACHABLE,
  STEWARD_PROVIDER_ERROR_TLS,
  STEWARD_PROVIDER_ERROR_TIMED_OUT,
  STEWARD_PROVIDER_ERROR_REDIRECTED,
  STEWARD_PROVIDER_ERROR_TOO_LONG,
} StewardProviderError;

/* The most Steward reads of one reply, one line of it, or a model list:
 * far more than any real reply, far less than a hostile server's
 * endless stream. */
#define STEWARD_PROVIDER_MAX_BODY (16 * 1024 * 1024)

typedef enum
{
  STEWARD_FRAMING_SSE,
  STEWARD_FRAMING_NDJSON,
} StewardFraming;

#define STEWARD_TYPE_PROVIDER (steward_provider_get_type ())

G_DECLARE_DERIVABLE_TYPE (StewardProvider, steward_provider, STEWARD, PROVIDER, GObject)

/* The interface each kind of provider implements: its wire format. The
 * HTTP, framing, retries and error sentences are shared. */
struct _StewardProviderClass
{
  GObjectClass parent_class;

  const char     *kind;
  const char     *default_base_url;
  const char     *models_path;
  StewardFraming  framing;

  char     *(*dup_chat_path)    (StewardProvider           *self,
                                 const char                *model,
                                 gboolean                   stream);
  JsonNode *(*build_chat_body)  (StewardProvider           *self,
                                 const StewardChatRequest  *request,
                                 gboolean                   stream);
  /* @api_key is NULL when the provider runs without one. */
  void      (*add_headers)      (StewardProvider           *self,
                                 SoupMessageHeaders        *headers,
                                 const char                *api_key);
  gboolean  (*handle_event)     (StewardProvider           *self,
                                 StewardReply              *reply,
                                 const char                *event,
                                 JsonNode                  *data,
                                 GError                   **error);
  gboolean  (*handle_response)  (StewardProvider           *self,
                                 StewardReply              *reply,
                                 JsonNode                  *root,
                                 GError                   **error);
  GStrv     (*parse_models)     (StewardProvider           *self,
                                 JsonNode                  *root);
  void      (*parse_error_body) (StewardProvider           *self,
                                 JsonNode                  *root,
                                 char                     **type,
                                 char                     **message);
};

GQuark           steward_provider_error_quark        (void);

const char     * const *steward_provider_get_kinds   (void);
StewardProvider *steward_provider_new                (const char          *kind,
                                                      const char          *name,
                                                      GError             **error);

const char      *steward_provider_get_kind           (StewardProvider     *self);
const char      *steward_provider_get_name           (StewardProvider     *self);
const char      *steward_provider_get_base_url       (StewardProvider     *self);
void             steward_provider_set_base_url       (StewardProvider     *self,
                                                      const char          *base_url);
const char      *steward_provider_get_default_base_url (StewardProvider   *self);
const char      *steward_provider_get_model          (StewardProvider     *self);
void             steward_provider_set_model          (StewardProvider     *self,
                                                      const char          *model);
const char      *steward_provider_get_api_key_env    (StewardProvider     *self);
void             steward_provider_set_api_key_env    (StewardProvider     *self,
                                                      const char          *api_key_env);
gboolean         steward_provider_needs_key          (StewardProvider     *self);

char            *steward_provider_dup_url            (StewardProvider     *self,
                                                      const char          *path);
SoupMessage     *steward_provider_build_chat_message (StewardProvider     *self,
                                                      const StewardChatRequest *request,
                                                      gboolean             stream,
                                                      const char          *api_key);
SoupMessage     *steward_provider_build_models_message (StewardProvider   *self,
                                                      const char          *api_key);
GError          *steward_provider_error_for_status   (StewardProvider     *self,
                                                      guint                status,
                                                      const char          *model,
                                                      GBytes              *body);
GError          *steward_provider_error_for_transport (StewardProvider    *self,
                                                      const GError        *error);
GStrv            steward_provider_parse_models       (StewardProvider     *self,
                                                      GBytes              *body,
                                                      GError             **error);

/* Over HTTP */
void             steward_provider_chat_async         (StewardProvider     *self,
                                                      SoupSession         *session,
                                                      const StewardChatRequest *request,
                                                      const char          *api_key,
                                                      StewardReply        *reply,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean         steward_provider_chat_finish        (StewardProvider     *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
void             steward_provider_list_models_async  (StewardProvider     *self,
                                                      SoupSession         *session,
                                                      const char          *api_key,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
GStrv            steward_provider_list_models_finish (StewardProvider     *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* Decoding a reply body, whole or piece by piece. */
typedef struct _StewardReplyDecoder StewardReplyDecoder;

StewardReplyDecoder *steward_reply_decoder_new    (StewardProvider     *provider,
                                                   StewardReply        *reply,
                                                   gboolean             stream);
void                 steward_reply_decoder_free   (StewardReplyDecoder *self);
gboolean             steward_reply_decoder_feed   (StewardReplyDecoder *self,
                                                   const char          *data,
                                                   gsize                len,
                                                   GError             **error);
gboolean             steward_reply_decoder_finish (StewardReplyDecoder *self,
                                                   GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardReplyDecoder, steward_reply_decoder_free)

G_END_DECLS

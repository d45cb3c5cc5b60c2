/* steward-provider.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-provider"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-json-guard.h"
#include "steward-provider-private.h"

typedef struct
{
  char *name;
  char *base_url;
  char *model;
  char *api_key_env;
} StewardProviderPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (StewardProvider, steward_provider, G_TYPE_OBJECT)

G_DEFINE_QUARK (steward-provider-error-quark, steward_provider_error)

enum {
  PROP_0,
  PROP_NAME,
  PROP_BASE_URL,
  PROP_MODEL,
  PROP_API_KEY_ENV,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const kinds[] = { "openai", "anthropic", "gemini", "ollama", NULL };

static gboolean
set_str (char       **dest,
         const char  *value)
{
  if (g_strcmp0 (*dest, value) == 0)
    return FALSE;

  g_free (*dest);
  *dest = g_strdup (value);

  return TRUE;
}

static void
steward_provider_finalize (GObject *object)
{
  StewardProvider *self = (StewardProvider *)object;
  StewardProviderPrivate *priv = steward_provider_get_instance_private (self);

  g_clear_pointer (&priv->name, g_free);
  g_clear_pointer (&priv->base_url, g_free);
  g_clear_pointer (&priv->model, g_free);
  g_clear_pointer (&priv->api_key_env, g_free);

  G_OBJECT_CLASS (steward_provider_parent_class)->finalize (object);
}

static void
steward_provider_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  StewardProvider *self = STEWARD_PROVIDER (object);
  StewardProviderPrivate *priv = steward_provider_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, priv->name);
      break;

    case PROP_BASE_URL:
      g_value_set_string (value, steward_provider_get_base_url (self));
      break;

    case PROP_MODEL:
      g_value_set_string (value, priv->model);
      break;

    case PROP_API_KEY_ENV:
      g_value_set_string (value, priv->api_key_env);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_provider_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  StewardProvider *self = STEWARD_PROVIDER (object);
  StewardProviderPrivate *priv = steward_provider_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_NAME:
      priv->name = g_value_dup_string (value);
      break;

    case PROP_BASE_URL:
      steward_provider_set_base_url (self, g_value_get_string (value));
      break;

    case PROP_MODEL:
      steward_provider_set_model (self, g_value_get_string (value));
      break;

    case PROP_API_KEY_ENV:
      steward_provider_set_api_key_env (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_provider_class_init (StewardProviderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steward_provider_finalize;
  object_class->get_property = steward_provider_get_property;
  object_class->set_property = steward_provider_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MODEL] =
    g_param_spec_string ("model", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_API_KEY_ENV] =
    g_param_spec_string ("api-key-env", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_provider_init (StewardProvider *self)
{
}

const char * const *
steward_provider_get_kinds (void)
{
  return kinds;
}

static GType
type_for_kind (const char *kind)
{
  if (g_strcmp0 (kind, "openai") == 0)
    return STEWARD_TYPE_OPENAI_PROVIDER;
  if (g_strcmp0 (kind, "anthropic") == 0)
    return STEWARD_TYPE_ANTHROPIC_PROVIDER;
  if (g_strcmp0 (kind, "gemini") == 0)
    return STEWARD_TYPE_GEMINI_PROVIDER;
  if (g_strcmp0 (kind, "ollama") == 0)
    return STEWARD_TYPE_OLLAMA_PROVIDER;

  return G_TYPE_INVALID;
}

/**
 * steward_provider_new:
 * @kind: "openai", "anthropic", "gemini" or "ollama"
 * @name: the name the user gave the provider
 *
 * Returns: (transfer full): a provider of @kind with its official
 *   endpoint, or %NULL with @error set for an unknown kind
 */
StewardProvider *
steward_provider_new (const char  *kind,
                      const char  *name,
                      GError     **error)
{
  GType type;

  g_return_val_if_fail (name != NULL, NULL);

  if ((type = type_for_kind (kind)) == G_TYPE_INVALID)
    {
      g_set_error (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_FAILED,
                   _("“%s” is not a kind of provider; use openai, anthropic, gemini or ollama."),
                   kind ? kind : "");
      return NULL;
    }

  return g_object_new (type, "name", name, NULL);
}

const char *
steward_provider_get_kind (StewardProvider *self)
{
  g_return_val_if_fail (STEWARD_IS_PROVIDER (self), NULL);

  return STEWARD_PROVIDER_GET_CLASS (self)->kind;
}

const char *
steward_provider_get_name (StewardProvider *self)
{
  StewardProviderPrivate *priv = steward_provider_get_instance_private (self);

  g_return_val_if_fail (STEWARD_IS_PROVIDER (self), NULL);

  return priv->name;
}

const char *
steward_provider_get_default_base_url (StewardProvider *self)
{
  g_return_val_if_fail (STEWARD_IS_PROVIDER (self), NULL);

  return STEWARD_PROVIDER_GET_CLASS (self)->default_base_url;
}

/**
 * steward_provider_get_base_url:
 *
 * Returns: the endpoint, without a trailing slash; the official one when
 *   none was set
 */
const char *
steward_provider_get_base_url (StewardProvider *self)
{
  StewardProviderPrivate *priv = steward_provider_get_instance_private (self);

  g_return_val_if_fail (STEWARD_IS_PROVIDER (self), NULL);

  if (priv->base_url != NULL)
    return priv->base_url;

  return STEWARD_PROVIDER_GET_CLASS (self)->default_base_url;
}

void
steward_provider_set_base_url (StewardProvider *self,
                               const char      *base_url)
{
  StewardProviderPrivate *priv = steward_provider_get_instance_private (self);
  g_autofree char *stripped = NULL;

  g_return_if_fail (STEWARD_IS_PROVIDER (self));

  if (base_url != NULL && base_url[0] != '\0')
    {
      gsize len;

      stripped = g_strstrip (g_strdup (base_url));
      len = strlen (stripped);
      while (len > 0 && stripped[len - 1] == '/')
        stripped[--len] = '\0';
      if (len == 0)
        g_clear_pointer (&stripped, g_free);
    }

  if (set_str (&priv->base_url, stripped))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_URL]);
}

const char *
steward_provider_get_model (StewardProvider *self)
{
  StewardProviderPrivate *priv = steward_provider_get_instance_private (self);

  g_return_val_if_fail (STEWARD_IS_PROVIDER (self), NULL);

  return priv->model;
}

void
steward_provider_set_model (StewardProvider *self,
                            const char      *model)
{
  StewardProviderPrivate *priv = steward_provider_get_instance_private (self);

  g_return_if_fail (STEWARD_IS_PROVIDER (self));

  if (model != NULL && model[0] == '\0')
    model = NULL;

  if (set_str (&priv->model, model))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

const char *
steward_provider_get_api_key_env (StewardProvider *self)
{
  StewardProviderPrivate *priv = steward_provider_get_instance_private (self);

  g_return_val_if_fail (STEWARD_IS_PROVIDER (self), NULL);

  return priv->api_key_env;
}

void
steward_provider_set_api_key_env (StewardProvider *self,
                                  const char      *api_key_env)
{
  StewardProviderPrivate *priv = steward_provider_get_instance_private (self);

  g_return_if_fail (STEWARD_IS_PROVIDER (self));

  if (api_key_env != NULL && api_key_env[0] == '\0')
    api_key_env = NULL;

  if (set_str (&priv->api_key_env, api_key_env))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_API_KEY_ENV]);
}

/* Ollama, and local OpenAI-compatible servers, run without a key. */
gboolean
steward_provider_needs_key (StewardProvider *self)
{
  g_autoptr(GUri) uri = NULL;
  const char *host;

  g_return_val_if_fail (STEWARD_IS_PROVIDER (self), FALSE);

  if (g_str_equal (steward_provider_get_kind (self), "ollama"))
    return FALSE;

  uri = g_uri_parse (steward_provider_get_base_url (self), G_URI_FLAGS_NONE, NULL);
  host = uri ? g_uri_get_host (uri) : NULL;

  return !(host != NULL &&
           (g_str_equal (host, "localhost") ||
            g_str_has_prefix (host, "127.") ||
            g_str_equal (host, "::1") ||
            g_str_equal (host, "[::1]")));
}

char *
steward_provider_dup_url (StewardProvider *self,
                          const char      *path)
{
  g_return_val_if_fail (STEWARD_IS_PROVIDER (self), NULL);
  g_return_val_if_fail (path != NULL && path[0] == '/', NULL);

  return g_strconcat (steward_provider_get_base_url (self), path, NULL);
}

/**
 * steward_provider_build_chat_message:
 * @api_key: (nullable): the key, if the provider takes one
 *
 * Returns: (transfer full): the POST request for @request in the
 *   provider's wire format
 */
SoupMessage *
steward_provider_build_chat_message (StewardProvider          *self,
                                     const StewardChatRequest *request,
                                     gboolean                  stream,
                                     const char               *api_key)
{
  StewardProviderClass *klass;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *url = NULL;
  g_autofree char *text = NULL;
  SoupMessageHeaders *headers;
  SoupMessage *message;
  gsize len = 0;

  g_return_val_if_fail (STEWARD_IS_PROVIDER (self), NULL);
  g_return_val_if_fail (request != NULL, NULL);

  klass = STEWARD_PROVIDER_GET_CLASS (self);

  path = klass->dup_chat_path (self, request->model, stream);
  url = steward_provider_dup_url (self, path);
  message = soup_message_new (SOUP_METHOD_POST, url);
  if (message == NULL)
    return NULL;
  /* Redirects are followed by hand, only on the same origin: see
   * _steward_provider_check_redirect(). */
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);

  body = klass->build_chat_body (self, request, stream);
  text = json_to_string (body, FALSE);
  len = strlen (text);
  bytes = g_bytes_new_take (g_steal_pointer (&text), len);
  soup_message_set_request_body_from_bytes (message, "application/json", bytes);

  headers = soup_message_get_request_headers (message);
  soup_message_headers_replace (headers, "Accept",
                                !stream ? "application/json"
                                : klass->framing == STEWARD_FRAMING_SSE ? "text/event-stream"
                                : "application/x-ndjson");
  klass->add_headers (self, headers, (api_key && api_key[0]) ? api_key : NULL);

  return message;
}

/**
 * steward_provider_build_models_message:
 *
 * Returns: (transfer full): the GET request for the provider's model list
 */
SoupMessage *
steward_provider_build_models_message (StewardProvider *self,
                                       const char      *api_key)
{
  StewardProviderClass *klass;
  g_autofree char *url = NULL;
  SoupMessage *message;

  g_return_val_if_fail (STEWARD_IS_PROVIDER (self), NULL);

  klass = STEWARD_PROVIDER_GET_CLASS (self);
  url = steward_provider_dup_url (self, klass->models_path);
  if (!(message = soup_message_new (SOUP_METHOD_GET, url)))
    return NULL;
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);

  soup_message_headers_replace (soup_message_get_request_headers (message),
                                "Accept", "application/json");
  klass->add_headers (self, soup_message_get_request_headers (message),
                      (api_key && api_key[0]) ? api_key : NULL);

  return message;
}

static void
default_parse_error_body (StewardProvider  *self,
                          JsonNode         *root,
                          char            **type,
                          char            **message)
{
  JsonObject *object;
  JsonNode *error;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;

  object = json_node_get_object (root);
  if (!(error = json_object_get_member (object, "error")))
    return;

  if (JSON_NODE_HOLDS_VALUE (error) && json_node_get_value_type (error) == G_TYPE_STRING)
    {
      *message = g_strdup (json_node_get_string (error));
      return;
    }

  if (JSON_NODE_HOLDS_OBJECT (error))
    {
      JsonObject *e = json_node_get_object (error);

      *message = g_strdup (_steward_json_get_string (e, "message"));
      *type = g_strdup (_steward_json_get_string (e, "type"));
      if (*type == NULL)
        *type = g_strdup (_steward_json_get_string (e, "status"));
    }
}

static void
parse_error_body (StewardProvider  *self,
                  GBytes           *body,
                  char            **type,
                  char            **message)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize len = 0;
  const char *data = body ? g_bytes_get_data (body, &len) : NULL;

  *type = NULL;
  *message = NULL;

  if (data == NULL || len == 0)
    return;

  if (steward_json_load_untrusted (parser, data, len, NULL))
    {
      StewardProviderClass *klass = STEWARD_PROVIDER_GET_CLASS (self);

      if (klass->parse_error_body)
        klass->parse_error_body (self, json_parser_get_root (parser), type, message);
      else
        default_parse_error_body (self, json_parser_get_root (parser), type, message);
    }
  else if (g_utf8_validate (data, len, NULL) && len < 200)
    {
      *message = g_strstrip (g_strndup (data, len));
    }
}

/* Provider messages are sentences of their own; fold one in without
 * doubling its final full stop. */
static char *
clean_detail (const char *message)
{
  g_autofree char *copy = NULL;
  gsize len;

  if (message == NULL || message[0] == '\0')
    return NULL;

  /* One sentence, whatever the provider sent: valid UTF-8, no control
   * characters (an escape sequence must not reach a terminal). */
  copy = g_utf8_make_valid (message, -1);
  {
    char *out = copy;

    /* Line ends become spaces; other controls (ESC, BEL …) go. */
    for (const char *p = copy; *p != '\0'; p++)
      {
        if (*p == '\n' || *p == '\r' || *p == '\t')
          *out++ = ' ';
        else if ((guchar)*p >= 0x20 && *p != 0x7f)
          *out++ = *p;
      }
    *out = '\0';
  }
  g_strstrip (copy);
  len = strlen (copy);
  while (len > 0 && copy[len - 1] == '.')
    copy[--len] = '\0';

  return len ? g_steal_pointer (&copy) : NULL;
}

/**
 * _steward_provider_error_new:
 *
 * The one sentence a user can act on, from what the provider said.
 */
GError *
_steward_provider_error_new (StewardProvider *self,
                             guint            status,
                             const char      *type,
                             const char      *message,
                             const char      *model)
{
  const char *name = steward_provider_get_name (self);
  g_autofree char *detail = clean_detail (message);

  if (status == 401 || status == 403 ||
      g_strcmp0 (type, "authentication_error") == 0 ||
      g_strcmp0 (type, "permission_error") == 0 ||
      g_strcmp0 (type, "invalid_api_key") == 0 ||
      (detail != NULL && status == 400 && strstr (detail, "API key") != NULL))
    return g_error_new (STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_AUTH,
                        _("%s did not accept the API key (%s); check the key in the provider’s settings."),
                        name, detail ? detail : _("unauthorized"));

  if (status == 404 || g_strcmp0 (type, "not_found_error") == 0)
    return g_error_new (STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_UNKNOWN_MODEL,
                        _("%s has no model “%s” (%s); choose another model."),
                        name, model ? model : "", detail ? detail : _("not found"));

  if (status == 429 || g_strcmp0 (type, "rate_limit_error") == 0 ||
      g_strcmp0 (type, "RESOURCE_EXHAUSTED") == 0)
    return g_error_new (STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_RATE_LIMITED,
                        _("%s is rate limiting requests (%s); wait a moment and try again."),
                        name, detail ? detail : _("too many requests"));

  if (status == 529 || status == 503 ||
      g_strcmp0 (type, "overloaded_error") == 0 ||
      g_strcmp0 (type, "UNAVAILABLE") == 0)
    return g_error_new (STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_OVERLOADED,
                        _("%s is overloaded right now (%s); try again in a moment."),
                        name, detail ? detail : _("unavailable"));

  if (status >= 500 || g_strcmp0 (type, "api_error") == 0 || g_strcmp0 (type, "server_error") == 0)
    return g_error_new (STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_SERVER,
                        _("%s had a server error (%s); try again later."),
                        name, detail ? detail : soup_status_get_phrase (status));

  if (status >= 400)
    return g_error_new (STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_BAD_REQUEST,
                        _("%s refused the request (%s)."),
                        name, detail ? detail : soup_status_get_phrase (status));

  return g_error_new (STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_FAILED,
                      _("%s reported an error (%s)."),
                      name, detail ? detail : (type ? type : _("unknown error")));
}

GError *
steward_provider_error_for_status (StewardProvider *self,
                                   guint            status,
                                   const char      *model,
                                   GBytes          *body)
{
  g_autofree char *type = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (STEWARD_IS_PROVIDER (self), NULL);

  parse_error_body (self, body, &type, &message);

  return _steward_provider_error_new (self, status, type, message, model);
}

GError *
steward_provider_error_for_transport (StewardProvider *self,
                                      const GError    *error)
{
  const char *name;
  const char *url;

  g_return_val_if_fail (STEWARD_IS_PROVIDER (self), NULL);
  g_return_val_if_fail (error != NULL, NULL);

  name = steward_provider_get_name (self);
  url = steward_provider_get_base_url (self);

  if (error->domain == G_TLS_ERROR)
    return g_error_new (STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_TLS,
                        _("The secure connection to %s at %s failed (%s)."),
                        name, url, error->message);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  return g_error_new (STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_UNREACHABLE,
                      _("Could not reach %s at %s (%s); check the address and your connection."),
                      name, url, error->message);
}

/**
 * steward_provider_parse_models:
 *
 * Returns: (transfer full): the model ids a model list names, sorted
 */
GStrv
steward_provider_parse_models (StewardProvider  *self,
                               GBytes           *body,
                               GError          **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  gsize len = 0;
  const char *data;
  GStrv models;

  g_return_val_if_fail (STEWARD_IS_PROVIDER (self), NULL);

  data = g_bytes_get_data (body, &len);
  if (!steward_json_load_untrusted (parser, data, len, &local_error) ||
      !(models = STEWARD_PROVIDER_GET_CLASS (self)->parse_models (self, json_parser_get_root (parser))))
    {
      g_set_error (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_BAD_RESPONSE,
                   _("%s sent a model list Steward cannot read."),
                   steward_provider_get_name (self));
      return NULL;
    }

  g_qsort_with_data (models, g_strv_length (models), sizeof (char *),
                     _steward_strv_compare, NULL);

  return models;
}

int
_steward_strv_compare (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* steward-provider-record.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-provider-record"

#include "config.h"

#include "steward-provider-record.h"

/* What a row of the providers table holds, as plain text: the store keeps
 * and returns these, and knows nothing of talking to a provider. The
 * provider registry (steward-provider-registry.c) turns one into a
 * StewardProvider and back. Never a key: that lives in the keyring. */
struct _StewardProviderRecord
{
  GObject  parent_instance;

  char    *name;
  char    *kind;
  /* NULL for the kind's official endpoint */
  char    *base_url;
  char    *model;
  char    *api_key_env;
};

G_DEFINE_FINAL_TYPE (StewardProviderRecord, steward_provider_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_KIND,
  PROP_BASE_URL,
  PROP_MODEL,
  PROP_API_KEY_ENV,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
steward_provider_record_finalize (GObject *object)
{
  StewardProviderRecord *self = (StewardProviderRecord *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->model, g_free);
  g_clear_pointer (&self->api_key_env, g_free);

  G_OBJECT_CLASS (steward_provider_record_parent_class)->finalize (object);
}

static void
steward_provider_record_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  StewardProviderRecord *self = STEWARD_PROVIDER_RECORD (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;

    case PROP_MODEL:
      g_value_set_string (value, self->model);
      break;

    case PROP_API_KEY_ENV:
      g_value_set_string (value, self->api_key_env);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* An empty text is stored as no value, as it always was. */
static char *
dup_or_null (const GValue *value)
{
  const char *text = g_value_get_string (value);

  return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
}

static void
steward_provider_record_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  StewardProviderRecord *self = STEWARD_PROVIDER_RECORD (object);

  switch (prop_id)
    {
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_KIND:
      self->kind = g_value_dup_string (value);
      break;

    case PROP_BASE_URL:
      self->base_url = dup_or_null (value);
      break;

    case PROP_MODEL:
      self->model = dup_or_null (value);
      break;

    case PROP_API_KEY_ENV:
      self->api_key_env = dup_or_null (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_provider_record_class_init (StewardProviderRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steward_provider_record_finalize;
  object_class->get_property = steward_provider_record_get_property;
  object_class->set_property = steward_provider_record_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MODEL] =
    g_param_spec_string ("model", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_API_KEY_ENV] =
    g_param_spec_string ("api-key-env", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_provider_record_init (StewardProviderRecord *self)
{
}

/**
 * steward_provider_record_new:
 * @name: the name the user gave the provider
 * @kind: "openai", "anthropic", "gemini" or "ollama", as stored
 * @base_url: (nullable): an address the user chose; %NULL for the kind's
 *   official one
 * @model: (nullable): the provider's default model
 * @api_key_env: (nullable): the environment variable that holds its key
 *
 * An empty @base_url, @model or @api_key_env is the same as %NULL.
 *
 * Returns: (transfer full): a new record
 */
StewardProviderRecord *
steward_provider_record_new (const char *name,
                             const char *kind,
                             const char *base_url,
                             const char *model,
                             const char *api_key_env)
{
  return g_object_new (STEWARD_TYPE_PROVIDER_RECORD,
                       "name", name,
                       "kind", kind,
                       "base-url", base_url,
                       "model", model,
                       "api-key-env", api_key_env,
                       NULL);
}

const char *
steward_provider_record_get_name (StewardProviderRecord *self)
{
  g_return_val_if_fail (STEWARD_IS_PROVIDER_RECORD (self), NULL);

  return self->name;
}

const char *
steward_provider_record_get_kind (StewardProviderRecord *self)
{
  g_return_val_if_fail (STEWARD_IS_PROVIDER_RECORD (self), NULL);

  return self->kind;
}

/**
 * steward_provider_record_get_base_url:
 *
 * Returns: (nullable): the address the user chose; %NULL for the kind's
 *   official one
 */
const char *
steward_provider_record_get_base_url (StewardProviderRecord *self)
{
  g_return_val_if_fail (STEWARD_IS_PROVIDER_RECORD (self), NULL);

  return self->base_url;
}

/**
 * steward_provider_record_get_model:
 *
 * Returns: (nullable): the provider's default model
 */
const char *
steward_provider_record_get_model (StewardProviderRecord *self)
{
  g_return_val_if_fail (STEWARD_IS_PROVIDER_RECORD (self), NULL);

  return self->model;
}

/**
 * steward_provider_record_get_api_key_env:
 *
 * Returns: (nullable): the environment variable that holds the key
 */
const char *
steward_provider_record_get_api_key_env (StewardProviderRecord *self)
{
  g_return_val_if_fail (STEWARD_IS_PROVIDER_RECORD (self), NULL);

  return self->api_key_env;
}

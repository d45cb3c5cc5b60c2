/* steward-settings.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-settings"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-settings.h"

/* The settings the core reads, typed: one property per key of the key
 * table (steward-setting-keys.c), so that a new key is one row there and a
 * Preferences row binds to it. Values are kept here as read from the
 * store; setting a property writes the store first and notifies only once
 * the value is stored. Another process (steward-cli) may write the same
 * file: steward_settings_reload() reads it again (who reloads when: see
 * steward-settings.h).
 */

struct _StewardSettings
{
  GObject       parent_instance;

  /* Owned */
  StewardStore *store;
  /* One per key, in the order of the key table. */
  GValue       *values;
};

G_DEFINE_FINAL_TYPE (StewardSettings, steward_settings, G_TYPE_OBJECT)

/* The keys follow PROP_STORE, in the order of the key table. */
enum {
  PROP_0,
  PROP_STORE,
  PROP_FIRST_KEY,
};

enum {
  WRITE_FAILED,
  N_SIGNALS
};

static const StewardSettingKey *keys;
static guint n_keys;
static GParamSpec **properties;
static guint signals[N_SIGNALS];

static GType
value_type (const StewardSettingKey *key)
{
  switch (key->type)
    {
    case STEWARD_SETTING_INT:
      return G_TYPE_INT64;

    case STEWARD_SETTING_BOOLEAN:
      return G_TYPE_BOOLEAN;

    case STEWARD_SETTING_STRING:
      return G_TYPE_STRING;

    default:
      g_assert_not_reached ();
    }
}

/* @text is normalised (steward_setting_key_normalize()). */
static void
value_init_from_text (GValue                  *value,
                      const StewardSettingKey *key,
                      const char              *text)
{
  g_value_init (value, value_type (key));

  switch (key->type)
    {
    case STEWARD_SETTING_INT:
      g_value_set_int64 (value, g_ascii_strtoll (text, NULL, 10));
      break;

    case STEWARD_SETTING_BOOLEAN:
      g_value_set_boolean (value, g_str_equal (text, "true"));
      break;

    case STEWARD_SETTING_STRING:
      g_value_set_string (value, text);
      break;

    default:
      g_assert_not_reached ();
    }
}

static char *
value_dup_text (const GValue *value)
{
  switch (G_VALUE_TYPE (value))
    {
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));

    case G_TYPE_BOOLEAN:
      return g_strdup (g_value_get_boolean (value) ? "true" : "false");

    case G_TYPE_STRING:
      return g_strdup (g_value_get_string (value) ? g_value_get_string (value) : "");

    default:
      g_assert_not_reached ();
    }
}

static gboolean
value_equal (const GValue *a,
             const GValue *b)
{
  g_assert (G_VALUE_TYPE (a) == G_VALUE_TYPE (b));

  switch (G_VALUE_TYPE (a))
    {
    case G_TYPE_INT64:
      return g_value_get_int64 (a) == g_value_get_int64 (b);

    case G_TYPE_BOOLEAN:
      return g_value_get_boolean (a) == g_value_get_boolean (b);

    case G_TYPE_STRING:
      return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;

    default:
      g_assert_not_reached ();
    }
}

static guint
key_index (const char *key)
{
  const StewardSettingKey *info = steward_setting_key_lookup (key);

  return info != NULL ? (guint)(info - keys) : G_MAXUINT;
}

/* Takes @value (normalised) as the value of the key at @index, and says
 * so when it differs from what was there. */
static void
steward_settings_take (StewardSettings *self,
                       guint            index,
                       const char      *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert (STEWARD_IS_SETTINGS (self));
  g_assert (index < n_keys);

  value_init_from_text (&value, &keys[index], text);

  if (value_equal (&value, &self->values[index]))
    return;

  g_value_unset (&self->values[index]);
  self->values[index] = value;
  value = (GValue) G_VALUE_INIT;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_KEY + index]);
}

static gboolean
steward_settings_write (StewardSettings  *self,
                        guint             index,
                        const char       *text,
                        GError          **error)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *normalized = NULL;

  g_assert (STEWARD_IS_SETTINGS (self));
  g_assert (index < n_keys);

  if (!(normalized = steward_setting_key_normalize (&keys[index], text, error)))
    return FALSE;

  value_init_from_text (&value, &keys[index], normalized);
  if (value_equal (&value, &self->values[index]))
    return TRUE;

  if (!steward_store_set_setting (self->store, keys[index].key, normalized, error))
    return FALSE;

  steward_settings_take (self, index, normalized);

  return TRUE;
}

static void
steward_settings_constructed (GObject *object)
{
  StewardSettings *self = (StewardSettings *)object;
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (steward_settings_parent_class)->constructed (object);

  g_assert (STEWARD_IS_STORE (self->store));

  /* The defaults stand in for what cannot be read. */
  if (!steward_settings_reload (self, &error))
    g_warning ("Cannot read the settings: %s", error->message);
}

static void
steward_settings_finalize (GObject *object)
{
  StewardSettings *self = (StewardSettings *)object;

  for (guint i = 0; i < n_keys; i++)
    g_value_unset (&self->values[i]);
  g_clear_pointer (&self->values, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (steward_settings_parent_class)->finalize (object);
}

static void
steward_settings_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  StewardSettings *self = STEWARD_SETTINGS (object);

  if (prop_id == PROP_STORE)
    g_value_set_object (value, self->store);
  else if (prop_id >= PROP_FIRST_KEY && prop_id < PROP_FIRST_KEY + n_keys)
    g_value_copy (&self->values[prop_id - PROP_FIRST_KEY], value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
steward_settings_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  StewardSettings *self = STEWARD_SETTINGS (object);

  if (prop_id == PROP_STORE)
    {
      self->store = g_value_dup_object (value);
    }
  else if (prop_id >= PROP_FIRST_KEY && prop_id < PROP_FIRST_KEY + n_keys)
    {
      guint index = prop_id - PROP_FIRST_KEY;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = value_dup_text (value);

      if (!steward_settings_write (self, index, text, &error))
        g_signal_emit (self, signals[WRITE_FAILED], 0, keys[index].key, error);
    }
  else
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
create_pspec (const StewardSettingKey *key)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  /* Interned, so static as G_PARAM_STATIC_NAME wants. */
  const char *interned = steward_setting_key_get_property_name (key);

  switch (key->type)
    {
    case STEWARD_SETTING_INT:
      return g_param_spec_int64 (interned, NULL, key->summary, key->min, key->max,
                                 g_ascii_strtoll (key->default_value, NULL, 10),
                                 flags);

    case STEWARD_SETTING_BOOLEAN:
      return g_param_spec_boolean (interned, NULL, key->summary,
                                   g_str_equal (key->default_value, "true"),
                                   flags);

    case STEWARD_SETTING_STRING:
      return g_param_spec_string (interned, NULL, key->summary, key->default_value, flags);

    default:
      g_assert_not_reached ();
    }
}

static void
steward_settings_class_init (StewardSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = steward_settings_constructed;
  object_class->finalize = steward_settings_finalize;
  object_class->get_property = steward_settings_get_property;
  object_class->set_property = steward_settings_set_property;

  keys = steward_setting_keys_get (&n_keys);
  properties = g_new0 (GParamSpec *, PROP_FIRST_KEY + n_keys);

  /**
   * StewardSettings:store:
   *
   * The store the settings are read from and written to.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         STEWARD_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  for (guint i = 0; i < n_keys; i++)
    properties[PROP_FIRST_KEY + i] = create_pspec (&keys[i]);

  g_object_class_install_properties (object_class, PROP_FIRST_KEY + n_keys, properties);

  /**
   * StewardSettings::write-failed:
   * @key: the key, as in the key table
   * @error: why the value was not stored
   *
   * Setting a property did not store its value (a value out of range, a
   * store that cannot be written): the property keeps the value it had.
   */
  signals[WRITE_FAILED] =
    g_signal_new ("write-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_ERROR);
}

static void
steward_settings_init (StewardSettings *self)
{
  self->values = g_new0 (GValue, n_keys);

  for (guint i = 0; i < n_keys; i++)
    value_init_from_text (&self->values[i], &keys[i], keys[i].default_value);
}

StewardSettings *
steward_settings_new (StewardStore *store)
{
  g_return_val_if_fail (STEWARD_IS_STORE (store), NULL);

  return g_object_new (STEWARD_TYPE_SETTINGS,
                       "store", store,
                       NULL);
}

/**
 * steward_settings_get_store:
 *
 * Returns: (transfer none): the store the settings live in
 */
StewardStore *
steward_settings_get_store (StewardSettings *self)
{
  g_return_val_if_fail (STEWARD_IS_SETTINGS (self), NULL);

  return self->store;
}

/**
 * steward_settings_reload:
 * @error: a location for a #GError
 *
 * Reads every key from the store again, for what another process wrote
 * since, and notifies the properties whose value changed. A stored value
 * the key table no longer accepts reads as the key's default.
 *
 * Returns: %TRUE when read; %FALSE with @error set, and nothing changed,
 *   when the store cannot be read.
 */
gboolean
steward_settings_reload (StewardSettings  *self,
                         GError          **error)
{
  g_autoptr(GPtrArray) texts = NULL;

  g_return_val_if_fail (STEWARD_IS_SETTINGS (self), FALSE);

  texts = g_ptr_array_new_full (n_keys, g_free);

  for (guint i = 0; i < n_keys; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *stored = NULL;
      char *normalized;

      if (!(stored = steward_store_dup_setting (self->store, keys[i].key, error)))
        return FALSE;

      if (!(normalized = steward_setting_key_normalize (&keys[i], stored, &local_error)))
        {
          g_debug ("Ignoring the stored %s: %s", keys[i].key, local_error->message);
          normalized = g_strdup (keys[i].default_value);
        }

      g_ptr_array_add (texts, normalized);
    }

  /* Every value is in place before anyone hears of one. */
  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < n_keys; i++)
    steward_settings_take (self, i, g_ptr_array_index (texts, i));
  g_object_thaw_notify (G_OBJECT (self));

  return TRUE;
}

gint64
steward_settings_get_int (StewardSettings *self,
                          const char      *key)
{
  guint index;

  g_return_val_if_fail (STEWARD_IS_SETTINGS (self), 0);
  g_return_val_if_fail (key != NULL, 0);

  index = key_index (key);
  g_return_val_if_fail (index < n_keys, 0);
  g_return_val_if_fail (keys[index].type == STEWARD_SETTING_INT, 0);

  return g_value_get_int64 (&self->values[index]);
}

gboolean
steward_settings_get_boolean (StewardSettings *self,
                              const char      *key)
{
  guint index;

  g_return_val_if_fail (STEWARD_IS_SETTINGS (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  index = key_index (key);
  g_return_val_if_fail (index < n_keys, FALSE);
  g_return_val_if_fail (keys[index].type == STEWARD_SETTING_BOOLEAN, FALSE);

  return g_value_get_boolean (&self->values[index]);
}

/**
 * steward_settings_get_string:
 *
 * Returns: (transfer none): the value of the text setting @key
 */
const char *
steward_settings_get_string (StewardSettings *self,
                             const char      *key)
{
  guint index;

  g_return_val_if_fail (STEWARD_IS_SETTINGS (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  index = key_index (key);
  g_return_val_if_fail (index < n_keys, NULL);
  g_return_val_if_fail (keys[index].type == STEWARD_SETTING_STRING, NULL);

  return g_value_get_string (&self->values[index]);
}

/**
 * steward_settings_dup_value:
 *
 * Returns: (transfer full): the value of @key as text, in the form the
 *   store keeps it ("8192", "true")
 */
char *
steward_settings_dup_value (StewardSettings *self,
                            const char      *key)
{
  guint index;

  g_return_val_if_fail (STEWARD_IS_SETTINGS (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  index = key_index (key);
  g_return_val_if_fail (index < n_keys, NULL);

  return value_dup_text (&self->values[index]);
}

/**
 * steward_settings_set_value:
 * @key: a key of the key table
 * @value: the value as the user wrote it
 * @error: a location for a #GError
 *
 * Checks @value against the key's type and range, stores it and notifies
 * the key's property if the value changed. Unlike setting the property,
 * a failure is only reported through @error ("write-failed" is not
 * emitted).
 *
 * Returns: %TRUE when stored (or unchanged); %FALSE with @error set, and
 *   nothing changed, otherwise.
 */
gboolean
steward_settings_set_value (StewardSettings  *self,
                            const char       *key,
                            const char       *value,
                            GError          **error)
{
  guint index;

  g_return_val_if_fail (STEWARD_IS_SETTINGS (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  index = key_index (key);
  g_return_val_if_fail (index < n_keys, FALSE);

  return steward_settings_write (self, index, value, error);
}

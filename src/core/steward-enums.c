/* steward-enums.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-enums"

#include "config.h"

#include "steward-enum-types.h"
#include "steward-enums.h"

/**
 * steward_enum_to_nick:
 * @enum_type: one of the GTypes in steward-enum-types.h
 *
 * Returns: (transfer none): the text for @value (its nick); %NULL for a
 *   value the type does not have
 */
const char *
steward_enum_to_nick (GType enum_type,
                      int   value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *enum_value;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), NULL);

  klass = g_type_class_ref (enum_type);
  enum_value = g_enum_get_value (klass, value);

  /* Enum classes are never freed once made: the nick outlives @klass. */
  return enum_value ? enum_value->value_nick : NULL;
}

/**
 * steward_enum_from_nick:
 * @nick: (nullable): the text, as the store keeps it
 * @value: (out): the value
 *
 * Returns: whether @nick names a value of @enum_type
 */
gboolean
steward_enum_from_nick (GType       enum_type,
                        const char *nick,
                        int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *enum_value;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (enum_type);
  if (!(enum_value = g_enum_get_value_by_nick (klass, nick)))
    return FALSE;

  *value = enum_value->value;

  return TRUE;
}

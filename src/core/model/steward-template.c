/* steward-template.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-template"

#include "config.h"

#include "steward-template.h"

typedef struct
{
  char *title;
  char *instructions;
} TemplatePhase;

struct _StewardTemplate
{
  GObject   parent_instance;

  char     *name;
  char     *title;
  char     *description;
  GArray   *phases;
  gboolean  builtin;
};

G_DEFINE_FINAL_TYPE (StewardTemplate, steward_template, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_BUILTIN,
  PROP_N_PHASES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_phase (gpointer data)
{
  TemplatePhase *phase = data;

  g_clear_pointer (&phase->title, g_free);
  g_clear_pointer (&phase->instructions, g_free);
}

static void
steward_template_finalize (GObject *object)
{
  StewardTemplate *self = (StewardTemplate *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->phases, g_array_unref);

  G_OBJECT_CLASS (steward_template_parent_class)->finalize (object);
}

static void
steward_template_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  StewardTemplate *self = STEWARD_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_BUILTIN:
      g_value_set_boolean (value, self->builtin);
      break;

    case PROP_N_PHASES:
      g_value_set_uint (value, self->phases->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_template_class_init (StewardTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = steward_template_finalize;
  object_class->get_property = steward_template_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_BUILTIN] = g_param_spec_boolean ("builtin", NULL, NULL, FALSE, flags);
  properties[PROP_N_PHASES] = g_param_spec_uint ("n-phases", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_template_init (StewardTemplate *self)
{
  self->phases = g_array_new (FALSE, TRUE, sizeof (TemplatePhase));
  g_array_set_clear_func (self->phases, clear_phase);
}

/**
 * steward_template_new:
 * @name: how projects name it
 * @title: (nullable): what the user reads; @name when %NULL
 * @description: (nullable): a line on what it is for
 *
 * Returns: (transfer full): a template without phases
 */
StewardTemplate *
steward_template_new (const char *name,
                      const char *title,
                      const char *description,
                      gboolean    builtin)
{
  StewardTemplate *self;

  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (STEWARD_TYPE_TEMPLATE, NULL);
  self->name = g_strdup (name);
  self->title = g_strdup (title ? title : name);
  self->description = g_strdup (description ? description : "");
  self->builtin = !!builtin;

  return self;
}

void
steward_template_add_phase (StewardTemplate *self,
                            const char      *title,
                            const char      *instructions)
{
  TemplatePhase phase;

  g_return_if_fail (STEWARD_IS_TEMPLATE (self));
  g_return_if_fail (title != NULL);

  phase.title = g_strdup (title);
  phase.instructions = g_strdup (instructions ? instructions : "");
  g_array_append_val (self->phases, phase);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PHASES]);
}

const char *
steward_template_get_name (StewardTemplate *self)
{
  g_return_val_if_fail (STEWARD_IS_TEMPLATE (self), NULL);
  return self->name;
}

const char *
steward_template_get_title (StewardTemplate *self)
{
  g_return_val_if_fail (STEWARD_IS_TEMPLATE (self), NULL);
  return self->title;
}

const char *
steward_template_get_description (StewardTemplate *self)
{
  g_return_val_if_fail (STEWARD_IS_TEMPLATE (self), NULL);
  return self->description;
}

gboolean
steward_template_get_builtin (StewardTemplate *self)
{
  g_return_val_if_fail (STEWARD_IS_TEMPLATE (self), FALSE);
  return self->builtin;
}

guint
steward_template_get_n_phases (StewardTemplate *self)
{
  g_return_val_if_fail (STEWARD_IS_TEMPLATE (self), 0);
  return self->phases->len;
}

const char *
steward_template_get_phase_title (StewardTemplate *self,
                                  guint            index)
{
  g_return_val_if_fail (STEWARD_IS_TEMPLATE (self), NULL);
  g_return_val_if_fail (index < self->phases->len, NULL);

  return g_array_index (self->phases, TemplatePhase, index).title;
}

const char *
steward_template_get_phase_instructions (StewardTemplate *self,
                                         guint            index)
{
  g_return_val_if_fail (STEWARD_IS_TEMPLATE (self), NULL);
  g_return_val_if_fail (index < self->phases->len, NULL);

  return g_array_index (self->phases, TemplatePhase, index).instructions;
}

/* steward-builtin-templates.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The templates built into Steward, as static data: titles and
 * instructions are marked with N_() and translated where they are read
 * (steward-templates.c, and the store's migration to schema 10, which
 * gives older projects their template's phases). */

typedef struct
{
  const char *title;
  const char *instructions;
} StewardBuiltinPhase;

typedef struct
{
  const char                *name;
  const char                *title;
  const char                *description;
  const StewardBuiltinPhase *phases;
  guint                      n_phases;
} StewardBuiltinTemplate;

const StewardBuiltinTemplate *_steward_builtin_templates     (guint      *n_templates);
/* (nullable): the built-in template named @name */
const StewardBuiltinTemplate *_steward_builtin_template_find (const char *name);

G_END_DECLS

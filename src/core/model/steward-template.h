/* steward-template.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A document template: an ordered list of phases, each a title and the
 * instructions the model drafts it by. Built-in templates
 * (steward-templates.h) have a fixed name and a translated title; the
 * user's own live in the store, where their name is also their title. */

#define STEWARD_TYPE_TEMPLATE (steward_template_get_type ())

G_DECLARE_FINAL_TYPE (StewardTemplate, steward_template, STEWARD, TEMPLATE, GObject)

StewardTemplate *steward_template_new                    (const char      *name,
                                                          const char      *title,
                                                          const char      *description,
                                                          gboolean         builtin);
void             steward_template_add_phase              (StewardTemplate *self,
                                                          const char      *title,
                                                          const char      *instructions);

/* How projects name it ("default", "proposal", or a user's name) */
const char      *steward_template_get_name               (StewardTemplate *self);
/* What the user reads: translated for a built-in */
const char      *steward_template_get_title              (StewardTemplate *self);
const char      *steward_template_get_description        (StewardTemplate *self);
gboolean         steward_template_get_builtin            (StewardTemplate *self);
guint            steward_template_get_n_phases           (StewardTemplate *self);
const char      *steward_template_get_phase_title        (StewardTemplate *self,
                                                          guint            index);
const char      *steward_template_get_phase_instructions (StewardTemplate *self,
                                                          guint            index);

G_END_DECLS

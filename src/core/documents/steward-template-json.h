/* steward-template-json.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-store.h"
#include "steward-template.h"

G_BEGIN_DECLS

/* A template as a JSON file, to share it:
 *
 *   { "format": "steward-template", "version": 1,
 *     "name": "Grant application", "description": "…",
 *     "phases": [ { "title": "Aims", "instructions": "…" }, … ] }
 *
 * "format" and "version" say what the file is; a reader refuses a
 * version newer than it knows. "description" may be missing. */

#define STEWARD_TEMPLATE_JSON_FORMAT  "steward-template"
#define STEWARD_TEMPLATE_JSON_VERSION 1

char            *steward_template_to_json     (StewardTemplate *template);
/* (nullable): the template, or NULL with @error set to the reason */
StewardTemplate *steward_template_new_from_json (const char    *data,
                                                 gssize         length,
                                                 GError       **error);
/* Written whole or not at all */
gboolean         steward_template_save_file   (StewardTemplate *template,
                                               GFile           *file,
                                               GError         **error);
/* A refused file is named in @error with the reason */
StewardTemplate *steward_template_load_file   (GFile           *file,
                                               GError         **error);
/* Loads @file and keeps it as a user's template
 * (steward_templates_add()); returns it */
StewardTemplate *steward_templates_import_file (StewardStore   *store,
                                                GFile          *file,
                                                gboolean        replace,
                                                GError        **error);

G_END_DECLS

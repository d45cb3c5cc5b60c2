/* steward-template-editor.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-template.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_TEMPLATE_EDITOR (steward_template_editor_get_type ())

G_DECLARE_FINAL_TYPE (StewardTemplateEditor, steward_template_editor, STEWARD, TEMPLATE_EDITOR, AdwWindow)

StewardTemplateEditor *steward_template_editor_new (GtkWindow       *parent,
                                                    StewardTemplate *template);
/* Edits the user's template @template: saving puts it in its place */
StewardTemplateEditor *steward_template_editor_new_edit (GtkWindow       *parent,
                                                         StewardTemplate *template);

G_END_DECLS

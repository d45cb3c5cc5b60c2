/* steward-task-editor.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-core.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_TASK_EDITOR (steward_task_editor_get_type ())

G_DECLARE_FINAL_TYPE (StewardTaskEditor, steward_task_editor, STEWARD, TASK_EDITOR, AdwWindow)

GtkWidget *steward_task_editor_new (StewardTask *task);

G_END_DECLS

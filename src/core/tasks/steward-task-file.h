/* steward-task-file.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-services.h"

G_BEGIN_DECLS

void       steward_task_extract_file_async  (StewardServices     *services,
                                             GFile               *file,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
GPtrArray *steward_task_extract_file_finish (GAsyncResult        *result,
                                             GError             **error);

G_END_DECLS

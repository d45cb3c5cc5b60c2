/* steward-task-move.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-enums.h"
#include "steward-row-list.h"
#include "steward-store.h"

G_BEGIN_DECLS

void     steward_task_move_async  (StewardRowList       *tasks,
                                   StewardStore         *store,
                                   gint64                id,
                                   StewardTaskStatus     status,
                                   int                   position,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
gboolean steward_task_move_finish (GAsyncResult         *result,
                                   GError              **error);

G_END_DECLS

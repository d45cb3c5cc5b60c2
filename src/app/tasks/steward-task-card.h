/* steward-task-card.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "steward-core.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_TASK_CARD (steward_task_card_get_type ())

G_DECLARE_FINAL_TYPE (StewardTaskCard, steward_task_card, STEWARD, TASK_CARD, GtkWidget)

GtkWidget   *steward_task_card_new      (void);
StewardTask *steward_task_card_get_task (StewardTaskCard *self);
void         steward_task_card_set_task (StewardTaskCard *self,
                                         StewardTask     *task);
void         steward_task_card_update   (StewardTaskCard *self);

G_END_DECLS

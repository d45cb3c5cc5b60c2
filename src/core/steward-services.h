/* steward-services.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "steward-first-run.h"
#include "steward-provider-registry.h"
#include "steward-settings.h"
#include "steward-store.h"
#include "steward-task-column.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_SERVICES (steward_services_get_type ())

G_DECLARE_FINAL_TYPE (StewardServices, steward_services, STEWARD, SERVICES, GObject)

StewardServices *steward_services_new               (void);

gboolean         steward_services_open              (StewardServices      *self,
                                                     const char           *data_dir,
                                                     GError              **error);
void             steward_services_open_async        (StewardServices      *self,
                                                     const char           *data_dir,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean         steward_services_open_finish       (StewardServices      *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
gboolean         steward_services_get_ready         (StewardServices      *self);
const GError    *steward_services_get_open_error    (StewardServices      *self);

StewardStore    *steward_services_get_store         (StewardServices      *self);
StewardSettings *steward_services_get_settings      (StewardServices      *self);
SoupSession     *steward_services_get_session       (StewardServices      *self);
StewardProviderRegistry *steward_services_get_providers (StewardServices    *self);

StewardRowList  *steward_services_get_conversations (StewardServices     *self,
                                                     GError             **error);
StewardRowList  *steward_services_get_memories      (StewardServices     *self,
                                                     GError             **error);
void             steward_services_follow_external_changes (StewardServices *self);
StewardFirstRun *steward_services_new_first_run     (StewardServices     *self);
StewardRowList  *steward_services_get_tasks         (StewardServices     *self,
                                                     GError             **error);
StewardTaskColumn *steward_services_get_task_column (StewardServices    *self,
                                                     StewardTaskStatus   status,
                                                     GError            **error);
StewardRowList  *steward_services_get_projects      (StewardServices     *self,
                                                     GError             **error);
StewardMessageList *steward_services_watch_messages (StewardServices     *self,
                                                     gint64               conversation_id);


G_END_DECLS

/* steward-core.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-chat-turn.h"
#include "steward-context.h"
#include "steward-conversation.h"
#include "steward-conversation-export.h"
#include "steward-enum-types.h"
#include "steward-enums.h"
#include "steward-first-run.h"
#include "steward-local-time.h"
#include "steward-markdown.h"
#include "steward-memory.h"
#include "steward-message.h"
#include "steward-message-list.h"
#include "steward-phase.h"
#include "steward-phase-version.h"
#include "steward-project.h"
#include "steward-project-json.h"
#include "steward-projects.h"
#include "steward-provider-calls.h"
#include "steward-provider-record.h"
#include "steward-provider-registry.h"
#include "steward-provider.h"
#include "steward-quick-add.h"
#include "steward-recurrence.h"
#include "steward-reply.h"
#include "steward-row-list.h"
#include "steward-search-result.h"
#include "steward-secrets.h"
#include "steward-services.h"
#include "steward-setting-keys.h"
#include "steward-settings.h"
#include "steward-store.h"
#include "steward-system-prompt.h"
#include "steward-task.h"
#include "steward-task-column.h"
#include "steward-task-draft.h"
#include "steward-task-extractor.h"
#include "steward-task-proposal.h"
#include "steward-template.h"
#include "steward-template-json.h"
#include "steward-templates.h"

/* steward-store.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-attachment.h"
#include "steward-conversation.h"
#include "steward-memory.h"
#include "steward-message.h"
#include "steward-message-list.h"
#include "steward-phase.h"
#include "steward-phase-version.h"
#include "steward-project.h"
#include "steward-row-list.h"
#include "steward-search-result.h"
#include "steward-task.h"
#include "steward-task-draft.h"
#include "steward-template.h"
#include "steward-enums.h"
#include "steward-provider-record.h"

G_BEGIN_DECLS

#define STEWARD_STORE_ERROR (steward_store_error_quark ())

typedef enum
{
  STEWARD_STORE_ERROR_FAILED,
  /* The file exists but is not a readable Steward database. */
  STEWARD_STORE_ERROR_CORRUPT,
  /* The database was written by a newer Steward. */
  STEWARD_STORE_ERROR_TOO_NEW,
  /* The data directory or file cannot be created or read. */
  STEWARD_STORE_ERROR_IO,
  STEWARD_STORE_ERROR_NOT_FOUND,
  STEWARD_STORE_ERROR_INVALID,
  /* The store was opened read-only: its folder or file cannot be
   * written (a read-only mount, permissions, a full disk). */
  STEWARD_STORE_ERROR_READ_ONLY,
  /* The user asked to forget this fact: it is not remembered again
   * unless they say so (steward_store_unforget_memory()) */
  STEWARD_STORE_ERROR_FORGOTTEN,
} StewardStoreError;

/* The schema version this build writes (PRAGMA user_version). */
#define STEWARD_STORE_SCHEMA_VERSION 13

/* What is known of a reply besides its text, as plain values: the store
 * knows nothing of HTTP or of how a reply was assembled. */
typedef struct
{
  /* -1 where unknown: what is stored stays */
  gint64      input_tokens;
  gint64      output_tokens;
  gint64      latency_ms;
  /* (nullable): the model that answered, kept only if none is stored */
  const char *model;
  /* (nullable): the reply's tool calls, a JSON array of
   * {"id", "name", "arguments"} */
  const char *tool_calls;
} StewardReplyRecord;

#define STEWARD_TYPE_STORE (steward_store_get_type ())

G_DECLARE_FINAL_TYPE (StewardStore, steward_store, STEWARD, STORE, GObject)

GQuark        steward_store_error_quark            (void);

char         *steward_store_dup_default_data_dir   (const char           *override);

StewardStore *steward_store_open                   (const char           *data_dir,
                                                    GError              **error);
void          steward_store_open_async             (const char           *data_dir,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
StewardStore *steward_store_open_finish            (GAsyncResult         *result,
                                                    GError              **error);

const char   *steward_store_get_data_dir           (StewardStore         *self);
const char   *steward_store_get_path               (StewardStore         *self);
int           steward_store_get_schema_version     (StewardStore         *self);
gboolean      steward_store_is_read_only           (StewardStore         *self);
gboolean      steward_store_check_external_change (StewardStore       *self);
gboolean      steward_store_check_writable         (StewardStore         *self,
                                                    GError              **error);

/* Settings (steward-store-settings.c): see steward-setting-keys.h for the
 * keys the core knows. */
char         *steward_store_dup_setting            (StewardStore         *self,
                                                    const char           *key,
                                                    GError              **error);
gboolean      steward_store_set_setting            (StewardStore         *self,
                                                    const char           *key,
                                                    const char           *value,
                                                    GError              **error);
gboolean      steward_store_reset_setting          (StewardStore         *self,
                                                    const char           *key,
                                                    GError              **error);

/* Lists: each returns a new GListModel, most recent first (conversations:
 * steward-store-conversations.c; tasks and projects: steward-store-tasks.c). */
GListModel   *steward_store_list_conversations     (StewardStore         *self,
                                                    GError              **error);
void          steward_store_list_conversations_async  (StewardStore        *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
GListModel   *steward_store_list_conversations_finish (StewardStore        *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
GListModel   *steward_store_list_tasks             (StewardStore         *self,
                                                    GError              **error);
void          steward_store_list_tasks_async       (StewardStore         *self,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
GListModel   *steward_store_list_tasks_finish      (StewardStore         *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
GListModel   *steward_store_list_projects          (StewardStore         *self,
                                                    GError              **error);

/* Lists that keep themselves up to date (steward-store-watch.c) */
StewardRowList     *steward_store_watch_conversations (StewardStore   *self);
StewardRowList     *steward_store_watch_memories      (StewardStore   *self);
StewardRowList     *steward_store_watch_tasks         (StewardStore   *self);
StewardRowList     *steward_store_watch_projects      (StewardStore   *self);
StewardRowList     *steward_store_watch_phases        (StewardStore   *self,
                                                       gint64          project_id);
StewardRowList     *steward_store_watch_phase_versions (StewardStore  *self,
                                                        gint64         phase_id);
StewardMessageList *steward_store_watch_messages      (StewardStore   *self,
                                                       gint64          conversation_id);
StewardTask        *steward_store_find_task           (StewardStore   *self,
                                                       gint64          id,
                                                       GError        **error);

/* Tasks on the board (steward-store-tasks.c): positions are 0 to n-1 in
 * each status; each call is one transaction. */
gint64           steward_store_add_task            (StewardStore         *self,
                                                    const StewardTaskDraft *draft,
                                                    StewardTaskStatus     status,
                                                    GError              **error);
GArray          *steward_store_add_tasks           (StewardStore         *self,
                                                    GPtrArray            *drafts,
                                                    StewardTaskStatus     status,
                                                    GError              **error);
gboolean         steward_store_update_task         (StewardStore         *self,
                                                    gint64                id,
                                                    const StewardTaskDraft *draft,
                                                    GError              **error);
gboolean         steward_store_move_task           (StewardStore         *self,
                                                    gint64                id,
                                                    StewardTaskStatus     status,
                                                    int                   position,
                                                    GError              **error);
gboolean         steward_store_complete_task       (StewardStore         *self,
                                                    gint64                id,
                                                    gint64               *next_id,
                                                    GError              **error);
void             steward_store_place_task_async    (StewardStore         *self,
                                                    gint64                id,
                                                    StewardTaskStatus     status,
                                                    int                   position,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean         steward_store_place_task_finish   (StewardStore         *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
void             steward_store_wait_for_writes     (StewardStore         *self);
gboolean         steward_store_delete_task         (StewardStore         *self,
                                                    gint64                id,
                                                    GError              **error);
guint            steward_store_clear_done_tasks    (StewardStore         *self,
                                                    GError              **error);
gboolean         steward_store_set_task_reminded   (StewardStore         *self,
                                                    gint64                id,
                                                    GError              **error);

/* Document projects, their phases and the phases' versions, and the
 * user's templates (steward-store-documents.c, -phases.c, -passages.c).
 * Each call is one transaction. The rules of statuses and versions live
 * here so that they hold whoever writes: see
 * steward_store_set_phase_content(). */

/* An earlier phase's passage found for drafting a later one */
typedef struct
{
  gint64  phase_id;
  /* 1-based, as the user sees it */
  guint   phase_number;
  char   *phase_title;
  char   *text;
} StewardPhasePassage;

void             steward_phase_passage_free        (StewardPhasePassage  *passage);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardPhasePassage, steward_phase_passage_free)

StewardProject  *steward_store_find_project        (StewardStore         *self,
                                                    gint64                id,
                                                    GError              **error);
/* NOT_FOUND when there is none, INVALID when several have @name */
StewardProject  *steward_store_find_project_by_name (StewardStore        *self,
                                                    const char           *name,
                                                    GError              **error);
/* A project with the phases of @template (its name is recorded) */
gint64           steward_store_create_project      (StewardStore         *self,
                                                    const char           *name,
                                                    StewardTemplate      *template,
                                                    const char           *brief,
                                                    GError              **error);
/* A project made whole from what was read elsewhere (a copy, a JSON
 * file): @project's name, template, brief and times; @phases, a
 * #StewardPhase each, in order, with their content, status and times;
 * @versions (nullable): for each phase, a #GPtrArray of its
 * #StewardPhaseVersion (or NULL for none). Ids are new. */
gint64           steward_store_insert_project      (StewardStore         *self,
                                                    StewardProject       *project,
                                                    GPtrArray            *phases,
                                                    GPtrArray            *versions,
                                                    GError              **error);
gboolean         steward_store_rename_project      (StewardStore         *self,
                                                    gint64                id,
                                                    const char           *name,
                                                    GError              **error);
gboolean         steward_store_set_project_brief   (StewardStore         *self,
                                                    gint64                id,
                                                    const char           *brief,
                                                    GError              **error);
gboolean         steward_store_delete_project      (StewardStore         *self,
                                                    gint64                id,
                                                    GError              **error);

/* A project's phases by position */
GListModel      *steward_store_list_phases         (StewardStore         *self,
                                                    gint64                project_id,
                                                    GError              **error);
StewardPhase    *steward_store_find_phase          (StewardStore         *self,
                                                    gint64                id,
                                                    GError              **error);
/* @position: 0-based */
StewardPhase    *steward_store_find_phase_at       (StewardStore         *self,
                                                    gint64                project_id,
                                                    guint                 position,
                                                    GError              **error);
/* The phases before @position, by position, with their content: what
 * a draft of the phase at @position reads */
GListModel      *steward_store_list_earlier_phases (StewardStore         *self,
                                                    gint64                project_id,
                                                    guint                 position,
                                                    GError              **error);
/* Sets a phase's content for @reason, at @now (nullable: the present).
 * Every reason but AUTOSAVE keeps a new version; AUTOSAVE keeps one only
 * when the phase's last autosave version is more than five minutes older
 * than @now. A phase not completed becomes in progress (not started
 * when emptied); when a completed phase's content changes, every later
 * completed phase becomes stale. COMPLETED also marks it completed.
 * @version_id (out) (optional): the version kept, or 0. */
gboolean         steward_store_set_phase_content   (StewardStore         *self,
                                                    gint64                phase_id,
                                                    const char           *content,
                                                    StewardVersionReason  reason,
                                                    GDateTime            *now,
                                                    gint64               *version_id,
                                                    GError              **error);
/* Marks it completed with @content (nullable: as it is), keeping a
 * version (reason COMPLETED) */
gboolean         steward_store_complete_phase      (StewardStore         *self,
                                                    gint64                phase_id,
                                                    const char           *content,
                                                    GDateTime            *now,
                                                    GError              **error);
/* Keeps the phase's text as a version (SAVED) when its latest version
 * does not hold it: before a draft, an import or a restore replaces it */
gboolean         steward_store_keep_phase_text     (StewardStore         *self,
                                                    gint64                phase_id,
                                                    GError              **error);
/* A completed or stale phase back to in progress (not started when
 * empty), its text and versions as they are */
gboolean         steward_store_reopen_phase        (StewardStore         *self,
                                                    gint64                phase_id,
                                                    GError              **error);
/* Brings back version @number: a new version (reason RESTORED) */
gboolean         steward_store_restore_phase_version (StewardStore       *self,
                                                    gint64                phase_id,
                                                    guint                 number,
                                                    GDateTime            *now,
                                                    gint64               *version_id,
                                                    GError              **error);
/* A draft that grows as it streams: sets the content of version
 * @version_id (kept by steward_store_set_phase_content() with reason
 * GENERATED) and of its phase, without a new version or a change of
 * status */
gboolean         steward_store_grow_phase_version  (StewardStore         *self,
                                                    gint64                version_id,
                                                    const char           *content,
                                                    GError              **error);
/* A phase's versions, the latest (highest number) first */
GListModel      *steward_store_list_phase_versions (StewardStore         *self,
                                                    gint64                phase_id,
                                                    GError              **error);
StewardPhaseVersion *steward_store_find_phase_version (StewardStore      *self,
                                                    gint64                phase_id,
                                                    guint                 number,
                                                    GError              **error);
StewardPhaseVersion *steward_store_find_phase_version_by_id (StewardStore *self,
                                                    gint64                version_id,
                                                    GError              **error);
/* The passages of the phases before @position that best match @query
 * (FTS5, any of its words), best first, at most @limit: a #GPtrArray of
 * #StewardPhasePassage */
GPtrArray       *steward_store_search_phase_passages (StewardStore       *self,
                                                    gint64                project_id,
                                                    guint                 position,
                                                    const char           *query,
                                                    guint                 limit,
                                                    GError              **error);

/* The user's templates, by name */
GListModel      *steward_store_list_templates      (StewardStore         *self,
                                                    GError              **error);
StewardTemplate *steward_store_find_template       (StewardStore         *self,
                                                    const char           *name,
                                                    GError              **error);
/* Adds @template, or replaces the one of its name when @replace (else
 * INVALID when the name is taken) */
gboolean         steward_store_save_template       (StewardStore         *self,
                                                    StewardTemplate      *template,
                                                    gboolean              replace,
                                                    GError              **error);
gboolean         steward_store_delete_template     (StewardStore         *self,
                                                    const char           *name,
                                                    GError              **error);

/* Providers and tiers (steward-store-providers.c): the rows as they are
 * stored. A StewardProvider is made from a row by the provider registry
 * (steward-provider-registry.c), not here. */
gboolean         steward_store_add_provider        (StewardStore         *self,
                                                    StewardProviderRecord *record,
                                                    GError              **error);
StewardProviderRecord *steward_store_find_provider (StewardStore         *self,
                                                    const char           *name,
                                                    GError              **error);
GListModel      *steward_store_list_providers      (StewardStore         *self,
                                                    GError              **error);
gboolean         steward_store_update_provider     (StewardStore         *self,
                                                    const char           *old_name,
                                                    StewardProviderRecord *record,
                                                    GError              **error);
gboolean         steward_store_remove_provider     (StewardStore         *self,
                                                    const char           *name,
                                                    GError              **error);
gboolean         steward_store_set_tier            (StewardStore         *self,
                                                    const char           *tier,
                                                    const char           *provider,
                                                    const char           *model,
                                                    GError              **error);
gboolean         steward_store_clear_tier          (StewardStore         *self,
                                                    const char           *tier,
                                                    GError              **error);
gboolean         steward_store_get_tier            (StewardStore         *self,
                                                    const char           *tier,
                                                    char                **provider,
                                                    char                **model,
                                                    GError              **error);
gboolean         steward_store_check_provider_name    (const char        *name,
                                                       GError           **error);
gboolean         steward_store_check_provider_address (const char        *base_url,
                                                       GError           **error);

/* Attachments (steward-store-attachments.c): the files of messages,
 * copied into the data folder's attachments/ */
GFile           *steward_store_dup_attachments_dir (StewardStore         *self);
gboolean         steward_store_add_attachments     (StewardStore         *self,
                                                    gint64                message_id,
                                                    GPtrArray            *attachments,
                                                    GError              **error);
GPtrArray       *steward_store_list_attachments    (StewardStore         *self,
                                                    gint64                message_id,
                                                    GError              **error);

/* Conversations (steward-store-conversations.c) and their messages
 * (steward-store-chat.c) */
gint64           steward_store_create_conversation (StewardStore         *self,
                                                    const char           *title,
                                                    GError              **error);
StewardConversation *steward_store_find_conversation (StewardStore      *self,
                                                    gint64                id,
                                                    GError              **error);
gint64           steward_store_add_message         (StewardStore         *self,
                                                    gint64                conversation_id,
                                                    StewardMessageRole    role,
                                                    const char           *content,
                                                    StewardMessageStatus  status,
                                                    const char           *provider,
                                                    const char           *model,
                                                    const char           *tier,
                                                    GError              **error);
gboolean         steward_store_update_reply        (StewardStore         *self,
                                                    gint64                message_id,
                                                    const char           *content,
                                                    StewardMessageStatus  status,
                                                    const char           *error_message,
                                                    const StewardReplyRecord *record,
                                                    GError              **error);
gboolean         steward_store_rename_conversation (StewardStore         *self,
                                                    gint64                id,
                                                    const char           *title,
                                                    GError              **error);
gboolean         steward_store_set_conversation_quick (StewardStore      *self,
                                                    gint64                id,
                                                    gboolean              quick,
                                                    GError              **error);
gboolean         steward_store_delete_conversation (StewardStore         *self,
                                                    gint64                id,
                                                    GError              **error);
StewardMessage  *steward_store_find_message        (StewardStore         *self,
                                                    gint64                id,
                                                    GError              **error);
gboolean         steward_store_delete_messages_from (StewardStore        *self,
                                                    gint64                message_id,
                                                    GError              **error);
gint64           steward_store_add_alternative     (StewardStore         *self,
                                                    gint64                sibling_id,
                                                    StewardMessageRole    role,
                                                    const char           *content,
                                                    StewardMessageStatus  status,
                                                    const char           *provider,
                                                    const char           *model,
                                                    const char           *tier,
                                                    GError              **error);
gboolean         steward_store_select_alternative  (StewardStore         *self,
                                                    gint64                message_id,
                                                    GError              **error);
gboolean         steward_store_step_alternative    (StewardStore         *self,
                                                    gint64                message_id,
                                                    int                   step,
                                                    gint64               *shown_id,
                                                    GError              **error);
GListModel      *steward_store_list_messages       (StewardStore         *self,
                                                    gint64                conversation_id,
                                                    GError              **error);
GListModel      *steward_store_list_messages_range (StewardStore         *self,
                                                    gint64                conversation_id,
                                                    gint64                from_id,
                                                    gint64                before_id,
                                                    guint                 limit,
                                                    GError              **error);
void             steward_store_list_messages_range_async  (StewardStore        *self,
                                                           gint64               conversation_id,
                                                           gint64               from_id,
                                                           gint64               before_id,
                                                           guint                limit,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
GListModel      *steward_store_list_messages_range_finish (StewardStore        *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
GListModel      *steward_store_list_messages_after (StewardStore       *self,
                                                    gint64                conversation_id,
                                                    gint64                after_id,
                                                    guint                 limit,
                                                    GError              **error);
guint            steward_store_recover_interrupted (StewardStore         *self,
                                                    GError              **error);

gboolean         steward_store_get_summary         (StewardStore         *self,
                                                    gint64                conversation_id,
                                                    char                **summary,
                                                    gint64               *summary_through,
                                                    GError              **error);
gboolean         steward_store_set_summary         (StewardStore         *self,
                                                    gint64                conversation_id,
                                                    const char           *summary,
                                                    gint64                summary_through,
                                                    GError              **error);
gboolean         steward_store_set_message_context (StewardStore         *self,
                                                    gint64                message_id,
                                                    const char           *context_json,
                                                    GError              **error);
char            *steward_store_dup_message_context (StewardStore         *self,
                                                    gint64                message_id,
                                                    GError              **error);

/* Long-term memory (steward-store-memory.c) and search
 * (steward-store-search.c) */
gint64           steward_store_add_memory          (StewardStore         *self,
                                                    const char           *text,
                                                    gboolean              pinned,
                                                    StewardMemoryOrigin   origin,
                                                    gint64                source_message_id,
                                                    GError              **error);
GListModel      *steward_store_list_memories       (StewardStore         *self,
                                                    GError              **error);
StewardMemory   *steward_store_find_memory         (StewardStore         *self,
                                                    gint64                id,
                                                    GError              **error);
gboolean         steward_store_set_memory_pinned   (StewardStore         *self,
                                                    gint64                id,
                                                    gboolean              pinned,
                                                    GError              **error);
gboolean         steward_store_set_memory_text     (StewardStore         *self,
                                                    gint64                id,
                                                    const char           *text,
                                                    GError              **error);
gboolean         steward_store_unforget_memory     (StewardStore         *self,
                                                    const char           *text,
                                                    GError              **error);
gboolean         steward_store_forget_memory       (StewardStore         *self,
                                                    gint64                id,
                                                    GError              **error);
GListModel      *steward_store_rank_memories       (StewardStore         *self,
                                                    const char           *text,
                                                    GError              **error);
GListModel      *steward_store_search_messages     (StewardStore         *self,
                                                    const char           *query,
                                                    guint                 limit,
                                                    GError              **error);
void             steward_store_search_messages_async  (StewardStore        *self,
                                                       const char          *query,
                                                       guint                limit,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
GListModel      *steward_store_search_messages_finish (StewardStore        *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
GListModel      *steward_store_search_conversations   (StewardStore        *self,
                                                       const char          *query,
                                                       guint                limit,
                                                       GError             **error);
void             steward_store_search_conversations_async  (StewardStore        *self,
                                                            const char          *query,
                                                            guint                limit,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
GListModel      *steward_store_search_conversations_finish (StewardStore        *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);
GListModel      *steward_store_search_in_conversation (StewardStore        *self,
                                                       gint64               conversation_id,
                                                       const char          *query,
                                                       guint                limit,
                                                       GError             **error);
void             steward_store_search_in_conversation_async  (StewardStore        *self,
                                                              gint64               conversation_id,
                                                              const char          *query,
                                                              guint                limit,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
GListModel      *steward_store_search_in_conversation_finish (StewardStore        *self,
                                                              GAsyncResult        *result,
                                                              GError             **error);

/* Context sizes of models (steward-store-models.c). A model, named by its
 * provider and its id, may have a context size of its own; any other
 * model has the default, the setting "chat.context-tokens". Sizes go with
 * a removed provider and follow a renamed one. Changes emit
 * "providers-changed". */
typedef struct
{
  char      *provider;
  char      *model;
  gint64     context_tokens;
  GDateTime *updated_at;
} StewardModelLimit;

void             steward_model_limit_free          (StewardModelLimit    *limit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardModelLimit, steward_model_limit_free)

gboolean         steward_store_set_model_context_tokens   (StewardStore  *self,
                                                           const char    *provider,
                                                           const char    *model,
                                                           gint64         context_tokens,
                                                           GError       **error);
gboolean         steward_store_reset_model_context_tokens (StewardStore  *self,
                                                           const char    *provider,
                                                           const char    *model,
                                                           GError       **error);
gint64           steward_store_get_model_context_tokens   (StewardStore  *self,
                                                           const char    *provider,
                                                           const char    *model,
                                                           GError       **error);
gint64           steward_store_get_context_tokens         (StewardStore  *self,
                                                           const char    *provider,
                                                           const char    *model,
                                                           gboolean      *is_default,
                                                           GError       **error);
GPtrArray       *steward_store_list_model_limits          (StewardStore  *self,
                                                           GError       **error);

/* Whether models can see images (steward-store-model-vision.c): what the
 * user said for a model, else a guess from its name */
gboolean         steward_store_set_model_vision           (StewardStore  *self,
                                                           const char    *provider,
                                                           const char    *model,
                                                           gboolean       vision,
                                                           GError       **error);
gboolean         steward_store_reset_model_vision         (StewardStore  *self,
                                                           const char    *provider,
                                                           const char    *model,
                                                           GError       **error);
int              steward_store_get_model_vision           (StewardStore  *self,
                                                           const char    *provider,
                                                           const char    *model,
                                                           gboolean      *is_set,
                                                           GError       **error);

G_END_DECLS

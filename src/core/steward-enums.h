/* steward-enums.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The closed sets of Steward's data. Their GTypes are made by
 * glib-mkenums (steward-enum-types.h); each value's nick (the name after
 * the prefix, in lower case) is how the store
 * keeps it and how the CLI and exports print it. Nowhere else is a value
 * spelt out as text. */

typedef enum /*< enum,prefix=STEWARD_MESSAGE_ROLE >*/
{
  STEWARD_MESSAGE_ROLE_USER,
  STEWARD_MESSAGE_ROLE_ASSISTANT,
  STEWARD_MESSAGE_ROLE_SYSTEM,
  STEWARD_MESSAGE_ROLE_TOOL,
} StewardMessageRole;

typedef enum /*< enum,prefix=STEWARD_MESSAGE_STATUS >*/
{
  /* The reply is still arriving (or its writer died: see the store) */
  STEWARD_MESSAGE_STATUS_STREAMING,
  STEWARD_MESSAGE_STATUS_COMPLETE,
  /* Stopped by the user, or cut off by a crash; what arrived is kept */
  STEWARD_MESSAGE_STATUS_INTERRUPTED,
  /* The request failed; the message's error says why */
  STEWARD_MESSAGE_STATUS_ERROR,
} StewardMessageStatus;

typedef enum /*< enum,prefix=STEWARD_MEMORY_ORIGIN >*/
{
  /* Added by the user in Preferences or with steward-cli */
  STEWARD_MEMORY_ORIGIN_USER,
  /* "Remember that …" said in a chat */
  STEWARD_MEMORY_ORIGIN_CHAT,
  /* Proposed by automatic memory from what the user wrote */
  STEWARD_MEMORY_ORIGIN_AUTO,
} StewardMemoryOrigin;

typedef enum /*< enum,prefix=STEWARD_TASK_STATUS >*/
{
  STEWARD_TASK_STATUS_TODO,
  STEWARD_TASK_STATUS_DOING,
  STEWARD_TASK_STATUS_DONE,
} StewardTaskStatus;

typedef enum /*< enum,prefix=STEWARD_TASK_PRIORITY >*/
{
  STEWARD_TASK_PRIORITY_LOW,
  STEWARD_TASK_PRIORITY_MEDIUM,
  STEWARD_TASK_PRIORITY_HIGH,
  STEWARD_TASK_PRIORITY_URGENT,
} StewardTaskPriority;

/* Where a task was found, kept as a link that opens it */
typedef enum /*< enum,prefix=STEWARD_TASK_SOURCE >*/
{
  /* Typed by the user */
  STEWARD_TASK_SOURCE_NONE,
  /* A chat message: the source is its id */
  STEWARD_TASK_SOURCE_MESSAGE,
  /* A file: the source is its URI */
  STEWARD_TASK_SOURCE_FILE,
  /* Pasted text: the source is the text */
  STEWARD_TASK_SOURCE_TEXT,
} StewardTaskSource;

/* Where a phase of a document project stands. A phase with content that
 * is not completed is in progress; changing a completed phase makes
 * every later completed phase stale (it was written from other text). */
typedef enum /*< enum,prefix=STEWARD_PHASE_STATUS >*/
{
  STEWARD_PHASE_STATUS_NOT_STARTED,
  STEWARD_PHASE_STATUS_IN_PROGRESS,
  STEWARD_PHASE_STATUS_COMPLETED,
  STEWARD_PHASE_STATUS_STALE,
} StewardPhaseStatus;

/* Why a version of a phase was kept */
typedef enum /*< enum,prefix=STEWARD_VERSION_REASON >*/
{
  /* Drafted by the model */
  STEWARD_VERSION_REASON_GENERATED,
  /* Saved by the user (Ctrl+S, the CLI's phase set) */
  STEWARD_VERSION_REASON_SAVED,
  /* Marked completed */
  STEWARD_VERSION_REASON_COMPLETED,
  /* Kept while typing, at most one per five minutes */
  STEWARD_VERSION_REASON_AUTOSAVE,
  /* An earlier version brought back */
  STEWARD_VERSION_REASON_RESTORED,
  /* Read from a file */
  STEWARD_VERSION_REASON_IMPORTED,
} StewardVersionReason;
/* The kinds of file a phase imports (steward-document-import.h) */
typedef enum /*< enum,prefix=STEWARD_DOCUMENT_FORMAT >*/
{
  STEWARD_DOCUMENT_FORMAT_MARKDOWN,
  STEWARD_DOCUMENT_FORMAT_TEXT,
  STEWARD_DOCUMENT_FORMAT_DOCX,
  STEWARD_DOCUMENT_FORMAT_PDF,
} StewardDocumentFormat;

/* What a document project is exported as (steward-project-export.h) */
typedef enum /*< enum,prefix=STEWARD_EXPORT_FORMAT >*/
{
  STEWARD_EXPORT_FORMAT_PDF,
  STEWARD_EXPORT_FORMAT_DOCX,
  STEWARD_EXPORT_FORMAT_MARKDOWN, /*< nick=md >*/
  STEWARD_EXPORT_FORMAT_JSON,
} StewardExportFormat;

/* A line of a comparison of two texts (steward-text-diff.h) */
typedef enum /*< enum,prefix=STEWARD_DIFF >*/
{
  /* In both texts */
  STEWARD_DIFF_EQUAL,
  /* Only in the old text */
  STEWARD_DIFF_DELETED,
  /* Only in the new text */
  STEWARD_DIFF_INSERTED,
} StewardDiffKind;

/* What happened to a row of the store: see StewardStore::row-changed. */
typedef enum /*< enum,prefix=STEWARD_ROW >*/
{
  STEWARD_ROW_INSERTED,
  STEWARD_ROW_CHANGED,
  STEWARD_ROW_REMOVED,
} StewardRowChange;

/* What an attachment holds, told from its bytes (see
 * steward-attachment-import.h) */
typedef enum /*< enum,prefix=STEWARD_ATTACHMENT_KIND >*/
{
  STEWARD_ATTACHMENT_KIND_IMAGE,
  STEWARD_ATTACHMENT_KIND_AUDIO,
  STEWARD_ATTACHMENT_KIND_PDF,
  /* Plain text and source code, sent as text with the file's name */
  STEWARD_ATTACHMENT_KIND_TEXT,
} StewardAttachmentKind;

/* The tables whose rows StewardStore::row-changed tells of; the nick is
 * the signal's detail ("row-changed::messages"). */
typedef enum /*< enum,prefix=STEWARD_TABLE >*/
{
  STEWARD_TABLE_CONVERSATIONS,
  STEWARD_TABLE_MESSAGES,
  STEWARD_TABLE_MEMORIES,
  STEWARD_TABLE_TASKS,
  STEWARD_TABLE_PROJECTS,
  /* parent_id: the phase's project */
  STEWARD_TABLE_PHASES,
  /* parent_id: the version's phase */
  STEWARD_TABLE_PHASE_VERSIONS,
  /* the user's templates (id: the row's id) */
  STEWARD_TABLE_TEMPLATES,
} StewardTable;

/* How a StewardSpeaker reads text aloud */
typedef enum /*< enum,prefix=STEWARD_SPEECH_BACKEND >*/
{
  /* The first that works: speech-dispatcher, else espeak-ng */
  STEWARD_SPEECH_BACKEND_AUTO,
  /* The desktop's speech service, through libspeechd */
  STEWARD_SPEECH_BACKEND_SPEECH_DISPATCHER,
  /* espeak-ng's voices played through GStreamer */
  STEWARD_SPEECH_BACKEND_ESPEAK,
  /* Nothing to speak with */
  STEWARD_SPEECH_BACKEND_NONE,
} StewardSpeechBackend;

/* What a StewardAudioPlayer is doing with its file */
typedef enum /*< enum,prefix=STEWARD_AUDIO_PLAYER_STATE >*/
{
  STEWARD_AUDIO_PLAYER_STATE_STOPPED,
  STEWARD_AUDIO_PLAYER_STATE_PAUSED,
  STEWARD_AUDIO_PLAYER_STATE_PLAYING,
} StewardAudioPlayerState;

/* What a search across everything found (StewardSearchHit); the nick
 * begins the desktop search's result id */
typedef enum /*< enum,prefix=STEWARD_SEARCH_HIT >*/
{
  STEWARD_SEARCH_HIT_CONVERSATION,
  STEWARD_SEARCH_HIT_TASK,
  STEWARD_SEARCH_HIT_PROJECT,
} StewardSearchHitKind;

/* Where the desktop-wide quick chat shortcut stands
 * (StewardGlobalShortcut, through the GlobalShortcuts portal) */
typedef enum /*< enum,prefix=STEWARD_GLOBAL_SHORTCUT >*/
{
  /* Asking the portal */
  STEWARD_GLOBAL_SHORTCUT_BINDING,
  /* No portal, or one without global shortcuts */
  STEWARD_GLOBAL_SHORTCUT_UNAVAILABLE,
  /* The user said no (response 1) */
  STEWARD_GLOBAL_SHORTCUT_DENIED,
  /* The portal failed (response 2, or an error) */
  STEWARD_GLOBAL_SHORTCUT_FAILED,
  /* Bound: "activated" follows the keys */
  STEWARD_GLOBAL_SHORTCUT_BOUND,
} StewardGlobalShortcutState;

const char *steward_enum_to_nick   (GType       enum_type,
                                    int         value);
gboolean    steward_enum_from_nick (GType       enum_type,
                                    const char *nick,
                                    int        *value);

G_END_DECLS

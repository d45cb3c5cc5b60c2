/* steward-export-source.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What a document export writes: a title, who wrote it and when, and its
 * sections in order, each a title and a Markdown body. A project's phases
 * become sections; the writers (PDF, DOCX, Markdown) know nothing of
 * projects.
 *
 * Built on the main thread, then handed to a worker: once a writer has it,
 * nobody changes it (the setters are for building only). Reference counted
 * with atomic counts, so a worker may hold it.
 *
 * Headings: the writers show a section's title as a level-1 heading and
 * move the headings inside its body one level down ("#" in a body is level
 * 2), no lower than 6. */

typedef struct _StewardExportSource StewardExportSource;

#define STEWARD_TYPE_EXPORT_SOURCE (steward_export_source_get_type ())

GType                steward_export_source_get_type             (void);
StewardExportSource *steward_export_source_new                  (const char          *title);
StewardExportSource *steward_export_source_ref                  (StewardExportSource *self);
void                 steward_export_source_unref                (StewardExportSource *self);

void                 steward_export_source_set_author           (StewardExportSource *self,
                                                                 const char          *author);
void                 steward_export_source_set_dates            (StewardExportSource *self,
                                                                 GDateTime           *created,
                                                                 GDateTime           *modified);
void                 steward_export_source_add_section          (StewardExportSource *self,
                                                                 const char          *title,
                                                                 const char          *markdown);

const char          *steward_export_source_get_title            (StewardExportSource *self);
/* NULL when not set */
const char          *steward_export_source_get_author           (StewardExportSource *self);
/* NULL when not set */
GDateTime           *steward_export_source_get_created          (StewardExportSource *self);
GDateTime           *steward_export_source_get_modified         (StewardExportSource *self);
guint                steward_export_source_get_n_sections       (StewardExportSource *self);
const char          *steward_export_source_get_section_title    (StewardExportSource *self,
                                                                 guint                index);
const char          *steward_export_source_get_section_markdown (StewardExportSource *self,
                                                                 guint                index);
/* The bodies' length in bytes, all sections together: what a writer
 * measures its progress against. */
gsize                steward_export_source_get_n_bytes          (StewardExportSource *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardExportSource, steward_export_source_unref)

/* A writer's report of how far it is, from 0 to 1. Called in the thread
 * the writer runs in; steward-export-job.h brings it to the main context. */
typedef void (*StewardExportProgressFunc) (double   fraction,
                                           gpointer user_data);

/* Every document writer has this shape: write @source to @out (not closing
 * it), calling @progress now and then, stopping with
 * G_IO_ERROR_CANCELLED when @cancellable is cancelled. Safe to run in a
 * worker thread. */
typedef gboolean (*StewardExportWriteFunc) (StewardExportSource       *source,
                                            GOutputStream             *out,
                                            StewardExportProgressFunc  progress,
                                            gpointer                   progress_data,
                                            GCancellable              *cancellable,
                                            GError                   **error);

G_END_DECLS

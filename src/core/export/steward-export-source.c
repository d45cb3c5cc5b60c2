/* steward-export-source.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-export-source.h"

typedef struct
{
  char *title;
  char *markdown;
} Section;

struct _StewardExportSource
{
  gatomicrefcount  ref_count;
  char            *title;
  char            *author;
  GDateTime       *created;
  GDateTime       *modified;
  GArray          *sections;
  gsize            n_bytes;
};

G_DEFINE_BOXED_TYPE (StewardExportSource, steward_export_source,
                     steward_export_source_ref, steward_export_source_unref)

static void
section_clear (gpointer data)
{
  Section *section = data;

  g_free (section->title);
  g_free (section->markdown);
}

StewardExportSource *
steward_export_source_new (const char *title)
{
  StewardExportSource *self = g_new0 (StewardExportSource, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->title = g_strdup (title != NULL ? title : "");
  self->sections = g_array_new (FALSE, TRUE, sizeof (Section));
  g_array_set_clear_func (self->sections, section_clear);

  return self;
}

StewardExportSource *
steward_export_source_ref (StewardExportSource *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
steward_export_source_unref (StewardExportSource *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->title);
  g_free (self->author);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);
  g_array_unref (self->sections);
  g_free (self);
}

void
steward_export_source_set_author (StewardExportSource *self,
                                  const char          *author)
{
  g_return_if_fail (self != NULL);

  g_free (self->author);
  self->author = author != NULL && author[0] != '\0' ? g_strdup (author) : NULL;
}

void
steward_export_source_set_dates (StewardExportSource *self,
                                 GDateTime           *created,
                                 GDateTime           *modified)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);
  self->created = created != NULL ? g_date_time_ref (created) : NULL;
  self->modified = modified != NULL ? g_date_time_ref (modified) : NULL;
}

void
steward_export_source_add_section (StewardExportSource *self,
                                   const char          *title,
                                   const char          *markdown)
{
  Section section;

  g_return_if_fail (self != NULL);

  section.title = g_strdup (title != NULL ? title : "");
  section.markdown = g_strdup (markdown != NULL ? markdown : "");
  self->n_bytes += strlen (section.markdown);
  g_array_append_val (self->sections, section);
}

const char *
steward_export_source_get_title (StewardExportSource *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

const char *
steward_export_source_get_author (StewardExportSource *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->author;
}

GDateTime *
steward_export_source_get_created (StewardExportSource *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->created;
}

GDateTime *
steward_export_source_get_modified (StewardExportSource *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->modified;
}

guint
steward_export_source_get_n_sections (StewardExportSource *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->sections->len;
}

const char *
steward_export_source_get_section_title (StewardExportSource *self,
                                         guint                index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->sections->len, NULL);

  return g_array_index (self->sections, Section, index).title;
}

const char *
steward_export_source_get_section_markdown (StewardExportSource *self,
                                            guint                index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->sections->len, NULL);

  return g_array_index (self->sections, Section, index).markdown;
}

gsize
steward_export_source_get_n_bytes (StewardExportSource *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_bytes;
}

/* steward-attachment.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-attachment"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "steward-attachment-pdf.h"
#include "steward-attachment-private.h"

struct _StewardAttachment
{
  GObject                parent_instance;

  /* Owned */
  char                  *hash;
  char                  *name;
  char                  *content_type;
  char                  *text;
  GFile                 *file;

  gint64                 id;
  guint64                size;
  double                 duration;
  StewardAttachmentKind  kind;
  guint                  width;
  guint                  height;
  guint                  n_pages;
};

G_DEFINE_FINAL_TYPE (StewardAttachment, steward_attachment, G_TYPE_OBJECT)

static void
steward_attachment_finalize (GObject *object)
{
  StewardAttachment *self = STEWARD_ATTACHMENT (object);

  g_clear_pointer (&self->hash, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->content_type, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (steward_attachment_parent_class)->finalize (object);
}

static void
steward_attachment_class_init (StewardAttachmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steward_attachment_finalize;
}

static void
steward_attachment_init (StewardAttachment *self)
{
}

StewardAttachment *
_steward_attachment_new (const StewardAttachmentFields *fields)
{
  StewardAttachment *self;

  g_return_val_if_fail (fields != NULL, NULL);
  g_return_val_if_fail (fields->hash != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (fields->file), NULL);

  self = g_object_new (STEWARD_TYPE_ATTACHMENT, NULL);
  self->id = fields->id;
  self->hash = g_strdup (fields->hash);
  self->name = g_strdup (fields->name != NULL ? fields->name : fields->hash);
  self->content_type = g_strdup (fields->content_type != NULL ? fields->content_type : "application/octet-stream");
  self->kind = fields->kind;
  self->size = fields->size;
  self->width = fields->width;
  self->height = fields->height;
  self->n_pages = fields->n_pages;
  self->duration = fields->duration;
  self->text = g_strdup (fields->text);
  self->file = g_object_ref (fields->file);

  return self;
}

StewardAttachment *
_steward_attachment_with_id (StewardAttachment *self,
                             gint64             id)
{
  StewardAttachmentFields fields = {
    .id = id,
    .hash = self->hash,
    .name = self->name,
    .content_type = self->content_type,
    .kind = self->kind,
    .size = self->size,
    .width = self->width,
    .height = self->height,
    .n_pages = self->n_pages,
    .duration = self->duration,
    .text = self->text,
    .file = self->file,
  };

  g_return_val_if_fail (STEWARD_IS_ATTACHMENT (self), NULL);

  return _steward_attachment_new (&fields);
}

gint64
steward_attachment_get_id (StewardAttachment *self)
{
  g_return_val_if_fail (STEWARD_IS_ATTACHMENT (self), 0);
  return self->id;
}

const char *
steward_attachment_get_hash (StewardAttachment *self)
{
  g_return_val_if_fail (STEWARD_IS_ATTACHMENT (self), NULL);
  return self->hash;
}

const char *
steward_attachment_get_name (StewardAttachment *self)
{
  g_return_val_if_fail (STEWARD_IS_ATTACHMENT (self), NULL);
  return self->name;
}

const char *
steward_attachment_get_content_type (StewardAttachment *self)
{
  g_return_val_if_fail (STEWARD_IS_ATTACHMENT (self), NULL);
  return self->content_type;
}

StewardAttachmentKind
steward_attachment_get_kind (StewardAttachment *self)
{
  g_return_val_if_fail (STEWARD_IS_ATTACHMENT (self), 0);
  return self->kind;
}

guint64
steward_attachment_get_size (StewardAttachment *self)
{
  g_return_val_if_fail (STEWARD_IS_ATTACHMENT (self), 0);
  return self->size;
}

guint
steward_attachment_get_width (StewardAttachment *self)
{
  g_return_val_if_fail (STEWARD_IS_ATTACHMENT (self), 0);
  return self->width;
}

guint
steward_attachment_get_height (StewardAttachment *self)
{
  g_return_val_if_fail (STEWARD_IS_ATTACHMENT (self), 0);
  return self->height;
}

guint
steward_attachment_get_n_pages (StewardAttachment *self)
{
  g_return_val_if_fail (STEWARD_IS_ATTACHMENT (self), 0);
  return self->n_pages;
}

double
steward_attachment_get_duration (StewardAttachment *self)
{
  g_return_val_if_fail (STEWARD_IS_ATTACHMENT (self), 0);
  return self->duration;
}

GFile *
_steward_attachment_dup_text_file (GFile *copy)
{
  g_autoptr(GFile) parent = g_file_get_parent (copy);
  g_autofree char *basename = g_file_get_basename (copy);
  g_autofree char *name = g_strconcat (basename, ".txt", NULL);

  return g_file_get_child (parent, name);
}

static char *
load_text (GFile         *file,
           const char    *name,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  if (!g_file_load_contents (file, cancellable, &contents, &len, NULL, &local_error))
    {
      /* Translators: %s is a file name, the second %s why it could not
       * be read */
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not read the attached %s: %s."), name, local_error->message);
      return NULL;
    }

  if (!g_utf8_validate_len (contents, len, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s is not UTF-8 text."), name);
      return NULL;
    }

  /* A leading byte order mark is not part of the text */
  if (len >= 3 && memcmp (contents, "\xEF\xBB\xBF", 3) == 0)
    return g_strndup (contents + 3, len - 3);

  return g_steal_pointer (&contents);
}

char *
steward_attachment_dup_text (StewardAttachment  *self,
                             GCancellable       *cancellable,
                             GError            **error)
{
  g_return_val_if_fail (STEWARD_IS_ATTACHMENT (self), NULL);

  if (self->text != NULL)
    return g_strdup (self->text);

  switch (self->kind)
    {
    case STEWARD_ATTACHMENT_KIND_TEXT:
      return load_text (self->file, self->name, cancellable, error);

    case STEWARD_ATTACHMENT_KIND_PDF:
      {
        g_autoptr(GFile) text_file = _steward_attachment_dup_text_file (self->file);
        g_autoptr(GBytes) data = NULL;

        if (g_file_query_exists (text_file, cancellable))
          return load_text (text_file, self->name, cancellable, error);

        /* Read again when the text kept beside is gone */
        if (!(data = g_file_load_bytes (self->file, cancellable, NULL, error)))
          return NULL;
        return steward_attachment_pdf_read (data, self->name, NULL, cancellable, error);
      }

    case STEWARD_ATTACHMENT_KIND_IMAGE:
    case STEWARD_ATTACHMENT_KIND_AUDIO:
    default:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s is not a text file or PDF."), self->name);
      return NULL;
    }
}

GFile *
steward_attachment_get_file (StewardAttachment *self)
{
  g_return_val_if_fail (STEWARD_IS_ATTACHMENT (self), NULL);
  return self->file;
}

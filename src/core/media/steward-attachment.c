/* steward-attachment.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-attachment"

#include "config.h"

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

const char *
steward_attachment_get_text (StewardAttachment *self)
{
  g_return_val_if_fail (STEWARD_IS_ATTACHMENT (self), NULL);
  return self->text;
}

GFile *
steward_attachment_get_file (StewardAttachment *self)
{
  g_return_val_if_fail (STEWARD_IS_ATTACHMENT (self), NULL);
  return self->file;
}

/* steward-attachment-parts.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-attachment-parts"

#include "config.h"

#include "steward-attachment-parts.h"
#include "steward-image-prepare.h"

/* What the model reads is in English, as the system prompt is: it is not
 * shown to the user. */

static void
part_free (gpointer data)
{
  StewardAttachmentPart *part = data;

  g_free (part->text);
  g_free (part->mime_type);
  g_free (part->base64);
  g_free (part);
}

static void
add_text (GPtrArray *parts,
          char      *text)
{
  StewardAttachmentPart *part = g_new0 (StewardAttachmentPart, 1);

  part->text = text;
  g_ptr_array_add (parts, part);
}

static void
add_image (GPtrArray         *parts,
           StewardAttachment *attachment,
           guint              max_edge)
{
  const char *name = steward_attachment_get_name (attachment);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GBytes) prepared = NULL;
  g_autofree char *mime_type = NULL;
  StewardAttachmentPart *part;
  gsize len;
  const guchar *bytes;

  if (!(data = g_file_load_bytes (steward_attachment_get_file (attachment), NULL, NULL, &error)) ||
      !(prepared = steward_image_prepare (data, name, max_edge, &mime_type, NULL, NULL, &error)))
    {
      add_text (parts, g_strdup_printf ("[The attached image %s could not be read: %s]", name, error->message));
      return;
    }

  bytes = g_bytes_get_data (prepared, &len);
  part = g_new0 (StewardAttachmentPart, 1);
  part->mime_type = g_steal_pointer (&mime_type);
  part->base64 = g_base64_encode (bytes, len);
  g_ptr_array_add (parts, part);
}

static void
add_document (GPtrArray         *parts,
              StewardAttachment *attachment)
{
  const char *name = steward_attachment_get_name (attachment);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = steward_attachment_dup_text (attachment, NULL, &error);

  if (text == NULL)
    add_text (parts, g_strdup_printf ("[The attached file %s could not be read: %s]", name, error->message));
  else
    add_text (parts, g_strdup_printf ("<attachment name=\"%s\">\n%s%s</attachment>", name, text,
                                      g_str_has_suffix (text, "\n") ? "" : "\n"));
}

GPtrArray *
_steward_attachment_parts_new (const StewardChatMessage *message,
                               guint                     max_edge)
{
  g_autoptr(GPtrArray) parts = NULL;

  g_return_val_if_fail (message != NULL, NULL);

  if (message->attachments == NULL || message->attachments->len == 0)
    return NULL;

  parts = g_ptr_array_new_with_free_func (part_free);

  for (guint i = 0; i < message->attachments->len; i++)
    {
      StewardAttachment *attachment = g_ptr_array_index (message->attachments, i);

      switch (steward_attachment_get_kind (attachment))
        {
        case STEWARD_ATTACHMENT_KIND_IMAGE:
          add_image (parts, attachment, max_edge);
          break;

        case STEWARD_ATTACHMENT_KIND_PDF:
        case STEWARD_ATTACHMENT_KIND_TEXT:
          add_document (parts, attachment);
          break;

        case STEWARD_ATTACHMENT_KIND_AUDIO:
        default:
          add_text (parts, g_strdup_printf ("[An audio file, %s, is attached; it has not been transcribed.]",
                                            steward_attachment_get_name (attachment)));
          break;
        }
    }

  return g_steal_pointer (&parts);
}

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

void
_steward_attachment_part_free (gpointer data)
{
  StewardAttachmentPart *part = data;

  if (part == NULL)
    return;

  g_free (part->text);
  g_free (part->mime_type);
  g_free (part->base64);
  g_free (part);
}

static StewardAttachmentPart *
text_part (char *text)
{
  StewardAttachmentPart *part = g_new0 (StewardAttachmentPart, 1);

  part->text = text;

  return part;
}

static StewardAttachmentPart *
image_part (StewardAttachment  *attachment,
            guint               max_edge,
            GCancellable       *cancellable,
            GError            **error)
{
  const char *name = steward_attachment_get_name (attachment);
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GBytes) prepared = NULL;
  g_autofree char *mime_type = NULL;
  StewardAttachmentPart *part;
  gsize len;
  const guchar *bytes;

  if (!(data = g_file_load_bytes (steward_attachment_get_file (attachment), cancellable, NULL, error)) ||
      !(prepared = steward_image_prepare (data, name, max_edge, &mime_type, NULL, NULL, error)))
    return NULL;

  /* The file's bytes are not needed once prepared: a photo of many
   * megabytes does not stay beside its base64 */
  g_clear_pointer (&data, g_bytes_unref);

  bytes = g_bytes_get_data (prepared, &len);
  part = g_new0 (StewardAttachmentPart, 1);
  part->mime_type = g_steal_pointer (&mime_type);
  part->base64 = g_base64_encode (bytes, len);

  return part;
}

static StewardAttachmentPart *
document_part (StewardAttachment  *attachment,
               GCancellable       *cancellable,
               GError            **error)
{
  const char *name = steward_attachment_get_name (attachment);
  g_autofree char *text = steward_attachment_dup_text (attachment, cancellable, error);

  if (text == NULL)
    return NULL;

  return text_part (g_strdup_printf ("<attachment name=\"%s\">\n%s%s</attachment>", name, text,
                                     g_str_has_suffix (text, "\n") ? "" : "\n"));
}

StewardAttachmentPart *
_steward_attachment_part_new (StewardAttachment  *attachment,
                              guint               max_edge,
                              GCancellable       *cancellable,
                              GError            **error)
{
  g_return_val_if_fail (STEWARD_IS_ATTACHMENT (attachment), NULL);

  switch (steward_attachment_get_kind (attachment))
    {
    case STEWARD_ATTACHMENT_KIND_IMAGE:
      return image_part (attachment, max_edge, cancellable, error);

    case STEWARD_ATTACHMENT_KIND_PDF:
    case STEWARD_ATTACHMENT_KIND_TEXT:
      return document_part (attachment, cancellable, error);

    case STEWARD_ATTACHMENT_KIND_AUDIO:
    default:
      return text_part (g_strdup_printf ("[An audio file, %s, is attached; it has not been transcribed.]",
                                         steward_attachment_get_name (attachment)));
    }
}

StewardAttachmentPart *
_steward_attachment_part_new_unreadable (StewardAttachment *attachment,
                                         const GError      *error)
{
  const char *name = steward_attachment_get_name (attachment);

  g_return_val_if_fail (STEWARD_IS_ATTACHMENT (attachment), NULL);
  g_return_val_if_fail (error != NULL, NULL);

  if (steward_attachment_get_kind (attachment) == STEWARD_ATTACHMENT_KIND_IMAGE)
    return text_part (g_strdup_printf ("[The attached image %s could not be read: %s]", name, error->message));

  return text_part (g_strdup_printf ("[The attached file %s could not be read: %s]", name, error->message));
}

StewardAttachmentPart *
_steward_attachment_part_new_transcript (StewardAttachment *attachment,
                                         const char        *transcript)
{
  const char *name = steward_attachment_get_name (attachment);

  g_return_val_if_fail (STEWARD_IS_ATTACHMENT (attachment), NULL);
  g_return_val_if_fail (transcript != NULL, NULL);

  if (transcript[0] == '\0')
    return text_part (g_strdup_printf ("Transcript of %s: (no speech was heard)", name));

  return text_part (g_strdup_printf ("Transcript of %s:\n%s", name, transcript));
}

guint
_steward_attachment_parts_edge (const char *kind)
{
  g_return_val_if_fail (kind != NULL, STEWARD_OPENAI_IMAGE_EDGE);

  if (g_str_equal (kind, "anthropic"))
    return STEWARD_ANTHROPIC_IMAGE_EDGE;
  if (g_str_equal (kind, "gemini"))
    return STEWARD_GEMINI_IMAGE_EDGE;
  if (g_str_equal (kind, "ollama"))
    return STEWARD_OLLAMA_IMAGE_EDGE;

  return STEWARD_OPENAI_IMAGE_EDGE;
}

GPtrArray *
_steward_attachment_parts_new (const StewardChatMessage *message,
                               guint                     max_edge)
{
  g_autoptr(GPtrArray) parts = NULL;

  g_return_val_if_fail (message != NULL, NULL);

  if (message->attachments == NULL || message->attachments->len == 0)
    return NULL;

  if (message->parts != NULL && message->parts_edge == max_edge &&
      message->parts->len == message->attachments->len)
    return g_ptr_array_ref (message->parts);

  parts = g_ptr_array_new_with_free_func (_steward_attachment_part_free);

  for (guint i = 0; i < message->attachments->len; i++)
    {
      StewardAttachment *attachment = g_ptr_array_index (message->attachments, i);
      g_autoptr(GError) error = NULL;
      StewardAttachmentPart *part;

      if (!(part = _steward_attachment_part_new (attachment, max_edge, NULL, &error)))
        part = _steward_attachment_part_new_unreadable (attachment, error);
      g_ptr_array_add (parts, part);
    }

  return g_steal_pointer (&parts);
}

/* steward-speaker.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-speaker"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "steward-enum-types.h"
#include "steward-speaker-private.h"

/* The way of speaking is chosen when the first text is read, not when
 * the speaker is made: opening speech-dispatcher may start its daemon,
 * which the app should not wait for at start-up. Each text gets a
 * serial number, so that the end of a text already stopped is not
 * taken for the end of the one read now. */

struct _StewardSpeaker
{
  GObject               parent_instance;

  /* Owned */
  GstElement           *audio_sink;
  StewardSpeechd       *speechd;
  StewardEspeak        *espeak;
  /* The text being read */
  GTask                *task;
  gulong                cancelled_id;

  StewardSpeechBackend  backend;
  guint                 serial;
  gboolean              resolved;
};

G_DEFINE_FINAL_TYPE (StewardSpeaker, steward_speaker, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_AUDIO_SINK,
  PROP_BACKEND,
  PROP_SPEAKING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

char *
_steward_speaker_dup_language (void)
{
  const char *const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      gsize len = strcspn (names[i], "_.@");

      if (len < 2 || len > 3 || g_str_equal (names[i], "C") || g_str_has_prefix (names[i], "C."))
        continue;
      if (g_str_has_prefix (names[i], "POSIX"))
        continue;

      return g_ascii_strdown (names[i], len);
    }

  return g_strdup ("en");
}

static void
disconnect_cancellable (StewardSpeaker *self)
{
  if (self->task != NULL && self->cancelled_id != 0)
    g_cancellable_disconnect (g_task_get_cancellable (self->task), self->cancelled_id);
  self->cancelled_id = 0;
}

/* Ends the text being read, if any, with @error (taken) or success */
static void
finish_task (StewardSpeaker *self,
             GError         *error)
{
  g_autoptr(GTask) task = NULL;

  disconnect_cancellable (self);
  task = g_steal_pointer (&self->task);

  if (task != NULL)
    {
      if (error != NULL)
        g_task_return_error (task, error);
      else
        g_task_return_boolean (task, TRUE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEAKING]);
    }
  else if (error != NULL)
    g_error_free (error);
}

void
_steward_speaker_done (StewardSpeaker *self,
                       guint           serial,
                       GError         *error)
{
  g_assert (STEWARD_IS_SPEAKER (self));

  if (serial != self->serial || self->task == NULL)
    {
      g_clear_error (&error);
      return;
    }

  finish_task (self, error);
}

static void
stop_backend (StewardSpeaker *self)
{
  if (self->speechd != NULL)
    _steward_speechd_stop (self->speechd);
  if (self->espeak != NULL)
    _steward_espeak_stop (self->espeak);
}

void
steward_speaker_stop (StewardSpeaker *self)
{
  g_return_if_fail (STEWARD_IS_SPEAKER (self));

  if (self->task == NULL)
    return;

  self->serial++;
  stop_backend (self);
  finish_task (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                          _("Reading aloud was stopped.")));
}

/* Picks the way of speaking, once: the asked one, or the first that
 * opens. What went wrong with each is not the user's concern: only that
 * nothing could speak. */
static void
resolve_backend (StewardSpeaker *self)
{
  StewardSpeechBackend wanted = self->backend;

  if (self->resolved)
    return;
  self->resolved = TRUE;

  if (wanted == STEWARD_SPEECH_BACKEND_AUTO || wanted == STEWARD_SPEECH_BACKEND_SPEECH_DISPATCHER)
    {
      g_autoptr(GError) error = NULL;

      if ((self->speechd = _steward_speechd_new (&error)))
        {
          self->backend = STEWARD_SPEECH_BACKEND_SPEECH_DISPATCHER;
          goto done;
        }
      g_debug ("No speech-dispatcher: %s", error->message);
    }

  if (wanted == STEWARD_SPEECH_BACKEND_AUTO || wanted == STEWARD_SPEECH_BACKEND_ESPEAK)
    {
      g_autoptr(GError) error = NULL;

      if ((self->espeak = _steward_espeak_new (self->audio_sink, &error)))
        {
          self->backend = STEWARD_SPEECH_BACKEND_ESPEAK;
          goto done;
        }
      g_debug ("No espeak-ng: %s", error->message);
    }

  self->backend = STEWARD_SPEECH_BACKEND_NONE;

done:
  if (self->backend != wanted)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BACKEND]);
}

typedef struct
{
  StewardSpeaker *speaker;
  guint           serial;
} StopRequest;

static void
stop_request_free (gpointer data)
{
  StopRequest *request = data;

  g_object_unref (request->speaker);
  g_free (request);
}

static gboolean
stop_request_cb (gpointer data)
{
  StopRequest *request = data;

  /* Unless another text is being read by now */
  if (request->serial == request->speaker->serial)
    steward_speaker_stop (request->speaker);

  return G_SOURCE_REMOVE;
}

static void
cancelled_cb (GCancellable   *cancellable,
              StewardSpeaker *self)
{
  StopRequest *request = g_new0 (StopRequest, 1);

  /* Called in whichever thread cancelled, inside the cancellable's
   * signal (which must not be disconnected from there): stop later, in
   * the main context. */
  request->speaker = g_object_ref (self);
  request->serial = self->serial;
  g_idle_add_full (G_PRIORITY_DEFAULT, stop_request_cb, request, stop_request_free);
}

void
steward_speaker_speak_async (StewardSpeaker      *self,
                             const char          *text,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  gboolean started = FALSE;

  g_return_if_fail (STEWARD_IS_SPEAKER (self));
  g_return_if_fail (text != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_speaker_speak_async);

  steward_speaker_stop (self);

  if (g_task_return_error_if_cancelled (task))
    return;

  resolve_backend (self);
  self->serial++;

  switch (self->backend)
    {
    case STEWARD_SPEECH_BACKEND_SPEECH_DISPATCHER:
      started = _steward_speechd_start (self->speechd, self, self->serial, text, &error);
      break;

    case STEWARD_SPEECH_BACKEND_ESPEAK:
      started = _steward_espeak_start (self->espeak, self, self->serial, text, &error);
      break;

    case STEWARD_SPEECH_BACKEND_AUTO:
    case STEWARD_SPEECH_BACKEND_NONE:
    default:
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Text cannot be read aloud: neither speech-dispatcher nor espeak-ng is available."));
      break;
    }

  if (!started)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  self->task = g_steal_pointer (&task);
  if (cancellable != NULL)
    self->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (cancelled_cb), self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEAKING]);
}

gboolean
steward_speaker_speak_finish (StewardSpeaker  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (STEWARD_IS_SPEAKER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
steward_speaker_get_speaking (StewardSpeaker *self)
{
  g_return_val_if_fail (STEWARD_IS_SPEAKER (self), FALSE);

  return self->task != NULL;
}

StewardSpeechBackend
steward_speaker_get_backend (StewardSpeaker *self)
{
  g_return_val_if_fail (STEWARD_IS_SPEAKER (self), STEWARD_SPEECH_BACKEND_NONE);

  return self->backend;
}

StewardSpeaker *
steward_speaker_new (StewardSpeechBackend  backend,
                     GstElement           *audio_sink)
{
  g_return_val_if_fail (audio_sink == NULL || GST_IS_ELEMENT (audio_sink), NULL);

  return g_object_new (STEWARD_TYPE_SPEAKER,
                       "backend", backend,
                       "audio-sink", audio_sink,
                       NULL);
}

static void
steward_speaker_dispose (GObject *object)
{
  StewardSpeaker *self = (StewardSpeaker *)object;

  /* A pending text holds a reference on the speaker through its task, so
   * there is none here; the ways of speaking stop with their end. */
  g_clear_pointer (&self->speechd, _steward_speechd_free);
  g_clear_pointer (&self->espeak, _steward_espeak_free);
  g_clear_object (&self->audio_sink);

  G_OBJECT_CLASS (steward_speaker_parent_class)->dispose (object);
}

static void
steward_speaker_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  StewardSpeaker *self = STEWARD_SPEAKER (object);

  switch (prop_id)
    {
    case PROP_AUDIO_SINK:
      g_value_set_object (value, self->audio_sink);
      break;

    case PROP_BACKEND:
      g_value_set_enum (value, self->backend);
      break;

    case PROP_SPEAKING:
      g_value_set_boolean (value, steward_speaker_get_speaking (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_speaker_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  StewardSpeaker *self = STEWARD_SPEAKER (object);

  switch (prop_id)
    {
    case PROP_AUDIO_SINK:
      self->audio_sink = g_value_get_object (value);
      if (self->audio_sink != NULL)
        gst_object_ref_sink (self->audio_sink);
      break;

    case PROP_BACKEND:
      self->backend = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_speaker_class_init (StewardSpeakerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steward_speaker_dispose;
  object_class->get_property = steward_speaker_get_property;
  object_class->set_property = steward_speaker_set_property;

  properties[PROP_AUDIO_SINK] =
    g_param_spec_object ("audio-sink", NULL, NULL,
                         GST_TYPE_ELEMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BACKEND] =
    g_param_spec_enum ("backend", NULL, NULL,
                       STEWARD_TYPE_SPEECH_BACKEND,
                       STEWARD_SPEECH_BACKEND_AUTO,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SPEAKING] =
    g_param_spec_boolean ("speaking", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_speaker_init (StewardSpeaker *self)
{
}

/* steward-transcriber.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-transcriber"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "steward-audio-file.h"
#include "steward-redact.h"
#include "steward-secrets.h"
#include "steward-transcriber.h"
#include "steward-transcriber-sphinx.h"

/* Speech to text through an OpenAI-compatible endpoint (OpenAI, Groq, a
 * local speaches or whisper.cpp server): the file goes up as multipart
 * form data to {base_url}/audio/transcriptions of the provider named by
 * the voice.provider setting, with its own key, and a JSON transcript
 * comes back. voice.provider "offline" transcribes on this computer
 * instead (steward-transcriber-sphinx.c). The settings are read again for each transcription, so
 * what `steward-cli settings set` changed while the app runs is used. */

#define TRANSCRIPTIONS_PATH "/audio/transcriptions"
#define DEFAULT_MODEL       "whisper-1"

struct _StewardTranscriber
{
  GObject          parent_instance;

  /* Owned */
  StewardServices *services;
};

G_DEFINE_FINAL_TYPE (StewardTranscriber, steward_transcriber, G_TYPE_OBJECT)

G_DEFINE_QUARK (steward-transcriber-error-quark, steward_transcriber_error)

typedef struct
{
  StewardProvider  *provider;
  SoupSession      *session;
  char             *model;
  char             *language;
  char             *api_key;
  StewardAudioFile *audio;
  SoupMessage      *message;
  /* The request's own, cancelled with the task's or when the server has
   * not answered in timeout_seconds (chat.response-timeout) */
  GCancellable     *task_cancellable;
  GCancellable     *request_cancellable;
  gulong            cancelled_id;
  guint             timeout_seconds;
  guint             timeout_source;
  gboolean          timed_out;
} TranscribeData;

static void
transcribe_data_free (gpointer data)
{
  TranscribeData *td = data;

  g_clear_handle_id (&td->timeout_source, g_source_remove);
  if (td->cancelled_id != 0)
    g_cancellable_disconnect (td->task_cancellable, td->cancelled_id);
  g_clear_object (&td->task_cancellable);
  g_clear_object (&td->request_cancellable);
  g_clear_object (&td->provider);
  g_clear_object (&td->session);
  g_free (td->model);
  g_free (td->language);
  if (td->api_key != NULL)
    memset (td->api_key, 0, strlen (td->api_key));
  g_free (td->api_key);
  g_clear_pointer (&td->audio, steward_audio_file_free);
  g_clear_object (&td->message);
  g_free (td);
}

void
steward_transcript_free (StewardTranscript *self)
{
  if (self == NULL)
    return;

  g_free (self->text);
  g_free (self->language);
  g_free (self);
}

/* Ends @task with @error, which says nothing of the key. */
static void
return_error (GTask  *task,
              GError *error)
{
  TranscribeData *td = g_task_get_task_data (task);

  steward_redact_error (error, td->api_key);
  g_task_return_error (task, error);
}

static GError *
bad_response (TranscribeData *td)
{
  return g_error_new (STEWARD_TRANSCRIBER_ERROR, STEWARD_TRANSCRIBER_ERROR_BAD_RESPONSE,
                      _("%s did not send a transcript back; check that its address serves "
                        "speech to text."),
                      steward_provider_get_name (td->provider));
}

/* {"text", "language", "duration"} (verbose_json), or just {"text"} */
static StewardTranscript *
parse_transcript (TranscribeData  *td,
                  GBytes          *body,
                  GError         **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(StewardTranscript) transcript = NULL;
  const char *data;
  JsonObject *object;
  JsonNode *node;
  gsize len;

  data = g_bytes_get_data (body, &len);
  if (len == 0 || !json_parser_load_from_data (parser, data, len, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_propagate_error (error, bad_response (td));
      return NULL;
    }

  object = json_node_get_object (json_parser_get_root (parser));
  node = json_object_get_member (object, "text");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_propagate_error (error, bad_response (td));
      return NULL;
    }

  transcript = g_new0 (StewardTranscript, 1);
  /* Whisper starts its text with a space */
  transcript->text = g_strstrip (g_strdup (json_node_get_string (node)));
  transcript->duration = -1;

  node = json_object_get_member (object, "language");
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
      json_node_get_string (node)[0] != '\0')
    transcript->language = g_strdup (json_node_get_string (node));

  node = json_object_get_member (object, "duration");
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      (json_node_get_value_type (node) == G_TYPE_DOUBLE || json_node_get_value_type (node) == G_TYPE_INT64))
    transcript->duration = json_node_get_double (node);

  return g_steal_pointer (&transcript);
}

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TranscribeData *td = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  StewardTranscript *transcript;
  guint status;

  g_clear_handle_id (&td->timeout_source, g_source_remove);

  if (!(body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error)))
    {
      if (td->timed_out)
        return_error (task, g_error_new (STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_TIMED_OUT,
                                         _("%s at %s sent no transcript for %u seconds, so it was stopped; "
                                           "a slow server may need a longer chat.response-timeout."),
                                         steward_provider_get_name (td->provider),
                                         steward_provider_get_base_url (td->provider),
                                         td->timeout_seconds));
      else
        return_error (task, steward_provider_error_for_transport (td->provider, error));
      return;
    }

  status = soup_message_get_status (td->message);
  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      return_error (task, steward_provider_error_for_status (td->provider, status, td->model, body));
      return;
    }

  if (!(transcript = parse_transcript (td, body, &error)))
    {
      return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, transcript, (GDestroyNotify)steward_transcript_free);
}

static gboolean
timeout_cb (gpointer user_data)
{
  TranscribeData *td = user_data;

  td->timeout_source = 0;
  td->timed_out = TRUE;
  g_cancellable_cancel (td->request_cancellable);

  return G_SOURCE_REMOVE;
}

static void
task_cancelled_cb (GCancellable *task_cancellable,
                   GCancellable *request_cancellable)
{
  g_cancellable_cancel (request_cancellable);
}

static SoupMessage *
build_message (TranscribeData *td)
{
  g_autoptr(SoupMultipart) multipart = soup_multipart_new (SOUP_FORM_MIME_TYPE_MULTIPART);
  g_autofree char *url = steward_provider_dup_url (td->provider, TRANSCRIPTIONS_PATH);
  SoupMessage *message;
  SoupMessageHeaders *headers;

  soup_multipart_append_form_file (multipart, "file", td->audio->upload_name,
                                   td->audio->content_type, td->audio->bytes);
  soup_multipart_append_form_string (multipart, "model", td->model);
  if (td->language != NULL)
    soup_multipart_append_form_string (multipart, "language", td->language);
  soup_multipart_append_form_string (multipart, "response_format", "verbose_json");

  if (!(message = soup_message_new_from_multipart (url, multipart)))
    return NULL;

  /* As the chat requests: a redirect is not followed blindly */
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
  headers = soup_message_get_request_headers (message);
  soup_message_headers_replace (headers, "Accept", "application/json");
  STEWARD_PROVIDER_GET_CLASS (td->provider)->add_headers (td->provider, headers,
                                                          (td->api_key && td->api_key[0]) ? td->api_key : NULL);

  return message;
}

static void
key_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TranscribeData *td = g_task_get_task_data (task);
  GError *error = NULL;

  td->api_key = steward_secrets_lookup_api_key_finish (result, &error);
  if (error != NULL)
    {
      return_error (task, error);
      return;
    }

  if (!(td->message = build_message (td)))
    {
      return_error (task, g_error_new (STEWARD_TRANSCRIBER_ERROR, STEWARD_TRANSCRIBER_ERROR_NO_PROVIDER,
                                       _("The address of %s, “%s”, is not a valid URL."),
                                       steward_provider_get_name (td->provider),
                                       steward_provider_get_base_url (td->provider)));
      return;
    }

  g_debug ("Sending %s (%s, %" G_GSIZE_FORMAT " bytes) to %s",
           td->audio->upload_name, td->audio->content_type, g_bytes_get_size (td->audio->bytes),
           steward_provider_get_name (td->provider));

  td->request_cancellable = g_cancellable_new ();
  if ((td->task_cancellable = g_task_get_cancellable (task)))
    {
      g_object_ref (td->task_cancellable);
      td->cancelled_id = g_cancellable_connect (td->task_cancellable, G_CALLBACK (task_cancelled_cb),
                                                g_object_ref (td->request_cancellable), g_object_unref);
    }
  if (td->timeout_seconds > 0)
    td->timeout_source = g_timeout_add_seconds (td->timeout_seconds, timeout_cb, td);

  soup_session_send_and_read_async (td->session, td->message, G_PRIORITY_DEFAULT,
                                    td->request_cancellable, sent_cb, g_object_ref (task));
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TranscribeData *td = g_task_get_task_data (task);
  GError *error = NULL;

  if (!(td->audio = steward_audio_file_load_finish (result, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  steward_secrets_lookup_api_key_async (steward_provider_get_name (td->provider),
                                        steward_provider_get_api_key_env (td->provider),
                                        g_task_get_cancellable (task), key_cb, g_object_ref (task));
}

static char *
dup_setting (StewardSettings *settings,
             const char      *key)
{
  char *value = g_strstrip (g_strdup (steward_settings_get_string (settings, key)));

  if (value[0] == '\0')
    g_clear_pointer (&value, g_free);

  return value;
}

/* The provider voice.provider names, or NULL with a sentence that says
 * how to choose one. */
static StewardProvider *
find_provider (StewardTranscriber  *self,
               GError             **error)
{
  StewardSettings *settings = steward_services_get_settings (self->services);
  g_autofree char *name = dup_setting (settings, "voice.provider");
  g_autoptr(GError) local_error = NULL;
  StewardProvider *provider;

  if (name == NULL)
    {
      if (steward_transcriber_sphinx_is_built_in ())
        g_set_error (error, STEWARD_TRANSCRIBER_ERROR, STEWARD_TRANSCRIBER_ERROR_NO_PROVIDER,
                     _("No provider is chosen for speech to text; choose one, or Offline, in Preferences → "
                       "Voice, or use “steward-cli settings set voice.provider NAME” (“offline” for "
                       "PocketSphinx)."));
      else
        g_set_error (error, STEWARD_TRANSCRIBER_ERROR, STEWARD_TRANSCRIBER_ERROR_NO_PROVIDER,
                     _("No provider is chosen for speech to text; choose one in Preferences → Voice "
                       "or with “steward-cli settings set voice.provider NAME”."));
      return NULL;
    }

  provider = steward_provider_registry_find (steward_services_get_providers (self->services), name, &local_error);
  if (provider == NULL)
    {
      if (g_error_matches (local_error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND))
        g_set_error (error, STEWARD_TRANSCRIBER_ERROR, STEWARD_TRANSCRIBER_ERROR_NO_PROVIDER,
                     _("The provider “%s” chosen for speech to text does not exist; add it with "
                       "“steward-cli provider add” or choose another in Preferences → Voice."),
                     name);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* Anthropic, Gemini and Ollama's own API have no speech to text */
  if (!g_str_equal (steward_provider_get_kind (provider), "openai"))
    {
      g_set_error (error, STEWARD_TRANSCRIBER_ERROR, STEWARD_TRANSCRIBER_ERROR_NO_PROVIDER,
                   _("The provider “%s” chosen for speech to text is not OpenAI-compatible; choose one "
                     "added with “--kind openai”, such as OpenAI, Groq or a local whisper server."),
                   name);
      g_clear_object (&provider);
    }

  return provider;
}

/**
 * steward_transcriber_transcribe_async:
 * @file: an audio file: Ogg (Opus, Vorbis), WAV, MP3, FLAC, M4A or WebM,
 *   at most 25 MB and 30 minutes
 *
 * Turns the speech in @file into text with the provider and model of
 * the voice.provider, voice.model and voice.language settings; when
 * voice.provider is "offline", with PocketSphinx on this computer
 * (English only, any length, any format GStreamer reads).
 */
void
steward_transcriber_transcribe_async (StewardTranscriber  *self,
                                      GFile               *file,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  StewardSettings *settings;
  TranscribeData *td;

  g_return_if_fail (STEWARD_IS_TRANSCRIBER (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_transcriber_transcribe_async);

  settings = steward_services_get_settings (self->services);
  if (!steward_settings_reload (settings, &error))
    g_debug ("Using the settings read before: %s", error->message);

  /* Whatever providers exist: "offline" is not a provider's name */
  if (g_strcmp0 (steward_settings_get_string (settings, "voice.provider"), STEWARD_TRANSCRIBER_OFFLINE) == 0)
    {
      g_autofree char *language = dup_setting (settings, "voice.language");

      _steward_transcriber_sphinx_transcribe (task, file, language);
      return;
    }

  td = g_new0 (TranscribeData, 1);
  g_task_set_task_data (task, td, transcribe_data_free);

  if (!(td->provider = find_provider (self, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  td->session = g_object_ref (steward_services_get_session (self->services));
  if (!(td->model = dup_setting (settings, "voice.model")))
    td->model = g_strdup (DEFAULT_MODEL);
  td->language = dup_setting (settings, "voice.language");
  td->timeout_seconds = (guint)CLAMP (steward_settings_get_int (settings, "chat.response-timeout"), 0, G_MAXUINT);

  steward_audio_file_load_async (file, cancellable, loaded_cb, g_steal_pointer (&task));
}

/**
 * steward_transcriber_transcribe_finish:
 *
 * Returns: (transfer full): the transcript, or %NULL with @error set to
 *   one sentence
 */
StewardTranscript *
steward_transcriber_transcribe_finish (StewardTranscriber  *self,
                                       GAsyncResult        *result,
                                       GError             **error)
{
  g_return_val_if_fail (STEWARD_IS_TRANSCRIBER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
steward_transcriber_dispose (GObject *object)
{
  StewardTranscriber *self = (StewardTranscriber *)object;

  g_clear_object (&self->services);

  G_OBJECT_CLASS (steward_transcriber_parent_class)->dispose (object);
}

static void
steward_transcriber_class_init (StewardTranscriberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steward_transcriber_dispose;
}

static void
steward_transcriber_init (StewardTranscriber *self)
{
}

/**
 * steward_transcriber_new:
 * @services: open services: the settings, providers and HTTP session
 */
StewardTranscriber *
steward_transcriber_new (StewardServices *services)
{
  StewardTranscriber *self;

  g_return_val_if_fail (STEWARD_IS_SERVICES (services), NULL);

  self = g_object_new (STEWARD_TYPE_TRANSCRIBER, NULL);
  self->services = g_object_ref (services);

  return self;
}

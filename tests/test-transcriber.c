/* test-transcriber.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Push to talk end to end, headless: the recorder (audiotestsrc for the
 * microphone) writes Ogg Opus, the transcriber uploads it to
 * tests/replay-server speaking OpenAI's /audio/transcriptions, with the
 * key from the environment or from a throwaway keyring. */

#include "config.h"

#include <glib/gstdio.h>

#include "keyring-session.h"
#include "replay-fixture.h"
#include "steward-recorder.h"
#include "steward-transcriber.h"

#define REPLAYED "Remind me to call Sam tomorrow at five. Grüße 👋"
#define RAW      " ! audio/x-raw,rate=48000,channels=1 ! c. "
#define SPEECH   "concat name=c " \
                 "audiotestsrc wave=silence samplesperbuffer=480 num-buffers=50" RAW \
                 "audiotestsrc wave=sine samplesperbuffer=480 num-buffers=100" RAW \
                 "audiotestsrc wave=silence samplesperbuffer=480 num-buffers=50" RAW

typedef struct
{
  char              *data_dir;
  ReplayFixture      replay;
  GMainLoop         *loop;
  GFile             *file;
  StewardTranscript *transcript;
  GError            *error;
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)))
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        remove_tree (child);
      }

  g_remove (path);
}

static void
set_setting (Fixture    *fixture,
             const char *key,
             const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (steward_settings_set_value (steward_services_get_settings (fixture->replay.services),
                                             key, value, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->data_dir = g_dir_make_tmp ("steward-test-transcriber-XXXXXX", &error);
  g_assert_no_error (error);
  replay_fixture_set_up (&fixture->replay, fixture->data_dir, "openai");
  fixture->loop = g_main_loop_new (NULL, FALSE);
  set_setting (fixture, "voice.provider", "Replay");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->file != NULL)
    g_file_delete (fixture->file, NULL, NULL);
  g_clear_object (&fixture->file);
  g_clear_pointer (&fixture->transcript, steward_transcript_free);
  g_clear_error (&fixture->error);
  g_clear_pointer (&fixture->loop, g_main_loop_unref);
  replay_fixture_tear_down (&fixture->replay);
  remove_tree (fixture->data_dir);
  g_clear_pointer (&fixture->data_dir, g_free);
}

static void
source_ended_cb (StewardRecorder *recorder,
                 GParamSpec      *pspec,
                 Fixture         *fixture)
{
  g_main_loop_quit (fixture->loop);
}

static void
stopped_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Fixture *fixture = user_data;

  fixture->file = steward_recorder_stop_finish (STEWARD_RECORDER (object), result, &fixture->error);
  g_main_loop_quit (fixture->loop);
}

/* One second of tone between two of silence, recorded and trimmed */
static void
record (Fixture *fixture)
{
  g_autoptr(StewardRecorder) recorder = steward_recorder_new (SPEECH);
  g_autoptr(GError) error = NULL;

  g_signal_connect (recorder, "notify::source-ended", G_CALLBACK (source_ended_cb), fixture);
  g_assert_true (steward_recorder_start (recorder, &error));
  g_assert_no_error (error);
  g_main_loop_run (fixture->loop);

  steward_recorder_stop_async (recorder, NULL, stopped_cb, fixture);
  g_main_loop_run (fixture->loop);
  g_assert_no_error (fixture->error);
  g_assert_nonnull (fixture->file);
}

static void
transcribed_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Fixture *fixture = user_data;

  fixture->transcript = steward_transcriber_transcribe_finish (STEWARD_TRANSCRIBER (object), result,
                                                               &fixture->error);
  g_main_loop_quit (fixture->loop);
}

static void
transcribe (Fixture      *fixture,
            GCancellable *cancellable)
{
  g_autoptr(StewardTranscriber) transcriber = steward_transcriber_new (fixture->replay.services);

  steward_transcriber_transcribe_async (transcriber, fixture->file, cancellable, transcribed_cb, fixture);
  g_main_loop_run (fixture->loop);
}

/* The upload as the server logged it; checks the file came intact. */
static JsonObject *
check_upload (Fixture    *fixture,
              JsonNode   *request,
              const char *authorization)
{
  g_autofree char *contents = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *basename = g_file_get_basename (fixture->file);
  JsonObject *object = json_node_get_object (request);
  JsonObject *headers = json_object_get_object_member (object, "headers");
  JsonObject *body = json_object_get_object_member (object, "body");
  JsonObject *sent;
  gsize len;

  g_assert_cmpstr (json_object_get_string_member (object, "path"), ==, "/v1/audio/transcriptions");
  g_assert_cmpstr (json_object_get_string_member (headers, "authorization"), ==, authorization);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (headers, "content-type"),
                                   "multipart/form-data"));

  g_assert_true (g_file_load_contents (fixture->file, NULL, &contents, &len, NULL, NULL));
  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, len);

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (body, "files")), ==, 1);
  sent = json_array_get_object_element (json_object_get_array_member (body, "files"), 0);
  g_assert_cmpstr (json_object_get_string_member (sent, "name"), ==, "file");
  g_assert_cmpstr (json_object_get_string_member (sent, "filename"), ==, basename);
  g_assert_cmpstr (json_object_get_string_member (sent, "content_type"), ==, "audio/ogg");
  g_assert_cmpint (json_object_get_int_member (sent, "size"), ==, (gint64)len);
  g_assert_cmpstr (json_object_get_string_member (sent, "sha256"), ==, sha256);

  return json_object_get_object_member (body, "fields");
}

static void
test_record_and_transcribe (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(JsonNode) request = NULL;
  JsonObject *fields;

  record (fixture);
  set_setting (fixture, "voice.language", "en");
  transcribe (fixture, NULL);

  g_assert_no_error (fixture->error);
  g_assert_cmpstr (fixture->transcript->text, ==, REPLAYED);
  g_assert_cmpstr (fixture->transcript->language, ==, "english");
  g_assert_cmpfloat_with_epsilon (fixture->transcript->duration, 2.56, 0.001);

  g_assert_cmpuint (replay_fixture_n_requests (&fixture->replay), ==, 1);
  request = replay_fixture_request (&fixture->replay, 0);
  fields = check_upload (fixture, request, "Bearer sk-replay-test-key");
  g_assert_cmpstr (json_object_get_string_member (fields, "model"), ==, "whisper-1");
  g_assert_cmpstr (json_object_get_string_member (fields, "language"), ==, "en");
  g_assert_cmpstr (json_object_get_string_member (fields, "response_format"), ==, "verbose_json");
}

/* A provider added with its key: the key comes from the keyring. */
static void
test_key_from_keyring (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(StewardProvider) provider = NULL;
  g_autoptr(JsonNode) request = NULL;
  g_autoptr(GError) error = NULL;

  if (!keyring_session_require ())
    return;

  provider = steward_provider_new ("openai", "Whisper", &error);
  g_assert_no_error (error);
  steward_provider_set_base_url (provider, fixture->replay.base_url);
  g_assert_true (steward_provider_registry_add (steward_services_get_providers (fixture->replay.services),
                                               provider, "sk-voice-from-keyring", &error));
  g_assert_no_error (error);
  set_setting (fixture, "voice.provider", "Whisper");
  set_setting (fixture, "voice.model", "transcribe-plain");

  record (fixture);
  transcribe (fixture, NULL);
  g_assert_no_error (fixture->error);
  g_assert_cmpstr (fixture->transcript->text, ==, "Hello from a plain transcript.");
  g_assert_null (fixture->transcript->language);
  g_assert_cmpfloat (fixture->transcript->duration, <, 0);

  request = replay_fixture_request (&fixture->replay, 0);
  check_upload (fixture, request, "Bearer sk-voice-from-keyring");

  g_assert_true (steward_provider_registry_remove (steward_services_get_providers (fixture->replay.services),
                                                  "Whisper", NULL, &error));
  g_assert_no_error (error);
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  record (fixture);
  g_cancellable_cancel (cancellable);
  transcribe (fixture, cancellable);

  g_assert_error (fixture->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (fixture->transcript);
  g_assert_cmpuint (replay_fixture_n_requests (&fixture->replay), ==, 0);
}

/* The error sentence names the provider and never carries the key. */
static void
test_server_error (Fixture       *fixture,
                   gconstpointer  user_data)
{
  record (fixture);
  set_setting (fixture, "voice.model", "transcribe-error");
  transcribe (fixture, NULL);

  g_assert_error (fixture->error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_SERVER);
  g_assert_cmpstr (fixture->error->message, ==,
                   "Replay had a server error (The transcription backend crashed); try again later.");
}

static void
test_no_provider (Fixture       *fixture,
                  gconstpointer  user_data)
{
  fixture->file = g_file_new_for_path ("/nonexistent/never-read.ogg");

  set_setting (fixture, "voice.provider", "");
  transcribe (fixture, NULL);
  g_assert_error (fixture->error, STEWARD_TRANSCRIBER_ERROR, STEWARD_TRANSCRIBER_ERROR_NO_PROVIDER);
  g_clear_error (&fixture->error);

  set_setting (fixture, "voice.provider", "Nobody");
  transcribe (fixture, NULL);
  g_assert_error (fixture->error, STEWARD_TRANSCRIBER_ERROR, STEWARD_TRANSCRIBER_ERROR_NO_PROVIDER);
  g_assert_nonnull (strstr (fixture->error->message, "“Nobody”"));

  g_clear_object (&fixture->file);
  g_assert_cmpuint (replay_fixture_n_requests (&fixture->replay), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  keyring_session_enter (argc, argv);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/steward/transcriber/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("record-and-transcribe", test_record_and_transcribe);
  ADD ("key-from-keyring", test_key_from_keyring);
  ADD ("cancelled", test_cancelled);
  ADD ("server-error", test_server_error);
  ADD ("no-provider", test_no_provider);

#undef ADD

  return g_test_run ();
}

/* test-chat-prepare.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "replay-fixture.h"
#include "steward-attachment-parts.h"
#include "store-fixture.h"

/* A chat turn makes its files ready before the request is written, off
 * the main loop: an audio file is transcribed (tests/replay-server
 * speaking OpenAI's /audio/transcriptions) once, its transcript kept
 * beside the copy and sent with the message; without a voice provider
 * the turn fails in one sentence naming the file and stores nothing; a
 * large photo is decoded and scaled in a worker while the main loop
 * goes on. */

/* The model whose answer is tests/fixtures/openai/text_stream.* */
#define MODEL    "text_stream"
/* tests/fixtures/openai/whisper-1.json, as the transcriber reads it */
#define REPLAYED "Remind me to call Sam tomorrow at five. Grüße 👋"

typedef struct
{
  StoreFixture  base;
  ReplayFixture replay;
} Fixture;

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Done;

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
  store_fixture_set_up (&fixture->base, NULL);
  replay_fixture_set_up (&fixture->replay, fixture->base.data_dir, "openai");
  replay_fixture_set_tier (&fixture->replay, "medium", MODEL);
  set_setting (fixture, "voice.provider", "Replay");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  replay_fixture_tear_down (&fixture->replay);
  store_fixture_tear_down (&fixture->base, NULL);
}

static StewardStore *
store_of (Fixture *fixture)
{
  return steward_services_get_store (fixture->replay.services);
}

static StewardAttachment *
attach_file (Fixture    *fixture,
             const char *path)
{
  g_autoptr(GFile) directory = steward_store_dup_attachments_dir (store_of (fixture));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = store_fixture_read_file (path);
  g_autofree char *name = g_path_get_basename (path);
  StewardAttachment *attachment;

  attachment = steward_attachment_import_bytes (bytes, name, directory, NULL, &error);
  g_assert_no_error (error);

  return attachment;
}

/* A second of a 440 Hz tone, 16 kHz mono WAV, made by GStreamer */
static StewardAttachment *
attach_memo (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->base.data_dir, "memo.wav", NULL);
  g_autofree char *location = g_strconcat ("location=", path, NULL);
  const char *argv[] = { "gst-launch-1.0", "-q", "audiotestsrc", "wave=sine", "samplesperbuffer=1600",
                         "num-buffers=10", "!", "audio/x-raw,rate=16000,channels=1", "!", "wavenc", "!",
                         "filesink", location, NULL };
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return attach_file (fixture, path);
}

static void
run_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  Done *done = user_data;

  done->ok = steward_chat_turn_run_finish (STEWARD_CHAT_TURN (object), result, &done->error);
  done->done = TRUE;
}

static gboolean
run_turn (StewardChatTurn  *turn,
          GError          **error)
{
  Done done = { 0 };

  steward_chat_turn_run_async (turn, NULL, run_cb, &done);
  while (!done.done)
    g_main_context_iteration (NULL, TRUE);
  if (done.error != NULL)
    g_propagate_error (error, done.error);

  return done.ok;
}

static char *
kept_transcript (StewardAttachment *attachment)
{
  g_autofree char *path = g_file_get_path (steward_attachment_get_file (attachment));
  g_autofree char *kept = g_strconcat (path, ".txt", NULL);
  char *contents = NULL;

  if (!g_file_get_contents (kept, &contents, NULL, NULL))
    return NULL;

  return contents;
}

static const char *
request_path (Fixture *fixture,
              int      index)
{
  g_autoptr(JsonNode) request = replay_fixture_request (&fixture->replay, index);
  static char path[256];

  g_strlcpy (path, json_object_get_string_member (json_node_get_object (request), "path"), sizeof path);

  return path;
}

static guint
count_conversations (Fixture *fixture)
{
  g_autoptr(GListModel) conversations = NULL;
  g_autoptr(GError) error = NULL;

  conversations = steward_store_list_conversations (store_of (fixture), &error);
  g_assert_no_error (error);

  return g_list_model_get_n_items (conversations);
}

/* The memo is transcribed before the request, the transcript goes with
 * the message under the file's name, and it is kept: the next message of
 * the conversation, and a new conversation with the same recording,
 * send it without transcribing again. */
static void
test_audio_transcribed_once (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(StewardAttachment) memo = attach_memo (fixture);
  g_autoptr(StewardAttachment) again = NULL;
  g_autoptr(StewardChatTurn) first = NULL;
  g_autoptr(StewardChatTurn) second = NULL;
  g_autoptr(StewardChatTurn) third = NULL;
  g_autoptr(StewardMessage) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sent = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *memo_path = NULL;

  g_assert_null (kept_transcript (memo));

  first = steward_chat_turn_new (fixture->replay.services, "What does my memo say?");
  steward_chat_turn_add_attachment (first, memo);
  g_assert_true (run_turn (first, &error));
  g_assert_no_error (error);

  /* The upload, then the chat with the transcript */
  g_assert_cmpuint (replay_fixture_n_requests (&fixture->replay), ==, 2);
  g_assert_cmpstr (request_path (fixture, 0), ==, "/v1/audio/transcriptions");
  g_assert_cmpstr (request_path (fixture, 1), ==, "/v1/chat/completions");
  sent = replay_fixture_request_text (&fixture->replay, 1);
  g_assert_nonnull (strstr (sent, "What does my memo say?"));
  g_assert_nonnull (strstr (sent, "Transcript of memo.wav:\n" REPLAYED));
  g_assert_null (strstr (sent, "has not been transcribed"));

  kept = kept_transcript (memo);
  g_assert_cmpstr (kept, ==, REPLAYED);

  stored = steward_store_find_message (store_of (fixture), steward_chat_turn_get_user_message_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steward_message_get_n_attachments (stored), ==, 1);
  g_assert_cmpint (steward_chat_turn_get_status (first), ==, STEWARD_MESSAGE_STATUS_COMPLETE);

  /* The memo is in the history of the next message: sent again from
   * what was kept */
  second = steward_chat_turn_new (fixture->replay.services, "And when?");
  steward_chat_turn_set_conversation_id (second, steward_chat_turn_get_conversation_id (first));
  g_assert_true (run_turn (second, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (replay_fixture_n_requests (&fixture->replay), ==, 3);
  g_assert_cmpstr (request_path (fixture, 2), ==, "/v1/chat/completions");
  g_clear_pointer (&sent, g_free);
  sent = replay_fixture_request_text (&fixture->replay, 2);
  g_assert_nonnull (strstr (sent, "Transcript of memo.wav:\n" REPLAYED));

  /* The same recording attached again, as a new file object: the
   * transcript kept beside the copy is found (as after a restart) */
  memo_path = g_build_filename (fixture->base.data_dir, "memo.wav", NULL);
  again = attach_file (fixture, memo_path);
  third = steward_chat_turn_new (fixture->replay.services, "Once more?");
  steward_chat_turn_add_attachment (third, again);
  g_assert_true (run_turn (third, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (replay_fixture_n_requests (&fixture->replay), ==, 4);
  g_assert_cmpstr (request_path (fixture, 3), ==, "/v1/chat/completions");
  g_clear_pointer (&sent, g_free);
  sent = replay_fixture_request_text (&fixture->replay, 3);
  g_assert_nonnull (strstr (sent, "Transcript of memo.wav:\n" REPLAYED));
}

/* The same recording attached twice to one message: uploaded once, its
 * transcript sent for both */
static void
test_same_recording_twice (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(StewardAttachment) memo = attach_memo (fixture);
  g_autoptr(StewardChatTurn) turn = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sent = NULL;
  const char *second;

  turn = steward_chat_turn_new (fixture->replay.services, "Twice?");
  steward_chat_turn_add_attachment (turn, memo);
  steward_chat_turn_add_attachment (turn, memo);
  g_assert_true (run_turn (turn, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (replay_fixture_n_requests (&fixture->replay), ==, 2);
  g_assert_cmpstr (request_path (fixture, 0), ==, "/v1/audio/transcriptions");
  sent = replay_fixture_request_text (&fixture->replay, 1);
  second = strstr (sent, "Transcript of memo.wav:\n" REPLAYED);
  g_assert_nonnull (second);
  g_assert_nonnull (strstr (second + 1, "Transcript of memo.wav:\n" REPLAYED));
}

/* No provider for speech to text: one sentence naming the file; nothing
 * stored, nothing sent, so the caller keeps the text */
static void
test_no_voice_provider (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(StewardAttachment) memo = attach_memo (fixture);
  g_autoptr(StewardChatTurn) turn = NULL;
  g_autoptr(GError) error = NULL;

  set_setting (fixture, "voice.provider", "");

  turn = steward_chat_turn_new (fixture->replay.services, "What does my memo say?");
  steward_chat_turn_add_attachment (turn, memo);
  g_assert_false (run_turn (turn, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "memo.wav could not be transcribed, so the message was not sent: "));
  g_assert_nonnull (strstr (error->message, "speech to text"));
  g_assert_true (g_str_has_suffix (error->message, "."));
  g_assert_null (strstr (error->message, ".."));
  g_assert_null (strchr (error->message, '\n'));

  g_assert_cmpuint (replay_fixture_n_requests (&fixture->replay), ==, 0);
  g_assert_cmpuint (count_conversations (fixture), ==, 0);
  g_assert_cmpint (steward_chat_turn_get_user_message_id (turn), ==, 0);
  g_assert_null (kept_transcript (memo));
}

/* The server refuses the upload: the same, after the one upload */
static void
test_transcription_fails (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(StewardAttachment) memo = attach_memo (fixture);
  g_autoptr(StewardChatTurn) turn = NULL;
  g_autoptr(GError) error = NULL;

  set_setting (fixture, "voice.model", "transcribe-error");

  turn = steward_chat_turn_new (fixture->replay.services, "What does my memo say?");
  steward_chat_turn_add_attachment (turn, memo);
  g_assert_false (run_turn (turn, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "memo.wav could not be transcribed, so the message was not sent: "));
  g_assert_true (g_str_has_suffix (error->message, "."));

  g_assert_cmpuint (replay_fixture_n_requests (&fixture->replay), ==, 1);
  g_assert_cmpstr (request_path (fixture, 0), ==, "/v1/audio/transcriptions");
  g_assert_cmpuint (count_conversations (fixture), ==, 0);
  g_assert_null (kept_transcript (memo));
}

/* Cancelled while the memo is transcribed: interrupted, nothing stored */
static void
test_cancelled (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(StewardAttachment) memo = attach_memo (fixture);
  g_autoptr(StewardChatTurn) turn = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Done done = { 0 };

  turn = steward_chat_turn_new (fixture->replay.services, "What does my memo say?");
  steward_chat_turn_add_attachment (turn, memo);
  steward_chat_turn_run_async (turn, cancellable, run_cb, &done);
  g_cancellable_cancel (cancellable);
  while (!done.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (done.ok);
  g_assert_error (done.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&done.error);
  g_assert_cmpuint (count_conversations (fixture), ==, 0);
}

/* Writes the photo's bytes into the fifo that stands in for its copy,
 * from the main loop: the worker preparing the photo waits on the fifo
 * meanwhile. Were the photo prepared on the main thread, the main loop
 * would wait on the fifo forever and this would never run. */
typedef struct
{
  char   *path;
  GBytes *bytes;
  guint   written : 1;
} Feed;

static gboolean
feed_cb (gpointer user_data)
{
  Feed *feed = user_data;
  gsize len, done = 0;
  const char *data = g_bytes_get_data (feed->bytes, &len);
  int fd;

  /* Not before the worker opened the fifo to read it: were the main
   * loop to wait for it here, it would not be running */
  if ((fd = g_open (feed->path, O_WRONLY | O_NONBLOCK, 0)) < 0)
    {
      g_assert_cmpint (errno, ==, ENXIO);
      return G_SOURCE_CONTINUE;
    }

  g_assert_cmpint (fcntl (fd, F_SETFL, 0), ==, 0);
  while (done < len)
    {
      gssize n = write (fd, data + done, len - done);

      g_assert_cmpint (n, >, 0);
      done += n;
    }
  g_assert_no_errno (close (fd));
  feed->written = TRUE;

  return G_SOURCE_REMOVE;
}

/* A 24-megapixel photo, not flat, so that decoding it takes its time */
static StewardAttachment *
attach_photo (Fixture *fixture)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 6000, 4000);
  g_autofree char *path = g_build_filename (fixture->base.data_dir, "photo.jpg", NULL);
  g_autoptr(GError) error = NULL;
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);

  for (int y = 0; y < 4000; y++)
    for (int x = 0; x < 6000; x++)
      {
        guchar *p = pixels + y * stride + x * 3;

        p[0] = (guchar) (x ^ y);
        p[1] = (guchar) (x * 7 + y);
        p[2] = (guchar) (y * 3);
      }

  g_assert_true (gdk_pixbuf_save (pixbuf, path, "jpeg", &error, "quality", "90", NULL));
  g_assert_no_error (error);

  return attach_file (fixture, path);
}

/* The photo is made ready in a worker: its copy is a fifo that the main
 * loop fills only once the turn runs, so the turn can only get the photo
 * if the main loop keeps running while it is prepared (see feed_cb ());
 * and the photo goes out scaled to the kind's longest side */
static void
test_image_off_main_thread (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(StewardAttachment) photo = attach_photo (fixture);
  g_autoptr(StewardChatTurn) turn = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = g_file_get_path (steward_attachment_get_file (photo));
  Feed feed = { copy, NULL, FALSE };

  g_assert_true (steward_store_set_model_vision (store_of (fixture), "Replay", MODEL, TRUE, &error));
  g_assert_no_error (error);

  /* The copy becomes a fifo, its bytes kept to be written into it */
  feed.bytes = g_file_load_bytes (steward_attachment_get_file (photo), NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_unlink (copy), ==, 0);
  g_assert_cmpint (mkfifo (copy, 0600), ==, 0);

  turn = steward_chat_turn_new (fixture->replay.services, "What is this?");
  steward_chat_turn_add_attachment (turn, photo);

  g_timeout_add (5, feed_cb, &feed);
  g_assert_true (run_turn (turn, &error));
  g_assert_no_error (error);
  g_assert_true (feed.written);
  g_bytes_unref (feed.bytes);

  {
    g_autoptr(JsonNode) request = replay_fixture_request (&fixture->replay, -1);
    g_autofree char *body = json_to_string (request, FALSE);

    g_assert_nonnull (strstr (body, "data:image/jpeg;base64,"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/steward/chat-prepare/audio-transcribed-once", Fixture, NULL,
              fixture_set_up, test_audio_transcribed_once, fixture_tear_down);
  g_test_add ("/steward/chat-prepare/same-recording-twice", Fixture, NULL,
              fixture_set_up, test_same_recording_twice, fixture_tear_down);
  g_test_add ("/steward/chat-prepare/no-voice-provider", Fixture, NULL,
              fixture_set_up, test_no_voice_provider, fixture_tear_down);
  g_test_add ("/steward/chat-prepare/transcription-fails", Fixture, NULL,
              fixture_set_up, test_transcription_fails, fixture_tear_down);
  g_test_add ("/steward/chat-prepare/cancelled", Fixture, NULL,
              fixture_set_up, test_cancelled, fixture_tear_down);
  g_test_add ("/steward/chat-prepare/image-off-main-thread", Fixture, NULL,
              fixture_set_up, test_image_off_main_thread, fixture_tear_down);

  return g_test_run ();
}

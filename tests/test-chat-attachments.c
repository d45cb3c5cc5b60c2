/* test-chat-attachments.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "replay-fixture.h"
#include "steward-attachment-parts.h"
#include "store-fixture.h"

/* A message's attachments on the wire, against tests/replay-server in
 * each provider kind's format: the image is taken back out of the logged
 * request and decoded, and must be the photo scaled to that kind's
 * longest side; a text file goes as text with its name; a model that
 * cannot see images is told so before anything is stored or sent. */

/* The model whose answer is tests/fixtures/KIND/text_stream.* */
#define MODEL "text_stream"
#define PHOTO_WIDTH 4000
#define PHOTO_HEIGHT 3000

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
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  store_fixture_set_up (&fixture->base, NULL);
  replay_fixture_set_up (&fixture->replay, fixture->base.data_dir, user_data);
  replay_fixture_set_tier (&fixture->replay, "medium", MODEL);
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
attach_bytes (Fixture    *fixture,
              const char *name,
              GBytes     *bytes)
{
  g_autoptr(GFile) directory = steward_store_dup_attachments_dir (store_of (fixture));
  g_autoptr(GError) error = NULL;
  StewardAttachment *attachment;

  attachment = steward_attachment_import_bytes (bytes, name, directory, NULL, &error);
  g_assert_no_error (error);

  return attachment;
}

/* A landscape photo of a whiteboard, larger than any kind is sent */
static StewardAttachment *
attach_photo (Fixture *fixture)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, PHOTO_WIDTH, PHOTO_HEIGHT);
  g_autoptr(GBytes) bytes = NULL;
  char *buffer = NULL;
  gsize len;

  gdk_pixbuf_fill (pixbuf, 0xf0f0e8ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &len, "jpeg", NULL, "quality", "80", NULL));
  bytes = g_bytes_new_take (buffer, len);

  return attach_bytes (fixture, "whiteboard.jpg", bytes);
}

static StewardAttachment *
attach_notes (Fixture *fixture)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("Buy milk\n", 9);

  return attach_bytes (fixture, "notes.txt", bytes);
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

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  return json_object_get_object_member (object, name);
}

/* The last message of the logged request @body, in @kind's format: its
 * image as base64 with its MIME type, and all its text, a part a line */
static char *
last_message_image (const char  *kind,
                    JsonObject  *body,
                    char       **mime_type,
                    GString     *text)
{
  JsonArray *messages = json_object_get_array_member (body, g_str_equal (kind, "gemini") ? "contents" : "messages");
  JsonObject *message = json_array_get_object_element (messages, json_array_get_length (messages) - 1);
  char *image = NULL;

  if (g_str_equal (kind, "ollama"))
    {
      JsonArray *images = json_object_get_array_member (message, "images");

      g_assert_cmpuint (json_array_get_length (images), ==, 1);
      g_string_append (text, json_object_get_string_member (message, "content"));
      *mime_type = g_strdup ("image/jpeg");
      return g_strdup (json_array_get_string_element (images, 0));
    }

  {
    JsonArray *parts = json_object_get_array_member (message, g_str_equal (kind, "gemini") ? "parts" : "content");

    for (guint i = 0; i < json_array_get_length (parts); i++)
      {
        JsonObject *part = json_array_get_object_element (parts, i);

        if (json_object_has_member (part, "text"))
          {
            g_string_append (text, json_object_get_string_member (part, "text"));
            g_string_append_c (text, '\n');
          }
        else if (g_str_equal (kind, "openai"))
          {
            const char *url;

            g_assert_cmpstr (json_object_get_string_member (part, "type"), ==, "image_url");
            url = json_object_get_string_member (member_object (part, "image_url"), "url");
            g_assert_true (g_str_has_prefix (url, "data:image/jpeg;base64,"));
            *mime_type = g_strdup ("image/jpeg");
            image = g_strdup (url + strlen ("data:image/jpeg;base64,"));
          }
        else if (g_str_equal (kind, "anthropic"))
          {
            JsonObject *source = member_object (part, "source");

            g_assert_cmpstr (json_object_get_string_member (part, "type"), ==, "image");
            g_assert_cmpstr (json_object_get_string_member (source, "type"), ==, "base64");
            *mime_type = g_strdup (json_object_get_string_member (source, "media_type"));
            image = g_strdup (json_object_get_string_member (source, "data"));
          }
        else
          {
            JsonObject *inline_data = member_object (part, "inline_data");

            *mime_type = g_strdup (json_object_get_string_member (inline_data, "mime_type"));
            image = g_strdup (json_object_get_string_member (inline_data, "data"));
          }
      }
  }

  return image;
}

static guint
edge_of (const char *kind)
{
  if (g_str_equal (kind, "openai"))
    return STEWARD_OPENAI_IMAGE_EDGE;
  if (g_str_equal (kind, "anthropic"))
    return STEWARD_ANTHROPIC_IMAGE_EDGE;
  if (g_str_equal (kind, "gemini"))
    return STEWARD_GEMINI_IMAGE_EDGE;
  return STEWARD_OLLAMA_IMAGE_EDGE;
}

static void
assert_decoded_size (const char *base64,
                     int         width,
                     int         height)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new_with_mime_type ("image/jpeg", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree guchar *bytes = NULL;
  GdkPixbuf *pixbuf;
  gsize len;

  bytes = g_base64_decode (base64, &len);
  g_assert_cmpuint (len, >, 0);
  gdk_pixbuf_loader_write (loader, bytes, len, &error);
  g_assert_no_error (error);
  gdk_pixbuf_loader_close (loader, &error);
  g_assert_no_error (error);
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, width);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, height);
}

static void
test_image_on_the_wire (Fixture       *fixture,
                        gconstpointer  user_data)
{
  const char *kind = user_data;
  g_autoptr(StewardAttachment) photo = attach_photo (fixture);
  g_autoptr(StewardAttachment) notes = attach_notes (fixture);
  g_autoptr(StewardChatTurn) turn = NULL;
  g_autoptr(StewardMessage) stored = NULL;
  g_autoptr(JsonNode) request = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *image = NULL;
  g_autofree char *mime_type = NULL;
  guint edge = edge_of (kind);

  g_assert_true (steward_store_set_model_vision (store_of (fixture), "Replay", MODEL, TRUE, &error));
  g_assert_no_error (error);

  turn = steward_chat_turn_new (fixture->replay.services, "What is on the whiteboard?");
  steward_chat_turn_add_attachment (turn, photo);
  steward_chat_turn_add_attachment (turn, notes);
  g_assert_true (run_turn (turn, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (replay_fixture_n_requests (&fixture->replay), ==, 1);
  request = replay_fixture_request (&fixture->replay, -1);
  image = last_message_image (kind, member_object (json_node_get_object (request), "body"), &mime_type, text);
  g_assert_nonnull (image);
  g_assert_cmpstr (mime_type, ==, "image/jpeg");
  assert_decoded_size (image, edge, edge * PHOTO_HEIGHT / PHOTO_WIDTH);

  g_assert_nonnull (strstr (text->str, "What is on the whiteboard?"));
  g_assert_nonnull (strstr (text->str, "<attachment name=\"notes.txt\">\nBuy milk\n</attachment>"));

  /* The message keeps its files */
  stored = steward_store_find_message (store_of (fixture), steward_chat_turn_get_user_message_id (turn), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steward_message_get_n_attachments (stored), ==, 2);
}

/* The next message of the conversation sends the photo again with the
 * message it came with, for questions about it */
static void
test_history (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(StewardAttachment) photo = attach_photo (fixture);
  g_autoptr(StewardChatTurn) first = NULL;
  g_autoptr(StewardChatTurn) second = NULL;
  g_autoptr(JsonNode) request = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *messages;
  JsonArray *content;

  g_assert_true (steward_store_set_model_vision (store_of (fixture), "Replay", MODEL, TRUE, &error));

  first = steward_chat_turn_new (fixture->replay.services, "What is on the whiteboard?");
  steward_chat_turn_add_attachment (first, photo);
  g_assert_true (run_turn (first, &error));
  g_assert_no_error (error);

  second = steward_chat_turn_new (fixture->replay.services, "And in the corner?");
  steward_chat_turn_set_conversation_id (second, steward_chat_turn_get_conversation_id (first));
  g_assert_true (run_turn (second, &error));
  g_assert_no_error (error);

  request = replay_fixture_request (&fixture->replay, -1);
  messages = json_object_get_array_member (member_object (json_node_get_object (request), "body"), "messages");
  /* system, the first message with its photo, the reply, the new one */
  content = json_object_get_array_member (json_array_get_object_element (messages, 1), "content");
  g_assert_cmpuint (json_array_get_length (content), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (content, 1), "type"), ==,
                   "image_url");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (messages, 3), "content"), ==,
                   "And in the corner?");
}

/* A model not known to see images: one sentence, nothing stored or sent */
static void
test_blind_model (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(StewardAttachment) photo = attach_photo (fixture);
  g_autoptr(StewardChatTurn) turn = NULL;
  g_autoptr(GListModel) conversations = NULL;
  g_autoptr(GError) error = NULL;

  turn = steward_chat_turn_new (fixture->replay.services, "What is on the whiteboard?");
  steward_chat_turn_add_attachment (turn, photo);
  g_assert_false (run_turn (turn, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_cmpstr (error->message, ==,
                   "The model text_stream cannot see images, so whiteboard.jpg was not sent: choose a model "
                   "that can, or say that this one can with “steward-cli model set”.");

  g_clear_error (&error);

  g_assert_cmpuint (replay_fixture_n_requests (&fixture->replay), ==, 0);
  conversations = steward_store_list_conversations (store_of (fixture), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (conversations), ==, 0);
}

/* A file longer than the model's whole context: one sentence, nothing
 * stored or sent */
static void
test_too_long (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(StewardAttachment) text = NULL;
  g_autoptr(StewardChatTurn) turn = NULL;
  g_autoptr(GListModel) conversations = NULL;
  g_autoptr(GError) error = NULL;

  /* About 50,000 tokens; the default context is 8192 */
  for (guint i = 0; i < 10000; i++)
    g_string_append (log, "12:00 ok step done\n");
  bytes = g_bytes_new (log->str, log->len);
  text = attach_bytes (fixture, "server.log", bytes);

  turn = steward_chat_turn_new (fixture->replay.services, "Why did it fail?");
  steward_chat_turn_add_attachment (turn, text);
  g_assert_false (run_turn (turn, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   "server.log is too long for text_stream, which reads 8192 tokens at most: attach a shorter "
                   "part of it, or give the model its real context size with “steward-cli model set”.");
  g_clear_error (&error);

  g_assert_cmpuint (replay_fixture_n_requests (&fixture->replay), ==, 0);
  conversations = steward_store_list_conversations (store_of (fixture), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (conversations), ==, 0);
}

static void
test_vision_guess (void)
{
  const char *seeing[] = { "gpt-4o", "gpt-4o-mini", "claude-sonnet-4-5", "claude-3-5-haiku-latest",
                           "gemini-2.5-flash", "models/gemini-1.5-pro", "llava:13b", "llama3.2-vision",
                           "qwen2.5vl:7b", "openai/gpt-4.1", "gemma3:4b", "o3" };
  const char *blind[] = { "gpt-3.5-turbo", "llama3.2", "mistral", "text_stream", "qwen2.5:7b",
                          "deepseek-r1" };

  for (guint i = 0; i < G_N_ELEMENTS (seeing); i++)
    g_assert_true (steward_model_guess_vision (seeing[i]));
  for (guint i = 0; i < G_N_ELEMENTS (blind); i++)
    g_assert_false (steward_model_guess_vision (blind[i]));
}

static void
test_vision_setting (Fixture       *fixture,
                     gconstpointer  user_data)
{
  StewardStore *store = store_of (fixture);
  g_autoptr(GError) error = NULL;
  gboolean is_set = TRUE;

  g_assert_cmpint (steward_store_get_model_vision (store, "Replay", "gpt-4o", &is_set, &error), ==, 1);
  g_assert_false (is_set);
  g_assert_cmpint (steward_store_get_model_vision (store, "Replay", MODEL, &is_set, &error), ==, 0);

  g_assert_true (steward_store_set_model_vision (store, "Replay", MODEL, TRUE, &error));
  g_assert_cmpint (steward_store_get_model_vision (store, "Replay", MODEL, &is_set, &error), ==, 1);
  g_assert_true (is_set);
  g_assert_true (steward_store_set_model_vision (store, "Replay", "gpt-4o", FALSE, &error));
  g_assert_cmpint (steward_store_get_model_vision (store, "Replay", "gpt-4o", NULL, &error), ==, 0);

  g_assert_true (steward_store_reset_model_vision (store, "Replay", MODEL, &error));
  g_assert_cmpint (steward_store_get_model_vision (store, "Replay", MODEL, &is_set, &error), ==, 0);
  g_assert_false (is_set);
  g_assert_no_error (error);

  g_assert_false (steward_store_set_model_vision (store, "Nobody", MODEL, TRUE, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const kinds[] = { "openai", "anthropic", "gemini", "ollama" };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *path = g_strdup_printf ("/steward/chat-attachments/%s/image-on-the-wire", kinds[i]);

      g_test_add (path, Fixture, kinds[i], fixture_set_up, test_image_on_the_wire, fixture_tear_down);
    }
  g_test_add ("/steward/chat-attachments/openai/history", Fixture, "openai",
              fixture_set_up, test_history, fixture_tear_down);
  g_test_add ("/steward/chat-attachments/openai/blind-model", Fixture, "openai",
              fixture_set_up, test_blind_model, fixture_tear_down);
  g_test_add ("/steward/chat-attachments/openai/too-long", Fixture, "openai",
              fixture_set_up, test_too_long, fixture_tear_down);
  g_test_add ("/steward/chat-attachments/vision-setting", Fixture, "openai",
              fixture_set_up, test_vision_setting, fixture_tear_down);
  g_test_add_func ("/steward/chat-attachments/vision-guess", test_vision_guess);

  return g_test_run ();
}

/* test-store-attachments.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include <cairo-pdf.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "steward-core.h"
#include "steward-store-private.h"
#include "store-fixture.h"

/* Attachments in the store (steward-store-attachments.c, schema 12):
 * linked to messages in order, one row per content, read back with their
 * message after the store is opened again, and the migration from a
 * schema 11 database. */

static StewardStore *
open_store (StoreFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  StewardStore *store = steward_store_open (fixture->data_dir, &error);

  g_assert_no_error (error);

  return store;
}

static StewardAttachment *
import (StewardStore *store,
        const char   *name,
        const char   *data,
        gsize         len)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);
  g_autoptr(GFile) directory = steward_store_dup_attachments_dir (store);
  g_autoptr(GError) error = NULL;
  StewardAttachment *attachment;

  attachment = steward_attachment_import_bytes (bytes, name, directory, NULL, &error);
  g_assert_no_error (error);

  return attachment;
}

static StewardAttachment *
import_png (StewardStore *store,
            const char   *name,
            int           width,
            int           height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autofree char *buffer = NULL;
  gsize len;

  gdk_pixbuf_fill (pixbuf, 0xff8800ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &len, "png", NULL, NULL));

  return import (store, name, buffer, len);
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A PDF of @n_pages blank pages */
static StewardAttachment *
import_pdf (StewardStore *store,
            const char   *name,
            guint         n_pages)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_cb, pdf, 595, 842);
  cairo_t *cr = cairo_create (surface);

  for (guint i = 0; i < n_pages; i++)
    cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  return import (store, name, (const char *) pdf->data, pdf->len);
}

static gint64
add_user_message (StewardStore *store,
                  gint64        conversation_id,
                  const char   *text)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = steward_store_add_message (store, conversation_id, STEWARD_MESSAGE_ROLE_USER, text,
                                  STEWARD_MESSAGE_STATUS_COMPLETE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  return id;
}

static void
assert_attachment (GListModel            *attachments,
                   guint                  position,
                   const char            *name,
                   StewardAttachmentKind  kind,
                   const char            *content_type)
{
  g_autoptr(StewardAttachment) attachment = g_list_model_get_item (attachments, position);

  g_assert_nonnull (attachment);
  g_assert_cmpint (steward_attachment_get_id (attachment), >, 0);
  g_assert_cmpstr (steward_attachment_get_name (attachment), ==, name);
  g_assert_cmpint (steward_attachment_get_kind (attachment), ==, kind);
  g_assert_cmpstr (steward_attachment_get_content_type (attachment), ==, content_type);
  g_assert_true (g_file_query_exists (steward_attachment_get_file (attachment), NULL));
}

static void
test_round_trip (StoreFixture  *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = open_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) attachments = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) second = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(StewardMessage) live = NULL;
  g_autoptr(GListModel) messages = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *links = NULL;
  gint64 conversation_id, first_id, second_id;
  const char *notes = "Buy milk\nCall Anna\n";

  conversation_id = steward_store_create_conversation (store, "Photos", &error);
  g_assert_no_error (error);
  first_id = add_user_message (store, conversation_id, "What is on these?");
  second_id = add_user_message (store, conversation_id, "And this one?");

  /* The live message takes its attachments as they are linked */
  live = steward_store_find_message (store, first_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steward_message_get_n_attachments (live), ==, 0);

  g_ptr_array_add (attachments, import_png (store, "whiteboard.png", 640, 480));
  g_ptr_array_add (attachments, import_pdf (store, "plan.pdf", 3));
  g_ptr_array_add (attachments, import (store, "notes.txt", notes, strlen (notes)));
  g_assert_true (steward_store_add_attachments (store, first_id, attachments, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (steward_message_get_n_attachments (live), ==, 3);

  /* The same photo again, under another name */
  g_ptr_array_add (second, import_png (store, "again.png", 640, 480));
  g_assert_true (steward_store_add_attachments (store, second_id, second, &error));
  g_assert_no_error (error);

  rows = store_fixture_query (fixture->db_path, "SELECT count (*) FROM attachments");
  g_assert_cmpstr (rows, ==, "3");
  links = store_fixture_query (fixture->db_path,
                               "SELECT group_concat (message_id || ':' || position || ':' || name, ' ')"
                               "  FROM (SELECT * FROM message_attachments ORDER BY message_id, position)");
  g_assert_cmpstr (links, ==, "1:0:whiteboard.png 1:1:plan.pdf 1:2:notes.txt 2:0:again.png");

  /* After a restart, the conversation has them */
  g_clear_object (&live);
  g_clear_object (&store);
  store = open_store (fixture);

  messages = steward_store_list_messages (store, conversation_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (messages), ==, 2);
  {
    g_autoptr(StewardMessage) first = g_list_model_get_item (messages, 0);
    g_autoptr(StewardMessage) next = g_list_model_get_item (messages, 1);
    GListModel *list = steward_message_get_attachments (first);
    g_autoptr(StewardAttachment) image = NULL;
    g_autoptr(StewardAttachment) pdf = NULL;
    g_autoptr(StewardAttachment) text = NULL;
    g_autoptr(StewardAttachment) again = NULL;
    g_autofree char *pdf_text = NULL;
    g_autofree char *text_text = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
    assert_attachment (list, 0, "whiteboard.png", STEWARD_ATTACHMENT_KIND_IMAGE, "image/png");
    assert_attachment (list, 1, "plan.pdf", STEWARD_ATTACHMENT_KIND_PDF, "application/pdf");
    assert_attachment (list, 2, "notes.txt", STEWARD_ATTACHMENT_KIND_TEXT, "text/plain");

    image = g_list_model_get_item (list, 0);
    g_assert_cmpuint (steward_attachment_get_width (image), ==, 640);
    g_assert_cmpuint (steward_attachment_get_height (image), ==, 480);
    g_assert_cmpuint (steward_attachment_get_n_pages (image), ==, 0);

    pdf = g_list_model_get_item (list, 1);
    g_assert_cmpuint (steward_attachment_get_n_pages (pdf), ==, 3);
    g_assert_cmpuint (steward_attachment_get_width (pdf), ==, 0);
    pdf_text = steward_attachment_dup_text (pdf, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (g_str_has_prefix (pdf_text, "--- Page 1 ---\n"));
    g_assert_nonnull (strstr (pdf_text, "--- Page 3 ---\n"));

    text = g_list_model_get_item (list, 2);
    g_assert_cmpuint (steward_attachment_get_size (text), ==, strlen (notes));
    text_text = steward_attachment_dup_text (text, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (text_text, ==, notes);

    g_assert_cmpuint (steward_message_get_n_attachments (next), ==, 1);
    again = g_list_model_get_item (steward_message_get_attachments (next), 0);
    g_assert_cmpstr (steward_attachment_get_name (again), ==, "again.png");
    g_assert_cmpint (steward_attachment_get_id (again), ==, steward_attachment_get_id (image));
    g_assert_true (g_file_equal (steward_attachment_get_file (again), steward_attachment_get_file (image)));
  }

  listed = steward_store_list_attachments (store, second_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
}

static void
test_missing_message (StoreFixture  *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = open_store (fixture);
  g_autoptr(GPtrArray) attachments = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;

  g_ptr_array_add (attachments, import (store, "a.txt", "a", 1));
  g_assert_false (steward_store_add_attachments (store, 42, attachments, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);

  rows = store_fixture_query (fixture->db_path, "SELECT count (*) FROM attachments");
  g_assert_cmpstr (rows, ==, "0");
}

/* Deleting a conversation drops its links; the content row stays for
 * the other messages that carry it */
static void
test_delete_conversation (StoreFixture  *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = open_store (fixture);
  g_autoptr(GPtrArray) attachments = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *links = NULL;
  gint64 conversation_id;

  conversation_id = steward_store_create_conversation (store, "Gone", &error);
  g_assert_no_error (error);
  g_ptr_array_add (attachments, import (store, "a.txt", "a", 1));
  g_assert_true (steward_store_add_attachments (store, add_user_message (store, conversation_id, "hi"),
                                                attachments, &error));
  g_assert_true (steward_store_delete_conversation (store, conversation_id, &error));
  g_assert_no_error (error);

  links = store_fixture_query (fixture->db_path, "SELECT count (*) FROM message_attachments");
  g_assert_cmpstr (links, ==, "0");
}

static void
test_migrate_from_11 (StoreFixture  *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(StewardMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  g_autofree char *tables = NULL;

  for (guint i = 1; i <= 11; i++)
    store_fixture_exec (fixture->db_path, _steward_store_get_migration (i));
  store_fixture_exec (fixture->db_path,
                      "PRAGMA user_version = 11;"
                      "INSERT INTO conversations (id, title, created_at, updated_at) VALUES"
                      " (1, 'Soup', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
                      "INSERT INTO messages (id, conversation_id, role, content, created_at, updated_at) VALUES"
                      " (1, 1, 'user', 'leeks?', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');");

  store = open_store (fixture);
  g_assert_cmpint (steward_store_get_schema_version (store), ==, STEWARD_STORE_SCHEMA_VERSION);
  version = store_fixture_query (fixture->db_path, "PRAGMA user_version");
  g_assert_cmpint (atoi (version), ==, STEWARD_STORE_SCHEMA_VERSION);
  tables = store_fixture_query (fixture->db_path,
                                "SELECT group_concat (name, ' ') FROM (SELECT name FROM sqlite_schema"
                                " WHERE type = 'table' AND name LIKE '%attachments' ORDER BY name)");
  g_assert_cmpstr (tables, ==, "attachments message_attachments");

  message = steward_store_find_message (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_message_get_content (message), ==, "leeks?");
  g_assert_cmpuint (steward_message_get_n_attachments (message), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  STORE_TEST_ADD ("store-attachments", "round-trip", test_round_trip);
  STORE_TEST_ADD ("store-attachments", "missing-message", test_missing_message);
  STORE_TEST_ADD ("store-attachments", "delete-conversation", test_delete_conversation);
  STORE_TEST_ADD ("store-attachments", "migrate-from-11", test_migrate_from_11);

  return g_test_run ();
}

/* test-settings.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "steward-core.h"

typedef struct
{
  char            *data_dir;
  StewardStore    *store;
  StewardSettings *settings;
} Fixture;

typedef struct
{
  guint   notified;
  guint   failed;
  char   *failed_key;
  GError *error;
} Counts;

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
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->data_dir = g_dir_make_tmp ("steward-test-settings-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  fixture->settings = steward_settings_new (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->settings));
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  remove_tree (fixture->data_dir);
  g_free (fixture->data_dir);
}

static void
counts_clear (Counts *counts)
{
  g_clear_pointer (&counts->failed_key, g_free);
  g_clear_error (&counts->error);
}

static void
notify_cb (StewardSettings *settings,
           GParamSpec      *pspec,
           Counts          *counts)
{
  counts->notified++;
}

static void
write_failed_cb (StewardSettings *settings,
                 const char      *key,
                 const GError    *error,
                 Counts          *counts)
{
  counts->failed++;
  g_free (counts->failed_key);
  counts->failed_key = g_strdup (key);
  g_clear_error (&counts->error);
  counts->error = g_error_copy (error);
}

static char *
dup_stored (StewardStore *store,
            const char   *key)
{
  g_autoptr(GError) error = NULL;
  char *value = steward_store_dup_setting (store, key, &error);

  g_assert_no_error (error);

  return value;
}

/* Every key of the table is a property, typed, with the table's default
 * and range, and reads the default on a new store. */
static void
test_properties (Fixture       *fixture,
                 gconstpointer  user_data)
{
  GObjectClass *klass = G_OBJECT_GET_CLASS (fixture->settings);
  guint n_keys;
  const StewardSettingKey *keys = steward_setting_keys_get (&n_keys);
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (klass, &n_pspecs);
  /* The keys, and the store. */
  g_assert_cmpuint (n_pspecs, ==, n_keys + 1);
  g_assert_true (steward_settings_get_store (fixture->settings) == fixture->store);

  for (guint i = 0; i < n_keys; i++)
    {
      const char *name = steward_setting_key_get_property_name (&keys[i]);
      g_autofree char *text = steward_settings_dup_value (fixture->settings, keys[i].key);
      GParamSpec *pspec = g_object_class_find_property (klass, name);

      g_test_message ("%s", keys[i].key);
      g_assert_nonnull (pspec);
      g_assert_true (pspec->flags & G_PARAM_READWRITE);
      g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
      g_assert_cmpstr (g_param_spec_get_blurb (pspec), ==, keys[i].summary);
      g_assert_cmpstr (text, ==, keys[i].default_value);

      switch (keys[i].type)
        {
        case STEWARD_SETTING_INT:
          {
            GParamSpecInt64 *int_pspec = G_PARAM_SPEC_INT64 (pspec);
            gint64 value = 0;

            g_assert_cmpint (int_pspec->minimum, ==, keys[i].min);
            g_assert_cmpint (int_pspec->maximum, ==, keys[i].max);
            g_assert_cmpint (int_pspec->default_value, ==, g_ascii_strtoll (keys[i].default_value, NULL, 10));
            g_object_get (fixture->settings, name, &value, NULL);
            g_assert_cmpint (value, ==, int_pspec->default_value);
            g_assert_cmpint (steward_settings_get_int (fixture->settings, keys[i].key), ==, value);
          }
          break;

        case STEWARD_SETTING_BOOLEAN:
          {
            gboolean value = FALSE;

            g_assert_true (G_IS_PARAM_SPEC_BOOLEAN (pspec));
            g_assert_cmpint (G_PARAM_SPEC_BOOLEAN (pspec)->default_value, ==,
                             g_str_equal (keys[i].default_value, "true"));
            g_object_get (fixture->settings, name, &value, NULL);
            g_assert_cmpint (value, ==, G_PARAM_SPEC_BOOLEAN (pspec)->default_value);
            g_assert_cmpint (steward_settings_get_boolean (fixture->settings, keys[i].key), ==, value);
          }
          break;

        case STEWARD_SETTING_STRING:
          {
            g_autofree char *value = NULL;

            g_assert_true (G_IS_PARAM_SPEC_STRING (pspec));
            g_assert_cmpstr (G_PARAM_SPEC_STRING (pspec)->default_value, ==, keys[i].default_value);
            g_object_get (fixture->settings, name, &value, NULL);
            g_assert_cmpstr (value, ==, keys[i].default_value);
            g_assert_cmpstr (steward_settings_get_string (fixture->settings, keys[i].key), ==, value);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  /* The names the Preferences window binds to. */
  g_assert_nonnull (g_object_class_find_property (klass, "chat-context-tokens"));
  g_assert_nonnull (g_object_class_find_property (klass, "personal-name"));
  g_assert_nonnull (g_object_class_find_property (klass, "memory-auto"));
  g_assert_cmpstr (steward_setting_key_get_property_name (steward_setting_key_lookup ("memory.short-term-exchanges")),
                   ==, "memory-short-term-exchanges");
}

/* Setting a property stores it and notifies it once; setting it again to
 * the same value does neither. */
static void
test_set (Fixture       *fixture,
          gconstpointer  user_data)
{
  g_autofree char *name = NULL;
  g_autofree char *exchanges = NULL;
  g_autofree char *automatic = NULL;
  Counts counts = { 0 };

  g_signal_connect (fixture->settings, "notify", G_CALLBACK (notify_cb), &counts);
  g_signal_connect (fixture->settings, "write-failed", G_CALLBACK (write_failed_cb), &counts);

  g_object_set (fixture->settings, "personal-name", "Ada", NULL);
  g_assert_cmpuint (counts.notified, ==, 1);
  name = dup_stored (fixture->store, "personal.name");
  g_assert_cmpstr (name, ==, "Ada");
  g_assert_cmpstr (steward_settings_get_string (fixture->settings, "personal.name"), ==, "Ada");

  g_object_set (fixture->settings, "personal-name", "Ada", NULL);
  g_assert_cmpuint (counts.notified, ==, 1);

  g_object_set (fixture->settings, "memory-short-term-exchanges", (gint64)8, NULL);
  g_assert_cmpuint (counts.notified, ==, 2);
  exchanges = dup_stored (fixture->store, "memory.short-term-exchanges");
  g_assert_cmpstr (exchanges, ==, "8");
  g_assert_cmpint (steward_settings_get_int (fixture->settings, "memory.short-term-exchanges"), ==, 8);

  g_object_set (fixture->settings, "memory-auto", FALSE, NULL);
  g_assert_cmpuint (counts.notified, ==, 3);
  automatic = dup_stored (fixture->store, "memory.auto");
  g_assert_cmpstr (automatic, ==, "false");
  g_assert_false (steward_settings_get_boolean (fixture->settings, "memory.auto"));

  /* The text setter takes what a user writes, as the CLI does. */
  g_assert_true (steward_settings_set_value (fixture->settings, "memory.auto", " Yes ", NULL));
  g_assert_cmpuint (counts.notified, ==, 4);
  g_assert_true (steward_settings_get_boolean (fixture->settings, "memory.auto"));

  g_assert_cmpuint (counts.failed, ==, 0);
  counts_clear (&counts);
}

static void
notify_exchanges_cb (StewardSettings *settings,
                     GParamSpec      *pspec,
                     Counts          *counts)
{
  g_autofree char *stored = NULL;

  /* A handler that reads the store sees the value stored already. */
  stored = dup_stored (steward_settings_get_store (settings), "memory.short-term-exchanges");
  g_assert_cmpstr (stored, ==, "9");
  counts->notified++;
}

static void
test_notify (Fixture       *fixture,
             gconstpointer  user_data)
{
  Counts counts = { 0 };

  g_signal_connect (fixture->settings, "notify::memory-short-term-exchanges",
                    G_CALLBACK (notify_exchanges_cb), &counts);
  g_signal_connect (fixture->settings, "notify::personal-name",
                    G_CALLBACK (notify_cb), &counts);

  g_assert_true (steward_settings_set_value (fixture->settings, "memory.short-term-exchanges", "9", NULL));
  g_assert_cmpuint (counts.notified, ==, 1);
  counts_clear (&counts);
}

/* An invalid value is refused: nothing is stored, the property keeps its
 * value and nothing is notified. */
static void
test_invalid (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *budget = NULL;
  g_autofree char *name = NULL;
  Counts counts = { 0 };

  g_signal_connect (fixture->settings, "notify", G_CALLBACK (notify_cb), &counts);
  g_signal_connect (fixture->settings, "write-failed", G_CALLBACK (write_failed_cb), &counts);

  g_assert_false (steward_settings_set_value (fixture->settings, "memory.budget-tokens", "5", &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (steward_settings_set_value (fixture->settings, "memory.budget-tokens", "lots", &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (steward_settings_set_value (fixture->settings, "memory.auto", "maybe", &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (steward_settings_get_int (fixture->settings, "memory.budget-tokens"), ==, 1000);
  g_assert_true (steward_settings_get_boolean (fixture->settings, "memory.auto"));
  budget = dup_stored (fixture->store, "memory.budget-tokens");
  g_assert_cmpstr (budget, ==, "1000");
  /* The setter with an error does not signal as well. */
  g_assert_cmpuint (counts.failed, ==, 0);

  /* Through the property: the failure comes as "write-failed". */
  g_object_set (fixture->settings, "personal-name", "Ada", NULL);
  g_assert_cmpuint (counts.notified, ==, 1);
  g_object_set (fixture->settings, "personal-name", "Ad\xff", NULL);
  g_assert_cmpuint (counts.failed, ==, 1);
  g_assert_cmpstr (counts.failed_key, ==, "personal.name");
  g_assert_error (counts.error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_assert_cmpuint (counts.notified, ==, 1);
  g_assert_cmpstr (steward_settings_get_string (fixture->settings, "personal.name"), ==, "Ada");
  name = dup_stored (fixture->store, "personal.name");
  g_assert_cmpstr (name, ==, "Ada");

  counts_clear (&counts);
}

/* What another process writes to the same file shows after a reload, one
 * notification for each key that changed. */
static void
test_reload (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardStore) other = NULL;
  Counts counts = { 0 };
  Counts tone = { 0 };

  g_signal_connect (fixture->settings, "notify", G_CALLBACK (notify_cb), &counts);
  g_signal_connect (fixture->settings, "notify::personal-tone", G_CALLBACK (notify_cb), &tone);

  other = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_assert_true (steward_store_set_setting (other, "chat.context-tokens", "32768", &error));
  g_assert_no_error (error);
  g_assert_true (steward_store_set_setting (other, "personal.name", "Grace", &error));
  g_assert_no_error (error);

  /* Not before it is told. */
  g_assert_cmpint (steward_settings_get_int (fixture->settings, "chat.context-tokens"), ==, 8192);
  g_assert_cmpuint (counts.notified, ==, 0);

  g_assert_true (steward_settings_reload (fixture->settings, &error));
  g_assert_no_error (error);
  g_assert_cmpint (steward_settings_get_int (fixture->settings, "chat.context-tokens"), ==, 32768);
  g_assert_cmpstr (steward_settings_get_string (fixture->settings, "personal.name"), ==, "Grace");
  g_assert_cmpuint (counts.notified, ==, 2);
  g_assert_cmpuint (tone.notified, ==, 0);

  /* Nothing changed, nothing notified. */
  g_assert_true (steward_settings_reload (fixture->settings, &error));
  g_assert_cmpuint (counts.notified, ==, 2);

  /* A key the other process forgets reads its default again. */
  g_assert_true (steward_store_reset_setting (other, "chat.context-tokens", &error));
  g_assert_true (steward_settings_reload (fixture->settings, &error));
  g_assert_cmpint (steward_settings_get_int (fixture->settings, "chat.context-tokens"), ==, 8192);
  g_assert_cmpuint (counts.notified, ==, 3);

  /* A new object reads what is stored. */
  {
    g_autoptr(StewardSettings) fresh = steward_settings_new (other);

    g_assert_cmpstr (steward_settings_get_string (fresh, "personal.name"), ==, "Grace");
  }

  counts_clear (&counts);
  counts_clear (&tone);
}

/* A binding, as Preferences makes them, carries values both ways. */
static void
test_binding (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(StewardSettings) other = steward_settings_new (fixture->store);
  g_autofree char *stored = NULL;

  g_object_bind_property (fixture->settings, "memory-budget-tokens",
                          other, "memory-budget-tokens",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  g_object_set (other, "memory-budget-tokens", (gint64)2000, NULL);
  g_assert_cmpint (steward_settings_get_int (fixture->settings, "memory.budget-tokens"), ==, 2000);
  stored = dup_stored (fixture->store, "memory.budget-tokens");
  g_assert_cmpstr (stored, ==, "2000");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/steward/settings/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("properties", test_properties);
  ADD ("set", test_set);
  ADD ("notify", test_notify);
  ADD ("invalid", test_invalid);
  ADD ("reload", test_reload);
  ADD ("binding", test_binding);

#undef ADD

  return g_test_run ();
}

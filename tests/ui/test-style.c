/* test-style.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Steward's stylesheet parses without an error: GTK drops every rule
 * after a broken one, with only a warning at run time.
 */

#include "config.h"

#include <gtk/gtk.h>

static void
parsing_error_cb (GtkCssProvider *provider,
                  GtkCssSection  *section,
                  const GError   *error,
                  gpointer        user_data)
{
  g_autofree char *where = gtk_css_section_to_string (section);

  g_error ("style.css: %s: %s", where, error->message);
}

static void
test_parses (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  const char *path = g_getenv ("STEWARD_STYLE_CSS");

  g_assert_nonnull (path);
  g_signal_connect (provider, "parsing-error", G_CALLBACK (parsing_error_cb), NULL);
  gtk_css_provider_load_from_path (provider, path);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/steward/style/parses", test_parses);

  return g_test_run ();
}

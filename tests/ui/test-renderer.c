/* test-renderer.c: which GSK renderer Steward's windows draw with.
 *
 * On a software OpenGL (Mesa's llvmpipe, as under Xvfb here) Steward asks
 * GTK for its cairo renderer; GSK_RENDERER always wins. Each case runs in
 * a process of its own, since GTK reads GSK_RENDERER once.
 *
 * Copyright 2026 The Steward authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "steward-renderer.h"

static void
test_software_names (void)
{
  g_assert_true (steward_renderer_is_software ("llvmpipe (LLVM 15.0.6, 256 bits)"));
  g_assert_true (steward_renderer_is_software ("softpipe"));
  g_assert_true (steward_renderer_is_software ("Mesa X11 Software Rasterizer"));
  g_assert_false (steward_renderer_is_software ("Mesa Intel(R) UHD Graphics 620 (KBL GT2)"));
  /* A GPU whose driver is built with LLVM is not llvmpipe. */
  g_assert_false (steward_renderer_is_software ("AMD Radeon RX 6600 (navi23, LLVM 15.0.7, DRM 3.49, 6.1.0-9-amd64)"));
  g_assert_false (steward_renderer_is_software ("NVIDIA GeForce RTX 3060/PCIe/SSE2"));
  g_assert_false (steward_renderer_is_software (NULL));
}

/* The renderer a new window draws with, once realized. */
static const char *
window_renderer (void)
{
  GtkWidget *window = gtk_window_new ();
  const char *name;

  gtk_widget_realize (window);
  name = G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window)));
  gtk_window_destroy (GTK_WINDOW (window));

  return g_intern_string (name);
}

static void
test_default (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *gl_renderer = NULL;
      const char *chosen;

      g_unsetenv ("GSK_RENDERER");
      gtk_init ();

      gl_renderer = steward_renderer_dup_gl_renderer (gdk_display_get_default ());
      chosen = steward_renderer_choose (gdk_display_get_default ());
      g_test_message ("OpenGL: %s; chosen: %s; drawing with %s",
                      gl_renderer, chosen, window_renderer ());

      if (steward_renderer_is_software (gl_renderer))
        {
          g_assert_cmpstr (chosen, ==, "cairo");
          g_assert_cmpstr (window_renderer (), ==, "GskCairoRenderer");
        }
      else
        {
          g_assert_null (chosen);
          if (gl_renderer != NULL)
            g_assert_cmpstr (window_renderer (), !=, "GskCairoRenderer");
        }
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_environment_wins (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *gl_renderer = NULL;

      g_setenv ("GSK_RENDERER", "gl", TRUE);
      gtk_init ();

      if (!(gl_renderer = steward_renderer_dup_gl_renderer (gdk_display_get_default ())))
        {
          g_test_skip ("No OpenGL on this display");
          return;
        }

      g_assert_null (steward_renderer_choose (gdk_display_get_default ()));
      g_assert_cmpstr (window_renderer (), !=, "GskCairoRenderer");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/renderer/software-names", test_software_names);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    g_test_message ("No display: only the names are checked");
  else
    {
      g_test_add_func ("/renderer/default", test_default);
      g_test_add_func ("/renderer/environment-wins", test_environment_wins);
    }

  return g_test_run ();
}

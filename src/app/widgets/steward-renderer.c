/* steward-renderer.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-renderer"

#include "config.h"

#include <epoxy/gl.h>

#include "steward-renderer.h"

/* Which GSK renderer draws Steward's windows.
 *
 * GTK draws with OpenGL whenever the display offers it, even when that
 * OpenGL is Mesa's software rasterizer (a virtual machine, a remote
 * session, a machine without a GPU driver). There every frame is filled
 * pixel by pixel on the CPU threads the app needs itself, and a streaming
 * reply, which scrolls the whole conversation every frame, costs frames
 * two to three times as long as an idle window's (bench/README.md). GTK's
 * cairo renderer redraws only what changed and meets the goal there.
 *
 * So on a software OpenGL Steward asks for cairo. GSK_RENDERER, when set,
 * always wins: it is how a user or a benchmark picks a renderer.
 */

static const char * const software_renderers[] = {
  "llvmpipe",
  "softpipe",
  "software rasterizer",
};

/**
 * steward_renderer_is_software:
 * @gl_renderer: (nullable): an OpenGL `GL_RENDERER` string
 *
 * Returns: whether @gl_renderer names one of Mesa's software rasterizers
 */
gboolean
steward_renderer_is_software (const char *gl_renderer)
{
  g_autofree char *folded = NULL;

  if (gl_renderer == NULL)
    return FALSE;

  folded = g_ascii_strdown (gl_renderer, -1);
  for (guint i = 0; i < G_N_ELEMENTS (software_renderers); i++)
    if (strstr (folded, software_renderers[i]) != NULL)
      return TRUE;

  return FALSE;
}

/**
 * steward_renderer_dup_gl_renderer:
 * @display: a display
 *
 * Asks a new OpenGL context on @display for its `GL_RENDERER`.
 *
 * Returns: (transfer full) (nullable): the renderer's name, or %NULL when
 *   @display has no OpenGL
 */
char *
steward_renderer_dup_gl_renderer (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = NULL;
  g_autoptr(GError) error = NULL;
  char *renderer;

  if (!(context = gdk_display_create_gl_context (display, &error)) ||
      !gdk_gl_context_realize (context, &error))
    {
      g_debug ("No OpenGL to ask: %s", error->message);
      return NULL;
    }

  gdk_gl_context_make_current (context);
  renderer = g_strdup ((const char *) glGetString (GL_RENDERER));
  gdk_gl_context_clear_current ();

  return renderer;
}

/**
 * steward_renderer_choose:
 * @display: the display Steward's windows open on
 *
 * Picks GTK's cairo renderer for @display's windows when its OpenGL is a
 * software rasterizer and `GSK_RENDERER` is not set. Call it before the
 * first window is shown.
 *
 * Returns: (nullable): the renderer chosen ("cairo"), or %NULL when GTK
 *   chooses as it would
 */
const char *
steward_renderer_choose (GdkDisplay *display)
{
  g_autofree char *gl_renderer = NULL;
  const char *env;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  if ((env = g_getenv ("GSK_RENDERER")) != NULL && env[0] != '\0')
    {
      g_debug ("GSK_RENDERER=%s: drawing as it says", env);
      return NULL;
    }

  gl_renderer = steward_renderer_dup_gl_renderer (display);
  if (!steward_renderer_is_software (gl_renderer))
    {
      g_debug ("OpenGL is %s: GTK chooses the renderer", gl_renderer ? gl_renderer : "unavailable");
      return NULL;
    }

  /* GTK 4 reads a renderer name set on the display before it looks at
   * GSK_RENDERER or its own defaults (gsk_renderer_new_for_surface ()). */
  g_object_set_data (G_OBJECT (display), "gsk-renderer", (gpointer) "cairo");
  g_debug ("OpenGL is %s, a software rasterizer: drawing with cairo", gl_renderer);

  return "cairo";
}

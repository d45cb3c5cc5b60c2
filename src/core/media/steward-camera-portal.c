/* steward-camera-portal.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-camera-portal"

#include "config.h"

#include <glib/gi18n.h>

#if HAVE_LIBPORTAL
# include <libportal/portal.h>
#endif

#include "steward-camera-portal.h"

/* The camera inside the Flatpak sandbox, where /dev/video* is out of
 * reach: the Camera portal (through libportal) asks the user once, then
 * hands over a PipeWire remote on which only the cameras are seen, for
 * pipewiresrc. $STEWARD_CAMERA_PORTAL ("1" or "0") says whether to act
 * as in the sandbox, for tests and for trying the portal outside one. */

/**
 * steward_camera_portal_is_sandboxed:
 *
 * Returns: whether the camera must be reached through the portal
 */
gboolean
steward_camera_portal_is_sandboxed (void)
{
  const char *forced = g_getenv ("STEWARD_CAMERA_PORTAL");

  if (forced != NULL && forced[0] != '\0')
    return g_strcmp0 (forced, "0") != 0;

#if HAVE_LIBPORTAL
  return xdp_portal_running_under_flatpak ();
#else
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
#endif
}

#if HAVE_LIBPORTAL

/* libportal 0.6's XdpPortal takes the session bus without checking it
 * is there: make sure first, so a session without one gets a sentence */
static XdpPortal *
portal_new (GError **error)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) bus_error = NULL;

  if (!(bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &bus_error)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Photos cannot be taken: the desktop’s camera portal cannot be reached (%s)."),
                   bus_error->message);
      return NULL;
    }

  return xdp_portal_new ();
}

/**
 * steward_camera_portal_is_present:
 * @why: (out) (optional): when there is none, a sentence saying why
 *
 * Asks the portal whether the computer has a camera (without asking the
 * user for access).
 *
 * Returns: whether there is one
 */
gboolean
steward_camera_portal_is_present (char **why)
{
  g_autoptr(XdpPortal) portal = NULL;
  g_autoptr(GError) error = NULL;

  if (!(portal = portal_new (&error)))
    {
      if (why != NULL)
        *why = g_strdup (error->message);
      return FALSE;
    }

  if (!xdp_portal_is_camera_present (portal))
    {
      if (why != NULL)
        *why = g_strdup (_("No camera was found; connect one to take a photo."));
      return FALSE;
    }

  return TRUE;
}

static void
access_camera_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  XdpPortal *portal = XDP_PORTAL (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  int fd;

  if (!xdp_portal_access_camera_finish (portal, result, &error))
    {
      /* libportal says "cancelled" both when the user said no and when
       * our own cancellable was: only the first is a refusal */
      if (g_task_return_error_if_cancelled (task))
        return;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, "%s",
                                 _("Steward may not use the camera: allow it in Settings → Apps → Steward."));
      else
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                                 _("The camera could not be opened: the camera portal failed (%s)."),
                                 error->message);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  if ((fd = xdp_portal_open_pipewire_remote_for_camera (portal)) < 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "%s",
                               _("The camera could not be opened: the camera portal gave no PipeWire connection."));
      return;
    }

  g_task_return_int (task, fd);
}

/**
 * steward_camera_portal_open_async:
 * @cancellable: (nullable): closes the portal's question when cancelled
 *
 * Asks the portal for the camera: the user may be asked whether Steward
 * may use it (once; the answer is kept in Settings → Apps), then a
 * PipeWire remote with the cameras on it is opened.
 */
void
steward_camera_portal_open_async (GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(XdpPortal) portal = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_camera_portal_open_async);
  /* A descriptor once returned is handed over even if cancelled since,
   * so that it is closed, not lost */
  g_task_set_check_cancellable (task, FALSE);

  if (!(portal = portal_new (&error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!xdp_portal_is_camera_present (portal))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s",
                               _("No camera was found; connect one to take a photo."));
      return;
    }

  xdp_portal_access_camera (portal, NULL, XDP_CAMERA_FLAG_NONE, cancellable,
                            access_camera_cb, g_steal_pointer (&task));
}

#else /* !HAVE_LIBPORTAL */

gboolean
steward_camera_portal_is_present (char **why)
{
  if (why != NULL)
    *why = g_strdup (_("Photos cannot be taken here: Steward was built without the camera portal (libportal)."));

  return FALSE;
}

void
steward_camera_portal_open_async (GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, steward_camera_portal_open_async);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                           _("Photos cannot be taken here: Steward was built without the camera portal (libportal)."));
}

#endif /* HAVE_LIBPORTAL */

/**
 * steward_camera_portal_open_finish:
 *
 * Returns: the PipeWire remote's file descriptor, owned by the caller
 *   (for `pipewiresrc fd=`), or -1 with @error set to one sentence
 */
int
steward_camera_portal_open_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), -1);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == steward_camera_portal_open_async, -1);

  return (int)g_task_propagate_int (G_TASK (result), error);
}

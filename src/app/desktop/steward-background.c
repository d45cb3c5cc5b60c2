/* steward-background.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-background"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#if HAVE_LIBPORTAL
# include <libportal/portal.h>
#endif

#include "steward-background.h"

/* Run in Background (the general.run-in-background setting): Steward
 * stays running with no window, so that quick chat opens at once and task
 * reminders fire, and starts with the session as `steward
 * --gapplication-service`.
 *
 * On: the application holds itself, so closing the last window leaves it
 * running; the Background portal is asked (in the Flatpak, with autostart:
 * the portal writes the autostart entry, mapping the command line into
 * the sandbox). Outside a sandbox the portal cannot start an app that is
 * not one, so Steward writes its own autostart entry, and asks the portal
 * only whether it may run in the background. Off: the hold is released
 * (Steward quits when no window is open) and the entry removed.
 *
 * Until the store has opened the setting is not known: the application
 * is held meanwhile, so that a service start (`--gapplication-service`)
 * lives long enough to read it; with the setting off it then ends, as a
 * GApplication service does.
 */

#define SETTING "general.run-in-background"

struct _StewardBackground
{
  GObject          parent_instance;

  /* Unowned: the application owns this */
  GApplication    *application;

  /* Owned */
  StewardServices *services;
  StewardSettings *settings;
  StewardStore    *store;
  GCancellable    *cancellable;
#if HAVE_LIBPORTAL
  XdpPortal       *portal;
#endif
  char            *status;

  guint            request_serial;
  /* Held for the setting, and until the store has opened */
  guint            holding : 1;
  guint            waiting_ready : 1;
  guint            enabled : 1;
  guint            applied : 1;
};

G_DEFINE_FINAL_TYPE (StewardBackground, steward_background, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ENABLED,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_sandboxed (void)
{
#if HAVE_LIBPORTAL
  return xdp_portal_running_under_flatpak ();
#else
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
#endif
}

static void
set_status (StewardBackground *self,
            const char        *status)
{
  if (g_strcmp0 (self->status, status) == 0)
    return;

  g_free (self->status);
  self->status = g_strdup (status);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/**
 * steward_background_dup_autostart_path:
 *
 * Returns: (transfer full): where Steward writes its autostart entry
 *   outside a sandbox
 */
char *
steward_background_dup_autostart_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", APP_ID ".desktop", NULL);
}

static gboolean
write_autostart (GError **error)
{
  g_autofree char *path = steward_background_dup_autostart_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GKeyFile) entry = g_key_file_new ();

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: a folder, and the reason */
                   _("Cannot make the folder “%s”: %s."), dir, g_strerror (saved_errno));
      return FALSE;
    }

  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TYPE, G_KEY_FILE_DESKTOP_TYPE_APPLICATION);
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NAME, "Steward");
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_ICON, APP_ID);
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, "steward --gapplication-service");
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY, TRUE);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", TRUE);

  return g_key_file_save_to_file (entry, path, error);
}

static void
remove_autostart (void)
{
  g_autofree char *path = steward_background_dup_autostart_path ();

  if (g_unlink (path) != 0 && errno != ENOENT)
    g_warning ("Cannot remove %s: %s", path, g_strerror (errno));
}

#if HAVE_LIBPORTAL

typedef struct
{
  StewardBackground *self;
  guint              serial;
  guint              autostart : 1;
} Request;

static void
request_free (Request *request)
{
  g_clear_object (&request->self);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

static void
request_background_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  StewardBackground *self = request->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;

  if (xdp_portal_request_background_finish (XDP_PORTAL (object), result, &error))
    return;

  /* Gone, or asked again since */
  if (g_cancellable_is_cancelled (self->cancellable) || request->serial != self->request_serial)
    return;

  /* Turning it off needs no answer */
  if (!request->autostart && is_sandboxed ())
    return;

  /* libportal says "cancelled" when the user or the desktop said no:
   * Steward then ends with its last window, and does not start with the
   * session, until the setting is turned on again */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (!is_sandboxed ())
        remove_autostart ();
      steward_background_quit (self);
      set_status (self, _("Steward may not run in the background: allow it in Settings → Apps → Steward."));
      return;
    }

  g_dbus_error_strip_remote_error (error);
  g_debug ("The Background portal answered: %s", error->message);

  /* Outside a sandbox Steward's own autostart entry does the work; only a
   * denial is worth a word. */
  if (!is_sandboxed ())
    return;

  /* Translators: %s is the reason given by the desktop */
  status = g_strdup_printf (_("Steward stays running when its windows are closed, but cannot start with the session: %s"),
                            error->message);
  set_status (self, status);
}

/* libportal 0.6's XdpPortal takes the session bus without checking it is
 * there: make sure first */
static XdpPortal *
ensure_portal (StewardBackground *self)
{
  g_autoptr(GDBusConnection) bus = NULL;

  if (self->portal == NULL && (bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL)) != NULL)
    self->portal = xdp_portal_new ();

  return self->portal;
}

#endif /* HAVE_LIBPORTAL */

/* Asks the Background portal, with @autostart in the sandbox, and says
 * what it answers in the status. */
static void
request_background (StewardBackground *self,
                    gboolean           autostart)
{
#if HAVE_LIBPORTAL
  GPtrArray *commandline;
  Request *request;
  XdpPortal *portal;

  self->request_serial++;

  if ((portal = ensure_portal (self)) == NULL)
    {
      if (autostart && is_sandboxed ())
        set_status (self, _("Steward stays running when its windows are closed, but cannot start with the session: there is no session bus."));
      return;
    }

  commandline = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (commandline, g_strdup ("steward"));
  g_ptr_array_add (commandline, g_strdup ("--gapplication-service"));

  request = g_new0 (Request, 1);
  request->self = g_object_ref (self);
  request->serial = self->request_serial;
  request->autostart = !!autostart;

  /* Outside a sandbox the portal cannot start Steward: its own entry does */
  xdp_portal_request_background (portal, NULL,
                                 (char *)_("Steward keeps quick chat and task reminders ready"),
                                 commandline,
                                 autostart && is_sandboxed () ? XDP_BACKGROUND_FLAG_AUTOSTART : XDP_BACKGROUND_FLAG_NONE,
                                 self->cancellable,
                                 request_background_cb,
                                 request);
#else
  if (autostart && is_sandboxed ())
    set_status (self, _("Steward stays running when its windows are closed, but cannot start with the session: it was built without the Background portal (libportal)."));
#endif
}

static void
apply (StewardBackground *self)
{
  gboolean enabled = steward_settings_get_boolean (self->settings, SETTING);
  gboolean was_enabled = self->enabled;
  g_autoptr(GError) error = NULL;

  if (self->applied && !enabled == !self->enabled)
    return;

  self->applied = TRUE;
  self->enabled = !!enabled;
  set_status (self, NULL);

  if (enabled)
    {
      if (!self->holding)
        {
          self->holding = TRUE;
          g_application_hold (self->application);
        }

      if (!is_sandboxed () && !write_autostart (&error))
        {
          g_autofree char *status = NULL;

          /* Translators: %s is the reason, a sentence */
          status = g_strdup_printf (_("Steward stays running when its windows are closed, but cannot start with the session: %s"),
                                    error->message);
          set_status (self, status);
        }

      request_background (self, TRUE);
    }
  else
    {
      if (!is_sandboxed ())
        remove_autostart ();
      else if (was_enabled)
        request_background (self, FALSE);

      /* With no window open, Steward ends */
      if (self->holding)
        {
          self->holding = FALSE;
          g_application_release (self->application);
        }
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

/* `steward-cli settings set general.run-in-background …` while Steward
 * runs: read the settings again, which notifies what changed */
static void
store_external_change_cb (StewardBackground *self,
                          StewardStore      *store)
{
  g_autoptr(GError) error = NULL;

  if (!steward_settings_reload (self->settings, &error))
    g_warning ("Cannot read the settings: %s", error->message);
}

static void
services_ready_cb (StewardBackground *self,
                   GParamSpec        *pspec,
                   StewardServices   *services)
{
  StewardSettings *settings = steward_services_get_settings (services);
  StewardStore *store = steward_services_get_store (services);

  if (!steward_services_get_ready (services) || !self->waiting_ready)
    return;

  g_signal_handlers_disconnect_by_func (services, services_ready_cb, self);

  if (settings != NULL && store != NULL)
    {
      self->settings = g_object_ref (settings);
      self->store = g_object_ref (store);
      g_signal_connect_object (self->settings, "notify::general-run-in-background",
                               G_CALLBACK (apply), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->store, "external-change",
                               G_CALLBACK (store_external_change_cb), self, G_CONNECT_SWAPPED);
      apply (self);
    }

  self->waiting_ready = FALSE;
  g_application_release (self->application);
}

static void
steward_background_dispose (GObject *object)
{
  StewardBackground *self = (StewardBackground *)object;

  g_cancellable_cancel (self->cancellable);

  if (self->services != NULL)
    g_signal_handlers_disconnect_by_func (self->services, services_ready_cb, self);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->services);
#if HAVE_LIBPORTAL
  g_clear_object (&self->portal);
#endif

  G_OBJECT_CLASS (steward_background_parent_class)->dispose (object);
}

static void
steward_background_finalize (GObject *object)
{
  StewardBackground *self = (StewardBackground *)object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->status, g_free);

  G_OBJECT_CLASS (steward_background_parent_class)->finalize (object);
}

static void
steward_background_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  StewardBackground *self = STEWARD_BACKGROUND (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_background_class_init (StewardBackgroundClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steward_background_dispose;
  object_class->finalize = steward_background_finalize;
  object_class->get_property = steward_background_get_property;

  /**
   * StewardBackground:enabled:
   *
   * Whether Steward keeps running with no window: the setting, as applied
   */
  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * StewardBackground:status:
   *
   * When running in the background was refused or only half works, one
   * sentence saying so; %NULL otherwise
   */
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_background_init (StewardBackground *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * steward_background_new:
 * @application: the application to hold while the setting is on
 * @services: its services, opening or open
 *
 * Follows general.run-in-background for @application, from startup on:
 * call it in #GApplication::startup.
 */
StewardBackground *
steward_background_new (GApplication    *application,
                        StewardServices *services)
{
  StewardBackground *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (STEWARD_IS_SERVICES (services), NULL);

  self = g_object_new (STEWARD_TYPE_BACKGROUND, NULL);
  self->application = application;
  self->services = g_object_ref (services);

  /* Until the setting can be read */
  self->waiting_ready = TRUE;
  g_application_hold (application);

  g_signal_connect_object (services, "notify::ready", G_CALLBACK (services_ready_cb), self, G_CONNECT_SWAPPED);
  services_ready_cb (self, NULL, services);

  return self;
}

gboolean
steward_background_get_enabled (StewardBackground *self)
{
  g_return_val_if_fail (STEWARD_IS_BACKGROUND (self), FALSE);

  return self->enabled;
}

/**
 * steward_background_get_status:
 *
 * Returns: (nullable): a sentence when running in the background was
 *   refused or only half works
 */
const char *
steward_background_get_status (StewardBackground *self)
{
  g_return_val_if_fail (STEWARD_IS_BACKGROUND (self), NULL);

  return self->status;
}

/**
 * steward_background_quit:
 *
 * Lets the application end once its windows are closed, though the
 * setting is on: what Quit does. The next start, or turning the setting
 * off and on, holds it again.
 */
void
steward_background_quit (StewardBackground *self)
{
  g_return_if_fail (STEWARD_IS_BACKGROUND (self));

  if (self->holding)
    {
      self->holding = FALSE;
      g_application_release (self->application);
    }
}

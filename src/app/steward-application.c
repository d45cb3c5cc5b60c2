/* steward-application.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-application"

#include "config.h"

#include <glib/gi18n.h>

#include <gtksourceview/gtksource.h>

#include "steward-application-private.h"
#include "steward-application-notify.h"
#include "steward-desktop-actions.h"
#ifdef STEWARD_BENCH_PROBES
# include "steward-bench-board-probe.h"
# include "steward-bench-chat-probe.h"
# include "steward-bench-editor-probe.h"
# include "steward-bench-probe.h"
# include "steward-bench-record-probe.h"
#endif
#include "steward-renderer.h"
#include "steward-window.h"

G_DEFINE_FINAL_TYPE (StewardApplication, steward_application, ADW_TYPE_APPLICATION)

StewardApplication *
steward_application_new (void)
{
  return g_object_new (STEWARD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

static void
steward_application_services_open_cb (GObject      *object,
                                      GAsyncResult *result,
                                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The window follows the services' "ready": nothing to do here but say
   * why in the log, and follow what steward-cli changes meanwhile. */
  if (!steward_services_open_finish (STEWARD_SERVICES (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Cannot open the store: %s", error->message);
      return;
    }

  steward_services_follow_external_changes (STEWARD_SERVICES (object));
}

static void
steward_application_startup (GApplication *application)
{
  StewardApplication *self = (StewardApplication *)application;
  G_APPLICATION_CLASS (steward_application_parent_class)->startup (application);

  _steward_application_actions_init (self);
  _steward_application_reminders_init (self);
  _steward_application_quick_chat_init (self);
  steward_desktop_actions_init (self);
  /* Held until the store opens, then as general.run-in-background says */
  self->background = steward_background_new (application, self->services);
  _steward_application_notify_init (self);

  /* Before the first window: on a software OpenGL, cairo draws faster. */
  steward_renderer_choose (gdk_display_get_default ());

  /* Code blocks in replies are GtkSourceViews. */
  gtk_source_init ();

  /* Quick chat's window, kept hidden until asked for */
  _steward_application_quick_chat_make (self);

  /* Opening runs migrations and may take a moment on a large file: keep it
   * off the main thread so the window shows at once.
   */
  steward_services_open_async (self->services, NULL, self->cancellable,
                               steward_application_services_open_cb, NULL);
}

/**
 * steward_application_present_main_window:
 *
 * Shows the main window, making it first if there is none.
 *
 * Returns: (transfer none): the main window
 */
GtkWindow *
steward_application_present_main_window (StewardApplication *self)
{
  GtkWindow *window = NULL;

  g_return_val_if_fail (STEWARD_IS_APPLICATION (self), NULL);

  /* The most recently focused first; quick chat and dialogs are not it */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL && window == NULL; l = l->next)
    if (STEWARD_IS_WINDOW (l->data))
      window = l->data;

  if (window == NULL)
    {
      window = GTK_WINDOW (steward_window_new (self));

#ifdef STEWARD_BENCH_PROBES
      if (g_getenv ("STEWARD_BENCH_FIRST_FRAME") != NULL)
        steward_bench_probe_attach (self, window);
      steward_bench_chat_probe_attach (self, window);
      steward_bench_board_probe_attach (self, window);
      steward_bench_editor_probe_attach (self, window);
      steward_bench_record_probe_attach (self, window);
#endif
    }

  gtk_window_present (window);
  _steward_application_quick_chat_prepare (self);

  return window;
}

static void
steward_application_activate (GApplication *application)
{
  StewardApplication *self = (StewardApplication *)application;

  /* `steward --quick-chat` with no Steward running: quick chat alone */
  if (self->start_in_quick_chat)
    {
      self->start_in_quick_chat = FALSE;
      g_action_group_activate_action (G_ACTION_GROUP (self), "quick-chat", g_variant_new_string (""));
      return;
    }

  steward_application_present_main_window (self);
}

static int
steward_application_handle_local_options (GApplication *application,
                                          GVariantDict *options)
{
  return _steward_application_quick_chat_handle_options (STEWARD_APPLICATION (application), options);
}

/* GNOME Shell's overview search, on the app's bus name
 * (src/app/desktop/steward-search-provider.c) */
static gboolean
steward_application_dbus_register (GApplication     *application,
                                   GDBusConnection  *connection,
                                   const char       *object_path,
                                   GError          **error)
{
  StewardApplication *self = (StewardApplication *)application;
  g_autofree char *provider_path = g_strconcat (object_path, "/SearchProvider", NULL);

  if (!G_APPLICATION_CLASS (steward_application_parent_class)->dbus_register (application, connection,
                                                                              object_path, error))
    return FALSE;

  if (self->search_provider == NULL)
    self->search_provider = steward_search_provider_new (self);

  return steward_search_provider_export (self->search_provider, connection, provider_path, error);
}

static void
steward_application_dbus_unregister (GApplication    *application,
                                     GDBusConnection *connection,
                                     const char      *object_path)
{
  StewardApplication *self = (StewardApplication *)application;

  if (self->search_provider != NULL)
    steward_search_provider_unexport (self->search_provider);

  G_APPLICATION_CLASS (steward_application_parent_class)->dbus_unregister (application, connection, object_path);
}

static void
steward_application_shutdown (GApplication *application)
{
  StewardApplication *self = (StewardApplication *)application;

  g_cancellable_cancel (self->cancellable);
  _steward_application_quick_chat_dispose (self);
  soup_session_abort (steward_services_get_session (self->services));

  G_APPLICATION_CLASS (steward_application_parent_class)->shutdown (application);

  /* GSettings writes travel to dconf asynchronously: make sure the window
   * state written on close reaches it before the process exits.
   */
  g_settings_sync ();
}

static void
steward_application_dispose (GObject *object)
{
  StewardApplication *self = (StewardApplication *)object;

  g_clear_object (&self->background);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->reminders);
  g_clear_object (&self->search_provider);
  g_clear_object (&self->services);

  G_OBJECT_CLASS (steward_application_parent_class)->dispose (object);
}

static void
steward_application_class_init (StewardApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = steward_application_dispose;

  app_class->startup = steward_application_startup;
  app_class->activate = steward_application_activate;
  app_class->handle_local_options = steward_application_handle_local_options;
  app_class->shutdown = steward_application_shutdown;
  app_class->dbus_register = steward_application_dbus_register;
  app_class->dbus_unregister = steward_application_dbus_unregister;
}

static void
steward_application_init (StewardApplication *self)
{
  self->cancellable = g_cancellable_new ();
  /* One session for every request the app makes, so connections to a
   * provider are reused from one message to the next: the services'. */
  self->services = steward_services_new ();

  _steward_application_quick_chat_add_options (self);
}

/**
 * steward_application_get_services:
 *
 * Returns: (transfer none): the store, settings and HTTP session the app
 *   works with; its "ready" says when the store has opened
 */
StewardServices *
steward_application_get_services (StewardApplication *self)
{
  g_return_val_if_fail (STEWARD_IS_APPLICATION (self), NULL);

  return self->services;
}

/**
 * steward_application_get_store:
 *
 * Returns: (transfer none) (nullable): the open store
 */
StewardStore *
steward_application_get_store (StewardApplication *self)
{
  g_return_val_if_fail (STEWARD_IS_APPLICATION (self), NULL);

  return steward_services_get_store (self->services);
}

/**
 * steward_application_get_store_error:
 *
 * Returns: (transfer none) (nullable): why opening the store failed
 */
const GError *
steward_application_get_store_error (StewardApplication *self)
{
  g_return_val_if_fail (STEWARD_IS_APPLICATION (self), NULL);

  return steward_services_get_open_error (self->services);
}

gboolean
steward_application_get_store_ready (StewardApplication *self)
{
  g_return_val_if_fail (STEWARD_IS_APPLICATION (self), FALSE);

  return steward_services_get_ready (self->services);
}

/**
 * steward_application_get_session:
 *
 * Returns: (transfer none): the HTTP session every request of the app uses
 */
SoupSession *
steward_application_get_session (StewardApplication *self)
{
  g_return_val_if_fail (STEWARD_IS_APPLICATION (self), NULL);

  return steward_services_get_session (self->services);
}

/**
 * steward_application_get_background:
 *
 * Returns: (transfer none) (nullable): what keeps Steward running with no
 *   window when general.run-in-background is on; %NULL before startup
 */
StewardBackground *
steward_application_get_background (StewardApplication *self)
{
  g_return_val_if_fail (STEWARD_IS_APPLICATION (self), NULL);

  return self->background;
}

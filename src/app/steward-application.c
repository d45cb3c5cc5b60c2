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
#include "steward-bench-chat-probe.h"
#include "steward-bench-probe.h"
#include "steward-renderer.h"
#include "steward-window.h"

G_DEFINE_FINAL_TYPE (StewardApplication, steward_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STORE_ERROR,
  PROP_STORE_READY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
steward_application_store_open_cb (GObject      *object,
                                   GAsyncResult *result,
                                   gpointer      user_data)
{
  g_autoptr(StewardApplication) self = user_data;
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (STEWARD_IS_APPLICATION (self));

  store = steward_store_open_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (store == NULL)
    g_message ("Cannot open the store: %s", error->message);

  /* Error and store first, then "store-ready": listeners look at both. */
  g_set_object (&self->store, store);
  self->store_error = g_steal_pointer (&error);
  self->store_ready = TRUE;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE_ERROR]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE_READY]);
}

static void
steward_application_startup (GApplication *application)
{
  StewardApplication *self = (StewardApplication *)application;
  g_autofree char *data_dir = NULL;

  G_APPLICATION_CLASS (steward_application_parent_class)->startup (application);

  _steward_application_actions_init (self);

  /* Before the first window: on a software OpenGL, cairo draws faster. */
  steward_renderer_choose (gdk_display_get_default ());

  /* Code blocks in replies are GtkSourceViews. */
  gtk_source_init ();

  /* Opening runs migrations and may take a moment on a large file: keep it
   * off the main thread so the window shows at once.
   */
  data_dir = steward_store_dup_default_data_dir (NULL);
  steward_store_open_async (data_dir,
                            self->cancellable,
                            steward_application_store_open_cb,
                            g_object_ref (self));
}

static void
steward_application_activate (GApplication *application)
{
  StewardApplication *self = (StewardApplication *)application;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      window = GTK_WINDOW (steward_window_new (self));

      if (g_getenv ("STEWARD_BENCH_FIRST_FRAME") != NULL)
        steward_bench_probe_attach (self, window);
      steward_bench_chat_probe_attach (self, window);
    }

  gtk_window_present (window);
}

static void
steward_application_shutdown (GApplication *application)
{
  StewardApplication *self = (StewardApplication *)application;

  g_cancellable_cancel (self->cancellable);
  soup_session_abort (self->session);

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

  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (steward_application_parent_class)->dispose (object);
}

static void
steward_application_finalize (GObject *object)
{
  StewardApplication *self = (StewardApplication *)object;

  g_clear_error (&self->store_error);

  G_OBJECT_CLASS (steward_application_parent_class)->finalize (object);
}

static void
steward_application_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  StewardApplication *self = STEWARD_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_STORE_ERROR:
      g_value_set_boxed (value, self->store_error);
      break;

    case PROP_STORE_READY:
      g_value_set_boolean (value, self->store_ready);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_application_class_init (StewardApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = steward_application_dispose;
  object_class->finalize = steward_application_finalize;
  object_class->get_property = steward_application_get_property;

  app_class->startup = steward_application_startup;
  app_class->activate = steward_application_activate;
  app_class->shutdown = steward_application_shutdown;

  /**
   * StewardApplication:store:
   *
   * The open store, or %NULL while it opens or when opening failed.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         STEWARD_TYPE_STORE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * StewardApplication:store-error:
   *
   * Why the store could not be opened, or %NULL.
   */
  properties[PROP_STORE_ERROR] =
    g_param_spec_boxed ("store-error", NULL, NULL,
                        G_TYPE_ERROR,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * StewardApplication:store-ready:
   *
   * %TRUE once opening the store finished, whether it worked or not.
   */
  properties[PROP_STORE_READY] =
    g_param_spec_boolean ("store-ready", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_application_init (StewardApplication *self)
{
  self->cancellable = g_cancellable_new ();
  /* One session for every request the app makes, so connections to a
   * provider are reused from one message to the next. */
  self->session = soup_session_new_with_options ("user-agent", "Steward/" PACKAGE_VERSION,
                                                 NULL);
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

  return self->store;
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

  return self->store_error;
}

gboolean
steward_application_get_store_ready (StewardApplication *self)
{
  g_return_val_if_fail (STEWARD_IS_APPLICATION (self), FALSE);

  return self->store_ready;
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

  return self->session;
}

/* steward-global-shortcut.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-global-shortcut"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-enum-types.h"
#include "steward-global-shortcut.h"

/* The quick chat shortcut, desktop-wide, through the XDG GlobalShortcuts
 * portal spoken over GDBus (libportal 0.6 has no API for it): a session
 * (CreateSession), the shortcut bound in it (BindShortcuts), each answered
 * through a Request object's Response signal, then Activated while the
 * session lives. Bound anew at each start: the desktop keeps the trigger
 * the user chose for our app and shortcut id. */

#define PORTAL_BUS_NAME      "org.freedesktop.portal.Desktop"
#define PORTAL_OBJECT_PATH   "/org/freedesktop/portal/desktop"
#define PORTAL_INTERFACE     "org.freedesktop.portal.GlobalShortcuts"
#define REQUEST_INTERFACE    "org.freedesktop.portal.Request"
#define SESSION_INTERFACE    "org.freedesktop.portal.Session"

/* As the shortcuts XDG specification writes a trigger */
#define QUICK_CHAT_TRIGGER   "CTRL+ALT+space"

struct _StewardGlobalShortcut
{
  GObject          parent_instance;

  /* Owned */
  GCancellable    *cancellable;
  GDBusConnection *connection;
  char            *request_path;
  char            *session_handle;
  char            *trigger_description;
  char            *message;

  guint            response_id;
  guint            portal_signals_id;
  guint            closed_id;

  StewardGlobalShortcutState state;
  guint            started : 1;
};

G_DEFINE_FINAL_TYPE (StewardGlobalShortcut, steward_global_shortcut, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_TRIGGER_DESCRIPTION,
  PROP_MESSAGE,
  N_PROPS
};

enum {
  ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_state (StewardGlobalShortcut      *self,
           StewardGlobalShortcutState  state,
           const char                 *message)
{
  g_assert (STEWARD_IS_GLOBAL_SHORTCUT (self));

  if (g_strcmp0 (self->message, message) != 0)
    {
      g_free (self->message);
      self->message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
    }

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }

  if (message != NULL)
    g_debug ("%s", message);
}

/* A D-Bus error as the end of a sentence: without its remote name and
 * without a final full stop */
static char *
dup_error_reason (GError *error)
{
  g_autofree char *reason = NULL;

  g_dbus_error_strip_remote_error (error);
  reason = g_strdup (error->message);
  g_strchomp (reason);
  if (g_str_has_suffix (reason, "."))
    reason[strlen (reason) - 1] = '\0';

  return g_steal_pointer (&reason);
}

static void
fail (StewardGlobalShortcut *self,
      GError                *error)
{
  g_autofree char *reason = dup_error_reason (error);
  g_autofree char *message = NULL;

  /* Translators: %s is the desktop portal's reason */
  message = g_strdup_printf (_("The quick chat shortcut could not be set: %s."), reason);
  set_state (self, STEWARD_GLOBAL_SHORTCUT_FAILED, message);
}

/* A token for a request or session path: a valid object path element */
static char *
dup_token (const char *kind)
{
  static guint counter;

  return g_strdup_printf ("steward_%s_%u_%u", kind, ++counter, g_random_int ());
}

/* Where the portal puts a request or session of ours, as its
 * specification says: our unique name without ':' and '.' as '_' */
static char *
dup_portal_path (StewardGlobalShortcut *self,
                 const char            *kind,
                 const char            *token)
{
  g_autofree char *sender = g_strdup (g_dbus_connection_get_unique_name (self->connection) + 1);

  g_strdelimit (sender, ".", '_');

  return g_strdup_printf (PORTAL_OBJECT_PATH "/%s/%s/%s", kind, sender, token);
}

static void
stop_listening_for_response (StewardGlobalShortcut *self)
{
  if (self->response_id != 0)
    {
      g_dbus_connection_signal_unsubscribe (self->connection, self->response_id);
      self->response_id = 0;
    }
  g_clear_pointer (&self->request_path, g_free);
}

/* Before the call, as the portal's specification says: the answer may
 * come before the call's reply does */
static void
listen_for_response (StewardGlobalShortcut *self,
                     const char            *request_path,
                     GDBusSignalCallback    callback)
{
  stop_listening_for_response (self);

  self->request_path = g_strdup (request_path);
  self->response_id = g_dbus_connection_signal_subscribe (self->connection,
                                                          PORTAL_BUS_NAME,
                                                          REQUEST_INTERFACE,
                                                          "Response",
                                                          request_path,
                                                          NULL,
                                                          G_DBUS_SIGNAL_FLAGS_NONE,
                                                          callback,
                                                          self,
                                                          NULL);
}

/* The reply to CreateSession or BindShortcuts: the request's path, made
 * from our handle_token as every portal with global shortcuts makes it,
 * so only an error matters */
static void
request_sent_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  StewardGlobalShortcut *self;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = user_data;
  g_assert (STEWARD_IS_GLOBAL_SHORTCUT (self));

  if (reply == NULL)
    {
      stop_listening_for_response (self);
      fail (self, error);
    }
}

/* The Response of the request we wait for: its code, and its results
 * (NULL when the request did not succeed, the state then set) */
static GVariant *
take_response (StewardGlobalShortcut *self,
               GVariant              *parameters)
{
  g_autoptr(GVariant) results = NULL;
  guint32 response = 2;

  stop_listening_for_response (self);

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ua{sv})")))
    {
      set_state (self, STEWARD_GLOBAL_SHORTCUT_FAILED,
                 _("The quick chat shortcut could not be set: the desktop portal gave a malformed answer."));
      return NULL;
    }

  g_variant_get (parameters, "(u@a{sv})", &response, &results);

  if (response == 1)
    {
      set_state (self, STEWARD_GLOBAL_SHORTCUT_DENIED,
                 _("The quick chat shortcut was not allowed: the request was refused or cancelled."));
      return NULL;
    }

  if (response != 0)
    {
      set_state (self, STEWARD_GLOBAL_SHORTCUT_FAILED,
                 _("The quick chat shortcut could not be set: the desktop portal failed."));
      return NULL;
    }

  return g_steal_pointer (&results);
}

static void
set_trigger_description (StewardGlobalShortcut *self,
                         const char            *trigger_description)
{
  if (g_strcmp0 (self->trigger_description, trigger_description) == 0)
    return;

  g_free (self->trigger_description);
  self->trigger_description = g_strdup (trigger_description);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRIGGER_DESCRIPTION]);
}

/* The trigger the desktop bound, as it would write it to the user, from
 * its list of our shortcuts (a(sa{sv})) */
static void
take_trigger (StewardGlobalShortcut *self,
              GVariant              *shortcuts)
{
  GVariantIter iter;
  const char *id;
  GVariant *info;

  g_variant_iter_init (&iter, shortcuts);
  while (g_variant_iter_next (&iter, "(&s@a{sv})", &id, &info))
    {
      const char *trigger = NULL;

      if (g_strcmp0 (id, STEWARD_GLOBAL_SHORTCUT_QUICK_CHAT) == 0 &&
          g_variant_lookup (info, "trigger_description", "&s", &trigger))
        set_trigger_description (self, trigger);
      g_variant_unref (info);
    }
}

static void
bind_response_cb (GDBusConnection *connection,
                  const char      *sender_name,
                  const char      *object_path,
                  const char      *interface_name,
                  const char      *signal_name,
                  GVariant        *parameters,
                  gpointer         user_data)
{
  StewardGlobalShortcut *self = user_data;
  g_autoptr(GVariant) results = NULL;
  g_autoptr(GVariant) shortcuts = NULL;

  g_assert (STEWARD_IS_GLOBAL_SHORTCUT (self));

  if (!(results = take_response (self, parameters)))
    return;

  shortcuts = g_variant_lookup_value (results, "shortcuts", G_VARIANT_TYPE ("a(sa{sv})"));
  if (shortcuts != NULL)
    take_trigger (self, shortcuts);

  set_state (self, STEWARD_GLOBAL_SHORTCUT_BOUND, NULL);
}

static void
bind_shortcuts (StewardGlobalShortcut *self)
{
  g_autofree char *token = dup_token ("bind");
  g_autofree char *request_path = dup_portal_path (self, "request", token);
  GVariantBuilder shortcuts;
  GVariantBuilder info;
  GVariantBuilder options;

  g_variant_builder_init (&info, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&info, "{sv}", "description", g_variant_new_string (_("Open quick chat")));
  g_variant_builder_add (&info, "{sv}", "preferred_trigger", g_variant_new_string (QUICK_CHAT_TRIGGER));

  g_variant_builder_init (&shortcuts, G_VARIANT_TYPE ("a(sa{sv})"));
  g_variant_builder_add (&shortcuts, "(s@a{sv})", STEWARD_GLOBAL_SHORTCUT_QUICK_CHAT,
                         g_variant_builder_end (&info));

  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "handle_token", g_variant_new_string (token));

  listen_for_response (self, request_path, bind_response_cb);
  g_dbus_connection_call (self->connection,
                          PORTAL_BUS_NAME,
                          PORTAL_OBJECT_PATH,
                          PORTAL_INTERFACE,
                          "BindShortcuts",
                          g_variant_new ("(oa(sa{sv})sa{sv})", self->session_handle, &shortcuts, "", &options),
                          G_VARIANT_TYPE ("(o)"),
                          G_DBUS_CALL_FLAGS_NONE,
                          -1,
                          self->cancellable,
                          request_sent_cb,
                          self);
}

static void
stop_listening_for_closed (StewardGlobalShortcut *self)
{
  if (self->closed_id != 0)
    {
      g_dbus_connection_signal_unsubscribe (self->connection, self->closed_id);
      self->closed_id = 0;
    }
}

/* The desktop ended our session (its settings, or the portal restarted):
 * nothing is bound any more, until the next start */
static void
session_closed_cb (GDBusConnection *connection,
                   const char      *sender_name,
                   const char      *object_path,
                   const char      *interface_name,
                   const char      *signal_name,
                   GVariant        *parameters,
                   gpointer         user_data)
{
  StewardGlobalShortcut *self = user_data;

  g_assert (STEWARD_IS_GLOBAL_SHORTCUT (self));

  stop_listening_for_closed (self);
  stop_listening_for_response (self);
  g_clear_pointer (&self->session_handle, g_free);
  set_trigger_description (self, NULL);
  set_state (self, STEWARD_GLOBAL_SHORTCUT_FAILED,
             _("The quick chat shortcut was removed: the desktop closed its session."));
}

static void
session_response_cb (GDBusConnection *connection,
                     const char      *sender_name,
                     const char      *object_path,
                     const char      *interface_name,
                     const char      *signal_name,
                     GVariant        *parameters,
                     gpointer         user_data)
{
  StewardGlobalShortcut *self = user_data;
  g_autoptr(GVariant) results = NULL;
  g_autoptr(GVariant) handle = NULL;

  g_assert (STEWARD_IS_GLOBAL_SHORTCUT (self));

  if (!(results = take_response (self, parameters)))
    return;

  /* A string in the specification; an object path would do as well */
  handle = g_variant_lookup_value (results, "session_handle", NULL);
  if (handle == NULL ||
      !(g_variant_is_of_type (handle, G_VARIANT_TYPE_STRING) || g_variant_is_of_type (handle, G_VARIANT_TYPE_OBJECT_PATH)) ||
      !g_variant_is_object_path (g_variant_get_string (handle, NULL)))
    {
      set_state (self, STEWARD_GLOBAL_SHORTCUT_FAILED,
                 _("The quick chat shortcut could not be set: the desktop portal gave no session."));
      return;
    }

  g_free (self->session_handle);
  self->session_handle = g_variant_dup_string (handle, NULL);
  self->closed_id = g_dbus_connection_signal_subscribe (self->connection,
                                                        PORTAL_BUS_NAME,
                                                        SESSION_INTERFACE,
                                                        "Closed",
                                                        self->session_handle,
                                                        NULL,
                                                        G_DBUS_SIGNAL_FLAGS_NONE,
                                                        session_closed_cb,
                                                        self,
                                                        NULL);

  bind_shortcuts (self);
}

static void
create_session (StewardGlobalShortcut *self)
{
  g_autofree char *token = dup_token ("session");
  g_autofree char *session_token = dup_token ("shortcuts");
  g_autofree char *request_path = dup_portal_path (self, "request", token);
  GVariantBuilder options;

  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "handle_token", g_variant_new_string (token));
  g_variant_builder_add (&options, "{sv}", "session_handle_token", g_variant_new_string (session_token));

  listen_for_response (self, request_path, session_response_cb);
  g_dbus_connection_call (self->connection,
                          PORTAL_BUS_NAME,
                          PORTAL_OBJECT_PATH,
                          PORTAL_INTERFACE,
                          "CreateSession",
                          g_variant_new ("(a{sv})", &options),
                          G_VARIANT_TYPE ("(o)"),
                          G_DBUS_CALL_FLAGS_NONE,
                          -1,
                          self->cancellable,
                          request_sent_cb,
                          self);
}

/* Activated, and ShortcutsChanged (version 2: the user chose another
 * trigger in the desktop's settings), for our session alone: another
 * Steward's, or one we no longer hold, are not ours to follow */
static void
portal_signal_cb (GDBusConnection *connection,
                  const char      *sender_name,
                  const char      *object_path,
                  const char      *interface_name,
                  const char      *signal_name,
                  GVariant        *parameters,
                  gpointer         user_data)
{
  StewardGlobalShortcut *self = user_data;
  const char *session_handle = NULL;

  g_assert (STEWARD_IS_GLOBAL_SHORTCUT (self));

  if (g_str_equal (signal_name, "Activated") &&
      g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(osta{sv})")))
    {
      const char *shortcut_id = NULL;

      g_variant_get (parameters, "(&o&st@a{sv})", &session_handle, &shortcut_id, NULL, NULL);
      if (self->session_handle != NULL && g_str_equal (session_handle, self->session_handle))
        g_signal_emit (self, signals[ACTIVATED], 0, shortcut_id);
    }
  else if (g_str_equal (signal_name, "ShortcutsChanged") &&
           g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(oa(sa{sv}))")))
    {
      g_autoptr(GVariant) shortcuts = NULL;

      g_variant_get (parameters, "(&o@a(sa{sv}))", &session_handle, &shortcuts);
      if (self->session_handle != NULL && g_str_equal (session_handle, self->session_handle))
        take_trigger (self, shortcuts);
    }
}

/* Whether the portal runs, and offers global shortcuts: its version */
static void
version_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  StewardGlobalShortcut *self;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = user_data;
  g_assert (STEWARD_IS_GLOBAL_SHORTCUT (self));

  if (reply == NULL)
    {
      if (g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN) ||
          g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_NAME_HAS_NO_OWNER))
        set_state (self, STEWARD_GLOBAL_SHORTCUT_UNAVAILABLE,
                   _("Global shortcuts are unavailable: no desktop portal is running."));
      else
        set_state (self, STEWARD_GLOBAL_SHORTCUT_UNAVAILABLE,
                   _("Global shortcuts are unavailable: this desktop does not offer them to apps."));
      return;
    }

  self->portal_signals_id = g_dbus_connection_signal_subscribe (self->connection,
                                                                PORTAL_BUS_NAME,
                                                                PORTAL_INTERFACE,
                                                                NULL,
                                                                PORTAL_OBJECT_PATH,
                                                                NULL,
                                                                G_DBUS_SIGNAL_FLAGS_NONE,
                                                                portal_signal_cb,
                                                                self,
                                                                NULL);
  create_session (self);
}

static void
bus_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  StewardGlobalShortcut *self;
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GError) error = NULL;

  connection = g_bus_get_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = user_data;
  g_assert (STEWARD_IS_GLOBAL_SHORTCUT (self));

  if (connection == NULL)
    {
      set_state (self, STEWARD_GLOBAL_SHORTCUT_UNAVAILABLE,
                 _("Global shortcuts are unavailable: there is no session bus."));
      return;
    }

  self->connection = g_steal_pointer (&connection);
  g_dbus_connection_call (self->connection,
                          PORTAL_BUS_NAME,
                          PORTAL_OBJECT_PATH,
                          "org.freedesktop.DBus.Properties",
                          "Get",
                          g_variant_new ("(ss)", PORTAL_INTERFACE, "version"),
                          G_VARIANT_TYPE ("(v)"),
                          G_DBUS_CALL_FLAGS_NONE,
                          -1,
                          self->cancellable,
                          version_cb,
                          self);
}

static void
steward_global_shortcut_dispose (GObject *object)
{
  StewardGlobalShortcut *self = STEWARD_GLOBAL_SHORTCUT (object);

  g_cancellable_cancel (self->cancellable);

  if (self->connection != NULL)
    {
      /* A question still before the user, and our session, closed: the
       * desktop forgets neither on its own while the bus lives */
      if (self->request_path != NULL)
        g_dbus_connection_call (self->connection, PORTAL_BUS_NAME, self->request_path, REQUEST_INTERFACE,
                                "Close", NULL, NULL, G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, NULL, NULL, NULL);
      if (self->session_handle != NULL)
        g_dbus_connection_call (self->connection, PORTAL_BUS_NAME, self->session_handle, SESSION_INTERFACE,
                                "Close", NULL, NULL, G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, NULL, NULL, NULL);

      stop_listening_for_response (self);
      stop_listening_for_closed (self);
      if (self->portal_signals_id != 0)
        {
          g_dbus_connection_signal_unsubscribe (self->connection, self->portal_signals_id);
          self->portal_signals_id = 0;
        }
    }

  g_clear_pointer (&self->session_handle, g_free);
  g_clear_object (&self->connection);

  G_OBJECT_CLASS (steward_global_shortcut_parent_class)->dispose (object);
}

static void
steward_global_shortcut_finalize (GObject *object)
{
  StewardGlobalShortcut *self = STEWARD_GLOBAL_SHORTCUT (object);

  g_clear_object (&self->cancellable);
  g_free (self->trigger_description);
  g_free (self->message);

  G_OBJECT_CLASS (steward_global_shortcut_parent_class)->finalize (object);
}

static void
steward_global_shortcut_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  StewardGlobalShortcut *self = STEWARD_GLOBAL_SHORTCUT (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_TRIGGER_DESCRIPTION:
      g_value_set_string (value, self->trigger_description);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_global_shortcut_class_init (StewardGlobalShortcutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steward_global_shortcut_dispose;
  object_class->finalize = steward_global_shortcut_finalize;
  object_class->get_property = steward_global_shortcut_get_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       STEWARD_TYPE_GLOBAL_SHORTCUT_STATE,
                       STEWARD_GLOBAL_SHORTCUT_BINDING,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The bound trigger as the desktop writes it ("Ctrl+Alt+Space"), NULL
   * until bound or when the desktop did not say */
  properties[PROP_TRIGGER_DESCRIPTION] =
    g_param_spec_string ("trigger-description", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Why the shortcut is not bound: one sentence for the user */
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StewardGlobalShortcut::activated:
   * @shortcut_id: the shortcut pressed (STEWARD_GLOBAL_SHORTCUT_QUICK_CHAT)
   */
  signals[ACTIVATED] =
    g_signal_new ("activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
steward_global_shortcut_init (StewardGlobalShortcut *self)
{
  self->cancellable = g_cancellable_new ();
  self->state = STEWARD_GLOBAL_SHORTCUT_BINDING;
}

StewardGlobalShortcut *
steward_global_shortcut_new (void)
{
  return g_object_new (STEWARD_TYPE_GLOBAL_SHORTCUT, NULL);
}

/* Asks the desktop for the shortcut; "state" says how that went */
void
steward_global_shortcut_bind (StewardGlobalShortcut *self)
{
  g_return_if_fail (STEWARD_IS_GLOBAL_SHORTCUT (self));

  if (self->started)
    return;

  self->started = TRUE;
  g_bus_get (G_BUS_TYPE_SESSION, self->cancellable, bus_cb, self);
}

StewardGlobalShortcutState
steward_global_shortcut_get_state (StewardGlobalShortcut *self)
{
  g_return_val_if_fail (STEWARD_IS_GLOBAL_SHORTCUT (self), STEWARD_GLOBAL_SHORTCUT_UNAVAILABLE);

  return self->state;
}

const char *
steward_global_shortcut_get_trigger_description (StewardGlobalShortcut *self)
{
  g_return_val_if_fail (STEWARD_IS_GLOBAL_SHORTCUT (self), NULL);

  return self->trigger_description;
}

const char *
steward_global_shortcut_get_message (StewardGlobalShortcut *self)
{
  g_return_val_if_fail (STEWARD_IS_GLOBAL_SHORTCUT (self), NULL);

  return self->message;
}

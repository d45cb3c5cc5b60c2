/* steward-application-quick-chat.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-application"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-application-private.h"
#ifdef STEWARD_BENCH_PROBES
# include "steward-bench-quick-chat-probe.h"
#endif
#include "steward-quick-chat-window.h"

/* Quick chat, from the application: the app.quick-chat action (what
 * `steward --quick-chat`, a keyboard shortcut and GNOME Shell's "Ask
 * Steward" activate), and the window made ahead and kept hidden. */

static StewardQuickChatWindow *
ensure_window (StewardApplication *self)
{
  if (self->quick_chat == NULL)
    {
      self->quick_chat = g_object_ref_sink (steward_quick_chat_window_new ());

#ifdef STEWARD_BENCH_PROBES
      steward_bench_quick_chat_probe_attach (GTK_WINDOW (self->quick_chat));
#endif
    }

  return self->quick_chat;
}

/* Made at start-up, before any other window (about 3 ms), rather than
 * later: GTK 4.8's accessibility root answers a screen reader asking for
 * a window past the visible ones with the last window made, whose path
 * is NULL while it is hidden, and the process then crashes in GVariant.
 * The first window made is never that last one while another exists. */
void
_steward_application_quick_chat_make (StewardApplication *self)
{
  ensure_window (self);
}

/* app.quick-chat(s): the quick chat window, its entry holding the text
 * given (none when the text is empty) */
static void
quick_chat_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  StewardApplication *self = user_data;
  const char *text = param != NULL ? g_variant_get_string (param, NULL) : NULL;

  steward_quick_chat_window_open (ensure_window (self), GTK_APPLICATION (self), text);
}

static gboolean
realize_window_cb (gpointer user_data)
{
  StewardApplication *self = user_data;

  self->make_quick_chat_id = 0;

  /* Its surface too, hidden: opening it is then a map and a frame */
  gtk_widget_realize (GTK_WIDGET (ensure_window (self)));

  return G_SOURCE_REMOVE;
}

/* Realized when nothing else waits, so that it never slows the first
 * window: opening it is then a present and one frame. */
void
_steward_application_quick_chat_prepare (StewardApplication *self)
{
  if (self->make_quick_chat_id == 0 &&
      (self->quick_chat == NULL || !gtk_widget_get_realized (GTK_WIDGET (self->quick_chat))))
    self->make_quick_chat_id = g_timeout_add_full (G_PRIORITY_LOW, 500, realize_window_cb, self, NULL);
}

static const GActionEntry actions[] = {
  { "quick-chat", quick_chat_action, "s" },
};

/* The desktop's shortcut for quick chat, pressed anywhere */
static void
global_shortcut_activated_cb (StewardApplication *self,
                              const char         *shortcut_id)
{
  if (g_strcmp0 (shortcut_id, STEWARD_GLOBAL_SHORTCUT_QUICK_CHAT) == 0)
    g_action_group_activate_action (G_ACTION_GROUP (self), "quick-chat", g_variant_new_string (""));
}

void
_steward_application_quick_chat_init (StewardApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);

  /* Bound anew at each start, through the GlobalShortcuts portal */
  self->global_shortcut = steward_global_shortcut_new ();
  g_signal_connect_object (self->global_shortcut, "activated",
                           G_CALLBACK (global_shortcut_activated_cb), self, G_CONNECT_SWAPPED);
  steward_global_shortcut_bind (self->global_shortcut);
}

/* Before the command line is read */
void
_steward_application_quick_chat_add_options (StewardApplication *self)
{
  g_application_add_main_option (G_APPLICATION (self), "quick-chat", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE,
                                 _("Open the quick chat window"), NULL);
}

/* `steward --quick-chat`: the running Steward opens its quick chat and
 * this process ends; with none running, this one starts straight into
 * quick chat, without the main window. */
int
_steward_application_quick_chat_handle_options (StewardApplication *self,
                                                GVariantDict       *options)
{
  g_autoptr(GError) error = NULL;

  if (!g_variant_dict_contains (options, "quick-chat"))
    return -1;

  if (!g_application_register (G_APPLICATION (self), NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  if (!g_application_get_is_remote (G_APPLICATION (self)))
    {
      self->start_in_quick_chat = TRUE;
      return -1;
    }

  g_action_group_activate_action (G_ACTION_GROUP (self), "quick-chat", g_variant_new_string (""));

  /* The activation is a D-Bus message: out before the process ends */
  if (g_application_get_dbus_connection (G_APPLICATION (self)) != NULL)
    g_dbus_connection_flush_sync (g_application_get_dbus_connection (G_APPLICATION (self)), NULL, NULL);

  return EXIT_SUCCESS;
}

void
_steward_application_quick_chat_dispose (StewardApplication *self)
{
  g_clear_handle_id (&self->make_quick_chat_id, g_source_remove);
  g_clear_object (&self->global_shortcut);

  if (self->quick_chat != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self->quick_chat));
      g_clear_object (&self->quick_chat);
    }
}

/* steward-desktop-actions.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-desktop-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-desktop-actions.h"
#include "steward-search-hit.h"
#include "steward-window.h"

/* What the overview's search asks of the app from outside its windows,
 * as application actions, so that anything reaching the app — D-Bus, a
 * notification, `gapplication action` — opens the same places:
 *
 *   app.open-result(('conversation:12', 345))  the conversation, at
 *        message 345 (0: at its end); ('task:7', 0) the task's editor;
 *        ('project:3', 9) the project, at phase 9 (0: its phases)
 *   app.search('terms')      the history search, with the terms typed
 *
 * ("Ask Steward" is app.quick-chat, steward-application-quick-chat.c.) */

static StewardWindow *
present_main_window (StewardApplication *self)
{
  GtkWindow *window = steward_application_present_main_window (self);

  return STEWARD_IS_WINDOW (window) ? STEWARD_WINDOW (window) : NULL;
}

/* The editable or text view that has the keyboard in @window */
static GtkWidget *
dup_focus (StewardWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL ? g_object_ref (focus) : NULL;
}

static void
open_conversation (StewardWindow *window,
                   gint64         conversation_id,
                   gint64         message_id)
{
  if (message_id > 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-message", "x", message_id);
      return;
    }

  if (!steward_window_set_page (window, "chat"))
    return;

  steward_chat_page_show_conversation (steward_window_get_chat_page (window), conversation_id);
}

/* The board at the task's card, then its editor: "board.edit" belongs to
 * the board, which the card with the focus is inside. */
static void
open_task (StewardWindow *window,
           gint64         task_id)
{
  g_autoptr(GtkWidget) focus = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-task", "x", task_id);

  if ((focus = dup_focus (window)) != NULL)
    gtk_widget_activate_action (focus, "board.edit", "x", task_id);
}

static void
open_project (StewardWindow *window,
              gint64         project_id,
              gint64         phase_id)
{
  if (!gtk_widget_activate_action (GTK_WIDGET (window), "win.show-phase", "(xx)", project_id, phase_id))
    steward_window_set_page (window, "documents");
}

static void
open_result_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  StewardApplication *self = user_data;
  StewardWindow *window;
  StewardSearchHitKind kind;
  const char *result_id;
  gint64 target_id;
  gint64 id;

  g_assert (STEWARD_IS_APPLICATION (self));

  g_variant_get (param, "(&sx)", &result_id, &target_id);

  if (!steward_search_hit_parse_result_id (result_id, &kind, &id))
    {
      g_warning ("Cannot open “%s”: it is not a search result", result_id);
      return;
    }

  if (!(window = present_main_window (self)))
    return;

  switch (kind)
    {
    case STEWARD_SEARCH_HIT_CONVERSATION:
      open_conversation (window, id, target_id);
      break;

    case STEWARD_SEARCH_HIT_TASK:
      open_task (window, id);
      break;

    case STEWARD_SEARCH_HIT_PROJECT:
      open_project (window, id, target_id);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* The overview's "more results": the history search, the terms typed. */
static void
search_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  StewardApplication *self = user_data;
  g_autoptr(GtkWidget) focus = NULL;
  StewardWindow *window;

  g_assert (STEWARD_IS_APPLICATION (self));

  if (!(window = present_main_window (self)))
    return;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);

  if ((focus = dup_focus (window)) != NULL && GTK_IS_EDITABLE (focus))
    {
      gtk_editable_set_text (GTK_EDITABLE (focus), g_variant_get_string (param, NULL));
      gtk_editable_set_position (GTK_EDITABLE (focus), -1);
    }
}

static const GActionEntry actions[] = {
  { "open-result", open_result_action, "(sx)" },
  { "search", search_action, "s" },
};

/**
 * steward_desktop_actions_init:
 *
 * Adds app.open-result and app.search to @application.
 */
void
steward_desktop_actions_init (StewardApplication *application)
{
  g_return_if_fail (STEWARD_IS_APPLICATION (application));

  g_action_map_add_action_entries (G_ACTION_MAP (application), actions, G_N_ELEMENTS (actions), application);
}

/* steward-application-actions.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-application-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-application-private.h"
#include "steward-preferences-window.h"

static void
steward_application_quit_action (GSimpleAction *action,
                                 GVariant      *param,
                                 gpointer       user_data)
{
  StewardApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  g_assert (STEWARD_IS_APPLICATION (self));

  /* Close each window rather than quitting outright so that every window
   * gets its close-request and saves its state; the application exits when
   * the last one is gone.
   */
  /* Quit means quit, Run in Background or not */
  if (self->background != NULL)
    steward_background_quit (self->background);

  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (const GList *iter = windows; iter != NULL; iter = iter->next)
    gtk_window_close (GTK_WINDOW (iter->data));
}

static void
show_preferences (StewardApplication *self,
                  const char         *page)
{
  StewardPreferencesWindow *preferences;
  GtkWindow *parent;

  parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  preferences = steward_preferences_window_new ();
  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_set_modal (GTK_WINDOW (preferences), TRUE);
  gtk_window_set_application (GTK_WINDOW (preferences), GTK_APPLICATION (self));
  if (page != NULL)
    adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), page);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
steward_application_preferences_action (GSimpleAction *action,
                                        GVariant      *param,
                                        gpointer       user_data)
{
  g_assert (STEWARD_IS_APPLICATION (user_data));

  show_preferences (user_data, NULL);
}

/* app.preferences-page('providers'): Preferences open on one page, as the
 * chat's first-run screen asks. */
static void
steward_application_preferences_page_action (GSimpleAction *action,
                                             GVariant      *param,
                                             gpointer       user_data)
{
  g_assert (STEWARD_IS_APPLICATION (user_data));

  show_preferences (user_data, g_variant_get_string (param, NULL));
}

static void
steward_application_about_action (GSimpleAction *action,
                                  GVariant      *param,
                                  gpointer       user_data)
{
  static const char *developers[] = { "The Steward authors", NULL };
  StewardApplication *self = user_data;
  GtkWidget *about;

  g_assert (STEWARD_IS_APPLICATION (self));

  about = adw_about_window_new ();
  gtk_window_set_title (GTK_WINDOW (about), _("About Steward"));
  gtk_window_set_transient_for (GTK_WINDOW (about),
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_set_modal (GTK_WINDOW (about), TRUE);
  adw_about_window_set_application_name (ADW_ABOUT_WINDOW (about), _("Steward"));
  adw_about_window_set_application_icon (ADW_ABOUT_WINDOW (about), APP_ID);
  adw_about_window_set_version (ADW_ABOUT_WINDOW (about), PACKAGE_VERSION);
  adw_about_window_set_developer_name (ADW_ABOUT_WINDOW (about), _("The Steward authors"));
  adw_about_window_set_developers (ADW_ABOUT_WINDOW (about), developers);
  adw_about_window_set_license_type (ADW_ABOUT_WINDOW (about), GTK_LICENSE_GPL_3_0);
  adw_about_window_set_website (ADW_ABOUT_WINDOW (about), "https://github.com/stewardapp/steward");
  adw_about_window_set_issue_url (ADW_ABOUT_WINDOW (about), "https://github.com/stewardapp/steward/issues");
  adw_about_window_set_copyright (ADW_ABOUT_WINDOW (about), _("© 2026 The Steward authors"));
  /* Translators: Replace "translator-credits" with your name and email, one
   * translator per line.
   */
  adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), _("translator-credits"));
  gtk_window_present (GTK_WINDOW (about));
}

static void
steward_application_help_action (GSimpleAction *action,
                                 GVariant      *param,
                                 gpointer       user_data)
{
  StewardApplication *self = user_data;

  g_assert (STEWARD_IS_APPLICATION (self));

  gtk_show_uri (gtk_application_get_active_window (GTK_APPLICATION (self)),
                "help:steward",
                GDK_CURRENT_TIME);
}

static const GActionEntry actions[] = {
  { "quit", steward_application_quit_action },
  { "preferences", steward_application_preferences_action },
  { "preferences-page", steward_application_preferences_page_action, "s" },
  { "about", steward_application_about_action },
  { "help", steward_application_help_action },
};

/* Every accelerator of the application, window actions included, so there
 * is one place to look (and help-overlay.ui to keep in step with).
 */
static const struct {
  const char *action_name;
  const char *accels[3];
} accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "app.help", { "F1", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "win.show-page::chat", { "<Control>1", NULL } },
  { "win.show-page::tasks", { "<Control>2", NULL } },
  { "win.show-page::documents", { "<Control>3", NULL } },
  { "win.new-conversation", { "<Control>n", NULL } },
};

void
_steward_application_actions_init (StewardApplication *self)
{
  g_return_if_fail (STEWARD_IS_APPLICATION (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   actions,
                                   G_N_ELEMENTS (actions),
                                   self);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action_name,
                                           accels[i].accels);
}

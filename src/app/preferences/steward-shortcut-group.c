/* steward-shortcut-group.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-shortcut-group"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-custom-keybinding.h"
#include "steward-shortcut-group.h"

/* GNOME's custom shortcut, where Steward adds it itself */
#define GNOME_BINDING "<Control><Alt>space"

/* Preferences → Shortcut: the quick chat shortcut the desktop bound
 * through the GlobalShortcuts portal (the desktop's own settings change
 * it), or, where the desktop offers none or it was refused, why, and the
 * command a custom shortcut of the desktop can run instead, to copy. */

struct _StewardShortcutGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Template widgets */
  AdwActionRow        *command_row;
  GtkButton           *copy_button;
  AdwActionRow        *gnome_row;
  GtkButton           *add_button;
  AdwActionRow        *trigger_row;
  GtkLabel            *trigger_label;

  /* Owned */
  StewardGlobalShortcut *shortcut;
};

G_DEFINE_FINAL_TYPE (StewardShortcutGroup, steward_shortcut_group, ADW_TYPE_PREFERENCES_GROUP)

/**
 * steward_shortcut_group_dup_command:
 *
 * What a custom shortcut runs to open quick chat: through flatpak inside
 * the sandbox (/.flatpak-info is there), else the command itself.
 */
char *
steward_shortcut_group_dup_command (void)
{
  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    return g_strdup ("flatpak run " APP_ID " --quick-chat");

  return g_strdup ("steward --quick-chat");
}

static void
update (StewardShortcutGroup *self)
{
  StewardGlobalShortcutState state = STEWARD_GLOBAL_SHORTCUT_UNAVAILABLE;
  const char *trigger = NULL;
  const char *message = NULL;
  g_autofree char *command = NULL;
  gboolean custom;

  g_assert (STEWARD_IS_SHORTCUT_GROUP (self));

  if (self->shortcut != NULL)
    {
      state = steward_global_shortcut_get_state (self->shortcut);
      trigger = steward_global_shortcut_get_trigger_description (self->shortcut);
      message = steward_global_shortcut_get_message (self->shortcut);
    }

  switch (state)
    {
    case STEWARD_GLOBAL_SHORTCUT_BINDING:
      adw_action_row_set_subtitle (self->trigger_row, _("Asking the desktop…"));
      gtk_label_set_label (self->trigger_label, "");
      break;

    case STEWARD_GLOBAL_SHORTCUT_BOUND:
      adw_action_row_set_subtitle (self->trigger_row, _("Change it in the desktop’s keyboard settings."));
      gtk_label_set_label (self->trigger_label, trigger != NULL ? trigger : _("Bound"));
      break;

    case STEWARD_GLOBAL_SHORTCUT_UNAVAILABLE:
    case STEWARD_GLOBAL_SHORTCUT_DENIED:
    case STEWARD_GLOBAL_SHORTCUT_FAILED:
    default:
      adw_action_row_set_subtitle (self->trigger_row,
                                   message != NULL ? message : _("Global shortcuts are unavailable."));
      gtk_label_set_label (self->trigger_label, _("None"));
      break;
    }

  /* Where the desktop binds nothing, a custom shortcut of its own can */
  custom = state != STEWARD_GLOBAL_SHORTCUT_BOUND && state != STEWARD_GLOBAL_SHORTCUT_BINDING;
  gtk_widget_set_visible (GTK_WIDGET (self->command_row), custom);
  if (custom)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                           _("To open quick chat from anywhere, add a custom shortcut in the "
                                             "desktop’s keyboard settings that runs the command below."));
  else
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                           _("Open quick chat from anywhere on the desktop."));
  command = steward_shortcut_group_dup_command ();
  adw_action_row_set_subtitle (self->command_row, command);

  /* On GNOME, outside the sandbox, Steward can add it itself */
  gtk_widget_set_visible (GTK_WIDGET (self->gnome_row), custom && steward_custom_keybinding_is_available ());
  if (gtk_widget_get_visible (GTK_WIDGET (self->gnome_row)))
    {
      gboolean added = steward_custom_keybinding_is_added (command);

      gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), !added);
      gtk_button_set_label (self->add_button, added ? C_("shortcut", "Added") : C_("shortcut", "Add"));
    }
}

static void
add_clicked_cb (StewardShortcutGroup *self,
                GtkButton            *button)
{
  g_autofree char *command = steward_shortcut_group_dup_command ();
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwToast *toast;

  g_assert (STEWARD_IS_SHORTCUT_GROUP (self));

  /* Translators: the name of the shortcut in GNOME's Settings → Keyboard */
  if (steward_custom_keybinding_add (_("Steward Quick Chat"), command, GNOME_BINDING, &error))
    toast = adw_toast_new (_("Shortcut added: Ctrl+Alt+Space opens quick chat"));
  else
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      toast = adw_toast_new (escaped);
    }

  update (self);

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
copy_clicked_cb (StewardShortcutGroup *self,
                 GtkButton            *button)
{
  g_autofree char *command = steward_shortcut_group_dup_command ();
  GtkRoot *root;

  g_assert (STEWARD_IS_SHORTCUT_GROUP (self));

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), command);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (_("Command copied")));
}

void
steward_shortcut_group_set_shortcut (StewardShortcutGroup  *self,
                                     StewardGlobalShortcut *shortcut)
{
  g_return_if_fail (STEWARD_IS_SHORTCUT_GROUP (self));
  g_return_if_fail (shortcut == NULL || STEWARD_IS_GLOBAL_SHORTCUT (shortcut));

  if (self->shortcut == shortcut)
    return;

  if (self->shortcut != NULL)
    g_signal_handlers_disconnect_by_data (self->shortcut, self);
  g_set_object (&self->shortcut, shortcut);

  /* The portal may answer while the window is open */
  if (shortcut != NULL)
    g_signal_connect_object (shortcut, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);

  update (self);
}

static void
steward_shortcut_group_dispose (GObject *object)
{
  StewardShortcutGroup *self = STEWARD_SHORTCUT_GROUP (object);

  if (self->shortcut != NULL)
    g_signal_handlers_disconnect_by_data (self->shortcut, self);
  g_clear_object (&self->shortcut);

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_SHORTCUT_GROUP);

  G_OBJECT_CLASS (steward_shortcut_group_parent_class)->dispose (object);
}

static void
steward_shortcut_group_class_init (StewardShortcutGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_shortcut_group_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/steward-shortcut-group.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardShortcutGroup, command_row);
  gtk_widget_class_bind_template_child (widget_class, StewardShortcutGroup, copy_button);
  gtk_widget_class_bind_template_child (widget_class, StewardShortcutGroup, gnome_row);
  gtk_widget_class_bind_template_child (widget_class, StewardShortcutGroup, add_button);
  gtk_widget_class_bind_template_child (widget_class, StewardShortcutGroup, trigger_label);
  gtk_widget_class_bind_template_child (widget_class, StewardShortcutGroup, trigger_row);
  gtk_widget_class_bind_template_callback (widget_class, copy_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
steward_shortcut_group_init (StewardShortcutGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  update (self);
}

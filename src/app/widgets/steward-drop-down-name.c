/* steward-drop-down-name.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-drop-down-name.h"

/* GTK 4.8's GtkDropDown gives its label to the combo box, but the focus
 * goes to the unnamed toggle button inside, which a screen reader then
 * reads by its type name. These name that button, and give it the
 * selected item as its description, which the button alone does not
 * say. */

static void
selected_item_cb (GtkDropDown *dropdown,
                  GParamSpec  *pspec,
                  GtkWidget   *button)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);

  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (item) : "",
                                  -1);
}

/**
 * steward_drop_down_name_button:
 * @label: the drop-down's name, as its own accessible label says
 */
void
steward_drop_down_name_button (GtkDropDown *dropdown,
                               const char  *label)
{
  GtkWidget *button;

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  button = gtk_widget_get_first_child (GTK_WIDGET (dropdown));
  if (!GTK_IS_TOGGLE_BUTTON (button))
    return;

  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_signal_connect_object (dropdown, "notify::selected-item",
                           G_CALLBACK (selected_item_cb), button, 0);
  selected_item_cb (dropdown, NULL, button);
}

/* steward-focus.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-focus"

#include "config.h"

#include "steward-focus.h"

/* Keyboard focus across the window, as GNOME's own apps move it:
 *
 * - A list is one stop in the Tab chain. Tab enters it once, the arrows
 *   move inside it, and the next Tab leaves it, rather than visiting
 *   every row (GtkListBox and GTK 4.8's GtkListView both walk their rows
 *   on Tab).
 * - F6 and Shift+F6 move between the window's panes: the widgets that
 *   carry the STEWARD_FOCUS_PANE_CLASS CSS class, in the order they are
 *   laid out on screen.
 */

/**
 * steward_focus_is_within:
 *
 * Returns: whether the keyboard focus is on @widget or inside it
 */
gboolean
steward_focus_is_within (GtkWidget *widget)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  if (!(root = gtk_widget_get_root (widget)) || !(focus = gtk_root_get_focus (root)))
    return FALSE;

  return focus == widget || gtk_widget_is_ancestor (focus, widget);
}

/**
 * steward_focus_leave:
 * @widget: a widget holding the focus
 * @direction: %GTK_DIR_TAB_FORWARD or %GTK_DIR_TAB_BACKWARD
 *
 * Moves the focus to the next widget in @direction outside @widget, as
 * if @widget and everything in it were not there.
 *
 * Returns: whether the focus moved
 */
gboolean
steward_focus_leave (GtkWidget        *widget,
                     GtkDirectionType  direction)
{
  GtkRoot *root;
  gboolean moved;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  if (!(root = gtk_widget_get_root (widget)))
    return FALSE;

  /* A widget that cannot take the focus is passed over, with all it
   * holds: the window's own focus chain then goes on from where the
   * focus is to the next widget outside. */
  gtk_widget_set_can_focus (widget, FALSE);
  moved = gtk_widget_child_focus (GTK_WIDGET (root), direction);
  gtk_widget_set_can_focus (widget, TRUE);

  return moved;
}

static gboolean
tab_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkWidget             *widget)
{
  GtkDirectionType direction;

  if (keyval == GDK_KEY_ISO_Left_Tab)
    direction = GTK_DIR_TAB_BACKWARD;
  else if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    direction = (state & GDK_SHIFT_MASK) ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD;
  else
    return GDK_EVENT_PROPAGATE;

  /* Ctrl+Tab and the like are not ours. */
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return GDK_EVENT_PROPAGATE;

  steward_focus_leave (widget, direction);

  return GDK_EVENT_STOP;
}

/**
 * steward_focus_set_tab_stop:
 * @widget: a list
 *
 * Makes @widget one stop in the Tab chain: Tab and Shift+Tab from
 * anywhere in it leave it.
 */
void
steward_focus_set_tab_stop (GtkWidget *widget)
{
  GtkEventController *controller;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (controller, "steward-tab-stop");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (tab_pressed_cb), widget, 0);
  gtk_widget_add_controller (widget, controller);
}

typedef struct
{
  StewardFocusPaneEnter enter;
  gpointer              user_data;
} PaneEnter;

/**
 * steward_focus_set_pane_enter:
 * @pane: a pane
 * @enter: puts the focus in @pane, returning whether it could
 *
 * Sets where F6 puts the focus in @pane; by default, where Tab would.
 * @user_data must outlive @pane.
 */
void
steward_focus_set_pane_enter (GtkWidget             *pane,
                              StewardFocusPaneEnter  enter,
                              gpointer               user_data)
{
  PaneEnter *data;

  g_return_if_fail (GTK_IS_WIDGET (pane));
  g_return_if_fail (enter != NULL);

  data = g_new (PaneEnter, 1);
  data->enter = enter;
  data->user_data = user_data;
  g_object_set_data_full (G_OBJECT (pane), "steward-focus-pane-enter", data, g_free);
}

static gboolean
enter_pane (GtkWidget *pane)
{
  PaneEnter *data = g_object_get_data (G_OBJECT (pane), "steward-focus-pane-enter");

  if (data != NULL)
    return data->enter (pane, data->user_data);

  return gtk_widget_child_focus (pane, GTK_DIR_TAB_FORWARD);
}

static void
collect_panes (GtkWidget *widget,
               GPtrArray *panes)
{
  if (!gtk_widget_is_drawable (widget) || !gtk_widget_is_sensitive (widget))
    return;

  if (gtk_widget_has_css_class (widget, STEWARD_FOCUS_PANE_CLASS))
    {
      g_ptr_array_add (panes, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_panes (child, panes);
}

/* Left to right (right to left in RTL), and top to bottom for panes one
 * above the other, such as the messages and the composer. */
static int
compare_placement (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  GtkWidget *root = user_data;
  GtkWidget *pane_a = *(GtkWidget * const *)a;
  GtkWidget *pane_b = *(GtkWidget * const *)b;
  gboolean rtl = gtk_widget_get_direction (root) == GTK_TEXT_DIR_RTL;
  graphene_rect_t rect_a, rect_b;
  float left, right;

  if (!gtk_widget_compute_bounds (pane_a, root, &rect_a) ||
      !gtk_widget_compute_bounds (pane_b, root, &rect_b))
    return 0;

  left = MAX (rect_a.origin.x, rect_b.origin.x);
  right = MIN (rect_a.origin.x + rect_a.size.width, rect_b.origin.x + rect_b.size.width);

  /* Side by side */
  if (right <= left)
    return ((rect_a.origin.x < rect_b.origin.x) != rtl) ? -1 : 1;

  if (rect_a.origin.y != rect_b.origin.y)
    return rect_a.origin.y < rect_b.origin.y ? -1 : 1;
  return 0;
}

/**
 * steward_focus_cycle_panes:
 * @root: a window
 * @forward: %TRUE for F6, %FALSE for Shift+F6
 *
 * Moves the focus to the next (or the previous) pane showing in @root,
 * after the last one.
 *
 * Returns: whether the focus moved
 */
gboolean
steward_focus_cycle_panes (GtkWidget *root,
                           gboolean   forward)
{
  g_autoptr(GPtrArray) panes = g_ptr_array_new ();
  guint current = G_MAXUINT;

  g_return_val_if_fail (GTK_IS_ROOT (root), FALSE);

  collect_panes (root, panes);
  if (panes->len == 0)
    return FALSE;

  /* As laid out on screen, whatever the widget tree's order (an
   * AdwLeaflet keeps its own). */
  g_ptr_array_sort_with_data (panes, compare_placement, root);

  for (guint i = 0; i < panes->len; i++)
    if (steward_focus_is_within (g_ptr_array_index (panes, i)))
      current = i;

  for (guint step = 1; step <= panes->len; step++)
    {
      guint index;
      GtkWidget *pane;

      if (current == G_MAXUINT)
        index = forward ? step - 1 : panes->len - step;
      else
        index = forward ? (current + step) % panes->len : (current + panes->len - step) % panes->len;

      pane = g_ptr_array_index (panes, index);
      if (index != current && enter_pane (pane))
        return TRUE;
    }

  return FALSE;
}

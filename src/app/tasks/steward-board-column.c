/* steward-board-column.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-board-column"

#include "config.h"

#include <glib/gi18n.h>


#include "steward-board-column-private.h"
#include "steward-enum-types.h"
#include "steward-focus.h"
#include "steward-task-card.h"

/* One column of the board: its title and count, what sits at its top
 * (the quick-add entry in To do) and its cards, in a GtkListView of their
 * own that scrolls by itself.
 *
 * The column knows where its cards are, so it turns keys and drops into
 * the page's actions, which change the store:
 *
 * - board.move (id, status, index): the task goes to the column of
 *   @status, before the card shown there at @index (past the last card:
 *   after it). Ctrl+Left/Right, Ctrl+Up/Down and a drop.
 * - board.focus-column (status, index): Left and Right.
 * - board.edit (id): Enter, a double click. board.delete (id): Delete.
 *
 * Dragging cards is in steward-board-column-drag.c.
 */


G_DEFINE_FINAL_TYPE (StewardBoardColumn, steward_board_column, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EMPTY_TEXT,
  PROP_HEADER_SUFFIX,
  PROP_MODEL,
  PROP_STATUS,
  PROP_TITLE,
  PROP_TOP_CHILD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static StewardTaskCard *
item_card (GtkListItem *list_item)
{
  return STEWARD_TASK_CARD (gtk_list_item_get_child (list_item));
}

static GtkListItem *
bound_item_at (StewardBoardColumn *self,
               guint               position)
{
  for (guint i = 0; i < self->bound_items->len; i++)
    {
      GtkListItem *list_item = g_ptr_array_index (self->bound_items, i);

      if (gtk_list_item_get_position (list_item) == position)
        return list_item;
    }

  return NULL;
}

static void
update_count (StewardBoardColumn *self)
{
  guint n_items = self->model ? g_list_model_get_n_items (self->model) : 0;
  g_autofree char *count = g_strdup_printf ("%u", n_items);
  g_autofree char *description = NULL;

  gtk_label_set_text (self->count_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), n_items == 0);

  /* Translators: how many cards a column of the board shows, for a
   * screen reader */
  description = g_strdup_printf (ngettext ("%u task", "%u tasks", n_items), n_items);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/**
 * steward_board_column_update_cards:
 *
 * Shows the cards on screen again, as the clock moved on: what was due
 * today may be overdue now.
 */
void
steward_board_column_update_cards (StewardBoardColumn *self)
{
  g_return_if_fail (STEWARD_IS_BOARD_COLUMN (self));

  for (guint i = 0; i < self->bound_items->len; i++)
    steward_task_card_update (item_card (g_ptr_array_index (self->bound_items, i)));
}

/* -- focus --------------------------------------------------------------- */

/**
 * steward_board_column_focus_position:
 *
 * Puts the keyboard focus on the card at @position (or the last card),
 * scrolling it into view.
 *
 * Returns: whether a card took the focus
 */
gboolean
steward_board_column_focus_position (StewardBoardColumn *self,
                                     guint               position)
{
  guint n_items;
  GtkListItem *list_item;

  g_return_val_if_fail (STEWARD_IS_BOARD_COLUMN (self), FALSE);

  if (self->model == NULL || (n_items = g_list_model_get_n_items (self->model)) == 0)
    return FALSE;

  position = MIN (position, n_items - 1);

  /* GTK 4.8 has no gtk_list_view_scroll_to (): the action makes the row
   * (and binds it) at once. */
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);

  if ((list_item = bound_item_at (self, position)) == NULL)
    return FALSE;

  return gtk_widget_grab_focus (_steward_board_column_item_row (list_item));
}

/**
 * steward_board_column_find_task:
 *
 * Returns: where task @id is shown, or %GTK_INVALID_LIST_POSITION
 */
guint
steward_board_column_find_task (StewardBoardColumn *self,
                                gint64              id)
{
  g_return_val_if_fail (STEWARD_IS_BOARD_COLUMN (self), GTK_INVALID_LIST_POSITION);

  for (guint i = 0; self->model != NULL && i < g_list_model_get_n_items (self->model); i++)
    {
      g_autoptr(StewardTask) task = g_list_model_get_item (self->model, i);

      if (steward_task_get_id (task) == id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/**
 * steward_board_column_focus_task:
 *
 * Puts the keyboard focus on task @id's card.
 *
 * Returns: whether it is in this column and took the focus
 */
gboolean
steward_board_column_focus_task (StewardBoardColumn *self,
                                 gint64              id)
{
  guint position;

  g_return_val_if_fail (STEWARD_IS_BOARD_COLUMN (self), FALSE);

  if ((position = steward_board_column_find_task (self, id)) == GTK_INVALID_LIST_POSITION)
    return FALSE;

  return steward_board_column_focus_position (self, position);
}

/* The card that has the focus itself, and where it is. */
static StewardTask *
focused_task (StewardBoardColumn *self,
              guint              *position)
{
  GtkWidget *row = gtk_widget_get_focus_child (GTK_WIDGET (self->list_view));

  if (row == NULL || !gtk_widget_is_focus (row))
    return NULL;

  for (guint i = 0; i < self->bound_items->len; i++)
    {
      GtkListItem *list_item = g_ptr_array_index (self->bound_items, i);

      if (_steward_board_column_item_row (list_item) == row)
        {
          *position = gtk_list_item_get_position (list_item);
          return steward_task_card_get_task (item_card (list_item));
        }
    }

  return NULL;
}

/* -- keys ---------------------------------------------------------------- */

static gboolean
list_key_pressed_cb (StewardBoardColumn    *self,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkEventControllerKey *controller)
{
  GdkModifierType modifiers = state & gtk_accelerator_get_default_mod_mask ();
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  StewardTask *task;
  guint position = 0;
  int step = 0;
  int target;
  gint64 id;

  if ((task = focused_task (self, &position)) == NULL)
    return GDK_EVENT_PROPAGATE;

  id = steward_task_get_id (task);

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      if (modifiers != 0 && modifiers != GDK_CONTROL_MASK)
        return GDK_EVENT_PROPAGATE;
      step = (keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left) != rtl ? -1 : 1;
      target = (int)self->status + step;
      if (target < STEWARD_TASK_STATUS_TODO || target > STEWARD_TASK_STATUS_DONE)
        {
          gtk_widget_error_bell (GTK_WIDGET (self));
          return GDK_EVENT_STOP;
        }
      if (modifiers == GDK_CONTROL_MASK)
        gtk_widget_activate_action (GTK_WIDGET (self), "board.move", "(xiu)", id, target, position);
      else
        gtk_widget_activate_action (GTK_WIDGET (self), "board.focus-column", "(iu)", target, position);
      return GDK_EVENT_STOP;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (modifiers == GDK_CONTROL_MASK)
        {
          if (position == 0)
            gtk_widget_error_bell (GTK_WIDGET (self));
          else
            gtk_widget_activate_action (GTK_WIDGET (self), "board.move", "(xiu)", id, (int)self->status, position - 1);
          return GDK_EVENT_STOP;
        }
      /* From the first card up to what is above the cards. */
      if (modifiers == 0 && position == 0 && gtk_widget_get_visible (GTK_WIDGET (self->top_bin)) &&
          gtk_widget_child_focus (GTK_WIDGET (self->top_bin), GTK_DIR_TAB_FORWARD))
        return GDK_EVENT_STOP;
      return GDK_EVENT_PROPAGATE;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (modifiers != GDK_CONTROL_MASK)
        return GDK_EVENT_PROPAGATE;
      if (position + 1 >= g_list_model_get_n_items (self->model))
        gtk_widget_error_bell (GTK_WIDGET (self));
      else
        gtk_widget_activate_action (GTK_WIDGET (self), "board.move", "(xiu)", id, (int)self->status, position + 2);
      return GDK_EVENT_STOP;

    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      if (modifiers != 0)
        return GDK_EVENT_PROPAGATE;
      gtk_widget_activate_action (GTK_WIDGET (self), "board.delete", "x", id);
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

/* Down from what is above the cards (the quick-add entry) to the first. */
static gboolean
top_key_pressed_cb (StewardBoardColumn    *self,
                    guint                  keyval,
                    guint                  keycode,
                    GdkModifierType        state,
                    GtkEventControllerKey *controller)
{
  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return GDK_EVENT_PROPAGATE;

  return steward_board_column_focus_position (self, 0) ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
}

static void
list_activate_cb (StewardBoardColumn *self,
                  guint               position,
                  GtkListView        *list_view)
{
  g_autoptr(StewardTask) task = g_list_model_get_item (self->model, position);

  if (task != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "board.edit", "x", steward_task_get_id (task));
}

/* -- the factory --------------------------------------------------------- */

static void
setup_cb (StewardBoardColumn       *self,
          GtkListItem              *list_item,
          GtkSignalListItemFactory *factory)
{
  GtkWidget *card = steward_task_card_new ();

  _steward_board_column_add_drag_source (self, card);
  gtk_list_item_set_child (list_item, card);
}

static void
bind_cb (StewardBoardColumn       *self,
         GtkListItem              *list_item,
         GtkSignalListItemFactory *factory)
{
  steward_task_card_set_task (item_card (list_item), gtk_list_item_get_item (list_item));
  g_ptr_array_add (self->bound_items, list_item);
}

static void
unbind_cb (StewardBoardColumn       *self,
           GtkListItem              *list_item,
           GtkSignalListItemFactory *factory)
{
  GtkWidget *row = _steward_board_column_item_row (list_item);

  if (row != NULL && row == self->drop_row)
    _steward_board_column_clear_drop_indicator (self);
  g_ptr_array_remove_fast (self->bound_items, list_item);
  /* The card keeps its task: GTK 4.8 unbinds and binds again every row
   * after a change in the list (a card dropped on top of a column: the
   * 200 rows it keeps), mostly with the same task, which the card then
   * need not show again (steward_task_card_set_task()). A card that
   * is let go of drops its task when it is disposed. */
}

/* -- properties ---------------------------------------------------------- */

StewardTaskStatus
steward_board_column_get_status (StewardBoardColumn *self)
{
  g_return_val_if_fail (STEWARD_IS_BOARD_COLUMN (self), STEWARD_TASK_STATUS_TODO);

  return self->status;
}

GListModel *
steward_board_column_get_model (StewardBoardColumn *self)
{
  g_return_val_if_fail (STEWARD_IS_BOARD_COLUMN (self), NULL);

  return self->model;
}

/**
 * steward_board_column_set_model:
 * @model: (nullable): the column's tasks, as they are shown
 */
void
steward_board_column_set_model (StewardBoardColumn *self,
                                GListModel         *model)
{
  g_return_if_fail (STEWARD_IS_BOARD_COLUMN (self));
  g_return_if_fail (!model || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, update_count, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);

  gtk_no_selection_set_model (self->selection, model);
  update_count (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

GtkListView *
steward_board_column_get_list_view (StewardBoardColumn *self)
{
  g_return_val_if_fail (STEWARD_IS_BOARD_COLUMN (self), NULL);

  return self->list_view;
}

static void
set_title (StewardBoardColumn *self,
           const char         *title)
{
  g_free (self->title);
  self->title = g_strdup (title);
  gtk_label_set_text (self->title_label, title ? title : "");
  /* The list is what a screen reader (and a test) meets: named as the
   * column. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title ? title : "",
                                  -1);
}

static void
set_top_child (StewardBoardColumn *self,
               GtkWidget          *child)
{
  GtkEventController *controller;

  adw_bin_set_child (self->top_bin, child);
  gtk_widget_set_visible (GTK_WIDGET (self->top_bin), child != NULL);

  if (child != NULL)
    {
      controller = gtk_event_controller_key_new ();
      g_signal_connect_object (controller, "key-pressed", G_CALLBACK (top_key_pressed_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_widget_add_controller (child, controller);
    }
}

static void
steward_board_column_dispose (GObject *object)
{
  StewardBoardColumn *self = (StewardBoardColumn *)object;

  g_clear_object (&self->drop_row);
  steward_board_column_set_model (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_BOARD_COLUMN);
  g_clear_object (&self->selection);

  /* The template's children with no name of their own (the header box,
   * the overlay) are not let go of by dispose_template () in GTK 4.8 */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (steward_board_column_parent_class)->dispose (object);
}

static void
steward_board_column_finalize (GObject *object)
{
  StewardBoardColumn *self = (StewardBoardColumn *)object;

  g_clear_pointer (&self->bound_items, g_ptr_array_unref);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (steward_board_column_parent_class)->finalize (object);
}

static void
steward_board_column_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  StewardBoardColumn *self = STEWARD_BOARD_COLUMN (object);

  switch (prop_id)
    {
    case PROP_EMPTY_TEXT:
      g_value_set_string (value, gtk_label_get_text (self->empty_label));
      break;

    case PROP_HEADER_SUFFIX:
      g_value_set_object (value, adw_bin_get_child (self->header_suffix_bin));
      break;

    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_TOP_CHILD:
      g_value_set_object (value, adw_bin_get_child (self->top_bin));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_board_column_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  StewardBoardColumn *self = STEWARD_BOARD_COLUMN (object);

  switch (prop_id)
    {
    case PROP_EMPTY_TEXT:
      gtk_label_set_text (self->empty_label, g_value_get_string (value));
      break;

    case PROP_HEADER_SUFFIX:
      adw_bin_set_child (self->header_suffix_bin, g_value_get_object (value));
      break;

    case PROP_MODEL:
      steward_board_column_set_model (self, g_value_get_object (value));
      break;

    case PROP_STATUS:
      self->status = g_value_get_enum (value);
      break;

    case PROP_TITLE:
      set_title (self, g_value_get_string (value));
      break;

    case PROP_TOP_CHILD:
      set_top_child (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_board_column_class_init (StewardBoardColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_board_column_dispose;
  object_class->finalize = steward_board_column_finalize;
  object_class->get_property = steward_board_column_get_property;
  object_class->set_property = steward_board_column_set_property;

  properties[PROP_EMPTY_TEXT] =
    g_param_spec_string ("empty-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HEADER_SUFFIX] =
    g_param_spec_object ("header-suffix", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       STEWARD_TYPE_TASK_STATUS, STEWARD_TASK_STATUS_TODO,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOP_CHILD] =
    g_param_spec_object ("top-child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/steward-board-column.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardBoardColumn, count_label);
  gtk_widget_class_bind_template_child (widget_class, StewardBoardColumn, empty_label);
  gtk_widget_class_bind_template_child (widget_class, StewardBoardColumn, header_suffix_bin);
  gtk_widget_class_bind_template_child (widget_class, StewardBoardColumn, list_view);
  gtk_widget_class_bind_template_child (widget_class, StewardBoardColumn, scroller);
  gtk_widget_class_bind_template_child (widget_class, StewardBoardColumn, title_label);
  gtk_widget_class_bind_template_child (widget_class, StewardBoardColumn, top_bin);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
}

static void
steward_board_column_init (StewardBoardColumn *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->bound_items = g_ptr_array_new ();
  self->selection = gtk_no_selection_new (NULL);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_factory (self->list_view, factory);

  /* Before the list view's own bindings: Ctrl+arrows move the focus
   * there. */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (list_key_pressed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), controller);

  steward_focus_set_tab_stop (GTK_WIDGET (self->list_view));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), STEWARD_FOCUS_PANE_CLASS);

  _steward_board_column_init_drop (self);

  update_count (self);
}

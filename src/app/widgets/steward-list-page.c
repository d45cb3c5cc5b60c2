/* steward-list-page.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-list-page"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-list-page.h"
#include "steward-row-list.h"
#include "steward-stack-accessible.h"

/* What a page that shows one list shows: nothing while the list is not
 * there yet, a status page when it is empty or could not be read, and
 * the page's own list widget (its "content") otherwise. The page gives
 * the list as "model" and this follows its items-changed, so adding the
 * first row or removing the last switches between "empty" and the list
 * by itself.
 *
 * The stack's pages behind the visible one are hidden from assistive
 * technologies (steward-stack-accessible.c), so a screen reader reads
 * the status page that is on screen.
 */
struct _StewardListPage
{
  GtkWidget      parent_instance;

  /* Template widgets */
  AdwBin        *content_bin;
  AdwBin        *empty_bin;
  AdwStatusPage *empty_page;
  AdwStatusPage *error_page;
  GtkStack      *stack;

  /* Owned */
  GListModel    *model;
  GSignalGroup  *model_signals;
  guint          has_error : 1;
};

G_DEFINE_FINAL_TYPE (StewardListPage, steward_list_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTENT,
  PROP_EMPTY_CHILD,
  PROP_EMPTY_DESCRIPTION,
  PROP_EMPTY_ICON_NAME,
  PROP_EMPTY_TITLE,
  PROP_ERROR_TITLE,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
steward_list_page_new (void)
{
  return g_object_new (STEWARD_TYPE_LIST_PAGE, NULL);
}

static void
steward_list_page_update_visible (StewardListPage *self)
{
  const char *name;
  const GError *load_error = NULL;

  g_assert (STEWARD_IS_LIST_PAGE (self));

  /* A list of the store's rows says when it is read, and whether it
   * could be. */
  if (STEWARD_IS_ROW_LIST (self->model) && steward_row_list_get_loaded (STEWARD_ROW_LIST (self->model)) &&
      (load_error = steward_row_list_get_error (STEWARD_ROW_LIST (self->model))) != NULL)
    {
      g_autofree char *markup = g_markup_escape_text (load_error->message, -1);

      adw_status_page_set_description (self->error_page, markup);
    }

  if (self->has_error || load_error != NULL)
    name = "error";
  else if (self->model == NULL ||
           (STEWARD_IS_ROW_LIST (self->model) && !steward_row_list_get_loaded (STEWARD_ROW_LIST (self->model))))
    name = "loading";
  else if (g_list_model_get_n_items (self->model) > 0)
    name = "list";
  else
    name = "empty";

  gtk_stack_set_visible_child_name (self->stack, name);
}

static void
model_items_changed_cb (StewardListPage *self,
                        guint            position,
                        guint            removed,
                        guint            added,
                        GListModel      *model)
{
  g_assert (STEWARD_IS_LIST_PAGE (self));

  if (removed != added)
    steward_list_page_update_visible (self);
}

/**
 * steward_list_page_get_model:
 *
 * Returns: (transfer none) (nullable): the list shown
 */
GListModel *
steward_list_page_get_model (StewardListPage *self)
{
  g_return_val_if_fail (STEWARD_IS_LIST_PAGE (self), NULL);

  return self->model;
}

/**
 * steward_list_page_set_model:
 * @model: (nullable): the list, or %NULL while it is being read
 *
 * Shows @model: its content when it has items, the empty state when it
 * has none. An error shown goes away.
 */
void
steward_list_page_set_model (StewardListPage *self,
                             GListModel      *model)
{
  gboolean had_error;

  g_return_if_fail (STEWARD_IS_LIST_PAGE (self));
  g_return_if_fail (!model || G_IS_LIST_MODEL (model));

  had_error = self->has_error;
  self->has_error = FALSE;

  if (self->model != model && STEWARD_IS_ROW_LIST (self->model))
    g_signal_handlers_disconnect_by_func (self->model, steward_list_page_update_visible, self);

  if (g_set_object (&self->model, model))
    {
      g_signal_group_set_target (self->model_signals, model);
      /* A StewardRowList says when it is read. */
      if (STEWARD_IS_ROW_LIST (model))
        g_signal_connect_object (model, "notify::loaded",
                                 G_CALLBACK (steward_list_page_update_visible), self, G_CONNECT_SWAPPED);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
    }
  else if (!had_error)
    {
      return;
    }

  steward_list_page_update_visible (self);
}

/**
 * steward_list_page_set_error:
 * @error: (nullable): why the list cannot be shown
 *
 * Shows the error state, titled with "error-title" and saying
 * @error's message, in place of the list (the model is let go).
 */
void
steward_list_page_set_error (StewardListPage *self,
                             const GError    *error)
{
  g_autofree char *markup = NULL;

  g_return_if_fail (STEWARD_IS_LIST_PAGE (self));

  if (error == NULL)
    {
      if (self->has_error)
        {
          self->has_error = FALSE;
          adw_status_page_set_description (self->error_page, NULL);
          steward_list_page_update_visible (self);
        }
      return;
    }

  steward_list_page_set_model (self, NULL);

  /* A status page's description is markup. */
  markup = g_markup_escape_text (error->message, -1);
  adw_status_page_set_description (self->error_page, markup);
  self->has_error = TRUE;
  steward_list_page_update_visible (self);
}

/**
 * steward_list_page_get_empty_child:
 *
 * Returns: (transfer none) (nullable): the widget shown for an empty
 *   list in place of the status page, if any
 */
GtkWidget *
steward_list_page_get_empty_child (StewardListPage *self)
{
  g_return_val_if_fail (STEWARD_IS_LIST_PAGE (self), NULL);

  if (adw_bin_get_child (self->empty_bin) == GTK_WIDGET (self->empty_page))
    return NULL;

  return adw_bin_get_child (self->empty_bin);
}

/**
 * steward_list_page_set_empty_child:
 * @child: (nullable): what an empty list shows, where a status page would
 *   not fit (a narrow sidebar); %NULL for the status page
 */
void
steward_list_page_set_empty_child (StewardListPage *self,
                                   GtkWidget       *child)
{
  g_return_if_fail (STEWARD_IS_LIST_PAGE (self));
  g_return_if_fail (!child || GTK_IS_WIDGET (child));

  if (steward_list_page_get_empty_child (self) == child)
    return;

  adw_bin_set_child (self->empty_bin, child ? child : GTK_WIDGET (self->empty_page));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY_CHILD]);
}

/**
 * steward_list_page_get_content:
 *
 * Returns: (transfer none) (nullable): the widget showing the list
 */
GtkWidget *
steward_list_page_get_content (StewardListPage *self)
{
  g_return_val_if_fail (STEWARD_IS_LIST_PAGE (self), NULL);

  return adw_bin_get_child (self->content_bin);
}

/**
 * steward_list_page_set_content:
 * @content: (nullable): the page's own widget showing the list's items,
 *   shown when the list has some
 */
void
steward_list_page_set_content (StewardListPage *self,
                               GtkWidget       *content)
{
  g_return_if_fail (STEWARD_IS_LIST_PAGE (self));
  g_return_if_fail (!content || GTK_IS_WIDGET (content));

  if (adw_bin_get_child (self->content_bin) == content)
    return;

  adw_bin_set_child (self->content_bin, content);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT]);
}

const char *
steward_list_page_get_empty_icon_name (StewardListPage *self)
{
  g_return_val_if_fail (STEWARD_IS_LIST_PAGE (self), NULL);

  return adw_status_page_get_icon_name (self->empty_page);
}

void
steward_list_page_set_empty_icon_name (StewardListPage *self,
                                       const char      *icon_name)
{
  g_return_if_fail (STEWARD_IS_LIST_PAGE (self));

  if (g_strcmp0 (icon_name, adw_status_page_get_icon_name (self->empty_page)) == 0)
    return;

  adw_status_page_set_icon_name (self->empty_page, icon_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY_ICON_NAME]);
}

const char *
steward_list_page_get_empty_title (StewardListPage *self)
{
  g_return_val_if_fail (STEWARD_IS_LIST_PAGE (self), NULL);

  return adw_status_page_get_title (self->empty_page);
}

void
steward_list_page_set_empty_title (StewardListPage *self,
                                   const char      *title)
{
  g_return_if_fail (STEWARD_IS_LIST_PAGE (self));

  if (g_strcmp0 (title, adw_status_page_get_title (self->empty_page)) == 0)
    return;

  adw_status_page_set_title (self->empty_page, title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY_TITLE]);
}

const char *
steward_list_page_get_empty_description (StewardListPage *self)
{
  g_return_val_if_fail (STEWARD_IS_LIST_PAGE (self), NULL);

  return adw_status_page_get_description (self->empty_page);
}

/**
 * steward_list_page_set_empty_description:
 * @description: (nullable): Pango markup, as a status page's
 */
void
steward_list_page_set_empty_description (StewardListPage *self,
                                         const char      *description)
{
  g_return_if_fail (STEWARD_IS_LIST_PAGE (self));

  if (g_strcmp0 (description, adw_status_page_get_description (self->empty_page)) == 0)
    return;

  adw_status_page_set_description (self->empty_page, description);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY_DESCRIPTION]);
}

const char *
steward_list_page_get_error_title (StewardListPage *self)
{
  g_return_val_if_fail (STEWARD_IS_LIST_PAGE (self), NULL);

  return adw_status_page_get_title (self->error_page);
}

void
steward_list_page_set_error_title (StewardListPage *self,
                                   const char      *title)
{
  g_return_if_fail (STEWARD_IS_LIST_PAGE (self));

  if (g_strcmp0 (title, adw_status_page_get_title (self->error_page)) == 0)
    return;

  adw_status_page_set_title (self->error_page, title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_TITLE]);
}

static void
steward_list_page_dispose (GObject *object)
{
  StewardListPage *self = (StewardListPage *)object;
  AdwStatusPage *empty_page;

  /* Held, while an empty child may stand in its place; the template's
   * disposal forgets the pointer. */
  empty_page = self->empty_page;
  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_LIST_PAGE);
  g_clear_object (&empty_page);

  if (self->model_signals != NULL)
    g_signal_group_set_target (self->model_signals, NULL);
  g_clear_object (&self->model_signals);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (steward_list_page_parent_class)->dispose (object);
}

static void
steward_list_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  StewardListPage *self = STEWARD_LIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      g_value_set_object (value, steward_list_page_get_content (self));
      break;

    case PROP_EMPTY_CHILD:
      g_value_set_object (value, steward_list_page_get_empty_child (self));
      break;

    case PROP_EMPTY_DESCRIPTION:
      g_value_set_string (value, steward_list_page_get_empty_description (self));
      break;

    case PROP_EMPTY_ICON_NAME:
      g_value_set_string (value, steward_list_page_get_empty_icon_name (self));
      break;

    case PROP_EMPTY_TITLE:
      g_value_set_string (value, steward_list_page_get_empty_title (self));
      break;

    case PROP_ERROR_TITLE:
      g_value_set_string (value, steward_list_page_get_error_title (self));
      break;

    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_list_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  StewardListPage *self = STEWARD_LIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      steward_list_page_set_content (self, g_value_get_object (value));
      break;

    case PROP_EMPTY_CHILD:
      steward_list_page_set_empty_child (self, g_value_get_object (value));
      break;

    case PROP_EMPTY_DESCRIPTION:
      steward_list_page_set_empty_description (self, g_value_get_string (value));
      break;

    case PROP_EMPTY_ICON_NAME:
      steward_list_page_set_empty_icon_name (self, g_value_get_string (value));
      break;

    case PROP_EMPTY_TITLE:
      steward_list_page_set_empty_title (self, g_value_get_string (value));
      break;

    case PROP_ERROR_TITLE:
      steward_list_page_set_error_title (self, g_value_get_string (value));
      break;

    case PROP_MODEL:
      steward_list_page_set_model (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_list_page_class_init (StewardListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_list_page_dispose;
  object_class->get_property = steward_list_page_get_property;
  object_class->set_property = steward_list_page_set_property;

  /**
   * StewardListPage:content:
   *
   * The page's own widget showing the list's items (a scrolled list
   * view, say), shown when the list has items.
   */
  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * StewardListPage:empty-child:
   *
   * What an empty list shows in place of the status page, where one
   * would not fit (a narrow sidebar's single line).
   */
  properties[PROP_EMPTY_CHILD] =
    g_param_spec_object ("empty-child", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * StewardListPage:empty-description:
   *
   * What the empty state says under its title, as Pango markup.
   */
  properties[PROP_EMPTY_DESCRIPTION] =
    g_param_spec_string ("empty-description", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_EMPTY_ICON_NAME] =
    g_param_spec_string ("empty-icon-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_EMPTY_TITLE] =
    g_param_spec_string ("empty-title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * StewardListPage:error-title:
   *
   * The title of the error state; its description is the error's
   * message (see steward_list_page_set_error()).
   */
  properties[PROP_ERROR_TITLE] =
    g_param_spec_string ("error-title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * StewardListPage:model:
   *
   * The list shown, followed as it changes; %NULL while it is not there
   * yet (the page shows nothing then).
   */
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/steward-list-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardListPage, content_bin);
  gtk_widget_class_bind_template_child (widget_class, StewardListPage, empty_bin);
  gtk_widget_class_bind_template_child (widget_class, StewardListPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, StewardListPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, StewardListPage, stack);
}

static void
steward_list_page_init (StewardListPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_object_ref (self->empty_page);

  self->model_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->model_signals,
                                 "items-changed",
                                 G_CALLBACK (model_items_changed_cb),
                                 self,
                                 G_CONNECT_SWAPPED);

  steward_stack_accessible_track (self->stack);
}

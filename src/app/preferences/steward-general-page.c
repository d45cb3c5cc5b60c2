/* steward-general-page.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-general-page"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-application.h"
#include "steward-general-page.h"

/* Preferences → General: Run in Background (general.run-in-background),
 * bound to the setting both ways, with what the desktop answered below it
 * when it refused (desktop/steward-background.c). */

struct _StewardGeneralPage
{
  AdwPreferencesPage  parent_instance;

  /* Template widgets */
  AdwActionRow       *background_row;
  GtkSwitch          *background_switch;
  GtkLabel           *status_label;

  /* Owned */
  StewardSettings    *settings;
  GBindingGroup      *bindings;
};

G_DEFINE_FINAL_TYPE (StewardGeneralPage, steward_general_page, ADW_TYPE_PREFERENCES_PAGE)

GtkWidget *
steward_general_page_new (void)
{
  return g_object_new (STEWARD_TYPE_GENERAL_PAGE, NULL);
}

static StewardBackground *
get_background (void)
{
  GApplication *application = g_application_get_default ();

  if (!STEWARD_IS_APPLICATION (application))
    return NULL;

  return steward_application_get_background (STEWARD_APPLICATION (application));
}

static void
status_changed_cb (StewardGeneralPage *self)
{
  StewardBackground *background = get_background ();
  const char *status = background != NULL ? steward_background_get_status (background) : NULL;

  g_assert (STEWARD_IS_GENERAL_PAGE (self));

  gtk_label_set_label (self->status_label, status != NULL ? status : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status != NULL);
}

/**
 * steward_general_page_set_settings:
 * @settings: (nullable): the settings to show and change
 */
void
steward_general_page_set_settings (StewardGeneralPage *self,
                                   StewardSettings    *settings)
{
  g_return_if_fail (STEWARD_IS_GENERAL_PAGE (self));
  g_return_if_fail (!settings || STEWARD_IS_SETTINGS (settings));

  g_set_object (&self->settings, settings);
  g_binding_group_set_source (self->bindings, settings);
}

static void
steward_general_page_dispose (GObject *object)
{
  StewardGeneralPage *self = (StewardGeneralPage *)object;
  StewardBackground *background = get_background ();

  if (self->bindings != NULL)
    g_binding_group_set_source (self->bindings, NULL);
  if (background != NULL)
    g_signal_handlers_disconnect_by_data (background, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_GENERAL_PAGE);

  g_clear_object (&self->bindings);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (steward_general_page_parent_class)->dispose (object);
}

static void
steward_general_page_class_init (StewardGeneralPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_general_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/steward-general-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardGeneralPage, background_row);
  gtk_widget_class_bind_template_child (widget_class, StewardGeneralPage, background_switch);
  gtk_widget_class_bind_template_child (widget_class, StewardGeneralPage, status_label);
}

static void
steward_general_page_init (StewardGeneralPage *self)
{
  StewardBackground *background = get_background ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->bindings = g_binding_group_new ();
  g_binding_group_bind (self->bindings, "general-run-in-background", self->background_switch, "active",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);

  if (background != NULL)
    g_signal_connect_object (background, "notify::status", G_CALLBACK (status_changed_cb), self, G_CONNECT_SWAPPED);
  status_changed_cb (self);
}

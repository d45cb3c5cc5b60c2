/* steward-templates-window-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-application.h"
#include "steward-template.h"
#include "steward-templates-window.h"

G_BEGIN_DECLS

struct _StewardTemplatesWindow
{
  AdwWindow        parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkWidget       *back_button;
  GtkWidget       *import_button;
  GtkWidget       *new_button;
  GtkStack        *stack;
  GtkListBox      *builtin_list;
  GtkListBox      *user_list;
  /* The page of the template viewed, or NULL */
  GtkWidget       *view_page;
};

StewardStore    *_steward_templates_window_get_store      (void);
AdwToast        *_steward_templates_window_toast          (StewardTemplatesWindow *self,
                                                           const char             *message);
void             _steward_templates_window_show_error     (StewardTemplatesWindow *self,
                                                           const char             *heading,
                                                           const char             *message);
/* The template of the row @button is on (or of @button itself) */
StewardTemplate *_steward_templates_window_template_of    (GtkWidget              *button);
void             _steward_templates_window_refresh        (StewardTemplatesWindow *self);
void             _steward_templates_window_focus_template (StewardTemplatesWindow *self,
                                                           const char             *name);

/* steward-templates-window-files.c: Export… and Import… */
void             _steward_templates_window_export_clicked_cb (GtkButton              *button,
                                                              StewardTemplatesWindow *self);
void             _steward_templates_window_import_action     (GtkWidget              *widget,
                                                              const char             *action_name,
                                                              GVariant               *param);

G_END_DECLS

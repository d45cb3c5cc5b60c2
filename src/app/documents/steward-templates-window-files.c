/* steward-templates-window-files.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-templates-window"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-template-json.h"
#include "steward-templates-window-private.h"

/* The Templates window's files: Export… writes one of the user's
 * templates as JSON, Import… reads one (a file that is not a template
 * is refused with its name and the reason; a name the user has already
 * is replaced only when they say so). Both through GtkFileChooserNative. */

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  StewardTemplatesWindow *self = g_object_get_data (G_OBJECT (chooser), "steward-window");
  StewardTemplate *template = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);

      if (!steward_template_save_file (template, file, &error))
        _steward_templates_window_show_error (self, _("Cannot Export Template"), error->message);
      else
        {
          g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);

          _steward_templates_window_toast (self, message);
        }
    }

  g_object_unref (template);
  g_object_unref (chooser);
}

static GtkFileFilter *
json_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Templates (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");

  return filter;
}

void
_steward_templates_window_export_clicked_cb (GtkButton              *button,
                                             StewardTemplatesWindow *self)
{
  StewardTemplate *template = _steward_templates_window_template_of (GTK_WIDGET (button));
  g_autoptr(GtkFileFilter) filter = json_filter ();
  g_autofree char *name = g_strdup_printf ("%s.json", steward_template_get_name (template));
  GtkFileChooserNative *chooser;

  g_strdelimit (name, G_DIR_SEPARATOR_S, '-');
  chooser = gtk_file_chooser_native_new (_("Export Template"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_set_data_full (G_OBJECT (chooser), "steward-window", g_object_ref (self), g_object_unref);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), g_object_ref (template));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
keep_imported (StewardTemplatesWindow *self,
               StewardTemplate        *template,
               gboolean                replace)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!steward_templates_add (_steward_templates_window_get_store (), template, replace, &error))
    {
      _steward_templates_window_show_error (self, _("Cannot Import Template"), error->message);
      return;
    }

  _steward_templates_window_refresh (self);
  _steward_templates_window_focus_template (self, steward_template_get_name (template));
  message = g_strdup_printf (_("Template “%s” imported"), steward_template_get_title (template));
  _steward_templates_window_toast (self, message);
}

static void
replace_response_cb (AdwMessageDialog       *dialog,
                     const char             *response,
                     StewardTemplatesWindow *self)
{
  StewardTemplate *template = g_object_get_data (G_OBJECT (dialog), "steward-template");

  if (g_str_equal (response, "replace"))
    keep_imported (self, template, TRUE);
}

static void
import_file (StewardTemplatesWindow *self,
             GFile                  *file)
{
  StewardStore *store = _steward_templates_window_get_store ();
  g_autoptr(StewardTemplate) template = NULL;
  g_autoptr(StewardTemplate) existing = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (store == NULL)
    return;

  if (!(template = steward_template_load_file (file, &error)))
    {
      _steward_templates_window_show_error (self, _("Cannot Import Template"), error->message);
      return;
    }

  if (!(existing = steward_templates_lookup_user (store, steward_template_get_name (template), &error)))
    {
      if (error != NULL)
        _steward_templates_window_show_error (self, _("Cannot Import Template"), error->message);
      else
        keep_imported (self, template, FALSE);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Replace Template?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("You have a template named “%s” already. Replace it with the one from the file?"),
                                  steward_template_get_name (template));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "steward-template", g_steal_pointer (&template), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (replace_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_response_cb (GtkNativeDialog        *chooser,
                    int                     response,
                    StewardTemplatesWindow *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    import_file (self, file);

  g_object_unref (chooser);
}

void
_steward_templates_window_import_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *param)
{
  StewardTemplatesWindow *self = STEWARD_TEMPLATES_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = json_filter ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Template"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* steward-projects.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-documents"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-project-private.h"
#include "steward-projects.h"
#include "steward-templates.h"

/**
 * steward_projects_lookup:
 * @id_or_name: what the user typed: an id, or a name
 *
 * A number is an id when a project has it; else it is read as a name,
 * so a project named "2024" is found too.
 *
 * Returns: (transfer full): the project, or %NULL with @error set
 */
StewardProject *
steward_projects_lookup (StewardStore  *store,
                         const char    *id_or_name,
                         GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  StewardProject *project;
  guint64 id;

  g_return_val_if_fail (STEWARD_IS_STORE (store), NULL);
  g_return_val_if_fail (id_or_name != NULL, NULL);

  if (g_ascii_string_to_unsigned (id_or_name, 10, 1, G_MAXINT64, &id, NULL))
    {
      if ((project = steward_store_find_project (store, (gint64)id, &local_error)))
        return project;

      if (!g_error_matches (local_error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      g_clear_error (&local_error);
    }

  return steward_store_find_project_by_name (store, id_or_name, error);
}

/**
 * steward_projects_lookup_phase:
 * @number: 1-based
 *
 * Returns: (transfer full): the phase, or %NULL with @error set
 */
StewardPhase *
steward_projects_lookup_phase (StewardStore  *store,
                               gint64         project_id,
                               guint          number,
                               GError       **error)
{
  g_return_val_if_fail (STEWARD_IS_STORE (store), NULL);

  if (number == 0)
    {
      g_set_error_literal (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND,
                           _("Phases are numbered from 1."));
      return NULL;
    }

  return steward_store_find_phase_at (store, project_id, number - 1, error);
}

/**
 * steward_projects_create:
 * @template_name: (nullable): a built-in's or a user's template;
 *   %STEWARD_TEMPLATE_DEFAULT when %NULL
 * @brief: (nullable)
 *
 * Returns: the new project's id, or 0 with @error set
 */
gint64
steward_projects_create (StewardStore  *store,
                         const char    *name,
                         const char    *template_name,
                         const char    *brief,
                         GError       **error)
{
  g_autoptr(StewardTemplate) template = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (store), 0);

  if (!(template = steward_templates_find (store, template_name ? template_name : STEWARD_TEMPLATE_DEFAULT,
                                           error)))
    return 0;

  return steward_store_create_project (store, name, template, brief, error);
}

/**
 * steward_projects_duplicate:
 * @name: (nullable): the copy's name; "NAME (copy)" when %NULL
 * @with_versions: whether the phases' versions are copied too
 *
 * Returns: the copy's id, or 0 with @error set
 */
gint64
steward_projects_duplicate (StewardStore  *store,
                            gint64         project_id,
                            const char    *name,
                            gboolean       with_versions,
                            GError       **error)
{
  g_autoptr(StewardProject) project = NULL;
  g_autoptr(StewardProject) copy = NULL;
  g_autoptr(GListModel) phases = NULL;
  g_autoptr(GPtrArray) phase_array = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) versions = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *copy_name = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (store), 0);

  if (!(project = steward_store_find_project (store, project_id, error)) ||
      !(phases = steward_store_list_phases (store, project_id, error)))
    return 0;

  /* Translators: the name of a copy of a project; %s is its name */
  copy_name = name ? g_strdup (name) : g_strdup_printf (_("%s (copy)"), steward_project_get_name (project));
  copy = _steward_project_new (0, copy_name,
                               steward_project_get_template (project),
                               steward_project_get_brief (project),
                               now, now);

  for (guint i = 0; i < g_list_model_get_n_items (phases); i++)
    {
      StewardPhase *phase = g_list_model_get_item (phases, i);
      GPtrArray *phase_versions = g_ptr_array_new_with_free_func (g_object_unref);

      g_ptr_array_add (phase_array, phase);
      g_ptr_array_add (versions, phase_versions);

      if (with_versions)
        {
          g_autoptr(GListModel) list = NULL;

          if (!(list = steward_store_list_phase_versions (store, steward_phase_get_id (phase), error)))
            return 0;

          for (guint j = 0; j < g_list_model_get_n_items (list); j++)
            g_ptr_array_add (phase_versions, g_list_model_get_item (list, j));
        }
    }

  return steward_store_insert_project (store, copy, phase_array, versions, error);
}

/**
 * steward_projects_dup_export_source:
 *
 * Returns: (transfer full): the project as the document writers read
 *   it: its name as the title, its times, and each phase with content
 *   as a section titled by the phase
 */
StewardExportSource *
steward_projects_dup_export_source (StewardStore  *store,
                                    gint64         project_id,
                                    GError       **error)
{
  g_autoptr(StewardProject) project = NULL;
  g_autoptr(GListModel) phases = NULL;
  g_autoptr(StewardExportSource) source = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (store), NULL);

  if (!(project = steward_store_find_project (store, project_id, error)) ||
      !(phases = steward_store_list_phases (store, project_id, error)))
    return NULL;

  source = steward_export_source_new (steward_project_get_name (project));
  steward_export_source_set_dates (source,
                                   steward_project_get_created_at (project),
                                   steward_project_get_updated_at (project));

  for (guint i = 0; i < g_list_model_get_n_items (phases); i++)
    {
      g_autoptr(StewardPhase) phase = g_list_model_get_item (phases, i);
      g_autofree char *content = g_strstrip (g_strdup (steward_phase_get_content (phase)));

      if (*content != '\0')
        steward_export_source_add_section (source, steward_phase_get_title (phase),
                                           steward_phase_get_content (phase));
    }

  return g_steal_pointer (&source);
}

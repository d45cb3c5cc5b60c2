/* steward-templates.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-templates"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-builtin-templates.h"
#include "steward-templates.h"

static StewardTemplate *
template_from_builtin (const StewardBuiltinTemplate *builtin)
{
  StewardTemplate *template;

  template = steward_template_new (builtin->name, _(builtin->title), _(builtin->description), TRUE);
  for (guint i = 0; i < builtin->n_phases; i++)
    steward_template_add_phase (template, _(builtin->phases[i].title), _(builtin->phases[i].instructions));

  return template;
}

/**
 * steward_templates_list_builtin:
 *
 * Returns: (transfer full): a #GListModel of the built-in
 *   #StewardTemplate, translated, the general document first
 */
GListModel *
steward_templates_list_builtin (void)
{
  GListStore *templates = g_list_store_new (STEWARD_TYPE_TEMPLATE);
  const StewardBuiltinTemplate *builtins;
  guint n_builtins;

  builtins = _steward_builtin_templates (&n_builtins);
  for (guint i = 0; i < n_builtins; i++)
    {
      g_autoptr(StewardTemplate) template = template_from_builtin (&builtins[i]);

      g_list_store_append (templates, template);
    }

  return G_LIST_MODEL (templates);
}

/**
 * steward_templates_dup_builtin:
 *
 * Returns: (transfer full) (nullable): the built-in template @name,
 *   translated, or %NULL when there is none
 */
StewardTemplate *
steward_templates_dup_builtin (const char *name)
{
  const StewardBuiltinTemplate *builtin = _steward_builtin_template_find (name);

  return builtin ? template_from_builtin (builtin) : NULL;
}

/**
 * steward_templates_list:
 *
 * Returns: (transfer full): a #GListModel of #StewardTemplate: the
 *   built-ins, then the user's by name; %NULL with @error set
 */
GListModel *
steward_templates_list (StewardStore  *store,
                        GError       **error)
{
  g_autoptr(GListModel) builtins = steward_templates_list_builtin ();
  g_autoptr(GListModel) user = NULL;
  g_autoptr(GListStore) all = g_list_store_new (STEWARD_TYPE_TEMPLATE);

  g_return_val_if_fail (STEWARD_IS_STORE (store), NULL);

  if (!(user = steward_store_list_templates (store, error)))
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (builtins); i++)
    {
      g_autoptr(StewardTemplate) template = g_list_model_get_item (builtins, i);
      g_list_store_append (all, template);
    }

  for (guint i = 0; i < g_list_model_get_n_items (user); i++)
    {
      g_autoptr(StewardTemplate) template = g_list_model_get_item (user, i);
      g_list_store_append (all, template);
    }

  return G_LIST_MODEL (g_steal_pointer (&all));
}

/**
 * steward_templates_find:
 *
 * Returns: (transfer full): the built-in or user's template @name, or
 *   %NULL with @error set (%STEWARD_STORE_ERROR_NOT_FOUND)
 */
StewardTemplate *
steward_templates_find (StewardStore  *store,
                        const char    *name,
                        GError       **error)
{
  StewardTemplate *template;

  g_return_val_if_fail (STEWARD_IS_STORE (store), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if ((template = steward_templates_dup_builtin (name)))
    return template;

  return steward_store_find_template (store, name, error);
}

/**
 * steward_templates_add:
 *
 * Keeps @template as one of the user's. Refused (INVALID) without a
 * name, with a built-in's name or without phases.
 */
gboolean
steward_templates_add (StewardStore     *store,
                       StewardTemplate  *template,
                       gboolean          replace,
                       GError          **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (STEWARD_IS_TEMPLATE (template), FALSE);

  name = g_strstrip (g_strdup (steward_template_get_name (template)));

  if (*name == '\0')
    {
      g_set_error_literal (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID,
                           _("A template needs a name."));
      return FALSE;
    }

  if (_steward_builtin_template_find (name) != NULL)
    {
      g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID,
                   _("“%s” is the name of a built-in template: choose another."), name);
      return FALSE;
    }

  if (steward_template_get_n_phases (template) == 0)
    {
      g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID,
                   _("The template “%s” has no phases."), name);
      return FALSE;
    }

  return steward_store_save_template (store, template, replace, error);
}

gboolean
steward_templates_remove (StewardStore  *store,
                          const char    *name,
                          GError       **error)
{
  g_return_val_if_fail (STEWARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (_steward_builtin_template_find (name) != NULL)
    {
      g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID,
                   _("The built-in template “%s” cannot be deleted."), name);
      return FALSE;
    }

  return steward_store_delete_template (store, name, error);
}

/**
 * steward_templates_list_user:
 *
 * Returns: (transfer full): a #GListModel of the user's #StewardTemplate
 *   by name, or %NULL with @error set
 */
GListModel *
steward_templates_list_user (StewardStore  *store,
                             GError       **error)
{
  g_return_val_if_fail (STEWARD_IS_STORE (store), NULL);

  return steward_store_list_templates (store, error);
}

/**
 * steward_templates_lookup_user:
 *
 * Returns: (transfer full) (nullable): the user's template @name; %NULL
 *   without @error when there is none, %NULL with @error set when the
 *   store fails
 */
StewardTemplate *
steward_templates_lookup_user (StewardStore  *store,
                               const char    *name,
                               GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  StewardTemplate *template;

  g_return_val_if_fail (STEWARD_IS_STORE (store), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if ((template = steward_store_find_template (store, name, &local_error)))
    return template;

  if (!g_error_matches (local_error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND))
    g_propagate_error (error, g_steal_pointer (&local_error));

  return NULL;
}

/**
 * steward_templates_update:
 *
 * Puts @template in place of the user's template @old_name. When the
 * name changes, a template that has the new name already makes it
 * refused, and nothing changes.
 */
gboolean
steward_templates_update (StewardStore     *store,
                          const char       *old_name,
                          StewardTemplate  *template,
                          GError          **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (old_name != NULL, FALSE);
  g_return_val_if_fail (STEWARD_IS_TEMPLATE (template), FALSE);

  name = g_strstrip (g_strdup (steward_template_get_name (template)));

  if (g_str_equal (name, old_name))
    return steward_templates_add (store, template, TRUE, error);

  if (!steward_templates_add (store, template, FALSE, error))
    return FALSE;

  if (!steward_templates_remove (store, old_name, error))
    {
      /* Back as it was: the old one is still there */
      steward_templates_remove (store, name, NULL);
      return FALSE;
    }

  return TRUE;
}

/**
 * steward_templates_new_from_project:
 * @description: (nullable)
 *
 * Returns: (transfer full): a template of the project's phases' titles
 *   and instructions (not their content), or %NULL with @error set
 */
StewardTemplate *
steward_templates_new_from_project (StewardStore  *store,
                                    gint64         project_id,
                                    const char    *name,
                                    const char    *description,
                                    GError       **error)
{
  g_autoptr(StewardProject) project = NULL;
  g_autoptr(GListModel) phases = NULL;
  g_autoptr(StewardTemplate) template = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (store), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!(project = steward_store_find_project (store, project_id, error)) ||
      !(phases = steward_store_list_phases (store, project_id, error)))
    return NULL;

  template = steward_template_new (name, NULL, description, FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (phases); i++)
    {
      g_autoptr(StewardPhase) phase = g_list_model_get_item (phases, i);

      steward_template_add_phase (template, steward_phase_get_title (phase),
                                  steward_phase_get_instructions (phase));
    }

  return g_steal_pointer (&template);
}

gboolean
steward_templates_save_project (StewardStore  *store,
                                gint64         project_id,
                                const char    *name,
                                const char    *description,
                                GError       **error)
{
  g_autoptr(StewardTemplate) template = NULL;

  if (!(template = steward_templates_new_from_project (store, project_id, name, description, error)))
    return FALSE;

  return steward_templates_add (store, template, FALSE, error);
}

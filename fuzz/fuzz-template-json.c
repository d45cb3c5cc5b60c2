/* fuzz-template-json.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-fuzz"

#include "config.h"

#include "fuzz-harness.h"
#include "steward-template-json.h"

/* A template file as `steward-cli templates import FILE` reads it: the
 * input is the file. A file refused must say why in UTF-8; a template
 * read must have a name and phases with titles, and written out again it
 * must read back the same. */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_log_guard_install ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(StewardTemplate) template = NULL;
  g_autoptr(StewardTemplate) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  guint n_phases;

  template = steward_template_new_from_json ((const char *)data, size, &error);
  if (template == NULL)
    {
      if (error == NULL)
        fuzz_fail ("a template was refused without saying why");
      fuzz_check_utf8 ("error-message", error->message);
      return 0;
    }

  n_phases = steward_template_get_n_phases (template);
  if (steward_template_get_name (template)[0] == '\0' || n_phases == 0)
    fuzz_fail ("a template was read without a name or phases");

  json = steward_template_to_json (template);
  fuzz_check_utf8 ("template-json", json);
  if (!(again = steward_template_new_from_json (json, -1, &error)))
    fuzz_fail ("a template written out does not read back: %s", error->message);

  if (g_strcmp0 (steward_template_get_name (again), steward_template_get_name (template)) != 0 ||
      g_strcmp0 (steward_template_get_description (again), steward_template_get_description (template)) != 0 ||
      steward_template_get_n_phases (again) != n_phases)
    fuzz_fail ("a template written out reads back otherwise");

  for (guint i = 0; i < n_phases; i++)
    {
      if (g_strcmp0 (steward_template_get_phase_title (again, i), steward_template_get_phase_title (template, i)) != 0 ||
          g_strcmp0 (steward_template_get_phase_instructions (again, i),
                     steward_template_get_phase_instructions (template, i)) != 0)
        fuzz_fail ("phase %u of a template written out reads back otherwise", i + 1);
    }

  return 0;
}

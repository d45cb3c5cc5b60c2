/* main.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "steward-application.h"
#include "steward-resources.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(StewardApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Steward"));

  steward_register_resource ();

  app = steward_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}

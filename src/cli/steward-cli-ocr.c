/* steward-cli-ocr.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-cli-private.h"
#include "steward-ocr.h"

/* ocr IMAGE: the text in an image, read offline (steward-ocr.h). No
 * store is opened: it reads nothing of the user's. */

int
_steward_cli_ocr (StewardCliContext *ctx)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int exit_status;

  if (!_steward_cli_check_args (ctx, "ocr", 1, 1, &exit_status))
    return exit_status;

  file = _steward_cli_file_new (_steward_cli_arg (ctx, 0));

  if (!(text = steward_ocr_read_file (file, NULL, &error)))
    return _steward_cli_fail_error (error);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *languages = steward_ocr_dup_languages (NULL);

      json_builder_begin_object (builder);
      _steward_cli_add_string_member (builder, "text", text);
      _steward_cli_add_string_member (builder, "languages", languages);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      _steward_cli_print_json (root);
    }
  else if (text[0] == '\0')
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *display = g_filename_display_name (name);

      _steward_cli_say (_("No text was found in %s."), display);
    }
  else
    {
      _steward_cli_print_text (text);
      _steward_cli_write ("\n", 1);
    }

  return EXIT_SUCCESS;
}

/* steward-redact.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define STEWARD_REDACTED "[redacted]"

char *steward_redact_secrets (const char *text,
                              const char *key);
void  steward_redact_error   (GError     *error,
                              const char *key);

G_END_DECLS

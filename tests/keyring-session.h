/* keyring-session.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the suites that write keys share: they run inside the throwaway
 * session build-aux/headless-session.sh makes (its own HOME, bus and
 * unlocked gnome-keyring), never against the user's own keyring. Run
 * anywhere else, a test program runs itself again inside one (the
 * script's path is in STEWARD_HEADLESS_SESSION); without one, the cases
 * that need a keyring are skipped, saying why. */

void     keyring_session_enter   (int         argc,
                                  char      **argv);
gboolean keyring_session_require (void);
char    *keyring_session_lookup  (const char *name);
void     keyring_session_cut_off (void);

G_END_DECLS

/* steward-camera-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-camera.h"

G_BEGIN_DECLS

char *_steward_camera_dup_description   (const char *source);
char *_steward_camera_dup_portal_source (int         fd);

G_END_DECLS

/* steward-image-prepare.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Images, with gdk-pixbuf: told whole or refused when attached, and
 * made ready for a model when sent. */

/* Images larger than this many pixels are scaled down when sent */
#define STEWARD_IMAGE_MAX_PIXELS (40 * 1000 * 1000)

/* Decodes all of @data (an image of MIME type @mime_type) to tell that it
 * is whole; @width and @height get its size in pixels. FALSE with @error
 * (G_IO_ERROR_INVALID_DATA, "photo.png is not a complete PNG image.")
 * for a truncated or corrupt image, G_IO_ERROR_NOT_SUPPORTED for a kind
 * gdk-pixbuf does not read. */
gboolean  steward_image_check   (GBytes      *data,
                                 const char  *name,
                                 const char  *mime_type,
                                 guint       *width,
                                 guint       *height,
                                 GError     **error);

/* The image in @data ready to send: turned as its EXIF orientation says,
 * scaled down so that neither side is longer than @max_edge (0: no
 * limit) and it has at most STEWARD_IMAGE_MAX_PIXELS, and encoded as
 * JPEG (PNG where it has transparency). An image that needs none of
 * this and is already a PNG, JPEG, GIF or WebP is sent as it is.
 * @out_mime_type gets the result's MIME type, @width and @height its
 * size. NULL with @error (naming @name) when it cannot be decoded. */
GBytes   *steward_image_prepare (GBytes      *data,
                                 const char  *name,
                                 guint        max_edge,
                                 char       **out_mime_type,
                                 guint       *width,
                                 guint       *height,
                                 GError     **error);

G_END_DECLS

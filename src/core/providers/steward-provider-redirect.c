/* steward-provider-redirect.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-provider"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-provider-private.h"

#define MAX_REDIRECTS 5

static int
effective_port (GUri *uri)
{
  int port = g_uri_get_port (uri);

  if (port > 0)
    return port;

  return g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0 ? 443 : 80;
}

static gboolean
same_origin (GUri *a,
             GUri *b)
{
  return g_ascii_strcasecmp (g_uri_get_scheme (a), g_uri_get_scheme (b)) == 0 &&
         g_ascii_strcasecmp (g_uri_get_host (a), g_uri_get_host (b)) == 0 &&
         effective_port (a) == effective_port (b);
}

/* Requests carry the key in a header; libsoup, following a redirect to
 * another server, strips only Authorization. So no request follows one
 * by itself (SOUP_MESSAGE_NO_REDIRECT): a redirect on the same origin
 * is followed here, a few times at most, and one elsewhere is refused
 * with a sentence saying where it pointed.
 *
 * Returns: FALSE with @error set when the response is a redirect that is
 *   not followed; else TRUE, with @follow set when it is one to follow */
gboolean
_steward_provider_check_redirect (StewardProvider  *self,
                SoupMessage      *message,
                guint            *n_redirects,
                GUri            **follow,
                GError          **error)
{
  guint status = soup_message_get_status (message);
  const char *location;
  g_autoptr(GUri) target = NULL;
  g_autofree char *shown = NULL;

  *follow = NULL;

  if (!SOUP_STATUS_IS_REDIRECTION (status) || status == 304 || status == 305 || status == 306)
    return TRUE;

  location = soup_message_headers_get_one (soup_message_get_response_headers (message), "Location");
  if (location == NULL ||
      !(target = g_uri_parse_relative (soup_message_get_uri (message), location, SOUP_HTTP_URI_FLAGS, NULL)) ||
      g_uri_get_host (target) == NULL ||
      (g_ascii_strcasecmp (g_uri_get_scheme (target), "http") != 0 &&
       g_ascii_strcasecmp (g_uri_get_scheme (target), "https") != 0))
    {
      g_set_error (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_REDIRECTED,
                   _("%s at %s answered with a redirect Steward cannot follow."),
                   steward_provider_get_name (self), steward_provider_get_base_url (self));
      return FALSE;
    }

  shown = g_uri_to_string_partial (target, G_URI_HIDE_USERINFO | G_URI_HIDE_QUERY | G_URI_HIDE_FRAGMENT);

  if (!same_origin (target, soup_message_get_uri (message)))
    {
      g_set_error (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_REDIRECTED,
                   _("%s at %s redirected the request to another server, %s; Steward sends API requests "
                     "only to the address you set. If that server is the right one, change the "
                     "provider’s address."),
                   steward_provider_get_name (self), steward_provider_get_base_url (self), shown);
      return FALSE;
    }

  if (++*n_redirects > MAX_REDIRECTS)
    {
      g_set_error (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_REDIRECTED,
                   _("%s at %s redirected the request more than %u times, last to %s; check the "
                     "provider’s address."),
                   steward_provider_get_name (self), steward_provider_get_base_url (self),
                   MAX_REDIRECTS, shown);
      return FALSE;
    }

  *follow = g_steal_pointer (&target);

  return TRUE;
}

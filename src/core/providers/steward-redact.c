/* steward-redact.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-redact"

#include "config.h"

#include <string.h>

#include "steward-redact.h"

/* What a provider says goes into sentences Steward shows, stores and
 * exports. A provider (or whoever answers in its place) may echo the key
 * it was sent, or another credential, in an error body: those never get
 * that far. Besides the provider's own key, anything shaped like a
 * credential goes: an Authorization value, the prefixed keys of the
 * well-known services, a JSON Web Token, "api_key=…". */

static const char *const patterns[] = {
  /* Authorization: Bearer …, Basic … */
  "(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]{8,}",
  /* OpenAI, Anthropic (sk-ant-…), Stripe-like keys */
  "\\b(?:sk|pk|rk)-[A-Za-z0-9_-]{12,}",
  /* Google API keys */
  "\\bAIza[0-9A-Za-z_-]{20,}",
  /* JSON Web Tokens */
  "\\beyJ[A-Za-z0-9_-]{6,}\\.[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]*",
  /* GitHub, GitLab, Slack, Groq, Hugging Face, Replicate, Perplexity, NVIDIA */
  "\\b(?:gh[pousr]|github_pat|glpat|xox[abprs]|gsk|hf|r8|pplx|nvapi)[-_][A-Za-z0-9_-]{10,}",
  /* api_key=…, "token": "…", password: … */
  "(?i)\\b(api[_-]?key|access[_-]?token|refresh[_-]?token|token|secret|password)(\"?\\s*[:=]\\s*\"?)[^\\s\"',;&]{8,}",
};

static GRegex *
credential_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    {
      g_autofree char *joined = NULL;
      GString *all = g_string_new (NULL);
      GRegex *compiled;

      /* One alternation; each pattern keeps its own groups, so the
       * replacement is done by a callback. */
      for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
        g_string_append_printf (all, "%s(?:%s)", i ? "|" : "", patterns[i]);
      joined = g_string_free (all, FALSE);

      compiled = g_regex_new (joined, G_REGEX_OPTIMIZE, 0, NULL);
      g_assert (compiled != NULL);
      g_once_init_leave (&regex, compiled);
    }

  return regex;
}

static gboolean
replace_cb (const GMatchInfo *match,
            GString          *result,
            gpointer          user_data)
{
  g_autofree char *scheme = g_match_info_fetch (match, 1);
  g_autofree char *name = g_match_info_fetch (match, 2);
  g_autofree char *separator = g_match_info_fetch (match, 3);

  /* Keep the word that says what was there: "Bearer [redacted]",
   * "api_key=[redacted]". */
  if (scheme != NULL && scheme[0] != '\0')
    g_string_append_printf (result, "%s " STEWARD_REDACTED, scheme);
  else if (name != NULL && name[0] != '\0')
    g_string_append_printf (result, "%s%s" STEWARD_REDACTED, name, separator ? separator : "");
  else
    g_string_append (result, STEWARD_REDACTED);

  return FALSE;
}

/**
 * steward_redact_secrets:
 * @text: (nullable): what a provider said
 * @key: (nullable): the key the provider was sent
 *
 * Returns: (transfer full) (nullable): @text without @key or anything
 *   shaped like a credential
 */
char *
steward_redact_secrets (const char *text,
                        const char *key)
{
  g_autofree char *without_key = NULL;

  if (text == NULL)
    return NULL;

  if (key != NULL && strlen (key) >= 4 && strstr (text, key) != NULL)
    {
      g_auto(GStrv) pieces = g_strsplit (text, key, -1);

      without_key = g_strjoinv (STEWARD_REDACTED, pieces);
      text = without_key;
    }

  return g_regex_replace_eval (credential_regex (), text, -1, 0, 0, replace_cb, NULL, NULL);
}

/**
 * steward_redact_error:
 *
 * Redacts @error's message in place.
 */
void
steward_redact_error (GError     *error,
                      const char *key)
{
  char *redacted;

  if (error == NULL)
    return;

  if ((redacted = steward_redact_secrets (error->message, key)) != NULL)
    {
      g_free (error->message);
      error->message = redacted;
    }
}

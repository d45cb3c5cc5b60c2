/* steward-model-vision.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-model-vision"

#include "config.h"

#include <string.h>

#include "steward-model-vision.h"

/* No API says whether a model takes images (Ollama's /api/show does,
 * for local models, only since 0.6): the families that do are known by
 * name. A name is matched in lower case, without the provider's path
 * ("models/", "openai/", "meta-llama/"). */

/* Families that take images, from their start */
static const char * const vision_prefixes[] = {
  "gpt-4o", "gpt-4.1", "gpt-4-turbo", "gpt-4-vision", "gpt-4.5", "gpt-5", "chatgpt-4o",
  "o1", "o3", "o4",
  "claude-3", "claude-opus-4", "claude-sonnet-4", "claude-haiku-4", "claude-4",
  "gemini", "gemma3", "gemma-3",
  "llava", "bakllava", "moondream", "pixtral", "llama4", "llama-4",
  "minicpm-v", "qwen2.5vl", "qwen2-vl", "qwen2.5-vl", "qwen-vl", "qvq",
  "mistral-small3.1", "mistral-small-3.1", "mistral-medium-3", "granite3.2-vision",
  "grok-2-vision", "grok-4",
  NULL
};

/* Words in a name that say it takes images wherever they stand */
static const char * const vision_words[] = {
  "vision", "-vl", "vl-", "omni", "multimodal",
  NULL
};

gboolean
steward_model_guess_vision (const char *model)
{
  g_autofree char *lower = NULL;
  const char *name;

  g_return_val_if_fail (model != NULL, FALSE);

  lower = g_ascii_strdown (model, -1);
  name = strrchr (lower, '/');
  name = name != NULL ? name + 1 : lower;

  for (guint i = 0; vision_prefixes[i] != NULL; i++)
    if (g_str_has_prefix (name, vision_prefixes[i]))
      return TRUE;

  for (guint i = 0; vision_words[i] != NULL; i++)
    if (strstr (name, vision_words[i]) != NULL)
      return TRUE;

  return FALSE;
}

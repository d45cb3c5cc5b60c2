/* steward-docx-styles.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-docx-styles"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "steward-docx-package.h"
#include "steward-docx-styles.h"

/* What styles.xml and numbering.xml say about a paragraph or a run:
 * whether a paragraph style makes a heading (by its name, which Word
 * keeps in English, or its outline level) or a list item (by the
 * numbering it points to), whether a run is bold, italic or code, and
 * whether a list level is bulleted or numbered. Styles inherit through
 * basedOn, followed a few steps at most: a hostile file may loop. */

/* basedOn chains are short; a loop in a hostile file must end */
#define MAX_STYLE_DEPTH 16

typedef struct
{
  char *name;
  char *based_on;
  /* -1 when not set */
  int   outline;
  char *num_id;
  int   ilvl;
  int   bold;
  int   italic;
  /* rFonts' ascii font, or NULL */
  char *font;
} Style;

typedef struct
{
  gboolean defined;
  gboolean ordered;
  int      start;
} Level;

typedef struct
{
  Level levels[STEWARD_DOCX_MAX_LEVELS];
} Numbering;

struct _StewardDocxStyles
{
  /* id → Style */
  GHashTable *styles;
  /* abstractNumId → Numbering */
  GHashTable *abstracts;
  /* numId → Numbering (borrowed from @abstracts) */
  GHashTable *nums;
};

static void
style_free (gpointer data)
{
  Style *style = data;

  g_free (style->name);
  g_free (style->based_on);
  g_free (style->num_id);
  g_free (style->font);
  g_free (style);
}

static int
switch_attr (xmlNode *node)
{
  return node != NULL ? steward_docx_switch_on (node) : -1;
}


void
steward_docx_styles_read_styles (StewardDocxStyles *self,
                                 xmlNode           *root)
{
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      const char *id;
      xmlNode *ppr, *rpr, *numpr;
      Style *style;

      if (!steward_docx_is (node, "style"))
        continue;

      id = steward_docx_attr (node, "styleId");
      if (id == NULL || g_hash_table_contains (self->styles, id))
        continue;

      ppr = steward_docx_child (node, "pPr");
      rpr = steward_docx_child (node, "rPr");
      numpr = steward_docx_child (ppr, "numPr");

      style = g_new0 (Style, 1);
      style->name = g_strdup (steward_docx_attr (steward_docx_child (node, "name"), "val"));
      style->based_on = g_strdup (steward_docx_attr (steward_docx_child (node, "basedOn"), "val"));
      style->outline = steward_docx_int_attr (steward_docx_child (ppr, "outlineLvl"), -1);
      style->num_id = g_strdup (steward_docx_attr (steward_docx_child (numpr, "numId"), "val"));
      style->ilvl = steward_docx_int_attr (steward_docx_child (numpr, "ilvl"), -1);
      style->bold = switch_attr (steward_docx_child (rpr, "b"));
      style->italic = switch_attr (steward_docx_child (rpr, "i"));
      style->font = g_strdup (steward_docx_attr (steward_docx_child (rpr, "rFonts"), "ascii"));

      g_hash_table_insert (self->styles, g_strdup (id), style);
    }
}

void
steward_docx_styles_read_numbering (StewardDocxStyles *self,
                                    xmlNode           *root)
{
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      if (steward_docx_is (node, "abstractNum"))
        {
          const char *id = steward_docx_attr (node, "abstractNumId");
          Numbering *numbering;

          if (id == NULL || g_hash_table_contains (self->abstracts, id))
            continue;

          numbering = g_new0 (Numbering, 1);
          for (xmlNode *lvl = node->children; lvl != NULL; lvl = lvl->next)
            {
              const char *ilvl = steward_docx_attr (lvl, "ilvl");
              const char *format;
              int i;

              if (!steward_docx_is (lvl, "lvl") || ilvl == NULL)
                continue;

              i = atoi (ilvl);
              if (i < 0 || i >= STEWARD_DOCX_MAX_LEVELS)
                continue;

              format = steward_docx_attr (steward_docx_child (lvl, "numFmt"), "val");
              numbering->levels[i].defined = TRUE;
              numbering->levels[i].ordered = format != NULL &&
                                             strcmp (format, "bullet") != 0 &&
                                             strcmp (format, "none") != 0;
              numbering->levels[i].start = CLAMP (steward_docx_int_attr (steward_docx_child (lvl, "start"), 1), 0, 999999);
            }

          g_hash_table_insert (self->abstracts, g_strdup (id), numbering);
        }
      else if (steward_docx_is (node, "num"))
        {
          const char *id = steward_docx_attr (node, "numId");
          const char *abstract = steward_docx_attr (steward_docx_child (node, "abstractNumId"), "val");
          Numbering *numbering;

          /* abstractNum elements come first in numbering.xml, as the
           * schema says */
          if (id == NULL || abstract == NULL ||
              (numbering = g_hash_table_lookup (self->abstracts, abstract)) == NULL)
            continue;

          g_hash_table_insert (self->nums, g_strdup (id), numbering);
        }
    }
}

static Style *
lookup_style (StewardDocxStyles *self,
              const char *id)
{
  return id != NULL ? g_hash_table_lookup (self->styles, id) : NULL;
}

/* The heading level (1–6) a paragraph style gives, 0 for none */
int
steward_docx_styles_heading_level (StewardDocxStyles *self,
                                   const char        *style_id)
{
  Style *style = lookup_style (self, style_id);

  for (guint depth = 0; style != NULL && depth < MAX_STYLE_DEPTH; depth++)
    {
      const char *name = style->name;

      /* Word keeps the English names of its built-in styles whatever the
       * language ("heading 1" has the id "berschrift1" in German Word) */
      if (name != NULL && g_ascii_strcasecmp (name, "Title") == 0)
        return 1;
      if (name != NULL && g_ascii_strncasecmp (name, "heading ", 8) == 0 &&
          g_ascii_isdigit (name[8]) && name[9] == '\0')
        return CLAMP (name[8] - '0', 1, 6);
      if (style->outline >= 0 && style->outline < 9)
        return MIN (style->outline + 1, 6);

      style = lookup_style (self, style->based_on);
    }

  if (style_id != NULL)
    {
      if (strcmp (style_id, "Title") == 0)
        return 1;
      if (g_str_has_prefix (style_id, "Heading") && g_ascii_isdigit (style_id[7]) && style_id[8] == '\0')
        return CLAMP (style_id[7] - '0', 1, 6);
    }

  return 0;
}

void
steward_docx_styles_numbering (StewardDocxStyles  *self,
                               const char         *style_id,
                               const char        **num_id,
                               int                *ilvl)
{
  Style *style = lookup_style (self, style_id);
  Style *first = style;

  for (guint depth = 0; style != NULL && depth < MAX_STYLE_DEPTH; depth++)
    {
      if (style->num_id != NULL)
        {
          *num_id = style->num_id;
          if (*ilvl < 0)
            *ilvl = style->ilvl;
          break;
        }
      style = lookup_style (self, style->based_on);
    }

  /* Word's own "List Bullet 2", "List Number 3" … are one-level lists
   * each, indented further: their number is the nesting */
  if (*ilvl < 0 && first != NULL && first->name != NULL && g_str_has_prefix (first->name, "List"))
    {
      gsize len = strlen (first->name);

      if (len > 2 && first->name[len - 2] == ' ' && g_ascii_isdigit (first->name[len - 1]))
        *ilvl = CLAMP (first->name[len - 1] - '1', 0, STEWARD_DOCX_MAX_LEVELS - 1);
    }
}

static gboolean
is_code_name (const char *name)
{
  static const char * const names[] = {
    "Verbatim Char", "VerbatimChar", "HTML Code", "HTMLCode", "Code", "Code Char",
    "CodeChar", "Source Code", "SourceCode", "HTML Preformatted", "HTMLPreformatted",
    "Macro Text", "Plain Text",
  };

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      return TRUE;

  return FALSE;
}

gboolean
steward_docx_styles_is_code_font (const char *font)
{
  static const char * const fonts[] = {
    "Courier", "Courier New", "Consolas", "Menlo", "Monaco", "Lucida Console",
    "Liberation Mono", "DejaVu Sans Mono", "Source Code Pro", "Cascadia Code",
    "Cascadia Mono", "Noto Mono", "Noto Sans Mono", "Fira Code", "Fira Mono",
    "Ubuntu Mono", "Roboto Mono", "Inconsolata", "monospace",
  };

  for (guint i = 0; font != NULL && i < G_N_ELEMENTS (fonts); i++)
    if (g_ascii_strcasecmp (font, fonts[i]) == 0)
      return TRUE;

  return FALSE;
}

/* Whether a style (a paragraph's or a run's) is for code, by its name or
 * its font */
gboolean
steward_docx_styles_is_code (StewardDocxStyles *self,
                             const char        *style_id)
{
  Style *style = lookup_style (self, style_id);

  if (is_code_name (style_id))
    return TRUE;

  for (guint depth = 0; style != NULL && depth < MAX_STYLE_DEPTH; depth++)
    {
      if (is_code_name (style->name) || steward_docx_styles_is_code_font (style->font))
        return TRUE;
      style = lookup_style (self, style->based_on);
    }

  return FALSE;
}

void
steward_docx_styles_run_format (StewardDocxStyles *self,
                                xmlNode           *rpr,
                                gboolean          *bold,
                                gboolean          *italic)
{
  Style *style = lookup_style (self, steward_docx_attr (steward_docx_child (rpr, "rStyle"), "val"));
  int b = switch_attr (steward_docx_child (rpr, "b"));
  int i = switch_attr (steward_docx_child (rpr, "i"));

  for (guint depth = 0; style != NULL && depth < MAX_STYLE_DEPTH && (b < 0 || i < 0); depth++)
    {
      if (b < 0)
        b = style->bold;
      if (i < 0)
        i = style->italic;
      style = lookup_style (self, style->based_on);
    }

  *bold = b > 0;
  *italic = i > 0;
}


StewardDocxStyles *
steward_docx_styles_new (void)
{
  StewardDocxStyles *self = g_new0 (StewardDocxStyles, 1);

  self->styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, style_free);
  self->abstracts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->nums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return self;
}

void
steward_docx_styles_free (StewardDocxStyles *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->styles);
  g_hash_table_unref (self->abstracts);
  g_hash_table_unref (self->nums);
  g_free (self);
}

void
steward_docx_styles_list_level (StewardDocxStyles *self,
                                const char        *num_id,
                                int                ilvl,
                                gboolean          *ordered,
                                int               *start)
{
  Numbering *numbering = g_hash_table_lookup (self->nums, num_id);

  *ordered = FALSE;
  *start = 1;

  /* A level the numbering does not define is drawn like the nearest one
   * above it */
  for (int i = MIN (ilvl, STEWARD_DOCX_MAX_LEVELS - 1); numbering != NULL && i >= 0; i--)
    if (numbering->levels[i].defined)
      {
        *ordered = numbering->levels[i].ordered;
        *start = numbering->levels[i].start;
        return;
      }
}

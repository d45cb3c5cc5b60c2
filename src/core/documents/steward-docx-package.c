/* steward-docx-package.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-docx-package"

/* memmem () */
#define _GNU_SOURCE

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include <archive.h>
#include <archive_entry.h>

#include "steward-docx-package.h"

/* A Word document is a zip of XML parts tied together by relationship
 * parts (_rels/.rels names the main document, word/_rels/document.xml.rels
 * its styles, numbering and links). Only the XML and relationship parts
 * are unpacked, never the pictures, and all of them together at most
 * STEWARD_DOCX_MAX_UNPACKED bytes, counted as they come out of the
 * decompressor: the sizes a zip declares can lie. */

#define W_NS          "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define W_STRICT_NS   "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define OFFICE_DOC    "/officeDocument"
#define MAX_ENTRIES   10000

typedef struct
{
  char     *type;
  char     *target;
  gboolean  external;
} Relationship;

struct _StewardDocxPackage
{
  /* path → GBytes */
  GHashTable *parts;
  char       *main;
  /* id → Relationship, of the main document */
  GHashTable *relationships;
};

static void
relationship_free (gpointer data)
{
  Relationship *rel = data;

  g_free (rel->type);
  g_free (rel->target);
  g_free (rel);
}

void
steward_docx_package_free (StewardDocxPackage *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->parts, g_hash_table_unref);
  g_clear_pointer (&self->relationships, g_hash_table_unref);
  g_free (self->main);
  g_free (self);
}

static gboolean
is_wanted_part (const char *path)
{
  return g_str_has_suffix (path, ".xml") || g_str_has_suffix (path, ".rels");
}

static gboolean
incomplete (GError     **error,
            const char  *name)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("%s is not a complete Word document."), name);
  return FALSE;
}

static gboolean
unpack (StewardDocxPackage  *self,
        GBytes              *data,
        const char          *name,
        GCancellable        *cancellable,
        GError             **error)
{
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;
  gsize unpacked = 0;
  guint n_entries = 0;
  gsize size;
  const void *bytes = g_bytes_get_data (data, &size);
  gboolean ok = FALSE;
  int r;

  /* The seekable reader starts from the central directory at the end: a
   * truncated file has none and is refused whole, instead of giving the
   * parts that came before the cut. */
  archive_read_support_format_zip_seekable (archive);

  if (archive_read_open_memory (archive, bytes, size) != ARCHIVE_OK)
    {
      incomplete (error, name);
      goto out;
    }

  while ((r = archive_read_next_header (archive, &entry)) == ARCHIVE_OK ||
         r == ARCHIVE_WARN)
    {
      const char *path = archive_entry_pathname_utf8 (entry);
      g_autoptr(GByteArray) buffer = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;

      /* Word writes a few dozen parts; a zip of millions of empty ones
       * would cost time, not memory */
      if (++n_entries > MAX_ENTRIES)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                       _("%s holds more than %d parts, far more than a Word document has."),
                       name, MAX_ENTRIES);
          goto out;
        }

      if (path == NULL)
        path = archive_entry_pathname (entry);
      if (path == NULL || !is_wanted_part (path) ||
          archive_entry_filetype (entry) != AE_IFREG)
        continue;

      if (archive_entry_is_encrypted (entry))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                       _("%s is protected by a password."), name);
          goto out;
        }

      buffer = g_byte_array_new ();
      for (;;)
        {
          guint8 chunk[64 * 1024];
          la_ssize_t n = archive_read_data (archive, chunk, sizeof chunk);

          if (n == 0)
            break;
          if (n < 0)
            {
              incomplete (error, name);
              goto out;
            }

          unpacked += n;
          if (unpacked > STEWARD_DOCX_MAX_UNPACKED)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                           _("%s unpacks to more than %d MB of text, more than Steward imports."),
                           name, STEWARD_DOCX_MAX_UNPACKED / (1024 * 1024));
              goto out;
            }

          g_byte_array_append (buffer, chunk, n);
        }

      /* Zip paths may repeat; the first one counts, as in Word */
      if (!g_hash_table_contains (self->parts, path))
        g_hash_table_insert (self->parts, g_strdup (path),
                             g_byte_array_free_to_bytes (g_steal_pointer (&buffer)));
    }

  if (r != ARCHIVE_EOF)
    {
      incomplete (error, name);
      goto out;
    }

  ok = TRUE;

out:
  archive_read_free (archive);

  return ok;
}

/* A relationship's target, relative to the folder of @source ("word/"),
 * made a path in the zip: "styles.xml" → "word/styles.xml",
 * "/word/x.xml" → "word/x.xml", "../a.xml" → "a.xml". */
static char *
resolve_target (const char *source,
                const char *target)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *dir = NULL;
  g_auto(GStrv) dir_parts = NULL;
  g_auto(GStrv) target_parts = NULL;

  if (target[0] != '/')
    {
      const char *slash = strrchr (source, '/');

      dir = slash != NULL ? g_strndup (source, slash - source) : g_strdup ("");
      dir_parts = g_strsplit (dir, "/", -1);
      for (guint i = 0; dir_parts[i] != NULL; i++)
        if (dir_parts[i][0] != '\0')
          g_ptr_array_add (parts, dir_parts[i]);
    }

  target_parts = g_strsplit (target, "/", -1);
  for (guint i = 0; target_parts[i] != NULL; i++)
    {
      const char *part = target_parts[i];

      if (part[0] == '\0' || strcmp (part, ".") == 0)
        continue;
      if (strcmp (part, "..") == 0)
        {
          if (parts->len > 0)
            g_ptr_array_remove_index (parts, parts->len - 1);
          continue;
        }
      g_ptr_array_add (parts, (gpointer) part);
    }

  g_ptr_array_add (parts, NULL);

  return g_strjoinv ("/", (char **) parts->pdata);
}

/* The relationships of the part @source, from its .rels part, into
 * @table (id → Relationship); FALSE with @error on a broken part. */
static gboolean
read_relationships (StewardDocxPackage  *self,
                    const char          *source,
                    GHashTable          *table,
                    const char          *name,
                    GError             **error)
{
  g_autofree char *rels_path = NULL;
  const char *slash = strrchr (source, '/');
  xmlTextReaderPtr reader;
  GBytes *part;
  gboolean done = FALSE;

  if (slash != NULL)
    rels_path = g_strdup_printf ("%.*s/_rels/%s.rels", (int) (slash - source), source, slash + 1);
  else
    rels_path = g_strdup_printf ("_rels/%s.rels", source);

  part = g_hash_table_lookup (self->parts, rels_path);
  if (part == NULL)
    return TRUE;

  reader = steward_docx_xml_reader_new (part, rels_path, name, error);
  if (reader == NULL)
    return FALSE;

  for (;;)
    {
      const char *id, *type, *target, *mode;

      if (!steward_docx_xml_read (reader, name, &done, error))
        {
          xmlFreeTextReader (reader);
          return FALSE;
        }
      if (done)
        break;

      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT ||
          g_strcmp0 ((const char *) xmlTextReaderConstLocalName (reader), "Relationship") != 0)
        continue;

      id = (const char *) xmlTextReaderGetAttribute (reader, BAD_CAST "Id");
      type = (const char *) xmlTextReaderGetAttribute (reader, BAD_CAST "Type");
      target = (const char *) xmlTextReaderGetAttribute (reader, BAD_CAST "Target");
      mode = (const char *) xmlTextReaderGetAttribute (reader, BAD_CAST "TargetMode");

      if (id != NULL && type != NULL && target != NULL && !g_hash_table_contains (table, id))
        {
          Relationship *rel = g_new0 (Relationship, 1);

          rel->type = g_strdup (type);
          rel->external = g_strcmp0 (mode, "External") == 0;
          rel->target = rel->external ? g_strdup (target) : resolve_target (source, target);
          g_hash_table_insert (table, g_strdup (id), rel);
        }

      xmlFree ((xmlChar *) id);
      xmlFree ((xmlChar *) type);
      xmlFree ((xmlChar *) target);
      xmlFree ((xmlChar *) mode);
    }

  xmlFreeTextReader (reader);

  return TRUE;
}

static const Relationship *
find_relationship (GHashTable *table,
                   const char *type_suffix)
{
  GHashTableIter iter;
  gpointer value;

  /* The lowest id wins when a type repeats, so the answer does not
   * depend on the hash table's order. */
  const Relationship *found = NULL;
  const char *found_id = NULL;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const Relationship *rel = value;

      if (!rel->external && g_str_has_suffix (rel->type, type_suffix) &&
          (found_id == NULL || strcmp (key, found_id) < 0))
        {
          found = rel;
          found_id = key;
        }
    }

  return found;
}

StewardDocxPackage *
steward_docx_package_new (GBytes        *data,
                          const char    *name,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(StewardDocxPackage) self = g_new0 (StewardDocxPackage, 1);
  g_autoptr(GHashTable) root_rels = NULL;
  const Relationship *office;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self->parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  self->relationships = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, relationship_free);

  if (!unpack (self, data, name, cancellable, error))
    return NULL;

  root_rels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, relationship_free);
  if (!read_relationships (self, "", root_rels, name, error))
    return NULL;

  office = find_relationship (root_rels, OFFICE_DOC);
  if (office != NULL && g_hash_table_contains (self->parts, office->target))
    self->main = g_strdup (office->target);
  else if (g_hash_table_contains (self->parts, "word/document.xml"))
    self->main = g_strdup ("word/document.xml");
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s is a zip archive but not a Word document."), name);
      return NULL;
    }

  if (!read_relationships (self, self->main, self->relationships, name, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
steward_docx_package_get_main (StewardDocxPackage *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->main;
}

GBytes *
steward_docx_package_get_part (StewardDocxPackage *self,
                               const char         *path)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (path == NULL)
    return NULL;

  return g_hash_table_lookup (self->parts, path);
}

const char *
steward_docx_package_get_related (StewardDocxPackage *self,
                                  const char         *type_suffix)
{
  const Relationship *rel;

  g_return_val_if_fail (self != NULL, NULL);

  rel = find_relationship (self->relationships, type_suffix);

  return rel != NULL ? rel->target : NULL;
}

const char *
steward_docx_package_get_link (StewardDocxPackage *self,
                               const char         *id)
{
  const Relationship *rel;

  g_return_val_if_fail (self != NULL, NULL);

  if (id == NULL)
    return NULL;

  rel = g_hash_table_lookup (self->relationships, id);
  if (rel == NULL || !rel->external)
    return NULL;

  return rel->target;
}

static void
ignore_xml_error (void     *user_data,
                  xmlError *error)
{
}

xmlTextReaderPtr
steward_docx_xml_reader_new (GBytes      *part,
                             const char  *path,
                             const char  *name,
                             GError     **error)
{
  static gsize initialized;
  xmlTextReaderPtr reader;
  gsize size;
  const char *data = g_bytes_get_data (part, &size);

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }

  /* Word never writes a document type declaration: one is refused
   * before the parser sees it, and steward_docx_xml_read() refuses the
   * one this check cannot see (in UTF-16). */
  if (size > 0 &&
      (memmem (data, size, "<!DOCTYPE", 9) != NULL || memmem (data, size, "<!ENTITY", 8) != NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s is not a Word document Steward can read safely: it declares XML entities."),
                   name);
      return NULL;
    }

  /* No XML_PARSE_NOENT, DTDLOAD, DTDATTR or HUGE: entities stay
   * unexpanded, nothing is fetched, libxml2's own limits stay on. */
  reader = xmlReaderForMemory (data, size, path, NULL,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (reader == NULL)
    {
      incomplete (error, name);
      return NULL;
    }

  xmlTextReaderSetStructuredErrorHandler (reader, ignore_xml_error, NULL);

  return reader;
}

gboolean
steward_docx_xml_read (xmlTextReaderPtr   reader,
                       const char        *name,
                       gboolean          *done,
                       GError           **error)
{
  int r = xmlTextReaderRead (reader);

  *done = FALSE;

  if (r < 0)
    return incomplete (error, name);

  if (r == 0)
    {
      *done = TRUE;
      return TRUE;
    }

  if (xmlTextReaderNodeType (reader) == XML_READER_TYPE_DOCUMENT_TYPE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s is not a Word document Steward can read safely: it declares XML entities."),
                   name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_w_namespace (xmlNs *ns)
{
  return ns != NULL &&
         (strcmp ((const char *) ns->href, W_NS) == 0 ||
          strcmp ((const char *) ns->href, W_STRICT_NS) == 0);
}

gboolean
steward_docx_is (xmlNode    *node,
                 const char *local)
{
  return node != NULL &&
         node->type == XML_ELEMENT_NODE &&
         strcmp ((const char *) node->name, local) == 0 &&
         is_w_namespace (node->ns);
}

xmlNode *
steward_docx_child (xmlNode    *node,
                    const char *local)
{
  if (node == NULL)
    return NULL;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (steward_docx_is (child, local))
      return child;

  return NULL;
}

const char *
steward_docx_attr (xmlNode    *node,
                   const char *local)
{
  if (node == NULL)
    return NULL;

  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      if (strcmp ((const char *) attr->name, local) != 0 || !is_w_namespace (attr->ns))
        continue;

      /* An attribute's value is one text node unless it held entity
       * references, which the reader refused already. */
      if (attr->children != NULL && attr->children->type == XML_TEXT_NODE &&
          attr->children->next == NULL)
        return (const char *) attr->children->content;

      return "";
    }

  return NULL;
}

gboolean
steward_docx_switch_on (xmlNode *node)
{
  const char *val;

  if (node == NULL)
    return FALSE;

  val = steward_docx_attr (node, "val");

  return val == NULL ||
         !(strcmp (val, "0") == 0 || strcmp (val, "false") == 0 || strcmp (val, "off") == 0);
}

int
steward_docx_int_attr (xmlNode *node,
                       int      fallback)
{
  const char *val = steward_docx_attr (node, "val");
  char *end = NULL;
  long n;

  if (val == NULL)
    return fallback;

  n = strtol (val, &end, 10);
  if (end == val || n < -1000000 || n > 1000000)
    return fallback;

  return (int) n;
}

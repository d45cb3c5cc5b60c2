/* steward-markdown-tree.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-markdown"

#include "config.h"

#include <string.h>

#include "steward-markdown-private.h"

/* A tree's nodes and strings are carved out of a few large chunks rather
 * than allocated one by one: a stream parses the reply's growing tail
 * again at every line, so building and dropping a tree must cost little
 * more than md4c's own pass over the text. */

#define ALIGNMENT        sizeof (gpointer)
#define ALIGN_UP(n)      (((n) + ALIGNMENT - 1) & ~(ALIGNMENT - 1))
/* The tree and its first chunk are one allocation, small enough for the
 * allocator's fastest path: a short reply needs no other */
#define TREE_ALLOCATION  1008
#define NEXT_CHUNK_SIZE  4096
#define MAX_CHUNK_SIZE   (64 * 1024)

typedef struct _Chunk Chunk;

struct _Chunk
{
  Chunk *previous;
  gsize  size;
  gsize  used;
};

#define CHUNK_HEADER ALIGN_UP (sizeof (Chunk))

struct _StewardMarkdownTree
{
  gatomicrefcount      ref_count;

  StewardMarkdownNode *blocks;

  /* Owned: the chunk being filled, the others through @previous */
  Chunk               *chunk;
  gsize                next_chunk_size;

  /* The first chunk: its memory follows, to the end of the allocation */
  Chunk                first_chunk;
};

#define FIRST_CHUNK_OFFSET (G_STRUCT_OFFSET (StewardMarkdownTree, first_chunk) + CHUNK_HEADER)

G_DEFINE_BOXED_TYPE (StewardMarkdownTree, steward_markdown_tree,
                     steward_markdown_tree_ref, steward_markdown_tree_unref)

StewardMarkdownTree *
_steward_markdown_tree_new (void)
{
  StewardMarkdownTree *self = g_malloc (TREE_ALLOCATION);

  G_STATIC_ASSERT (FIRST_CHUNK_OFFSET < TREE_ALLOCATION);

  g_atomic_ref_count_init (&self->ref_count);
  self->blocks = NULL;
  self->chunk = &self->first_chunk;
  self->next_chunk_size = NEXT_CHUNK_SIZE;

  self->first_chunk.previous = NULL;
  self->first_chunk.size = TREE_ALLOCATION - FIRST_CHUNK_OFFSET;
  self->first_chunk.used = 0;

  return self;
}

/**
 * steward_markdown_tree_ref:
 * @self: a tree
 *
 * Returns: (transfer full): @self
 */
StewardMarkdownTree *
steward_markdown_tree_ref (StewardMarkdownTree *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
steward_markdown_tree_unref (StewardMarkdownTree *self)
{
  Chunk *chunk;

  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  chunk = self->chunk;
  while (chunk != NULL)
    {
      Chunk *previous = chunk->previous;

      if (chunk != &self->first_chunk)
        g_free (chunk);
      chunk = previous;
    }

  g_free (self);
}

/**
 * steward_markdown_tree_get_blocks:
 * @self: a tree
 *
 * Returns: (transfer none) (nullable): the first top-level block; the
 *   others follow it through their @next
 */
const StewardMarkdownNode *
steward_markdown_tree_get_blocks (const StewardMarkdownTree *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->blocks;
}

StewardMarkdownNode **
_steward_markdown_tree_get_root (StewardMarkdownTree *self)
{
  return &self->blocks;
}

static Chunk *
chunk_new (gsize size)
{
  Chunk *chunk = g_malloc (CHUNK_HEADER + size);

  chunk->previous = NULL;
  chunk->size = size;
  chunk->used = 0;

  return chunk;
}

/* Memory that lives as long as the tree. */
static char *
tree_alloc (StewardMarkdownTree *self,
            gsize                size)
{
  Chunk *chunk = self->chunk;
  char *memory;

  size = ALIGN_UP (MAX (size, 1));

  if (chunk->size - chunk->used < size)
    {
      /* A large piece (a long code block) gets a chunk of its own, behind
       * the one being filled, so that the room left in it is not lost */
      if (size > self->next_chunk_size / 4)
        {
          Chunk *own = chunk_new (size);

          own->previous = chunk->previous;
          chunk->previous = own;
          own->used = size;

          return (char *) own + CHUNK_HEADER;
        }

      chunk = chunk_new (MAX (self->next_chunk_size, size));
      chunk->previous = self->chunk;
      self->chunk = chunk;
      self->next_chunk_size = MIN (self->next_chunk_size * 2, MAX_CHUNK_SIZE);
    }

  memory = (char *) chunk + CHUNK_HEADER + chunk->used;
  chunk->used += size;

  return memory;
}

gpointer
_steward_markdown_tree_alloc (StewardMarkdownTree *self,
                              gsize                size)
{
  return memset (tree_alloc (self, size), 0, size);
}

const char *
_steward_markdown_tree_strndup (StewardMarkdownTree *self,
                                const char          *text,
                                gsize                len)
{
  char *copy = tree_alloc (self, len + 1);

  memcpy (copy, text, len);
  copy[len] = '\0';

  return copy;
}

StewardMarkdownNode *
_steward_markdown_tree_new_node (StewardMarkdownTree     *self,
                                 StewardMarkdownNodeKind  kind)
{
  StewardMarkdownNode *node = _steward_markdown_tree_alloc (self, sizeof *node);

  node->kind = kind;
  node->source_first = -1;
  node->source_last = -1;

  return node;
}

StewardMarkdownInline *
_steward_markdown_tree_new_inline (StewardMarkdownTree       *self,
                                   StewardMarkdownInlineKind  kind)
{
  StewardMarkdownInline *node = _steward_markdown_tree_alloc (self, sizeof *node);

  node->kind = kind;

  return node;
}

/* steward-search-provider.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-search-provider"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "steward-search-provider.h"
#include "steward-shell-search-provider2.h"
#include "steward-store-search-everything.h"

/* GNOME Shell's overview searching Steward: conversations by their
 * messages, tasks and document projects (steward_store_search_everything()),
 * and last "Ask Steward: TERMS", which opens a quick chat with them.
 *
 * It lives in the app's process, on the app's bus name, so the overview
 * may start the app by D-Bus activation (`--gapplication-service`) with
 * no window: each request holds the application while it runs, and the
 * app stays LINGER_SECONDS after the last one for the next keystroke. A
 * search waits for the store to open. Results are "KIND:ID" (see
 * steward_search_hit_dup_result_id()) and "ask:TERMS"; what a search
 * found is remembered for GetResultMetas and ActivateResult, which opens
 * it through app.open-result and app.search (steward-desktop-actions.c),
 * and "Ask Steward" through app.quick-chat (the quick chat window, the
 * terms in its entry). */

#define PER_KIND 5
#define LINGER_SECONDS 15
#define ASK_PREFIX "ask:"

struct _StewardSearchProvider
{
  GObject parent_instance;

  /* Owned */
  StewardShellSearchProvider2 *skeleton;
  GCancellable                *cancellable;
  /* result id → StewardSearchHit, of the searches so far */
  GHashTable                  *hits;
  /* Requests waiting for the store to open */
  GPtrArray                   *waiting;

  /* Borrowed: the application owns this object */
  StewardApplication          *application;

  gulong                       ready_handler;
  guint                        linger_source;
};

G_DEFINE_FINAL_TYPE (StewardSearchProvider, steward_search_provider, G_TYPE_OBJECT)

typedef struct
{
  StewardSearchProvider *self;
  GDBusMethodInvocation *invocation;
  char                  *query;
  gboolean               subsearch;
} Request;

static void
linger_release (StewardSearchProvider *self)
{
  if (self->linger_source == 0)
    return;

  g_clear_handle_id (&self->linger_source, g_source_remove);
  g_application_release (G_APPLICATION (self->application));
}

static gboolean
linger_done_cb (gpointer user_data)
{
  StewardSearchProvider *self = user_data;

  self->linger_source = 0;
  g_application_release (G_APPLICATION (self->application));

  return G_SOURCE_REMOVE;
}

/* A D-Bus-activated app has no window to keep it running: it stays a
 * while after each request, for the next one. */
static void
linger (StewardSearchProvider *self)
{
  if (self->linger_source != 0)
    g_source_remove (self->linger_source);
  else
    g_application_hold (G_APPLICATION (self->application));

  self->linger_source = g_timeout_add_seconds (LINGER_SECONDS, linger_done_cb, self);
}

static Request *
request_new (StewardSearchProvider *self,
             GDBusMethodInvocation *invocation,
             const char * const    *terms,
             gboolean               subsearch)
{
  Request *request = g_new0 (Request, 1);

  g_application_hold (G_APPLICATION (self->application));

  request->self = g_object_ref (self);
  request->invocation = g_object_ref (invocation);
  request->query = g_strjoinv (" ", (char **)terms);
  request->subsearch = subsearch;

  return request;
}

static void
request_free (Request *request)
{
  linger (request->self);
  g_application_release (G_APPLICATION (request->self->application));

  g_clear_object (&request->invocation);
  g_clear_object (&request->self);
  g_clear_pointer (&request->query, g_free);
  g_free (request);
}

static void
request_complete (Request            *request,
                  const char * const *results)
{
  if (request->subsearch)
    steward_shell_search_provider2_complete_get_subsearch_result_set (request->self->skeleton,
                                                                      request->invocation,
                                                                      results);
  else
    steward_shell_search_provider2_complete_get_initial_result_set (request->self->skeleton,
                                                                    request->invocation,
                                                                    results);
}

/* "ask:TERMS", or %NULL when nothing but spaces was typed */
static char *
dup_ask_id (const char *query)
{
  g_autofree char *stripped = g_strstrip (g_strdup (query));

  if (stripped[0] == '\0')
    return NULL;

  return g_strconcat (ASK_PREFIX, stripped, NULL);
}

static void
search_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Request *request = user_data;
  StewardSearchProvider *self = request->self;
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *ask = NULL;

  if (!(hits = steward_store_search_everything_finish (STEWARD_STORE (object), result, &error)))
    {
      /* The overview shows nothing of ours rather than an error. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Cannot search for the desktop: %s", error->message);
    }
  else
    {
      for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
        {
          g_autoptr(StewardSearchHit) hit = g_list_model_get_item (hits, i);
          char *id = steward_search_hit_dup_result_id (hit);

          g_hash_table_replace (self->hits, g_strdup (id), g_object_ref (hit));
          g_ptr_array_add (ids, id);
        }
    }

  if ((ask = dup_ask_id (request->query)) != NULL)
    g_ptr_array_add (ids, g_steal_pointer (&ask));
  g_ptr_array_add (ids, NULL);

  request_complete (request, (const char * const *)ids->pdata);
  request_free (request);
}

static void
request_start (Request *request)
{
  StewardSearchProvider *self = request->self;
  StewardStore *store = steward_application_get_store (self->application);

  if (store == NULL)
    {
      g_autofree char *ask = dup_ask_id (request->query);
      /* { NULL, NULL } when there is nothing to ask */
      const char * const ask_only[] = { ask, NULL };

      request_complete (request, ask_only);
      request_free (request);
      return;
    }

  steward_store_search_everything_async (store, request->query, PER_KIND, self->cancellable,
                                         search_cb, request);
}

static void
services_ready_cb (StewardSearchProvider *self)
{
  g_autoptr(GPtrArray) waiting = NULL;

  g_assert (STEWARD_IS_SEARCH_PROVIDER (self));

  if (!steward_application_get_store_ready (self->application))
    return;

  waiting = g_steal_pointer (&self->waiting);
  self->waiting = g_ptr_array_new ();

  for (guint i = 0; i < waiting->len; i++)
    request_start (g_ptr_array_index (waiting, i));
}

static void
search (StewardSearchProvider *self,
        GDBusMethodInvocation *invocation,
        const char * const    *terms,
        gboolean               subsearch)
{
  Request *request = request_new (self, invocation, terms, subsearch);

  if (steward_application_get_store_ready (self->application))
    request_start (request);
  else
    g_ptr_array_add (self->waiting, request);
}

static gboolean
handle_get_initial_result_set_cb (StewardSearchProvider       *self,
                                  GDBusMethodInvocation       *invocation,
                                  const char * const          *terms,
                                  StewardShellSearchProvider2 *skeleton)
{
  search (self, invocation, terms, FALSE);

  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

/* The overview narrows a search as keys are typed: searched again, since
 * the words are prefixes and ranking may change. */
static gboolean
handle_get_subsearch_result_set_cb (StewardSearchProvider       *self,
                                    GDBusMethodInvocation       *invocation,
                                    const char * const          *previous_results,
                                    const char * const          *terms,
                                    StewardShellSearchProvider2 *skeleton)
{
  search (self, invocation, terms, TRUE);

  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

static GIcon *
icon_for_kind (StewardSearchHitKind kind)
{
  static const char * const conversation[] = { "chat-bubbles-text-symbolic", "chat-message-new-symbolic", NULL };
  static const char * const task[] = { "checkbox-checked-symbolic", "object-select-symbolic", NULL };
  static const char * const project[] = { "x-office-document", "text-x-generic", NULL };

  switch (kind)
    {
    case STEWARD_SEARCH_HIT_CONVERSATION:
      return g_themed_icon_new_from_names ((char **)conversation, -1);
    case STEWARD_SEARCH_HIT_TASK:
      return g_themed_icon_new_from_names ((char **)task, -1);
    case STEWARD_SEARCH_HIT_PROJECT:
      return g_themed_icon_new_from_names ((char **)project, -1);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* A result from before this process (the overview kept it): named from
 * the store, with no snippet. */
static StewardSearchHit *
find_hit (StewardSearchProvider *self,
          const char            *result_id)
{
  StewardStore *store = steward_application_get_store (self->application);
  StewardSearchHit *hit;
  StewardSearchHitKind kind;
  gint64 id;

  if ((hit = g_hash_table_lookup (self->hits, result_id)) != NULL)
    return g_object_ref (hit);

  if (store == NULL || !steward_search_hit_parse_result_id (result_id, &kind, &id))
    return NULL;

  if (kind == STEWARD_SEARCH_HIT_CONVERSATION)
    {
      g_autoptr(StewardConversation) conversation = steward_store_find_conversation (store, id, NULL);

      if (conversation != NULL)
        return steward_search_hit_new (kind, id, 0, steward_conversation_get_title (conversation), NULL);
    }
  else if (kind == STEWARD_SEARCH_HIT_TASK)
    {
      g_autoptr(StewardTask) task = steward_store_find_task (store, id, NULL);

      if (task != NULL)
        return steward_search_hit_new (kind, id, 0, steward_task_get_title (task), NULL);
    }
  else if (kind == STEWARD_SEARCH_HIT_PROJECT)
    {
      g_autoptr(StewardProject) project = steward_store_find_project (store, id, NULL);

      if (project != NULL)
        return steward_search_hit_new (kind, id, 0, steward_project_get_name (project), NULL);
    }

  return NULL;
}

static void
add_meta (GVariantBuilder *builder,
          const char      *id,
          const char      *name,
          const char      *description,
          GIcon           *icon)
{
  g_autofree char *icon_name = g_icon_to_string (icon);

  g_variant_builder_open (builder, G_VARIANT_TYPE ("a{sv}"));
  g_variant_builder_add (builder, "{sv}", "id", g_variant_new_string (id));
  g_variant_builder_add (builder, "{sv}", "name", g_variant_new_string (name));
  g_variant_builder_add (builder, "{sv}", "description", g_variant_new_string (description));
  g_variant_builder_add (builder, "{sv}", "icon", g_icon_serialize (icon));
  if (icon_name != NULL)
    g_variant_builder_add (builder, "{sv}", "gicon", g_variant_new_string (icon_name));
  g_variant_builder_close (builder);
}

static gboolean
handle_get_result_metas_cb (StewardSearchProvider       *self,
                            GDBusMethodInvocation       *invocation,
                            const char * const          *identifiers,
                            StewardShellSearchProvider2 *skeleton)
{
  GVariantBuilder builder;

  g_application_hold (G_APPLICATION (self->application));

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));

  for (guint i = 0; identifiers[i] != NULL; i++)
    {
      const char *id = identifiers[i];
      g_autoptr(StewardSearchHit) hit = NULL;
      g_autoptr(GIcon) icon = NULL;

      if (g_str_has_prefix (id, ASK_PREFIX))
        {
          /* Translators: the last result in GNOME's overview search; %s
           * is what was typed */
          g_autofree char *name = g_strdup_printf (_("Ask Steward: %s"), id + strlen (ASK_PREFIX));

          icon = g_themed_icon_new (APP_ID);
          add_meta (&builder, id, name, _("Start a conversation with these words"), icon);
          continue;
        }

      if (!(hit = find_hit (self, id)))
        continue;

      icon = icon_for_kind (steward_search_hit_get_kind (hit));
      add_meta (&builder, id,
                steward_search_hit_get_title (hit)[0] != '\0' ? steward_search_hit_get_title (hit) : _("Untitled"),
                steward_search_hit_get_snippet (hit), icon);
    }

  steward_shell_search_provider2_complete_get_result_metas (skeleton, invocation,
                                                            g_variant_builder_end (&builder));

  linger (self);
  g_application_release (G_APPLICATION (self->application));

  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

/* The window the activation opened gets the focus the overview hands
 * over with @timestamp. */
static void
present_with_time (StewardSearchProvider *self,
                   guint32                timestamp)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self->application));

  if (window != NULL)
    gtk_window_present_with_time (window, timestamp);
}

static gboolean
handle_activate_result_cb (StewardSearchProvider       *self,
                           GDBusMethodInvocation       *invocation,
                           const char                  *identifier,
                           const char * const          *terms,
                           guint                        timestamp,
                           StewardShellSearchProvider2 *skeleton)
{
  g_autoptr(StewardSearchHit) hit = NULL;

  if (g_str_has_prefix (identifier, ASK_PREFIX))
    {
      g_action_group_activate_action (G_ACTION_GROUP (self->application), "quick-chat",
                                      g_variant_new_string (identifier + strlen (ASK_PREFIX)));
    }
  else
    {
      hit = g_hash_table_lookup (self->hits, identifier);
      g_action_group_activate_action (G_ACTION_GROUP (self->application), "open-result",
                                      g_variant_new ("(sx)", identifier,
                                                     hit != NULL ? steward_search_hit_get_target_id (hit) : 0));
    }

  present_with_time (self, timestamp);
  steward_shell_search_provider2_complete_activate_result (skeleton, invocation);

  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

static gboolean
handle_launch_search_cb (StewardSearchProvider       *self,
                         GDBusMethodInvocation       *invocation,
                         const char * const          *terms,
                         guint                        timestamp,
                         StewardShellSearchProvider2 *skeleton)
{
  g_autofree char *query = g_strjoinv (" ", (char **)terms);

  g_action_group_activate_action (G_ACTION_GROUP (self->application), "search",
                                  g_variant_new_string (query));

  present_with_time (self, timestamp);
  steward_shell_search_provider2_complete_launch_search (skeleton, invocation);

  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

static void
steward_search_provider_dispose (GObject *object)
{
  StewardSearchProvider *self = (StewardSearchProvider *)object;

  g_cancellable_cancel (self->cancellable);

  if (self->skeleton != NULL)
    steward_search_provider_unexport (self);
  g_clear_object (&self->skeleton);

  if (self->ready_handler != 0)
    g_clear_signal_handler (&self->ready_handler, steward_application_get_services (self->application));

  /* No store will answer them now: empty answers, so the overview does
   * not wait. */
  if (self->waiting != NULL)
    {
      for (guint i = 0; i < self->waiting->len; i++)
        {
          Request *request = g_ptr_array_index (self->waiting, i);
          const char * const none[] = { NULL };

          request_complete (request, none);
          request_free (request);
        }
      g_clear_pointer (&self->waiting, g_ptr_array_unref);
    }

  linger_release (self);

  G_OBJECT_CLASS (steward_search_provider_parent_class)->dispose (object);
}

static void
steward_search_provider_finalize (GObject *object)
{
  StewardSearchProvider *self = (StewardSearchProvider *)object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->hits, g_hash_table_unref);

  G_OBJECT_CLASS (steward_search_provider_parent_class)->finalize (object);
}

static void
steward_search_provider_class_init (StewardSearchProviderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steward_search_provider_dispose;
  object_class->finalize = steward_search_provider_finalize;
}

static void
steward_search_provider_init (StewardSearchProvider *self)
{
  self->cancellable = g_cancellable_new ();
  self->hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->waiting = g_ptr_array_new ();

  self->skeleton = steward_shell_search_provider2_skeleton_new ();
  g_signal_connect_object (self->skeleton, "handle-get-initial-result-set",
                           G_CALLBACK (handle_get_initial_result_set_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->skeleton, "handle-get-subsearch-result-set",
                           G_CALLBACK (handle_get_subsearch_result_set_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->skeleton, "handle-get-result-metas",
                           G_CALLBACK (handle_get_result_metas_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->skeleton, "handle-activate-result",
                           G_CALLBACK (handle_activate_result_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->skeleton, "handle-launch-search",
                           G_CALLBACK (handle_launch_search_cb), self, G_CONNECT_SWAPPED);
}

/**
 * steward_search_provider_new:
 * @application: the app whose store it searches and whose windows it opens
 */
StewardSearchProvider *
steward_search_provider_new (StewardApplication *application)
{
  StewardSearchProvider *self;

  g_return_val_if_fail (STEWARD_IS_APPLICATION (application), NULL);

  self = g_object_new (STEWARD_TYPE_SEARCH_PROVIDER, NULL);
  self->application = application;
  self->ready_handler = g_signal_connect_swapped (steward_application_get_services (application),
                                                  "notify::ready",
                                                  G_CALLBACK (services_ready_cb), self);

  return self;
}

/**
 * steward_search_provider_export:
 * @object_path: where the overview looks for it (the search provider
 *   .ini's ObjectPath)
 *
 * Puts org.gnome.Shell.SearchProvider2 on @connection, from the
 * application's dbus_register.
 */
gboolean
steward_search_provider_export (StewardSearchProvider  *self,
                                GDBusConnection        *connection,
                                const char             *object_path,
                                GError                **error)
{
  g_return_val_if_fail (STEWARD_IS_SEARCH_PROVIDER (self), FALSE);
  g_return_val_if_fail (G_IS_DBUS_CONNECTION (connection), FALSE);

  return g_dbus_interface_skeleton_export (G_DBUS_INTERFACE_SKELETON (self->skeleton),
                                           connection, object_path, error);
}

void
steward_search_provider_unexport (StewardSearchProvider *self)
{
  g_return_if_fail (STEWARD_IS_SEARCH_PROVIDER (self));

  /* Registering a second instance exports, then unexports when the name
   * is taken; the primary's dispose comes after dbus_unregister. */
  if (g_dbus_interface_skeleton_get_connection (G_DBUS_INTERFACE_SKELETON (self->skeleton)) != NULL)
    g_dbus_interface_skeleton_unexport (G_DBUS_INTERFACE_SKELETON (self->skeleton));
}

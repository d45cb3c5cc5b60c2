/* steward-chat-page.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-chat-page"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-chat-page-private.h"
#include "steward-conversation-row.h"
#include "steward-stack-accessible.h"

/* The Chat page: the list of conversations beside the conversation view.
 * With no provider set up, the view's place shows how to add one, and
 * offers a local Ollama directly when one answers (the core's first run,
 * steward-first-run.c, finds it and sets it up). The list's rows, their
 * date headings, selection mode and keys are in steward-chat-page-list.c.
 */

G_DEFINE_FINAL_TYPE (StewardChatPage, steward_chat_page, GTK_TYPE_WIDGET)

static void steward_chat_page_update_setup (StewardChatPage *self);

static void
show_error_toast (StewardChatPage *self,
                  const GError    *error)
{
  /* A toast's title is markup. */
  g_autofree char *markup = g_markup_escape_text (error->message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
}

/* -- the conversation list ----------------------------------------------- */

static gboolean
is_pending_delete (StewardChatPage *self,
                   gint64           id)
{
  for (guint i = 0; i < self->pending_deletes->len; i++)
    if (g_array_index (self->pending_deletes, gint64, i) == id)
      return TRUE;

  return FALSE;
}

static gboolean
filter_conversation (gpointer item,
                     gpointer user_data)
{
  StewardChatPage *self = user_data;

  return !is_pending_delete (self, steward_conversation_get_id (item));
}

void
_steward_chat_page_select (StewardChatPage *self,
                           gint64           conversation_id)
{
  GListModel *model = G_LIST_MODEL (self->filtered);
  guint n_items = g_list_model_get_n_items (model);
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; conversation_id != 0 && i < n_items; i++)
    {
      g_autoptr(StewardConversation) conversation = g_list_model_get_item (model, i);

      if (steward_conversation_get_id (conversation) == conversation_id)
        {
          position = i;
          break;
        }
    }

  self->reloading = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->reloading = FALSE;
}

static void
conversations_changing_cb (StewardChatPage *self,
                           guint            position,
                           guint            removed,
                           guint            added,
                           GListModel      *model)
{
  self->reloading = TRUE;
}

/* A conversation was written to, renamed, added or deleted: the list
 * changed those rows alone, and the selection stays on the conversation
 * shown. */
static void
conversations_changed_cb (StewardChatPage *self,
                          guint            position,
                          guint            removed,
                          guint            added,
                          GListModel      *model)
{
  self->reloading = FALSE;
  _steward_chat_page_select (self, steward_chat_view_get_conversation_id (self->chat_view));
}

/* Shows the conversations once the store is open and they are read:
 * the services' list, which follows the store from then on. */
static void
steward_chat_page_load (StewardChatPage *self)
{
  StewardServices *services = STEWARD_SERVICES_DEFAULT;
  StewardRowList *conversations;
  const GError *load_error;
  g_autoptr(GError) error = NULL;

  g_assert (STEWARD_IS_CHAT_PAGE (self));

  if (!steward_services_get_ready (services) ||
      !(conversations = steward_services_get_conversations (services, &error)))
    {
      gtk_filter_list_model_set_model (self->filtered, NULL);
      gtk_stack_set_visible_child_name (self->stack, "loading");
      return;
    }

  if (self->conversations != conversations)
    {
      /* Around the filter's and the selection's own handlers: a change
       * that moves or replaces the selected row must not show another
       * conversation. */
      g_signal_connect_object (conversations, "items-changed",
                               G_CALLBACK (conversations_changing_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (conversations, "items-changed",
                               G_CALLBACK (conversations_changed_cb), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      g_signal_connect_object (conversations, "notify::loaded",
                               G_CALLBACK (steward_chat_page_load), self, G_CONNECT_SWAPPED);
      self->conversations = conversations;

      self->reloading = TRUE;
      gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (conversations));
      self->reloading = FALSE;
    }

  if (!steward_row_list_get_loaded (conversations))
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      return;
    }

  if ((load_error = steward_row_list_get_error (conversations)) != NULL)
    {
      g_autofree char *markup = g_markup_escape_text (load_error->message, -1);

      adw_status_page_set_description (self->error_page, markup);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  _steward_chat_page_select (self, steward_chat_view_get_conversation_id (self->chat_view));
  gtk_stack_set_visible_child_name (self->stack, "chat");
}

static void
providers_changed_cb (StewardChatPage         *self,
                      StewardProviderRegistry *providers);

static void
services_ready_cb (StewardChatPage *self,
                   GParamSpec      *pspec,
                   StewardServices *services)
{
  steward_chat_page_load (self);

  /* The providers, and the first run, are the services': an open store
   * means they are there. */
  if (self->providers == NULL && (self->providers = steward_services_get_providers (services)) != NULL)
    {
      g_object_ref (self->providers);
      self->first_run = steward_services_new_first_run (services);
      g_signal_connect_object (self->providers, "changed",
                               G_CALLBACK (providers_changed_cb), self, G_CONNECT_SWAPPED);
    }

  steward_chat_page_update_setup (self);
}

static void
selection_changed_cb (StewardChatPage    *self,
                      GParamSpec         *pspec,
                      GtkSingleSelection *selection)
{
  StewardConversation *conversation;

  g_assert (STEWARD_IS_CHAT_PAGE (self));

  /* In selection mode the cursor moves, and a click checks: neither
   * opens a conversation. */
  if (self->reloading || self->selection_mode)
    return;

  conversation = gtk_single_selection_get_selected_item (selection);
  steward_chat_view_set_conversation_id (self->chat_view,
                                         conversation ? steward_conversation_get_id (conversation) : 0);

  if (conversation != NULL && adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

static void
view_conversation_id_cb (StewardChatPage *self,
                         GParamSpec      *pspec,
                         StewardChatView *view)
{
  g_assert (STEWARD_IS_CHAT_PAGE (self));

  _steward_chat_page_select (self, steward_chat_view_get_conversation_id (view));
}

/**
 * steward_chat_page_new_conversation:
 *
 * Shows an empty conversation, ready to type in.
 */
void
steward_chat_page_new_conversation (StewardChatPage *self)
{
  g_return_if_fail (STEWARD_IS_CHAT_PAGE (self));

  _steward_chat_page_set_selection_mode (self, FALSE);
  steward_chat_view_set_conversation_id (self->chat_view, 0);
  _steward_chat_page_select (self, 0);

  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);

  steward_chat_view_focus_composer (self->chat_view);
}

static void
new_conversation_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  steward_chat_page_new_conversation (STEWARD_CHAT_PAGE (widget));
}

/* -- the conversation menu's dialogs ------------------------------------ */

static void
rename_conversation_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  _steward_chat_page_rename (STEWARD_CHAT_PAGE (widget), g_variant_get_int64 (param));
}

static void
show_summary_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  _steward_chat_page_show_summary (widget, g_variant_get_int64 (param));
}

static void
export_conversation_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  _steward_chat_page_export (widget, g_variant_get_int64 (param));
}

/* -- delete, with Undo --------------------------------------------------- */

static void
forget_pending_delete (StewardChatPage *self,
                       gint64           id)
{
  for (guint i = 0; i < self->pending_deletes->len; i++)
    if (g_array_index (self->pending_deletes, gint64, i) == id)
      {
        g_array_remove_index_fast (self->pending_deletes, i);
        return;
      }
}

static void
commit_delete (StewardChatPage *self,
               gint64           id)
{
  StewardStore *store = steward_services_get_store (STEWARD_SERVICES_DEFAULT);
  g_autoptr(GError) error = NULL;

  if (!is_pending_delete (self, id))
    return;

  /* Out of the set first: the list loses the row as the store deletes it. */
  forget_pending_delete (self, id);

  if (store != NULL && !steward_store_delete_conversation (store, id, &error))
    {
      g_warning ("Could not delete conversation %" G_GINT64_FORMAT ": %s", id, error->message);
      gtk_filter_changed (gtk_filter_list_model_get_filter (self->filtered), GTK_FILTER_CHANGE_LESS_STRICT);
    }
}

static GArray *
toast_ids (AdwToast *toast)
{
  return g_object_get_data (G_OBJECT (toast), "conversation-ids");
}

static void
delete_toast_undo_cb (AdwToast        *toast,
                      StewardChatPage *self)
{
  GArray *ids = toast_ids (toast);

  for (guint i = 0; i < ids->len; i++)
    forget_pending_delete (self, g_array_index (ids, gint64, i));
  gtk_filter_changed (gtk_filter_list_model_get_filter (self->filtered), GTK_FILTER_CHANGE_LESS_STRICT);

  /* One was open: it is again, as it was. */
  if (g_object_get_data (G_OBJECT (toast), "was-open") != NULL)
    steward_chat_page_show_conversation (self, *(gint64 *)g_object_get_data (G_OBJECT (toast), "was-open"));
}

static void
delete_toast_dismissed_cb (AdwToast        *toast,
                           StewardChatPage *self)
{
  GArray *ids = toast_ids (toast);

  for (guint i = 0; i < ids->len; i++)
    commit_delete (self, g_array_index (ids, gint64, i));
}

/* Takes @ids out of the list at once, with one toast offering Undo; the
 * store forgets them only when the toast goes without Undo (or the window
 * closes). */
void
_steward_chat_page_delete (StewardChatPage *self,
                           const gint64    *ids,
                           guint            n_ids)
{
  StewardStore *store = steward_services_get_store (STEWARD_SERVICES_DEFAULT);
  g_autoptr(GArray) deleted = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(StewardConversation) first = NULL;
  gint64 open_id = steward_chat_view_get_conversation_id (self->chat_view);
  gboolean was_open = FALSE;
  AdwToast *toast;

  g_return_if_fail (STEWARD_IS_CHAT_PAGE (self));

  if (store == NULL)
    return;

  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(StewardConversation) conversation = NULL;
      g_autoptr(GError) error = NULL;

      if (is_pending_delete (self, ids[i]))
        continue;

      if (!(conversation = steward_store_find_conversation (store, ids[i], &error)))
        {
          show_error_toast (self, error);
          continue;
        }

      g_array_append_val (deleted, ids[i]);
      if (first == NULL)
        first = g_steal_pointer (&conversation);

      /* Before the row goes: with it goes the selection, and the view. */
      if (ids[i] == open_id)
        was_open = TRUE;
    }

  if (deleted->len == 0)
    return;

  g_array_append_vals (self->pending_deletes, deleted->data, deleted->len);
  gtk_filter_changed (gtk_filter_list_model_get_filter (self->filtered), GTK_FILTER_CHANGE_MORE_STRICT);

  if (was_open)
    steward_chat_view_set_conversation_id (self->chat_view, 0);

  if (deleted->len == 1)
    {
      g_autofree char *title = g_markup_escape_text (steward_conversation_get_title (first), -1);

      /* Translators: %s is a conversation's title */
      toast = adw_toast_new_format (_("“%s” deleted"), title);
    }
  else
    {
      /* Translators: in a toast, with Undo beside it */
      toast = adw_toast_new_format (ngettext ("%u conversation deleted",
                                              "%u conversations deleted",
                                              deleted->len),
                                    deleted->len);
    }

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "conversation-ids",
                          g_steal_pointer (&deleted), (GDestroyNotify)g_array_unref);
  if (was_open)
    g_object_set_data_full (G_OBJECT (toast), "was-open", g_memdup2 (&open_id, sizeof open_id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (delete_toast_undo_cb), self, 0);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (delete_toast_dismissed_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
delete_conversation_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  gint64 id = g_variant_get_int64 (param);

  _steward_chat_page_delete (STEWARD_CHAT_PAGE (widget), &id, 1);
}

static void
steward_chat_page_flush_deletes (StewardChatPage *self)
{
  while (self->pending_deletes != NULL && self->pending_deletes->len > 0)
    commit_delete (self, g_array_index (self->pending_deletes, gint64, 0));
}

/* -- first run ----------------------------------------------------------- */

static void
add_provider_clicked_cb (StewardChatPage *self,
                         GtkButton       *button)
{
  g_assert (STEWARD_IS_CHAT_PAGE (self));

  /* A provider is what is missing, so Preferences opens where one is added. */
  gtk_widget_activate_action (GTK_WIDGET (self), "app.preferences-page", "s", "providers");
}

static void
use_ollama_clicked_cb (StewardChatPage *self,
                       GtkButton       *button)
{
  g_autoptr(GError) error = NULL;

  g_assert (STEWARD_IS_CHAT_PAGE (self));

  if (self->first_run == NULL || steward_first_run_get_ollama_model (self->first_run) == NULL)
    return;

  if (!steward_first_run_use_ollama (self->first_run, &error))
    {
      show_error_toast (self, error);
      return;
    }

  steward_chat_page_update_setup (self);
  steward_chat_page_new_conversation (self);
}

static void
probe_done (StewardChatPage *self)
{
  self->probing = FALSE;
  g_clear_object (&self->probe_cancellable);
}

static void
ollama_found_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(StewardChatPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *model = NULL;
  g_autofree char *text = NULL;

  model = steward_first_run_find_ollama_finish (STEWARD_FIRST_RUN (object), result, &error);

  if (self->probe_cancellable == NULL)
    return;

  probe_done (self);

  if (model == NULL)
    {
      g_debug ("No local Ollama: %s", error ? error->message : "no models");
      return;
    }

  /* Translators: %s is a model name such as “llama3.2” */
  text = g_strdup_printf (_("Ollama is running on this computer; Steward will use %s."), model);
  gtk_label_set_text (self->ollama_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->ollama_label), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->use_ollama_button), TRUE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->add_provider_button), "suggested-action");
}

static void
steward_chat_page_find_ollama (StewardChatPage *self)
{
  g_assert (STEWARD_IS_CHAT_PAGE (self));

  if (self->probing || self->first_run == NULL ||
      steward_first_run_get_ollama_model (self->first_run) != NULL)
    return;

  self->probing = TRUE;
  self->probe_cancellable = g_cancellable_new ();
  steward_first_run_find_ollama_async (self->first_run, self->probe_cancellable,
                                       ollama_found_cb, g_object_ref (self));
}

static void
providers_changed_cb (StewardChatPage         *self,
                      StewardProviderRegistry *providers)
{
  steward_chat_page_update_setup (self);
}

/* Shows the setup page while no provider is set up; the registry's
 * "changed" says when to look again. */
static void
steward_chat_page_update_setup (StewardChatPage *self)
{
  g_autoptr(GError) error = NULL;
  gboolean needed;

  g_assert (STEWARD_IS_CHAT_PAGE (self));

  if (self->first_run == NULL)
    return;

  needed = steward_first_run_is_needed (self->first_run, &error);
  if (error != NULL)
    {
      g_debug ("Cannot list providers: %s", error->message);
      return;
    }

  if (needed)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "setup");
      steward_chat_page_find_ollama (self);
    }
  else
    {
      if (self->probe_cancellable != NULL)
        g_cancellable_cancel (self->probe_cancellable);
      gtk_stack_set_visible_child_name (self->content_stack, "view");
    }
}

/* -- GObject ------------------------------------------------------------- */

static void
steward_chat_page_dispose (GObject *object)
{
  StewardChatPage *self = (StewardChatPage *)object;

  /* Closing the window is as good as the toast going away. */
  steward_chat_page_flush_deletes (self);

  if (self->probe_cancellable != NULL)
    g_cancellable_cancel (self->probe_cancellable);
  probe_done (self);
  g_clear_handle_id (&self->focus_selected_source, g_source_remove);
  g_clear_handle_id (&self->new_day_source, g_source_remove);

  if (self->providers != NULL)
    g_signal_handlers_disconnect_by_data (self->providers, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_CHAT_PAGE);

  g_clear_object (&self->first_run);
  g_clear_object (&self->providers);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);

  G_OBJECT_CLASS (steward_chat_page_parent_class)->dispose (object);
}

static void
steward_chat_page_finalize (GObject *object)
{
  StewardChatPage *self = (StewardChatPage *)object;

  g_clear_pointer (&self->pending_deletes, g_array_unref);
  _steward_chat_page_finalize_list (self);

  G_OBJECT_CLASS (steward_chat_page_parent_class)->finalize (object);
}

static void
steward_chat_page_class_init (StewardChatPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_chat_page_dispose;
  object_class->finalize = steward_chat_page_finalize;

  gtk_widget_class_install_action (widget_class, "chat.new-conversation", NULL, new_conversation_action);
  gtk_widget_class_install_action (widget_class, "chat.rename-conversation", "x", rename_conversation_action);
  gtk_widget_class_install_action (widget_class, "chat.delete-conversation", "x", delete_conversation_action);
  gtk_widget_class_install_action (widget_class, "chat.show-summary", "x", show_summary_action);
  gtk_widget_class_install_action (widget_class, "chat.export-conversation", "x", export_conversation_action);

  g_type_ensure (STEWARD_TYPE_CHAT_VIEW);
  g_type_ensure (STEWARD_TYPE_CONVERSATION);
  g_type_ensure (STEWARD_TYPE_CONVERSATION_ROW);
  g_type_ensure (STEWARD_TYPE_LIST_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/steward-chat-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardChatPage, add_provider_button);
  gtk_widget_class_bind_template_child (widget_class, StewardChatPage, chat_view);
  gtk_widget_class_bind_template_child (widget_class, StewardChatPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, StewardChatPage, conversation_list);
  gtk_widget_class_bind_template_child (widget_class, StewardChatPage, delete_selected_button);
  gtk_widget_class_bind_template_child (widget_class, StewardChatPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, StewardChatPage, flap);
  gtk_widget_class_bind_template_child (widget_class, StewardChatPage, list_page);
  gtk_widget_class_bind_template_child (widget_class, StewardChatPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, StewardChatPage, ollama_label);
  gtk_widget_class_bind_template_child (widget_class, StewardChatPage, select_all_button);
  gtk_widget_class_bind_template_child (widget_class, StewardChatPage, select_button);
  gtk_widget_class_bind_template_child (widget_class, StewardChatPage, selected_label);
  gtk_widget_class_bind_template_child (widget_class, StewardChatPage, selection_bar);
  gtk_widget_class_bind_template_child (widget_class, StewardChatPage, setup_page);
  gtk_widget_class_bind_template_child (widget_class, StewardChatPage, stack);
  gtk_widget_class_bind_template_child (widget_class, StewardChatPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, StewardChatPage, use_ollama_button);
  gtk_widget_class_bind_template_callback (widget_class, add_provider_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, use_ollama_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_conversation_id_cb);

  _steward_chat_page_class_init_list (widget_class);
}

static void
steward_chat_page_init (StewardChatPage *self)
{
  GtkCustomFilter *filter;

  gtk_widget_init_template (GTK_WIDGET (self));

  steward_stack_accessible_track (self->stack);
  steward_stack_accessible_track (self->content_stack);

  self->pending_deletes = g_array_new (FALSE, FALSE, sizeof (gint64));

  filter = gtk_custom_filter_new (filter_conversation, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (filter));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->conversation_list, GTK_SELECTION_MODEL (self->selection));
  _steward_chat_page_init_list (self);
  /* Empty, or the list: the filter hides conversations being deleted. */
  steward_list_page_set_model (self->list_page, G_LIST_MODEL (self->filtered));

  g_signal_connect_object (STEWARD_SERVICES_DEFAULT, "notify::ready",
                           G_CALLBACK (services_ready_cb), self, G_CONNECT_SWAPPED);
  services_ready_cb (self, NULL, STEWARD_SERVICES_DEFAULT);
}

/**
 * steward_chat_page_get_chat_view:
 *
 * Returns: (transfer none): the conversation view
 */
StewardChatView *
steward_chat_page_get_chat_view (StewardChatPage *self)
{
  g_return_val_if_fail (STEWARD_IS_CHAT_PAGE (self), NULL);

  return self->chat_view;
}

/**
 * steward_chat_page_show_conversation:
 *
 * Selects @conversation_id and shows it.
 */
void
steward_chat_page_show_conversation (StewardChatPage *self,
                                     gint64           conversation_id)
{
  g_return_if_fail (STEWARD_IS_CHAT_PAGE (self));

  steward_chat_view_set_conversation_id (self->chat_view, conversation_id);
  _steward_chat_page_select (self, conversation_id);
}

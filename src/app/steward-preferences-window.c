/* steward-preferences-window.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-preferences-window.h"

/* Text is saved this long after the last keystroke, and on close. */
#define SAVE_DELAY_MSEC 500

#define KEY_NAME         "personal.name"
#define KEY_LANGUAGE     "personal.language"
#define KEY_TONE         "personal.tone"
#define KEY_INSTRUCTIONS "personal.instructions"
#define KEY_EXCHANGES    "memory.short-term-exchanges"
#define KEY_BUDGET       "memory.budget-tokens"
#define KEY_AUTO         "memory.auto"

struct _StewardPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  GtkSwitch            *auto_switch;
  GtkSpinButton        *budget_spin;
  GtkSpinButton        *exchanges_spin;
  GtkTextView          *instructions_view;
  AdwEntryRow          *language_row;
  AdwPreferencesPage   *memory_page;
  AdwEntryRow          *name_row;
  AdwPreferencesPage   *personalization_page;
  AdwEntryRow          *tone_row;

  /* Owned */
  StewardStore         *store;
  GHashTable           *pending;
  guint                 save_source;

  /* Set while widgets are filled from the store, so that doing so does not
   * write the values straight back.
   */
  guint                 loading : 1;
};

G_DEFINE_FINAL_TYPE (StewardPreferencesWindow, steward_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

StewardPreferencesWindow *
steward_preferences_window_new (StewardStore *store)
{
  g_return_val_if_fail (!store || STEWARD_IS_STORE (store), NULL);

  return g_object_new (STEWARD_TYPE_PREFERENCES_WINDOW,
                       "store", store,
                       NULL);
}

static void
steward_preferences_window_flush (StewardPreferencesWindow *self)
{
  g_autoptr(GHashTable) pending = NULL;
  GHashTableIter iter;
  const char *key;
  const char *value;

  g_assert (STEWARD_IS_PREFERENCES_WINDOW (self));

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->store == NULL || g_hash_table_size (self->pending) == 0)
    return;

  pending = g_steal_pointer (&self->pending);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_hash_table_iter_init (&iter, pending);
  while (g_hash_table_iter_next (&iter, (gpointer *)&key, (gpointer *)&value))
    {
      g_autoptr(GError) error = NULL;

      if (!steward_store_set_setting (self->store, key, value, &error))
        {
          g_autofree char *message = NULL;

          g_warning ("Cannot save %s: %s", key, error->message);

          /* Translators: %s is the reason, a full sentence */
          message = g_strdup_printf (_("Could not save the setting: %s"), error->message);
          adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                            adw_toast_new (message));
        }
    }
}

static gboolean
steward_preferences_window_save_timeout (gpointer user_data)
{
  StewardPreferencesWindow *self = user_data;

  g_assert (STEWARD_IS_PREFERENCES_WINDOW (self));

  self->save_source = 0;
  steward_preferences_window_flush (self);

  return G_SOURCE_REMOVE;
}

/* @key is static (a KEY_ define), so the table does not own it. */
static void
steward_preferences_window_queue_save (StewardPreferencesWindow *self,
                                       const char               *key,
                                       char                     *value,
                                       gboolean                  now)
{
  g_assert (STEWARD_IS_PREFERENCES_WINDOW (self));

  if (self->loading || self->store == NULL)
    {
      g_free (value);
      return;
    }

  g_hash_table_replace (self->pending, (gpointer)key, value);

  if (now)
    {
      steward_preferences_window_flush (self);
      return;
    }

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MSEC,
                                     steward_preferences_window_save_timeout,
                                     self);
}

static void
entry_row_changed_cb (StewardPreferencesWindow *self,
                      AdwEntryRow              *row)
{
  const char *key;

  g_assert (STEWARD_IS_PREFERENCES_WINDOW (self));

  if (row == self->name_row)
    key = KEY_NAME;
  else if (row == self->language_row)
    key = KEY_LANGUAGE;
  else if (row == self->tone_row)
    key = KEY_TONE;
  else
    g_return_if_reached ();

  steward_preferences_window_queue_save (self, key,
                                         g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))),
                                         FALSE);
}

static void
instructions_changed_cb (StewardPreferencesWindow *self,
                         GtkTextBuffer            *buffer)
{
  GtkTextIter begin;
  GtkTextIter end;

  g_assert (STEWARD_IS_PREFERENCES_WINDOW (self));

  gtk_text_buffer_get_bounds (buffer, &begin, &end);
  steward_preferences_window_queue_save (self, KEY_INSTRUCTIONS,
                                         gtk_text_buffer_get_text (buffer, &begin, &end, FALSE),
                                         FALSE);
}

static void
spin_value_changed_cb (StewardPreferencesWindow *self,
                       GtkSpinButton            *spin)
{
  const char *key;

  g_assert (STEWARD_IS_PREFERENCES_WINDOW (self));

  if (spin == self->exchanges_spin)
    key = KEY_EXCHANGES;
  else if (spin == self->budget_spin)
    key = KEY_BUDGET;
  else
    g_return_if_reached ();

  steward_preferences_window_queue_save (self, key,
                                         g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (spin)),
                                         FALSE);
}

static void
switch_active_cb (StewardPreferencesWindow *self,
                  GParamSpec               *pspec,
                  GtkSwitch                *widget)
{
  g_assert (STEWARD_IS_PREFERENCES_WINDOW (self));

  steward_preferences_window_queue_save (self, KEY_AUTO,
                                         g_strdup (gtk_switch_get_active (widget) ? "true" : "false"),
                                         TRUE);
}

static char *
steward_preferences_window_dup_setting (StewardPreferencesWindow *self,
                                        const char               *key)
{
  g_autoptr(GError) error = NULL;
  char *value;

  g_assert (STEWARD_IS_PREFERENCES_WINDOW (self));

  if (!(value = steward_store_dup_setting (self->store, key, &error)))
    {
      const StewardSettingKey *info = steward_setting_key_lookup (key);

      g_warning ("Cannot read %s: %s", key, error->message);

      return g_strdup (info ? info->default_value : "");
    }

  return value;
}

static void
steward_preferences_window_load_spin (StewardPreferencesWindow *self,
                                      GtkSpinButton            *spin,
                                      const char               *key)
{
  const StewardSettingKey *info;
  g_autofree char *value = NULL;

  g_assert (STEWARD_IS_PREFERENCES_WINDOW (self));

  /* The range comes from the core so the two cannot disagree. */
  if ((info = steward_setting_key_lookup (key)))
    gtk_spin_button_set_range (spin, info->min, info->max);

  value = steward_preferences_window_dup_setting (self, key);
  gtk_spin_button_set_value (spin, g_ascii_strtod (value, NULL));
}

static void
steward_preferences_window_load (StewardPreferencesWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *language = NULL;
  g_autofree char *tone = NULL;
  g_autofree char *instructions = NULL;
  g_autofree char *auto_memory = NULL;
  gboolean sensitive = self->store != NULL;

  g_assert (STEWARD_IS_PREFERENCES_WINDOW (self));

  /* Without a store there is nothing to show or save. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->personalization_page), sensitive);
  gtk_widget_set_sensitive (GTK_WIDGET (self->memory_page), sensitive);

  if (self->store == NULL)
    return;

  self->loading = TRUE;

  name = steward_preferences_window_dup_setting (self, KEY_NAME);
  language = steward_preferences_window_dup_setting (self, KEY_LANGUAGE);
  tone = steward_preferences_window_dup_setting (self, KEY_TONE);
  instructions = steward_preferences_window_dup_setting (self, KEY_INSTRUCTIONS);
  auto_memory = steward_preferences_window_dup_setting (self, KEY_AUTO);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  gtk_editable_set_text (GTK_EDITABLE (self->language_row), language);
  gtk_editable_set_text (GTK_EDITABLE (self->tone_row), tone);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->instructions_view), instructions, -1);
  steward_preferences_window_load_spin (self, self->exchanges_spin, KEY_EXCHANGES);
  steward_preferences_window_load_spin (self, self->budget_spin, KEY_BUDGET);
  gtk_switch_set_active (self->auto_switch, g_strcmp0 (auto_memory, "true") == 0);

  self->loading = FALSE;
}

static gboolean
steward_preferences_window_close_request (GtkWindow *window)
{
  StewardPreferencesWindow *self = (StewardPreferencesWindow *)window;

  steward_preferences_window_flush (self);

  return GTK_WINDOW_CLASS (steward_preferences_window_parent_class)->close_request (window);
}

static void
steward_preferences_window_constructed (GObject *object)
{
  StewardPreferencesWindow *self = (StewardPreferencesWindow *)object;

  G_OBJECT_CLASS (steward_preferences_window_parent_class)->constructed (object);

  steward_preferences_window_load (self);
}

static void
steward_preferences_window_dispose (GObject *object)
{
  StewardPreferencesWindow *self = (StewardPreferencesWindow *)object;

  /* Nothing the user typed is lost, even when the window goes away
   * without a close request (the application quitting).
   */
  if (self->pending != NULL)
    steward_preferences_window_flush (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_PREFERENCES_WINDOW);

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (steward_preferences_window_parent_class)->dispose (object);
}

static void
steward_preferences_window_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  StewardPreferencesWindow *self = STEWARD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_preferences_window_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  StewardPreferencesWindow *self = STEWARD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_preferences_window_class_init (StewardPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = steward_preferences_window_constructed;
  object_class->dispose = steward_preferences_window_dispose;
  object_class->get_property = steward_preferences_window_get_property;
  object_class->set_property = steward_preferences_window_set_property;

  window_class->close_request = steward_preferences_window_close_request;

  /**
   * StewardPreferencesWindow:store:
   *
   * The store the settings are read from and written to; %NULL when it is
   * not open, which leaves every row insensitive.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         STEWARD_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/steward-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardPreferencesWindow, auto_switch);
  gtk_widget_class_bind_template_child (widget_class, StewardPreferencesWindow, budget_spin);
  gtk_widget_class_bind_template_child (widget_class, StewardPreferencesWindow, exchanges_spin);
  gtk_widget_class_bind_template_child (widget_class, StewardPreferencesWindow, instructions_view);
  gtk_widget_class_bind_template_child (widget_class, StewardPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, StewardPreferencesWindow, memory_page);
  gtk_widget_class_bind_template_child (widget_class, StewardPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, StewardPreferencesWindow, personalization_page);
  gtk_widget_class_bind_template_child (widget_class, StewardPreferencesWindow, tone_row);
  gtk_widget_class_bind_template_callback (widget_class, entry_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, spin_value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, switch_active_cb);
}

static void
steward_preferences_window_init (StewardPreferencesWindow *self)
{
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->instructions_view),
                           "changed",
                           G_CALLBACK (instructions_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);
}

/**
 * steward_preferences_window_get_store:
 *
 * Returns: (transfer none) (nullable): the store being edited
 */
StewardStore *
steward_preferences_window_get_store (StewardPreferencesWindow *self)
{
  g_return_val_if_fail (STEWARD_IS_PREFERENCES_WINDOW (self), NULL);

  return self->store;
}

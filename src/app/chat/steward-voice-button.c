/* steward-voice-button.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-voice-button"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-application.h"
#include "steward-application-notify.h"
#include "steward-recorder.h"
#include "steward-text-insert.h"
#include "steward-transcriber.h"
#include "steward-voice-button.h"

/* Push to talk in the composer: the microphone button beside Send.
 *
 * Holding the button, or Ctrl+Shift+Space, records; letting go stops,
 * and the recording is turned into text by the core transcriber, which
 * is put into the composer at the cursor for review (or sent at once
 * when voice.send-at-once says so). A press shorter than HOLD_MS is
 * taken as a click, which starts a recording that the next press stops:
 * that, and Space or Enter on the focused button (and a screen reader's
 * click), toggle, for whoever cannot hold a key. Esc drops the recording
 * or the transcription under way; nothing is sent and the composer is
 * left as it was.
 */

/* A press let go of sooner than this is a click, not a hold */
#define HOLD_MS 300
/* A held key repeats faster than this; a press after a longer gap is a
 * new one (the release of the one before went to another window) */
#define REPEAT_MS 500
/* The meter changes at most this often, showing the loudest reading in
 * between: each change of a GtkLevelBar lays the whole window out again
 * (and under X11, GTK 4.8 then reads the work area from the X server,
 * a round trip each time), while the recorder reads the level every
 * 50 ms. See bench-record-frames in bench/README.md. */
#define METER_MS 100

typedef enum
{
  STATE_IDLE,
  STATE_RECORDING,
  /* Stopping the recorder, then transcribing */
  STATE_TRANSCRIBING,
} State;

typedef enum
{
  /* Recording until the next press */
  MODE_TOGGLE,
  /* Recording while the pointer button is held */
  MODE_HOLD_POINTER,
  /* Recording while Ctrl+Shift+Space is held */
  MODE_HOLD_KEY,
} Mode;

struct _StewardVoiceButton
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkButton          *button;
  GtkLevelBar        *level_bar;
  GtkSpinner         *spinner;
  GtkBox             *recording_box;
  GtkRevealer        *status_revealer;
  GtkBox             *transcribing_box;

  /* Owned */
  GtkTextView        *composer;
  StewardRecorder    *recorder;
  StewardTranscriber *transcriber;
  /* The stop and transcription under way */
  GCancellable       *cancellable;

  /* The loudest reading since the meter last changed, and the timeout
   * until it may change again */
  double              meter_peak;
  guint               meter_id;

  gint64              pressed_at;
  /* The last press or repeat of Ctrl+Shift+Space */
  gint64              key_pressed_at;
  State               state;
  Mode                mode;
};

G_DEFINE_FINAL_TYPE (StewardVoiceButton, steward_voice_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_COMPOSER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A recording on its way to text: the temporary file is deleted
 * whatever becomes of the transcription. */
typedef struct
{
  StewardVoiceButton *self;
  GFile              *file;
} Transcription;

static void
transcription_free (Transcription *transcription)
{
  if (transcription->file != NULL)
    g_file_delete_async (transcription->file, G_PRIORITY_LOW, NULL, NULL, NULL);
  g_clear_object (&transcription->file);
  g_clear_object (&transcription->self);
  g_free (transcription);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Transcription, transcription_free)

static void
set_state (StewardVoiceButton *self,
           State               state)
{
  gboolean was_busy = self->state != STATE_IDLE;

  g_assert (STEWARD_IS_VOICE_BUTTON (self));

  self->state = state;

  /* Hidden, not only unrevealed, so a screen reader no longer finds them */
  gtk_widget_set_visible (GTK_WIDGET (self->recording_box), state == STATE_RECORDING);
  gtk_widget_set_visible (GTK_WIDGET (self->transcribing_box), state == STATE_TRANSCRIBING);
  gtk_spinner_set_spinning (self->spinner, state == STATE_TRANSCRIBING);
  gtk_revealer_set_reveal_child (self->status_revealer, state != STATE_IDLE);

  if (state == STATE_RECORDING)
    {
      /* A red button, which "flat" would leave white on white */
      gtk_widget_remove_css_class (GTK_WIDGET (self->button), "flat");
      gtk_widget_add_css_class (GTK_WIDGET (self->button), "destructive-action");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), _("Stop Recording (Esc cancels)"));
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->button), "destructive-action");
      gtk_widget_add_css_class (GTK_WIDGET (self->button), "flat");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->button),
                                   _("Record Voice Message (hold Ctrl+Shift+Space)"));
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->button), state != STATE_TRANSCRIBING);

  if (was_busy != (state != STATE_IDLE))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Errors show as a toast of the view the button is in. */
static void
show_error (StewardVoiceButton *self,
            const char         *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_assert (STEWARD_IS_VOICE_BUTTON (self));

  g_debug ("Voice message: %s", message);
  if (overlay == NULL)
    return;

  /* A toast's title is markup */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* Puts @text in the composer at the cursor, apart from the words around
 * it, leaving what was typed. */
static void
insert_text (StewardVoiceButton *self,
             const char         *text)
{
  steward_text_view_insert_words (self->composer, text);
}

static void
transcribe_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Transcription) transcription = user_data;
  StewardVoiceButton *self = transcription->self;
  g_autoptr(StewardTranscript) transcript = NULL;
  g_autoptr(GError) error = NULL;
  StewardSettings *settings;
  gboolean send_at_once;

  transcript = steward_transcriber_transcribe_finish (STEWARD_TRANSCRIBER (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  set_state (self, STATE_IDLE);

  if (transcript == NULL)
    {
      show_error (self, error->message);
      return;
    }

  if (transcript->text[0] == '\0')
    {
      show_error (self, _("No words were heard in the recording."));
      return;
    }

  if (self->composer == NULL)
    return;

  insert_text (self, transcript->text);
  gtk_widget_grab_focus (GTK_WIDGET (self->composer));

  settings = steward_services_get_settings (STEWARD_SERVICES_DEFAULT);
  send_at_once = steward_settings_get_boolean (settings, "voice.send-at-once");
  /* The user may have moved on to another window meanwhile */
  steward_application_notify_job (STEWARD_APPLICATION (g_application_get_default ()), GTK_WIDGET (self),
                                  "transcription", _("Transcription ready"),
                                  send_at_once ? _("Your recording was sent")
                                               : _("Your recording is in the message box"),
                                  NULL, NULL);
  if (send_at_once)
    gtk_widget_activate_action (GTK_WIDGET (self), "chat.send", NULL);
}

static void
stop_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(StewardVoiceButton) self = user_data;
  g_autoptr(GError) error = NULL;
  Transcription *transcription;
  g_autoptr(GFile) file = NULL;

  file = steward_recorder_stop_finish (STEWARD_RECORDER (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (file != NULL)
        g_file_delete_async (file, G_PRIORITY_LOW, NULL, NULL, NULL);
      return;
    }

  if (file == NULL)
    {
      g_clear_object (&self->cancellable);
      set_state (self, STATE_IDLE);
      show_error (self, error->message);
      return;
    }

  if (self->transcriber == NULL)
    self->transcriber = steward_transcriber_new (STEWARD_SERVICES_DEFAULT);

  transcription = g_new0 (Transcription, 1);
  transcription->self = g_object_ref (self);
  transcription->file = g_steal_pointer (&file);
  steward_transcriber_transcribe_async (self->transcriber, transcription->file, self->cancellable,
                                        transcribe_cb, transcription);
}

static gboolean
meter_cb (gpointer user_data)
{
  StewardVoiceButton *self = user_data;

  if (self->meter_peak < 0)
    {
      /* Nothing new: the next reading shows at once */
      self->meter_id = 0;
      return G_SOURCE_REMOVE;
    }

  gtk_level_bar_set_value (self->level_bar, self->meter_peak);
  self->meter_peak = -1;

  return G_SOURCE_CONTINUE;
}

static void
level_changed_cb (StewardVoiceButton *self,
                  GParamSpec         *pspec,
                  StewardRecorder    *recorder)
{
  double level = steward_recorder_get_level (recorder);

  g_assert (STEWARD_IS_VOICE_BUTTON (self));

  /* At rest (stopped, cancelled) at once */
  if (level == 0.0 || self->meter_id == 0)
    {
      g_clear_handle_id (&self->meter_id, g_source_remove);
      gtk_level_bar_set_value (self->level_bar, level);
      self->meter_peak = -1;
      if (level > 0.0)
        self->meter_id = g_timeout_add (METER_MS, meter_cb, self);
      return;
    }

  self->meter_peak = MAX (self->meter_peak, level);
}

static void
recorder_failed_cb (StewardVoiceButton *self,
                    const GError       *error,
                    StewardRecorder    *recorder)
{
  g_assert (STEWARD_IS_VOICE_BUTTON (self));

  if (self->state != STATE_RECORDING)
    return;

  set_state (self, STATE_IDLE);
  show_error (self, error->message);
}

static void
start (StewardVoiceButton *self,
       Mode                mode)
{
  g_autoptr(GError) error = NULL;

  g_assert (STEWARD_IS_VOICE_BUTTON (self));

  if (self->state != STATE_IDLE)
    return;

  if (self->recorder == NULL)
    {
      self->recorder = steward_recorder_new (NULL);
      g_signal_connect_object (self->recorder, "notify::level", G_CALLBACK (level_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->recorder, "failed", G_CALLBACK (recorder_failed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  if (!steward_recorder_start (self->recorder, &error))
    {
      show_error (self, error->message);
      return;
    }

  self->mode = mode;
  self->pressed_at = g_get_monotonic_time ();
  set_state (self, STATE_RECORDING);
}

static void
stop (StewardVoiceButton *self)
{
  g_assert (STEWARD_IS_VOICE_BUTTON (self));

  if (self->state != STATE_RECORDING)
    return;

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_state (self, STATE_TRANSCRIBING);
  steward_recorder_stop_async (self->recorder, self->cancellable, stop_cb, g_object_ref (self));
}

/* The end of a hold: a short one was a click, which goes on recording
 * until the next press. */
static void
release (StewardVoiceButton *self,
         Mode                mode)
{
  g_assert (STEWARD_IS_VOICE_BUTTON (self));

  if (self->state != STATE_RECORDING || self->mode != mode)
    return;

  if (g_get_monotonic_time () - self->pressed_at < HOLD_MS * G_TIME_SPAN_MILLISECOND)
    self->mode = MODE_TOGGLE;
  else
    stop (self);
}

/* A press while recording after a click stops; otherwise it starts a
 * hold. */
static void
press (StewardVoiceButton *self,
       Mode                mode)
{
  g_assert (STEWARD_IS_VOICE_BUTTON (self));

  if (self->state == STATE_RECORDING && self->mode == MODE_TOGGLE)
    stop (self);
  else
    start (self, mode);
}

/**
 * steward_voice_button_cancel:
 *
 * Drops the recording or transcription under way: its file is deleted
 * and the composer is left as it is.
 */
void
steward_voice_button_cancel (StewardVoiceButton *self)
{
  g_return_if_fail (STEWARD_IS_VOICE_BUTTON (self));

  if (self->state == STATE_IDLE)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->recorder != NULL && steward_recorder_get_recording (self->recorder))
    steward_recorder_cancel (self->recorder);
  set_state (self, STATE_IDLE);
}

/* Space or Enter on the focused button, or a screen reader's click:
 * the pointer's own presses are taken by the gesture below. */
static void
button_clicked_cb (StewardVoiceButton *self,
                   GtkButton          *button)
{
  g_assert (STEWARD_IS_VOICE_BUTTON (self));

  if (self->state == STATE_RECORDING)
    stop (self);
  else
    start (self, MODE_TOGGLE);
}

static void
pressed_cb (StewardVoiceButton *self,
            int                 n_press,
            double              x,
            double              y,
            GtkGestureClick    *gesture)
{
  g_assert (STEWARD_IS_VOICE_BUTTON (self));

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (n_press == 1)
    press (self, MODE_HOLD_POINTER);
}

static void
released_cb (StewardVoiceButton *self,
             int                 n_press,
             double              x,
             double              y,
             GtkGestureClick    *gesture)
{
  g_assert (STEWARD_IS_VOICE_BUTTON (self));

  release (self, MODE_HOLD_POINTER);
}

static gboolean
is_shortcut (guint           keyval,
             GdkModifierType state)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();

  return (keyval == GDK_KEY_space || keyval == GDK_KEY_KP_Space) &&
         mods == (GDK_CONTROL_MASK | GDK_SHIFT_MASK);
}

static gboolean
key_pressed_cb (StewardVoiceButton    *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  gboolean repeat;
  gint64 now;

  g_assert (STEWARD_IS_VOICE_BUTTON (self));

  if (keyval == GDK_KEY_Escape && self->state != STATE_IDLE)
    {
      steward_voice_button_cancel (self);
      return GDK_EVENT_STOP;
    }

  if (!is_shortcut (keyval, state))
    return GDK_EVENT_PROPAGATE;

  now = g_get_monotonic_time ();
  repeat = now - self->key_pressed_at < REPEAT_MS * G_TIME_SPAN_MILLISECOND;
  self->key_pressed_at = now;

  /* The key's repeats while it is held */
  if (self->state == STATE_RECORDING && self->mode == MODE_HOLD_KEY)
    {
      if (!repeat)
        stop (self);
      return GDK_EVENT_STOP;
    }

  if (gtk_widget_is_sensitive (GTK_WIDGET (self)) && gtk_widget_get_mapped (GTK_WIDGET (self)))
    press (self, MODE_HOLD_KEY);

  return GDK_EVENT_STOP;
}

static void
key_released_cb (StewardVoiceButton    *self,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 GtkEventControllerKey *controller)
{
  g_assert (STEWARD_IS_VOICE_BUTTON (self));

  if (keyval == GDK_KEY_space || keyval == GDK_KEY_KP_Space)
    release (self, MODE_HOLD_KEY);
}

/**
 * steward_voice_button_add_shortcuts:
 * @widget: the view the button is in
 *
 * Makes Ctrl+Shift+Space, held or pressed, record anywhere in @widget,
 * and Esc cancel while recording or transcribing.
 */
void
steward_voice_button_add_shortcuts (StewardVoiceButton *self,
                                    GtkWidget          *widget)
{
  GtkEventController *controller;

  g_return_if_fail (STEWARD_IS_VOICE_BUTTON (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (key_pressed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "key-released", G_CALLBACK (key_released_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, controller);
}

GtkTextView *
steward_voice_button_get_composer (StewardVoiceButton *self)
{
  g_return_val_if_fail (STEWARD_IS_VOICE_BUTTON (self), NULL);

  return self->composer;
}

/**
 * steward_voice_button_set_composer:
 * @composer: (nullable): the text view transcripts are put in
 */
void
steward_voice_button_set_composer (StewardVoiceButton *self,
                                   GtkTextView        *composer)
{
  g_return_if_fail (STEWARD_IS_VOICE_BUTTON (self));
  g_return_if_fail (!composer || GTK_IS_TEXT_VIEW (composer));

  if (g_set_object (&self->composer, composer))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPOSER]);
}

/* Whether a recording or transcription is under way */
gboolean
steward_voice_button_get_busy (StewardVoiceButton *self)
{
  g_return_val_if_fail (STEWARD_IS_VOICE_BUTTON (self), FALSE);

  return self->state != STATE_IDLE;
}

static void
steward_voice_button_unmap (GtkWidget *widget)
{
  StewardVoiceButton *self = STEWARD_VOICE_BUTTON (widget);

  /* A hold cannot end once the button is gone */
  if (self->state == STATE_RECORDING && self->mode != MODE_TOGGLE)
    steward_voice_button_cancel (self);

  GTK_WIDGET_CLASS (steward_voice_button_parent_class)->unmap (widget);
}

static void
steward_voice_button_dispose (GObject *object)
{
  StewardVoiceButton *self = STEWARD_VOICE_BUTTON (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->recorder != NULL && steward_recorder_get_recording (self->recorder))
    steward_recorder_cancel (self->recorder);
  g_clear_handle_id (&self->meter_id, g_source_remove);
  g_clear_object (&self->recorder);
  g_clear_object (&self->transcriber);
  g_clear_object (&self->composer);

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_VOICE_BUTTON);

  G_OBJECT_CLASS (steward_voice_button_parent_class)->dispose (object);
}

static void
steward_voice_button_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  StewardVoiceButton *self = STEWARD_VOICE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, steward_voice_button_get_busy (self));
      break;

    case PROP_COMPOSER:
      g_value_set_object (value, self->composer);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_voice_button_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  StewardVoiceButton *self = STEWARD_VOICE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_COMPOSER:
      steward_voice_button_set_composer (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_voice_button_class_init (StewardVoiceButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_voice_button_dispose;
  object_class->get_property = steward_voice_button_get_property;
  object_class->set_property = steward_voice_button_set_property;

  widget_class->unmap = steward_voice_button_unmap;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_COMPOSER] =
    g_param_spec_object ("composer", NULL, NULL,
                         GTK_TYPE_TEXT_VIEW,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/steward-voice-button.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, StewardVoiceButton, button);
  gtk_widget_class_bind_template_child (widget_class, StewardVoiceButton, level_bar);
  gtk_widget_class_bind_template_child (widget_class, StewardVoiceButton, spinner);
  gtk_widget_class_bind_template_child (widget_class, StewardVoiceButton, recording_box);
  gtk_widget_class_bind_template_child (widget_class, StewardVoiceButton, status_revealer);
  gtk_widget_class_bind_template_child (widget_class, StewardVoiceButton, transcribing_box);
  gtk_widget_class_bind_template_callback (widget_class, button_clicked_cb);
}

static void
steward_voice_button_init (StewardVoiceButton *self)
{
  GtkGesture *gesture;

  gtk_widget_init_template (GTK_WIDGET (self));
  set_state (self, STATE_IDLE);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (pressed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "released", G_CALLBACK (released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->button), GTK_EVENT_CONTROLLER (gesture));
}

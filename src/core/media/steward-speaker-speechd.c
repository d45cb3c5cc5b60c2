/* steward-speaker-speechd.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-speaker"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#if HAVE_SPEECHD
# include <libspeechd.h>
#endif

#include "steward-speaker-private.h"

/* The desktop's speech service, speech-dispatcher, through libspeechd:
 * the voice, rate and output the user chose for the whole desktop (and
 * the screen reader uses). libspeechd tells the end of a message in a
 * thread of its own, through callbacks that carry the message's id but
 * neither the connection nor any pointer of ours: so the message being
 * read is kept here, for the process, under message_lock, and its end
 * is passed to the main context. One text is read at a time in the app,
 * which is what a user expects of "Read Aloud".
 *
 * The connection too is one for the process, opened by the first
 * speaker and never closed: libspeechd 0.11.4's spd_close () cancels its
 * reader thread wherever it is, and can leave the C library's stream
 * lock taken, hanging the next fclose () for good. */

#if HAVE_SPEECHD
struct _StewardSpeechd
{
  SPDConnection *connection;
};

static GMutex connection_lock;
static SPDConnection *shared_connection;

typedef struct
{
  GWeakRef speaker;
  guint    serial;
} Ended;

static GMutex message_lock;
static GWeakRef message_speaker;
static guint message_serial;
static size_t message_id;
/* The last message that ended before spd_say () had told its id */
static size_t ended_early_id;

static gboolean
ended_cb (gpointer data)
{
  Ended *ended = data;
  g_autoptr(StewardSpeaker) speaker = g_weak_ref_get (&ended->speaker);

  if (speaker != NULL)
    _steward_speaker_done (speaker, ended->serial, NULL);

  return G_SOURCE_REMOVE;
}

static void
ended_free (gpointer data)
{
  Ended *ended = data;

  g_weak_ref_clear (&ended->speaker);
  g_free (ended);
}

static void
post_ended (StewardSpeaker *speaker,
            guint           serial)
{
  Ended *ended = g_new0 (Ended, 1);

  g_weak_ref_init (&ended->speaker, speaker);
  ended->serial = serial;
  g_idle_add_full (G_PRIORITY_DEFAULT, ended_cb, ended, ended_free);
}

/* In libspeechd's thread. A message cancelled was stopped by us (or
 * pushed aside by another client's): either way it is over. */
static void
notification_cb (size_t              msg_id,
                 size_t              client_id,
                 SPDNotificationType state)
{
  g_autoptr(StewardSpeaker) speaker = NULL;
  guint serial;

  g_mutex_lock (&message_lock);
  if (msg_id != message_id)
    {
      ended_early_id = msg_id;
      g_mutex_unlock (&message_lock);
      return;
    }
  speaker = g_weak_ref_get (&message_speaker);
  serial = message_serial;
  message_id = 0;
  g_mutex_unlock (&message_lock);

  if (speaker != NULL)
    post_ended (speaker, serial);
}
#endif

#if HAVE_SPEECHD
static SPDConnection *
open_connection (GError **error)
{
  g_autofree char *language = NULL;
  SPDConnection *connection;
  char *reason = NULL;

  /* Starts the daemon if it is installed but not running */
  if (!(connection = spd_open2 ("steward", "read-aloud", NULL, SPD_MODE_THREADED, NULL, TRUE, &reason)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   "speech-dispatcher cannot be reached: %s", reason != NULL ? reason : "?");
      free (reason);
      return NULL;
    }
  free (reason);

  connection->callback_end = notification_cb;
  connection->callback_cancel = notification_cb;
  spd_set_notification_on (connection, SPD_END);
  spd_set_notification_on (connection, SPD_CANCEL);
  language = _steward_speaker_dup_language ();
  spd_set_language (connection, language);

  return connection;
}
#endif

StewardSpeechd *
_steward_speechd_new (GError **error)
{
#if HAVE_SPEECHD
  StewardSpeechd *speechd;

  g_mutex_lock (&connection_lock);
  if (shared_connection == NULL)
    shared_connection = open_connection (error);
  g_mutex_unlock (&connection_lock);

  if (shared_connection == NULL)
    return NULL;

  speechd = g_new0 (StewardSpeechd, 1);
  speechd->connection = shared_connection;

  return speechd;
#else
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       "Built without speech-dispatcher");
  return NULL;
#endif
}

gboolean
_steward_speechd_start (StewardSpeechd  *speechd,
                        StewardSpeaker  *speaker,
                        guint            serial,
                        const char      *text,
                        GError         **error)
{
#if HAVE_SPEECHD
  int id;

  g_mutex_lock (&message_lock);
  message_id = 0;
  g_mutex_unlock (&message_lock);

  /* Not under the lock: the reply comes through the thread that calls
   * notification_cb () */
  if ((id = spd_say (speechd->connection, SPD_TEXT, text)) < 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("speech-dispatcher did not take the text to read aloud."));
      return FALSE;
    }

  g_mutex_lock (&message_lock);
  g_weak_ref_set (&message_speaker, speaker);
  message_serial = serial;
  if (ended_early_id == (size_t)id)
    post_ended (speaker, serial);
  else
    message_id = id;
  g_mutex_unlock (&message_lock);

  return TRUE;
#else
  g_assert_not_reached ();
  return FALSE;
#endif
}

void
_steward_speechd_stop (StewardSpeechd *speechd)
{
#if HAVE_SPEECHD
  g_mutex_lock (&message_lock);
  message_id = 0;
  g_mutex_unlock (&message_lock);

  spd_cancel (speechd->connection);
#endif
}

void
_steward_speechd_free (StewardSpeechd *speechd)
{
#if HAVE_SPEECHD
  _steward_speechd_stop (speechd);
  g_free (speechd);
#endif
}

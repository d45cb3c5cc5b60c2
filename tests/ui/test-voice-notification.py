#!/usr/bin/python3
# A transcription that ends while Steward's window is not focused says so
# in a desktop notification (issue 13): "Transcription ready", and the
# notification goes once the window is focused again; clicked, it brings
# back the window with the transcript in the composer, which keeps the
# focus.
#
# The microphone is GStreamer's audiotestsrc, the speech provider the
# replay server, slow enough for the test to focus another X window
# (xmessage) while it answers. The notification server is the test's own
# (notifyserver.py).
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess

import chatui
import stewardui as ui
from notifyserver import NotificationServer

chatui.require_tools()

os.environ['STEWARD_AUDIO_SOURCE'] = 'audiotestsrc is-live=true wave=sine volume=0.5'

TRANSCRIPT = 'Remind me to call Sam tomorrow at five. Grüße 👋'
RECORDING = 'Recording… Esc to cancel'


def active(node):
    return node.getState().contains(ui.pyatspi.STATE_ACTIVE)


def focused(node):
    return node.getState().contains(ui.pyatspi.STATE_FOCUSED)


def level(steward):
    meter = steward.find_visible('level bar', 'Microphone Level')
    return meter.queryValue().currentValue if meter is not None else 0


class Elsewhere:
    """A window of another program, away from Steward's."""

    def __init__(self):
        self.proc = None
        self.wid = ui.wait_for(self._start, 'the other window')

    def _start(self):
        # xmessage now and then fails to open the display just made: again
        if self.proc is None or self.proc.poll() is not None:
            self.proc = subprocess.Popen(['xmessage', '-geometry', '+1100+700', 'Elsewhere'],
                                         stderr=subprocess.DEVNULL)
        return ui.x_window('xmessage')

    def focus(self, steward):
        ui.run(['xdotool', 'mousemove', '1150', '730'])
        ui.run(['xdotool', 'windowfocus', '--sync', self.wid])
        ui.wait_for(lambda: not active(steward.frame), 'Steward’s window to lose the focus')

    def close(self):
        self.proc.terminate()
        self.proc.wait(5)


def record(steward, elsewhere):
    """Records a moment, then turns to the other window while the
    recording is transcribed."""
    steward.key('ctrl+shift+space')
    steward.wait_visible('label', RECORDING)
    ui.wait_for(lambda: level(steward) > 0.1, 'the level meter to move')
    steward.key('ctrl+shift+space')
    steward.wait_visible('label', 'Transcribing…')
    elsewhere.focus(steward)


def body(steward):
    # Slow enough to turn to the other window while it transcribes
    replay = chatui.Replay('openai', dribble=60, delay_ms=1000)
    server = NotificationServer()
    elsewhere = Elsewhere()
    try:
        data = steward.data_dir
        chatui.cli(data, 'provider', 'add', 'voice', '--kind', 'openai', '--base-url',
                   f'{replay.url}/v1', '--model', 'text_stream', '--api-key-env', chatui.TEST_KEY_ENV)
        chatui.cli(data, 'tier', 'set', 'medium', 'voice', 'text_stream')
        chatui.cli(data, 'settings', 'set', 'voice.provider', 'voice')

        steward.start()
        chatui.open_chat(steward)
        composer = steward.click('text', 'Message')
        ui.wait_for(lambda: focused(composer), 'the composer to take the focus')

        # Transcribed while another window has the focus: said, and taken
        # back once Steward's window has the focus again
        record(steward, elsewhere)
        sent = server.wait_sent(1, 'the notification of the transcription', timeout=30)
        ready = sent[0]
        assert ready['summary'] == 'Transcription ready', ready
        assert ready['body'] == 'Your recording is in the message box', ready
        assert '' in ready['actions'], ready
        assert steward.entry_text(composer) == TRANSCRIPT, steward.entry_text(composer)
        ui.run(['xdotool', 'windowfocus', '--sync', ui.x_window('Steward')])
        ui.wait_for(lambda: server.pump() or ready['id'] in server.closed,
                    'the notification to go once Steward has the focus')

        # Again, and clicked: Steward's window in front, the composer with
        # both transcripts focused
        record(steward, elsewhere)
        sent = server.wait_sent(2, 'the notification of the second transcription', timeout=30)
        # (Under Xvfb, with no window manager, X refuses the focus to a
        # window that asks without a fresh user time: the test gives it.)
        server.invoke(sent[1], '')
        ui.wait_for(lambda: server.pump() or sent[1]['id'] in server.closed,
                    'the clicked notification to go')
        ui.run(['xdotool', 'windowfocus', '--sync', ui.x_window('Steward')])
        ui.wait_for(lambda: focused(composer), 'the composer to have the focus')
        assert steward.entry_text(composer) == f'{TRANSCRIPT} {TRANSCRIPT}', steward.entry_text(composer)
    finally:
        elsewhere.close()
        server.close()
        replay.stop()


ui.main('test-voice-notification', body)

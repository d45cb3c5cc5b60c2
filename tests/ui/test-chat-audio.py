#!/usr/bin/python3
# Recordings in the conversation (issue 12): a message sent with two
# voice memos through steward-cli shows each as a player row: a Play
# button named for the file, a seek bar, the time played and the length.
# Pressing Play turns it into Pause and the time advances; playing the
# other memo stops the first, and Read Aloud and a memo stop each other;
# the bar moves with the arrow keys; leaving the conversation stops the
# sound; the rows are still there after a restart, and a memo whose copy
# is lost says so when played. GStreamer makes the memos; the app plays them in real time into
# a file instead of a sound card.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import hashlib
import os
import re
import shutil
import tempfile

import chatui
import stewardui as ui

chatui.require_tools()

QUESTION = 'Can you hear these?'
OTHER = 'Something else entirely'
TIME = re.compile(r'^(\d+):(\d\d) / (\d+):(\d\d)$')


def write_memo(path, seconds):
    ui.run(['gst-launch-1.0', '-q', 'audiotestsrc', 'wave=sine', 'volume=0.3', 'samplesperbuffer=4410',
            f'num-buffers={seconds * 10}', '!', 'audio/x-raw,rate=44100,channels=1', '!',
            'audioconvert', '!', 'vorbisenc', '!', 'oggmux', '!', 'filesink', f'location={path}'])


def player(steward, name):
    """The player row of @name: a group named “memo.ogg, 0:06”."""
    for role in ('panel', 'grouping'):
        for node in ui.find_all(steward.app, role):
            if node.name and node.name.startswith(name + ', ') and ui.is_visible(node):
                return node
    return None


def button(steward, name):
    return steward.find_visible('push button', name)


def times(row):
    """(elapsed, total) in seconds, read from the row's time label."""
    for label in ui.find_all(row, 'label'):
        match = TIME.match(label.name or '')
        if match:
            m, s, tm, ts = (int(g) for g in match.groups())
            return m * 60 + s, tm * 60 + ts
    return None


def plays_into(steward, path):
    """Whether the app has the file its audio goes to open: it plays."""
    fds = f'/proc/{steward.proc.pid}/fd'
    for fd in os.listdir(fds):
        try:
            if os.readlink(os.path.join(fds, fd)) == path:
                return True
        except OSError:
            continue
    return False


def open_conversation(steward, title, shown):
    conversations = steward.wait_visible('list', 'Conversations')
    ui.click(ui.wait_for(lambda: ui.find(conversations, 'label', title), f'the conversation “{title}”'))
    ui.wait_for(lambda: chatui.shows_text(steward, shown), f'the conversation “{title}” to open')


def body(steward):
    folder = tempfile.mkdtemp(prefix='steward-audio-')
    replay = chatui.Replay('openai')
    heard = os.path.join(folder, 'heard.raw')
    # sync=true: the audio goes at the pace of a sound card
    os.environ['STEWARD_AUDIO_SINK'] = f'filesink sync=true location="{heard}"'
    # Read Aloud speaks there too
    os.environ['STEWARD_SPEECH_BACKEND'] = 'espeak'
    try:
        memo = os.path.join(folder, 'memo.ogg')
        call = os.path.join(folder, 'call.ogg')
        write_memo(memo, 6)
        write_memo(call, 4)

        data = steward.data_dir
        chatui.cli(data, 'provider', 'add', 'local', '--kind', 'openai', '--base-url', replay.url + '/v1',
                   '--model', 'text_stream', '--api-key-env', chatui.TEST_KEY_ENV)
        chatui.cli(data, 'tier', 'set', 'medium', 'local', 'text_stream')
        # The memos are transcribed before they are sent: by the same server
        chatui.cli(data, 'settings', 'set', 'voice.provider', 'local')
        chatui.cli(data, 'chat', OTHER)
        chatui.cli(data, 'chat', '--attach', memo, '--attach', call, QUESTION)
        titles = [c['title'] for c in chatui.conversations(data)]
        title, other_title = titles[0], titles[1]

        for start in range(2):
            steward.start()
            chatui.open_chat(steward)
            open_conversation(steward, title, QUESTION)

            row = ui.wait_for(lambda: player(steward, 'memo.ogg'), 'the memo’s player row')
            assert row.name == 'memo.ogg, 0:06', row.name
            assert ui.find(row, 'push button', 'Open memo.ogg') is not None
            assert ui.find(row, 'slider', 'Position in memo.ogg') is not None
            assert times(row) == (0, 6), times(row)
            play = ui.wait_for(lambda: button(steward, 'Play memo.ogg'), 'Play memo.ogg')
            assert play.getState().contains(ui.pyatspi.STATE_FOCUSABLE)
            assert player(steward, 'call.ogg').name == 'call.ogg, 0:04'
            if start == 1:
                ui.click(button(steward, 'Play call.ogg'))
                steward.wait_visible('label', 'call.ogg cannot be played: the file is missing.')
                assert button(steward, 'Play call.ogg') is not None
                break

            # Played: the button turns into Pause, the time goes on
            ui.click(play)
            pause = ui.wait_for(lambda: button(steward, 'Pause memo.ogg'), 'Play to turn into Pause')
            ui.wait_for(lambda: plays_into(steward, heard), 'the memo to play')
            ui.wait_for(lambda: times(row)[0] >= 1, 'the time played to advance')
            assert button(steward, 'Play memo.ogg') is None
            ui.run(['import', '-window', 'root', os.path.join(tempfile.gettempdir(), 'steward-audio-player.png')])

            # Paused (with the pointer, so the button takes the focus): the
            # time holds
            x, y = ui.center(pause)
            ui.run(['xdotool', 'mousemove', '--sync', str(x), str(y), 'click', '1'])
            ui.wait_for(lambda: button(steward, 'Play memo.ogg'), 'Pause to turn into Play')
            held = times(row)[0]

            # The bar moves with the keyboard: Tab from the button to it,
            # two seconds on with the right arrow
            slider = ui.find(row, 'slider', 'Position in memo.ogg')
            ui.wait_for(lambda: button(steward, 'Play memo.ogg').getState().contains(ui.pyatspi.STATE_FOCUSED),
                        'the button clicked to have the focus')
            steward.key('Tab')
            ui.wait_for(lambda: slider.getState().contains(ui.pyatspi.STATE_FOCUSED), 'the bar to take the focus')
            steward.key('Right', 'Right')
            ui.wait_for(lambda: times(row)[0] == held + 2, 'the arrows to move on two seconds')
            assert button(steward, 'Play memo.ogg') is not None

            # One at a time: the call played stops the memo
            ui.click(button(steward, 'Play memo.ogg'))
            ui.wait_for(lambda: button(steward, 'Pause memo.ogg'), 'the memo to play again')
            ui.click(button(steward, 'Play call.ogg'))
            ui.wait_for(lambda: button(steward, 'Pause call.ogg'), 'the call to play')
            ui.wait_for(lambda: button(steward, 'Play memo.ogg'), 'the memo to stop for the call')
            ui.wait_for(lambda: times(row)[0] == 0, 'the memo back at its start')

            # Another conversation: the sound stops (the file it went to
            # is let go of)
            ui.wait_for(lambda: plays_into(steward, heard), 'the call to play')
            open_conversation(steward, other_title, OTHER)
            ui.wait_for(lambda: not plays_into(steward, heard), 'the sound to stop with the conversation left')
            open_conversation(steward, title, QUESTION)
            ui.wait_for(lambda: button(steward, 'Play call.ogg'), 'the call to be stopped when back')

            # Read Aloud and a recording take turns
            if os.environ.get('STEWARD_HAVE_ESPEAK') == '1':
                ui.click(ui.wait_for(lambda: button(steward, 'Play memo.ogg'), 'Play memo.ogg'))
                ui.wait_for(lambda: button(steward, 'Pause memo.ogg'), 'the memo to play')
                ui.click(ui.wait_for(lambda: button(steward, 'Read Aloud'), 'Read Aloud under the reply'))
                ui.wait_for(lambda: button(steward, 'Stop Reading'), 'the reply to be read')
                ui.wait_for(lambda: button(steward, 'Play memo.ogg'), 'the memo to stop for Read Aloud')
                ui.click(button(steward, 'Play memo.ogg'))
                ui.wait_for(lambda: button(steward, 'Pause memo.ogg'), 'the memo to play again')
                ui.wait_for(lambda: button(steward, 'Read Aloud'), 'the reading to stop for the memo')
                ui.click(button(steward, 'Pause memo.ogg'))
                ui.wait_for(lambda: button(steward, 'Play memo.ogg'), 'the memo to pause')
            steward.stop()

            # Steward's copy of the call lost: playing it says so
            with open(call, 'rb') as f:
                digest = hashlib.sha256(f.read()).hexdigest()
            copies = os.path.join(data, 'attachments')
            for name in os.listdir(copies):
                if name.startswith(digest):
                    os.unlink(os.path.join(copies, name))
    finally:
        replay.stop()
        shutil.rmtree(folder, ignore_errors=True)


ui.main('test-chat-audio', body)

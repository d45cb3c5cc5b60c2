#!/usr/bin/python3
# Read Aloud under a reply (issue 12): the button becomes Stop Reading
# while the reply is read and Read Aloud again when it is stopped, when
# another reply is read in its place, and when the reply has all been
# said; Ctrl+Shift+R does the same on the reply with the focus, and a
# machine without speech says so in a toast. espeak-ng speaks (forced:
# the test machine's speech-dispatcher may not run), in real time, into a
# WAV file instead of a sound card.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import tempfile

import chatui
import stewardui as ui

chatui.require_tools()

MODEL = 'speaking'
LONG = ('# A long answer\n\n'
        'This answer has many sentences, so that it takes a while to read. '
        'Each of them is spoken at an ordinary pace, one after the other. '
        'The reader can stop it at any time with the button under it.\n\n'
        '```sh\necho "code is not read"\n```\n\n'
        '- A first point that is worth saying aloud.\n'
        '- A second point, which takes a few seconds more.\n'
        '- A third point, to be sure the reading lasts long enough.\n')
LONG_SHOWN = 'This answer has many sentences'
SHORT = 'The second answer is short. It is read to the end.'
WAV_HEADER = 44
NO_SPEECH = 'Text cannot be read aloud: neither speech-dispatcher nor espeak-ng is available.'


def anthropic_stream(text):
    events = [
        ('message_start', {'type': 'message_start', 'message': {
            'model': MODEL, 'id': 'msg_1', 'type': 'message', 'role': 'assistant', 'content': [],
            'stop_reason': None, 'stop_sequence': None,
            'usage': {'input_tokens': 12, 'output_tokens': 1}}}),
        ('content_block_start', {'type': 'content_block_start', 'index': 0,
                                 'content_block': {'type': 'text', 'text': ''}}),
        ('content_block_delta', {'type': 'content_block_delta', 'index': 0,
                                 'delta': {'type': 'text_delta', 'text': text}}),
        ('content_block_stop', {'type': 'content_block_stop', 'index': 0}),
        ('message_delta', {'type': 'message_delta', 'delta': {'stop_reason': 'end_turn'},
                           'usage': {'output_tokens': 5}}),
        ('message_stop', {'type': 'message_stop'}),
    ]
    return ''.join(f'event: {name}\ndata: {json.dumps(data)}\n\n' for name, data in events)


def write_fixtures(folder):
    # One reply per request, in turn (the replay server's .sequence).
    for name, text in (('long', LONG), ('short', SHORT)):
        with open(os.path.join(folder, f'{name}.sse'), 'w', encoding='utf-8') as f:
            f.write(anthropic_stream(text))
    with open(os.path.join(folder, f'{MODEL}.sequence'), 'w', encoding='utf-8') as f:
        f.write('long\nshort\n')


def buttons(steward, name):
    """The visible buttons called @name in the conversation, top first."""
    messages = steward.find_visible('list', 'Messages')
    if messages is None:
        return []
    found = [b for b in ui.find_all(messages, 'push button', name) if ui.is_visible(b)]
    return sorted(found, key=lambda b: ui.center(b)[1])


def wait_buttons(steward, n_read, n_stop, what, stop_below=None):
    """Wait for @n_read Read Aloud and @n_stop Stop Reading buttons (with
    @stop_below: Stop Reading under the Read Aloud, or above it)."""
    def shown():
        read = buttons(steward, 'Read Aloud')
        stop = buttons(steward, 'Stop Reading')
        if len(read) != n_read or len(stop) != n_stop:
            return None
        if stop_below is not None and (ui.center(stop[0])[1] > ui.center(read[0])[1]) != stop_below:
            return None
        return read, stop
    return ui.wait_for(shown, what)


def wav_size(path):
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def body(steward):
    if os.environ.get('STEWARD_HAVE_ESPEAK') != '1':
        print('# steward is built without espeak-ng')
        raise SystemExit(ui.SKIP)

    folder = tempfile.mkdtemp(prefix='steward-read-aloud-')
    write_fixtures(folder)
    wav = os.path.join(folder, 'spoken.wav')
    # identity sync=true: the audio goes at the pace of a sound card.
    os.environ['STEWARD_SPEECH_BACKEND'] = 'espeak'
    os.environ['STEWARD_AUDIO_SINK'] = f'identity sync=true ! wavenc ! filesink location="{wav}"'
    replay = chatui.Replay('anthropic', fixtures_dir=folder)
    try:
        chatui.add_provider(steward.data_dir, replay, model=MODEL)
        chatui.cli(steward.data_dir, 'settings', 'set', 'memory.auto', 'false')

        steward.start()
        chatui.open_chat(steward)
        chatui.send(steward, 'Tell me something long')
        ui.wait_for(lambda: chatui.shows_text(steward, LONG_SHOWN), 'the long reply')
        (read,), _ = wait_buttons(steward, 1, 0, 'Read Aloud under the reply')
        # Only replies are read: the question has no Read Aloud.

        # Read, then stopped with the same button.
        ui.click(read)
        (stop,) = wait_buttons(steward, 0, 1, 'Read Aloud to become Stop Reading')[1]
        ui.wait_for(lambda: wav_size(wav) > 0, 'espeak-ng’s audio in the WAV file')
        ui.click(stop)
        wait_buttons(steward, 1, 0, 'Stop Reading to become Read Aloud again')

        # A second reply: reading it stops the first.
        chatui.send(steward, 'And something short')
        ui.wait_for(lambda: chatui.shows_text(steward, SHORT), 'the short reply')
        first, second = wait_buttons(steward, 2, 0, 'Read Aloud under both replies')[0]
        ui.click(first)
        wait_buttons(steward, 1, 1, 'the first reply to be read', stop_below=False)
        os.unlink(wav)
        ui.click(second)
        wait_buttons(steward, 1, 1, 'the second reply to be read in place of the first', stop_below=True)

        # The short reply is said to its end: the button comes back by
        # itself, and the whole reply was written out (more than a
        # second of 16-bit audio after the WAV header).
        wait_buttons(steward, 2, 0, 'Read Aloud to come back when the reply has been said')
        ui.wait_for(lambda: wav_size(wav) > WAV_HEADER + 20000, 'the spoken reply in the WAV file')

        # By keyboard, on the reply with the focus (a click with the pointer on
        # its Copy button gives it the focus).
        copy = buttons(steward, 'Copy')[-1]
        x, y = ui.wait_for(lambda: ui.center(copy), 'the Copy button to be laid out')
        ui.run(['xdotool', 'mousemove', '--sync', str(x), str(y), 'click', '1'])
        ui.wait_for(lambda: copy.getState().contains(ui.pyatspi.STATE_FOCUSED), 'the reply to take the focus')
        steward.key('ctrl+shift+r')
        wait_buttons(steward, 1, 1, 'Ctrl+Shift+R to read the reply with the focus', stop_below=True)
        steward.key('ctrl+shift+r')
        wait_buttons(steward, 2, 0, 'Ctrl+Shift+R again to stop reading')

        # Nothing to speak with: one sentence in a toast, and the button
        # stays Read Aloud.
        steward.stop()
        os.environ['STEWARD_SPEECH_BACKEND'] = 'none'
        steward.start()
        chatui.open_chat(steward)
        conversations = steward.wait_visible('list', 'Conversations')
        ui.click(ui.wait_for(lambda: ui.find(conversations, 'label', 'Tell me something long'),
                             'the conversation in the list after a restart'))
        read = wait_buttons(steward, 2, 0, 'Read Aloud under both replies after a restart')[0][-1]
        ui.click(read)
        steward.wait_visible('label', NO_SPEECH)
        wait_buttons(steward, 2, 0, 'Read Aloud to stay when nothing can speak')
    finally:
        replay.stop()
        shutil.rmtree(folder, ignore_errors=True)


ui.main('test-read-aloud', body)

#!/usr/bin/python3
# Push to talk: with GStreamer's audiotestsrc for a microphone and the
# replay server for the provider's /audio/transcriptions (none chosen at
# first: one sentence says so and the typed text stays), Ctrl+Shift+Space
# pressed twice records (the level meter moves) and stops, and the
# replayed transcript lands in the composer after what was typed, nothing
# sent; holding the button down with the pointer records another; Esc
# while recording (started with Space on the focused microphone
# button) leaves the composer and the server alone. The provider is chosen
# first in Preferences → Voice, which writes the voice.* settings that
# steward-cli reads back. Last, with Send at Once on there, a spoken
# message is sent without review.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import glob
import os
import shutil
import tempfile
import time

import chatui
import stewardui as ui

chatui.require_tools()

os.environ['STEWARD_AUDIO_SOURCE'] = 'audiotestsrc is-live=true wave=sine volume=0.5'

# The app's own, to see that no recording is left behind
TMPDIR = tempfile.mkdtemp(prefix='steward-voice-tmp-')
os.environ['TMPDIR'] = TMPDIR

TYPED = 'Note:'
TRANSCRIPT = 'Remind me to call Sam tomorrow at five. Grüße 👋'
RECORDING = 'Recording… Esc to cancel'


def setting(steward, key):
    return chatui.cli(steward.data_dir, 'settings', 'get', key).strip()


def level(steward):
    meter = steward.find_visible('level bar', 'Microphone Level')
    return meter.queryValue().currentValue if meter is not None else 0


def recordings():
    return glob.glob(os.path.join(TMPDIR, 'steward-recording-*'))


def record_with_shortcut(steward, composer, replay):
    # Pressed and let go at once: a click, so recording goes on until the
    # next press, and the meter follows the tone.
    steward.key('ctrl+shift+space')
    steward.wait_visible('label', RECORDING)
    ui.wait_for(lambda: level(steward) > 0.1, 'the level meter to move')
    steward.key('ctrl+shift+space')
    steward.wait_gone('label', RECORDING)
    ui.wait_for(lambda: steward.entry_text(composer) == f'{TYPED} {TRANSCRIPT}',
                'the transcript in the composer after the typed text')
    steward.wait_gone('label', 'Transcribing…')

    requests = replay.requests()
    assert len(requests) == 1, requests
    assert requests[0]['path'] == '/v1/audio/transcriptions', requests[0]
    # What Preferences → Voice chose, and a real recording.
    fields = requests[0]['body']['fields']
    assert fields['model'] == 'whisper-1' and fields['language'] == 'en', fields
    upload = requests[0]['body']['files'][0]
    assert upload['size'] > 1000, upload
    ui.wait_for(lambda: recordings() == [], 'the recording to be deleted')
    # Reviewed, not sent: no conversation was started.
    assert chatui.conversations(steward.data_dir) == []


def hold_with_pointer(steward, composer, replay):
    """Held down longer than a click, the button records until let go."""
    button = steward.wait_visible('push button', 'Record Voice Message')
    x, y = ui.wait_for(lambda: ui.center(button), 'the microphone button to be laid out')
    ui.run(['xdotool', 'mousemove', '--sync', str(x), str(y), 'mousedown', '1'])
    pressed = time.monotonic()
    try:
        steward.wait_visible('label', RECORDING)
        # Longer than the 300 ms a click lasts at most
        ui.wait_for(lambda: level(steward) > 0.1 and time.monotonic() - pressed > 0.6,
                    'the level meter to move while the button is held')
    finally:
        ui.run(['xdotool', 'mouseup', '1'])
    steward.wait_gone('label', RECORDING)
    ui.wait_for(lambda: steward.entry_text(composer) == f'{TYPED} {TRANSCRIPT} {TRANSCRIPT}',
                'the second transcript after the first')
    assert len(replay.requests()) == 2
    ui.wait_for(lambda: recordings() == [], 'the recording to be deleted')


def cancel_with_escape(steward, composer, replay):
    button = steward.wait_visible('push button', 'Record Voice Message')
    focused = lambda: button.getState().contains(ui.pyatspi.STATE_FOCUSED)
    # Tab from the composer: past the model size menu to the button.
    for _ in range(4):
        steward.key('Tab')
        try:
            ui.wait_for(focused, 'the microphone button to take the focus', 2)
            break
        except ui.TestFailure:
            continue
    assert focused(), 'Tab never reached the microphone button'
    steward.key('space')
    steward.wait_visible('label', RECORDING)
    steward.key('Escape')
    steward.wait_gone('label', RECORDING)
    assert steward.find_visible('label', 'Transcribing…') is None
    assert steward.entry_text(composer) == f'{TYPED} {TRANSCRIPT} {TRANSCRIPT}', steward.entry_text(composer)
    assert len(replay.requests()) == 2
    ui.wait_for(lambda: recordings() == [], 'the cancelled recording to be deleted')


def type_into(steward, prefs, node, text):
    ui.wait_for(lambda: ui.center(node), f'“{node.name}” to be laid out')
    wid = ui.wait_for(lambda: ui.x_window('Preferences'), 'the X window “Preferences”')
    ui.run(['xdotool', 'windowfocus', '--sync', wid])
    ui.click(node)
    ui.run(['xdotool', 'key', 'ctrl+a', 'BackSpace'])
    ui.run(['xdotool', 'type', '--delay', '20', text])
    ui.wait_for(lambda: steward.entry_text(node) == text, f'“{node.name}” to read “{text}”')


def find_in(frame, role, name):
    """The visible @role in @frame whose name starts with @name: GTK 4.8
    adds a row's title to the name of what is in it."""
    return next((node for node in ui.find_all(frame, role)
                 if node.name and node.name.startswith(name) and ui.is_visible(node)), None)


def type_in_composer(steward):
    composer = steward.click('text', 'Message')
    ui.wait_for(lambda: composer.getState().contains(ui.pyatspi.STATE_FOCUSED),
                'the composer to take the focus')
    wid = ui.wait_for(lambda: ui.x_window('Steward'), 'the main window')
    ui.run(['xdotool', 'windowfocus', '--sync', wid])
    ui.run(['xdotool', 'type', '--delay', '5', TYPED])
    ui.wait_for(lambda: steward.entry_text(composer) == TYPED, f'the composer to read “{TYPED}”')
    return composer


def no_provider(steward, composer, replay):
    """Without a speech provider the recording goes nowhere: one sentence
    says so, and the typed text stays."""
    steward.key('ctrl+shift+space')
    steward.wait_visible('label', RECORDING)
    ui.wait_for(lambda: level(steward) > 0.1, 'the level meter to move')
    steward.key('ctrl+shift+space')
    ui.wait_for(lambda: any(label.name.startswith('No provider is chosen for speech to text')
                            for label in ui.find_all(steward.app, 'label')
                            if label.name and ui.is_visible(label)),
                'the error that says no speech provider is chosen')
    assert steward.entry_text(composer) == TYPED, steward.entry_text(composer)
    assert replay.requests() == []


def voice_preferences(steward):
    """Choose the provider, model and language in Preferences → Voice, as
    the recording after needs them, and flip Send at Once back and forth."""
    steward.key('ctrl+comma')
    prefs = steward.wait_visible('frame', 'Preferences')
    ui.click(ui.wait_for(lambda: find_in(prefs, 'page tab', 'Voice'), 'the Voice page tab'))
    provider = ui.wait_for(lambda: find_in(prefs, 'combo box', 'Provider'), 'the Provider row')
    model = ui.wait_for(lambda: find_in(prefs, 'text', 'Model'), 'the Model row')
    language = ui.wait_for(lambda: find_in(prefs, 'text', 'Language'), 'the Language row')
    assert steward.entry_text(model) == 'whisper-1', steward.entry_text(model)
    assert steward.entry_text(language) == ''
    assert setting(steward, 'voice.provider') == ''
    ui.wait_for(lambda: find_in(provider, 'label', 'None'), 'the Provider row to show None')

    # The list opens on None; the one OpenAI-compatible provider is next
    # (the Anthropic one is not listed).
    ui.click(provider)
    ui.wait_for(lambda: any(ui.is_visible(node) for node in ui.find_all(provider, 'label', 'voice')),
                'the list of providers to pop up')
    assert not any(ui.find_all(provider, 'label', 'chat'))
    ui.run(['xdotool', 'key', '--delay', '100', 'Down', 'Return'])
    ui.wait_for(lambda: setting(steward, 'voice.provider') == 'voice', 'voice.provider to be “voice”')

    type_into(steward, prefs, model, 'whisper-large-v3')
    ui.wait_for(lambda: setting(steward, 'voice.model') == 'whisper-large-v3', 'voice.model to be saved')
    type_into(steward, prefs, model, 'whisper-1')
    ui.wait_for(lambda: setting(steward, 'voice.model') == 'whisper-1', 'voice.model to be whisper-1 again')
    type_into(steward, prefs, language, 'en')
    ui.wait_for(lambda: setting(steward, 'voice.language') == 'en', 'voice.language to be saved')

    switch = ui.wait_for(lambda: find_in(prefs, 'check box', 'Send at Once'), 'the Send at Once switch')
    assert setting(steward, 'voice.send-at-once') == 'false'
    ui.click(switch)
    ui.wait_for(lambda: setting(steward, 'voice.send-at-once') == 'true', 'voice.send-at-once to be true')
    ui.click(switch)
    ui.wait_for(lambda: setting(steward, 'voice.send-at-once') == 'false', 'voice.send-at-once to be false')

    steward.key('Escape', window='Preferences')
    steward.wait_gone('frame', 'Preferences')


def send_at_once(steward, composer):
    """With Send at Once on, the transcript goes out with what the
    composer held, and the composer is emptied."""
    steward.key('ctrl+comma')
    prefs = steward.wait_visible('frame', 'Preferences')
    ui.click(ui.wait_for(lambda: find_in(prefs, 'page tab', 'Voice'), 'the Voice page tab'))
    ui.click(ui.wait_for(lambda: find_in(prefs, 'check box', 'Send at Once'), 'the Send at Once switch'))
    ui.wait_for(lambda: setting(steward, 'voice.send-at-once') == 'true', 'voice.send-at-once to be true')
    steward.key('Escape', window='Preferences')
    steward.wait_gone('frame', 'Preferences')

    steward.key('ctrl+shift+space')
    steward.wait_visible('label', RECORDING)
    ui.wait_for(lambda: level(steward) > 0.1, 'the level meter to move')
    steward.key('ctrl+shift+space')
    conversation = ui.wait_for(lambda: chatui.conversations(steward.data_dir), 'the message to be sent')[0]
    ui.wait_for(lambda: steward.entry_text(composer) == '', 'the composer to be emptied')
    first = chatui.conversation(steward.data_dir, conversation['id'])['messages'][0]
    assert first['role'] == 'user', first
    assert first['content'] == f'{TYPED} {TRANSCRIPT} {TRANSCRIPT} {TRANSCRIPT}', first['content']


def body(steward):
    replay = chatui.Replay('openai')
    try:
        chatui.cli(steward.data_dir, 'provider', 'add', 'voice', '--kind', 'openai', '--base-url',
                   f'{replay.url}/v1', '--model', 'text_stream', '--api-key-env', chatui.TEST_KEY_ENV)
        chatui.cli(steward.data_dir, 'tier', 'set', 'medium', 'voice', 'text_stream')
        # Not a speech provider: the Voice page does not offer it.
        chatui.cli(steward.data_dir, 'provider', 'add', 'chat', '--kind', 'anthropic', '--base-url',
                   replay.url, '--api-key-env', chatui.TEST_KEY_ENV)

        steward.start()
        chatui.open_chat(steward)
        composer = type_in_composer(steward)
        no_provider(steward, composer, replay)
        voice_preferences(steward)
        # Back to the end of the typed text (the focus state is not sent
        # again for a widget that kept it while another window was up).
        steward.click('text', 'Message')

        record_with_shortcut(steward, composer, replay)
        hold_with_pointer(steward, composer, replay)
        cancel_with_escape(steward, composer, replay)
        send_at_once(steward, composer)
    finally:
        replay.stop()
        leftover = recordings()
        shutil.rmtree(TMPDIR, ignore_errors=True)
    assert leftover == [], leftover


ui.main('test-voice', body)

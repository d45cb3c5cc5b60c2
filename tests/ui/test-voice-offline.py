#!/usr/bin/python3
# Offline speech to text: Preferences → Voice offers Offline (PocketSphinx)
# after the providers; choosing it writes voice.provider "offline", says
# under the row that it hears English only and less well, and leaves no
# model to choose. Then push to talk records pocketsphinx-testdata's
# "go forward ten meters" (played by GStreamer as the microphone) and the
# real PocketSphinx puts those words into the composer, with no server.
# Skipped where the 'pocketsphinx' feature is off or its data is missing.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os

import chatui
import stewardui as ui

chatui.require_tools()

GO_FORWARD = '/usr/share/pocketsphinx/test/data/goforward.raw'
MODEL = '/usr/share/pocketsphinx/model/en-us/en-us/mdef'
RECORDING = 'Recording… Esc to cancel'

os.environ['STEWARD_AUDIO_SOURCE'] = (
    f'filesrc location={GO_FORWARD} ! rawaudioparse format=pcm pcm-format=s16le '
    'sample-rate=16000 num-channels=1 ! audioconvert ! audioresample')


def setting(steward, key):
    return chatui.cli(steward.data_dir, 'settings', 'get', key).strip()


def find_in(frame, role, name):
    """The visible @role in @frame whose name starts with @name: GTK 4.8
    adds a row's title to the name of what is in it."""
    return next((node for node in ui.find_all(frame, role)
                 if node.name and node.name.startswith(name) and ui.is_visible(node)), None)


def level(steward):
    meter = steward.find_visible('level bar', 'Microphone Level')
    return meter.queryValue().currentValue if meter is not None else 0


def choose_offline(steward):
    steward.key('ctrl+comma')
    prefs = steward.wait_visible('frame', 'Preferences')
    ui.click(ui.wait_for(lambda: find_in(prefs, 'page tab', 'Voice'), 'the Voice page tab'))
    provider = ui.wait_for(lambda: find_in(prefs, 'combo box', 'Provider'), 'the Provider row')
    model = ui.wait_for(lambda: find_in(prefs, 'text', 'Model'), 'the Model row')
    ui.wait_for(lambda: find_in(provider, 'label', 'None'), 'the Provider row to show None')
    assert model.getState().contains(ui.pyatspi.STATE_SENSITIVE)

    # No provider added: Offline comes right after None
    ui.click(provider)
    ui.wait_for(lambda: any(ui.is_visible(node) for node in ui.find_all(provider, 'label', 'Offline (PocketSphinx)')),
                'the list of providers to pop up with Offline')
    ui.run(['xdotool', 'key', '--delay', '100', 'Down', 'Return'])
    ui.wait_for(lambda: setting(steward, 'voice.provider') == 'offline', 'voice.provider to be “offline”')

    ui.wait_for(lambda: find_in(prefs, 'label', 'On this computer with PocketSphinx: English only'),
                'the row to say Offline hears English only')
    ui.wait_for(lambda: not model.getState().contains(ui.pyatspi.STATE_SENSITIVE),
                'the Model row to be off for Offline')

    steward.key('Escape', window='Preferences')
    steward.wait_gone('frame', 'Preferences')


def speak(steward):
    composer = steward.click('text', 'Message')
    ui.wait_for(lambda: composer.getState().contains(ui.pyatspi.STATE_FOCUSED),
                'the composer to take the focus')
    steward.key('ctrl+shift+space')
    steward.wait_visible('label', RECORDING)
    # The recording is read from the file at once: its loud part has
    # passed once the meter moved
    ui.wait_for(lambda: level(steward) > 0.1, 'the level meter to move')
    steward.key('ctrl+shift+space')
    steward.wait_gone('label', RECORDING)
    ui.wait_for(lambda: 'forward ten meters' in steward.entry_text(composer),
                'PocketSphinx’s words in the composer', timeout=60)
    steward.wait_gone('label', 'Transcribing…')
    assert chatui.conversations(steward.data_dir) == []


def body(steward):
    if os.environ.get('STEWARD_HAVE_POCKETSPHINX') != '1':
        print('# steward is built without PocketSphinx')
        raise SystemExit(ui.SKIP)
    if not os.path.exists(MODEL) or not os.path.exists(GO_FORWARD):
        print('# pocketsphinx-en-us or pocketsphinx-testdata is missing')
        raise SystemExit(ui.SKIP)

    # A chat model, so the composer shows (never asked: nothing is sent).
    # Ollama's own kind, which the Voice page does not list.
    chatui.cli(steward.data_dir, 'provider', 'add', 'local', '--kind', 'ollama', '--base-url',
               'http://127.0.0.1:9', '--model', 'llama3')
    steward.start()
    chatui.open_chat(steward)
    choose_offline(steward)
    speak(steward)


ui.main('test-voice-offline', body)

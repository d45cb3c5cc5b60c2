#!/usr/bin/python3
# "Remember that …" in a message is kept in long-term memory at once, and
# a toast says so with Undo, which forgets it again.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json

import chatui
import stewardui as ui

chatui.require_tools()

MESSAGE = 'Remember that my manager is Priya.'


def memories(data_dir):
    return json.loads(chatui.cli(data_dir, 'memory', 'list', '--json'))


def undo_button(steward):
    # libadwaita 1.2 names the toast's button from its label and its
    # mnemonic label together ("_Undo Undo"), so match on the word.
    for node in ui.find_all(steward.app, 'push button'):
        if node.name and 'Undo' in node.name.replace('_', ' ').split() and ui.is_visible(node):
            return node
    return None


def body(steward):
    replay = chatui.Replay('ollama')
    try:
        chatui.cli(steward.data_dir, 'provider', 'add', 'local', '--kind', 'ollama',
                   '--base-url', replay.url, '--model', 'text_stream')
        # Only what the user asked for: no facts proposed from the reply.
        chatui.cli(steward.data_dir, 'settings', 'set', 'memory.auto', 'false')

        steward.start()
        chatui.open_chat(steward)
        chatui.send(steward, MESSAGE)

        undo = ui.wait_for(lambda: undo_button(steward), 'the toast’s Undo button')
        ui.wait_for(lambda: any('Remembered' in label.name and 'Priya' in label.name
                                for label in ui.find_all(steward.app, 'label')
                                if label.name and ui.is_visible(label)),
                    'the “Remembered: …” toast')
        stored = memories(steward.data_dir)
        assert len(stored) == 1 and 'Priya' in stored[0]['text'], stored

        ui.click(undo)
        ui.wait_for(lambda: memories(steward.data_dir) == [], 'Undo to forget the fact')
        ui.wait_for(lambda: undo_button(steward) is None, 'the toast to go away')
    finally:
        replay.stop()


ui.main('test-chat-remember', body)

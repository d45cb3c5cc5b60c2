#!/usr/bin/python3
# A reply's Details show exactly what was sent for it: the system part,
# which carries the user's name from the settings, and the messages.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import chatui
import stewardui as ui

chatui.require_tools()

QUESTION = 'What should I bake?'


def body(steward):
    replay = chatui.Replay('ollama')
    try:
        chatui.cli(steward.data_dir, 'provider', 'add', 'local', '--kind', 'ollama',
                   '--base-url', replay.url, '--model', 'text_stream')
        chatui.cli(steward.data_dir, 'settings', 'set', 'personal.name', 'Ada')
        chatui.cli(steward.data_dir, 'settings', 'set', 'memory.auto', 'false')

        steward.start()
        chatui.open_chat(steward)
        chatui.send(steward, QUESTION)
        steward.wait_visible('push button', 'Regenerate')

        steward.click('push button', 'Details')
        steward.click('push button', 'Context')
        context = steward.wait_visible('text', 'Context Sent')
        text = ui.wait_for(lambda: steward.entry_text(context), 'the context text')
        system, _, rest = text.partition('\n\n')
        assert 'System' in system and 'Ada' in system, text
        assert QUESTION in rest and 'User' in rest, text
    finally:
        replay.stop()


ui.main('test-chat-context', body)

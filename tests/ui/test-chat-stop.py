#!/usr/bin/python3
# Stop while a reply streams: the partial text stays, the reply says it
# was stopped, and the store keeps it as "interrupted".
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import chatui
import stewardui as ui

chatui.require_tools()


def body(steward):
    replay = chatui.Replay('anthropic', dribble=8, delay_ms=30)
    try:
        chatui.add_provider(steward.data_dir, replay)
        expected = chatui.expected_text('anthropic', 'text_stream')

        steward.start()
        chatui.open_chat(steward)
        chatui.send(steward, 'Tidy my notes slowly')

        stop = steward.wait_visible('push button', 'Stop')
        ui.wait_for(lambda: chatui.shows_text(steward, expected[:6]), 'the first words of the reply')
        ui.click(stop)

        steward.wait_visible('label', 'Stopped')
        steward.wait_visible('push button', 'Send')

        conversation_id = chatui.conversations(steward.data_dir)[0]['id']
        reply = ui.wait_for(
            lambda: next((m for m in chatui.conversation(steward.data_dir, conversation_id)['messages']
                          if m['role'] == 'assistant' and m['status'] == 'interrupted'), None),
            'the reply to be stored as interrupted')
        partial = reply['content']
        assert partial and expected.startswith(partial) and partial != expected, partial

        # What is on screen is what was kept.
        first_line = partial.splitlines()[0]
        ui.wait_for(lambda: chatui.shows_text(steward, first_line), 'the partial reply to stay on screen')
    finally:
        replay.stop()


ui.main('test-chat-stop', body)

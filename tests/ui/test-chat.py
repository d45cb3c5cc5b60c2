#!/usr/bin/python3
# A message sent from the composer streams its reply from a provider (the
# replay server), the conversation joins the list, and both are still
# there after a restart. The model size menu has a name, and the copy
# toast leaves it uncovered.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import chatui
import stewardui as ui

chatui.require_tools()

QUESTION = 'Tidy my meeting notes'


def top(node):
    return node.queryComponent().getExtents(ui.pyatspi.DESKTOP_COORDS).y


def bottom(node):
    extents = node.queryComponent().getExtents(ui.pyatspi.DESKTOP_COORDS)
    return extents.y + extents.height if extents.height > 0 else None


def body(steward):
    replay = chatui.Replay('anthropic')
    try:
        chatui.add_provider(steward.data_dir, replay)
        expected = chatui.expected_text('anthropic', 'text_stream')
        first_line = expected.splitlines()[0]
        last_item = expected.strip().splitlines()[-1].lstrip('- ')

        steward.start()
        chatui.open_chat(steward)
        steward.wait_visible('label', 'Ask Steward')
        composer = chatui.send(steward, QUESTION)

        ui.wait_for(lambda: chatui.shows_text(steward, first_line)
                    and chatui.shows_text(steward, last_item),
                    'the streamed reply in the conversation view')
        ui.wait_for(lambda: chatui.shows_text(steward, QUESTION), 'the question in the conversation view')
        ui.wait_for(lambda: steward.entry_text(composer) == '', 'the composer to empty')
        steward.wait_visible('push button', 'Send')
        steward.wait_visible('push button', 'Copy')
        steward.wait_visible('push button', 'Regenerate')

        # The model size menu's button, which takes the focus, reads as
        # what it is, not as its type name (issue 14).
        size_button = steward.wait_visible('push button', 'Model Size')
        assert size_button.getState().contains(ui.pyatspi.STATE_FOCUSABLE)
        assert steward.find_visible('push button', 'GtkToggleButton') is None
        # ...and says its value.
        assert size_button.description == 'Medium', size_button.description

        # The copy toast shows above the composer, leaving the menu free.
        steward.click('push button', 'Copy')
        toast = steward.wait_visible('label', 'Copied to clipboard')
        toast_bottom = ui.wait_for(lambda: bottom(toast), 'the toast to be laid out')
        assert toast_bottom <= top(size_button), (toast_bottom, top(size_button))

        conversations = steward.wait_visible('list', 'Conversations')
        ui.wait_for(lambda: ui.find(conversations, 'label', QUESTION),
                    'the new conversation in the list')

        stored = chatui.conversations(steward.data_dir)
        assert len(stored) == 1, stored
        messages = chatui.conversation(steward.data_dir, stored[0]['id'])['messages']
        assert [m['role'] for m in messages] == ['user', 'assistant'], messages
        assert messages[1]['status'] == 'complete', messages[1]
        assert messages[1]['content'] == expected, messages[1]['content']

        # A restart shows the same conversation and its messages.
        steward.stop()
        steward.start()
        chatui.open_chat(steward)
        conversations = steward.wait_visible('list', 'Conversations')
        ui.click(ui.wait_for(lambda: ui.find(conversations, 'label', QUESTION),
                             'the conversation in the list after a restart'))
        ui.wait_for(lambda: chatui.shows_text(steward, first_line)
                    and chatui.shows_text(steward, QUESTION),
                    'the stored messages after a restart')
    finally:
        replay.stop()


ui.main('test-chat', body)

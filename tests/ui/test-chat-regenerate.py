#!/usr/bin/python3
# Regenerate keeps the reply it replaces (issue 14): the reply shows
# ‹ 2/2 ›, Alt+Left on the focused reply (and the Previous Reply button)
# brings the first reply back, the choice is stored and still there after
# a restart, and Next Reply goes to the second again.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import tempfile

import chatui
import stewardui as ui

chatui.require_tools()

QUESTION = 'Which fruit should I buy?'
FIRST = 'First answer: apples.'
SECOND = 'Second answer: pears.'
MODEL = 'alternatives'


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
    for name, text in (('first', FIRST), ('second', SECOND)):
        with open(os.path.join(folder, f'{name}.sse'), 'w', encoding='utf-8') as f:
            f.write(anthropic_stream(text))
    with open(os.path.join(folder, f'{MODEL}.sequence'), 'w', encoding='utf-8') as f:
        f.write('first\nsecond\n')


def stored_path(data_dir):
    stored = chatui.conversations(data_dir)
    assert len(stored) == 1, stored
    return chatui.conversation(data_dir, stored[0]['id'])['messages']


def last_button(steward, name):
    messages = steward.wait_visible('list', 'Messages')
    return ui.wait_for(lambda: ([b for b in ui.find_all(messages, 'push button', name) if ui.is_visible(b)]
                                or [None])[-1],
                       f'a “{name}” button in the conversation')


def shows_only(steward, shown, hidden):
    return chatui.shows_text(steward, shown) and not chatui.shows_text(steward, hidden)


def reply_row_focused(steward):
    for node in ui.find_all(steward.app, 'panel', 'Steward’s reply'):
        if node.getState().contains(ui.pyatspi.STATE_FOCUSED):
            return node
    return None


def body(steward):
    folder = tempfile.mkdtemp(prefix='steward-alternatives-')
    write_fixtures(folder)
    replay = chatui.Replay('anthropic', fixtures_dir=folder)
    try:
        chatui.add_provider(steward.data_dir, replay, model=MODEL)
        # Only the replies go to the server: nothing to remember.
        chatui.cli(steward.data_dir, 'settings', 'set', 'memory.auto', 'false')

        steward.start()
        chatui.open_chat(steward)
        chatui.send(steward, QUESTION)
        ui.wait_for(lambda: chatui.shows_text(steward, FIRST), 'the first reply')
        # One reply: nothing to switch between.
        assert steward.find_visible('push button', 'Previous Reply') is None

        steward.click('push button', 'Regenerate')
        ui.wait_for(lambda: shows_only(steward, SECOND, FIRST), 'the second reply in place of the first')
        steward.wait_visible('label', '2/2')
        steward.wait_visible('push button', 'Previous Reply')
        # Nothing after the last one.
        last = steward.wait_visible('push button', 'Next Reply')
        ui.wait_for(lambda: not last.getState().contains(ui.pyatspi.STATE_SENSITIVE),
                    'Next Reply to be unavailable on the last reply')

        path = ui.wait_for(lambda: (lambda m: m if len(m) == 2 and m[1]['status'] == 'complete' else None)(
                               stored_path(steward.data_dir)),
                           'the second reply to be stored complete')
        assert [m['content'] for m in path] == [QUESTION, SECOND], path

        # Alt+Left with the reply focused shows the first reply again.
        # (The reply's Copy button is the last one; a click with the
        # pointer focuses it.)
        copy = last_button(steward, 'Copy')
        x, y = ui.wait_for(lambda: ui.center(copy), 'the Copy button to be laid out')
        ui.run(['xdotool', 'mousemove', '--sync', str(x), str(y), 'click', '1'])
        ui.wait_for(lambda: copy.getState().contains(ui.pyatspi.STATE_FOCUSED), 'the reply to take the focus')
        steward.key('alt+Left')
        ui.wait_for(lambda: shows_only(steward, FIRST, SECOND), 'the first reply again after Alt+Left')
        steward.wait_visible('label', '1/2')
        # The reply shown in its place keeps the focus: the keys go on
        # working, and nothing goes past the first.
        steward.key('alt+Right')
        ui.wait_for(lambda: shows_only(steward, SECOND, FIRST), 'the second reply after Alt+Right')
        steward.key('alt+Left')
        ui.wait_for(lambda: shows_only(steward, FIRST, SECOND), 'the first reply after Alt+Left again')
        steward.key('alt+Left')
        steward.wait_visible('label', '1/2')
        ui.wait_for(lambda: [m['content'] for m in stored_path(steward.data_dir)] == [QUESTION, FIRST],
                    'the first reply stored as the one shown')

        # By keyboard alone: the reply itself has the focus (Shift+Tab
        # from the composer), and keeps it as the other one comes. (Once
        # the Copy toast is gone: a toast comes between the two in the
        # Tab chain.)
        steward.wait_gone('label', 'Copied to clipboard', timeout=20)
        composer = steward.click('text', 'Message')
        ui.wait_for(lambda: composer.getState().contains(ui.pyatspi.STATE_FOCUSED), 'the composer to take the focus')
        steward.key('shift+Tab')
        ui.wait_for(lambda: reply_row_focused(steward), 'the reply to take the focus')
        steward.key('alt+Right')
        ui.wait_for(lambda: shows_only(steward, SECOND, FIRST), 'the second reply after Alt+Right on the reply')
        ui.wait_for(lambda: reply_row_focused(steward), 'the reply shown to keep the focus')
        steward.key('alt+Left')
        ui.wait_for(lambda: shows_only(steward, FIRST, SECOND), 'the first reply after Alt+Left on the reply')

        # The choice is kept.
        steward.stop()
        steward.start()
        chatui.open_chat(steward)
        conversations = steward.wait_visible('list', 'Conversations')
        ui.click(ui.wait_for(lambda: ui.find(conversations, 'label', QUESTION),
                             'the conversation in the list after a restart'))
        ui.wait_for(lambda: shows_only(steward, FIRST, SECOND), 'the first reply after a restart')
        steward.wait_visible('label', '1/2')

        # The button goes the other way.
        steward.click('push button', 'Next Reply')
        ui.wait_for(lambda: shows_only(steward, SECOND, FIRST), 'the second reply after Next Reply')
        steward.wait_visible('label', '2/2')
        assert len(replay.requests()) == 2, replay.requests()
    finally:
        replay.stop()


ui.main('test-chat-regenerate', body)

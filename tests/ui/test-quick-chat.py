#!/usr/bin/python3
# Quick chat (issue 13): `steward --quick-chat` on a running Steward opens
# exactly one quick window; a question streams its answer from a provider
# (the replay server) and is kept as a conversation marked quick; Up
# brings the question back, Ctrl+C copies the answer, Ctrl+1/2/3 choose
# the model size, Esc hides the window and a second call shows it again;
# Ctrl+Enter takes the conversation into the main window as a normal one.
# With no Steward running, `steward --quick-chat` starts straight into
# quick chat, without the main window.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json

import chatui
import stewardui as ui

chatui.require_tools()

TITLE = 'Quick Chat'
QUESTION = 'Tidy my meeting notes'


def quick_frames(steward):
    return [node for node in ui.find_all(steward.app, 'frame', TITLE) if ui.is_visible(node)]


def quick_window(steward):
    return ui.wait_for(lambda: quick_frames(steward)[0] if quick_frames(steward) else None,
                       'the quick chat window')


def shows_text(root, text):
    return any(text in (node.name or '') for node in ui.find_all(root, 'label'))


def entry(window):
    return ui.wait_for(lambda: ui.find(window, 'text', 'Ask Steward'), 'the quick chat entry')


def conversations(steward):
    return json.loads(chatui.cli(steward.data_dir, 'conversations', 'list', '--json'))


def type_in_quick_chat(text):
    wid = ui.wait_for(lambda: ui.x_window(TITLE), 'the quick chat X window')
    ui.run(['xdotool', 'windowfocus', '--sync', wid])
    ui.run(['xdotool', 'type', '--delay', '5', text])


def body(steward):
    replay = chatui.Replay('anthropic')
    try:
        chatui.add_provider(steward.data_dir, replay)
        expected = chatui.expected_text('anthropic', 'text_stream')
        first_line = expected.splitlines()[0]
        last_item = expected.strip().splitlines()[-1].lstrip('- ')

        steward.start()
        steward.wait_visible('label', 'Ask Steward')

        # From a shortcut: the running Steward opens quick chat, this
        # process ends at once.
        second = steward.run_again('--quick-chat')
        assert second.returncode == 0, second.stderr
        window = quick_window(steward)
        text = entry(window)
        ui.wait_for(lambda: text.getState().contains(ui.pyatspi.STATE_FOCUSED), 'the entry to take the focus')

        # The model size says its value, and Ctrl+3 / Ctrl+1 change it.
        size_button = ui.wait_for(lambda: ui.find(window, 'push button', 'Model Size'), 'the model size button')
        assert size_button.description == 'Medium', size_button.description
        ui.key(TITLE, 'ctrl+3')
        ui.wait_for(lambda: size_button.description == 'Large', 'the model size to read Large')
        ui.key(TITLE, 'ctrl+2')
        ui.wait_for(lambda: size_button.description == 'Medium', 'the model size to read Medium')

        type_in_quick_chat(QUESTION)
        ui.wait_for(lambda: steward.entry_text(text) == QUESTION, 'the entry to read the question')
        ui.key(TITLE, 'Return')

        ui.wait_for(lambda: shows_text(window, first_line) and shows_text(window, last_item),
                    'the streamed answer in the quick window')
        ui.wait_for(lambda: shows_text(window, QUESTION), 'the question above the answer')
        ui.wait_for(lambda: steward.entry_text(text) == '', 'the entry to empty')
        sent = [r for r in replay.requests() if r['method'] == 'POST']
        assert any(m['role'] == 'user' and QUESTION in json.dumps(m['content'])
                   for r in sent for m in r['body'].get('messages', [])), sent

        # Kept, as a conversation marked quick
        listed = ui.wait_for(lambda: [c for c in conversations(steward) if c['quick']] or None,
                             'the quick conversation in the store')
        assert len(listed) == 1 and listed[0]['message_count'] == 2, listed
        quick_id = listed[0]['id']

        # Up in the empty entry brings the question back
        ui.key(TITLE, 'Up')
        ui.wait_for(lambda: steward.entry_text(text) == QUESTION, 'the last question back in the entry')
        ui.key(TITLE, 'ctrl+a', 'BackSpace')
        ui.wait_for(lambda: steward.entry_text(text) == '', 'the entry to empty again')

        # Ctrl+C with nothing selected copies the answer
        ui.key(TITLE, 'ctrl+c')
        ui.wait_for(lambda: ui.find(window, 'label', 'Answer copied'), 'the copied toast')

        # Esc hides it; the main window stays
        ui.key(TITLE, 'Escape')
        ui.wait_for(lambda: not quick_frames(steward), 'the quick window to hide')
        assert steward.find_visible('frame', 'Steward') is not None

        # Shown again by a second call: the same single window
        assert steward.run_again('--quick-chat').returncode == 0
        window = quick_window(steward)
        assert len(quick_frames(steward)) == 1
        assert len(ui.find_all(steward.app, 'frame', TITLE)) == 1

        # A follow-up after reopening is a new conversation
        text = entry(window)
        type_in_quick_chat('One more thing')
        ui.wait_for(lambda: steward.entry_text(text) == 'One more thing', 'the entry to read the follow-up')
        ui.key(TITLE, 'Return')
        ui.wait_for(lambda: len([c for c in conversations(steward) if c['quick']]) == 2,
                    'a second quick conversation')
        ui.wait_for(lambda: shows_text(window, last_item) and steward.entry_text(text) == '',
                    'the second answer')

        # Ctrl+Enter: into the main window, as a normal conversation
        ui.key(TITLE, 'ctrl+Return')
        ui.wait_for(lambda: not quick_frames(steward), 'the quick window to hide after Ctrl+Enter')
        newest = max((c for c in conversations(steward)), key=lambda c: c['id'])
        ui.wait_for(lambda: not [c for c in conversations(steward) if c['id'] == newest['id'] and c['quick']],
                    'the continued conversation to lose its quick mark')
        assert [c for c in conversations(steward) if c['id'] == quick_id and c['quick']]
        ui.wait_for(lambda: chatui.shows_text(steward, 'One more thing'),
                    'the continued conversation in the main window')
        # The first is listed with the rest, marked as asked in quick chat
        ui.wait_for(lambda: [n for n in ui.find_all(steward.app, 'label')
                             if (n.name or '').startswith('Quick chat · ') and ui.is_visible(n)],
                    'the quick conversation marked in the list')
        steward.stop()

        # With none running: quick chat alone, no main window
        steward.start(args=['--quick-chat'], window=TITLE)
        assert steward.find_visible('frame', 'Steward') is None
        window = quick_window(steward)
        entry(window)
        # Escape closes it and, with nothing else open, Steward ends
        ui.key(TITLE, 'Escape')
        assert steward.wait_exit() == 0
    finally:
        replay.stop()


ui.main('test-quick-chat', body)

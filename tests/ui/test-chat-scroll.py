#!/usr/bin/python3
# The conversation view keeps to the end of a conversation unless the
# user scrolls away: choosing one whose last reply is taller than the view
# shows that reply's last lines, not its first, both when the view first
# appears and when switching from another conversation; a long reply
# streaming in keeps its newest lines in view; and scrolling up while it
# streams leaves the view where the user put it, with a button to jump
# back to the newest message.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import sqlite3
import sys
import tempfile

import chatui
import stewardui as ui

WHEN = '2026-01-11T08:00:00.000Z'
ESSAY_QUESTION = 'Tell me everything about lighthouses.'
ESSAY_FIRST = 'Lighthouses, from the start'
ESSAY_LAST = 'And that is the whole story of lighthouses.'
ESSAY_REPLY = '\n\n'.join(
    [f'## {ESSAY_FIRST}']
    + [f'Paragraph {i} about lamps, lenses and keepers, long enough to wrap across the width of the reply.'
       for i in range(60)]
    + [ESSAY_LAST])
SHORT_QUESTION = 'Is the kettle on?'
SHORT_REPLY = 'It is, the tea will be ready in a minute.'
STREAM_LAST = 'That is all about the tides.'
STREAM_PARAGRAPHS = 40
JUMP = 'Jump to Newest Message'


def write_stream_fixture(folder):
    """An Ollama /api/chat stream of a reply many times the view's height,
    six words a line, as `long_stream.ndjson` (about 17 KB)."""
    words = []
    for i in range(STREAM_PARAGRAPHS):
        words += f'Tide paragraph {i} tells of moons, currents and harbours, long enough to wrap.'.split(' ')
        words[-1] += '\n\n'
    words += STREAM_LAST.split(' ')
    with open(os.path.join(folder, 'long_stream.ndjson'), 'w', encoding='utf-8') as f:
        for i in range(0, len(words), 6):
            piece = ' '.join(words[i:i + 6]).replace('\n\n ', '\n\n')
            if i + 6 < len(words) and not piece.endswith('\n\n'):
                piece += ' '
            f.write(json.dumps({'model': 'long_stream', 'created_at': WHEN,
                                'message': {'role': 'assistant', 'content': piece},
                                'done': False}) + '\n')
        f.write(json.dumps({'model': 'long_stream', 'created_at': WHEN,
                            'message': {'role': 'assistant', 'content': ''},
                            'done': True, 'done_reason': 'stop',
                            'prompt_eval_count': 12, 'eval_count': len(words)}) + '\n')


def fill_store(data_dir):
    # The CLI creates the schema through the core, as a user would.
    chatui.cli(data_dir, 'conversations', 'list')
    with sqlite3.connect(os.path.join(data_dir, 'steward.db')) as db:
        chatui.store_conversation(db, 'Lighthouses', WHEN, [(ESSAY_QUESTION, ESSAY_REPLY)])
        chatui.store_conversation(db, 'Kettle', '2026-01-12T08:00:00.000Z', [(SHORT_QUESTION, SHORT_REPLY)])


def extents(node):
    box = node.queryComponent().getExtents(ui.pyatspi.DESKTOP_COORDS)
    return box.y, box.y + box.height


def label(steward, text):
    messages = steward.find_visible('list', 'Messages')
    if messages is None:
        return None
    return next((node for node in ui.find_all(messages, 'label') if node.name == text), None)


def in_view(steward, text):
    """Whether the label reading @text lies within the conversation view."""
    messages = steward.find_visible('list', 'Messages')
    node = label(steward, text) if isinstance(text, str) else text
    if messages is None or node is None:
        return False
    top, bottom = extents(messages)
    node_top, node_bottom = extents(node)
    return node_bottom > node_top and node_top >= top and node_bottom <= bottom


def above_view(steward, text):
    messages = steward.find_visible('list', 'Messages')
    node = label(steward, text)
    if messages is None or node is None:
        return False
    return extents(node)[1] <= extents(messages)[0]


def painted(node):
    """Whether the screen shows dark pixels (text) where @node is: the view
    draws only what is in view, so a label in view must not be blank."""
    box = node.queryComponent().getExtents(ui.pyatspi.DESKTOP_COORDS)
    shot = tempfile.NamedTemporaryFile(suffix='.png', delete=False).name
    try:
        ui.run(['import', '-window', 'root', '-crop', f'{box.width}x{box.height}+{box.x}+{box.y}', shot])
        darkest = float(ui.run(['convert', shot, '-colorspace', 'Gray', '-format', '%[fx:minima]', 'info:']).stdout)
    finally:
        os.unlink(shot)
    # Text, even dimmed, is well darker than the light background.
    return darkest < 0.8


def check_painted(steward, when):
    messages = steward.find_visible('list', 'Messages')
    top, bottom = extents(messages)
    shown = [node for node in ui.find_all(messages, 'label')
             if node.name and top <= extents(node)[0] < extents(node)[1] <= bottom]
    assert shown, f'no text in view {when}'
    # The first, the last and a few between.
    shown = shown[::max(1, len(shown) // 5)] + shown[-1:]
    blank = [node.name for node in shown if not painted(node)]
    assert not blank, f'text in view but not drawn {when}: {blank}'


def check_at_end(steward, when):
    ui.wait_for(lambda: in_view(steward, ESSAY_LAST),
                f'the reply’s last paragraph in view {when}')
    # Not a passing glimpse: it stays there once the rows are laid out.
    ui.time.sleep(0.5)
    assert in_view(steward, ESSAY_LAST), f'the last paragraph scrolled away {when}'
    assert above_view(steward, ESSAY_FIRST), f'the reply’s heading is not above the view {when}'
    check_painted(steward, when)


def choose(steward, title):
    conversations = steward.wait_visible('list', 'Conversations')
    row = ui.wait_for(lambda: ui.find(conversations, 'label', title), f'“{title}” in the list')
    ui.wait_for(lambda: ui.center(row), f'“{title}” to be laid out')
    ui.click(row)


def reply_done(steward):
    stored = chatui.conversations(steward.data_dir)
    newest = max(stored, key=lambda c: c['id'])
    messages = chatui.conversation(steward.data_dir, newest['id'])['messages']
    return messages[-1]['role'] == 'assistant' and messages[-1]['status'] == 'complete'


def last_stream_label(steward):
    messages = steward.find_visible('list', 'Messages')
    labels = [node for node in ui.find_all(messages, 'label')
              if node.name.startswith('Tide paragraph') or node.name == STREAM_LAST] if messages else []
    return labels[-1] if labels else None


def body(steward):
    fill_store(steward.data_dir)
    fixtures = tempfile.mkdtemp(prefix='steward-scroll-')
    write_stream_fixture(fixtures)
    # 40 bytes every 25 ms: about nine seconds of streaming, time to look
    # and scroll while it does, even when the accessibility bus is slow.
    replay = chatui.Replay('ollama', dribble=40, delay_ms=25, fixtures_dir=fixtures)
    try:
        chatui.cli(steward.data_dir, 'provider', 'add', 'local', '--kind', 'ollama',
                   '--base-url', replay.url, '--model', 'long_stream')
        chatui.cli(steward.data_dir, 'tier', 'set', 'medium', 'local', 'long_stream')
        # Facts proposed from that reply would be the same reply, not JSON.
        chatui.cli(steward.data_dir, 'settings', 'set', 'memory.auto', 'false')
        run(steward)
    finally:
        replay.stop()
        ui.shutil.rmtree(fixtures, ignore_errors=True)


def wheel_up(steward, clicks):
    messages = steward.find_visible('list', 'Messages')
    x, y = ui.center(messages)
    ui.run(['xdotool', 'mousemove', '--sync', str(x), str(y)])
    for _ in range(clicks):
        ui.run(['xdotool', 'click', '4'])


def send_in_new_conversation(steward, text):
    """Restart the app and send @text in a new conversation. (Each part
    starts the app afresh: GTK 4.8 leaves the rows of a replaced
    conversation in the accessible tree, which makes walking it slow.)"""
    steward.stop()
    steward.start()
    chatui.open_chat(steward)
    steward.click('push button', 'New Conversation')
    chatui.send(steward, text)


def run(steward):
    # The conversation view is hidden until a conversation is chosen.
    steward.start()
    chatui.open_chat(steward)
    choose(steward, 'Lighthouses')
    check_at_end(steward, 'when the view first appears')
    assert steward.find_visible('push button', JUMP) is None, 'a jump button at the end'

    # From a conversation already shown to the tall one.
    choose(steward, 'Kettle')
    ui.wait_for(lambda: chatui.shows_text(steward, SHORT_REPLY), 'the Kettle conversation')
    choose(steward, 'Lighthouses')
    check_at_end(steward, 'after switching from another conversation')

    # Scrolling back through the tall reply shows each part of it.
    wheel_up(steward, 8)
    ui.time.sleep(0.5)
    assert not in_view(steward, ESSAY_LAST), 'the wheel did not scroll the reply'
    check_painted(steward, 'after scrolling back through a tall reply')

    # A long reply streaming in: its newest lines stay in view as it grows.
    send_in_new_conversation(steward, 'Tell me about the tides')
    ui.wait_for(lambda: chatui.shows_text(steward, 'Tide paragraph 10 '), 'the reply to stream')
    newest = last_stream_label(steward)
    assert not reply_done(steward), 'the reply ended before the view was looked at'
    assert newest is not None and in_view(steward, newest), \
        f'the newest line “{newest.name if newest else None}” is not in view while streaming'
    ui.wait_for(lambda: reply_done(steward), 'the streamed reply to be complete', timeout=30)
    ui.wait_for(lambda: in_view(steward, STREAM_LAST), 'the streamed reply’s last line in view')
    ui.time.sleep(0.5)
    assert in_view(steward, STREAM_LAST), 'the streamed reply’s last line scrolled away'

    # Scrolling up while a reply streams: the view stays where it was put.
    send_in_new_conversation(steward, 'Tell me about the tides, and scroll')
    ui.wait_for(lambda: chatui.shows_text(steward, 'Tide paragraph 8 '), 'the reply to stream again')
    wheel_up(steward, 15)
    assert not reply_done(steward), 'the reply ended before the view was scrolled'
    ui.wait_for(lambda: reply_done(steward), 'the reply to be complete again', timeout=60)
    ui.time.sleep(0.5)
    assert chatui.shows_text(steward, STREAM_LAST)
    assert not in_view(steward, STREAM_LAST), 'the view followed the reply after the user scrolled up'
    check_painted(steward, 'after scrolling up through the reply')

    # Scrolled up, a button jumps back to the newest message, and goes.
    ui.click(steward.wait_visible('push button', JUMP))
    ui.wait_for(lambda: in_view(steward, STREAM_LAST), 'the jump to bring the newest line into view')
    steward.wait_gone('push button', JUMP)


if not ui.STEWARD_CLI or not os.access(ui.STEWARD_CLI, os.X_OK):
    print('# steward-cli is not built')
    sys.exit(ui.SKIP)

ui.main('test-chat-scroll', body)

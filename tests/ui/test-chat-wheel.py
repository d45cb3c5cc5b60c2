#!/usr/bin/python3
# The wheel over a wide code block or table: scrolling up and down moves
# the conversation, as it does anywhere else in a reply (the block's own
# sideways scroller must not swallow it), while scrolling sideways, or
# Shift with the wheel, moves the block's lines and not the conversation.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sqlite3

import chatui
import stewardui as ui

WHEN = '2026-01-11T08:00:00.000Z'
CODE_FIRST = 'wide = ["'
CODE = '\n'.join([CODE_FIRST + '", "'.join(f'item {i}' for i in range(60)) + '"]',
                  'narrow = 1',
                  'print(len(wide), narrow)'])
COLUMNS = 9
TABLE = '\n'.join(['| ' + ' | '.join(f'Heading {c}' for c in range(COLUMNS)) + ' |',
                   '|' + ' --- |' * COLUMNS]
                  + ['| ' + ' | '.join(f'cell {r}.{c} of the table' for c in range(COLUMNS)) + ' |'
                     for r in range(3)])
REPLY = '\n\n'.join(
    [f'Paragraph {i} before the code, long enough to wrap across the width of the reply.'
     for i in range(30)]
    + ['```python\n' + CODE + '\n```', TABLE, 'That is all.'])


def fill_store(data_dir):
    # The CLI creates the schema through the core, as a user would.
    chatui.cli(data_dir, 'conversations', 'list')
    with sqlite3.connect(os.path.join(data_dir, 'steward.db')) as db:
        chatui.store_conversation(db, 'Wide things', WHEN, [('Show me something wide.', REPLY)])


def scrollbar_value(pane, state):
    """The value of @pane's own scroll bar in the orientation @state."""
    for i in range(pane.childCount):
        bar = pane.getChildAtIndex(i)
        if bar is None or bar.getRoleName() != 'scroll bar' or not bar.getState().contains(state):
            continue
        value = ui.find(bar, 'filler', 'GtkRange') or bar
        return value.queryValue().currentValue
    raise LookupError('no such scroll bar')


def block_pane(node):
    # The block's content ← its viewport ← its own scrolled window.
    pane = node.parent.parent
    assert pane.getRoleName() == 'scroll pane', f'{node.name} is not in a scroll pane'
    return pane


class View:
    """The conversation's scrolled window and the blocks' own, found once:
    walking the whole accessible tree at each poll is slow."""

    def __init__(self, steward):
        messages = steward.find_visible('list', 'Messages')
        # Messages list ← AdwClampScrollable ← the conversation's scrolled window.
        self.pane = messages.parent.parent
        self.messages = messages
        label = next(node for node in ui.find_all(messages, 'label') if node.name.startswith(CODE_FIRST))
        self.code = block_pane(label)
        self.table = block_pane(ui.find(messages, 'panel', 'Table'))


def vertical(view):
    return scrollbar_value(view.pane, ui.pyatspi.STATE_VERTICAL)


def sideways(pane):
    return scrollbar_value(pane, ui.pyatspi.STATE_HORIZONTAL)


def in_view(view, pane):
    """Whether all of @pane lies within the conversation view."""
    view = view.pane.queryComponent().getExtents(ui.pyatspi.DESKTOP_COORDS)
    box = pane.queryComponent().getExtents(ui.pyatspi.DESKTOP_COORDS)
    return box.height > 0 and box.y >= view.y and box.y + box.height <= view.y + view.height


def point_at(pane):
    x, y = ui.center(pane)
    # --sync waits for the pointer to move: not when it is there already.
    here = ui.run(['xdotool', 'getmouselocation', '--shell']).stdout
    if f'X={x}\nY={y}\n' not in here:
        ui.run(['xdotool', 'mousemove', '--sync', str(x), str(y)])


def wheel(button, shift=False):
    if shift:
        ui.run(['xdotool', 'keydown', 'shift', 'click', button, 'keyup', 'shift'])
    else:
        ui.run(['xdotool', 'click', button])


def check_vertical(view, pane, button, what):
    """The wheel turned over the block scrolls the conversation, not the block."""
    assert in_view(view, pane), f'the {what} is out of view'
    before, block_before = vertical(view), sideways(pane)
    point_at(pane)
    wheel(button)
    if button == '4':
        ui.wait_for(lambda: vertical(view) < before - 10,
                    f'the wheel up over the {what} to scroll the conversation (at {before})')
    else:
        ui.wait_for(lambda: vertical(view) > before + 10,
                    f'the wheel down over the {what} to scroll the conversation (at {before})')
    assert sideways(pane) == block_before, f'the wheel scrolled the {what} sideways'


def check_sideways(view, pane, what, button, shift=False):
    """Sideways scrolling over the block scrolls the block, not the conversation."""
    assert in_view(view, pane), f'the {what} is out of view'
    before, conversation_before = sideways(pane), vertical(view)
    point_at(pane)
    wheel(button, shift)
    how = 'Shift and the wheel' if shift else 'sideways scrolling'
    ui.wait_for(lambda: sideways(pane) > before, f'{how} over the {what} to scroll it (at {before})')
    assert vertical(view) == conversation_before, f'{how} over the {what} scrolled the conversation'


def body(steward):
    fill_store(steward.data_dir)
    # Only for the Chat page to show conversations: nothing is sent.
    replay = chatui.Replay('ollama')
    try:
        chatui.cli(steward.data_dir, 'provider', 'add', 'local', '--kind', 'ollama',
                   '--base-url', replay.url, '--model', 'text_stream')
        chatui.cli(steward.data_dir, 'tier', 'set', 'medium', 'local', 'text_stream')
        run(steward)
    finally:
        replay.stop()


def run(steward):
    steward.start()
    chatui.open_chat(steward)
    conversations = steward.wait_visible('list', 'Conversations')
    row = ui.wait_for(lambda: ui.find(conversations, 'label', 'Wide things'), 'the conversation in the list')
    ui.wait_for(lambda: ui.center(row), 'the conversation to be laid out')
    ui.click(row)

    # The view opens at the reply's end, with both blocks in view and
    # wider than it. Nothing has scrolled the conversation yet: the first
    # wheel turn lands on a block.
    view = ui.wait_for(lambda: View(steward), 'the code block and the table')
    ui.wait_for(lambda: in_view(view, view.code) and in_view(view, view.table),
                'the code block and the table in view')

    check_vertical(view, view.code, '4', 'code block')
    check_sideways(view, view.code, 'code block', '7')
    check_sideways(view, view.code, 'code block', '5', shift=True)

    check_vertical(view, view.table, '5', 'table')
    check_sideways(view, view.table, 'table', '7')
    check_sideways(view, view.table, 'table', '5', shift=True)

    # The wheel over a paragraph scrolls the conversation as ever, and
    # over a block afterwards each way still goes where it should.
    before = vertical(view)
    x, _ = ui.center(view.messages)
    top = view.messages.queryComponent().getExtents(ui.pyatspi.DESKTOP_COORDS).y
    ui.run(['xdotool', 'mousemove', '--sync', str(x), str(top + 20)])
    wheel('4')
    ui.wait_for(lambda: vertical(view) < before, 'the wheel over a paragraph to scroll the conversation')
    check_sideways(view, view.code, 'code block after a paragraph', '7')
    check_vertical(view, view.code, '5', 'code block after a paragraph')


ui.main('test-chat-wheel', body)

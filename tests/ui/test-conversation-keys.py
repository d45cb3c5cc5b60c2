#!/usr/bin/python3
# The conversation list is one Tab stop: Tab reaches a row itself (not the
# row's menu button), Tab and Shift+Tab leave the list at once from any
# row, and the rows answer the keys of their menu: Menu and Shift+F10
# open it, F2 renames, Delete deletes (with Undo). In selection mode Space
# checks the focused row.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sqlite3

import chatui
import stewardui as ui

chatui.require_tools()

WHEN = '2026-02-03T09:00:00.000Z'
TITLES = ['Trip to Porto', 'Groceries', 'Book club']


def focused(steward):
    for node in ui.walk(steward.frame):
        if node.getState().contains(ui.pyatspi.STATE_FOCUSED):
            return node
    return None


def in_list(node, name='Conversations'):
    while node is not None:
        if node.getRoleName() == 'list' and node.name == name:
            return True
        node = node.parent
    return False


def row_title(node):
    """The title of the conversation row @node is, or None."""
    if node is None or node.getRoleName() != 'list item' or not in_list(node):
        return None
    for label in ui.find_all(node, 'label'):
        if label.name in TITLES:
            return label.name
    return None


def focus_is(steward, predicate, what):
    """Wait until the focused node satisfies @predicate; return it."""
    def check():
        node = focused(steward)
        return node if predicate(node) else None
    try:
        return ui.wait_for(check, what)
    except ui.TestFailure as error:
        raise ui.TestFailure(f'{error}; the focus is on {describe(focused(steward))}') from None


def describe(node):
    return f'{node.getRoleName()} “{node.name}”' if node is not None else 'nothing'


def press_until(steward, key, predicate, what, tries=12):
    """Press @key until the focus satisfies @predicate."""
    for _ in range(tries):
        steward.key(key)
        try:
            return ui.wait_for(lambda: predicate(focused(steward)), what, timeout=1)
        except ui.TestFailure:
            continue
    raise ui.TestFailure(f'{what}: focus on {describe(focused(steward))}')


def refocus_window(steward):
    """Without a window manager under Xvfb, the X focus does not come back
    to the window when a popover closes, as it does on a desktop."""
    wid = ui.wait_for(lambda: ui.x_window('Steward'), 'the main window')
    ui.run(['xdotool', 'windowfocus', '--sync', wid])


def is_select_button(node):
    return node is not None and node.name == 'Select Conversations'


def shown_titles(conversations):
    return [t for t in TITLES if ui.find(conversations, 'label', t) is not None]


def undo_button(steward):
    for node in ui.find_all(steward.app, 'push button'):
        if node.name and 'Undo' in node.name.replace('_', ' ').split() and ui.is_visible(node):
            return node
    return None


def body(steward):
    chatui.cli(steward.data_dir, 'provider', 'add', 'local', '--kind', 'ollama',
               '--base-url', 'http://127.0.0.1:9', '--model', 'm')
    with sqlite3.connect(os.path.join(steward.data_dir, 'steward.db')) as db:
        for title in reversed(TITLES):
            chatui.store_conversation(db, title, WHEN, [('Hello', 'Noted.')])

    steward.start()
    chatui.open_chat(steward)
    conversations = steward.wait_visible('list', 'Conversations')
    ui.wait_for(lambda: shown_titles(conversations) == TITLES, 'the conversations')

    # From the composer of a new conversation, backwards to New
    # Conversation above the list.
    composer = steward.click('text', 'Message')
    ui.wait_for(lambda: composer.getState().contains(ui.pyatspi.STATE_FOCUSED), 'the composer’s focus')
    press_until(steward, 'shift+Tab', lambda n: n is not None and n.name == 'New Conversation',
                'Shift+Tab to reach New Conversation')

    # Tab enters the list on a row itself, not on its menu button.
    first = press_until(steward, 'Tab', lambda n: n is not None and in_list(n), 'Tab to enter the list', tries=3)
    first = focused(steward)
    assert row_title(first) is not None, f'Tab into the list focused {describe(first)}'

    # Ctrl+Down moves between rows without opening them (so the view
    # stays empty: GTK 4.8 selectable labels that take no focus, as in the
    # messages, stop Tab); Tab leaves the list from any row, at once.
    steward.key('ctrl+Down')
    focus_is(steward, lambda n: row_title(n) == 'Groceries', 'Ctrl+Down to focus the next row')
    steward.key('Tab')
    after = focus_is(steward, lambda n: n is not None and not in_list(n), 'Tab to leave the list')
    print(f'# Tab from the list went to {describe(after)}')

    # Shift+Tab comes back to the list: to the row focused last.
    steward.key('shift+Tab')
    focus_is(steward, lambda n: row_title(n) is not None, 'Shift+Tab to come back to a row')
    steward.key('ctrl+Down')
    focus_is(steward, lambda n: row_title(n) == 'Book club', 'Ctrl+Down to the last row')
    steward.key('shift+Tab')
    focus_is(steward, is_select_button, 'Shift+Tab from the last row to leave the list at once')
    assert after is not None

    # Coming back into the list, the focus goes to the open conversation,
    # wherever it was last in the list.
    ui.click(ui.wait_for(lambda: ui.find(conversations, 'label', 'Trip to Porto'), 'the first row'))
    ui.wait_for(lambda: chatui.shows_text(steward, 'Noted.'), 'the conversation to open')
    focus_is(steward, lambda n: row_title(n) == 'Trip to Porto', 'the click to focus the row')
    steward.key('ctrl+Down')
    focus_is(steward, lambda n: row_title(n) == 'Groceries', 'Ctrl+Down to move the focus alone')
    steward.key('shift+Tab')
    focus_is(steward, is_select_button, 'Shift+Tab to leave the list')
    steward.key('Tab')
    focus_is(steward, lambda n: row_title(n) == 'Trip to Porto', 'Tab to come back to the open conversation')

    # The row's menu from the keyboard: Menu, and Shift+F10.
    row = focus_is(steward, lambda n: row_title(n) is not None, 'a focused row')
    title = row_title(row)
    for keys in (['Menu'], ['shift+F10']):
        steward.key(*keys)
        steward.wait_visible('menu item', 'Rename…')
        steward.key('Escape')
        steward.wait_gone('menu item', 'Rename…')
        refocus_window(steward)
        focus_is(steward, lambda n: row_title(n) == title, 'the focus back on the row')

    # F2 renames the focused row's conversation.
    steward.key('F2')
    ui.wait_for(lambda: steward.find_visible('frame', 'Rename Conversation') or
                steward.find_visible('dialog', 'Rename Conversation') or
                steward.find_visible('label', 'Rename Conversation'), 'F2 to ask for a new title')
    steward.key('Escape', window='Rename Conversation')
    ui.wait_for(lambda: steward.find_visible('label', 'Rename Conversation') is None, 'the dialog to close')
    refocus_window(steward)

    # Delete deletes it, with Undo; the list keeps the focus.
    ui.wait_for(lambda: row_title(focused(steward)) == title, 'the focus back on the row')
    steward.key('Delete')
    ui.wait_for(lambda: title not in shown_titles(conversations), 'Delete to take the row out')
    focus_is(steward, lambda n: row_title(n) is not None, 'the focus to stay in the list')
    ui.click(ui.wait_for(lambda: undo_button(steward), 'the toast’s Undo'))
    ui.wait_for(lambda: shown_titles(conversations) == TITLES, 'Undo to bring it back')

    # Selection mode: Space checks the focused row, Escape leaves.
    select = ui.wait_for(lambda: steward.find_visible('push button', 'Select Conversations') or
                         steward.find_visible('toggle button', 'Select Conversations'), 'Select')
    # With the pointer, so that the button takes the focus.
    x, y = ui.wait_for(lambda: ui.center(select), 'the Select button laid out')
    ui.run(['xdotool', 'mousemove', '--sync', str(x), str(y), 'click', '1'])
    steward.wait_visible('label', 'No conversations selected')
    focus_is(steward, is_select_button, 'the Select button to take the focus')
    steward.key('Tab')
    focus_is(steward, lambda n: row_title(n) is not None, 'Tab to a row in selection mode')
    steward.key('space')
    steward.wait_visible('label', '1 selected')
    steward.key('Escape')
    steward.wait_gone('label', '1 selected')
    ui.wait_for(lambda: steward.find_visible('check box', f'Select “{TITLES[0]}”') is None,
                'Escape to leave selection mode')


ui.main('test-conversation-keys', body)

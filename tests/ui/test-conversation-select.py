#!/usr/bin/python3
# Selection mode in the conversation list: the Select button shows a check
# on every row; a click on a row checks it instead of opening it; Delete
# takes all the checked conversations out at once, with one toast whose
# Undo brings them all back (and reopens the one that was open). Without
# Undo, the store forgets them when the toast goes. Escape leaves the mode.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sqlite3

import chatui
import stewardui as ui

chatui.require_tools()

WHEN = '2026-02-03T09:00:00.000Z'
TITLES = ['Trip to Porto', 'Groceries', 'Failed: hi', 'Book club', 'Tax return']
REPLY = 'The Alfa Pendular, from Santa Apolónia.'


def undo_button(steward):
    # libadwaita 1.2 names the toast's button from its label and its
    # mnemonic label together ("_Undo Undo"), so match on the word.
    for node in ui.find_all(steward.app, 'push button'):
        if node.name and 'Undo' in node.name.replace('_', ' ').split() and ui.is_visible(node):
            return node
    return None


def shown_titles(conversations):
    return [t for t in TITLES if ui.find(conversations, 'label', t) is not None]


def check_box(steward, title):
    return steward.find_visible('check box', f'Select “{title}”')


def checked(node):
    return node.getState().contains(ui.pyatspi.STATE_CHECKED)


def select_button(steward):
    # GTK 4.8 gives a toggle button the role of a push button, pressed.
    return (steward.find_visible('toggle button', 'Select Conversations') or
            steward.find_visible('push button', 'Select Conversations'))


def pressed(node):
    state = node.getState()
    return state.contains(ui.pyatspi.STATE_CHECKED) or state.contains(ui.pyatspi.STATE_PRESSED)


def enter_selection_mode(steward):
    select = ui.wait_for(lambda: select_button(steward), 'the Select Conversations button')
    ui.click(select)
    ui.wait_for(lambda: all(check_box(steward, t) for t in shown_titles(steward.find_visible('list', 'Conversations'))),
                'a check on every row')
    return select


def check_three(steward, conversations):
    # Two by clicking their rows, as a mouse user does…
    for title in ('Trip to Porto', 'Failed: hi'):
        ui.click(ui.wait_for(lambda: ui.find(conversations, 'label', title), f'the row “{title}”'))
        ui.wait_for(lambda: checked(check_box(steward, title)), f'the click to check “{title}”')
    # …and one with its check, as a screen reader does.
    ui.click(check_box(steward, 'Book club'))
    ui.wait_for(lambda: checked(check_box(steward, 'Book club')), 'the check of “Book club”')
    steward.wait_visible('label', '3 selected')


def body(steward):
    chatui.cli(steward.data_dir, 'provider', 'add', 'local', '--kind', 'ollama',
               '--base-url', 'http://127.0.0.1:9', '--model', 'm')
    with sqlite3.connect(os.path.join(steward.data_dir, 'steward.db')) as db:
        for title in reversed(TITLES):
            reply = REPLY if title == 'Trip to Porto' else 'Noted.'
            chatui.store_conversation(db, title, WHEN, [('Hello', reply)])

    steward.start()
    chatui.open_chat(steward)
    conversations = steward.wait_visible('list', 'Conversations')
    ui.click(ui.wait_for(lambda: ui.find(conversations, 'label', 'Trip to Porto'), 'the conversation'))
    ui.wait_for(lambda: chatui.shows_text(steward, REPLY), 'the conversation to open')

    # Escape leaves selection mode, checks and all.
    select = enter_selection_mode(steward)
    steward.wait_visible('label', 'No conversations selected')
    steward.key('Escape')
    ui.wait_for(lambda: check_box(steward, 'Groceries') is None, 'Escape to leave selection mode')
    ui.wait_for(lambda: not pressed(select), 'the Select button to pop up')

    # In selection mode a click checks a row; it opens nothing.
    enter_selection_mode(steward)
    check_three(steward, conversations)
    assert chatui.shows_text(steward, REPLY), 'a click in selection mode changed the conversation shown'
    assert not checked(check_box(steward, 'Groceries'))

    ui.click(steward.wait_visible('push button', 'Delete'))
    ui.wait_for(lambda: shown_titles(conversations) == ['Groceries', 'Tax return'], 'the three rows to go at once')
    ui.wait_for(lambda: check_box(steward, 'Groceries') is None, 'Delete to leave selection mode')
    steward.wait_visible('label', '3 conversations deleted')
    ui.wait_for(lambda: not chatui.shows_text(steward, REPLY), 'the view to close the open one')

    ui.click(ui.wait_for(lambda: undo_button(steward), 'the toast’s Undo button'))
    ui.wait_for(lambda: shown_titles(conversations) == TITLES, 'Undo to bring all three back')
    ui.wait_for(lambda: chatui.shows_text(steward, REPLY), 'Undo to reopen the open one')
    assert sorted(c['title'] for c in chatui.conversations(steward.data_dir)) == sorted(TITLES)

    if os.environ.get('STEWARD_SCREENSHOT'):
        enter_selection_mode(steward)
        check_three(steward, conversations)
        ui.run(['import', '-window', 'root', os.environ['STEWARD_SCREENSHOT']])
        steward.key('Escape')
        ui.wait_for(lambda: check_box(steward, 'Groceries') is None, 'Escape to leave selection mode')

    # Again, without Undo: when the toast goes, the store forgets them.
    enter_selection_mode(steward)
    check_three(steward, conversations)
    ui.click(steward.wait_visible('push button', 'Delete'))
    ui.wait_for(lambda: shown_titles(conversations) == ['Groceries', 'Tax return'], 'the three rows to go')
    ui.wait_for(lambda: sorted(c['title'] for c in chatui.conversations(steward.data_dir)) ==
                ['Groceries', 'Tax return'],
                'the store to forget them when the toast goes', timeout=30)


ui.main('test-conversation-select', body)

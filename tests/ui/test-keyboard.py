#!/usr/bin/python3
# Steward by keyboard alone, as a screen-reader user meets it:
#
# - The sidebar's pages are one Tab stop: the focus enters on the page
#   showing, arrows move it without switching pages, Enter switches, and
#   Tab leaves for the page's own widgets.
# - The message list is one Tab stop: Shift+Tab from the composer lands
#   on the last message in view, Up and Down move between messages, Tab
#   goes through a message's buttons and on to the composer, Shift+Tab
#   out of the list, Escape back to the composer. Typed text then goes to
#   the composer.
# - F6 and Shift+F6 move between the panes.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sqlite3

import chatui
import stewardui as ui

chatui.require_tools()

WHEN = '2026-03-04T10:00:00.000Z'
EXCHANGES = [
    ('What goes into a good bread?', 'Flour, **water**, salt and yeast.\n\n```\nflour = 500\n```'),
    ('How long does it rise?', 'About an hour, until it has *doubled*.'),
]


def focused(steward):
    """The accessible that has the keyboard focus."""
    for node in ui.walk(steward.app):
        try:
            if node.getState().contains(ui.pyatspi.STATE_FOCUSED) and ui.is_visible(node):
                return node
        except Exception:
            continue
    return None


def describe(node):
    return f'{node.getRoleName()} “{node.name}”' if node is not None else 'nothing'


def inside(node, ancestor):
    while node is not None:
        if node == ancestor:
            return True
        node = node.parent
    return False


def press(steward, key, predicate, what):
    """Press @key; returns the accessible that then has the focus."""
    def check():
        node = focused(steward)
        return node if predicate(node) else None

    steward.key(key)
    return ui.wait_for(check, f'{key} to move the focus to {what}')


def is_named(role, name):
    return lambda node: node is not None and node.getRoleName() == role and node.name == name


def check_sidebar(steward):
    pages = steward.wait_visible('list', 'Pages')
    chat_row = ui.find(pages, 'list item', 'Chat')
    ui.wait_for(lambda: chat_row.getState().contains(ui.pyatspi.STATE_SELECTED),
                'the Chat row to read as selected')

    # Into the sidebar from the search entry: on the page showing.
    steward.click('entry', 'Search')
    press(steward, 'Tab', is_named('list item', 'Chat'), 'the Chat row')

    # Arrows move the focus, not the page.
    press(steward, 'Down', is_named('list item', 'Tasks'), 'the Tasks row')
    press(steward, 'Down', is_named('list item', 'Documents'), 'the Documents row')
    assert steward.page_showing() == 'Chat', steward.page_showing()
    assert chat_row.getState().contains(ui.pyatspi.STATE_SELECTED)

    # Enter switches.
    steward.key('Return')
    steward.wait_page('Documents')
    press(steward, 'Up', is_named('list item', 'Tasks'), 'the Tasks row')
    steward.key('space')
    steward.wait_page('Tasks')

    # Tab leaves the sidebar at once, for the page.
    press(steward, 'Tab', lambda node: node is not None and not inside(node, pages),
          'out of the sidebar')

    # Back to Chat, by keyboard.
    press(steward, 'shift+Tab', is_named('list item', 'Tasks'), 'the Tasks row')
    press(steward, 'Up', is_named('list item', 'Chat'), 'the Chat row')
    steward.key('Return')
    steward.wait_page('Chat')


def check_messages(steward):
    messages = steward.wait_visible('list', 'Messages')
    composer = steward.click('text', 'Message')
    ui.wait_for(lambda: composer.getState().contains(ui.pyatspi.STATE_FOCUSED), 'the composer to take the focus')

    # Shift+Tab: the newest message, as a whole.
    reply = press(steward, 'shift+Tab', is_named('panel', 'Steward’s reply'), 'the last reply')
    assert inside(reply, messages)
    assert ui.find(reply, 'label', 'About an hour, until it has doubled.') is not None, \
        [n.name for n in ui.find_all(reply, 'label')]

    # Up and Down between messages.
    press(steward, 'Up', is_named('panel', 'Your message'), 'the question before it')
    press(steward, 'Up', is_named('panel', 'Steward’s reply'), 'the first reply')
    press(steward, 'Down', is_named('panel', 'Your message'), 'the second question')

    # Tab: the message's buttons, then the composer; never stuck.
    press(steward, 'Tab', is_named('push button', 'Copy'), 'the question’s Copy button')
    press(steward, 'Tab', is_named('push button', 'Edit'), 'its Edit button')
    press(steward, 'Tab', is_named('push button', 'Extract Tasks'), 'its Extract Tasks button')
    press(steward, 'Tab', lambda node: node == composer, 'the composer')

    # Shift+Tab from a message leaves the list, for the conversations.
    conversations = steward.find_visible('list', 'Conversations')
    press(steward, 'shift+Tab', is_named('panel', 'Steward’s reply'), 'the last reply again')
    press(steward, 'shift+Tab', lambda node: node is not None and inside(node, conversations),
          'the conversation list')

    # Escape in the list goes back to the composer, and typing works.
    press(steward, 'Tab', lambda node: node is not None and inside(node, messages), 'the message list')
    press(steward, 'Escape', lambda node: node == composer, 'the composer')
    ui.run(['xdotool', 'type', '--delay', '5', 'rye'])
    ui.wait_for(lambda: steward.entry_text(composer) == 'rye', 'typed text to reach the composer')


def check_panes(steward):
    pages = steward.find_visible('list', 'Pages')
    conversations = steward.find_visible('list', 'Conversations')
    messages = steward.find_visible('list', 'Messages')
    composer = steward.find_visible('text', 'Message')

    # From the composer, F6 goes round the panes and back.
    seen = []
    for _ in range(6):
        node = press(steward, 'F6', lambda node: node is not None, 'a pane')
        if inside(node, pages):
            seen.append('sidebar')
        elif inside(node, conversations):
            seen.append('conversations')
        elif inside(node, messages):
            seen.append('messages')
        elif node == composer:
            seen.append('composer')
            break
        else:
            seen.append(describe(node))
    assert seen == ['sidebar', 'conversations', 'messages', 'composer'], seen

    # Shift+F6 goes the other way.
    press(steward, 'shift+F6', lambda node: node is not None and inside(node, messages), 'the messages')
    press(steward, 'shift+F6', lambda node: node is not None and inside(node, conversations),
          'the conversations')


def check_empty(steward):
    # A new conversation: nothing in the empty view takes the focus.
    steward.click('push button', 'New Conversation')
    composer = steward.find_visible('text', 'Message')
    ui.wait_for(lambda: composer.getState().contains(ui.pyatspi.STATE_FOCUSED), 'the composer to take the focus')
    node = press(steward, 'shift+Tab', lambda node: node is not None and node != composer, 'away from the composer')
    assert node.getRoleName() != 'scroll pane', describe(node)


def body(steward):
    chatui.cli(steward.data_dir, 'provider', 'add', 'local', '--kind', 'ollama',
               '--base-url', 'http://127.0.0.1:9', '--model', 'm')
    with sqlite3.connect(os.path.join(steward.data_dir, 'steward.db')) as db:
        chatui.store_conversation(db, 'Baking bread', WHEN, EXCHANGES)

    steward.start()
    chatui.open_chat(steward)
    conversations = steward.wait_visible('list', 'Conversations')
    ui.click(ui.wait_for(lambda: ui.find(conversations, 'label', 'Baking bread'),
                         'the conversation in the list'))
    ui.wait_for(lambda: chatui.shows_text(steward, 'About an hour, until it has doubled.'),
                'the conversation to open')

    check_sidebar(steward)
    check_messages(steward)
    check_panes(steward)
    check_empty(steward)


ui.main('test-keyboard', body)

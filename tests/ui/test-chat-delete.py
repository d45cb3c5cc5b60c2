#!/usr/bin/python3
# Deleting a conversation from its row's menu takes it out of the list at
# once, with Undo in a toast; Undo brings it back, and reopens it when it
# was the conversation open. Undone, nothing is deleted from the store.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import sqlite3

import chatui
import stewardui as ui

chatui.require_tools()

WHEN = '2026-02-03T09:00:00.000Z'
QUESTION = 'Which train goes to Porto?'
REPLY = 'The Alfa Pendular, from Santa Apolónia.'


def undo_button(steward):
    # libadwaita 1.2 names the toast's button from its label and its
    # mnemonic label together ("_Undo Undo"), so match on the word.
    for node in ui.find_all(steward.app, 'push button'):
        if node.name and 'Undo' in node.name.replace('_', ' ').split() and ui.is_visible(node):
            return node
    return None


def row_of(conversations, title):
    for item in ui.find_all(conversations, 'list item'):
        if ui.find(item, 'label', title) is not None:
            return item
    return None


def body(steward):
    chatui.cli(steward.data_dir, 'provider', 'add', 'local', '--kind', 'ollama',
               '--base-url', 'http://127.0.0.1:9', '--model', 'm')
    with sqlite3.connect(os.path.join(steward.data_dir, 'steward.db')) as db:
        chatui.store_conversation(db, 'Trip to Porto', WHEN, [(QUESTION, REPLY)])
        chatui.store_conversation(db, 'Groceries', WHEN, [('Milk?', 'Yes, two litres.')])

    steward.start()
    chatui.open_chat(steward)
    conversations = steward.wait_visible('list', 'Conversations')
    ui.click(ui.wait_for(lambda: ui.find(conversations, 'label', 'Trip to Porto'),
                         'the conversation “Trip to Porto” in the list'))
    ui.wait_for(lambda: chatui.shows_text(steward, REPLY), 'the conversation to open')

    row = ui.wait_for(lambda: row_of(conversations, 'Trip to Porto'), 'its row')
    ui.click(ui.wait_for(lambda: ui.find(row, 'toggle button', 'Conversation Menu') or
                                 ui.find(row, 'push button', 'Conversation Menu'),
                         'the row’s menu button'))
    ui.click(ui.wait_for(lambda: steward.find_visible('menu item', 'Delete'), 'the menu’s Delete'))

    ui.wait_for(lambda: row_of(conversations, 'Trip to Porto') is None, 'the row to go at once')
    ui.wait_for(lambda: not chatui.shows_text(steward, REPLY), 'the view to close it')
    undo = ui.wait_for(lambda: undo_button(steward), 'the toast’s Undo button')

    ui.click(undo)
    ui.wait_for(lambda: row_of(conversations, 'Trip to Porto') is not None, 'Undo to bring the row back')
    ui.wait_for(lambda: chatui.shows_text(steward, REPLY), 'Undo to reopen the conversation')
    titles = [c['title'] for c in json.loads(chatui.cli(steward.data_dir, 'conversations', 'list', '--json'))]
    assert 'Trip to Porto' in titles, titles


ui.main('test-chat-delete', body)

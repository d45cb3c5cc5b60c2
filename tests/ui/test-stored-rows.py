#!/usr/bin/python3
# What the store holds shows up: a conversation written to the database
# appears in the Chat list, a task on the board in its status's column,
# a document project in Documents, and a setting made with the CLI in Preferences.
# What another process writes while the app runs shows up too, and what
# it deletes goes.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sqlite3
import sys

import stewardui as ui

NOW = "strftime('%Y-%m-%dT%H:%M:%fZ','now')"


def fill_store(data_dir):
    # The CLI creates the schema through the core, as a user would.
    ui.run([ui.STEWARD_CLI, '--data-dir', data_dir, 'settings', 'set', 'personal.name', 'Ada'])
    with sqlite3.connect(os.path.join(data_dir, 'steward.db')) as db:
        db.execute('INSERT INTO conversations (title, created_at, updated_at) '
                   f"VALUES ('Trip to Lisbon', {NOW}, {NOW})")
        db.execute('INSERT INTO tasks (title, status, created_at, updated_at) '
                   f"VALUES ('Pack the bags', 'doing', {NOW}, {NOW})")
        db.execute('INSERT INTO projects (name, created_at, updated_at) '
                   f"VALUES ('Grant proposal', {NOW}, {NOW})")


def body(steward):
    fill_store(steward.data_dir)

    steward.start()
    steward.click('list item', 'Chat')
    steward.wait_page('Chat')
    conversations = steward.wait_visible('list', 'Conversations')
    ui.wait_for(lambda: ui.find(conversations, 'label', 'Trip to Lisbon'),
                'the conversation “Trip to Lisbon” in the list')
    steward.wait_gone('label', 'No Conversations')

    # Another process (as steward-cli would) adds a conversation and
    # deletes one while the app runs.
    with sqlite3.connect(os.path.join(steward.data_dir, 'steward.db')) as db:
        db.execute('INSERT INTO conversations (title, created_at, updated_at) '
                   f"VALUES ('Written elsewhere', {NOW}, {NOW})")
    ui.wait_for(lambda: ui.find(conversations, 'label', 'Written elsewhere'),
                'the conversation another process wrote in the list')
    with sqlite3.connect(os.path.join(steward.data_dir, 'steward.db')) as db:
        db.execute("DELETE FROM conversations WHERE title = 'Written elsewhere'")
    ui.wait_for(lambda: ui.find(conversations, 'label', 'Written elsewhere') is None,
                'the conversation another process deleted to go')
    ui.wait_for(lambda: ui.find(conversations, 'label', 'Trip to Lisbon'), 'the other conversation to stay')

    steward.click('list item', 'Tasks')
    steward.wait_page('Tasks')
    # On the board, in the column of its status.
    doing = steward.wait_visible('list', 'In Progress')
    ui.wait_for(lambda: ui.find(doing, 'list item', 'Pack the bags'), 'the task “Pack the bags” in In Progress')
    steward.wait_gone('label', 'No Tasks')

    steward.click('list item', 'Documents')
    steward.wait_page('Documents')
    projects = steward.wait_visible('list', 'Document Projects')
    ui.wait_for(lambda: ui.find(projects, 'label', 'Grant proposal'), 'the project “Grant proposal” in the list')
    steward.wait_gone('label', 'No Document Projects')

    steward.key('ctrl+comma')
    name = steward.wait_visible('text', 'Name')
    ui.wait_for(lambda: steward.entry_text(name) == 'Ada', 'the Name row to read “Ada”')
    steward.key('Escape', window='Preferences')
    steward.wait_gone('frame', 'Preferences')


if not ui.STEWARD_CLI or not os.access(ui.STEWARD_CLI, os.X_OK):
    print('# steward-cli is not built')
    sys.exit(ui.SKIP)

ui.main('test-stored-rows', body)

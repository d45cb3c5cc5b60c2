#!/usr/bin/python3
# History search: Ctrl+K focuses the sidebar's search entry, typing lists
# the messages that match (diacritics folded: "cafe" finds "café") with
# their conversation, Escape clears the search, a search that matches
# nothing says so, and choosing a result shows its conversation on the
# Chat page.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sqlite3
import sys

import chatui
import stewardui as ui

LISBON_QUESTION = 'Where is a good café in Lisbon?'
LISBON_REPLY = 'Try the pastry shops of Belém, then a coffee in Chiado.'
BERLIN_QUESTION = 'What should I pack for Berlin in winter?'
BERLIN_REPLY = 'A warm coat, gloves and comfortable boots.'
# A long conversation: the Chat page loads only its end, so a result near
# its start must be loaded before it can be shown.
ATLAS_QUESTION = 'How long did a zeppelin take to cross the Atlantic?'
ATLAS_EXCHANGES = 150


def fill_store(data_dir):
    # The CLI creates the schema through the core, as a user would.
    ui.run([ui.STEWARD_CLI, '--data-dir', data_dir, 'conversations', 'list'])
    with sqlite3.connect(os.path.join(data_dir, 'steward.db')) as db:
        chatui.store_conversation(db, 'Lisbon', '2026-01-10T09:00:00.000Z', [(LISBON_QUESTION, LISBON_REPLY)])
        chatui.store_conversation(db, 'Atlas', '2026-01-11T08:00:00.000Z',
                                  [(ATLAS_QUESTION if i == 1 else f'Atlas question {i}', f'Atlas answer {i}')
                                   for i in range(ATLAS_EXCHANGES)])
        # The most recent one: the Chat page does not start on Lisbon.
        chatui.store_conversation(db, 'Berlin', '2026-01-12T18:30:00.000Z', [(BERLIN_QUESTION, BERLIN_REPLY)])
    # With a provider the Chat page shows conversations rather than its
    # first-run setup; nothing is sent to it.
    chatui.cli(data_dir, 'provider', 'add', 'local', '--kind', 'ollama',
               '--base-url', 'http://127.0.0.1:9', '--model', 'tiny')


def search_entry(steward):
    return ui.wait_for(lambda: next((node for node in ui.find_all(steward.app, None, 'Search')
                                     if node.getRoleName() in ('entry', 'text') and ui.is_visible(node)),
                                    None),
                       'the search entry “Search”')


def focused(node):
    return node.getState().contains(ui.pyatspi.STATE_FOCUSED) or \
        any(child.getState().contains(ui.pyatspi.STATE_FOCUSED) for child in ui.walk(node))


def results(steward):
    node = steward.find_visible('list', 'Search Results')
    return node


def result_rows(steward):
    node = results(steward)
    if node is None:
        return []
    return [row for row in ui.find_all(node, 'list item') if ui.is_visible(row)]


def row_labels(row):
    return [label.name for label in ui.find_all(row, 'label') if label.name]


def screenshot(name):
    """Keep a picture of the screen beside the other artifacts, to look at."""
    os.makedirs(ui.ARTIFACTS_DIR, exist_ok=True)
    ui.subprocess.run(['import', '-window', 'root', os.path.join(ui.ARTIFACTS_DIR, f'{name}.png')],
                      capture_output=True)


def press(*keys):
    """Press @keys where the focus is. While the results show, focusing
    the main window by its title (steward.key) could pick the results'
    own X window, which takes the focus away from the entry."""
    ui.run(['xdotool', 'key', '--clearmodifiers', *keys])


def type_search(steward, text):
    wid = ui.wait_for(lambda: ui.x_window('Steward'), 'the main window')
    ui.run(['xdotool', 'windowfocus', '--sync', wid])
    ui.run(['xdotool', 'type', '--delay', '20', text])


def body(steward):
    fill_store(steward.data_dir)

    steward.start()
    # Start away from the Chat page: choosing a result goes there.
    steward.click('list item', 'Tasks')
    steward.wait_page('Tasks')

    entry = search_entry(steward)
    steward.key('ctrl+k')
    ui.wait_for(lambda: focused(entry), 'Ctrl+K to focus the search entry')

    # A search that finds nothing says so.
    type_search(steward, 'zanzibar')
    ui.wait_for(lambda: steward.entry_text(entry) == 'zanzibar', 'the search entry to read “zanzibar”')
    steward.wait_visible('label', 'No Results')
    screenshot('test-search-no-results')

    # Escape clears the search and closes the results.
    press('Escape')
    ui.wait_for(lambda: steward.entry_text(entry) == '', 'Escape to clear the search entry')
    steward.wait_gone('label', 'No Results')

    # Diacritics fold: "cafe" finds "café", with its conversation, who
    # wrote it and the matched word.
    steward.key('ctrl+k')
    ui.wait_for(lambda: focused(entry), 'Ctrl+K to focus the search entry again')
    type_search(steward, 'cafe')
    ui.wait_for(lambda: steward.entry_text(entry) == 'cafe', 'the search entry to read “cafe”')

    def lisbon_result():
        for row in result_rows(steward):
            labels = row_labels(row)
            if 'Lisbon' in labels and any('café' in label and 'You' in label for label in labels):
                return row
        return None

    ui.wait_for(lisbon_result, 'a result from “Lisbon” reading “café”')
    rows = result_rows(steward)
    assert len(rows) == 1, [row_labels(row) for row in rows]
    assert not any('Berlin' in row_labels(row) for row in rows)
    screenshot('test-search-results')

    # Enter chooses the selected (first) result: the Chat page shows
    # that conversation, and the search is over.
    press('Return')
    steward.wait_page('Chat')
    ui.wait_for(lambda: chatui.shows_text(steward, LISBON_QUESTION)
                and chatui.shows_text(steward, LISBON_REPLY),
                'the Lisbon conversation on the Chat page')
    assert not chatui.shows_text(steward, BERLIN_QUESTION)
    ui.wait_for(lambda: results(steward) is None, 'the results to close')
    ui.wait_for(lambda: steward.entry_text(entry) == '', 'the search entry to clear')

    # A result near the start of a long conversation: the Chat page loads
    # back as far as it and shows it.
    steward.key('ctrl+k')
    ui.wait_for(lambda: focused(entry), 'Ctrl+K to focus the search entry for “zeppelin”')
    type_search(steward, 'zeppelin')
    ui.wait_for(lambda: any('Atlas' in row_labels(row) for row in result_rows(steward)),
                'a result from “Atlas” reading “zeppelin”')
    press('Return')
    ui.wait_for(lambda: chatui.shows_text(steward, ATLAS_QUESTION),
                'the zeppelin question, message 3 of 300, on the Chat page')
    assert not chatui.shows_text(steward, LISBON_QUESTION)


if not ui.STEWARD_CLI or not os.access(ui.STEWARD_CLI, os.X_OK):
    print('# steward-cli is not built')
    sys.exit(ui.SKIP)

ui.main('test-search', body)

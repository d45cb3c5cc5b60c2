#!/usr/bin/python3
# History search: Ctrl+K focuses the sidebar's search entry, typing lists
# the conversations with messages that match (diacritics folded: "cafe"
# finds "café"), each once, by its best match as plain text (no Markdown),
# with "N more in this conversation" beneath, which lists them when
# chosen; Escape clears the search, a search that matches nothing says
# so, and choosing a result shows its conversation on the Chat page, with
# the message found in the middle of the view, highlighted for a moment.
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
# Markdown, which a result shows as plain text
LISBON_MORE = ('Any other **café** worth the walk?',
               'Yes: the `Café Nicola` on [Rossio](https://example.com/rossio), a *classic*.')
BERLIN_QUESTION = 'What should I pack for Berlin in winter?'
BERLIN_REPLY = 'A warm coat, gloves and comfortable boots.'
# A long conversation: the Chat page loads only its end, so a result far
# from it must be loaded before it can be shown, in the middle of the view.
ATLAS_QUESTION = 'How long did a zeppelin take to cross the Atlantic?'
ATLAS_EXCHANGES = 150
ATLAS_AT = 60


def fill_store(data_dir):
    # The CLI creates the schema through the core, as a user would.
    ui.run([ui.STEWARD_CLI, '--data-dir', data_dir, 'conversations', 'list'])
    with sqlite3.connect(os.path.join(data_dir, 'steward.db')) as db:
        chatui.store_conversation(db, 'Lisbon', '2026-01-10T09:00:00.000Z',
                                  [(LISBON_QUESTION, LISBON_REPLY), LISBON_MORE])
        chatui.store_conversation(db, 'Atlas', '2026-01-11T08:00:00.000Z',
                                  [(ATLAS_QUESTION if i == ATLAS_AT else f'Atlas question {i}', f'Atlas answer {i}')
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


def extents(node):
    box = node.queryComponent().getExtents(ui.pyatspi.DESKTOP_COORDS)
    return box.x, box.y, box.width, box.height


def message_label(steward, text):
    messages = steward.find_visible('list', 'Messages')
    if messages is None:
        return None, None
    return messages, next((node for node in ui.find_all(messages, 'label') if node.name == text), None)


def centred(steward, text):
    """Whether the label reading @text lies in the middle of the
    conversation view: its centre within a tenth of the view's height of
    the view's centre."""
    messages, node = message_label(steward, text)
    if node is None:
        return False
    _, top, _, height = extents(messages)
    _, y, _, h = extents(node)
    return h > 0 and abs((y + h / 2) - (top + height / 2)) < height / 10


def tinted(steward, text):
    """Whether the row of the message reading @text is highlighted: the
    accent colour shows beside it, left of its bubble, where the view is
    otherwise its plain background."""
    messages, node = message_label(steward, text)
    if node is None:
        return False
    x, _, _, _ = extents(messages)
    _, y, _, h = extents(node)
    pixel = ui.run(['import', '-window', 'root', '-crop', f'1x1+{x + 24}+{y + h // 2}', '-depth', '8',
                    'txt:-']).stdout
    red, green, blue = (int(v) for v in pixel.splitlines()[-1].split('(')[1].split(')')[0].split(',')[:3])
    return blue - red > 15


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

    def more_row():
        return next((row for row in result_rows(steward)
                     if '2 more in this conversation' in row_labels(row)), None)

    ui.wait_for(lisbon_result, 'a result from “Lisbon” reading “café”')
    ui.wait_for(more_row, 'a row “2 more in this conversation” under it')
    rows = result_rows(steward)
    # One row for the conversation, by its best match, and one for the
    # others; the text without its Markdown.
    assert sum('Lisbon' in row_labels(row) for row in rows) == 1, [row_labels(row) for row in rows]
    assert len(rows) == 2, [row_labels(row) for row in rows]
    assert not any('Berlin' in row_labels(row) for row in rows)
    for label in (label for row in rows for label in row_labels(row)):
        for syntax in ('**', '`', '](', 'https:'):
            assert syntax not in label, (syntax, label)
    screenshot('test-search-results')

    # Down selects "2 more", Enter lists them in its place, indented
    # under their conversation.
    press('Down')
    press('Return')

    def matches():
        rows = result_rows(steward)
        return [row for row in rows if 'Lisbon' not in row_labels(row)
                and any('caf' in label.lower() for label in row_labels(row))]

    ui.wait_for(lambda: len(matches()) == 2 and more_row() is None, 'the two other matches listed')
    assert any('Café Nicola on Rossio, a classic.' in label for row in matches() for label in row_labels(row)), \
        [row_labels(row) for row in matches()]
    screenshot('test-search-more')

    # Enter chooses the selected (the first other) match: the Chat page
    # shows that conversation, and the search is over.
    press('Return')
    steward.wait_page('Chat')
    ui.wait_for(lambda: chatui.shows_text(steward, LISBON_QUESTION)
                and chatui.shows_text(steward, LISBON_REPLY),
                'the Lisbon conversation on the Chat page')
    assert not chatui.shows_text(steward, BERLIN_QUESTION)
    ui.wait_for(lambda: results(steward) is None, 'the results to close')
    ui.wait_for(lambda: steward.entry_text(entry) == '', 'the search entry to clear')

    # A result far from the end of a long conversation: the Chat page
    # loads the part of it around the message, and shows it in the
    # middle of the view, highlighted for a moment.
    steward.key('ctrl+k')
    ui.wait_for(lambda: focused(entry), 'Ctrl+K to focus the search entry for “zeppelin”')
    type_search(steward, 'zeppelin')
    ui.wait_for(lambda: any('Atlas' in row_labels(row) for row in result_rows(steward)),
                'a result from “Atlas” reading “zeppelin”')
    press('Return')
    ui.wait_for(lambda: tinted(steward, ATLAS_QUESTION), 'the zeppelin question highlighted',
                timeout=ui.TIMEOUT)
    screenshot('test-search-found')
    ui.wait_for(lambda: centred(steward, ATLAS_QUESTION),
                f'the zeppelin question, message {2 * ATLAS_AT + 1} of {2 * ATLAS_EXCHANGES}, '
                'in the middle of the Chat page')
    assert not chatui.shows_text(steward, LISBON_QUESTION)
    # The highlight goes.
    ui.wait_for(lambda: not tinted(steward, ATLAS_QUESTION), 'the highlight to fade')
    assert centred(steward, ATLAS_QUESTION)


if not ui.STEWARD_CLI or not os.access(ui.STEWARD_CLI, os.X_OK):
    print('# steward-cli is not built')
    sys.exit(ui.SKIP)

ui.main('test-search', body)

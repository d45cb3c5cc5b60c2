#!/usr/bin/python3
# GNOME Shell's search provider: the app started as a D-Bus service
# (--gapplication-service, as the session bus starts it for the overview)
# answers org.gnome.Shell.SearchProvider2 through `gdbus call` with no
# window: conversations by their messages, tasks by title and notes,
# document projects by their phases' text, then "Ask Steward: TERMS";
# the metas carry names, snippets and icons; ActivateResult opens the
# main window at the conversation's message, the project at the phase
# that matched, the task in its editor, and "ask:TERMS" the quick chat
# window with the terms in its entry, not sent; LaunchSearch opens the
# history search with the terms.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import sqlite3
import subprocess

from gi.repository import GLib

import chatui
import stewardui as ui

APP_ID = os.environ.get('STEWARD_APP_ID', 'io.github.stewardapp.Steward')
OBJECT_PATH = '/' + APP_ID.replace('.', '/') + '/SearchProvider'
INTERFACE = 'org.gnome.Shell.SearchProvider2'
QUICK_CHAT = 'Quick Chat'

LISBON_QUESTION = 'Where is a good café in Lisbon?'
LISBON_REPLY = 'Try the pastry shops of Belém, then a coffee in Chiado.'
BERLIN_QUESTION = 'What should I pack for Berlin in winter?'
BERLIN_REPLY = 'A warm coat, gloves and comfortable boots.'
TASK_TITLE = 'Book the Lisbon hotel'
TASK_NOTES = 'Near the river, with breakfast.'
PROJECT_NAME = 'Travel guide'
PROJECT_TEXT = 'The trams of Lisbon climb the seven hills from dawn.'


def fill_store(data_dir):
    ids = {}
    ui.run([ui.STEWARD_CLI, '--data-dir', data_dir, 'conversations', 'list'])
    with sqlite3.connect(os.path.join(data_dir, 'steward.db')) as db:
        ids['lisbon'] = chatui.store_conversation(db, 'Lisbon', '2026-01-10T09:00:00.000Z',
                                                  [(LISBON_QUESTION, LISBON_REPLY)])
        ids['berlin'] = chatui.store_conversation(db, 'Berlin', '2026-01-12T18:30:00.000Z',
                                                  [(BERLIN_QUESTION, BERLIN_REPLY)])
    chatui.cli(data_dir, 'provider', 'add', 'local', '--kind', 'ollama',
               '--base-url', 'http://127.0.0.1:9', '--model', 'tiny')
    task = chatui.cli(data_dir, 'tasks', 'add', TASK_TITLE, '--notes', TASK_NOTES, '--json')
    ids['task'] = int(json.loads(task)['id'])
    project = chatui.cli(data_dir, 'projects', 'create', PROJECT_NAME, '--json')
    ids['project'] = int(json.loads(project)['id'])
    chatui.cli(data_dir, 'phase', 'set', PROJECT_NAME, '1', PROJECT_TEXT)
    return ids


def call(method, *args):
    """`gdbus call` on the provider; its reply as Python values."""
    out = ui.run(['gdbus', 'call', '--session', '--dest', APP_ID, '--object-path', OBJECT_PATH,
                  '--timeout', '20', '--method', f'{INTERFACE}.{method}', *args]).stdout
    return GLib.Variant.parse(None, out.strip(), None, None).unpack()


def strv(values):
    return GLib.Variant('as', values).print_(False)


def start_service(steward):
    """The app as the session bus starts it for the overview: no window."""
    steward.runs += 1
    os.makedirs(ui.ARTIFACTS_DIR, exist_ok=True)
    steward.stderr_path = os.path.join(ui.ARTIFACTS_DIR, f'{steward.test_name}-{steward.runs}.log')
    env = dict(os.environ, STEWARD_DATA_DIR=steward.data_dir, GSETTINGS_SCHEMA_DIR=ui.SCHEMA_DIR)
    env.pop('GSETTINGS_BACKEND', None)
    with open(steward.stderr_path, 'w') as stderr:
        steward.proc = subprocess.Popen([ui.STEWARD_BIN, '--gapplication-service'], env=env,
                                        stdin=subprocess.DEVNULL, stdout=stderr,
                                        stderr=subprocess.STDOUT)
    ui.run(['gdbus', 'wait', '--session', '--timeout', '10', APP_ID])


def phase_text(steward):
    node = steward.find_visible('text', 'Phase Text')
    return steward.entry_text(node) if node is not None else None


def frames(steward, title=None):
    app = steward._find_app()
    if app is None:
        return []
    return [node for node in ui.find_all(app, 'frame', title) if ui.is_visible(node)]


def test(steward):
    ids = fill_store(steward.data_dir)
    start_service(steward)

    lisbon = f'conversation:{ids["lisbon"]}'
    task = f'task:{ids["task"]}'
    project = f'project:{ids["project"]}'

    # Everything that mentions Lisbon, what has it in its name first,
    # then "Ask Steward"
    (results,) = call('GetInitialResultSet', strv(['lisbon']))
    assert results[-1] == 'ask:lisbon', results
    assert set(results[:-1]) == {lisbon, task, project}, results
    assert results.index(lisbon) < results.index(project), results
    assert results.index(task) < results.index(project), results

    # Narrowed as the user types on, each word a prefix, diacritics
    # folded: only the conversation's question has both
    (narrowed,) = call('GetSubsearchResultSet', strv(results), strv(['lisbon', 'cafe']))
    assert narrowed == [lisbon, 'ask:lisbon cafe'], narrowed

    (nothing,) = call('GetInitialResultSet', strv(['zeppelin']))
    assert nothing == ['ask:zeppelin'], nothing

    (metas,) = call('GetResultMetas', strv([lisbon, task, project, 'ask:lisbon']))
    by_id = {meta['id']: meta for meta in metas}
    assert by_id[lisbon]['name'] == 'Lisbon', by_id[lisbon]
    assert 'Belém' in by_id[lisbon]['description'] or 'Lisbon' in by_id[lisbon]['description'], by_id[lisbon]
    assert by_id[task]['name'] == TASK_TITLE, by_id[task]
    assert by_id[task]['description'] == TASK_NOTES, by_id[task]
    assert by_id[project]['name'] == PROJECT_NAME, by_id[project]
    assert 'trams of Lisbon' in by_id[project]['description'], by_id[project]
    assert by_id['ask:lisbon']['name'] == 'Ask Steward: lisbon', by_id['ask:lisbon']
    for meta in metas:
        # A serialized GIcon the overview deserializes
        assert meta['icon'] and meta['gicon'], meta

    # Answered without a window
    assert frames(steward) == [], 'a window opened for a search'

    # The conversation, at its message, in the main window
    call('ActivateResult', lisbon, strv(['lisbon']), '0')
    steward.app = ui.wait_for(steward._find_app, 'the steward application on the accessibility bus')
    steward.frame = steward.wait_visible('frame', 'Steward')
    steward.wait_page('Chat')
    ui.wait_for(lambda: LISBON_REPLY in chatui.message_labels(steward),
                'the Lisbon conversation in the window')

    # "Ask Steward": the quick chat window, the terms in its entry, not
    # sent; Escape hides it again
    call('ActivateResult', 'ask:trams in Lisbon', strv(['trams', 'in', 'Lisbon']), '0')
    quick = ui.wait_for(lambda: next(iter(frames(steward, QUICK_CHAT)), None), 'the quick chat window')
    text = ui.wait_for(lambda: ui.find(quick, 'text', 'Ask Steward'), 'the quick chat entry')
    ui.wait_for(lambda: steward.entry_text(text) == 'trams in Lisbon', 'the terms in the quick chat entry')
    ui.key(QUICK_CHAT, 'Escape')
    ui.wait_for(lambda: not frames(steward, QUICK_CHAT), 'the quick chat window to hide')
    assert len(json.loads(chatui.cli(steward.data_dir, 'conversations', 'list', '--json'))) == 2, \
        'something was sent'

    # "More results": the history search, the terms typed in it
    call('LaunchSearch', strv(['belem']), '0')
    entry = ui.wait_for(lambda: next((node for node in ui.find_all(steward.app, None, 'Search')
                                      if node.getRoleName() in ('entry', 'text') and ui.is_visible(node)
                                      and steward.entry_text(node) == 'belem'), None),
                        'the terms in the history search “Search”')
    ui.wait_for(lambda: steward.find_visible('list', 'Search Results'), 'the history search results')
    steward.key('Escape')
    ui.wait_for(lambda: steward.entry_text(entry) == '', 'the history search cleared')

    # The project, at the phase whose text matched, in the editor
    call('ActivateResult', project, strv(['lisbon']), '0')
    steward.wait_page('Documents')
    ui.wait_for(lambda: phase_text(steward) == PROJECT_TEXT, 'the phase found in the editor')

    assert len(frames(steward, 'Steward')) == 1, 'more than one main window'

    # The task, in its editor
    call('ActivateResult', task, strv(['lisbon']), '0')
    steward.wait_page('Tasks')
    ui.wait_for(lambda: any(ui.is_visible(node) for role in ('frame', 'dialog')
                            for node in ui.find_all(steward.app, role, 'Edit Task')),
                'the task editor “Edit Task”')


ui.main('test-search-provider', test)

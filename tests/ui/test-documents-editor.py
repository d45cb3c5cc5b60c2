#!/usr/bin/python3
# The Documents page (issue 11): a project "Field guide" is made from the
# default template in the New Project dialog; phase 1 is typed into from
# the keyboard and autosaved; phase 2 (Alt+Down) is generated from the
# replay server, streaming into the editor; both are marked completed;
# editing phase 1 again marks phase 2 Stale; Ctrl+S keeps a version; a
# phase set from the command line shows in the editor as it changes;
# after a restart the text typed is still there.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json

import chatui
import stewardui as ui

chatui.require_tools()

PROJECT = 'Field guide'
TYPED = 'Birds of the coast for walkers'
EDIT = ' with phones'
FROM_CLI = 'Tide tables, from the command line'
MODEL = 'text_stream'
with open(f'{chatui.FIXTURES_DIR}/anthropic/{MODEL}.expected.txt', encoding='utf-8') as f:
    DRAFT = f.read()
# Autosave comes two seconds after the last key
SAVE_TIMEOUT = 15


def phase(data_dir, number):
    return json.loads(chatui.cli(data_dir, 'phase', 'show', PROJECT, str(number), '--json'))


def statuses(data_dir):
    return [p['status'] for p in json.loads(chatui.cli(data_dir, 'projects', 'phases', PROJECT, '--json'))]


def text_view(steward):
    return steward.wait_visible('text', 'Phase Text')


def editor_text(steward):
    return steward.entry_text(text_view(steward))


def phase_row_status(steward, number, status):
    """Whether the phase list shows @status in the row of phase @number."""
    phases = steward.find_visible('list', 'Phases')
    if phases is None:
        return False
    rows = ui.find_all(phases, 'list item')
    if len(rows) < number:
        return False
    return ui.find(rows[number - 1], 'label', status) is not None


def open_documents(steward):
    steward.click('list item', 'Documents')
    steward.wait_page('Documents')


def body(steward):
    replay = chatui.Replay('anthropic')
    try:
        chatui.add_provider(steward.data_dir, replay, model=MODEL)

        steward.start()
        open_documents(steward)
        steward.wait_visible('label', 'No Document Projects')

        # New Project: the name, the default template, Create
        steward.click('push button', 'New Project')
        name = steward.wait_visible('text', 'Project Name')
        ui.wait_for(lambda: name.getState().contains(ui.pyatspi.STATE_FOCUSED), 'the name entry to have the focus')
        ui.run(['xdotool', 'type', '--delay', '20', PROJECT])
        ui.wait_for(lambda: steward.entry_text(name) == PROJECT, 'the name typed')
        ui.run(['xdotool', 'key', 'Return'])
        ui.wait_for(lambda: ui.x_window('New Project') is None, 'the dialog to close')

        # The project opens on phase 1, with the keyboard in its text
        steward.wait_visible('list', 'Phases')
        steward.wait_visible('label', '0 of 14 completed')
        view = text_view(steward)
        ui.wait_for(lambda: view.getState().contains(ui.pyatspi.STATE_FOCUSED), 'the phase text to have the focus')
        ui.run(['xdotool', 'type', '--delay', '20', TYPED])
        ui.wait_for(lambda: phase(steward.data_dir, 1)['content'] == TYPED, 'phase 1 to be autosaved', SAVE_TIMEOUT)
        ui.wait_for(lambda: phase_row_status(steward, 1, 'In Progress'), 'phase 1 in progress in the list')

        # Alt+Down: phase 2, drafted by the model with Ctrl+Enter
        steward.key('alt+Down')
        ui.wait_for(lambda: steward.find_visible('label', 'Goals') is not None and editor_text(steward) == '',
                    'phase 2 in the editor')
        steward.key('ctrl+Return')
        ui.wait_for(lambda: editor_text(steward) == DRAFT, 'the draft in the editor')
        steward.wait_visible('push button', 'Generate')
        ui.wait_for(lambda: phase(steward.data_dir, 2)['content'] == DRAFT, 'the draft kept in the store')
        request = [r for r in replay.requests() if r['method'] == 'POST'][0]
        assert TYPED in json.dumps(request['body'], ensure_ascii=False), 'phase 1 is not in the prompt'

        # Both completed
        steward.click('push button', 'Mark Completed')
        ui.wait_for(lambda: phase_row_status(steward, 2, 'Completed'), 'phase 2 completed')
        steward.key('alt+Up')
        ui.wait_for(lambda: editor_text(steward) == TYPED, 'phase 1 back in the editor')
        steward.click('push button', 'Mark Completed')
        ui.wait_for(lambda: phase_row_status(steward, 1, 'Completed'), 'phase 1 completed')
        steward.wait_visible('label', '2 of 14 completed')
        assert statuses(steward.data_dir)[:2] == ['completed', 'completed'], statuses(steward.data_dir)

        # Editing phase 1 makes phase 2 stale, and Regenerate offers to redraft it
        ui.click(text_view(steward))
        ui.wait_for(lambda: text_view(steward).getState().contains(ui.pyatspi.STATE_FOCUSED),
                    'the phase text to have the focus')
        steward.key('ctrl+End')
        ui.run(['xdotool', 'type', '--delay', '20', EDIT])
        ui.wait_for(lambda: phase_row_status(steward, 2, 'Stale'), 'phase 2 stale in the list', SAVE_TIMEOUT)
        assert statuses(steward.data_dir)[:2] == ['completed', 'stale'], statuses(steward.data_dir)
        regenerate = steward.wait_visible('push button', 'Regenerate Stale Phases')
        ui.wait_for(lambda: regenerate.getState().contains(ui.pyatspi.STATE_SENSITIVE), 'Regenerate to be enabled')

        # Ctrl+S keeps a version
        steward.key('ctrl+s')
        ui.wait_for(lambda: any(n.name and n.name.startswith('Version ') and n.name.endswith(' saved')
                                for n in ui.find_all(steward.app, 'label') if ui.is_visible(n)),
                    'the toast “Version N saved”')

        # A phase changed from the command line shows as it changes
        steward.key('alt+Down')
        steward.key('alt+Down')
        ui.wait_for(lambda: steward.find_visible('label', 'Research Notes') is not None and editor_text(steward) == '',
                    'phase 3 in the editor')
        chatui.cli(steward.data_dir, 'phase', 'set', PROJECT, '3', FROM_CLI)
        ui.wait_for(lambda: editor_text(steward) == FROM_CLI, 'the text set from the command line in the editor')
        ui.wait_for(lambda: phase_row_status(steward, 3, 'In Progress'), 'phase 3 in progress in the list')

        # After a restart, the text is still there
        steward.stop()
        steward.start()
        open_documents(steward)
        projects = steward.wait_visible('list', 'Document Projects')
        ui.click(ui.wait_for(lambda: ui.find(projects, 'label', PROJECT), 'the project in the list'))
        phases = steward.wait_visible('list', 'Phases')
        ui.click(ui.wait_for(lambda: ui.find(phases, 'label', 'Brief and Audience'), 'phase 1 in the list'))
        ui.wait_for(lambda: editor_text(steward) == TYPED + EDIT, 'the text typed, after a restart')
        ui.wait_for(lambda: phase_row_status(steward, 2, 'Stale'), 'phase 2 still stale')
    finally:
        replay.stop()


ui.main('test-documents-editor', body)

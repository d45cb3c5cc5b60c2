#!/usr/bin/python3
# The Documents page's projects and drafts (issue 11): a draft that
# fails shows one sentence with Retry, which drafts it; Regenerate Stale
# Phases redrafts the stale phase from the replay server; the open
# project is renamed and duplicated from the Project Menu, and the copy
# is deleted with a toast whose Undo brings it back.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import tempfile

import chatui
import stewardui as ui

chatui.require_tools()

PROJECT = 'Field guide'
RENAMED = 'Coastal birds'
MODEL = 'drafts'
with open(f'{chatui.FIXTURES_DIR}/anthropic/text_stream.expected.txt', encoding='utf-8') as f:
    DRAFT = f.read()


def write_fixtures(folder):
    # The first draft fails (the service is overloaded), the others stream
    for name in ('error_overloaded_stream', 'text_stream'):
        shutil.copy(os.path.join(chatui.FIXTURES_DIR, 'anthropic', f'{name}.sse'), folder)
    with open(os.path.join(folder, f'{MODEL}.sequence'), 'w', encoding='utf-8') as f:
        f.write('error_overloaded_stream\ntext_stream\ntext_stream\n')


def phase(data_dir, number, project=PROJECT):
    return json.loads(chatui.cli(data_dir, 'phase', 'show', project, str(number), '--json'))


def project_names(data_dir):
    return [p['name'] for p in json.loads(chatui.cli(data_dir, 'projects', 'list', '--json'))]


def editor_text(steward):
    return steward.entry_text(steward.wait_visible('text', 'Phase Text'))


def open_phase(steward, title):
    phases = steward.wait_visible('list', 'Phases')
    ui.click(ui.wait_for(lambda: ui.find(phases, 'label', title), f'the phase “{title}” in the list'))
    ui.wait_for(lambda: steward.find_visible('label', title) is not None and
                len([n for n in ui.find_all(steward.app, 'label', title) if ui.is_visible(n)]) >= 2,
                f'the phase “{title}” in the editor')


def in_window(steward, role, name):
    """Looked for in the main window only: the tree of a dialog that was
    closed answers slowly."""
    for node in ui.find_all(steward.frame, role, name):
        if ui.is_visible(node):
            return node
    return None


def project_menu(steward, item):
    button = ui.wait_for(lambda: in_window(steward, 'push button', 'Project Menu'), 'the Project Menu')
    # The pointer may rest on it since the last time, and xdotool's
    # --sync waits for a move: away first
    ui.run(['xdotool', 'mousemove', '0', '0'])
    ui.click(button)
    ui.click(ui.wait_for(lambda: in_window(steward, 'menu item', item), f'the menu item “{item}”'))


def toast_button(steward, word):
    # libadwaita 1.2 names a toast's button from its label and its
    # mnemonic label together ("_Undo Undo"), so match on the word.
    for node in ui.find_all(steward.app, 'push button'):
        if node.name and word in node.name.replace('_', ' ').split() and ui.is_visible(node):
            return node
    return None


def body(steward):
    folder = tempfile.mkdtemp(prefix='steward-drafts-')
    write_fixtures(folder)
    replay = chatui.Replay('anthropic', fixtures_dir=folder)
    try:
        chatui.add_provider(steward.data_dir, replay, model=MODEL)
        data = steward.data_dir
        chatui.cli(data, 'projects', 'create', PROJECT)
        chatui.cli(data, 'phase', 'set', PROJECT, '1', 'Birds of the coast, for walkers.')
        chatui.cli(data, 'phase', 'complete', PROJECT, '1')
        chatui.cli(data, 'phase', 'set', PROJECT, '2', 'To name twenty birds.')
        chatui.cli(data, 'phase', 'complete', PROJECT, '2')
        # Phase 1 changes: phase 2 was written from other text
        chatui.cli(data, 'phase', 'set', PROJECT, '1', 'Birds of the coast, for walkers with phones.')
        assert phase(data, 2)['status'] == 'stale'

        steward.start()
        steward.click('list item', 'Documents')
        steward.wait_page('Documents')
        projects = steward.wait_visible('list', 'Document Projects')
        ui.click(ui.wait_for(lambda: ui.find(projects, 'label', PROJECT), 'the project in the list'))
        steward.wait_visible('label', '1 of 14 completed')
        steward.wait_visible('label', 'Choose a Phase')

        # Phase 3: the first draft fails with one sentence and Retry
        open_phase(steward, 'Research Notes')
        steward.click('push button', 'Generate')
        retry = steward.wait_visible('push button', 'Retry')
        ui.wait_for(lambda: any('overloaded' in (n.name or '').lower()
                                for n in ui.find_all(steward.app, 'label') if ui.is_visible(n)),
                    'the error in one sentence')
        ui.click(retry)
        ui.wait_for(lambda: editor_text(steward) == DRAFT, 'the draft after Retry')
        steward.wait_gone('push button', 'Retry')
        ui.wait_for(lambda: phase(data, 3)['content'] == DRAFT, 'the draft kept')

        # Regenerate Stale Phases drafts phase 2 again from the new phase 1
        regenerate = steward.wait_visible('push button', 'Regenerate Stale Phases')
        ui.wait_for(lambda: regenerate.getState().contains(ui.pyatspi.STATE_SENSITIVE), 'Regenerate to be enabled')
        ui.click(regenerate)
        ui.wait_for(lambda: phase(data, 2)['content'] == DRAFT, 'phase 2 redrafted')
        ui.wait_for(lambda: phase(data, 2)['status'] == 'in-progress', 'phase 2 no longer stale')
        ui.wait_for(lambda: not steward.find_visible('push button', 'Regenerate Stale Phases')
                    .getState().contains(ui.pyatspi.STATE_SENSITIVE), 'Regenerate disabled: nothing stale')
        requests = [r for r in replay.requests() if r['method'] == 'POST']
        assert 'walkers with phones' in json.dumps(requests[-1]['body'], ensure_ascii=False), requests[-1]

        # Rename from the Project Menu
        project_menu(steward, 'Rename…')
        entry = steward.wait_visible('text', 'Project Name')
        ui.wait_for(lambda: entry.getState().contains(ui.pyatspi.STATE_FOCUSED), 'the name entry to have the focus')
        ui.run(['xdotool', 'key', 'ctrl+a'])
        ui.run(['xdotool', 'type', '--delay', '20', RENAMED])
        ui.wait_for(lambda: steward.entry_text(entry) == RENAMED, 'the new name typed')
        ui.run(['xdotool', 'key', 'Return'])
        # Asked of X: GTK 4.8 logs criticals when the accessibles of a
        # window are walked while it is destroyed
        ui.wait_for(lambda: ui.x_window('Rename Project') is None, 'the dialog to close')
        steward.wait_visible('label', RENAMED)
        ui.wait_for(lambda: project_names(data) == [RENAMED], 'the project renamed in the store')

        # Duplicate opens the copy; deleting it offers Undo
        copy = f'{RENAMED} (copy)'
        project_menu(steward, 'Duplicate')
        steward.wait_visible('label', copy)
        assert phase(data, 3, copy)['content'] == DRAFT
        project_menu(steward, 'Delete')
        undo = ui.wait_for(lambda: toast_button(steward, 'Undo'), 'the toast with Undo')
        projects = steward.wait_visible('list', 'Document Projects')
        ui.wait_for(lambda: ui.find(projects, 'label', copy) is None, 'the copy off the list')
        ui.click(undo)
        steward.wait_visible('label', copy)
        assert sorted(project_names(data)) == sorted([RENAMED, copy])

        # Deleted for good once the toast goes
        project_menu(steward, 'Delete')
        ui.wait_for(lambda: project_names(data) == [RENAMED], 'the copy deleted from the store', 20)
    finally:
        replay.stop()
        shutil.rmtree(folder, ignore_errors=True)


ui.main('test-documents-projects', body)

#!/usr/bin/python3
# The Documents page's way in and out (issue 11): the versions pane
# compares an older version with the text now and restores it (as a new
# version); Import… reads a Word document into a phase; Export… writes a
# PDF through the file chooser, which pdfinfo and pdftotext read back; a
# completed phase is reopened.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import subprocess
import tempfile

import chatui
import stewardui as ui

chatui.require_tools()

PROJECT = 'Field guide'
FIRST = 'Birds of the coast, for walkers.'
SECOND = 'Birds of the coast, for walkers with phones.'


def phase(data_dir, number):
    return json.loads(chatui.cli(data_dir, 'phase', 'show', PROJECT, str(number), '--json'))


def versions(data_dir, number):
    return json.loads(chatui.cli(data_dir, 'phase', 'versions', PROJECT, str(number), '--json'))


def in_window(steward, role, name):
    for node in ui.find_all(steward.frame, role, name):
        if ui.is_visible(node):
            return node
    return None


def project_menu(steward, item):
    button = ui.wait_for(lambda: in_window(steward, 'push button', 'Project Menu'), 'the Project Menu')
    ui.run(['xdotool', 'mousemove', '0', '0'])
    ui.click(button)
    ui.click(ui.wait_for(lambda: in_window(steward, 'menu item', item), f'the menu item “{item}”'))


def click_laid_out(node, what):
    """Clicks @node once it has a place on screen that stays put: the
    versions pane slides in."""
    seen = []

    def settled():
        seen.append(ui.center(node))
        return len(seen) >= 2 and seen[-1] == seen[-2]

    ui.wait_for(settled, f'{what} to be laid out')
    ui.click(node)


def body(steward):
    data = steward.data_dir
    out = tempfile.mkdtemp(prefix='steward-export-')
    chatui.cli(data, 'projects', 'create', PROJECT)
    chatui.cli(data, 'phase', 'set', PROJECT, '1', FIRST)
    chatui.cli(data, 'phase', 'set', PROJECT, '1', SECOND)
    word = os.path.join(out, 'minutes.docx')
    subprocess.run(['/usr/bin/python3', '-c', 'import docx, sys\n'
                    'd = docx.Document()\n'
                    'd.add_heading("Minutes", 1)\n'
                    'd.add_paragraph("Ana chaired the meeting.")\n'
                    'd.save(sys.argv[1])', word], check=True)

    steward.start()
    # Wide enough for the lists, the editor and the versions side by side
    ui.run(['xdotool', 'windowsize', ui.wait_for(lambda: ui.x_window('Steward'), 'the window'), '1280', '800'])
    steward.click('list item', 'Documents')
    steward.wait_page('Documents')
    projects = steward.wait_visible('list', 'Document Projects')
    click_laid_out(ui.wait_for(lambda: ui.find(projects, 'label', PROJECT), 'the project in the list'), 'the project')
    phases = steward.wait_visible('list', 'Phases')
    click_laid_out(ui.wait_for(lambda: ui.find(phases, 'label', 'Brief and Audience'), 'phase 1 in the list'),
                   'phase 1')
    ui.wait_for(lambda: steward.entry_text(steward.wait_visible('text', 'Phase Text')) == SECOND, 'phase 1 shown')

    # Versions: the older one compared with the text now, then restored
    steward.click('push button', 'Versions')
    listed = steward.wait_visible('list', 'Versions')
    rows = ui.wait_for(lambda: [r for r in ui.find_all(listed, 'list item') if r.name], 'the versions listed')
    assert len(rows) == 2, [r.name for r in rows]
    assert rows[0].name.startswith('Version 2'), rows[0].name
    click_laid_out(rows[1], 'version 1')
    differences = steward.wait_visible('text', 'Differences')
    ui.wait_for(lambda: '+ ' + SECOND in steward.entry_text(differences) and
                '− ' + FIRST in steward.entry_text(differences), 'the lines that differ, marked')
    restore = ui.wait_for(lambda: [n for n in ui.find_all(steward.app, 'push button')
                                   if n.name and 'Restore' in n.name and ui.is_visible(n)], 'the Restore button')[0]
    click_laid_out(restore, 'the Restore button')
    ui.wait_for(lambda: phase(data, 1)['content'] == FIRST, 'version 1 restored')
    assert [v['reason'] for v in versions(data, 1)][0] == 'restored', versions(data, 1)
    ui.wait_for(lambda: steward.entry_text(steward.wait_visible('text', 'Phase Text')) == FIRST,
                'the editor showing the restored text')
    steward.click('push button', 'Versions')

    # Import…: a Word document into phase 1, as a new version
    project_menu(steward, 'Import into This Phase…')
    ui.choose_file('Import into the Phase', word)
    ui.wait_for(lambda: 'Ana chaired the meeting.' in phase(data, 1)['content'], 'the Word document imported')
    assert phase(data, 1)['content'].startswith('# Minutes'), phase(data, 1)
    assert versions(data, 1)[0]['reason'] == 'imported', versions(data, 1)

    # Export…: PDF (the format chosen first), through the file chooser
    target = os.path.join(out, 'guide.pdf')
    project_menu(steward, 'Export…')
    ui.wait_for(lambda: ui.x_window('Export'), 'the export dialog')
    # Its mnemonic: PDF is chosen already
    ui.key('Export', 'alt+e')
    ui.choose_file('Export Document', target)
    ui.wait_for(lambda: os.path.exists(target), 'the PDF written', timeout=60)
    ui.wait_for(lambda: ui.x_window('Export') is None, 'the export dialog to close')
    info = subprocess.run(['pdfinfo', target], capture_output=True, text=True, check=True).stdout
    assert 'Title:           Field guide' in info, info
    text = subprocess.run(['pdftotext', target, '-'], capture_output=True, text=True, check=True).stdout
    assert 'Brief and Audience' in text and 'Ana chaired the meeting.' in text, text
    # No temporary file left beside it
    assert sorted(os.listdir(out)) == ['guide.pdf', 'minutes.docx'], os.listdir(out)

    # Completed, then reopened: in progress again, no version made
    n_versions = len(versions(data, 1))
    steward.click('push button', 'Mark Completed')
    ui.wait_for(lambda: phase(data, 1)['status'] == 'completed', 'phase 1 completed')
    steward.click('push button', 'Reopen')
    ui.wait_for(lambda: phase(data, 1)['status'] == 'in-progress', 'phase 1 reopened')
    assert len(versions(data, 1)) == n_versions + 1, versions(data, 1)


ui.main('test-documents-export', body)

#!/usr/bin/python3
# Manage Templates… (issue 11): the Templates window lists the built-in
# templates (View shows a built-in's phases); Import… refuses a broken
# file with a message naming it and reads a template's JSON made with
# the CLI; Export… writes it back the same; Delete takes it away from
# the store and the toast's Undo brings it back; Duplicate makes a
# built-in one's own through the template editor, and Edit renames it.
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

NAME = 'Grant application'


def user_templates(data_dir):
    return [t['name'] for t in json.loads(chatui.cli(data_dir, 'templates', 'list', '--json'))
            if not t.get('builtin')]


def make_template(folder):
    """A template's JSON as the CLI writes it: imported into a scratch
    data folder, exported from there."""
    scratch = tempfile.mkdtemp(prefix='steward-templates-cli-')
    hand = os.path.join(folder, 'hand.json')
    with open(hand, 'w', encoding='utf-8') as f:
        json.dump({'format': 'steward-template', 'version': 1, 'name': NAME,
                   'description': 'For the city’s arts fund',
                   'phases': [{'title': 'Aims', 'instructions': 'State the aims in three sentences.'},
                              {'title': 'Budget', 'instructions': 'Give the budget as a table.'}]}, f)
    made = os.path.join(folder, 'grant.json')
    try:
        chatui.cli(scratch, 'templates', 'import', hand)
        chatui.cli(scratch, 'templates', 'export', NAME, '--output', made)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return made


def in_window(steward, role, name):
    for node in ui.find_all(steward.frame, role, name):
        if ui.is_visible(node):
            return node
    return None


def toast_button(steward, word):
    for node in ui.find_all(steward.app, 'push button'):
        if node.name and word in node.name.replace('_', ' ').split() and ui.is_visible(node):
            return node
    return None


def button(steward, name):
    """The visible button named @name: GTK 4.8 adds a mnemonic label's
    text to a button's name (“Duplicate Duplicate”)."""
    def found():
        for node in ui.find_all(steward.app, 'push button'):
            if node.name and name in node.name.replace('_', '') and ui.is_visible(node):
                return node
        return None
    node = ui.wait_for(found, f'the button “{name}”')
    ui.wait_for(lambda: ui.center(node), f'the button “{name}” to be laid out')
    return node


def labels(node):
    return [n.name for n in ui.find_all(node, 'label') if n.name]


def body(steward):
    data = steward.data_dir
    folder = tempfile.mkdtemp(prefix='steward-templates-')
    try:
        made = make_template(folder)
        with open(made, encoding='utf-8') as f:
            original = json.load(f)
        broken = os.path.join(folder, 'broken.json')
        with open(broken, 'w', encoding='utf-8') as f:
            f.write('{"format": "steward-template", "version": 1, "name": "Half"')

        chatui.cli(data, 'projects', 'create', 'Field guide')
        steward.start()
        steward.click('list item', 'Documents')
        steward.wait_page('Documents')
        menu = ui.wait_for(lambda: in_window(steward, 'push button', 'Documents Menu'), 'the Documents Menu')
        ui.run(['xdotool', 'mousemove', '0', '0'])
        ui.click(menu)
        ui.click(ui.wait_for(lambda: in_window(steward, 'menu item', 'Manage Templates…'),
                             'the menu item “Manage Templates…”'))
        ui.wait_for(lambda: ui.x_window('Templates'), 'the Templates window')

        # The built-ins, each with View and Duplicate; none of the user's yet
        builtins = steward.wait_visible('list', 'Built-in Templates')
        for title in ('General Document', 'Project Proposal', 'Technical Design Document'):
            ui.wait_for(lambda: title in labels(builtins), f'the built-in “{title}”')
            steward.wait_visible('push button', f'Duplicate “{title}”')
        steward.click('push button', 'View “Project Proposal”')
        steward.wait_visible('push button', 'Back')
        button(steward, 'Duplicate Duplicate')
        ui.wait_for(lambda: 'Budget' in labels(steward.app), 'the proposal’s phases')
        ui.key('Templates', 'Escape')
        steward.wait_visible('list', 'Built-in Templates')
        steward.wait_gone('push button', 'Back')
        yours = steward.wait_visible('list', 'Your Templates')
        assert NAME not in labels(yours)

        # A broken file: a message naming it and the reason
        ui.click(button(steward, 'Import Template'))
        ui.choose_file('Import Template', broken)
        ui.wait_for(lambda: [n for n in ui.find_all(steward.app, 'label')
                             if n.name and 'broken.json' in n.name and ui.is_visible(n)],
                    'the message naming the broken file')
        message = [n.name for n in ui.find_all(steward.app, 'label')
                   if n.name and 'broken.json' in n.name and ui.is_visible(n)][0]
        assert 'Cannot Import Template' in labels(steward.app), labels(steward.app)
        dialog = ui.wait_for(lambda: [n for n in ui.find_all(steward.app, 'push button')
                                      if n.name and 'Close' in n.name.replace('_', '')
                                      and ui.is_visible(n) and ui.find(n.parent.parent.parent, 'label', message)],
                             'the message’s Close button')
        ui.click(dialog[0])
        ui.wait_for(lambda: not [n for n in ui.find_all(steward.app, 'label')
                                 if n.name == message and ui.is_visible(n)], 'the message to close')
        assert user_templates(data) == []

        # The CLI's file: imported, listed, in the store
        ui.click(button(steward, 'Import Template'))
        ui.choose_file('Import Template', made)
        ui.wait_for(lambda: NAME in labels(steward.wait_visible('list', 'Your Templates')), 'the template listed')
        assert user_templates(data) == [NAME], user_templates(data)

        # Exported: the same template
        exported = os.path.join(folder, 'exported.json')
        steward.click('push button', f'Export “{NAME}”')
        ui.choose_file('Export Template', exported)
        ui.wait_for(lambda: os.path.exists(exported), 'the template exported')
        with open(exported, encoding='utf-8') as f:
            assert json.load(f) == original, open(exported).read()

        # Deleted, then back with Undo
        steward.click('push button', f'Delete “{NAME}”')
        ui.wait_for(lambda: NAME not in labels(steward.wait_visible('list', 'Your Templates')),
                    'the template off the list')
        ui.wait_for(lambda: user_templates(data) == [], 'the template deleted from the store')
        undo = ui.wait_for(lambda: toast_button(steward, 'Undo'), 'the toast with Undo')
        ui.click(undo)
        ui.wait_for(lambda: NAME in labels(steward.wait_visible('list', 'Your Templates')), 'the template back')
        assert user_templates(data) == [NAME]
        back = json.loads(chatui.cli(data, 'templates', 'export', NAME, '--output', '-'))
        assert back == original, back

        # A built-in duplicated through the template editor: one's own
        copy = 'Technical Design Document (Copy)'
        steward.click('push button', 'Duplicate “Technical Design Document”')
        editor = ui.wait_for(lambda: [n for n in ui.find_all(steward.app, 'frame', 'Duplicate Template')
                                      if ui.is_visible(n)], 'the template editor')[0]
        save = ui.wait_for(lambda: [n for n in ui.find_all(editor, 'push button')
                                    if n.name and 'Save' in n.name.replace('_', '').split()], 'Save')[0]
        ui.wait_for(lambda: ui.center(save), 'Save to be laid out')
        ui.click(save)
        ui.wait_for(lambda: ui.x_window('Duplicate Template') is None, 'the editor to close')
        ui.wait_for(lambda: copy in labels(steward.wait_visible('list', 'Your Templates')), 'the copy listed')
        assert sorted(user_templates(data)) == [NAME, copy], user_templates(data)
        design = json.loads(chatui.cli(data, 'templates', 'export', copy, '--output', '-'))
        assert len(design['phases']) == 10 and design['phases'][0]['title'] == 'Context and Scope', design

        # Edited under a new name: in the old one's place
        renamed = 'Service design'
        steward.click('push button', f'Edit “{copy}”')
        editor = ui.wait_for(lambda: [n for n in ui.find_all(steward.app, 'frame', 'Edit Template')
                                      if ui.is_visible(n)], 'the template editor')[0]
        name = ui.wait_for(lambda: [n for n in ui.find_all(editor, 'text') if ui.is_visible(n)
                                    and steward.entry_text(n) == copy], 'the name entry')[0]
        ui.wait_for(lambda: ui.center(name), 'the name entry to be laid out')
        ui.click(name)
        ui.key('Edit Template', 'ctrl+a')
        ui.run(['xdotool', 'type', '--delay', '10', renamed])
        ui.wait_for(lambda: steward.entry_text(name) == renamed, 'the new name typed')
        save = ui.wait_for(lambda: [n for n in ui.find_all(editor, 'push button')
                                    if n.name and 'Save' in n.name.replace('_', '').split()], 'Save')[0]
        ui.click(save)
        ui.wait_for(lambda: ui.x_window('Edit Template') is None, 'the editor to close')
        ui.wait_for(lambda: renamed in labels(steward.wait_visible('list', 'Your Templates')), 'the new name listed')
        assert sorted(user_templates(data)) == [NAME, renamed], user_templates(data)

        ui.key('Templates', 'Escape')
        ui.wait_for(lambda: ui.x_window('Templates') is None, 'the Templates window to close')
    finally:
        shutil.rmtree(folder, ignore_errors=True)


ui.main('test-documents-templates', body)

#!/usr/bin/python3
# Extract Tasks From… on the board (issues 10 and 12): from a note and
# from a PDF chosen in the file chooser, the model's tasks come to the
# review dialog, and added they carry the file they came from; a cut PNG
# is refused with its name and nothing is sent.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import tempfile

import cairo

import chatui
import stewardui as ui

chatui.require_tools()

MODEL = 'extract'
NOTE = 'Call the plumber on Monday. Renew the passport before June.'


def openai_tool_call(tasks):
    arguments = json.dumps({'tasks': tasks})

    def chunk(delta, finish=None):
        return {'id': 'chatcmpl-ui', 'object': 'chat.completion.chunk', 'created': 1774602000,
                'model': MODEL, 'choices': [{'index': 0, 'delta': delta, 'finish_reason': finish}]}
    chunks = [
        chunk({'role': 'assistant', 'content': None, 'tool_calls': [
            {'index': 0, 'id': 'call_ui', 'type': 'function',
             'function': {'name': 'add_tasks', 'arguments': arguments}}]}),
        chunk({}, 'stop'),
    ]
    return ''.join(f'data: {json.dumps(c)}\n\n' for c in chunks) + 'data: [DONE]\n\n'


def write_fixtures(folder):
    with open(os.path.join(folder, 'note.sse'), 'w', encoding='utf-8') as f:
        f.write(openai_tool_call([{'title': 'Call the plumber', 'priority': 'high', 'category': 'home',
                                   'due': None}]))
    with open(os.path.join(folder, 'plan.sse'), 'w', encoding='utf-8') as f:
        f.write(openai_tool_call([{'title': 'Ship the release', 'priority': 'urgent', 'category': 'work',
                                   'due': None}]))
    with open(os.path.join(folder, f'{MODEL}.sequence'), 'w', encoding='utf-8') as f:
        f.write('note\nplan\n')


def write_pdf(path, text):
    surface = cairo.PDFSurface(path, 595, 842)
    cr = cairo.Context(surface)
    cr.set_font_size(14)
    cr.move_to(72, 72)
    cr.show_text(text)
    cr.show_page()
    surface.finish()


def tasks(data_dir):
    return json.loads(chatui.cli(data_dir, 'tasks', 'list', '--json'))


def in_window(steward, role, name):
    for node in ui.find_all(steward.app, role, name):
        if ui.is_visible(node):
            return node
    return None


def open_extract(steward):
    ui.run(['xdotool', 'mousemove', '0', '0'])
    ui.click(ui.wait_for(lambda: in_window(steward, 'toggle button', 'Extract Tasks From…') or
                         in_window(steward, 'push button', 'Extract Tasks From…'), 'Extract Tasks From…'))
    ui.click(ui.wait_for(lambda: in_window(steward, 'menu item', 'From Files…'), 'From Files…'))


def body(steward):
    folder = tempfile.mkdtemp(prefix='steward-extract-file-')
    fixtures = os.path.join(folder, 'fixtures')
    os.mkdir(fixtures)
    write_fixtures(fixtures)
    files = os.path.join(folder, 'files')
    os.mkdir(files)
    replay = chatui.Replay('openai', fixtures_dir=fixtures)
    try:
        note = os.path.join(files, 'note.txt')
        with open(note, 'w', encoding='utf-8') as f:
            f.write(NOTE + '\n')
        plan = os.path.join(files, 'plan.pdf')
        write_pdf(plan, 'Ship the release by Friday')
        cut = os.path.join(folder, 'whiteboard.png')
        with open(cut, 'wb') as f:
            f.write(b'\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00')

        data = steward.data_dir
        chatui.cli(data, 'provider', 'add', 'local', '--kind', 'openai', '--base-url', replay.url + '/v1',
                   '--model', MODEL, '--api-key-env', chatui.TEST_KEY_ENV)
        chatui.cli(data, 'tier', 'set', 'medium', 'local', MODEL)
        chatui.cli(data, 'tasks', 'add', 'Water the plants')

        steward.start()
        steward.click('list item', 'Tasks')
        steward.wait_page('Tasks')

        # A cut image: refused, named, nothing sent
        open_extract(steward)
        ui.choose_file('Extract Tasks From Files', cut)
        ui.wait_for(lambda: [n for n in ui.find_all(steward.app, 'label')
                             if n.name and 'whiteboard.png' in n.name and ui.is_visible(n)],
                    'the refusal naming whiteboard.png')
        assert [r for r in replay.requests() if r['method'] == 'POST'] == []
        steward.key('Escape', window='Extract Tasks')
        ui.wait_for(lambda: ui.x_window('Extract Tasks') is None, 'the dialog to close')

        # The note, then the PDF: each one's tasks to review and add
        for path, title in ((note, 'Call the plumber'), (plan, 'Ship the release')):
            open_extract(steward)
            ui.choose_file('Extract Tasks From Files', path)
            ui.wait_for(lambda: in_window(steward, 'check box', title), f'the task in {os.path.basename(path)}')
            ui.click(ui.wait_for(lambda: in_window(steward, 'push button', 'Add 1 Task'), 'Add 1 Task'))
            ui.wait_for(lambda: ui.x_window('Extract Tasks') is None, 'the dialog to close')
        sent = json.dumps([r['body'] for r in replay.requests() if r['method'] == 'POST'], ensure_ascii=False)
        assert 'Call the plumber on Monday' in sent, sent
        assert 'Ship the release by Friday' in sent, sent

        found = {t['title']: t for t in ui.wait_for(lambda: (lambda ts: ts if len(ts) == 3 else None)(tasks(data)),
                                                    'the two tasks in the store')}
        for title, path in (('Call the plumber', note), ('Ship the release', plan)):
            assert found[title]['source'] == 'file', found[title]
            assert found[title]['source_ref'] == 'file://' + path, found[title]
        ui.wait_for(lambda: in_window(steward, 'list item', 'Ship the release'), 'the card on the board')
    finally:
        replay.stop()
        shutil.rmtree(folder, ignore_errors=True)


ui.main('test-tasks-extract-file', body)

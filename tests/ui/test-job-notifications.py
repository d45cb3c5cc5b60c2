#!/usr/bin/python3
# A long job that ends while Steward's windows are not focused says so
# in a desktop notification (issue 13): an export that finished, naming
# the file, with Open and Show in Files, and clicking it shows the
# project in Documents; an export that failed, with the reason; stale
# phases written again, naming the project. With Steward focused, the
# page says it and no notification comes.
#
# Another X window (xmessage, the pointer on it) has the focus while the
# job ends: without a window manager under Xvfb, focus goes where
# xdotool puts it, and back to the window under the pointer when the
# focused one closes.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import subprocess
import tempfile

import chatui
import stewardui as ui
from notifyserver import NotificationServer

chatui.require_tools()

PROJECT = 'Launch plan'
OTHER = 'Field guide'
MODEL = 'drafts'
with open(f'{chatui.FIXTURES_DIR}/anthropic/text_stream.expected.txt', encoding='utf-8') as f:
    DRAFT = f.read()


def phase(data_dir, project, number):
    return json.loads(chatui.cli(data_dir, 'phase', 'show', project, str(number), '--json'))


def stale_project(data_dir, project):
    """@project with phase 2 written from a phase 1 changed since."""
    chatui.cli(data_dir, 'projects', 'create', project)
    chatui.cli(data_dir, 'phase', 'set', project, '1', 'A plan for the launch.')
    chatui.cli(data_dir, 'phase', 'complete', project, '1')
    chatui.cli(data_dir, 'phase', 'set', project, '2', 'To launch in May.')
    chatui.cli(data_dir, 'phase', 'complete', project, '2')
    chatui.cli(data_dir, 'phase', 'set', project, '1', 'A plan for the launch, in June.')
    assert phase(data_dir, project, 2)['status'] == 'stale'


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


def active(node):
    return node.getState().contains(ui.pyatspi.STATE_ACTIVE)


class Elsewhere:
    """A window of another program, at the bottom right, away from
    Steward's (at the top left)."""

    def __init__(self):
        self.proc = None
        self.wid = ui.wait_for(self._start, 'the other window')

    def _start(self):
        # xmessage now and then fails to open the display just made: again
        if self.proc is None or self.proc.poll() is not None:
            self.proc = subprocess.Popen(['xmessage', '-geometry', '+1100+700', 'Elsewhere'],
                                         stderr=subprocess.DEVNULL)
        return ui.x_window('xmessage')

    def focus(self, steward):
        ui.run(['xdotool', 'mousemove', '1150', '730'])
        ui.run(['xdotool', 'windowfocus', '--sync', self.wid])
        ui.wait_for(lambda: not active(steward.frame), 'Steward’s window to lose the focus')

    def close(self):
        self.proc.terminate()
        self.proc.wait(5)


def export(steward, elsewhere, target):
    """Export… to @target as PDF, the pointer on the other window, so
    that no Steward window has the focus when the chooser closes."""
    project_menu(steward, 'Export…')
    ui.wait_for(lambda: ui.x_window('Export'), 'the export dialog')
    ui.key('Export', 'alt+e')
    ui.run(['xdotool', 'mousemove', '1150', '730'])
    ui.choose_file('Export Document', target)


def open_project(steward, project):
    projects = steward.wait_visible('list', 'Document Projects')
    label = ui.wait_for(lambda: ui.find(projects, 'label', project), f'the project “{project}” in the list')
    # The list slides in: clicked once it stays put
    seen = []

    def settled():
        seen.append(ui.center(label))
        return len(seen) >= 2 and seen[-1] == seen[-2]

    ui.wait_for(settled, f'the project “{project}” to be laid out')
    ui.click(label)
    show_project(steward)


def show_project(steward):
    steward.wait_page('Documents')
    ui.wait_for(lambda: in_window(steward, 'label', 'Choose a Phase'), 'the project’s phases')


def redraft(steward):
    regenerate = steward.wait_visible('push button', 'Regenerate Stale Phases')
    ui.wait_for(lambda: regenerate.getState().contains(ui.pyatspi.STATE_SENSITIVE), 'Regenerate to be enabled')
    ui.click(regenerate)


def body(steward):
    folder = tempfile.mkdtemp(prefix='steward-drafts-')
    shutil.copy(os.path.join(chatui.FIXTURES_DIR, 'anthropic', 'text_stream.sse'), folder)
    with open(os.path.join(folder, f'{MODEL}.sequence'), 'w', encoding='utf-8') as f:
        f.write('text_stream\ntext_stream\n')
    # Slow enough to turn to the other window while phase 2 is drafted
    replay = chatui.Replay('anthropic', fixtures_dir=folder, dribble=200, delay_ms=400)
    out = tempfile.mkdtemp(prefix='steward-notify-')
    server = NotificationServer()
    elsewhere = Elsewhere()
    try:
        data = steward.data_dir
        chatui.add_provider(data, replay, model=MODEL)
        stale_project(data, PROJECT)
        stale_project(data, OTHER)

        steward.start()
        steward.click('list item', 'Documents')
        steward.wait_page('Documents')

        # Stale phases written again with Steward focused: no notification
        # (checked below: the first one Steward sends is the next
        # redraft's, and D-Bus keeps a sender's messages in order)
        open_project(steward, OTHER)
        ui.run(['xdotool', 'windowfocus', '--sync', ui.x_window('Steward')])
        ui.wait_for(lambda: active(steward.frame), 'Steward’s window to have the focus')
        redraft(steward)
        ui.wait_for(lambda: phase(data, OTHER, 2)['content'] == DRAFT, 'phase 2 of the other project redrafted',
                    timeout=30)
        ui.wait_for(lambda: phase(data, OTHER, 2)['status'] == 'in-progress', 'the redraft to end')
        steward.wait_gone('push button', 'Stop')
        assert active(steward.frame)

        # … and while another window has the focus: the project named
        steward.click('push button', 'All Projects')
        steward.wait_visible('label', 'Open a Project')
        open_project(steward, PROJECT)
        redraft(steward)
        elsewhere.focus(steward)
        sent = server.wait_sent(1, 'the notification of the phases written again', timeout=30)
        assert phase(data, PROJECT, 2)['content'] == DRAFT, (sent, phase(data, PROJECT, 2))
        redrafted = sent[0]
        assert redrafted['summary'] == '1 phase written again', sent
        assert redrafted['body'] == PROJECT, redrafted
        assert '' in redrafted['actions'], redrafted

        # Exported while another window has the focus
        target = os.path.join(out, 'Launch plan.pdf')
        export(steward, elsewhere, target)
        sent = server.wait_sent(2, 'the notification of the export', timeout=60)
        assert os.path.exists(target)
        assert not active(steward.frame)
        done = sent[1]
        assert done['summary'] == 'Export finished', done
        assert done['body'] == f'Launch plan.pdf was saved in {os.path.basename(out)}', done
        assert {'', 'Open', 'Show in Files'} <= set(done['actions']), done

        # Clicked from the Chat page: the project in Documents
        steward.click('list item', 'Chat')
        steward.wait_page('Chat')
        server.invoke(done, '')
        ui.wait_for(lambda: server.pump() or steward.page_showing() == 'Documents',
                    'the notification to show the Documents page')
        show_project(steward)

        # Exported where nothing can be written: the reason, in one sentence
        export(steward, elsewhere, '/proc/Launch plan.pdf')
        sent = server.wait_sent(3, 'the notification of the failed export', timeout=60)
        failed = sent[2]
        assert failed['summary'] == 'Export failed', failed
        assert failed['body'].startswith('Could not write Launch plan.pdf'), failed
        assert failed['body'].endswith('.'), failed
        assert failed['actions'] == {'': 'default'}, failed
        ui.key('Export', 'Escape')
        ui.wait_for(lambda: ui.x_window('Export') is None, 'the export dialog to close')
    finally:
        elsewhere.close()
        server.close()
        replay.stop()


ui.main('test-job-notifications', body)

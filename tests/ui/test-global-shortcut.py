#!/usr/bin/python3
# Quick chat from anywhere (issue 13): the desktop-wide shortcut through
# the GlobalShortcuts portal, stood in for by tests/global-shortcuts-portal.py
# on the session's bus. Bound at start, Preferences → Shortcut shows the
# trigger the desktop chose, and pressing it (Activated) opens quick chat.
# With a portal that offers no global shortcuts, Preferences says so and
# gives the command for a custom shortcut, which Copy copies.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import tempfile

import stewardui as ui

UNAVAILABLE = 'Global shortcuts are unavailable: this desktop does not offer them to apps.'


class Portal:
    """The stand-in GlobalShortcuts portal, owning its name on the session bus."""

    def __init__(self, interface):
        self.dir = tempfile.TemporaryDirectory(prefix='steward-ui-shortcuts-')
        self.log = os.path.join(self.dir.name, 'portal.log')
        self.proc = subprocess.Popen(['/usr/bin/python3', os.environ['STEWARD_GLOBAL_SHORTCUTS_STANDIN'],
                                      '--interface', interface, '--log', self.log],
                                     stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline().strip()
        if line != 'ready':
            raise ui.TestFailure(f'the stand-in portal did not start: {line!r}')

    def calls(self):
        try:
            with open(self.log, encoding='utf-8') as f:
                return f.read()
        except OSError:
            return ''

    def activate(self, shortcut_id):
        ui.run(['gdbus', 'call', '--session', '--dest', 'org.freedesktop.portal.Desktop',
                '--object-path', '/io/github/stewardapp/PortalTest',
                '--method', 'io.github.stewardapp.PortalTest.Activate', shortcut_id])

    def stop(self):
        self.proc.terminate()
        self.proc.wait()
        self.dir.cleanup()


def quick_chat_visible(steward):
    return any(ui.is_visible(node) for node in ui.find_all(steward.app, 'frame', 'Quick Chat'))


def open_preferences(steward):
    steward.key('ctrl+comma')
    return steward.wait_visible('frame', 'Preferences')


def body(steward):
    # Bound: the trigger shows, and pressing it opens quick chat
    portal = Portal('yes')
    try:
        steward.start()
        ui.wait_for(lambda: portal.calls().count('"Response"') == 2, 'the shortcut to be bound')
        assert not quick_chat_visible(steward), 'quick chat opened by itself'
        portal.activate('quick-chat')
        ui.wait_for(lambda: quick_chat_visible(steward), 'the shortcut to open quick chat')

        prefs = open_preferences(steward)
        ui.wait_for(lambda: ui.find(prefs, 'label', 'Ctrl+Alt+Space'), 'the bound trigger in Preferences')
        assert ui.find(prefs, 'label', 'Command for a Custom Shortcut') is None or \
            not ui.is_visible(ui.find(prefs, 'label', 'Command for a Custom Shortcut')), \
            'the custom shortcut command shows though the shortcut is bound'
        steward.stop()
    finally:
        portal.stop()

    # No global shortcuts on this desktop: why, and the command to copy
    portal = Portal('no')
    try:
        steward.start()
        prefs = open_preferences(steward)
        ui.wait_for(lambda: ui.find(prefs, 'label', UNAVAILABLE), 'Preferences to say why there is no shortcut')
        ui.wait_for(lambda: ui.find(prefs, 'label', 'steward --quick-chat'), 'the command for a custom shortcut')
        copy = ui.wait_for(lambda: ui.find(prefs, 'push button', 'Copy Command'), 'the Copy Command button')
        ui.click(copy)
        ui.wait_for(lambda: any('Command copied' in (node.name or '') for node in ui.find_all(prefs, 'label')),
                    'the toast saying the command was copied')
        assert 'CreateSession' not in portal.calls(), 'a session was asked of a portal without global shortcuts'
        ui.run(['import', '-window', 'root', os.path.join(ui.ARTIFACTS_DIR, 'test-global-shortcut.png')])
        steward.stop()
    finally:
        portal.stop()


ui.main('test-global-shortcut', body)

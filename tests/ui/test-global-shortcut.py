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


MEDIA_KEYS = 'org.gnome.settings-daemon.plugins.media-keys'
CUSTOM_PATH = '/org/gnome/settings-daemon/plugins/media-keys/custom-keybindings/steward-quick-chat/'


def gnome_settings(*args):
    """gsettings on the session's own dconf, as Steward writes it"""
    env = dict(os.environ)
    env.pop('GSETTINGS_BACKEND', None)
    done = subprocess.run(['gsettings', *args], env=env, capture_output=True, text=True)
    return done.stdout if done.returncode == 0 else None


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

        # On GNOME, outside the sandbox, Steward adds GNOME's custom
        # shortcut itself (gnome-settings-daemon-common's schemas)
        if gnome_settings('list-schemas') is not None and \
                MEDIA_KEYS in gnome_settings('list-schemas').split():
            # (GTK 4.8 adds the button's own label to the name it is given)
            add = ui.wait_for(lambda: next((node for node in ui.find_all(prefs, 'push button')
                                            if 'Add to GNOME’s Shortcuts' in (node.name or '')), None),
                              'the Add to GNOME’s Shortcuts button')
            ui.click(add)
            ui.wait_for(lambda: any('Shortcut added' in (node.name or '') for node in ui.find_all(prefs, 'label')),
                        'the toast saying the shortcut was added')
            listed = gnome_settings('get', MEDIA_KEYS, 'custom-keybindings')
            assert CUSTOM_PATH in listed, listed
            custom = f'{MEDIA_KEYS}.custom-keybinding:{CUSTOM_PATH}'
            assert gnome_settings('get', custom, 'command').strip() == "'steward --quick-chat'"
            assert gnome_settings('get', custom, 'binding').strip() == "'<Control><Alt>space'"
            ui.wait_for(lambda: not add.getState().contains(ui.pyatspi.STATE_SENSITIVE),
                        'the Add button to be done with')
        else:
            print('# gnome-settings-daemon-common is not installed: GNOME’s custom shortcut not tried')
        ui.run(['import', '-window', 'root', os.path.join(ui.ARTIFACTS_DIR, 'test-global-shortcut.png')])
        steward.stop()
    finally:
        portal.stop()


ui.main('test-global-shortcut', body)

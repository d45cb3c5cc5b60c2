#!/usr/bin/python3
# Run in Background asks the Background portal (stood in for by
# tests/background-portal.py on the session's private bus) with Steward's
# reason and its service command line; outside a sandbox without the
# autostart flag, as Steward's own autostart entry starts it there. When
# the portal says no, Preferences → General says so in one sentence under
# the switch, Steward removes its autostart entry and no longer holds
# itself running.
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

KEY = 'general.run-in-background'
REASON = 'Steward keeps quick chat and task reminders ready'
DENIED = 'Steward may not run in the background: allow it in Settings → Apps → Steward.'


def setting(steward):
    return chatui.cli(steward.data_dir, 'settings', 'get', KEY).strip()


def find_in(frame, role, name):
    return next((node for node in ui.find_all(frame, role)
                 if node.name and node.name.startswith(name) and ui.is_visible(node)), None)


class Portal:
    """The stand-in Background portal, owning its name on the session bus."""

    def __init__(self, answer):
        self.dir = tempfile.mkdtemp(prefix='steward-ui-portal-')
        self.log = os.path.join(self.dir, 'portal.log')
        self.proc = subprocess.Popen(['/usr/bin/python3', os.environ['STEWARD_BACKGROUND_PORTAL_STANDIN'],
                                      '--answer', str(answer), '--log', self.log],
                                     stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline().strip()
        if line != 'ready':
            raise ui.TestFailure(f'the stand-in portal did not start: {line!r}')

    def calls(self):
        try:
            with open(self.log, encoding='utf-8') as f:
                return [json.loads(line) for line in f]
        except OSError:
            return []

    def stop(self):
        self.proc.terminate()
        self.proc.wait()
        shutil.rmtree(self.dir, ignore_errors=True)


def body(steward):
    config = tempfile.mkdtemp(prefix='steward-ui-config-')
    session_config = os.environ.get('XDG_CONFIG_HOME', os.path.expanduser('~/.config'))
    if os.path.isdir(os.path.join(session_config, 'dconf')):
        os.symlink(os.path.join(session_config, 'dconf'), os.path.join(config, 'dconf'))
    os.environ['XDG_CONFIG_HOME'] = config
    autostart = os.path.join(config, 'autostart', f"{os.environ.get('STEWARD_APP_ID', 'io.github.stewardapp.Steward')}.desktop")
    portal = Portal(answer=1)
    try:
        steward.start()
        steward.key('ctrl+comma')
        prefs = steward.wait_visible('frame', 'Preferences')
        ui.click(ui.wait_for(lambda: find_in(prefs, 'page tab', 'General'), 'the General page tab'))
        assert find_in(prefs, 'label', DENIED) is None
        ui.click(ui.wait_for(lambda: find_in(prefs, 'check box', 'Run in Background'),
                             'the Run in Background switch'))
        ui.wait_for(lambda: setting(steward) == 'true', f'{KEY} to be true')

        requests = ui.wait_for(lambda: [c for c in portal.calls() if c['method'] == 'RequestBackground'],
                               'the request to the Background portal')
        assert len(requests) == 1, requests
        options = requests[0]['options']
        assert requests[0]['parent_window'] == '', requests
        assert options['reason'] == REASON, options
        assert options['commandline'] == ['steward', '--gapplication-service'], options
        assert options['autostart'] is False, options

        ui.wait_for(lambda: find_in(prefs, 'label', DENIED), 'the sentence saying the portal said no')
        # Refused: no autostart entry is left, the setting stays as chosen
        assert not os.path.exists(autostart)
        assert setting(steward) == 'true'

        # Off again: the sentence goes
        ui.click(find_in(prefs, 'check box', 'Run in Background'))
        ui.wait_for(lambda: setting(steward) == 'false', f'{KEY} to be false')
        ui.wait_for(lambda: find_in(prefs, 'label', DENIED) is None, 'the sentence to go')
        steward.key('Escape', window='Preferences')
        steward.wait_gone('frame', 'Preferences')
    finally:
        portal.stop()
        shutil.rmtree(config, ignore_errors=True)


ui.main('test-background-portal', body)

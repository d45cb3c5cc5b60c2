#!/usr/bin/python3
# Run in Background (issue 13): turned on in Preferences → General, Steward
# writes its autostart entry and stays running when its last window is
# closed, so `steward --quick-chat` opens quick chat in it at once; turned
# off (with steward-cli, while no window is open) it removes the entry and
# ends. `steward --gapplication-service` starts with no window: it stays
# while the setting is on, and ends by itself while it is off. Quit ends
# Steward whatever the setting.
#
# There is no xdg-desktop-portal in the test session: the Background
# portal's request fails, and Steward writes its own autostart entry, in
# XDG_CONFIG_HOME, a folder of this test's own.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import configparser
import os
import shutil
import subprocess
import tempfile

import chatui
import stewardui as ui

APP_ID = os.environ.get('STEWARD_APP_ID', 'io.github.stewardapp.Steward')
QUICK = 'Quick Chat'
KEY = 'general.run-in-background'


def setting(steward):
    return chatui.cli(steward.data_dir, 'settings', 'get', KEY).strip()


def set_setting(steward, value):
    chatui.cli(steward.data_dir, 'settings', 'set', KEY, value)


def find_in(frame, role, name):
    """The visible @role in @frame whose name starts with @name: GTK 4.8
    adds a row's title to the name of what is in it."""
    return next((node for node in ui.find_all(frame, role)
                 if node.name and node.name.startswith(name) and ui.is_visible(node)), None)


def quick_frames(steward):
    return [node for node in ui.find_all(steward.app, 'frame', QUICK) if ui.is_visible(node)]


def alive(steward):
    return steward.proc is not None and steward.proc.poll() is None


def bus_has_owner(name):
    out = subprocess.run(['gdbus', 'call', '--session', '--dest', 'org.freedesktop.DBus',
                          '--object-path', '/org/freedesktop/DBus',
                          '--method', 'org.freedesktop.DBus.NameHasOwner', name],
                         capture_output=True, text=True).stdout
    return 'true' in out


def start_service(steward):
    """`steward --gapplication-service`, as the autostart entry starts it:
    there is no window to wait for, only its name on the bus."""
    steward.runs += 1
    steward.stderr_path = os.path.join(ui.ARTIFACTS_DIR, f'{steward.test_name}-{steward.runs}.log')
    env = dict(os.environ, STEWARD_DATA_DIR=steward.data_dir, GSETTINGS_SCHEMA_DIR=ui.SCHEMA_DIR)
    env.pop('GSETTINGS_BACKEND', None)
    with open(steward.stderr_path, 'w') as stderr:
        steward.proc = subprocess.Popen([ui.STEWARD_BIN, '--gapplication-service'], env=env,
                                        stdin=subprocess.DEVNULL, stdout=stderr,
                                        stderr=subprocess.STDOUT)


def check_autostart(path):
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    assert entry.read(path) == [path], path
    desktop = entry['Desktop Entry']
    assert desktop['Type'] == 'Application', dict(desktop)
    assert desktop['Name'] == 'Steward', dict(desktop)
    assert desktop['Exec'] == 'steward --gapplication-service', dict(desktop)
    assert desktop['NoDisplay'] == 'true', dict(desktop)
    assert desktop['X-GNOME-Autostart-enabled'] == 'true', dict(desktop)


def body(steward):
    # A config folder of its own, sharing the session's dconf database
    config = tempfile.mkdtemp(prefix='steward-ui-config-')
    session_config = os.environ.get('XDG_CONFIG_HOME', os.path.expanduser('~/.config'))
    if os.path.isdir(os.path.join(session_config, 'dconf')):
        os.symlink(os.path.join(session_config, 'dconf'), os.path.join(config, 'dconf'))
    os.environ['XDG_CONFIG_HOME'] = config
    autostart = os.path.join(config, 'autostart', f'{APP_ID}.desktop')

    try:
        steward.start()
        assert setting(steward) == 'false'
        assert not os.path.exists(autostart)

        # On, in Preferences → General
        steward.key('ctrl+comma')
        prefs = steward.wait_visible('frame', 'Preferences')
        ui.click(ui.wait_for(lambda: find_in(prefs, 'page tab', 'General'), 'the General page tab'))
        switch = ui.wait_for(lambda: find_in(prefs, 'check box', 'Run in Background'),
                             'the Run in Background switch')
        ui.click(switch)
        ui.wait_for(lambda: setting(steward) == 'true', f'{KEY} to be true')
        ui.wait_for(lambda: os.path.exists(autostart), 'the autostart entry')
        check_autostart(autostart)
        # No portal here, and no denial: no sentence under the switch
        assert find_in(prefs, 'label', 'Steward may not run') is None

        steward.key('Escape', window='Preferences')
        steward.wait_gone('frame', 'Preferences')

        # Closing the last window leaves Steward running…
        steward.key('ctrl+w')
        steward.wait_gone('frame', 'Steward')
        pid = steward.proc.pid
        assert alive(steward), 'steward ended when its window closed'

        # …so quick chat opens in it at once
        second = steward.run_again('--quick-chat')
        assert second.returncode == 0, second.stderr
        ui.wait_for(lambda: quick_frames(steward), 'the quick chat window')
        assert steward.proc.pid == pid and alive(steward)
        assert steward.find_visible('frame', 'Steward') is None
        ui.key(QUICK, 'Escape')
        ui.wait_for(lambda: not quick_frames(steward), 'the quick window to hide')
        assert alive(steward), 'steward ended when quick chat closed'

        # Off, from the shell: with no window open, Steward ends, and the
        # autostart entry is gone
        set_setting(steward, 'false')
        assert steward.wait_exit() == 0
        assert not os.path.exists(autostart)

        # Started as a service with the setting on: no window, and it stays
        set_setting(steward, 'true')
        start_service(steward)
        ui.wait_for(lambda: bus_has_owner(APP_ID), 'the service on the session bus')
        ui.wait_for(lambda: os.path.exists(autostart), 'the autostart entry written again')
        assert alive(steward)
        second = steward.run_again('--quick-chat')
        assert second.returncode == 0, second.stderr
        steward.app = ui.wait_for(steward._find_app, 'the service on the accessibility bus')
        ui.wait_for(lambda: quick_frames(steward), 'the quick chat window of the service')
        assert steward.find_visible('frame', 'Steward') is None
        ui.key(QUICK, 'Escape')
        ui.wait_for(lambda: not quick_frames(steward), 'the quick window of the service to hide')
        assert alive(steward), 'the service ended when quick chat closed'
        set_setting(steward, 'false')
        assert steward.wait_exit() == 0
        assert not os.path.exists(autostart)

        # With the setting off, a service start ends by itself
        start_service(steward)
        assert steward.wait_exit() == 0
        assert not bus_has_owner(APP_ID)

        # Quit (Ctrl+Q) ends Steward though the setting is on; the entry
        # stays, for the next session
        set_setting(steward, 'true')
        steward.start()
        ui.wait_for(lambda: os.path.exists(autostart), 'the autostart entry written again')
        steward.key('ctrl+q')
        assert steward.wait_exit() == 0
        assert os.path.exists(autostart)
    finally:
        shutil.rmtree(config, ignore_errors=True)


ui.main('test-background', body)

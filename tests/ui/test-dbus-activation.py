#!/usr/bin/python3
# D-Bus activation (issue 13): with Steward not running, a notification
# clicked in GNOME Shell or a search result opened from the overview
# reaches the app as org.freedesktop.Application.ActivateAction on its
# bus name; the session bus starts Steward from its D-Bus service file
# (data/<app id>.service, `steward --gapplication-service`), and the
# action opens the right place: app.open-result(('project:1', 0)) shows
# the project in Documents.
#
# The service file is installed for the test's own session bus, under
# $XDG_DATA_HOME/dbus-1/services, its Exec a wrapper that runs the built
# binary with the test's data folder.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import signal
import stat

from gi.repository import Gio, GLib

import chatui
import stewardui as ui

chatui.require_tools()

APP_ID = os.environ.get('STEWARD_APP_ID', 'io.github.stewardapp.Steward')
OBJECT_PATH = '/' + APP_ID.replace('.', '/')
PROJECT = 'Launch plan'
SOURCE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')


class ActivatedProcess:
    """Steward as the bus started it: not the test's child, known by
    the pid its wrapper wrote."""

    def __init__(self, pid):
        self.pid = pid

    def poll(self):
        try:
            os.kill(self.pid, 0)
            return None
        except ProcessLookupError:
            return 0

    def send_signal(self, signum):
        try:
            os.kill(self.pid, signum)
        except ProcessLookupError:
            pass

    def kill(self):
        self.send_signal(signal.SIGKILL)

    def wait(self, timeout=ui.TIMEOUT):
        ui.wait_for(lambda: self.poll() is not None, 'steward to exit', timeout)
        return 0


def install_service(steward, folder):
    """The service file as data/ has it, its Exec the wrapper."""
    steward.runs += 1
    os.makedirs(ui.ARTIFACTS_DIR, exist_ok=True)
    steward.stderr_path = os.path.join(ui.ARTIFACTS_DIR, f'{steward.test_name}-{steward.runs}.log')
    pid_file = os.path.join(folder, 'steward.pid')
    wrapper = os.path.join(folder, 'steward-activated')
    with open(wrapper, 'w', encoding='utf-8') as f:
        f.write('#!/bin/sh\n'
                f"echo $$ > '{pid_file}'\n"
                f"export STEWARD_DATA_DIR='{steward.data_dir}' GSETTINGS_SCHEMA_DIR='{ui.SCHEMA_DIR}'\n"
                'unset GSETTINGS_BACKEND\n'
                f"exec '{ui.STEWARD_BIN}' --gapplication-service > '{steward.stderr_path}' 2>&1\n")
    os.chmod(wrapper, os.stat(wrapper).st_mode | stat.S_IXUSR)

    with open(os.path.join(SOURCE_DIR, 'data', 'io.github.stewardapp.Steward.service.in'),
              encoding='utf-8') as f:
        service = f.read().replace('@APP_ID@', APP_ID).replace('@BINDIR@/steward', wrapper)
    services = os.path.join(os.environ['XDG_DATA_HOME'], 'dbus-1', 'services')
    os.makedirs(services, exist_ok=True)
    with open(os.path.join(services, f'{APP_ID}.service'), 'w', encoding='utf-8') as f:
        f.write(service)
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    bus.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus',
                  'ReloadConfig', None, None, Gio.DBusCallFlags.NONE, -1, None)
    # What a desktop session tells the bus once the display is up (the
    # bus here was started before Xvfb)
    display = {key: os.environ[key] for key in ('DISPLAY', 'XAUTHORITY') if key in os.environ}
    bus.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus',
                  'UpdateActivationEnvironment', GLib.Variant('(a{ss})', (display,)), None,
                  Gio.DBusCallFlags.NONE, -1, None)
    return pid_file


def body(steward):
    folder = os.path.join(steward.data_dir, 'activation')
    os.makedirs(folder)
    project = json.loads(chatui.cli(steward.data_dir, 'projects', 'create', PROJECT, '--json'))
    chatui.cli(steward.data_dir, 'phase', 'set', PROJECT, '1', 'A plan for the launch.')
    pid_file = install_service(steward, folder)

    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    owner = bus.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus',
                          'NameHasOwner', GLib.Variant('(s)', (APP_ID,)), None,
                          Gio.DBusCallFlags.NONE, -1, None)
    assert owner.unpack() == (False,), 'Steward runs already'

    # What GNOME Shell sends for a click on a notification
    target = GLib.Variant('(sx)', (f'project:{project["id"]}', 0))
    bus.call_sync(APP_ID, OBJECT_PATH, 'org.freedesktop.Application', 'ActivateAction',
                  GLib.Variant('(sava{sv})', ('open-result', [target], {})), None,
                  Gio.DBusCallFlags.NONE, 30000, None)

    pid = int(ui.wait_for(lambda: os.path.exists(pid_file) and open(pid_file).read().strip(),
                          'the wrapper to say its pid'))
    steward.proc = ActivatedProcess(pid)
    steward.app = ui.wait_for(steward._find_app, 'the activated steward on the accessibility bus')
    steward.frame = ui.wait_for(lambda: steward.find_visible('frame', 'Steward'), 'the window')
    steward.wait_page('Documents')
    steward.wait_visible('label', 'Choose a Phase')
    assert steward.find_visible('label', PROJECT) is not None


ui.main('test-dbus-activation', body)

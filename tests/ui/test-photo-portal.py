#!/usr/bin/python3
# Take a Photo… as in the Flatpak sandbox (STEWARD_CAMERA_PORTAL=1), the
# Camera portal stood in for by tests/camera-portal.py on the session's
# bus: with no camera the button cannot be pressed and says why; when the
# user does not allow the camera, the Take a Photo window says how to
# allow it, and Take Photo cannot be pressed.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import tempfile

import chatui
import stewardui as ui

chatui.require_tools()

DENIED = 'Steward may not use the camera: allow it in Settings → Apps → Steward.'


class Portal:
    """The stand-in Camera portal, owning its name on the session bus."""

    def __init__(self, present, answer):
        self.dir = tempfile.TemporaryDirectory(prefix='steward-ui-portal-')
        self.log = os.path.join(self.dir.name, 'portal.log')
        self.proc = subprocess.Popen(['/usr/bin/python3', os.environ['STEWARD_CAMERA_PORTAL_STANDIN'],
                                      '--present', present, '--answer', answer, '--log', self.log],
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

    def stop(self):
        self.proc.terminate()
        self.proc.wait()
        self.dir.cleanup()


def visible_button(steward, name):
    for node in ui.find_all(steward.app, 'push button'):
        if node.name and node.name.replace('_', '').startswith(name) and ui.is_visible(node):
            return node
    return None


def sensitive(node):
    return node.getState().contains(ui.pyatspi.STATE_SENSITIVE)


def body(steward):
    chatui.cli(steward.data_dir, 'provider', 'add', 'local', '--kind', 'ollama',
               '--base-url', 'http://127.0.0.1:9', '--model', 'm')
    os.environ['STEWARD_CAMERA_PORTAL'] = '1'
    os.environ.pop('STEWARD_VIDEO_SOURCE', None)

    # The portal says there is no camera
    portal = Portal('no', '0')
    try:
        steward.start()
        chatui.open_chat(steward)
        button = ui.wait_for(lambda: visible_button(steward, 'Take a Photo…'), 'Take a Photo…')
        assert not sensitive(button), 'the button can be pressed without a camera'
        assert 'No camera was found' in (button.description or ''), button.description
        assert 'AccessCamera' not in portal.calls(), 'the user was asked without a camera'
        steward.stop()
    finally:
        portal.stop()

    # There is one, but the user does not allow Steward to use it
    portal = Portal('yes', '1')
    try:
        steward.start()
        chatui.open_chat(steward)
        button = ui.wait_for(lambda: visible_button(steward, 'Take a Photo…'), 'Take a Photo…')
        ui.wait_for(lambda: sensitive(button), 'the button to be pressable with a camera')
        ui.click(button)
        ui.wait_for(lambda: ui.x_window('Take a Photo'), 'the Take a Photo window')
        ui.wait_for(lambda: steward.find_visible('label', DENIED), 'the window to say the camera is not allowed')
        take = visible_button(steward, 'Take Photo')
        assert take is not None, 'no Take Photo button'
        assert not sensitive(take), 'Take Photo can be pressed without the camera'
        assert 'OpenPipeWireRemote' not in portal.calls(), 'the camera was opened though refused'
        ui.run(['import', '-window', 'root', os.path.join(ui.ARTIFACTS_DIR, 'test-photo-portal.png')])
        steward.stop()
    finally:
        portal.stop()


ui.main('test-photo-portal', body)

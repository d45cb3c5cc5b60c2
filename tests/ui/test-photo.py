#!/usr/bin/python3
# Take a Photo… in the composer (issue 12): with no camera the button
# cannot be pressed and says why; with one (GStreamer's videotestsrc
# standing in for it) the window shows the live picture, Take Photo
# freezes it, Retake goes back to the live picture, and Attach Photo
# puts the photo with the message being written.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import glob
import os

import chatui
import stewardui as ui

chatui.require_tools()


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

    # No camera here (none is plugged into the test machine)
    if not glob.glob('/dev/video*'):
        os.environ.pop('STEWARD_VIDEO_SOURCE', None)
        steward.start()
        chatui.open_chat(steward)
        button = ui.wait_for(lambda: visible_button(steward, 'Take a Photo…'), 'Take a Photo…')
        assert not sensitive(button), 'the button can be pressed without a camera'
        assert 'camera' in (button.description or ''), button.description
        steward.stop()

    os.environ['STEWARD_VIDEO_SOURCE'] = 'videotestsrc is-live=true pattern=ball'
    steward.start()
    chatui.open_chat(steward)
    button = ui.wait_for(lambda: visible_button(steward, 'Take a Photo…'), 'Take a Photo…')
    ui.wait_for(lambda: sensitive(button), 'the button to be pressable with a camera')
    ui.click(button)
    ui.wait_for(lambda: ui.x_window('Take a Photo'), 'the Take a Photo window')

    take = ui.wait_for(lambda: visible_button(steward, 'Take Photo'), 'Take Photo')
    ui.wait_for(lambda: sensitive(take), 'the live picture (Take Photo pressable)')
    ui.click(take)
    retake = ui.wait_for(lambda: visible_button(steward, 'Retake'), 'Retake once a photo is taken')
    ui.run(['import', '-window', 'root', os.path.join(ui.ARTIFACTS_DIR, 'test-photo.png')])
    ui.click(retake)
    take = ui.wait_for(lambda: visible_button(steward, 'Take Photo'), 'Take Photo again after Retake')
    ui.click(take)
    ui.click(ui.wait_for(lambda: visible_button(steward, 'Attach Photo'), 'Attach Photo'))
    ui.wait_for(lambda: ui.x_window('Take a Photo') is None, 'the window to close')
    ui.wait_for(lambda: steward.find_visible('push button', 'Remove Photo.png'), 'the photo in the composer')


ui.main('test-photo', body)

#!/usr/bin/python3
# The last page and the window size survive a restart: switch to Tasks,
# resize, quit with Ctrl+Q, start again.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import sys

import stewardui as ui

NEW_SIZE = (1100, 720)


def body(steward):
    if not ui.IN_HEADLESS_SESSION:
        # The test needs known UI state to start from, and resets it.
        print('# not in build-aux/headless-session.sh: skipping')
        sys.exit(ui.SKIP)

    steward.start()
    steward.wait_page('Chat')
    start_size = ui.size(steward.frame)

    steward.click('list item', 'Tasks')
    steward.wait_page('Tasks')

    wid = ui.wait_for(lambda: ui.x_window('Steward'), 'the X window “Steward”')
    ui.run(['xdotool', 'windowsize', '--sync', wid, str(NEW_SIZE[0]), str(NEW_SIZE[1])])
    ui.wait_for(lambda: ui.size(steward.frame) != start_size, 'the window to resize')
    resized = ui.size(steward.frame)

    steward.key('ctrl+q')
    status = steward.wait_exit()
    assert status == 0, f'steward exited with status {status}'
    assert ui.get_ui_state('last-page') == "'tasks'", ui.get_ui_state('last-page')

    steward.start()
    steward.wait_page('Tasks')
    steward.wait_visible('label', 'No Tasks')
    ui.wait_for(lambda: ui.size(steward.frame) == resized,
                f'the window to come back at {resized} (it is {ui.size(steward.frame)})')


ui.main('test-window-state', body)

#!/usr/bin/python3
# Preferences (Ctrl+,), Keyboard Shortcuts (Ctrl+?) and About (from the Main
# Menu) open, and each closes with Escape.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import stewardui as ui


def body(steward):
    steward.start()
    steward.wait_visible('list item', 'Chat')

    steward.key('ctrl+comma')
    steward.wait_visible('frame', 'Preferences')
    steward.wait_visible('text', 'Name')
    steward.key('Escape', window='Preferences')
    steward.wait_gone('frame', 'Preferences')

    steward.key('ctrl+shift+question')
    steward.wait_visible('frame', 'Keyboard Shortcuts')
    steward.key('Escape', window='Keyboard Shortcuts')
    steward.wait_gone('frame', 'Keyboard Shortcuts')

    steward.click('push button', 'Main Menu')
    steward.click('menu item', 'About Steward')
    steward.wait_visible('frame', 'About Steward')
    steward.key('Escape', window='About Steward')
    steward.wait_gone('frame', 'About Steward')

    # The main window is still there and usable.
    steward.wait_visible('frame', 'Steward')


ui.main('test-dialogs', body)

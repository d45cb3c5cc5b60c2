#!/usr/bin/python3
# Preferences → Models → Context Size: each size shows the context size of
# its model (its own, or the default), a size typed there is stored for
# that model (steward-cli model list shows it), Reset gives the model the
# default again, and Default Context Size changes the setting every model
# without a size of its own follows.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import sys

import stewardui as ui


def cli(steward, *args):
    return ui.run([ui.STEWARD_CLI, '--data-dir', steward.data_dir, *args]).stdout


def models(steward):
    return {(m['provider'], m['model']): (m['context_tokens'], m['default'])
            for m in json.loads(cli(steward, 'model', 'list', '--json'))}


def keep_tree(steward):
    """The accessible tree as it was when the test failed, to read beside
    the screenshot."""
    if steward.app is None:
        return
    lines = []

    def walk(node, depth):
        try:
            hidden = '' if ui.is_visible(node) else ' (hidden)'
            lines.append(f'{"  " * depth}{node.getRoleName()} “{node.name}”{hidden}')
            for i in range(node.childCount):
                child = node.getChildAtIndex(i)
                if child is not None:
                    walk(child, depth + 1)
        except Exception as error:  # the tree changes under us
            lines.append(f'{"  " * depth}? {error}')

    walk(steward.app, 0)
    os.makedirs(ui.ARTIFACTS_DIR, exist_ok=True)
    with open(os.path.join(ui.ARTIFACTS_DIR, 'test-models-page-tree.txt'), 'w') as f:
        f.write('\n'.join(lines) + '\n')


class Preferences:
    """The Preferences window: queries stay inside it."""

    def __init__(self, steward):
        steward.key('ctrl+comma')
        self.frame = steward.wait_visible('frame', 'Preferences')

    def find(self, role, name):
        return next((node for node in ui.find_all(self.frame, role, name) if ui.is_visible(node)), None)

    def wait(self, role, name):
        return ui.wait_for(lambda: self.find(role, name), f'{role} “{name}” in Preferences')

    def wait_gone(self, role, name):
        ui.wait_for(lambda: self.find(role, name) is None, f'{role} “{name}” to leave Preferences')

    def click(self, role, name):
        node = self.wait(role, name)
        ui.wait_for(lambda: ui.center(node), f'{role} “{name}” to be laid out')
        ui.click(node)
        return node

    def scroll_into_view(self, node):
        """Scroll with the mouse wheel until @node shows whole. The pointer
        stays at the left edge of the page, away from the spin buttons,
        which the wheel would change."""
        frame = self.frame.queryComponent().getExtents(ui.pyatspi.DESKTOP_COORDS)
        x, y = frame.x + 24, frame.y + frame.height // 2
        bottom = frame.y + frame.height
        ui.run(['xdotool', 'mousemove', '--sync', str(x), str(y)])

        def shown():
            extents = node.queryComponent().getExtents(ui.pyatspi.DESKTOP_COORDS)
            if extents.height > 0 and extents.y + extents.height <= bottom - 8:
                return True
            ui.run(['xdotool', 'click', '5'])
            return False

        ui.wait_for(shown, f'“{node.name}” to scroll into view')


def spin_value(node):
    return int(node.queryValue().currentValue)


def type_number(prefs, spin, value):
    """Click into the text of @spin, type @value over it and press Return,
    as a user would."""
    prefs.scroll_into_view(spin)
    wid = ui.wait_for(lambda: ui.x_window('Preferences'), 'the X window “Preferences”')
    ui.run(['xdotool', 'windowfocus', '--sync', wid])
    # The text is at the start of the spin button, its -/+ buttons after it.
    extents = spin.queryComponent().getExtents(ui.pyatspi.DESKTOP_COORDS)
    x, y = extents.x + 12, extents.y + extents.height // 2
    ui.run(['xdotool', 'mousemove', '--sync', str(x), str(y), 'click', '1'])
    ui.run(['xdotool', 'key', 'ctrl+a', 'BackSpace'])
    ui.run(['xdotool', 'type', '--delay', '20', str(value)])
    ui.run(['xdotool', 'key', 'Return'])
    ui.wait_for(lambda: spin_value(spin) == value, f'“{spin.name}” to read {value}')


def body(steward):
    # A provider (never reached: nothing here lists its models) with two
    # sizes mapped, one of whose models has a size of its own.
    cli(steward, 'provider', 'add', 'Local', '--kind', 'ollama', '--base-url', 'http://127.0.0.1:9',
        '--model', 'llama3.2')
    cli(steward, 'tier', 'set', 'small', 'Local', 'qwen3')
    cli(steward, 'tier', 'set', 'medium', 'Local', 'llama3.2')
    cli(steward, 'model', 'set', 'Local', 'qwen3', '--context-tokens', '4096')

    try:
        steward.start()
        steward.wait_visible('list item', 'Chat')
        prefs = Preferences(steward)
        prefs.click('page tab', 'Models')

        small = prefs.wait('spin button', 'Small Context Size')
        medium = prefs.wait('spin button', 'Medium Context Size')
        ui.wait_for(lambda: spin_value(small) == 4096, 'Small Context Size to read 4096')
        ui.wait_for(lambda: spin_value(medium) == 8192, 'Medium Context Size to read the default')
        prefs.wait('push button', 'Reset Small Context Size')
        assert prefs.find('push button', 'Reset Medium Context Size') is None
        # The large size has no model: nothing to size.
        large = prefs.wait('spin button', 'Large Context Size')
        assert not large.getState().contains(ui.pyatspi.STATE_SENSITIVE)

        # Showing the default wrote nothing.
        assert models(steward)[('Local', 'llama3.2')] == (8192, True), models(steward)

        # A size typed for the medium model is stored for it.
        type_number(prefs, medium, 32768)
        ui.wait_for(lambda: models(steward)[('Local', 'llama3.2')] == (32768, False),
                    'llama3.2 to have 32768 tokens of its own')
        assert models(steward)[('Local', 'qwen3')] == (4096, False)
        reset = prefs.wait('push button', 'Reset Medium Context Size')

        # Reset: the model follows the default again.
        prefs.scroll_into_view(reset)
        ui.click(reset)
        ui.wait_for(lambda: models(steward)[('Local', 'llama3.2')] == (8192, True),
                    'llama3.2 to use the default again')
        prefs.wait_gone('push button', 'Reset Medium Context Size')
        ui.wait_for(lambda: spin_value(medium) == 8192, 'Medium Context Size to read the default')

        # The default: stored as the setting, and shown by every model
        # without a size of its own.
        default = prefs.wait('spin button', 'Default Context Size')
        assert spin_value(default) == 8192
        type_number(prefs, default, 16384)
        ui.wait_for(lambda: cli(steward, 'settings', 'get', 'chat.context-tokens').strip() == '16384',
                    'chat.context-tokens to be 16384')
        ui.wait_for(lambda: spin_value(medium) == 16384, 'Medium Context Size to follow the default')
        assert spin_value(small) == 4096
        assert models(steward)[('Local', 'llama3.2')] == (16384, True), models(steward)

        steward.key('Escape', window='Preferences')
        steward.wait_gone('frame', 'Preferences')
    except Exception:
        keep_tree(steward)
        raise


if not ui.STEWARD_CLI or not os.access(ui.STEWARD_CLI, os.X_OK):
    print('# steward-cli is not built')
    sys.exit(ui.SKIP)

ui.main('test-models-page', body)

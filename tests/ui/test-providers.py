#!/usr/bin/python3
# Preferences → Providers: add a provider against the replay server (Test
# Connection lists its models, the key goes into the keyring), map the
# medium size to it on the Models page, rename it (its key and its size
# follow), then remove it again; the CLI and the keyring confirm each
# step.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import subprocess
import sys
import tempfile

import stewardui as ui

KEY = 'sk-ui-test'
SOURCE_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(ui.STEWARD_BIN)))
REPLAY_SERVER = os.environ.get('STEWARD_REPLAY_SERVER') or \
    os.path.join(BUILD_ROOT, 'tests', 'replay-server', 'replay-server')
FIXTURES = os.environ.get('STEWARD_REPLAY_FIXTURES') or \
    os.path.join(SOURCE_ROOT, 'tests', 'fixtures', 'openai')


class ReplayServer:
    def __init__(self):
        self.log = tempfile.NamedTemporaryFile(prefix='steward-replay-', suffix='.log', delete=False).name
        self.proc = subprocess.Popen([REPLAY_SERVER, '--fixtures', FIXTURES, '--port', '0',
                                      '--log', self.log],
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.proc.stdout.readline().strip()
        if not line.isdigit():
            self.stop()
            raise ui.TestFailure(f'the replay server did not print its port (got “{line}”)')
        self.port = int(line)

    def requests(self):
        with open(self.log) as f:
            return [json.loads(line) for line in f if line.strip()]

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(5)

    def keep_log(self):
        os.makedirs(ui.ARTIFACTS_DIR, exist_ok=True)
        shutil.copy(self.log, os.path.join(ui.ARTIFACTS_DIR, 'test-providers-replay.log'))


def keep_tree(steward):
    """The accessible tree as it was when the test failed, to read beside
    the screenshot."""
    if steward.app is None:
        return
    lines = []
    for node, depth in walk_depth(steward.app, 0):
        try:
            hidden = '' if ui.is_visible(node) else ' (hidden)'
            lines.append(f'{"  " * depth}{node.getRoleName()} “{node.name}”{hidden}')
        except Exception as error:  # the tree changes under us
            lines.append(f'{"  " * depth}? {error}')
    os.makedirs(ui.ARTIFACTS_DIR, exist_ok=True)
    with open(os.path.join(ui.ARTIFACTS_DIR, 'test-providers-tree.txt'), 'w') as f:
        f.write('\n'.join(lines) + '\n')


def walk_depth(node, depth):
    yield node, depth
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            yield from walk_depth(child, depth + 1)


def cli(steward, *args):
    return ui.run([ui.STEWARD_CLI, '--data-dir', steward.data_dir, *args]).stdout


def cli_json(steward, *args):
    return json.loads(cli(steward, *args, '--json'))


def keyring_lookup(name):
    # secret-tool prints nothing and exits 1 when there is no such secret.
    result = subprocess.run(['secret-tool', 'lookup', 'kind', 'api-key', 'name', name],
                            capture_output=True, text=True)
    return result.stdout if result.returncode == 0 else None


def in_window(steward, window, role, name):
    """@role “@name” inside the window titled @window, once it shows."""
    return ui.wait_for(lambda: next((node for node in ui.find_all(window, role, name)
                                     if ui.is_visible(node)), None),
                       f'{role} “{name}” in “{window.name}”')


def type_into(steward, window, node, text):
    """Click @node in @window and type @text over what it holds, as a user would."""
    ui.wait_for(lambda: ui.center(node), f'“{node.name}” to be laid out')
    wid = ui.wait_for(lambda: ui.x_window(window.name), f'the X window “{window.name}”')
    ui.run(['xdotool', 'windowfocus', '--sync', wid])
    ui.click(node)
    ui.run(['xdotool', 'key', 'ctrl+a', 'BackSpace'])
    ui.run(['xdotool', 'type', '--delay', '20', text])
    ui.wait_for(lambda: steward.entry_text(node) == text,
                f'“{node.name}” to read “{text}”')


def scroll_into_view(window, node):
    """Scroll @window's content with the mouse wheel until @node shows."""
    wx, wy = ui.center(window)
    ww, wh = ui.size(window)
    bottom = wy + wh // 2

    def shown():
        extents = node.queryComponent().getExtents(ui.pyatspi.DESKTOP_COORDS)
        if extents.y + extents.height <= bottom - 8:
            return True
        ui.run(['xdotool', 'mousemove', '--sync', str(wx), str(wy), 'click', '5'])
        return False

    ui.wait_for(shown, f'“{node.name}” to scroll into view')


def tier(steward, size):
    return next(t for t in cli_json(steward, 'tier', 'list') if t['tier'] == size)


def add_provider(steward, server):
    steward.click('push button', 'Add Provider…')
    dialog = steward.wait_visible('frame', 'Add Provider')

    type_into(steward, dialog, in_window(steward, dialog, 'text', 'Name'), 'Local')
    # OpenAI-compatible is the kind a new provider starts with.
    in_window(steward, dialog, 'combo box', 'Kind')
    ui.wait_for(lambda: ui.find(in_window(steward, dialog, 'combo box', 'Kind'),
                                'label', 'OpenAI-compatible'),
                'the kind “OpenAI-compatible”')
    type_into(steward, dialog, in_window(steward, dialog, 'text', 'Address'),
              f'http://127.0.0.1:{server.port}/v1')
    type_into(steward, dialog, in_window(steward, dialog, 'text', 'API Key'), KEY)

    ui.click(in_window(steward, dialog, 'push button', 'Test Connection'))
    in_window(steward, dialog, 'label', 'Connected: 2 models available')
    model = in_window(steward, dialog, 'list item', 'gpt-4o-mini')
    in_window(steward, dialog, 'list item', 'gpt-4o')

    # The key typed (not yet saved) is the one Test Connection sent.
    listing = [r for r in server.requests() if r['path'] == '/v1/models']
    assert listing, server.requests()
    headers = {k.lower(): v for k, v in listing[-1]['headers'].items()}
    assert headers.get('authorization') == f'Bearer {KEY}', headers

    # Choosing a listed model makes it the default.
    scroll_into_view(dialog, model)
    ui.click(model)
    default_model = in_window(steward, dialog, 'text', 'Default Model')
    ui.wait_for(lambda: steward.entry_text(default_model) == 'gpt-4o-mini',
                'Default Model to read “gpt-4o-mini”')

    ui.click(in_window(steward, dialog, 'push button', 'Add'))
    steward.wait_gone('frame', 'Add Provider')
    steward.wait_visible('list item', 'Local')
    steward.wait_gone('list item', 'No Providers Yet')

    providers = cli_json(steward, 'provider', 'list')
    assert len(providers) == 1, providers
    local = providers[0]
    assert local['name'] == 'Local', local
    assert local['kind'] == 'openai', local
    assert local['base_url'] == f'http://127.0.0.1:{server.port}/v1', local
    assert local['model'] == 'gpt-4o-mini', local
    assert local['api_key_env'] is None, local
    assert local['has_key'] is True, local
    assert KEY not in json.dumps(providers), 'the key leaked into the provider listing'
    assert keyring_lookup('Local') == KEY, 'the key is not in the keyring'


def map_medium_size(steward):
    steward.click('page tab', 'Models')
    provider = steward.wait_visible('combo box', 'Medium Provider')
    model = steward.wait_visible('text', 'Medium Model')

    # The combo row's list pops up over the window with the current choice
    # (Not Set) focused: the next one down is the only provider.
    steward.click('combo box', 'Medium Provider')
    ui.wait_for(lambda: any(ui.is_visible(node) for node in ui.find_all(provider, 'label', 'Local')),
                'the list of providers to pop up')
    ui.run(['xdotool', 'key', '--delay', '100', 'Down', 'Return'])

    # The provider's default model fills in, and the size is saved at once.
    ui.wait_for(lambda: steward.entry_text(model) == 'gpt-4o-mini',
                'Medium Model to read “gpt-4o-mini”')
    ui.wait_for(lambda: tier(steward, 'medium') == {'tier': 'medium', 'provider': 'Local',
                                                    'model': 'gpt-4o-mini'},
                'the medium size to be Local / gpt-4o-mini')

    # The suggestions come from the provider's list of models.
    steward.click('push button', 'Medium Model Suggestions')
    steward.click('menu item', 'gpt-4o')
    ui.wait_for(lambda: steward.entry_text(model) == 'gpt-4o', 'Medium Model to read “gpt-4o”')
    ui.wait_for(lambda: tier(steward, 'medium')['model'] == 'gpt-4o',
                'the medium size to use gpt-4o')

    # Typing a model works too, and is saved without pressing anything.
    type_into(steward, steward.wait_visible('frame', 'Preferences'), model, 'gpt-4o-mini')
    ui.wait_for(lambda: tier(steward, 'medium')['model'] == 'gpt-4o-mini',
                'the medium size to use gpt-4o-mini again')
    assert tier(steward, 'small')['provider'] is None
    assert tier(steward, 'large')['provider'] is None


def rename_provider(steward, server):
    steward.click('page tab', 'Providers')
    steward.click('push button', 'Edit Local')
    dialog = steward.wait_visible('frame', 'Edit Provider')

    name = in_window(steward, dialog, 'text', 'Name')
    ui.wait_for(lambda: steward.entry_text(name) == 'Local', 'Name to read “Local”')
    # The stored key is looked up before Save can be pressed.
    in_window(steward, dialog, 'label', 'Key Stored in the Keyring')
    type_into(steward, dialog, name, 'Office')
    ui.click(in_window(steward, dialog, 'push button', 'Save'))
    steward.wait_gone('frame', 'Edit Provider')
    steward.wait_visible('list item', 'Office')
    steward.wait_gone('list item', 'Local')

    providers = cli_json(steward, 'provider', 'list')
    assert [p['name'] for p in providers] == ['Office'], providers
    assert providers[0]['base_url'] == f'http://127.0.0.1:{server.port}/v1', providers
    assert providers[0]['has_key'] is True, providers
    assert keyring_lookup('Office') == KEY, 'the key did not follow the new name'
    assert keyring_lookup('Local') is None, 'the key stayed under the old name'
    assert tier(steward, 'medium') == {'tier': 'medium', 'provider': 'Office', 'model': 'gpt-4o-mini'}


def remove_provider(steward, name):
    steward.click('page tab', 'Providers')
    steward.click('push button', f'Remove {name}')
    steward.wait_visible('label', 'Remove Provider?')
    steward.wait_visible('label', f'{name} and its API key will be removed. '
                                  'Conversations keep their messages.')
    steward.click('push button', 'Remove')

    steward.wait_gone('list item', name)
    steward.wait_visible('list item', 'No Providers Yet')
    assert cli_json(steward, 'provider', 'list') == []
    ui.wait_for(lambda: keyring_lookup(name) is None, 'the key to leave the keyring')
    assert tier(steward, 'medium')['provider'] is None


def body(steward):
    server = ReplayServer()
    try:
        steward.start()
        steward.wait_visible('list item', 'Chat')

        steward.key('ctrl+comma')
        steward.wait_visible('frame', 'Preferences')
        steward.click('page tab', 'Providers')
        steward.wait_visible('list item', 'No Providers Yet')

        add_provider(steward, server)
        map_medium_size(steward)
        rename_provider(steward, server)
        remove_provider(steward, 'Office')

        steward.key('Escape', window='Preferences')
        steward.wait_gone('frame', 'Preferences')
    except Exception:
        server.keep_log()
        keep_tree(steward)
        raise
    finally:
        server.stop()
        os.unlink(server.log)


for what, path in (('steward-cli', ui.STEWARD_CLI), ('the replay server', REPLAY_SERVER)):
    if not path or not os.access(path, os.X_OK):
        print(f'# {what} is not built')
        sys.exit(ui.SKIP)

if shutil.which('secret-tool') is None:
    print('# secret-tool is not installed')
    sys.exit(ui.SKIP)

ui.main('test-providers', body)

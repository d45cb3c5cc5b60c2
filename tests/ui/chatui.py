# chatui.py: helpers for the Chat page's UI tests (test-chat*.py).
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A replay server standing in for a provider, the CLI to set Steward up
# the way a user would, and queries over the conversation view.

import json
import os
import subprocess
import sys
import tempfile

import stewardui as ui

REPLAY_SERVER = os.environ.get('STEWARD_REPLAY_SERVER', '')
FIXTURES_DIR = os.environ.get('STEWARD_FIXTURES_DIR', '')
TEST_KEY_ENV = 'STEWARD_TEST_KEY'

# The replay server checks nothing, but an Anthropic provider wants a key.
os.environ[TEST_KEY_ENV] = 'sk-test-123'


def require_tools():
    for path in (ui.STEWARD_CLI, REPLAY_SERVER):
        if not path or not os.access(path, os.X_OK):
            print(f'# {path or "a needed program"} is not built')
            sys.exit(ui.SKIP)


class Replay:
    """tests/replay-server serving tests/fixtures/@kind, or the folder
    @fixtures_dir a test wrote its own bodies to."""

    def __init__(self, kind, dribble=None, delay_ms=None, fixtures_dir=None):
        self.log = tempfile.NamedTemporaryFile(prefix='steward-replay-', suffix='.log', delete=False).name
        argv = [REPLAY_SERVER, '--fixtures', fixtures_dir or os.path.join(FIXTURES_DIR, kind),
                '--port', '0', '--log', self.log]
        if dribble:
            argv += ['--dribble', str(dribble)]
        if delay_ms:
            argv += ['--delay-ms', str(delay_ms)]
        self.proc = subprocess.Popen(argv, stdout=subprocess.PIPE, text=True)
        self.port = int(self.proc.stdout.readline().strip())
        self.url = f'http://127.0.0.1:{self.port}'

    def requests(self):
        with open(self.log, encoding='utf-8') as f:
            return [json.loads(line) for line in f if line.strip()]

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(5)
        try:
            os.unlink(self.log)
        except OSError:
            pass


def cli(data_dir, *args):
    return ui.run([ui.STEWARD_CLI, '--data-dir', data_dir, *args]).stdout


def add_provider(data_dir, replay, model='text_stream', kind='anthropic'):
    cli(data_dir, 'provider', 'add', 'local', '--kind', kind, '--base-url', replay.url,
        '--model', model, '--api-key-env', TEST_KEY_ENV)
    cli(data_dir, 'tier', 'set', 'medium', 'local', model)


def store_conversation(db, title, when, exchanges):
    """Write a conversation straight into the store's SQLite file, as an
    older session would have left it: @exchanges are (question, reply)
    pairs, all complete. Returns its id."""
    cursor = db.execute('INSERT INTO conversations (title, created_at, updated_at) '
                        'VALUES (?, ?, ?)', (title, when, when))
    for question, reply in exchanges:
        for role, content in (('user', question), ('assistant', reply)):
            db.execute('INSERT INTO messages (conversation_id, role, content, status, '
                       '                      created_at, updated_at) '
                       "VALUES (?, ?, ?, 'complete', ?, ?)",
                       (cursor.lastrowid, role, content, when, when))
    return cursor.lastrowid


def conversations(data_dir):
    return json.loads(cli(data_dir, 'conversations', 'list', '--json'))


def conversation(data_dir, conversation_id):
    return json.loads(cli(data_dir, 'conversations', 'show', str(conversation_id), '--json'))


def expected_text(kind, name):
    with open(os.path.join(FIXTURES_DIR, kind, f'{name}.expected.txt'), encoding='utf-8') as f:
        return f.read()


def message_labels(steward):
    """The texts of the labels in the conversation view, in order."""
    messages = steward.find_visible('list', 'Messages')
    if messages is None:
        return []
    return [node.name for node in ui.find_all(messages, 'label') if node.name]


def shows_text(steward, text):
    return any(text in label for label in message_labels(steward))


def send(steward, text):
    """Type @text in the composer and press Enter."""
    composer = steward.click('text', 'Message')
    ui.wait_for(lambda: composer.getState().contains(ui.pyatspi.STATE_FOCUSED),
                'the composer to take the focus')
    wid = ui.wait_for(lambda: ui.x_window('Steward'), 'the main window')
    ui.run(['xdotool', 'windowfocus', '--sync', wid])
    ui.run(['xdotool', 'type', '--delay', '5', text])
    ui.wait_for(lambda: steward.entry_text(composer) == text, f'the composer to read “{text}”')
    steward.key('Return')
    return composer


def open_chat(steward):
    steward.click('list item', 'Chat')
    steward.wait_page('Chat')

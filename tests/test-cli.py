#!/usr/bin/python3
# test-cli.py: steward-cli's contract, run against a real store.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
import threading
import unittest

CLI = None
CONTROLS = re.compile('[\x00-\x08\x0b-\x1f\x7f-\x9f]')


def mount_namespace_argv():
    """How to run a command in a private mount namespace where it may
    mount, or None when this machine does not allow it."""
    for argv in (['unshare', '-m'], ['unshare', '-r', '-m']):
        if argv == ['unshare', '-m'] and os.geteuid() != 0:
            continue
        try:
            probe = subprocess.run(argv + ['/bin/sh', '-c', 'mount -t tmpfs none /mnt'],
                                   capture_output=True, timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if probe.returncode == 0:
            return argv
    return None


class CliTestCase(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix='steward-test-cli-')
        self.data_dir = os.path.join(self.tmp, 'data')
        self.env = dict(os.environ)
        self.env.pop('STEWARD_DATA_DIR', None)
        self.env['XDG_DATA_HOME'] = os.path.join(self.tmp, 'xdg')

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def run_cli(self, *args, data_dir=True, env=None):
        argv = [CLI]
        if data_dir:
            argv += ['--data-dir', self.data_dir]
        argv += list(args)
        return subprocess.run(argv, capture_output=True, text=True,
                              env=env or self.env, timeout=30)

    def assert_ok(self, result):
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stderr, '')
        return result.stdout

    def assert_one_sentence(self, result, status):
        self.assertEqual(result.returncode, status)
        self.assertEqual(result.stdout, '')
        lines = result.stderr.splitlines()
        self.assertEqual(len(lines), 1, result.stderr)
        self.assertTrue(lines[0].startswith('steward-cli: '), lines[0])
        self.assertTrue(lines[0].rstrip().endswith('.'), lines[0])
        return lines[0]

    def db(self):
        return sqlite3.connect(os.path.join(self.data_dir, 'steward.db'))

    def sql(self, script):
        db = self.db()
        try:
            with db:
                db.executescript(script)
        finally:
            db.close()

    def run_to(self, stdout, *args):
        """Runs the CLI with its standard output going to @stdout (a path)."""
        with open(stdout, 'wb') as out:
            return subprocess.run([CLI, '--data-dir', self.data_dir, *args], stdout=out,
                                  stderr=subprocess.PIPE, text=True, env=self.env, timeout=30)


class TestGeneral(CliTestCase):
    def test_version(self):
        out = self.assert_ok(self.run_cli('--version', data_dir=False))
        self.assertRegex(out, r'^steward-cli \d+\.\d+\.\d+\n$')

    def test_help(self):
        out = self.assert_ok(self.run_cli('--help', data_dir=False))
        for words in ('settings list', 'settings get KEY', 'settings set KEY VALUE',
                      'conversations list', '--data-dir DIR', '--json', '--output FILE',
                      'data folder cannot be written'):
            self.assertIn(words, out)

    def test_no_command_is_usage_error(self):
        result = self.run_cli(data_dir=False)
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stdout, '')
        self.assertIn('Usage:', result.stderr)

    def test_unknown_command(self):
        line = self.assert_one_sentence(self.run_cli('dance'), 2)
        self.assertIn('dance', line)
        self.assertFalse(os.path.exists(self.data_dir))

    def test_unknown_option(self):
        line = self.assert_one_sentence(self.run_cli('settings', 'list', '--shiny'), 2)
        self.assertIn('--shiny', line)


class TestSettings(CliTestCase):
    def test_list_defaults_json(self):
        settings = json.loads(self.assert_ok(self.run_cli('settings', 'list', '--json')))
        self.assertIsInstance(settings, list)
        by_key = {s['key']: s for s in settings}
        self.assertEqual(by_key['memory.short-term-exchanges']['value'], '5')
        self.assertEqual(by_key['memory.budget-tokens']['value'], '1000')
        self.assertEqual(by_key['memory.auto']['value'], 'true')
        for key in ('personal.name', 'personal.language', 'personal.tone',
                    'personal.instructions'):
            self.assertEqual(by_key[key]['value'], '')
        for s in settings:
            self.assertEqual(set(s), {'key', 'value', 'default', 'type', 'summary'})

    def test_list_plain(self):
        out = self.assert_ok(self.run_cli('settings', 'list'))
        self.assertRegex(out, r'(?m)^memory\.short-term-exchanges\s+5$')

    def test_set_get_round_trip(self):
        self.assertEqual(self.assert_ok(self.run_cli('settings', 'set', 'personal.name', 'Zoë')), '')
        self.assertEqual(self.assert_ok(self.run_cli('settings', 'get', 'personal.name')), 'Zoë\n')
        self.assert_ok(self.run_cli('settings', 'set', 'memory.auto', 'off'))
        self.assertEqual(self.assert_ok(self.run_cli('settings', 'get', 'memory.auto')), 'false\n')
        self.assert_ok(self.run_cli('settings', 'set', '--', 'personal.tone', '-terse-'))
        self.assertEqual(self.assert_ok(self.run_cli('settings', 'get', 'personal.tone')), '-terse-\n')
        value = json.loads(self.assert_ok(self.run_cli('settings', 'get', 'personal.name', '--json')))
        self.assertEqual(value, 'Zoë')
        # Stored in SQLite, where the core reads it.
        with self.db() as db:
            row = db.execute("SELECT value FROM settings WHERE key = 'personal.name'").fetchone()
        self.assertEqual(row[0], 'Zoë')

    def test_bad_value_keeps_old(self):
        self.assert_ok(self.run_cli('settings', 'set', 'memory.short-term-exchanges', '7'))
        line = self.assert_one_sentence(
            self.run_cli('settings', 'set', 'memory.short-term-exchanges', 'lots'), 1)
        self.assertIn('whole number', line)
        self.assertEqual(self.assert_ok(self.run_cli('settings', 'get', 'memory.short-term-exchanges')), '7\n')

    def test_unknown_key(self):
        line = self.assert_one_sentence(self.run_cli('settings', 'get', 'no.such'), 2)
        self.assertIn('no.such', line)

    def test_missing_arguments(self):
        self.assert_one_sentence(self.run_cli('settings', 'set', 'personal.name'), 2)
        self.assert_one_sentence(self.run_cli('settings', 'get'), 2)
        self.assert_one_sentence(self.run_cli('settings', 'list', 'extra'), 2)


class TestConversations(CliTestCase):
    def test_empty(self):
        self.assertEqual(json.loads(self.assert_ok(self.run_cli('conversations', 'list', '--json'))), [])
        self.assertEqual(self.assert_ok(self.run_cli('conversations', 'list')), '')

    def test_listing_most_recent_first(self):
        self.assert_ok(self.run_cli('conversations', 'list'))
        with self.db() as db:
            db.executescript("""
                INSERT INTO conversations (title, created_at, updated_at) VALUES
                  ('Older', '2026-01-01T08:00:00.000Z', '2026-01-02T09:30:00.250Z'),
                  ('Newer', '2026-02-01T08:00:00.000Z', '2026-02-03T10:00:00.000Z');
                INSERT INTO messages (conversation_id, role, content, created_at, updated_at)
                  VALUES (1, 'user', 'hi', '2026-01-01T08:00:00Z', '2026-01-01T08:00:00Z'),
                         (1, 'assistant', 'hello', '2026-01-01T08:00:01Z', '2026-01-01T08:00:01Z');
            """)
        listing = json.loads(self.assert_ok(self.run_cli('conversations', 'list', '--json')))
        self.assertEqual([c['title'] for c in listing], ['Newer', 'Older'])
        self.assertEqual(listing[1], {
            'id': 1, 'title': 'Older', 'created_at': '2026-01-01T08:00:00Z',
            'updated_at': '2026-01-02T09:30:00Z', 'message_count': 2, 'quick': False,
        })
        iso = re.compile(r'^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$')
        for c in listing:
            self.assertRegex(c['created_at'], iso)
        plain = self.assert_ok(self.run_cli('conversations', 'list')).splitlines()
        self.assertEqual(len(plain), 2)
        self.assertIn('Newer', plain[0])

    def test_show_follows_branch(self):
        # A regenerated reply (schema 8): show, export and search follow
        # the branch shown; the other version stays stored.
        self.assert_ok(self.run_cli('conversations', 'list'))
        with self.db() as db:
            db.executescript("""
                INSERT INTO conversations (title, created_at, updated_at)
                  VALUES ('hi', '2026-01-01T08:00:00.000Z', '2026-01-01T08:00:00.000Z');
                INSERT INTO messages (conversation_id, role, content, created_at, updated_at)
                  VALUES (1, 'user', 'hi', '2026-01-01T08:00:00Z', '2026-01-01T08:00:00Z'),
                         (1, 'assistant', 'hello', '2026-01-01T08:00:01Z', '2026-01-01T08:00:01Z');
                UPDATE messages SET active = 0, selected = 0 WHERE id = 2;
                INSERT INTO messages (conversation_id, parent_id, role, content, created_at, updated_at)
                  VALUES (1, 1, 'assistant', 'howdy', '2026-01-01T08:00:02Z', '2026-01-01T08:00:02Z');
            """)
        shown = json.loads(self.assert_ok(self.run_cli('conversations', 'show', '1', '--json')))
        self.assertEqual([m['content'] for m in shown['messages']], ['hi', 'howdy'])
        self.assertEqual([(m['parent_id'], m['alternative'], m['alternatives']) for m in shown['messages']],
                         [(None, 1, 1), (1, 2, 2)])
        exported = self.assert_ok(self.run_cli('conversations', 'export', '1', '--format', 'md'))
        self.assertIn('howdy', exported)
        self.assertNotIn('hello', exported)
        self.assertEqual(json.loads(self.assert_ok(self.run_cli('conversations', 'search', 'hello', '--json'))), [])
        listing = json.loads(self.assert_ok(self.run_cli('conversations', 'list', '--json')))
        self.assertEqual(listing[0]['message_count'], 2)

    def test_delete(self):
        # Failed chats can leave conversations of one message: they go in
        # one command, with their messages; a bad id deletes nothing.
        self.assert_ok(self.run_cli('conversations', 'list'))
        with self.db() as db:
            db.executescript("""
                INSERT INTO conversations (title, created_at, updated_at) VALUES
                  ('hi', '2026-01-01T08:00:00.000Z', '2026-01-01T08:00:00.000Z'),
                  ('hi', '2026-01-01T09:00:00.000Z', '2026-01-01T09:00:00.000Z'),
                  ('Keep', '2026-01-01T10:00:00.000Z', '2026-01-01T10:00:00.000Z');
                INSERT INTO messages (conversation_id, role, content, status, created_at, updated_at)
                  VALUES (1, 'user', 'hi', 'complete', '2026-01-01T08:00:00Z', '2026-01-01T08:00:00Z'),
                         (2, 'user', 'hi', 'complete', '2026-01-01T09:00:00Z', '2026-01-01T09:00:00Z');
            """)
        self.assert_one_sentence(self.run_cli('conversations', 'delete'), 2)
        self.assert_one_sentence(self.run_cli('conversations', 'delete', '1', 'x'), 2)
        self.assert_one_sentence(self.run_cli('conversations', 'delete', '1', '9'), 1)
        self.assertEqual(len(json.loads(self.assert_ok(self.run_cli('conversations', 'list', '--json')))), 3)
        self.assertEqual(self.assert_ok(self.run_cli('conversations', 'delete', '1', '2')), '')
        listing = json.loads(self.assert_ok(self.run_cli('conversations', 'list', '--json')))
        self.assertEqual([c['title'] for c in listing], ['Keep'])
        with self.db() as db:
            self.assertEqual(db.execute('SELECT count(*) FROM messages').fetchone()[0], 0)


class TestMemory(CliTestCase):
    def test_add_list_pin_forget(self):
        added = json.loads(self.assert_ok(self.run_cli('memory', 'add', "I'm", 'vegetarian', '--json')))
        self.assertEqual(added['text'], "I'm vegetarian")
        self.assertFalse(added['pinned'])
        self.assertEqual(added['origin'], 'user')
        second = json.loads(self.assert_ok(self.run_cli('memory', 'add', '--pin', 'Answer in British English', '--json')))
        self.assertTrue(second['pinned'])

        listing = json.loads(self.assert_ok(self.run_cli('memory', 'list', '--json')))
        self.assertEqual([m['id'] for m in listing], [second['id'], added['id']])

        pinned = json.loads(self.assert_ok(self.run_cli('memory', 'pin', str(added['id']), '--json')))
        self.assertTrue(pinned['pinned'])
        self.assert_ok(self.run_cli('memory', 'unpin', str(added['id'])))
        self.assertEqual(self.assert_ok(self.run_cli('memory', 'forget', str(added['id']))), '')
        listing = json.loads(self.assert_ok(self.run_cli('memory', 'list', '--json')))
        self.assertEqual([m['id'] for m in listing], [second['id']])

        self.assertIn(str(added['id']), self.assert_one_sentence(self.run_cli('memory', 'forget', str(added['id'])), 1))
        self.assert_one_sentence(self.run_cli('memory', 'pin', 'seven'), 2)
        self.assert_one_sentence(self.run_cli('memory', 'add', '   '), 1)


class TestSearchAndExport(CliTestCase):
    def setUp(self):
        super().setUp()
        self.assert_ok(self.run_cli('conversations', 'list'))
        with self.db() as db:
            db.executescript("""
                INSERT INTO conversations (title, created_at, updated_at) VALUES
                  ('Coffee in Lisbon', '2026-01-01T08:00:00Z', '2026-01-01T08:00:00Z'),
                  ('Python', '2026-01-02T08:00:00Z', '2026-01-02T08:00:00Z');
                INSERT INTO messages (conversation_id, role, content, status, created_at, updated_at) VALUES
                  (1, 'user', 'Where is a good café?', 'complete', '2026-01-01T08:00:00Z', '2026-01-01T08:00:00Z'),
                  (1, 'assistant', 'Try **Café A Brasileira**:

- a bica
- a pastel de nata', 'complete', '2026-01-01T08:00:01Z', '2026-01-01T08:00:01Z'),
                  (2, 'user', 'Reverse a list?', 'complete', '2026-01-02T08:00:00Z', '2026-01-02T08:00:00Z'),
                  (2, 'assistant', 'Use reversed().', 'interrupted', '2026-01-02T08:00:01Z', '2026-01-02T08:00:01Z');
            """)

    def test_search_folds_diacritics_and_matches_prefixes(self):
        # Each conversation once, by its best match, with how many more
        # of its messages match.
        results = json.loads(self.assert_ok(self.run_cli('conversations', 'search', 'cafe', '--json')))
        self.assertEqual(len(results), 1)
        for r in results:
            self.assertEqual(set(r), {'message_id', 'conversation_id', 'title', 'role', 'snippet', 'created_at',
                                      'more_matches'})
            self.assertEqual(r['conversation_id'], 1)
            self.assertEqual(r['more_matches'], 1)
            self.assertIn('**', r['snippet'])
        # The snippet is the text without its Markdown; only the match is
        # marked.
        brasil = json.loads(self.assert_ok(self.run_cli('conversations', 'search', 'brasil', '--json')))
        self.assertEqual([r['snippet'] for r in brasil], ['Try Café A **Brasileira**: a bica a pastel de nata'])
        self.assertEqual(brasil[0]['more_matches'], 0)
        self.assertEqual(json.loads(self.assert_ok(self.run_cli('conversations', 'search', 'cafe', 'python', '--json'))), [])
        plain = self.assert_ok(self.run_cli('conversations', 'search', 'revers'))
        self.assertEqual(plain.count('Python'), 1)
        self.assertIn('«reversed»().  (1 more in this conversation)', plain)
        self.assertNotIn('«Reverse»', plain)
        plain = self.assert_ok(self.run_cli('conversations', 'search', 'cafe'))
        self.assertEqual(plain.count('Coffee in Lisbon'), 1)
        self.assertIn('«café»?  (1 more in this conversation)', plain)

    def test_search_without_match_says_so(self):
        result = self.run_cli('conversations', 'search', 'leeks')
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout, '')
        self.assertEqual(result.stderr, 'No message matches “leeks”.\n')
        # Scripts get the empty list, and nothing on standard error.
        result = self.run_cli('conversations', 'search', 'leeks', '--json')
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(json.loads(result.stdout), [])
        self.assertEqual(result.stderr, '')

    def test_export_markdown(self):
        out = self.assert_ok(self.run_cli('conversations', 'export', '1', '--format', 'md'))
        self.assertTrue(out.startswith('# Coffee in Lisbon\n'))
        self.assertIn('## You\n\nWhere is a good café?\n', out)
        self.assertIn('- a pastel de nata\n', out)
        out = self.assert_ok(self.run_cli('conversations', 'export', '2', '--format', 'md'))
        self.assertIn('Stopped before the reply was complete.', out)

    def test_export_json_to_file(self):
        path = os.path.join(self.tmp, 'out.json')
        self.assertEqual(self.assert_ok(self.run_cli('conversations', 'export', '1', '--format', 'json',
                                                     '--output', path)), '')
        with open(path, encoding='utf-8') as f:
            exported = json.load(f)
        shown = json.loads(self.assert_ok(self.run_cli('conversations', 'show', '1', '--json')))
        self.assertEqual(exported, shown)
        self.assertEqual(len(exported['messages']), 2)

    def test_export_errors(self):
        self.assert_one_sentence(self.run_cli('conversations', 'export', '1'), 2)
        self.assert_one_sentence(self.run_cli('conversations', 'export', '1', '--format', 'pdf'), 2)
        self.assert_one_sentence(self.run_cli('conversations', 'export', '9', '--format', 'md'), 1)
        line = self.assert_one_sentence(self.run_cli('conversations', 'export', '1', '--format', 'md',
                                                     '--output', os.path.join(self.tmp, 'no', 'such', 'x.md')), 1)
        self.assertIn('x.md', line)


class TestStore(CliTestCase):
    def test_data_dir_precedence(self):
        env = dict(self.env)
        env['STEWARD_DATA_DIR'] = os.path.join(self.tmp, 'from-env')
        self.assert_ok(self.run_cli('settings', 'set', 'personal.name', 'Option', env=env))
        self.assertTrue(os.path.exists(os.path.join(self.data_dir, 'steward.db')))
        self.assertFalse(os.path.exists(env['STEWARD_DATA_DIR']))

        self.assert_ok(self.run_cli('settings', 'set', 'personal.name', 'Env', data_dir=False, env=env))
        self.assertTrue(os.path.exists(os.path.join(env['STEWARD_DATA_DIR'], 'steward.db')))

        self.assert_ok(self.run_cli('settings', 'set', 'personal.name', 'Xdg', data_dir=False))
        xdg_db = os.path.join(self.tmp, 'xdg', 'steward', 'steward.db')
        self.assertTrue(os.path.exists(xdg_db))
        self.assertEqual(self.assert_ok(self.run_cli('settings', 'get', 'personal.name', data_dir=False)), 'Xdg\n')
        self.assertEqual(self.assert_ok(self.run_cli('settings', 'get', 'personal.name')), 'Option\n')

    def test_corrupt_file_refused(self):
        os.makedirs(self.data_dir)
        path = os.path.join(self.data_dir, 'steward.db')
        garbage = b'this is not a database\n' * 400
        with open(path, 'wb') as f:
            f.write(garbage)
        line = self.assert_one_sentence(self.run_cli('conversations', 'list'), 1)
        self.assertIn(path, line)
        with open(path, 'rb') as f:
            self.assertEqual(f.read(), garbage)

    def test_newer_database_refused(self):
        os.makedirs(self.data_dir)
        path = os.path.join(self.data_dir, 'steward.db')
        with sqlite3.connect(path) as db:
            db.execute('PRAGMA user_version = 999')
            db.execute('CREATE TABLE future (x)')
        with open(path, 'rb') as f:
            before = f.read()
        line = self.assert_one_sentence(self.run_cli('settings', 'list'), 1)
        self.assertIn(path, line)
        self.assertIn('newer version', line)
        with open(path, 'rb') as f:
            self.assertEqual(f.read(), before)


SEED = """
    INSERT INTO conversations (title, created_at, updated_at) VALUES
      ('Coffee in Lisbon', '2026-01-01T08:00:00Z', '2026-01-01T08:00:00Z');
    INSERT INTO messages (conversation_id, role, content, status, created_at, updated_at) VALUES
      (1, 'user', 'Where is a good café?', 'complete', '2026-01-01T08:00:00Z', '2026-01-01T08:00:00Z'),
      (1, 'assistant', 'Try **Café A Brasileira**.', 'complete', '2026-01-01T08:00:01Z', '2026-01-01T08:00:01Z');
"""


class TestWriteErrors(CliTestCase):
    """Output that cannot be written is a failure, never a silent exit 0."""

    def setUp(self):
        super().setUp()
        if not stat.S_ISCHR(os.stat('/dev/full').st_mode):
            self.skipTest('/dev/full is not a device here')
        self.assert_ok(self.run_cli('memory', 'add', 'I like leeks'))
        self.assert_ok(self.run_cli('provider', 'add', 'local', '--kind', 'ollama'))
        self.sql(SEED)

    def assert_write_failed(self, result):
        self.assertEqual(result.returncode, 1, result.stderr)
        lines = result.stderr.splitlines()
        self.assertEqual(len(lines), 1, result.stderr)
        self.assertTrue(lines[0].startswith('steward-cli: '), lines[0])
        self.assertTrue(lines[0].endswith('.'), lines[0])
        self.assertIn('No space left on device', lines[0])
        return lines[0]

    def test_full_stdout(self):
        for args in (('--version',), ('--help',),
                     ('conversations', 'list'), ('conversations', 'list', '--json'),
                     ('conversations', 'show', '1'), ('conversations', 'show', '1', '--json'),
                     ('conversations', 'search', 'cafe'), ('conversations', 'search', 'cafe', '--json'),
                     ('conversations', 'export', '1', '--format', 'md'),
                     ('conversations', 'export', '1', '--format', 'json'),
                     ('conversations', 'export', '1', '--format', 'md', '--output', '-'),
                     ('memory', 'list'), ('memory', 'list', '--json'), ('memory', 'add', 'More leeks'),
                     ('settings', 'list'), ('settings', 'list', '--json'),
                     ('settings', 'get', 'memory.auto'), ('provider', 'list'), ('provider', 'list', '--json'),
                     ('tier', 'list'), ('tier', 'list', '--json')):
            with self.subTest(args=args):
                self.assert_write_failed(self.run_to('/dev/full', *args))

    def test_nothing_to_write_is_fine(self):
        result = self.run_to('/dev/full', 'settings', 'set', 'personal.name', 'Ada')
        self.assertEqual((result.returncode, result.stderr), (0, ''))

    def test_command_error_is_the_only_sentence(self):
        result = self.run_to('/dev/full', 'conversations', 'show', '9')
        self.assertEqual(result.returncode, 1)
        self.assertEqual(len(result.stderr.splitlines()), 1, result.stderr)
        self.assertNotIn('No space left', result.stderr)


class TestExportOutput(CliTestCase):
    def setUp(self):
        super().setUp()
        self.assert_ok(self.run_cli('conversations', 'list'))
        self.sql(SEED)
        self.expected = self.assert_ok(self.run_cli('conversations', 'export', '1', '--format', 'md'))

    def export_to(self, path):
        return self.run_cli('conversations', 'export', '1', '--format', 'md', '--output', path)

    def test_dash_is_stdout(self):
        self.assertEqual(self.assert_ok(self.export_to('-')), self.expected)
        self.assertFalse(os.path.exists(os.path.join(self.tmp, '-')))
        # /dev/stdout leads to a pipe here, and to a file below.
        self.assertEqual(self.assert_ok(self.export_to('/dev/stdout')), self.expected)
        path = os.path.join(self.tmp, 'redirected.md')
        result = self.run_to(path, 'conversations', 'export', '1', '--format', 'md', '--output', '/dev/stdout')
        self.assertEqual((result.returncode, result.stderr), (0, ''))
        with open(path, encoding='utf-8') as f:
            self.assertEqual(f.read(), self.expected)

    def test_regular_file_replaced_whole_keeping_its_mode(self):
        path = os.path.join(self.tmp, 'out.md')
        with open(path, 'w') as f:
            f.write('old text that is longer than nothing\n' * 100)
        os.chmod(path, 0o640)
        self.assertEqual(self.assert_ok(self.export_to(path)), '')
        with open(path, encoding='utf-8') as f:
            self.assertEqual(f.read(), self.expected)
        self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o640)
        self.assertEqual(sorted(os.listdir(self.tmp)), ['data', 'out.md'])

    def test_fifo_is_written_into(self):
        fifo = os.path.join(self.tmp, 'pipe')
        os.mkfifo(fifo)
        got = {}

        def read():
            with open(fifo, 'rb') as f:
                got['data'] = f.read()

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        self.assertEqual(self.assert_ok(self.export_to(fifo)), '')
        reader.join(10)
        self.assertEqual(got.get('data', b'').decode('utf-8'), self.expected)
        self.assertTrue(stat.S_ISFIFO(os.lstat(fifo).st_mode))

    def test_symlinks_are_followed_to_their_target(self):
        target = os.path.join(self.tmp, 'real.md')
        with open(target, 'w') as f:
            f.write('old\n')
        link = os.path.join(self.tmp, 'link.md')
        os.symlink('real.md', link)
        chain = os.path.join(self.tmp, 'chain.md')
        os.symlink(link, chain)
        for path in (link, chain):
            with self.subTest(path=path):
                os.truncate(target, 0)
                self.assertEqual(self.assert_ok(self.export_to(path)), '')
                self.assertTrue(os.path.islink(link))
                self.assertEqual(os.readlink(link), 'real.md')
                self.assertTrue(os.path.islink(chain))
                with open(target, encoding='utf-8') as f:
                    self.assertEqual(f.read(), self.expected)
        # A link to a file not there yet makes the file, and stays a link.
        dangling = os.path.join(self.tmp, 'later.md')
        os.symlink('new.md', dangling)
        self.assert_ok(self.export_to(dangling))
        self.assertTrue(os.path.islink(dangling))
        with open(os.path.join(self.tmp, 'new.md'), encoding='utf-8') as f:
            self.assertEqual(f.read(), self.expected)

    def device(self, name, minor):
        """A character device like /dev/null (3) or /dev/full (7). Our own
        where we may make one: as root, a program that replaced the path
        with a file would replace the system's."""
        path = os.path.join(self.tmp, name)
        try:
            os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
            with open(path, 'wb'):
                pass
        except OSError:
            if os.geteuid() == 0:
                self.skipTest('cannot make device nodes here')
            path = '/dev/' + name
        return path

    def test_character_devices_are_written_into(self):
        null = self.device('null', 3)
        self.assertEqual(self.assert_ok(self.export_to(null)), '')
        self.assertTrue(stat.S_ISCHR(os.lstat(null).st_mode))

        full = self.device('full', 7)
        line = self.assert_one_sentence(self.export_to(full), 1)
        self.assertIn(full, line)
        self.assertIn('No space left on device', line)
        self.assertTrue(stat.S_ISCHR(os.lstat(full).st_mode))

    def test_folder_refused(self):
        line = self.assert_one_sentence(self.export_to(self.tmp), 1)
        self.assertIn(self.tmp, line)


class TestEmptyDatabase(CliTestCase):
    def test_empty_file_refused_and_left_alone(self):
        os.makedirs(self.data_dir)
        path = os.path.join(self.data_dir, 'steward.db')
        open(path, 'wb').close()
        for args in (('conversations', 'list'), ('settings', 'set', 'personal.name', 'Ada')):
            with self.subTest(args=args):
                line = self.assert_one_sentence(self.run_cli(*args), 1)
                self.assertIn(path, line)
                self.assertIn('empty', line)
                self.assertEqual(os.path.getsize(path), 0)
                self.assertEqual(os.listdir(self.data_dir), ['steward.db'])

    def test_new_data_dir_is_made_whole(self):
        self.assert_ok(self.run_cli('conversations', 'list'))
        self.assertEqual(os.listdir(self.data_dir), ['steward.db'])
        with self.db() as db:
            self.assertGreater(db.execute('PRAGMA user_version').fetchone()[0], 0)
        self.assert_ok(self.run_cli('settings', 'set', 'personal.name', 'Ada'))
        self.assertEqual(self.assert_ok(self.run_cli('settings', 'get', 'personal.name')), 'Ada\n')


class TestText(CliTestCase):
    def test_invalid_utf8_arguments_are_repaired(self):
        result = subprocess.run([CLI, '--data-dir', self.data_dir, 'memory', 'add', '--json',
                                 b'caf\xe9 \xff\xfe ok'], capture_output=True, env=self.env, timeout=30)
        self.assertEqual(result.returncode, 0, result.stderr)
        added = json.loads(result.stdout.decode('utf-8'))
        self.assertEqual(added['text'], 'caf\ufffd \ufffd\ufffd ok')

    def test_control_characters_never_reach_the_terminal(self):
        self.assert_ok(self.run_cli('conversations', 'list'))
        self.sql("""
            INSERT INTO conversations (title, created_at, updated_at) VALUES
              ('Red' || char(27) || '[31m title' || char(7), '2026-01-01T08:00:00Z', '2026-01-01T08:00:00Z');
            INSERT INTO messages (conversation_id, role, content, status, error, created_at, updated_at) VALUES
              (1, 'user', 'clear' || char(27) || '[2J screen', 'complete', NULL, '2026-01-01T08:00:00Z', '2026-01-01T08:00:00Z'),
              (1, 'assistant', 'line one' || char(13) || char(10) || 'tab' || char(9) || 'kept'
                 || char(155) || '31m c1 ' || char(127) || 'del' || char(8) || ' end', 'error',
               'Boom' || char(27) || ']0;title' || char(7), '2026-01-01T08:00:01Z', '2026-01-01T08:00:01Z');
            INSERT INTO memories (text, pinned, origin, created_at, updated_at) VALUES
              ('I like' || char(27) || '[5m blinking', 0, 'user', '2026-01-01T08:00:00Z', '2026-01-01T08:00:00Z');
        """)
        for args in (('conversations', 'list'), ('conversations', 'show', '1'),
                     ('conversations', 'search', 'screen'), ('memory', 'list')):
            with self.subTest(args=args):
                out = self.assert_ok(self.run_cli(*args))
                self.assertIsNone(CONTROLS.search(out), repr(out))
        # A search finds messages only, and a query that finds none is
        # told back without its escape sequence.
        for query in ('blinking', 'blinking\x1b[5m'):
            with self.subTest(query=query):
                result = self.run_cli('conversations', 'search', query)
                self.assertEqual((result.returncode, result.stdout), (0, ''))
                self.assertEqual(result.stderr, 'No message matches “blinking[5m”.\n'
                                 if '\x1b' in query else 'No message matches “blinking”.\n')
        shown = self.assert_ok(self.run_cli('conversations', 'show', '1'))
        self.assertIn('Red[31m title', shown)
        self.assertIn('clear[2J screen', shown)
        self.assertIn('line one\ntab\tkept31m c1 del end', shown)
        self.assertIn('Boom]0;title', shown)
        self.assertIn('I like[5m blinking', self.assert_ok(self.run_cli('memory', 'list')))
        # JSON and exports keep the text as it is stored.
        content = json.loads(self.assert_ok(self.run_cli('conversations', 'show', '1', '--json')))
        self.assertEqual(content['messages'][0]['content'], 'clear\x1b[2J screen')
        path = os.path.join(self.tmp, 'out.md')
        self.assert_ok(self.run_cli('conversations', 'export', '1', '--format', 'md', '--output', path))
        with open(path, encoding='utf-8') as f:
            self.assertIn('clear\x1b[2J screen', f.read())


class ReadOnlyChecks:
    """The same checks whatever makes the data folder read-only."""

    def seed(self):
        self.assert_ok(self.run_cli('memory', 'add', 'I like leeks'))
        self.sql(SEED)
        # A clean close leaves only the database file.
        self.assertEqual(os.listdir(self.data_dir), ['steward.db'])

    def snapshot(self):
        files = {}
        for name in sorted(os.listdir(self.data_dir)):
            with open(os.path.join(self.data_dir, name), 'rb') as f:
                files[name] = f.read()
        return files

    def notice(self, result):
        lines = result.stderr.splitlines()
        self.assertEqual(len(lines), 1, result.stderr)
        self.assertTrue(lines[0].startswith('steward-cli: '), lines[0])
        self.assertTrue(lines[0].endswith('.'), lines[0])
        self.assertIn(self.data_dir, lines[0])
        return lines[0]

    def check_reading_and_writing(self, run):
        self.seed()
        before = self.snapshot()
        listing = run('conversations', 'list')
        self.assertEqual(listing.returncode, 0, listing.stderr)
        self.assertIn('Coffee in Lisbon', listing.stdout)
        notice = self.notice(listing)
        for args in (('conversations', 'show', '1'), ('conversations', 'search', 'cafe'),
                     ('conversations', 'export', '1', '--format', 'md'), ('memory', 'list'),
                     ('conversations', 'list', '--json'), ('settings', 'get', 'memory.auto')):
            with self.subTest(args=args):
                result = run(*args)
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertNotEqual(result.stdout, '')
                self.assertEqual(self.notice(result), notice)
        self.assertIn('I like leeks', run('memory', 'list').stdout)
        for args in (('settings', 'set', 'personal.name', 'Ada'), ('memory', 'add', 'More leeks'),
                     ('memory', 'forget', '1'), ('provider', 'add', 'local', '--kind', 'ollama'),
                     ('chat', 'Hello')):
            with self.subTest(args=args):
                result = run(*args)
                self.assertEqual(result.returncode, 1, result.stderr)
                self.assertEqual(result.stdout, '')
                self.notice(result)
        self.assertEqual(self.snapshot(), before)

        # A store that needs an update it cannot be given is refused.
        self.sql('PRAGMA user_version = 3')
        before = self.snapshot()
        result = run('conversations', 'list')
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stdout, '')
        line = self.notice(result)
        self.assertIn(os.path.join(self.data_dir, 'steward.db'), line)
        self.assertEqual(self.snapshot(), before)


class TestReadOnlyMount(CliTestCase, ReadOnlyChecks):
    """The data folder on a read-only mount."""

    def setUp(self):
        super().setUp()
        self.unshare = mount_namespace_argv()
        if self.unshare is None:
            self.skipTest('no private mount namespace here')

    def run_read_only(self, *args):
        script = ('d=$1; cli=$2; shift 2\n'
                  'mount --bind "$d" "$d" && mount -o remount,ro,bind "$d" "$d" || exit 97\n'
                  'exec "$cli" --data-dir "$d" "$@"')
        result = subprocess.run(self.unshare + ['/bin/sh', '-c', script, 'sh', self.data_dir, CLI, *args],
                                capture_output=True, text=True, env=self.env, timeout=30)
        self.assertNotEqual(result.returncode, 97, result.stderr)
        return result

    def test_read_only_mount(self):
        self.check_reading_and_writing(self.run_read_only)

    def test_changes_of_a_running_writer_are_read(self):
        self.seed()
        # Another process (the app) has the store open and wrote to it:
        # the newest rows are in its write-ahead log.
        writer = self.db()
        self.addCleanup(writer.close)
        with writer:
            writer.execute("INSERT INTO conversations (title, created_at, updated_at)"
                           " VALUES ('Fresh', '2026-03-01T08:00:00Z', '2026-03-01T08:00:00Z')")
        self.assertIn('steward.db-wal', os.listdir(self.data_dir))
        result = self.run_read_only('conversations', 'list')
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('Fresh', result.stdout)
        self.assertIn('Coffee in Lisbon', result.stdout)
        self.notice(result)


class TestReadOnlyPermissions(CliTestCase, ReadOnlyChecks):
    """A data folder (0555) and file (0444) the user may not write, as
    another user when the tests run as root, who may write anything."""

    def setUp(self):
        super().setUp()
        os.chmod(self.tmp, 0o755)
        self.addCleanup(self.make_writable)
        self.prefix = []
        if os.geteuid() == 0:
            if shutil.which('setpriv') is None:
                self.skipTest('setpriv is not installed')
            self.prefix = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups']
            probe = subprocess.run(self.prefix + [CLI, '--version'], capture_output=True, timeout=30)
            if probe.returncode != 0:
                self.skipTest('steward-cli cannot run as another user here')

    def make_writable(self):
        if os.path.isdir(self.data_dir):
            os.chmod(self.data_dir, 0o755)
            for name in os.listdir(self.data_dir):
                os.chmod(os.path.join(self.data_dir, name), 0o644)

    def run_read_only(self, *args):
        os.chmod(self.data_dir, 0o555)
        for name in os.listdir(self.data_dir):
            os.chmod(os.path.join(self.data_dir, name), 0o444)
        try:
            return subprocess.run(self.prefix + [CLI, '--data-dir', self.data_dir, *args],
                                  capture_output=True, text=True, env=self.env, timeout=30)
        finally:
            self.make_writable()

    def test_read_only_permissions(self):
        self.check_reading_and_writing(self.run_read_only)


class TestFullDisk(CliTestCase):
    def test_full_disk_still_reads(self):
        unshare = mount_namespace_argv()
        if unshare is None:
            self.skipTest('no private mount namespace here')
        out = os.path.join(self.tmp, 'out')
        disk = os.path.join(self.tmp, 'disk')
        os.makedirs(out)
        os.makedirs(disk)
        script = r"""
            disk=$1; out=$2; cli=$3
            mount -t tmpfs -o size=2m tmpfs "$disk" || exit 97
            run () {
              n=$1; shift
              "$cli" --data-dir "$disk/data" "$@" >"$out/$n.out" 2>"$out/$n.err"
              echo $? >"$out/$n.rc"
            }
            run add memory add 'I like leeks'
            dd if=/dev/zero of="$disk/fill" bs=4k >/dev/null 2>&1
            ls "$disk/data" >"$out/before"
            run list memory list
            run set settings set personal.name Ada
            ls "$disk/data" >"$out/after"
        """
        result = subprocess.run(unshare + ['/bin/sh', '-c', script, 'sh', disk, out, CLI],
                                capture_output=True, text=True, env=self.env, timeout=60)
        self.assertNotEqual(result.returncode, 97, result.stderr)

        def read(name):
            with open(os.path.join(out, name), encoding='utf-8') as f:
                return f.read()

        self.assertEqual(read('add.rc'), '0\n', read('add.err'))
        self.assertEqual(read('list.rc'), '0\n', read('list.err'))
        self.assertIn('I like leeks', read('list.out'))
        notice = read('list.err').splitlines()
        self.assertEqual(len(notice), 1, notice)
        self.assertIn('No space left on device', notice[0])
        self.assertEqual(read('set.rc'), '1\n')
        self.assertEqual(len(read('set.err').splitlines()), 1, read('set.err'))
        self.assertIn('No space left on device', read('set.err'))


if __name__ == '__main__':
    CLI = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)

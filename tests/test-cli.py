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
import subprocess
import sys
import tempfile
import unittest

CLI = None


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


class TestGeneral(CliTestCase):
    def test_version(self):
        out = self.assert_ok(self.run_cli('--version', data_dir=False))
        self.assertRegex(out, r'^steward-cli \d+\.\d+\.\d+\n$')

    def test_help(self):
        out = self.assert_ok(self.run_cli('--help', data_dir=False))
        for words in ('settings list', 'settings get KEY', 'settings set KEY VALUE',
                      'conversations list', '--data-dir DIR', '--json'):
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
            'updated_at': '2026-01-02T09:30:00Z', 'message_count': 2,
        })
        iso = re.compile(r'^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$')
        for c in listing:
            self.assertRegex(c['created_at'], iso)
        plain = self.assert_ok(self.run_cli('conversations', 'list')).splitlines()
        self.assertEqual(len(plain), 2)
        self.assertIn('Newer', plain[0])


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
        results = json.loads(self.assert_ok(self.run_cli('conversations', 'search', 'cafe', '--json')))
        self.assertEqual(len(results), 2)
        for r in results:
            self.assertEqual(set(r), {'message_id', 'conversation_id', 'title', 'role', 'snippet', 'created_at'})
            self.assertEqual(r['conversation_id'], 1)
            self.assertIn('**', r['snippet'])
        self.assertEqual(len(json.loads(self.assert_ok(self.run_cli('conversations', 'search', 'brasil', '--json')))), 1)
        self.assertEqual(json.loads(self.assert_ok(self.run_cli('conversations', 'search', 'cafe', 'python', '--json'))), [])
        plain = self.assert_ok(self.run_cli('conversations', 'search', 'revers'))
        self.assertIn('Python', plain)
        self.assertIn('«Reverse»', plain)

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


if __name__ == '__main__':
    CLI = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)

#!/usr/bin/python3
# test-background-cli.py: general.run-in-background (Run in Background) from
# the shell, in a real store: off unless set, a boolean, listed with the
# other settings, and what the app reads (tests/ui/test-background.py
# shows the app following it).
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unittest

CLI = None
KEY = 'general.run-in-background'


class BackgroundCliTestCase(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix='steward-test-background-cli-')
        self.data_dir = os.path.join(self.tmp, 'data')
        self.env = dict(os.environ)
        self.env.pop('STEWARD_DATA_DIR', None)
        self.env['XDG_DATA_HOME'] = os.path.join(self.tmp, 'xdg')

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def run_cli(self, *args):
        return subprocess.run([CLI, '--data-dir', self.data_dir] + list(args),
                              capture_output=True, text=True, env=self.env, timeout=30)

    def ok(self, *args):
        result = self.run_cli(*args)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stderr, '')
        return result.stdout

    def fails(self, *args):
        result = self.run_cli(*args)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertEqual(result.stdout, '')
        lines = result.stderr.splitlines()
        self.assertEqual(len(lines), 1, result.stderr)
        self.assertTrue(lines[0].startswith('steward-cli: '), lines[0])
        self.assertTrue(lines[0].rstrip().endswith('.'), lines[0])
        return lines[0]

    def stored(self):
        db = sqlite3.connect(os.path.join(self.data_dir, 'steward.db'))
        try:
            return [value for (value,) in db.execute('SELECT value FROM settings WHERE key = ?', (KEY,))]
        finally:
            db.close()

    def test_off_unless_set(self):
        self.assertEqual(self.ok('settings', 'get', KEY), 'false\n')
        listed = [line.split() for line in self.ok('settings', 'list').splitlines()]
        self.assertIn([KEY, 'false'], listed)

    def test_set_and_back(self):
        for given in ('true', 'yes', 'On', '1'):
            self.ok('settings', 'set', KEY, given)
            self.assertEqual(self.ok('settings', 'get', KEY), 'true\n')
            self.assertEqual(self.stored(), ['true'])
        self.ok('settings', 'set', KEY, 'off')
        self.assertEqual(self.ok('settings', 'get', KEY), 'false\n')
        self.assertEqual(self.stored(), ['false'])

    def test_refuses_what_is_not_a_boolean(self):
        self.ok('settings', 'set', KEY, 'true')
        sentence = self.fails('settings', 'set', KEY, 'sometimes')
        self.assertIn(KEY, sentence)
        self.assertIn('true or false', sentence)
        self.assertEqual(self.ok('settings', 'get', KEY), 'true\n')


if __name__ == '__main__':
    CLI = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)

# replaycli.py: what the steward-cli suites that talk to tests/replay-server
# share: a data folder of the test's own, the server answering as OpenAI
# from its fixtures (the model asked for names the fixture), and the ways
# to run the CLI and check how it ended.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

CLI = REPLAY = FIXTURES = None


def main():
    """Takes CLI, REPLAY and FIXTURES from the command line, then runs the
    suite of the calling script."""
    global CLI, REPLAY, FIXTURES
    CLI, REPLAY, FIXTURES = (os.path.abspath(p) for p in sys.argv[1:4])
    del sys.argv[1:4]
    unittest.main(module='__main__', verbosity=2)


class ReplayCliTestCase(unittest.TestCase):
    key = 'sk-test-replay'

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix='steward-test-replay-cli-')
        self.data_dir = os.path.join(self.tmp, 'data')
        self.env = dict(os.environ)
        self.env.pop('STEWARD_DATA_DIR', None)
        self.env['STEWARD_TEST_KEY'] = self.key
        self.log = os.path.join(self.tmp, 'requests.log')
        self.server = subprocess.Popen([REPLAY, '--fixtures', os.path.join(FIXTURES, 'openai'),
                                        '--port', '0', '--log', self.log],
                                       stdout=subprocess.PIPE, text=True)
        self.port = int(self.server.stdout.readline())

    def tearDown(self):
        self.server.terminate()
        self.server.wait(timeout=10)
        self.server.stdout.close()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def cli(self, *args):
        return subprocess.run([CLI, '--data-dir', self.data_dir, *args], capture_output=True,
                              text=True, env=self.env, timeout=60)

    def ok(self, *args):
        result = self.cli(*args)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stderr, '')
        return result.stdout

    def fails(self, status, *args):
        """Runs a command that must end with @status and one sentence."""
        result = self.cli(*args)
        self.assertEqual(result.returncode, status, result.stderr)
        self.assertEqual(result.stdout, '')
        lines = result.stderr.splitlines()
        self.assertEqual(len(lines), 1, result.stderr)
        self.assertTrue(lines[0].startswith('steward-cli: '), lines[0])
        self.assertTrue(lines[0].endswith('.'), lines[0])
        return lines[0]

    def answer_with(self, fixture, tiers=('medium',)):
        """The tiers' model names the fixture the server answers with."""
        if not os.path.exists(os.path.join(self.data_dir, 'steward.db')) or \
           'replay' not in self.ok('provider', 'list'):
            self.ok('provider', 'add', 'replay', '--kind', 'openai', '--base-url',
                    f'http://127.0.0.1:{self.port}/v1', '--model', fixture, '--api-key-env', 'STEWARD_TEST_KEY')
        for tier in tiers:
            self.ok('tier', 'set', tier, 'replay', fixture)

    def requests(self):
        """The POST requests the server saw, as it logged them."""
        with open(self.log, encoding='utf-8') as f:
            return [json.loads(line) for line in f if line.strip() and json.loads(line)['method'] == 'POST']

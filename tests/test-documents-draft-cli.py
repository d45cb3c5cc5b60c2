#!/usr/bin/python3
# test-documents-draft-cli.py: steward-cli phase generate against the
# replay server: the draft printed as it streams and kept as a version of
# its own, the earlier phases in what the model is told, a failure that
# changes nothing.
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


class DraftCliTestCase(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix='steward-test-documents-draft-')
        self.data_dir = os.path.join(self.tmp, 'data')
        self.env = dict(os.environ)
        self.env.pop('STEWARD_DATA_DIR', None)
        self.env['STEWARD_TEST_KEY'] = 'sk-test-draft'
        self.log = os.path.join(self.tmp, 'requests.log')
        self.server = subprocess.Popen([REPLAY, '--fixtures', os.path.join(FIXTURES, 'openai'),
                                        '--port', '0', '--log', self.log],
                                       stdout=subprocess.PIPE, text=True)
        self.port = int(self.server.stdout.readline())
        with open(os.path.join(FIXTURES, 'openai', 'text_stream.expected.txt'), encoding='utf-8') as f:
            self.expected = f.read()

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
        result = self.cli(*args)
        self.assertEqual(result.returncode, status, result.stderr)
        lines = result.stderr.splitlines()
        self.assertEqual(len(lines), 1, result.stderr)
        self.assertTrue(lines[0].startswith('steward-cli: '), lines[0])
        return lines[0]

    def answer_with(self, fixture):
        if 'replay' not in self.ok('provider', 'list'):
            self.ok('provider', 'add', 'replay', '--kind', 'openai', '--base-url',
                    f'http://127.0.0.1:{self.port}/v1', '--model', fixture, '--api-key-env', 'STEWARD_TEST_KEY')
        self.ok('tier', 'set', 'medium', 'replay', fixture)
        self.ok('tier', 'set', 'large', 'replay', fixture)

    def told(self):
        with open(self.log, encoding='utf-8') as f:
            posts = [json.loads(line) for line in f if line.strip() and json.loads(line)['method'] == 'POST']
        return json.dumps(posts[-1]['body'], ensure_ascii=False)


class TestGenerate(DraftCliTestCase):
    def test_draft_streams_into_a_version(self):
        self.answer_with('text_stream')
        self.ok('projects', 'create', 'Guide', '--brief', 'Birds of the Algarve, for walkers.')
        self.ok('phase', 'set', 'Guide', '1', 'Walkers who want the twenty commonest birds.')

        printed = self.ok('phase', 'generate', 'Guide', '2', '--tier', 'large', '--note', 'shorter')
        self.assertEqual(printed, self.expected + '\n')

        phase = json.loads(self.ok('phase', 'show', 'Guide', '2', '--json'))
        self.assertEqual(phase['content'], self.expected)
        self.assertEqual(phase['status'], 'in-progress')
        versions = json.loads(self.ok('phase', 'versions', 'Guide', '2', '--json'))
        self.assertEqual(versions[0]['reason'], 'generated')

        told = self.told()
        for words in ('Birds of the Algarve, for walkers.', 'Walkers who want the twenty commonest birds.',
                      'Write phase 2 of 14', 'shorter'):
            self.assertIn(words, told)

    def test_failure_changes_nothing(self):
        self.answer_with('error_401')
        self.ok('projects', 'create', 'Guide')
        self.ok('phase', 'set', 'Guide', '2', 'Mine.')
        self.fails(1, 'phase', 'generate', 'Guide', '2')
        self.assertEqual(json.loads(self.ok('phase', 'show', 'Guide', '2', '--json'))['content'], 'Mine.')
        self.assertEqual(len(json.loads(self.ok('phase', 'versions', 'Guide', '2', '--json'))), 1)

    def test_usage(self):
        self.answer_with('text_stream')
        self.ok('projects', 'create', 'Guide')
        self.assertIn('is not a model size', self.fails(2, 'phase', 'generate', 'Guide', '2', '--tier', 'huge'))
        self.assertIn('not a phase number', self.fails(2, 'phase', 'generate', 'Guide', 'two'))


if __name__ == '__main__':
    CLI, REPLAY, FIXTURES = (os.path.abspath(p) for p in sys.argv[1:4])
    del sys.argv[1:4]
    unittest.main(verbosity=2)

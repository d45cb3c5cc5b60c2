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

import replaycli


class DraftCliTestCase(replaycli.ReplayCliTestCase):
    def setUp(self):
        super().setUp()
        with open(os.path.join(replaycli.FIXTURES, 'openai', 'text_stream.expected.txt'), encoding='utf-8') as f:
            self.expected = f.read()

    def told(self):
        return json.dumps(self.requests()[-1]['body'], ensure_ascii=False)


class TestGenerate(DraftCliTestCase):
    def test_draft_streams_into_a_version(self):
        self.answer_with('text_stream', ('medium', 'large'))
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
        self.answer_with('error_401', ('medium', 'large'))
        self.ok('projects', 'create', 'Guide')
        self.ok('phase', 'set', 'Guide', '2', 'Mine.')
        self.fails(1, 'phase', 'generate', 'Guide', '2')
        self.assertEqual(json.loads(self.ok('phase', 'show', 'Guide', '2', '--json'))['content'], 'Mine.')
        self.assertEqual(len(json.loads(self.ok('phase', 'versions', 'Guide', '2', '--json'))), 1)

    def test_usage(self):
        self.answer_with('text_stream', ('medium', 'large'))
        self.ok('projects', 'create', 'Guide')
        self.assertIn('is not a model size', self.fails(2, 'phase', 'generate', 'Guide', '2', '--tier', 'huge'))
        self.assertIn('not a phase number', self.fails(2, 'phase', 'generate', 'Guide', 'two'))


if __name__ == '__main__':
    replaycli.main()

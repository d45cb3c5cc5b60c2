#!/usr/bin/python3
# test-tasks-extract-cli.py: steward-cli tasks extract, the model asked for
# the tasks in a text or a file, against the replay server.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import json
import os

import replaycli

TEXT = 'Tomorrow I must send Ana the quarterly report. Book the dentist for Monday 9:30. Water the plants.'
TITLES = ['Send Ana the quarterly report', 'Book the dentist', 'Water the plants']


class ExtractCliTestCase(replaycli.ReplayCliTestCase):
    key = 'sk-test-extract'

    def setUp(self):
        super().setUp()
        self.env['TZ'] = 'Europe/Berlin'

    def listed(self):
        return json.loads(self.ok('tasks', 'list', '--json'))


class TestExtract(ExtractCliTestCase):
    def test_tool_call_adds_every_task(self):
        self.answer_with('extract_tool')
        printed = json.loads(self.ok('tasks', 'extract', TEXT, '--json'))
        self.assertEqual([t['title'] for t in printed], TITLES)
        # The same objects as tasks list --json, in To do, in order
        self.assertEqual(printed, self.listed())
        self.assertEqual([t['status'] for t in printed], ['todo'] * 3)
        self.assertEqual([t['position'] for t in printed], [0, 1, 2])
        self.assertEqual([t['priority'] for t in printed], ['high', 'medium', 'low'])
        self.assertEqual(printed[0]['category'], 'work')
        self.assertEqual((printed[0]['due'], printed[0]['due_has_time']), ('2026-03-28', False))
        # 09:30 in Berlin, summer time
        self.assertEqual(printed[1]['due'], '2026-03-30T07:30:00Z')
        self.assertEqual({(t['source'], t['source_ref']) for t in printed}, {('text', TEXT)})
        # The text went to the model with the time it was written
        body = self.requests()[0]['body']
        self.assertIn(TEXT, json.dumps(body, ensure_ascii=False))

    def test_plain_output_one_line_a_task(self):
        self.answer_with('extract_tool')
        lines = self.ok('tasks', 'extract', TEXT).splitlines()
        self.assertEqual(len(lines), 3)
        self.assertIn('Send Ana the quarterly report', lines[0])
        self.assertIn('#work', lines[0])

    def test_long_text_kept_as_an_excerpt(self):
        self.answer_with('extract_tool')
        long_text = TEXT + ' ' + ' '.join(['and then some more words'] * 40)
        printed = json.loads(self.ok('tasks', 'extract', long_text, '--json'))
        ref = printed[0]['source_ref']
        self.assertTrue(ref.endswith('…'), ref)
        self.assertLessEqual(len(ref), 200)
        self.assertTrue(long_text.startswith(ref[:-1].rstrip()), ref)

    def test_malformed_answer_adds_nothing_and_says_why(self):
        self.answer_with('extract_malformed')
        self.assertEqual(self.fails(1, 'tasks', 'extract', TEXT),
                         'steward-cli: The model’s answer could not be read as JSON.')
        self.answer_with('extract_untitled')
        self.assertEqual(self.fails(1, 'tasks', 'extract', TEXT, '--json'),
                         'steward-cli: The model’s answer had a task without a title.')
        self.assertEqual(self.listed(), [])

    def test_empty_answer(self):
        self.answer_with('extract_empty')
        self.assertEqual(json.loads(self.ok('tasks', 'extract', TEXT, '--json')), [])
        result = self.cli('tasks', 'extract', TEXT)
        self.assertEqual((result.returncode, result.stdout), (0, ''))
        self.assertEqual(result.stderr, 'No tasks were found in the text.\n')
        self.assertEqual(self.listed(), [])

    def test_file(self):
        self.answer_with('extract_tool')
        path = os.path.join(self.tmp, 'notes from Monday.txt')
        with open(path, 'w', encoding='utf-8') as f:
            f.write(TEXT + '\n')
        written = datetime.datetime(2026, 3, 27, 10, 0, tzinfo=datetime.timezone.utc).timestamp()
        os.utime(path, (written, written))
        printed = json.loads(self.ok('tasks', 'extract', '--file', path, '--json'))
        self.assertEqual(len(printed), 3)
        uri = 'file://' + path.replace(' ', '%20')
        self.assertEqual({(t['source'], t['source_ref']) for t in printed}, {('file', uri)})
        # Written at the file's modification time, in local time
        body = json.dumps(self.requests()[0]['body'], ensure_ascii=False)
        self.assertIn('2026-03-27T11:00:00+01', body)

    def test_missing_file(self):
        self.answer_with('extract_tool')
        path = os.path.join(self.tmp, 'missing.txt')
        self.assertEqual(self.fails(1, 'tasks', 'extract', '--file', path),
                         f'steward-cli: Could not read “{path}”: No such file or directory.')
        self.assertEqual(self.fails(1, 'tasks', 'extract', '--file', self.tmp),
                         f'steward-cli: Could not read “{self.tmp}”: it is a folder.')
        self.assertEqual(self.listed(), [])
        self.assertEqual(self.requests(), [])

    def test_usage(self):
        self.assertIn('needs more arguments', self.fails(2, 'tasks', 'extract'))
        self.assertIn('does not take the argument “text”', self.fails(2, 'tasks', 'extract', 'text', '--file', 'x'))
        self.assertIn('The text to find tasks in is empty.', self.fails(2, 'tasks', 'extract', '  '))
        self.assertIn('tasks extract (TEXT | --file FILE)', self.ok('--help'))


if __name__ == '__main__':
    replaycli.main()

#!/usr/bin/python3
# test-tasks-cli.py: steward-cli tasks, the board from the shell, run
# against a real store.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unittest
import zoneinfo

CLI = None
ZONE = 'Europe/Berlin'
FIELDS = {'id', 'title', 'notes', 'status', 'priority', 'category', 'due', 'due_has_time',
          'position', 'created_at', 'updated_at', 'completed_at', 'source', 'source_ref', 'rrule'}


def utc_text(moment):
    return moment.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')


class TasksCliTestCase(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix='steward-test-tasks-cli-')
        self.data_dir = os.path.join(self.tmp, 'data')
        self.env = dict(os.environ)
        self.env.pop('STEWARD_DATA_DIR', None)
        self.env['XDG_DATA_HOME'] = os.path.join(self.tmp, 'xdg')
        # Natural language is read in local time: one zone with summer time
        self.env['TZ'] = ZONE

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

    def json(self, *args):
        return json.loads(self.ok(*args, '--json'))

    def fails(self, status, *args):
        result = self.run_cli(*args)
        self.assertEqual(result.returncode, status, result.stderr)
        self.assertEqual(result.stdout, '')
        lines = result.stderr.splitlines()
        self.assertEqual(len(lines), 1, result.stderr)
        self.assertTrue(lines[0].startswith('steward-cli: '), lines[0])
        self.assertTrue(lines[0].rstrip().endswith('.'), lines[0])
        return lines[0]

    def board(self):
        """{status: [ids in order]} as the database has it, positions checked dense"""
        db = sqlite3.connect(os.path.join(self.data_dir, 'steward.db'))
        try:
            rows = db.execute('SELECT status, position, id FROM tasks ORDER BY status, position').fetchall()
        finally:
            db.close()
        board = {'todo': [], 'doing': [], 'done': []}
        for status, position, task_id in rows:
            self.assertEqual(position, len(board[status]), rows)
            board[status].append(task_id)
        return board


class TestAdd(TasksCliTestCase):
    def test_natural_language_title(self):
        zone = zoneinfo.ZoneInfo(ZONE)

        def tomorrow_at_five():
            tomorrow = datetime.datetime.now(zone).date() + datetime.timedelta(days=1)
            return utc_text(datetime.datetime.combine(tomorrow, datetime.time(17, 0), zone))

        # Around midnight, either day will do
        expected = {tomorrow_at_five()}
        task = self.json('tasks', 'add', 'call Sam tomorrow 5pm !high')
        expected.add(tomorrow_at_five())
        self.assertEqual(set(task) - FIELDS, set())
        self.assertEqual(FIELDS - set(task), set())
        self.assertEqual(task['title'], 'call Sam')
        self.assertEqual(task['priority'], 'high')
        self.assertEqual(task['status'], 'todo')
        self.assertEqual(task['position'], 0)
        self.assertIn(task['due'], expected)
        self.assertTrue(task['due_has_time'])
        self.assertEqual(task['notes'], '')
        self.assertIsNone(task['category'])
        self.assertIsNone(task['completed_at'])
        self.assertIsNone(task['source'])
        self.assertIsNone(task['rrule'])
        self.assertRegex(task['created_at'], r'^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$')

    def test_options(self):
        task = self.json('tasks', 'add', 'Report', '--due', '2027-03-12', '--priority', 'urgent',
                         '--category', '#work', '--notes', 'See **the draft**')
        self.assertEqual(task['title'], 'Report')
        self.assertEqual(task['due'], '2027-03-12')
        self.assertFalse(task['due_has_time'])
        self.assertEqual(task['priority'], 'urgent')
        self.assertEqual(task['category'], 'work')
        self.assertEqual(task['notes'], 'See **the draft**')

        # Options win over what the title says; a second task goes last
        task = self.json('tasks', 'add', 'Pack #home !low', '--priority', 'medium', '--category', 'travel')
        self.assertEqual(task['title'], 'Pack')
        self.assertEqual(task['priority'], 'medium')
        self.assertEqual(task['category'], 'travel')
        self.assertEqual(task['position'], 1)

        # Plain output: one line with the id and the title
        line = self.ok('tasks', 'add', 'Water the plants', '--due', '2027-03-12 9am')
        self.assertRegex(line, r'^\s+3  todo   medium  Water the plants  due 2027-03-12 09:00\n$')

    def test_repeating(self):
        task = self.json('tasks', 'add', 'standup every Monday 9am')
        self.assertEqual(task['title'], 'standup')
        self.assertEqual(task['rrule'], 'FREQ=WEEKLY;BYDAY=MO')
        due = datetime.datetime.fromisoformat(task['due'].replace('Z', '+00:00'))
        local = due.astimezone(zoneinfo.ZoneInfo(ZONE))
        self.assertEqual((local.weekday(), local.hour, local.minute), (0, 9, 0))

    def test_errors(self):
        self.assertEqual(self.fails(2, 'tasks', 'add', 'Report', '--due', 'blursday'),
                         'steward-cli: Could not read “blursday” as a date. '
                         'Run “steward-cli --help” to see how to use it.')
        self.assertIn('“normal” is not a priority', self.fails(2, 'tasks', 'add', 'x', '--priority', 'normal'))
        self.assertIn('needs more arguments', self.fails(2, 'tasks', 'add'))
        self.assertIn('Unknown option “--colour”', self.fails(2, 'tasks', 'add', 'x', '--colour', 'red'))
        self.assertIn('needs a value', self.fails(2, 'tasks', 'add', 'x', '--due'))
        # All of it understood as something else: no title is left
        self.assertEqual(self.fails(1, 'tasks', 'add', 'tomorrow !high'),
                         'steward-cli: A task needs a title.')
        self.assertEqual(self.board(), {'todo': [], 'doing': [], 'done': []})


class TestBoard(TasksCliTestCase):
    def setUp(self):
        super().setUp()
        self.ids = [self.json('tasks', 'add', title)['id'] for title in ('a', 'b', 'c', 'd')]

    def test_list(self):
        a, b, c, d = self.ids
        self.ok('tasks', 'move', str(c), 'doing')
        self.ok('tasks', 'move', str(a), 'done')
        # As on the board: column by column, in order
        listed = self.json('tasks', 'list')
        self.assertEqual([t['id'] for t in listed], [b, d, c, a])
        self.assertEqual([t['status'] for t in listed], ['todo', 'todo', 'doing', 'done'])
        self.assertEqual([t['position'] for t in listed], [0, 1, 0, 0])
        self.assertEqual([t['id'] for t in self.json('tasks', 'list', '--status', 'doing')], [c])
        self.assertEqual(self.json('tasks', 'list', '--status', 'done')[0]['status'], 'done')
        lines = self.ok('tasks', 'list').splitlines()
        self.assertEqual(len(lines), 4)
        self.assertIn('  todo   medium  b', lines[0])
        self.assertIn('  done   medium  a', lines[3])
        self.assertIn('“blocked” is not a task status: use todo, doing or done.',
                      self.fails(2, 'tasks', 'list', '--status', 'blocked'))

    def test_show(self):
        a = self.ids[0]
        self.ok('tasks', 'edit', str(a), '--notes', 'line one\nline two', '--category', 'work')
        task = self.json('tasks', 'show', str(a))
        self.assertEqual(FIELDS - set(task), set())
        self.assertEqual(task['notes'], 'line one\nline two')
        shown = self.ok('tasks', 'show', str(a))
        self.assertTrue(shown.startswith('a\n'), shown)
        self.assertIn('work', shown)
        self.assertIn('line one\nline two', shown)
        self.assertEqual(self.fails(1, 'tasks', 'show', '99'), 'steward-cli: There is no task 99.')
        self.assertIn('“abc” is not a task id.', self.fails(2, 'tasks', 'show', 'abc'))
        self.assertIn('needs more arguments', self.fails(2, 'tasks', 'show'))

    def test_edit(self):
        a = self.ids[0]
        task = self.json('tasks', 'edit', str(a), '--title', 'Call Sam !high', '--due', 'in 3 days',
                         '--priority', 'urgent', '--category', 'home', '--notes', 'Ask about Friday')
        # An edited title is taken as written
        self.assertEqual(task['title'], 'Call Sam !high')
        self.assertEqual(task['priority'], 'urgent')
        self.assertEqual(task['category'], 'home')
        self.assertEqual(task['notes'], 'Ask about Friday')
        self.assertRegex(task['due'], r'^\d{4}-\d\d-\d\d$')
        task = self.json('tasks', 'edit', str(a), '--no-due', '--category', '')
        self.assertIsNone(task['due'])
        self.assertIsNone(task['category'])
        self.assertEqual(task['title'], 'Call Sam !high')
        self.assertEqual(task['position'], 0)

        self.assertIn('needs something to change', self.fails(2, 'tasks', 'edit', str(a)))
        self.assertIn('cannot be given together',
                      self.fails(2, 'tasks', 'edit', str(a), '--due', 'tomorrow', '--no-due'))
        self.assertIn('Could not read “soon-ish” as a date.',
                      self.fails(2, 'tasks', 'edit', str(a), '--due', 'soon-ish'))
        self.assertEqual(self.fails(1, 'tasks', 'edit', '99', '--title', 'x'),
                         'steward-cli: There is no task 99.')
        self.assertEqual(self.fails(1, 'tasks', 'edit', str(a), '--title', '  '),
                         'steward-cli: A task needs a title.')

    def test_move(self):
        a, b, c, d = self.ids
        task = self.json('tasks', 'move', str(d), 'todo', '--position', '0')
        self.assertEqual(task['position'], 0)
        self.assertEqual(self.board()['todo'], [d, a, b, c])
        self.ok('tasks', 'move', str(a), 'doing')
        self.ok('tasks', 'move', str(b), 'doing', '--position', '0')
        self.assertEqual(self.board(), {'todo': [d, c], 'doing': [b, a], 'done': []})
        # Past the end is the end
        self.ok('tasks', 'move', str(d), 'todo', '--position', '50')
        self.assertEqual(self.board()['todo'], [c, d])
        # Into Done marks when; out of it forgets
        task = self.json('tasks', 'move', str(c), 'done')
        self.assertIsNotNone(task['completed_at'])
        task = self.json('tasks', 'move', str(c), 'todo')
        self.assertIsNone(task['completed_at'])

        self.assertIn('“blocked” is not a task status', self.fails(2, 'tasks', 'move', str(a), 'blocked'))
        self.assertIn('is not a position', self.fails(2, 'tasks', 'move', str(a), 'todo', '--position', '-3'))
        self.assertIn('needs more arguments', self.fails(2, 'tasks', 'move', str(a)))
        self.assertEqual(self.fails(1, 'tasks', 'move', '99', 'done'), 'steward-cli: There is no task 99.')

    def test_done(self):
        a = self.ids[0]
        task = self.json('tasks', 'done', str(a))
        self.assertEqual(task['status'], 'done')
        self.assertIsNotNone(task['completed_at'])
        self.assertIsNone(task['next'])
        self.assertEqual(self.board()['done'], [a])
        # Done again: as it was
        self.assertEqual(self.json('tasks', 'done', str(a))['completed_at'], task['completed_at'])
        self.assertEqual(self.fails(1, 'tasks', 'done', '99'), 'steward-cli: There is no task 99.')

    def test_done_repeating(self):
        weekly = self.json('tasks', 'add', 'bins every Friday 7am')
        task = self.json('tasks', 'done', str(weekly['id']))
        following = task['next']
        self.assertEqual(following['title'], 'bins')
        self.assertEqual(following['status'], 'todo')
        self.assertEqual(following['rrule'], weekly['rrule'])
        self.assertEqual(following['position'], 4)
        first = datetime.datetime.fromisoformat(weekly['due'].replace('Z', '+00:00'))
        second = datetime.datetime.fromisoformat(following['due'].replace('Z', '+00:00'))
        zone = zoneinfo.ZoneInfo(ZONE)
        self.assertEqual(second.astimezone(zone).date() - first.astimezone(zone).date(),
                         datetime.timedelta(days=7))
        self.assertEqual(second.astimezone(zone).hour, 7)
        lines = self.ok('tasks', 'done', str(following['id'])).splitlines()
        self.assertEqual(len(lines), 2)

    def test_delete_and_clear_done(self):
        a, b, c, d = self.ids
        self.assertEqual(self.ok('tasks', 'delete', str(b)), '')
        self.assertEqual(self.board()['todo'], [a, c, d])
        self.assertEqual(self.fails(1, 'tasks', 'delete', str(b)), f'steward-cli: There is no task {b}.')
        self.ok('tasks', 'done', str(a))
        self.ok('tasks', 'done', str(d))
        self.assertEqual(self.ok('tasks', 'clear-done'), 'Deleted 2 done tasks.\n')
        self.assertEqual(self.json('tasks', 'clear-done'), {'deleted': 0})
        self.assertEqual(self.board(), {'todo': [c], 'doing': [], 'done': []})

    def test_usage(self):
        self.assertIn('needs one of add, list', self.fails(2, 'tasks'))
        self.assertIn('Unknown command “tasks frobnicate”', self.fails(2, 'tasks', 'frobnicate'))
        self.assertIn('tasks move ID todo|doing|done', self.ok('--help'))


if __name__ == '__main__':
    CLI = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)

#!/usr/bin/python3
# test-documents-cli.py: steward-cli projects, phase, templates and
# export, document projects from the shell, run against a real store.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unittest

CLI = None


class DocumentsCliTestCase(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix='steward-test-documents-cli-')
        self.data_dir = os.path.join(self.tmp, 'data')
        self.env = dict(os.environ)
        self.env.pop('STEWARD_DATA_DIR', None)
        self.env['XDG_DATA_HOME'] = os.path.join(self.tmp, 'xdg')

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def path(self, name):
        return os.path.join(self.tmp, name)

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

    def statuses(self, project):
        return [phase['status'] for phase in self.json('projects', 'phases', project)]

    def query(self, sql):
        db = sqlite3.connect(os.path.join(self.data_dir, 'steward.db'))
        try:
            return db.execute(sql).fetchall()
        finally:
            db.close()


class TestProjects(DocumentsCliTestCase):
    def test_create_prints_the_project_with_its_phases(self):
        project = self.json('projects', 'create', 'Annual report')
        self.assertEqual(project['name'], 'Annual report')
        self.assertEqual(project['template'], 'default')
        self.assertEqual(len(project['phases']), 14)
        self.assertEqual(project['phases'][0],
                         {'number': 1, 'title': 'Brief and Audience', 'status': 'not-started',
                          'updated_at': project['created_at']})
        self.assertEqual(project['phases'][13]['title'], 'Final Review')
        self.assertTrue(project['created_at'].endswith('Z'))

        pitch = self.json('projects', 'create', 'Pitch', '--template', 'proposal')
        self.assertEqual([p['number'] for p in pitch['phases']], list(range(1, 11)))
        design = self.json('projects', 'create', 'API', '--template', 'design', '--brief', 'For engineers')
        self.assertEqual(design['brief'], 'For engineers')

        listed = self.json('projects', 'list')
        self.assertEqual([p['name'] for p in listed], ['API', 'Pitch', 'Annual report'])
        self.assertEqual(listed[2]['n_phases'], 14)
        self.assertIn('Annual report  (0 of 14 completed)', self.ok('projects', 'list'))

        text = self.ok('projects', 'create', 'Plain')
        self.assertIn('  1  not-started  Brief and Audience\n', text)

    def test_project_by_id_or_name(self):
        first = self.json('projects', 'create', 'Report')
        self.json('projects', 'create', '2024')
        self.assertEqual(len(self.json('projects', 'phases', str(first['id']))), 14)
        self.assertEqual(len(self.json('projects', 'phases', 'Report')), 14)
        # A name that is a number, and no project with that id
        self.assertEqual(len(self.json('projects', 'phases', '2024')), 14)
        self.assertIn('There is no document project named “Nothing”.', self.fails(1, 'projects', 'phases', 'Nothing'))
        self.json('projects', 'create', 'Report')
        self.assertIn('Several document projects are named “Report”', self.fails(1, 'projects', 'phases', 'Report'))

    def test_rename_duplicate_delete(self):
        project = self.json('projects', 'create', 'Report')
        self.ok('phase', 'set', 'Report', '1', 'Readers first')
        self.assertEqual(self.ok('projects', 'rename', 'Report', 'Final report'), '')
        self.assertEqual(self.json('projects', 'list')[0]['name'], 'Final report')

        copy = self.json('projects', 'duplicate', 'Final report')
        self.assertEqual(copy['name'], 'Final report (copy)')
        self.assertEqual(copy['phases'][0]['status'], 'in-progress')
        self.assertEqual(self.json('phase', 'show', str(copy['id']), '1')['content'], 'Readers first')
        self.assertEqual(self.json('phase', 'versions', str(copy['id']), '1'), [])
        whole = self.json('projects', 'duplicate', 'Final report', '--name', 'Whole', '--versions')
        self.assertEqual(len(self.json('phase', 'versions', 'Whole', '1')), 1)

        self.assertEqual(self.ok('projects', 'delete', str(project['id'])), '')
        self.assertEqual(sorted(p['name'] for p in self.json('projects', 'list')), ['Final report (copy)', 'Whole'])
        self.assertEqual(self.query('SELECT count (*) FROM phases WHERE project_id = %d' % project['id']), [(0,)])
        self.assertIn('There is no document project', self.fails(1, 'projects', 'delete', str(project['id'])))
        self.assertNotEqual(whole['id'], copy['id'])

    def test_usage(self):
        self.assertIn('needs one of create, list', self.fails(2, 'projects'))
        self.assertIn('Unknown command “projects frobnicate”', self.fails(2, 'projects', 'frobnicate'))
        self.assertIn('needs more arguments', self.fails(2, 'projects', 'create'))
        self.assertIn('There is no template named “nope”', self.fails(1, 'projects', 'create', 'X', '--template', 'nope'))
        self.assertIn('needs a name', self.fails(1, 'projects', 'create', '  '))
        help_text = self.ok('--help')
        for line in ('projects create NAME [--template T]', 'phase set PROJECT N (TEXT | --file FILE)',
                     'templates export NAME --output FILE', 'export PROJECT --format pdf|docx|md|json'):
            self.assertIn(line, help_text)


class TestPhases(DocumentsCliTestCase):
    def test_set_show_and_statuses(self):
        self.json('projects', 'create', 'Report')
        shown = self.json('phase', 'set', 'Report', '1', 'Everyone', 'reads', 'it')
        self.assertEqual(shown['content'], 'Everyone reads it')
        self.assertEqual(shown['status'], 'in-progress')

        source = self.path('goals.md')
        with open(source, 'w', encoding='utf-8') as f:
            f.write('# Goals\n\n- Approve the budget — in €\n- Ship by June\n')
        self.ok('phase', 'set', 'Report', '2', '--file', source)
        self.assertEqual(self.ok('phase', 'show', 'Report', '2'),
                         '# 2. Goals\n\n# Goals\n\n- Approve the budget — in €\n- Ship by June\n')

        for number in ('1', '2', '3'):
            if number == '3':
                self.ok('phase', 'set', 'Report', '3', 'Notes')
            self.assertEqual(self.json('phase', 'complete', 'Report', number)['status'], 'completed')
        self.ok('phase', 'set', 'Report', '5', 'An outline')
        self.assertEqual(self.statuses('Report')[:6],
                         ['completed', 'completed', 'completed', 'not-started', 'in-progress', 'not-started'])

        # Phase 2 changes: only the later completed phase goes stale
        self.ok('phase', 'set', 'Report', '2', 'Other goals')
        self.assertEqual(self.statuses('Report')[:6],
                         ['completed', 'completed', 'stale', 'not-started', 'in-progress', 'not-started'])
        self.assertIn('  3  stale        Research Notes\n', self.ok('projects', 'phases', 'Report'))

    def test_versions_and_restore(self):
        self.json('projects', 'create', 'Report')
        self.ok('phase', 'set', 'Report', '1', 'First')
        self.ok('phase', 'set', 'Report', '1', 'Second')
        self.ok('phase', 'complete', 'Report', '1')
        versions = self.json('phase', 'versions', 'Report', '1')
        self.assertEqual([(v['number'], v['reason'], v['content']) for v in versions],
                         [(3, 'completed', 'Second'), (2, 'saved', 'Second'), (1, 'saved', 'First')])
        self.assertTrue(versions[0]['created_at'].endswith('Z'))

        restored = self.json('phase', 'restore', 'Report', '1', '1')
        self.assertEqual(restored['content'], 'First')
        self.assertEqual(restored['status'], 'completed')
        latest = self.json('phase', 'versions', 'Report', '1')[0]
        self.assertEqual((latest['number'], latest['reason'], latest['content']), (4, 'restored', 'First'))
        self.assertIn('  4  restored ', self.ok('phase', 'versions', 'Report', '1'))

        self.assertIn('The phase has no version 9.', self.fails(1, 'phase', 'restore', 'Report', '1', '9'))
        self.assertIn('is not a version number', self.fails(2, 'phase', 'restore', 'Report', '1', 'x'))

    def test_errors(self):
        self.json('projects', 'create', 'Report')
        self.assertIn('The project has no phase 15.', self.fails(1, 'phase', 'show', 'Report', '15'))
        self.assertIn('“0” is not a phase number', self.fails(2, 'phase', 'show', 'Report', '0'))
        self.assertIn('Could not read “', self.fails(1, 'phase', 'set', 'Report', '1', '--file', self.path('none.md')))
        self.assertIn('needs more arguments', self.fails(2, 'phase', 'set', 'Report', '1'))
        self.assertIn('needs one of set, show', self.fails(2, 'phase'))


class TestTemplates(DocumentsCliTestCase):
    def test_list(self):
        templates = self.json('templates', 'list')
        self.assertEqual([t['name'] for t in templates], ['default', 'proposal', 'design'])
        self.assertTrue(all(t['builtin'] for t in templates))
        self.assertEqual(len(templates[0]['phases']), 14)
        self.assertIn('default                       General Document (14 phases), built in',
                      self.ok('templates', 'list'))

    def test_export_import_and_use(self):
        out = self.path('proposal.json')
        self.assertEqual(self.ok('templates', 'export', 'proposal', '--output', out), '')
        with open(out, encoding='utf-8') as f:
            data = json.load(f)
        self.assertEqual((data['format'], data['version'], data['name']), ('steward-template', 1, 'Project Proposal'))
        data['name'] = 'Grant'
        data['phases'] = data['phases'][:3]
        with open(out, 'w', encoding='utf-8') as f:
            json.dump(data, f)

        self.assertEqual(self.ok('templates', 'import', out), 'Grant\n')
        self.assertIn('There is already a template named “Grant”', self.fails(1, 'templates', 'import', out))
        self.ok('templates', 'import', out, '--replace')
        mine = [t for t in self.json('templates', 'list') if t['name'] == 'Grant'][0]
        self.assertFalse(mine['builtin'])
        self.assertEqual(len(mine['phases']), 3)

        project = self.json('projects', 'create', 'Lab', '--template', 'Grant')
        self.assertEqual([p['title'] for p in project['phases']],
                         ['Brief and Audience', 'Problem Statement', 'Objectives'])
        self.assertEqual(project['template'], 'Grant')
        self.assertEqual(json.loads(self.ok('templates', 'export', 'Grant', '--output', '-'))['name'], 'Grant')

    def test_bad_files_are_refused_with_their_name(self):
        bad = self.path('broken.json')
        for contents, reason in (('{ nope', 'it is not valid JSON'),
                                 ('{"format": "steward-project", "version": 1}', 'it is not a Steward template'),
                                 ('{"format": "steward-template", "version": 1, "name": "X", "phases": []}',
                                  'it has no phases')):
            with open(bad, 'w', encoding='utf-8') as f:
                f.write(contents)
            message = self.fails(1, 'templates', 'import', bad)
            self.assertIn('The template file “broken.json” cannot be imported: ' + reason, message)
        self.assertIn('“missing.json” cannot be imported: No such file or directory.',
                      self.fails(1, 'templates', 'import', self.path('missing.json')))
        self.assertIn('needs --output FILE', self.fails(2, 'templates', 'export', 'default'))


class TestExport(DocumentsCliTestCase):
    def test_json_round_trip(self):
        self.json('projects', 'create', 'Rapport « été »', '--brief', 'Pour tous, 日本語')
        self.ok('phase', 'set', '1', '1', '# Lecteurs\n\n*Tous*')
        self.ok('phase', 'complete', '1', '1')
        self.ok('phase', 'set', '1', '2', 'Objectifs')
        self.ok('phase', 'complete', '1', '2')
        self.ok('phase', 'set', '1', '1', 'Changé')
        out = self.path('export.json')
        self.assertEqual(self.ok('export', 'Rapport « été »', '--format', 'json', '--output', out), '')
        with open(out, encoding='utf-8') as f:
            exported = json.load(f)
        self.assertEqual(exported['format'], 'steward-project')
        self.assertEqual(exported['phases'][1]['status'], 'stale')
        self.assertEqual([v['reason'] for v in exported['phases'][0]['versions']], ['saved', 'completed', 'saved'])

        self.assertEqual(json.loads(self.ok('export', '1', '--format', 'json', '--output', '-')), exported)

        imported = self.json('projects', 'import', out)
        self.assertNotEqual(imported['id'], 1)
        again = self.path('again.json')
        self.ok('export', str(imported['id']), '--format', 'json', '--output', again)
        with open(again, encoding='utf-8') as f:
            self.assertEqual(json.load(f), exported)

        with open(again, 'w', encoding='utf-8') as f:
            f.write('{"format": "steward-template", "version": 1}')
        self.assertIn('The project file “again.json” cannot be imported: it is not a Steward document project.',
                      self.fails(1, 'projects', 'import', again))

    def test_formats(self):
        self.json('projects', 'create', 'Report')
        self.ok('phase', 'set', 'Report', '1', '# Audience\n\nBoard members, *busy* ones. Çà 快\n\n- one\n- two\n')
        self.ok('phase', 'set', 'Report', '2', 'Goals | Owner\n--- | ---\nFund it | Ana\n')

        pdf = self.path('report.pdf')
        self.assertEqual(self.ok('export', 'Report', '--format', 'pdf', '--output', pdf), '')
        info = subprocess.run(['pdfinfo', pdf], capture_output=True, text=True, check=True).stdout
        self.assertIn('Title:           Report', info)
        text = subprocess.run(['pdftotext', pdf, '-'], capture_output=True, text=True, check=True).stdout
        for words in ('Brief and Audience', 'Audience', 'Board members', 'Çà 快', 'Fund it'):
            self.assertIn(words, text)

        docx_path = self.path('report.docx')
        self.assertEqual(self.ok('export', 'Report', '--format', 'docx', '--output', docx_path), '')
        read = subprocess.run(['/usr/bin/python3', '-c', 'import docx, sys, json\n'
                               'd = docx.Document(sys.argv[1])\n'
                               'print(json.dumps([[p.style.name, p.text] for p in d.paragraphs] + [len(d.tables)]))',
                               docx_path], capture_output=True, text=True, check=True).stdout
        paragraphs = json.loads(read)
        self.assertEqual(paragraphs[-1], 1)
        self.assertIn(['Heading 1', 'Brief and Audience'], paragraphs)
        self.assertIn(['Heading 2', 'Audience'], paragraphs)

        md = self.path('report.md')
        self.assertEqual(self.ok('export', 'Report', '--format', 'md', '--output', md), '')
        with open(md, encoding='utf-8') as f:
            written = f.read()
        self.assertIn('# Brief and Audience\n', written)
        self.assertIn('\n## Audience\n', written)

        self.assertIn('Only the json format', self.fails(2, 'export', 'Report', '--format', 'pdf', '--output', '-'))
        self.assertIn('is not an export format', self.fails(2, 'export', 'Report', '--format', 'odt', '--output', 'x'))
        self.assertIn('needs --format', self.fails(2, 'export', 'Report'))
        # A folder that is not there: nothing written, the name said
        missing = os.path.join(self.tmp, 'nowhere', 'x.pdf')
        self.assertIn('x.pdf', self.fails(1, 'export', 'Report', '--format', 'pdf', '--output', missing))

    def test_reopen(self):
        self.json('projects', 'create', 'Report')
        self.ok('phase', 'set', 'Report', '1', 'Done.')
        self.assertEqual(self.json('phase', 'complete', 'Report', '1')['status'], 'completed')
        self.assertEqual(self.json('phase', 'reopen', 'Report', '1')['status'], 'in-progress')
        self.assertEqual(len(self.json('phase', 'versions', 'Report', '1')), 2)

    def test_import_into_a_phase(self):
        self.json('projects', 'create', 'Report')
        notes = self.path('notes.md')
        with open(notes, 'w', encoding='utf-8') as f:
            f.write('## Findings\n\nThe **river** rose.\n')
        phase = self.json('phase', 'import', 'Report', '3', notes)
        self.assertEqual(phase['content'], '## Findings\n\nThe **river** rose.\n')
        self.assertEqual(phase['status'], 'in-progress')
        self.assertEqual(self.json('phase', 'versions', 'Report', '3')[0]['reason'], 'imported')

        word = self.path('minutes.docx')
        subprocess.run(['/usr/bin/python3', '-c', 'import docx, sys\n'
                        'd = docx.Document()\n'
                        'd.add_heading("Minutes", 1)\n'
                        'd.add_paragraph("Ana chaired.")\n'
                        'd.save(sys.argv[1])', word], check=True)
        phase = self.json('phase', 'import', 'Report', '4', word)
        self.assertIn('# Minutes', phase['content'])
        self.assertIn('Ana chaired.', phase['content'])

        broken = self.path('broken.docx')
        with open(word, 'rb') as f, open(broken, 'wb') as out:
            out.write(f.read()[:300])
        self.assertIn('broken.docx', self.fails(1, 'phase', 'import', 'Report', '5', broken))
        self.assertEqual(self.json('phase', 'show', 'Report', '5')['content'], '')

if __name__ == '__main__':
    CLI = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)

#!/usr/bin/python3
# test-ocr-cli.py: steward-cli ocr, text read offline from images that
# ImageMagick draws here, by the real tesseract.
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

CLI = None
CONVERT = shutil.which('convert')


class OcrCliTestCase(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix='steward-test-ocr-cli-')
        self.env = dict(os.environ)
        self.env['STEWARD_DATA_DIR'] = os.path.join(self.tmp, 'data')

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def run_cli(self, *args):
        return subprocess.run([CLI] + list(args),
                              capture_output=True, text=True, env=self.env, timeout=60)

    def available(self):
        result = self.run_cli('ocr', os.path.join(self.tmp, 'none.png'))
        return 'built without text recognition' not in result.stderr

    def draw(self, name, *lines):
        self.assertIsNotNone(CONVERT, 'ImageMagick’s convert is not installed')
        path = os.path.join(self.tmp, name)
        args = [CONVERT, '-size', '900x220', 'xc:white', '-font', 'DejaVu-Sans',
                '-pointsize', '40', '-fill', 'black']
        for i, line in enumerate(lines):
            args += ['-annotate', f'+30+{70 + 70 * i}', line]
        subprocess.run(args + [path], check=True)
        return path

    def fails(self, status, *args):
        result = self.run_cli(*args)
        self.assertEqual(result.returncode, status, result.stderr)
        self.assertEqual(result.stdout, '')
        lines = result.stderr.splitlines()
        self.assertEqual(len(lines), 1, result.stderr)
        return lines[0]

    def test_text(self):
        if not self.available():
            self.skipTest('built without text recognition')
        path = self.draw('invoice.png', 'Invoice number seventeen', 'Paid in full')

        result = self.run_cli('ocr', path)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stderr, '')
        self.assertEqual(result.stdout, 'Invoice number seventeen\nPaid in full\n')

        result = self.run_cli('ocr', path, '--json')
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(json.loads(result.stdout),
                         {'text': 'Invoice number seventeen\nPaid in full', 'languages': 'eng'})

    def test_blank(self):
        if not self.available():
            self.skipTest('built without text recognition')
        path = os.path.join(self.tmp, 'blank.png')
        subprocess.run([CONVERT, '-size', '400x200', 'xc:white', path], check=True)
        result = self.run_cli('ocr', path)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout, '')
        self.assertEqual(result.stderr, 'No text was found in blank.png.\n')

    def test_refused(self):
        if not self.available():
            self.assertIn('Steward was built without text recognition.',
                          self.fails(1, 'ocr', os.path.join(self.tmp, 'x.png')))
            return
        path = self.draw('whole.png', 'Quarterly report')
        with open(path, 'rb') as f:
            data = f.read()
        cut = os.path.join(self.tmp, 'cut.png')
        with open(cut, 'wb') as f:
            f.write(data[:len(data) // 2])
        text = os.path.join(self.tmp, 'notes.jpg')
        with open(text, 'w') as f:
            f.write('just words\n')

        self.assertEqual(self.fails(1, 'ocr', cut), 'steward-cli: cut.png is not a complete PNG image.')
        self.assertEqual(self.fails(1, 'ocr', text), 'steward-cli: notes.jpg is not an image Steward can read.')
        self.assertEqual(self.fails(1, 'ocr', os.path.join(self.tmp, 'gone.png')),
                         'steward-cli: gone.png does not exist.')
        self.assertEqual(self.fails(1, 'ocr', self.tmp),
                         f'steward-cli: {os.path.basename(self.tmp)} is a folder, not an image.')

    def test_usage(self):
        self.assertIn('“ocr” needs more arguments', self.fails(2, 'ocr'))
        self.assertIn('Unknown option “--lang” for “ocr”', self.fails(2, 'ocr', '--lang', 'x.png'))
        result = self.run_cli('--help')
        self.assertIn('ocr IMAGE', result.stdout)


if __name__ == '__main__':
    CLI = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)

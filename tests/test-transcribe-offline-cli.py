#!/usr/bin/python3
# test-transcribe-offline-cli.py: steward-cli transcribe with
# voice.provider "offline", speech to text on this computer by the real
# PocketSphinx and its English model, heard from pocketsphinx-testdata's
# recording (wrapped into a WAV here) and from espeak-ng. Skipped, saying
# why, where the 'pocketsphinx' feature is off or the data is missing.
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
import wave

CLI = None
GO_FORWARD = '/usr/share/pocketsphinx/test/data/goforward.raw'
MODEL = '/usr/share/pocketsphinx/model/en-us/en-us/mdef'
ESPEAK = shutil.which('espeak-ng')
NOT_BUILT_IN = 'not built into this copy of Steward'


class OfflineCliTestCase(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix='steward-test-transcribe-offline-cli-')
        self.env = dict(os.environ)
        self.env['STEWARD_DATA_DIR'] = os.path.join(self.tmp, 'data')
        self.env.pop('STEWARD_POCKETSPHINX_MODEL_DIR', None)
        self.ok('settings', 'set', 'voice.provider', 'offline')

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def run_cli(self, *args):
        return subprocess.run([CLI] + list(args),
                              capture_output=True, text=True, env=self.env, timeout=120)

    def ok(self, *args):
        result = self.run_cli(*args)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stderr, '')
        return result.stdout

    def fails(self, status, *args):
        result = self.run_cli(*args)
        self.assertEqual(result.returncode, status, result.stderr)
        self.assertEqual(result.stdout, '')
        lines = result.stderr.splitlines()
        self.assertEqual(len(lines), 1, result.stderr)
        return lines[0]

    def require_offline(self):
        result = self.run_cli('transcribe', os.path.join(self.tmp, 'none.wav'))
        if NOT_BUILT_IN in result.stderr:
            self.skipTest('PocketSphinx is not built in (meson feature pocketsphinx)')
        if not os.path.exists(MODEL):
            self.skipTest('the English model is missing (package pocketsphinx-en-us)')
        if not os.path.exists(GO_FORWARD):
            self.skipTest('the recordings are missing (package pocketsphinx-testdata)')

    def go_forward_wav(self, name='go forward.wav'):
        """The raw 16 kHz mono recording with a WAV header."""
        path = os.path.join(self.tmp, name)
        with open(GO_FORWARD, 'rb') as f:
            samples = f.read()
        with wave.open(path, 'wb') as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(16000)
            w.writeframes(samples)
        return path

    def test_json(self):
        self.require_offline()
        printed = json.loads(self.ok('transcribe', '--json', self.go_forward_wav()))
        self.assertEqual(set(printed), {'text', 'language', 'duration'})
        self.assertEqual(printed['text'], 'go forward ten meters')
        self.assertEqual(printed['language'], 'en')
        self.assertAlmostEqual(printed['duration'], 89160 / 2 / 16000, places=2)

    def test_text(self):
        self.require_offline()
        self.assertEqual(self.ok('transcribe', self.go_forward_wav()), 'go forward ten meters\n')

    def test_espeak(self):
        self.require_offline()
        if not ESPEAK:
            self.skipTest('espeak-ng is missing')
        path = os.path.join(self.tmp, 'spoken.wav')
        subprocess.run([ESPEAK, '-w', path, 'Remind me to call Sam tomorrow at five.'],
                       check=True, timeout=60)
        printed = json.loads(self.ok('transcribe', path, '--json'))
        self.assertIsInstance(printed['text'], str)
        self.assertEqual(printed['language'], 'en')
        self.assertGreater(printed['duration'], 1)

    def test_not_english(self):
        self.require_offline()
        self.ok('settings', 'set', 'voice.language', 'fr')
        sentence = self.fails(1, 'transcribe', self.go_forward_wav())
        self.assertIn('only English', sentence)
        self.assertIn('“fr”', sentence)

    def test_missing_model(self):
        self.require_offline()
        self.env['STEWARD_POCKETSPHINX_MODEL_DIR'] = os.path.join(self.tmp, 'nowhere')
        sentence = self.fails(1, 'transcribe', self.go_forward_wav())
        self.assertEqual(sentence, 'steward-cli: The English model for offline speech to text is missing '
                                   f'from {self.tmp}/nowhere; install the package pocketsphinx-en-us.')

    def test_not_audio(self):
        self.require_offline()
        path = os.path.join(self.tmp, 'notes.wav')
        with open(path, 'w') as f:
            f.write('Not a recording at all, just words.\n')
        self.assertEqual(self.fails(1, 'transcribe', path),
                         'steward-cli: notes.wav is not an audio file GStreamer can read.')

    def test_not_built_in(self):
        result = self.run_cli('transcribe', self.go_forward_wav() if os.path.exists(GO_FORWARD)
                              else os.path.join(self.tmp, 'none.wav'))
        if NOT_BUILT_IN not in result.stderr:
            self.skipTest('PocketSphinx is built in')
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stderr, 'steward-cli: Offline speech to text is not built into this copy '
                                        'of Steward; choose a provider in Preferences → Voice.\n')


if __name__ == '__main__':
    CLI = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)

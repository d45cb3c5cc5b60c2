#!/usr/bin/python3
# test-transcribe-cli.py: steward-cli transcribe, speech to text through an
# OpenAI-compatible /audio/transcriptions endpoint, against the replay
# server. The audio is real: a tone from GStreamer's audiotestsrc and a
# sentence spoken by espeak-ng, encoded by GStreamer; the server's log shows
# the multipart upload's fields and a checksum of the file it received.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import hashlib
import json
import os
import shutil
import subprocess
import unittest

import replaycli

SPOKEN = 'Remind me to call Sam tomorrow at five.'
REPLAYED = 'Remind me to call Sam tomorrow at five. Grüße 👋'
GST_LAUNCH = shutil.which('gst-launch-1.0')
ESPEAK = shutil.which('espeak-ng')


def gst(*pipeline):
    subprocess.run([GST_LAUNCH, '-q', *pipeline], check=True, timeout=120,
                   stdout=subprocess.DEVNULL)


def sha256(path):
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


@unittest.skipUnless(GST_LAUNCH, 'gst-launch-1.0 (gstreamer1.0-tools) is missing')
class TranscribeCliTestCase(replaycli.ReplayCliTestCase):
    key = 'sk-test-voice'

    def setUp(self):
        super().setUp()
        self.ok('provider', 'add', 'voice', '--kind', 'openai', '--base-url',
                f'http://127.0.0.1:{self.port}/v1', '--api-key-env', 'STEWARD_TEST_KEY')
        self.ok('settings', 'set', 'voice.provider', 'voice')

    def path(self, name):
        return os.path.join(self.tmp, name)

    def tone_wav(self, name='tone.wav', seconds=1):
        """A 440 Hz tone from audiotestsrc, 16 kHz mono WAV."""
        path = self.path(name)
        gst('audiotestsrc', 'wave=sine', 'samplesperbuffer=1600', f'num-buffers={seconds * 10}', '!',
            'audio/x-raw,rate=16000,channels=1', '!', 'wavenc', '!', 'filesink', f'location={path}')
        return path

    def spoken_wav(self):
        if not ESPEAK:
            self.skipTest('espeak-ng is missing')
        path = self.path('spoken.wav')
        subprocess.run([ESPEAK, '-w', path, SPOKEN], check=True, timeout=60)
        return path

    def spoken_ogg(self):
        """The spoken sentence encoded as Ogg Opus, as the recorder writes it."""
        wav = self.spoken_wav()
        path = self.path('spoken.ogg')
        gst('filesrc', f'location={wav}', '!', 'wavparse', '!', 'audioconvert', '!', 'audioresample', '!',
            'opusenc', '!', 'oggmux', '!', 'filesink', f'location={path}')
        return path

    def upload(self):
        """The one upload the server saw."""
        requests = self.requests()
        self.assertEqual(len(requests), 1)
        request = requests[0]
        self.assertEqual(request['path'], '/v1/audio/transcriptions')
        self.assertEqual(request['headers']['authorization'], 'Bearer ' + self.key)
        self.assertTrue(request['headers']['content-type'].startswith('multipart/form-data; boundary='),
                        request['headers']['content-type'])
        return request['body']

    def assert_file_sent(self, body, path, filename, content_type):
        self.assertEqual(len(body['files']), 1)
        sent = body['files'][0]
        self.assertEqual(sent['name'], 'file')
        self.assertEqual(sent['filename'], filename)
        self.assertEqual(sent['content_type'], content_type)
        self.assertEqual(sent['size'], os.path.getsize(path))
        self.assertEqual(sent['sha256'], sha256(path))


class TestTranscribe(TranscribeCliTestCase):
    def test_tone_wav(self):
        path = self.tone_wav()
        self.assertEqual(self.ok('transcribe', path), REPLAYED + '\n')

        body = self.upload()
        self.assertEqual(body['parts'], ['file', 'model', 'response_format'])
        self.assertEqual(body['fields'], {'model': 'whisper-1', 'response_format': 'verbose_json'})
        self.assert_file_sent(body, path, 'tone.wav', 'audio/wav')

    def test_spoken_ogg_with_language_as_json(self):
        path = self.spoken_ogg()
        self.ok('settings', 'set', 'voice.language', 'en')
        printed = json.loads(self.ok('transcribe', path, '--json'))
        self.assertEqual(printed, {'text': REPLAYED, 'language': 'english', 'duration': 2.56})

        body = self.upload()
        self.assertEqual(body['parts'], ['file', 'model', 'language', 'response_format'])
        self.assertEqual(body['fields'], {'model': 'whisper-1', 'language': 'en',
                                          'response_format': 'verbose_json'})
        self.assert_file_sent(body, path, 'spoken.ogg', 'audio/ogg')

    def test_spoken_wav(self):
        path = self.spoken_wav()
        self.assertEqual(self.ok('transcribe', path), REPLAYED + '\n')
        self.assert_file_sent(self.upload(), path, 'spoken.wav', 'audio/wav')

    def test_name_without_extension(self):
        """Servers tell the format by the name: the sniffed type's extension is added."""
        path = self.path('memo')
        shutil.copy(self.spoken_ogg(), path)
        self.ok('transcribe', path)
        self.assert_file_sent(self.upload(), path, 'memo.ogg', 'audio/ogg')

    def test_plain_transcript(self):
        self.ok('settings', 'set', 'voice.model', 'transcribe-plain')
        printed = json.loads(self.ok('transcribe', '--json', self.tone_wav()))
        self.assertEqual(printed, {'text': 'Hello from a plain transcript.', 'language': None,
                                   'duration': None})
        self.assertEqual(self.upload()['fields']['model'], 'transcribe-plain')

    def test_settings(self):
        self.assertEqual(self.ok('settings', 'get', 'voice.model'), 'whisper-1\n')
        self.assertEqual(self.ok('settings', 'get', 'voice.language'), '\n')
        self.assertEqual(self.ok('settings', 'get', 'voice.send-at-once'), 'false\n')
        self.ok('settings', 'set', 'voice.send-at-once', 'yes')
        self.assertEqual(self.ok('settings', 'get', 'voice.send-at-once'), 'true\n')
        self.fails(1, 'settings', 'set', 'voice.send-at-once', 'maybe')
        listed = self.ok('settings', 'list')
        for key in ('voice.provider', 'voice.model', 'voice.language', 'voice.send-at-once'):
            self.assertIn(key, listed)


class TestTranscribeFails(TranscribeCliTestCase):
    def test_no_provider_chosen(self):
        self.ok('settings', 'set', 'voice.provider', '')
        sentence = self.fails(1, 'transcribe', self.tone_wav())
        self.assertIn('voice.provider', sentence)
        self.assertEqual(self.requests(), [])

    def test_missing_provider(self):
        self.ok('settings', 'set', 'voice.provider', 'whisper-server')
        sentence = self.fails(1, 'transcribe', self.tone_wav())
        self.assertIn('“whisper-server”', sentence)
        self.assertIn('does not exist', sentence)
        self.assertEqual(self.requests(), [])

    def test_provider_without_speech_to_text(self):
        self.ok('provider', 'add', 'claude', '--kind', 'anthropic', '--base-url',
                f'http://127.0.0.1:{self.port}', '--api-key-env', 'STEWARD_TEST_KEY')
        self.ok('settings', 'set', 'voice.provider', 'claude')
        sentence = self.fails(1, 'transcribe', self.tone_wav())
        self.assertIn('“claude”', sentence)
        self.assertIn('not OpenAI-compatible', sentence)
        self.assertEqual(self.requests(), [])

    def test_not_audio(self):
        path = self.path('notes.wav')
        with open(path, 'w') as f:
            f.write('Not a recording at all, just words.\n')
        sentence = self.fails(1, 'transcribe', path)
        self.assertTrue(sentence.startswith('steward-cli: notes.wav is not an audio file'), sentence)
        self.assertEqual(self.requests(), [])

    def test_broken_audio(self):
        """A WAV header with no samples, and a corrupt Ogg."""
        wav = self.path('header.wav')
        with open(self.tone_wav(), 'rb') as f:
            head = f.read(44)
        with open(wav, 'wb') as f:
            f.write(head)
        self.assertEqual(self.fails(1, 'transcribe', wav),
                         'steward-cli: header.wav is not a complete audio file.')

        ogg = self.path('broken.ogg')
        with open(self.spoken_ogg(), 'rb') as f:
            data = bytearray(f.read())
        data[200:] = bytes(len(data) - 200)
        with open(ogg, 'wb') as f:
            f.write(data)
        self.assertEqual(self.fails(1, 'transcribe', ogg),
                         'steward-cli: broken.ogg is not a complete audio file.')
        self.assertEqual(self.requests(), [])

    def test_missing_file(self):
        self.assertEqual(self.fails(1, 'transcribe', self.path('gone.ogg')),
                         'steward-cli: gone.ogg does not exist.')

    def test_too_large(self):
        path = self.tone_wav('big.wav')
        os.truncate(path, 26 * 1024 * 1024)
        sentence = self.fails(1, 'transcribe', path)
        self.assertTrue(sentence.startswith('steward-cli: big.wav is too large to transcribe'), sentence)
        self.assertIn('25 MB', sentence)
        self.assertEqual(self.requests(), [])

    def test_too_long(self):
        """31 minutes of 8 kHz 8-bit silence: 15 MB, small enough but too long."""
        path = self.path('long.wav')
        gst('audiotestsrc', 'wave=silence', 'samplesperbuffer=8000', 'num-buffers=1860', '!',
            'audio/x-raw,format=U8,rate=8000,channels=1', '!', 'wavenc', '!', 'filesink', f'location={path}')
        sentence = self.fails(1, 'transcribe', path)
        self.assertEqual(sentence, 'steward-cli: long.wav is too long to transcribe (31 minutes; at most 30).')
        self.assertEqual(self.requests(), [])

    def test_server_error(self):
        self.ok('settings', 'set', 'voice.model', 'transcribe-error')
        sentence = self.fails(1, 'transcribe', self.tone_wav())
        self.assertIn('voice had a server error', sentence)
        self.assertIn('The transcription backend crashed', sentence)
        self.assertNotIn(self.key, sentence)

    def test_no_transcript_in_reply(self):
        self.ok('settings', 'set', 'voice.model', 'transcribe-no-text')
        sentence = self.fails(1, 'transcribe', self.tone_wav())
        self.assertIn('voice did not send a transcript back', sentence)

    def test_unknown_model(self):
        self.ok('settings', 'set', 'voice.model', 'no-such-model')
        sentence = self.fails(1, 'transcribe', self.tone_wav())
        self.assertIn('no-such-model', sentence)

    def test_unreachable(self):
        self.ok('provider', 'add', 'gone', '--kind', 'openai', '--base-url', 'http://127.0.0.1:9/v1',
                '--api-key-env', 'STEWARD_TEST_KEY')
        self.ok('settings', 'set', 'voice.provider', 'gone')
        sentence = self.fails(1, 'transcribe', self.tone_wav())
        self.assertIn('Could not reach gone', sentence)

    def test_timeout(self):
        """A server that takes too long is given up after chat.response-timeout."""
        slow = subprocess.Popen([replaycli.REPLAY, '--fixtures', os.path.join(replaycli.FIXTURES, 'openai'),
                                 '--port', '0', '--dribble', '1', '--delay-ms', '1000'],
                                stdout=subprocess.PIPE, text=True)
        try:
            port = int(slow.stdout.readline())
            self.ok('provider', 'add', 'slow', '--kind', 'openai', '--base-url', f'http://127.0.0.1:{port}/v1',
                    '--api-key-env', 'STEWARD_TEST_KEY')
            self.ok('settings', 'set', 'voice.provider', 'slow')
            self.ok('settings', 'set', 'chat.response-timeout', '2')
            sentence = self.fails(1, 'transcribe', self.tone_wav())
            self.assertIn('slow at http://127.0.0.1:', sentence)
            self.assertIn('sent no transcript for 2 seconds', sentence)
        finally:
            slow.terminate()
            slow.wait(timeout=10)
            slow.stdout.close()

    def test_usage(self):
        result = self.cli('transcribe')
        self.assertEqual(result.returncode, 2)
        result = self.cli('transcribe', 'a.wav', 'b.wav')
        self.assertEqual(result.returncode, 2)


if __name__ == '__main__':
    replaycli.main()

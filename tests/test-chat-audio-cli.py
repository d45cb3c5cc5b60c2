#!/usr/bin/python3
# test-chat-audio-cli.py: steward-cli chat --attach with a voice memo,
# against the replay server answering as OpenAI: the memo (a real WAV
# made by GStreamer's audiotestsrc) is uploaded to /audio/transcriptions
# once, and its transcript goes with the message in the chat request.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import subprocess
import unittest

import replaycli

# tests/fixtures/openai/whisper-1.json, as the transcriber reads it
REPLAYED = 'Remind me to call Sam tomorrow at five. Grüße 👋'
GST_LAUNCH = shutil.which('gst-launch-1.0')


@unittest.skipUnless(GST_LAUNCH, 'gst-launch-1.0 (gstreamer1.0-tools) is missing')
class TestChatAudio(replaycli.ReplayCliTestCase):
    key = 'sk-test-chat-audio'

    def setUp(self):
        super().setUp()
        self.answer_with('text_stream')
        self.ok('settings', 'set', 'memory.auto', 'false')
        self.memo = os.path.join(self.tmp, 'memo.wav')
        subprocess.run([GST_LAUNCH, '-q', 'audiotestsrc', 'wave=sine', 'samplesperbuffer=1600',
                        'num-buffers=10', '!', 'audio/x-raw,rate=16000,channels=1', '!', 'wavenc', '!',
                        'filesink', f'location={self.memo}'],
                       check=True, timeout=120, stdout=subprocess.DEVNULL)

    def paths(self):
        return [request['path'] for request in self.requests()]

    def chat_text(self, request=-1):
        """Every text part of the last message of a chat request"""
        content = self.requests()[request]['body']['messages'][-1]['content']
        if isinstance(content, str):
            return content
        return '\n'.join(part['text'] for part in content if part.get('type') == 'text')

    def conversations(self):
        return json.loads(self.ok('conversations', 'list', '--json'))

    def test_memo_transcribed_once(self):
        self.ok('settings', 'set', 'voice.provider', 'replay')
        self.ok('chat', '--attach', self.memo, 'What does my memo say?')

        self.assertEqual(self.paths(), ['/v1/audio/transcriptions', '/v1/chat/completions'])
        text = self.chat_text()
        self.assertIn('What does my memo say?', text)
        self.assertIn('Transcript of memo.wav:\n' + REPLAYED, text)

        # Another run of the CLI, a new conversation: the transcript kept
        # beside the copy is sent, nothing is uploaded again
        self.ok('chat', '--attach', self.memo, 'Once more?')
        self.assertEqual(self.paths(), ['/v1/audio/transcriptions', '/v1/chat/completions',
                                        '/v1/chat/completions'])
        self.assertIn('Transcript of memo.wav:\n' + REPLAYED, self.chat_text())

    def test_no_voice_provider(self):
        error = self.fails(1, 'chat', '--attach', self.memo, 'What does my memo say?')
        self.assertTrue(error.startswith('steward-cli: memo.wav could not be transcribed'), error)
        self.assertIn('voice.provider', error)
        self.assertEqual(self.requests(), [])
        self.assertEqual(self.conversations(), [])


if __name__ == '__main__':
    replaycli.main()

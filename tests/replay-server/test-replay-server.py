#!/usr/bin/python3
# test-replay-server.py: the replay server's contract, and the fixtures'.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-replay-server.py REPLAY_SERVER FIXTURES_DIR

import hashlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.request

SERVER = None
FIXTURES = None
KINDS = ('openai', 'anthropic', 'gemini', 'ollama')
# Straight to 127.0.0.1, whatever http_proxy says.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def fixture_bytes(kind, name):
    with open(os.path.join(FIXTURES, kind, name), 'rb') as f:
        return f.read()


class Replay:
    """One running replay-server, stopped with SIGTERM."""

    def __init__(self, kind, *args):
        self.tmp = tempfile.mkdtemp(prefix='steward-test-replay-')
        self.log_path = os.path.join(self.tmp, 'requests.jsonl')
        argv = [SERVER, '--fixtures', os.path.join(FIXTURES, kind),
                '--port', '0', '--log', self.log_path] + list(args)
        self.proc = subprocess.Popen(argv, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)
        line = self.proc.stdout.readline()
        if not line.strip().isdigit():
            self.proc.kill()
            _, err = self.proc.communicate()
            raise RuntimeError('replay-server did not start: %r %r'
                               % (line, err))
        self.port = int(line)
        self.base = 'http://127.0.0.1:%d' % self.port

    def stop(self):
        """Stops the server; returns its exit status and stderr."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            _, err = self.proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            _, err = self.proc.communicate()
        shutil.rmtree(self.tmp, ignore_errors=True)
        return self.proc.returncode, err.decode('utf-8', 'replace')

    def log(self):
        with open(self.log_path, 'rb') as f:
            data = f.read().decode('utf-8')
        assert data == '' or data.endswith('\n'), repr(data[-80:])
        return [json.loads(line) for line in data.splitlines()]

    def request(self, path, body=None, method=None, headers=None):
        """Returns (status, headers, body bytes), errors included."""
        data = None
        if body is not None:
            data = body if isinstance(body, bytes) else \
                json.dumps(body).encode('utf-8')
        req = urllib.request.Request(self.base + path, data=data,
                                     method=method or
                                     ('POST' if data is not None else 'GET'))
        if data is not None:
            req.add_header('Content-Type', 'application/json')
        for name, value in (headers or {}).items():
            req.add_header(name, value)
        try:
            with OPENER.open(req, timeout=30) as resp:
                return resp.status, resp.headers, resp.read()
        except urllib.error.HTTPError as e:
            with e:
                return e.code, e.headers, e.read()

    def raw_post(self, path, body, extra_headers=''):
        """POSTs over a bare socket; returns (head, [chunk bytes])."""
        payload = json.dumps(body).encode('utf-8')
        request = ('POST %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n'
                   'Content-Type: application/json\r\n'
                   'Content-Length: %d\r\nConnection: close\r\n%s\r\n'
                   % (path, self.port, len(payload), extra_headers))
        with socket.create_connection(('127.0.0.1', self.port),
                                      timeout=30) as sock:
            sock.sendall(request.encode('ascii') + payload)
            data = b''
            while True:
                piece = sock.recv(65536)
                if not piece:
                    break
                data += piece
        head, _, rest = data.partition(b'\r\n\r\n')
        head = head.decode('latin-1')
        chunked = re.search(r'(?im)^transfer-encoding:\s*chunked', head)
        if not chunked:
            return head, [rest]
        chunks = []
        while True:
            size_line, _, rest = rest.partition(b'\r\n')
            size = int(size_line.split(b';')[0], 16)
            if size == 0:
                break
            chunks.append(rest[:size])
            assert rest[size:size + 2] == b'\r\n', rest[size:size + 2]
            rest = rest[size + 2:]
        return head, chunks


# Reference decoders: what a correct client gets out of each body. They
# check the expected files, so the clients' tests can trust them.

def sse_events(data):
    events, name, lines = [], None, []
    for line in re.split(r'\r\n|\r|\n', data.decode('utf-8')):
        if line == '':
            if lines:
                events.append((name or 'message', '\n'.join(lines)))
            name, lines = None, []
        elif line.startswith(':'):
            continue
        else:
            field, _, value = line.partition(':')
            if value.startswith(' '):
                value = value[1:]
            if field == 'data':
                lines.append(value)
            elif field == 'event':
                name = value
    if lines:
        events.append((name or 'message', '\n'.join(lines)))
    return events


def decode_openai(body, ext):
    result = {'text': '', 'tool_calls': {}}
    payloads = []
    if ext == '.json':
        payloads = [json.loads(body)]
    else:
        for _, data in sse_events(body):
            if data == '[DONE]':
                break
            payloads.append(json.loads(data))
    for obj in payloads:
        if 'error' in obj:
            result['error_type'] = obj['error']['type']
            break
        for choice in obj.get('choices', []):
            part = choice.get('delta') or choice.get('message') or {}
            result['text'] += part.get('content') or ''
            for call in part.get('tool_calls') or []:
                slot = result['tool_calls'].setdefault(
                    call.get('index', len(result['tool_calls'])),
                    {'id': '', 'name': '', 'arguments': ''})
                slot['id'] += call.get('id') or ''
                fn = call.get('function', {})
                slot['name'] += fn.get('name') or ''
                slot['arguments'] += fn.get('arguments') or ''
    result['tool_calls'] = [result['tool_calls'][k]
                            for k in sorted(result['tool_calls'])]
    return result


def decode_anthropic(body, ext):
    result = {'text': '', 'tool_calls': []}
    if ext == '.json':
        obj = json.loads(body)
        for block in obj['content']:
            if block['type'] == 'text':
                result['text'] += block['text']
            elif block['type'] == 'tool_use':
                result['tool_calls'].append(
                    {'id': block['id'], 'name': block['name'],
                     'arguments': json.dumps(block['input'])})
        return result
    blocks = {}
    for name, data in sse_events(body):
        obj = json.loads(data)
        assert obj['type'] == name, (name, obj['type'])
        if name == 'error':
            result['error_type'] = obj['error']['type']
            break
        if name == 'content_block_start':
            block = obj['content_block']
            if block['type'] == 'tool_use':
                blocks[obj['index']] = {'id': block['id'],
                                        'name': block['name'],
                                        'arguments': ''}
                result['tool_calls'].append(blocks[obj['index']])
        elif name == 'content_block_delta':
            delta = obj['delta']
            if delta['type'] == 'text_delta':
                result['text'] += delta['text']
            elif delta['type'] == 'input_json_delta':
                blocks[obj['index']]['arguments'] += delta['partial_json']
    return result


def decode_gemini(body, ext):
    result = {'text': '', 'tool_calls': []}
    if ext == '.json':
        payloads = [json.loads(body)]
    else:
        payloads = [json.loads(data) for _, data in sse_events(body)]
    for obj in payloads:
        if 'error' in obj:
            result['error_type'] = obj['error']['status']
            break
        for part in obj['candidates'][0]['content']['parts']:
            if 'text' in part:
                result['text'] += part['text']
            if 'functionCall' in part:
                result['tool_calls'].append(
                    {'id': '', 'name': part['functionCall']['name'],
                     'arguments': json.dumps(part['functionCall']['args'])})
    return result


def decode_ollama(body, ext):
    result = {'text': '', 'tool_calls': []}
    for line in body.decode('utf-8').splitlines():
        if not line.strip():
            continue
        obj = json.loads(line)
        if 'error' in obj:
            result['error_type'] = obj['error']
            break
        message = obj.get('message', {})
        result['text'] += message.get('content', '')
        for call in message.get('tool_calls') or []:
            result['tool_calls'].append(
                {'id': '', 'name': call['function']['name'],
                 'arguments': json.dumps(call['function']['arguments'])})
    return result


DECODERS = {'openai': decode_openai, 'anthropic': decode_anthropic,
            'gemini': decode_gemini, 'ollama': decode_ollama}


class FixturesTestCase(unittest.TestCase):
    def test_expected_files_match_bodies(self):
        checked = 0
        for kind in KINDS:
            folder = os.path.join(FIXTURES, kind)
            for entry in sorted(os.listdir(folder)):
                m = re.fullmatch(r'(.+)\.expected\.(txt|json)', entry)
                if not m:
                    continue
                name = m.group(1)
                bodies = [ext for ext in ('.sse', '.ndjson', '.json')
                          if os.path.exists(os.path.join(folder, name + ext))]
                if not bodies:
                    # A sequence's expectation: its last fixture's.
                    seq = fixture_bytes(kind, name + '.sequence').decode()
                    name = seq.split()[-1]
                    bodies = [ext for ext in ('.sse', '.ndjson', '.json')
                              if os.path.exists(
                                  os.path.join(folder, name + ext))]
                ext = bodies[0]
                got = DECODERS[kind](fixture_bytes(kind, name + ext), ext)
                expected = fixture_bytes(kind, entry).decode('utf-8')
                with self.subTest(kind=kind, fixture=entry):
                    if m.group(2) == 'txt':
                        self.assertEqual(got['text'], expected)
                        self.assertNotIn('error_type', got)
                    else:
                        expected = json.loads(expected)
                        if 'partial_text' in expected:
                            self.assertEqual(got['text'],
                                             expected['partial_text'])
                            self.assertEqual(got.get('error_type'),
                                             expected['error_type'])
                        else:
                            self.assert_tool_calls(got, expected)
                checked += 1
        self.assertGreaterEqual(checked, 19)

    def assert_tool_calls(self, got, expected):
        self.assertEqual(got['text'], expected['text'])
        self.assertNotIn('error_type', got)
        self.assertEqual(len(got['tool_calls']), len(expected['tool_calls']))
        for a, b in zip(got['tool_calls'], expected['tool_calls']):
            self.assertEqual(a['id'], b['id'])
            self.assertEqual(a['name'], b['name'])
            self.assertEqual(json.loads(a['arguments']),
                             json.loads(b['arguments']))

    def test_status_files(self):
        for kind in KINDS:
            folder = os.path.join(FIXTURES, kind)
            for entry in os.listdir(folder):
                if entry.endswith('.status'):
                    lines = fixture_bytes(kind, entry).decode().splitlines()
                    self.assertRegex(lines[0], r'^[1-5]\d\d\b', entry)
                    for line in lines[1:]:
                        if line.strip():
                            self.assertRegex(line, r'^[A-Za-z-]+: \S', entry)


class ServerTestCase(unittest.TestCase):
    kind = None
    args = ()

    def setUp(self):
        self.server = Replay(self.kind, *self.args)

    def tearDown(self):
        status, err = self.server.stop()
        self.assertEqual(status, 0, err)
        self.assertNotIn('CRITICAL', err)
        self.assertNotIn('WARNING', err)

    def assert_body(self, result, status, content_type, name):
        got_status, headers, body = result
        self.assertEqual(got_status, status)
        self.assertEqual(headers.get_content_type(), content_type)
        self.assertEqual(body, fixture_bytes(self.kind, name))

    def assert_not_found(self, result, message=None):
        status, headers, body = result
        self.assertEqual(status, 404)
        self.assertEqual(headers.get_content_type(), 'application/json')
        error = json.loads(body)['error']
        self.assertEqual(error['type'], 'not_found_error')
        if message is not None:
            self.assertEqual(error['message'], message)


class OpenAITestCase(ServerTestCase):
    kind = 'openai'
    path = '/v1/chat/completions'

    def test_pick_by_model(self):
        s = self.server
        self.assert_body(s.request(self.path, {'model': 'text'}),
                         200, 'application/json', 'text.json')
        self.assert_body(s.request(self.path, {'model': 'text',
                                               'stream': False}),
                         200, 'application/json', 'text.json')
        self.assert_body(s.request(self.path, {'model': 'text_stream',
                                               'stream': True}),
                         200, 'text/event-stream', 'text_stream.sse')
        self.assert_body(s.request(self.path, {'model': 'crlf_comments',
                                               'stream': True}),
                         200, 'text/event-stream', 'crlf_comments.sse')
        # Only a .json exists: a streaming request gets it anyway.
        self.assert_body(s.request(self.path, {'model': 'text',
                                               'stream': True}),
                         200, 'application/json', 'text.json')

    def test_models(self):
        self.assert_body(self.server.request('/v1/models'),
                         200, 'application/json', 'models.json')

    def test_not_found(self):
        s = self.server
        self.assert_not_found(s.request(self.path, {'model': 'gpt-9'}),
                              'model “gpt-9” not found')
        self.assert_not_found(s.request(self.path, {'model': '../openai/text'}),
                              'model “../openai/text” not found')
        self.assert_not_found(s.request(self.path, {'messages': []}))
        self.assert_not_found(s.request(self.path, b'not json'))
        self.assert_not_found(s.request('/v2/nothing'))

    def test_status_and_headers(self):
        status, headers, body = self.server.request(
            self.path, {'model': 'error_429', 'stream': True})
        self.assertEqual(status, 429)
        self.assertEqual(headers['Retry-After'], '1')
        self.assertEqual(body, fixture_bytes('openai', 'error_429.json'))
        status, headers, body = self.server.request(
            self.path, {'model': 'error_401'})
        self.assertEqual(status, 401)
        self.assertIsNone(headers['Retry-After'])

    def test_sequence(self):
        s = self.server
        body = {'model': 'retry_then_text', 'stream': True}
        status, headers, _ = s.request(self.path, body)
        self.assertEqual(status, 429)
        self.assertEqual(headers['Retry-After'], '1')
        # Another model does not advance this one's sequence.
        self.assertEqual(s.request(self.path, {'model': 'text'})[0], 200)
        for _ in range(3):
            self.assert_body(s.request(self.path, body),
                             200, 'text/event-stream', 'text_stream.sse')

    def test_dribble_header(self):
        head, chunks = self.server.raw_post(
            self.path, {'model': 'crlf_comments', 'stream': True},
            'X-Replay-Dribble: 5\r\nX-Replay-Delay-Ms: 0\r\n')
        self.assertIn('200', head.splitlines()[0])
        expected = fixture_bytes('openai', 'crlf_comments.sse')
        self.assertEqual(b''.join(chunks), expected)
        self.assertEqual([len(c) for c in chunks[:-1]],
                         [5] * (len(chunks) - 1))
        self.assertEqual(len(chunks), (len(expected) + 4) // 5)

    def test_whole_without_dribble(self):
        head, chunks = self.server.raw_post(
            self.path, {'model': 'text_stream', 'stream': True})
        self.assertRegex(head, r'(?im)^content-length: %d\r?$'
                         % len(fixture_bytes('openai', 'text_stream.sse')))
        self.assertEqual(chunks, [fixture_bytes('openai', 'text_stream.sse')])

    def test_log(self):
        s = self.server
        s.request(self.path, {'model': 'text', 'messages': [
            {'role': 'user', 'content': 'Grüß dich 👋'}]},
            headers={'Authorization': 'Bearer sk-test', 'X-Custom': 'a b'})
        s.request('/v1/models?limit=2')
        s.request(self.path, b'plain \xff text')
        s.request(self.path, {'model': 'nope'})
        log = s.log()
        self.assertEqual(len(log), 4)
        for entry in log:
            self.assertEqual(sorted(entry), ['body', 'headers', 'method',
                                             'path'])
            for name in entry['headers']:
                self.assertEqual(name, name.lower())
        self.assertEqual(log[0]['method'], 'POST')
        self.assertEqual(log[0]['path'], self.path)
        self.assertEqual(log[0]['headers']['authorization'], 'Bearer sk-test')
        self.assertEqual(log[0]['headers']['x-custom'], 'a b')
        self.assertEqual(log[0]['headers']['content-type'], 'application/json')
        self.assertEqual(log[0]['body']['messages'][0]['content'],
                         'Grüß dich 👋')
        self.assertEqual(log[1]['method'], 'GET')
        self.assertEqual(log[1]['path'], '/v1/models?limit=2')
        self.assertIsNone(log[1]['body'])
        self.assertEqual(log[2]['body'], 'plain \ufffd text')
        self.assertEqual(log[3]['body'], {'model': 'nope'})


class TranscriptionTestCase(ServerTestCase):
    """POST /audio/transcriptions: a multipart upload, routed by its model
    field and logged field by field, the file as a checksum."""
    kind = 'openai'
    path = '/v1/audio/transcriptions'
    audio = bytes(range(256)) * 64 + b'\r\n--not-a-boundary\r\n'

    def multipart(self, fields):
        boundary = 'steward-test-boundary'
        body = b''
        for name, value in fields:
            body += b'--' + boundary.encode() + b'\r\n'
            if isinstance(value, tuple):
                filename, content_type, data = value
                body += (f'Content-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                         f'Content-Type: {content_type}\r\n\r\n').encode() + data + b'\r\n'
            else:
                body += (f'Content-Disposition: form-data; name="{name}"\r\n\r\n'
                         f'{value}\r\n').encode()
        body += b'--' + boundary.encode() + b'--\r\n'
        return body, {'Content-Type': 'multipart/form-data; boundary=' + boundary}

    def test_upload(self):
        body, headers = self.multipart([('file', ('memo.ogg', 'audio/ogg', self.audio)),
                                        ('model', 'whisper-1'), ('language', 'de'),
                                        ('response_format', 'verbose_json')])
        self.assert_body(self.server.request(self.path, body, headers=headers),
                         200, 'application/json', 'whisper-1.json')
        logged = self.server.log()[0]['body']
        self.assertEqual(logged['parts'], ['file', 'model', 'language', 'response_format'])
        self.assertEqual(logged['fields'], {'model': 'whisper-1', 'language': 'de',
                                            'response_format': 'verbose_json'})
        self.assertEqual(logged['files'], [{
            'name': 'file', 'filename': 'memo.ogg', 'content_type': 'audio/ogg',
            'size': len(self.audio), 'sha256': hashlib.sha256(self.audio).hexdigest()}])

    def test_unknown_model(self):
        body, headers = self.multipart([('file', ('a.wav', 'audio/wav', b'RIFF')),
                                        ('model', 'nope')])
        self.assert_not_found(self.server.request(self.path, body, headers=headers),
                              'model “nope” not found')


class OpenAIDribbleTestCase(ServerTestCase):
    kind = 'openai'
    args = ('--dribble', '1', '--delay-ms', '1')
    path = '/v1/chat/completions'

    def test_one_byte_pieces(self):
        head, chunks = self.server.raw_post(
            self.path, {'model': 'crlf_comments', 'stream': True})
        self.assertRegex(head, r'(?im)^content-type: text/event-stream')
        expected = fixture_bytes('openai', 'crlf_comments.sse')
        self.assertEqual(len(chunks), len(expected))
        self.assertEqual(b''.join(chunks), expected)

    def test_urllib_reads_whole_body(self):
        self.assert_body(self.server.request(self.path, {
            'model': 'error_401', 'stream': True}),
            401, 'application/json', 'error_401.json')

    def test_header_overrides_flag(self):
        head, chunks = self.server.raw_post(
            self.path, {'model': 'text_stream', 'stream': True},
            'X-Replay-Dribble: 1000\r\nX-Replay-Delay-Ms: 0\r\n')
        self.assertEqual(b''.join(chunks),
                         fixture_bytes('openai', 'text_stream.sse'))
        self.assertEqual([len(c) for c in chunks], [1000] * 7 + [54])

    def test_client_hangs_up(self):
        s = self.server
        for _ in range(3):
            payload = json.dumps({'model': 'text_stream',
                                  'stream': True}).encode()
            with socket.create_connection(('127.0.0.1', s.port),
                                          timeout=10) as sock:
                sock.sendall(b'POST /v1/chat/completions HTTP/1.1\r\n'
                             b'Host: x\r\nContent-Length: %d\r\n\r\n'
                             % len(payload) + payload)
                got = b''
                while b'\r\n1\r\n{\r\n' not in got:  # a few pieces in
                    got += sock.recv(100)
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                b'\x01\x00\x00\x00\x00\x00\x00\x00')
        time.sleep(0.2)
        self.assertIsNone(s.proc.poll())
        self.assert_body(s.request(self.path, {'model': 'error_401'}),
                         401, 'application/json', 'error_401.json')

    def test_stop_mid_stream(self):
        s = self.server
        sock = socket.create_connection(('127.0.0.1', s.port), timeout=10)
        payload = json.dumps({'model': 'text_stream', 'stream': True}).encode()
        sock.sendall(b'POST /v1/chat/completions HTTP/1.1\r\n'
                     b'Host: x\r\nContent-Length: %d\r\n'
                     b'X-Replay-Delay-Ms: 50\r\n\r\n' % len(payload) + payload)
        sock.recv(100)
        status, err = s.stop()
        sock.close()
        self.assertEqual(status, 0, err)
        self.server = Replay(self.kind)  # for tearDown


class AnthropicTestCase(ServerTestCase):
    kind = 'anthropic'
    path = '/v1/messages'

    def test_pick_by_model(self):
        s = self.server
        self.assert_body(s.request(self.path, {'model': 'text',
                                               'max_tokens': 64}),
                         200, 'application/json', 'text.json')
        for name in ('text_stream', 'tool_use_stream', 'ping_and_usage',
                     'multiline_data', 'error_overloaded_stream'):
            self.assert_body(s.request(self.path, {'model': name,
                                                   'stream': True}),
                             200, 'text/event-stream', name + '.sse')
        status, _, body = s.request(self.path, {'model': 'error_401'})
        self.assertEqual(status, 401)
        self.assertEqual(json.loads(body)['error']['type'],
                         'authentication_error')

    def test_models(self):
        self.assert_body(self.server.request('/v1/models'),
                         200, 'application/json', 'models.json')


class GeminiTestCase(ServerTestCase):
    kind = 'gemini'

    def test_path_selects_model(self):
        s = self.server
        req = {'contents': [{'role': 'user', 'parts': [{'text': 'Hi'}]}]}
        self.assert_body(
            s.request('/v1beta/models/text_stream:streamGenerateContent'
                      '?alt=sse', req),
            200, 'text/event-stream', 'text_stream.sse')
        self.assert_body(
            s.request('/v1beta/models/multi_part:streamGenerateContent'
                      '?alt=sse&key=k', req),
            200, 'text/event-stream', 'multi_part.sse')
        self.assert_body(s.request('/v1beta/models/text:generateContent', req),
                         200, 'application/json', 'text.json')
        self.assert_body(
            s.request('/v1beta/models/models/function_call:generateContent',
                      req),
            200, 'application/json', 'function_call.json')
        # A "model" member in the body does not matter to Gemini.
        self.assert_body(s.request('/v1beta/models/text:generateContent',
                                   {'model': 'text_stream'}),
                         200, 'application/json', 'text.json')
        self.assert_not_found(
            s.request('/v1beta/models/gemini-9:generateContent', req),
            'model “gemini-9” not found')
        self.assert_not_found(
            s.request('/v1beta/models/text:countTokens', req))
        status, _, body = s.request('/v1beta/models/error_400:generateContent',
                                    req)
        self.assertEqual(status, 400)
        self.assertEqual(json.loads(body)['error']['status'],
                         'INVALID_ARGUMENT')
        log = s.log()
        self.assertEqual(log[1]['path'], '/v1beta/models/multi_part:'
                         'streamGenerateContent?alt=sse&key=k')
        self.assertEqual(log[0]['body'], req)

    def test_models(self):
        self.assert_body(self.server.request('/v1beta/models'),
                         200, 'application/json', 'models.json')


class OllamaTestCase(ServerTestCase):
    kind = 'ollama'
    path = '/api/chat'

    def test_pick_by_model(self):
        s = self.server
        # Ollama streams unless "stream" is false.
        self.assert_body(s.request(self.path, {'model': 'text_stream'}),
                         200, 'application/x-ndjson', 'text_stream.ndjson')
        self.assert_body(s.request(self.path, {'model': 'utf8_split',
                                               'stream': True}),
                         200, 'application/x-ndjson', 'utf8_split.ndjson')
        self.assert_body(s.request(self.path, {'model': 'text',
                                               'stream': False}),
                         200, 'application/json', 'text.json')
        status, _, body = s.request(self.path, {'model': 'error_404'})
        self.assertEqual(status, 404)
        self.assertIn('not found', json.loads(body)['error'])

    def test_tags(self):
        self.assert_body(self.server.request('/api/tags'),
                         200, 'application/json', 'tags.json')

    def test_utf8_dribble(self):
        head, chunks = self.server.raw_post(
            self.path, {'model': 'utf8_split'},
            'X-Replay-Dribble: 1\r\nX-Replay-Delay-Ms: 0\r\n')
        expected = fixture_bytes('ollama', 'utf8_split.ndjson')
        self.assertEqual(b''.join(chunks), expected)
        self.assertEqual(len(chunks), len(expected))
        # The point of the fixture: some pieces are not valid UTF-8.
        self.assertIn(b'\xf0', chunks)


def main():
    global SERVER, FIXTURES
    if len(sys.argv) < 3:
        sys.exit('usage: %s REPLAY_SERVER FIXTURES_DIR' % sys.argv[0])
    SERVER = os.path.abspath(sys.argv[1])
    FIXTURES = os.path.abspath(sys.argv[2])
    unittest.main(argv=sys.argv[:1] + sys.argv[3:], verbosity=2)


if __name__ == '__main__':
    main()

#!/usr/bin/python3
# test-chat-cli.py: providers, tiers and chat end to end, through the real
# steward-cli against the replay server speaking each provider's wire format.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import stat
import subprocess
import sys
import tempfile
import threading
import time
import unittest

CLI = REPLAY = FIXTURES = None
KINDS = ('openai', 'anthropic', 'gemini', 'ollama')


class ReplayServer:
    def __init__(self, kind, log, dribble=None, delay_ms=None):
        argv = [REPLAY, '--fixtures', os.path.join(FIXTURES, kind), '--port', '0', '--log', log]
        if dribble:
            argv += ['--dribble', str(dribble)]
        if delay_ms:
            argv += ['--delay-ms', str(delay_ms)]
        self.log = log
        self.proc = subprocess.Popen(argv, stdout=subprocess.PIPE, text=True)
        self.port = int(self.proc.stdout.readline())
        base = f'http://127.0.0.1:{self.port}'
        self.base_url = base + '/v1' if kind == 'openai' else base

    def requests(self):
        if not os.path.exists(self.log):
            return []
        with open(self.log, encoding='utf-8') as f:
            return [json.loads(line) for line in f if line.strip()]

    def chat_requests(self):
        return [r for r in self.requests() if r['method'] == 'POST']

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=10)
        self.proc.stdout.close()


class ChatTestCase(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix='steward-test-chat-')
        self.data_dir = os.path.join(self.tmp, 'data')
        self.env = dict(os.environ)
        self.env['STEWARD_TEST_KEY'] = 'sk-test-123'
        self.servers = []
        # Automatic memory asks the model once more after each reply;
        # these tests count requests, so it is off unless a test wants it.
        self.cli('settings', 'set', 'memory.auto', 'false')

    def tearDown(self):
        for server in self.servers:
            server.stop()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def server(self, kind, **kwargs):
        log = os.path.join(self.tmp, f'{kind}-{len(self.servers)}.log')
        server = ReplayServer(kind, log, **kwargs)
        self.servers.append(server)
        return server

    def serve_once(self, answer):
        """A server of our own for one connection: it reads the request,
        then lets @answer(connection) reply, or not. Returns its port."""
        listener = socket.socket()
        listener.bind(('127.0.0.1', 0))
        listener.listen(1)
        self.addCleanup(listener.close)

        def serve():
            connection, _ = listener.accept()
            with connection:
                connection.recv(65536)
                answer(connection)

        threading.Thread(target=serve, daemon=True).start()
        return listener.getsockname()[1]

    def cli(self, *args, input=None, check=True):
        result = subprocess.run([CLI, '--data-dir', self.data_dir, *args], capture_output=True,
                                text=True, env=self.env, input=input, timeout=60)
        if check:
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertEqual(result.stderr, '')
        return result

    def add_provider(self, name, kind, server, model='text_stream', key_env=True):
        args = ['provider', 'add', name, '--kind', kind, '--base-url', server.base_url, '--model', model]
        if key_env:
            args += ['--api-key-env', 'STEWARD_TEST_KEY']
        self.cli(*args)

    def expected_text(self, kind, name):
        with open(os.path.join(FIXTURES, kind, name + '.expected.txt'), encoding='utf-8') as f:
            return f.read()

    def one_sentence(self, result):
        self.assertNotEqual(result.returncode, 0)
        lines = result.stderr.splitlines()
        self.assertEqual(len(lines), 1, result.stderr)
        self.assertTrue(lines[0].startswith('steward-cli: '), lines[0])
        self.assertTrue(lines[0].endswith('.'), lines[0])
        return lines[0]

    def db(self):
        return sqlite3.connect(os.path.join(self.data_dir, 'steward.db'))


class TestStreaming(ChatTestCase):
    def test_every_kind_streams_exact_text(self):
        for kind in KINDS:
            with self.subTest(kind=kind):
                server = self.server(kind, dribble=1)
                self.add_provider(kind, kind, server)
                out = self.cli('chat', '--provider', kind, 'Hello there').stdout
                self.assertEqual(out, self.expected_text(kind, 'text_stream') + '\n')

    def test_json_result_and_stored_reply(self):
        for kind in KINDS:
            with self.subTest(kind=kind):
                server = self.server(kind, dribble=7)
                self.add_provider(kind, kind, server)
                result = json.loads(self.cli('chat', '--json', '--provider', kind, 'Hi').stdout)
                self.assertEqual(set(result), {'conversation_id', 'message_id', 'status', 'text', 'usage',
                                               'remembered'})
                self.assertEqual(result['status'], 'complete')
                self.assertEqual(result['text'], self.expected_text(kind, 'text_stream'))
                self.assertGreater(result['usage']['output_tokens'], 0)

                shown = json.loads(self.cli('conversations', 'show', str(result['conversation_id']), '--json').stdout)
                self.assertEqual(shown['title'], 'Hi')
                user, reply = shown['messages']
                self.assertEqual((user['role'], user['content'], user['status']), ('user', 'Hi', 'complete'))
                self.assertEqual(reply['id'], result['message_id'])
                self.assertEqual(reply['content'], result['text'])
                self.assertEqual(reply['provider'], kind)
                self.assertEqual(reply['model'] is not None, True)
                self.assertGreater(reply['usage']['output_tokens'], 0)
                self.assertGreaterEqual(reply['latency_ms'], 0)

    def test_requests_carry_what_each_provider_requires(self):
        for kind in KINDS:
            with self.subTest(kind=kind):
                server = self.server(kind)
                # Ollama takes no key.
                self.add_provider(kind, kind, server, key_env=kind != 'ollama')
                self.cli('chat', '--provider', kind, 'Plan my day')
                request = server.chat_requests()[-1]
                headers, body = request['headers'], request['body']
                if kind == 'openai':
                    self.assertEqual(request['path'], '/v1/chat/completions')
                    self.assertEqual(headers['authorization'], 'Bearer sk-test-123')
                    self.assertTrue(body['stream'])
                    self.assertEqual(body['stream_options'], {'include_usage': True})
                    self.assertEqual(body['messages'][-1], {'role': 'user', 'content': 'Plan my day'})
                elif kind == 'anthropic':
                    self.assertEqual(request['path'], '/v1/messages')
                    self.assertEqual(headers['x-api-key'], 'sk-test-123')
                    self.assertEqual(headers['anthropic-version'], '2023-06-01')
                    self.assertGreater(body['max_tokens'], 0)
                    self.assertNotIn('system', [m['role'] for m in body['messages']])
                elif kind == 'gemini':
                    self.assertEqual(request['path'],
                                     '/v1beta/models/text_stream:streamGenerateContent?alt=sse')
                    self.assertEqual(headers['x-goog-api-key'], 'sk-test-123')
                    self.assertEqual(body['contents'][-1]['role'], 'user')
                    self.assertEqual(body['contents'][-1]['parts'], [{'text': 'Plan my day'}])
                else:
                    self.assertEqual(request['path'], '/api/chat')
                    self.assertTrue(body['stream'])
                    self.assertNotIn('authorization', headers)
                # Keys travel in headers only, never in a body.
                self.assertNotIn('sk-test-123', json.dumps(body))

    def test_conversation_continues(self):
        server = self.server('gemini')
        self.add_provider('g', 'gemini', server)
        first = json.loads(self.cli('chat', '--json', '--provider', 'g', 'Which cheeses?').stdout)
        self.cli('chat', '--conversation', str(first['conversation_id']), '--provider', 'g', 'And wine?')
        contents = server.chat_requests()[-1]['body']['contents']
        self.assertEqual([c['role'] for c in contents], ['user', 'model', 'user'])
        self.assertEqual(contents[1]['parts'][0]['text'], first['text'])
        listing = json.loads(self.cli('conversations', 'list', '--json').stdout)
        self.assertEqual(len(listing), 1)
        self.assertEqual(listing[0]['message_count'], 4)

    def test_tool_calls_stored(self):
        cases = {'openai': 'tool_calls_stream', 'anthropic': 'tool_use_stream',
                 'gemini': 'function_call', 'ollama': 'tool_calls'}
        for kind, model in cases.items():
            with self.subTest(kind=kind):
                if kind in ('gemini',):
                    # Gemini's recording is a whole response; the stream path reads SSE.
                    continue
                server = self.server(kind, dribble=5)
                self.add_provider(kind, kind, server, model=model)
                result = json.loads(self.cli('chat', '--json', '--provider', kind, 'Weather?').stdout)
                shown = json.loads(self.cli('conversations', 'show', str(result['conversation_id']), '--json').stdout)
                with open(os.path.join(FIXTURES, kind, model + '.expected.json'), encoding='utf-8') as f:
                    expected = json.load(f)
                calls = shown['messages'][1]['tool_calls']
                self.assertEqual([c['name'] for c in calls], [c['name'] for c in expected['tool_calls']])
                for got, want in zip(calls, expected['tool_calls']):
                    self.assertEqual(json.loads(got['arguments']), json.loads(want['arguments']))
                    self.assertTrue(got['id'])


class TestTiers(ChatTestCase):
    def test_tier_set_list_and_use(self):
        server = self.server('ollama')
        self.add_provider('local', 'ollama', server, model='other')
        self.cli('tier', 'set', 'small', 'local', 'text_stream')
        tiers = json.loads(self.cli('tier', 'list', '--json').stdout)
        self.assertEqual(tiers[0], {'tier': 'small', 'provider': 'local', 'model': 'text_stream'})
        self.assertEqual(tiers[1], {'tier': 'medium', 'provider': None, 'model': None})
        out = self.cli('chat', '--tier', 'small', 'Bread?').stdout
        self.assertEqual(out, self.expected_text('ollama', 'text_stream') + '\n')
        self.assertEqual(server.chat_requests()[-1]['body']['model'], 'text_stream')

    def test_unmapped_tier_falls_back_to_only_provider(self):
        server = self.server('ollama')
        self.add_provider('local', 'ollama', server)
        self.assertEqual(self.cli('chat', 'Bread?').stdout, self.expected_text('ollama', 'text_stream') + '\n')

    def test_no_provider_is_a_clear_error_and_stores_nothing(self):
        line = self.one_sentence(self.cli('chat', 'Hello', check=False))
        self.assertIn('provider', line)
        self.assertEqual(json.loads(self.cli('conversations', 'list', '--json').stdout), [])

    def test_bad_tier(self):
        server = self.server('ollama')
        self.add_provider('local', 'ollama', server)
        # An unknown size is misuse, like an unknown command.
        result = self.cli('tier', 'set', 'huge', 'local', 'x', check=False)
        line = self.one_sentence(result)
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stdout, '')
        for size in ('huge', 'small', 'medium', 'large'):
            self.assertIn(size, line)
        result = self.cli('tier', 'set', 'small', 'nobody', 'x', check=False)
        self.one_sentence(result)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(json.loads(self.cli('tier', 'list', '--json').stdout)[0]['provider'], None)


class TestProviders(ChatTestCase):
    def test_list_never_shows_key(self):
        server = self.server('openai')
        self.add_provider('work', 'openai', server)
        listing = json.loads(self.cli('provider', 'list', '--json').stdout)
        self.assertEqual(listing, [{'name': 'work', 'kind': 'openai', 'base_url': server.base_url,
                                    'model': 'text_stream', 'api_key_env': 'STEWARD_TEST_KEY',
                                    'has_key': True}])
        with open(os.path.join(self.data_dir, 'steward.db'), 'rb') as f:
            self.assertNotIn(b'sk-test-123', f.read())

    def test_default_base_urls(self):
        for kind, url in (('openai', 'https://api.openai.com/v1'),
                          ('anthropic', 'https://api.anthropic.com'),
                          ('gemini', 'https://generativelanguage.googleapis.com'),
                          ('ollama', 'http://localhost:11434')):
            self.cli('provider', 'add', kind, '--kind', kind)
        listing = {p['name']: p['base_url'] for p in json.loads(self.cli('provider', 'list', '--json').stdout)}
        self.assertEqual(listing['openai'], 'https://api.openai.com/v1')
        self.assertEqual(listing['ollama'], 'http://localhost:11434')

    def test_test_lists_models(self):
        server = self.server('gemini')
        self.add_provider('g', 'gemini', server)
        out = self.cli('provider', 'test', 'g').stdout.split()
        self.assertIn('gemini-2.5-flash', out)
        self.assertEqual(server.requests()[-1]['path'], '/v1beta/models')

    def test_test_says_what_failed(self):
        # The wrong kind for the server: its model list is not where the
        # kind looks, and the server answers 404.
        server = self.server('ollama')
        self.cli('provider', 'add', 'o', '--kind', 'openai', '--base-url', server.base_url + '/v1',
                 '--model', 'x')
        line = self.one_sentence(self.cli('provider', 'test', 'o', check=False))
        self.assertNotIn('has no model “', line)
        self.assertIn(f'{server.base_url}/v1/models', line)
        self.assertIn('HTTP 404', line)
        # A server that answers, but not with a model list.
        port = self.serve_once(lambda c: c.sendall(b'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n'
                                                   b'Content-Length: 13\r\nConnection: close\r\n\r\n'
                                                   b'<html></html>'))
        self.cli('provider', 'add', 'web', '--kind', 'ollama', '--base-url', f'http://127.0.0.1:{port}',
                 '--model', 'x')
        line = self.one_sentence(self.cli('provider', 'test', 'web', check=False))
        self.assertIn(f'http://127.0.0.1:{port}/api/tags', line)
        self.assertIn('not a model list', line)
        # Nothing listening at all.
        with socket.socket() as s:
            s.bind(('127.0.0.1', 0))
            port = s.getsockname()[1]
        self.cli('provider', 'add', 'gone', '--kind', 'ollama', '--base-url', f'http://127.0.0.1:{port}',
                 '--model', 'x')
        line = self.one_sentence(self.cli('provider', 'test', 'gone', check=False))
        self.assertIn(f'Could not reach gone at http://127.0.0.1:{port}', line)

    def test_remove(self):
        server = self.server('ollama')
        self.add_provider('local', 'ollama', server)
        self.cli('tier', 'set', 'medium', 'local', 'text_stream')
        self.cli('chat', 'Hi')
        self.cli('provider', 'remove', 'local')
        self.assertEqual(json.loads(self.cli('provider', 'list', '--json').stdout), [])
        self.assertEqual(json.loads(self.cli('tier', 'list', '--json').stdout)[1]['provider'], None)
        # History keeps the provider's name as text.
        shown = json.loads(self.cli('conversations', 'show', '1', '--json').stdout)
        self.assertEqual(shown['messages'][1]['provider'], 'local')
        self.one_sentence(self.cli('provider', 'remove', 'local', check=False))

    def test_duplicate_and_bad_kind(self):
        server = self.server('ollama')
        self.add_provider('local', 'ollama', server)
        self.assertIn('already', self.one_sentence(self.cli('provider', 'add', 'local', '--kind', 'ollama', check=False)))
        self.one_sentence(self.cli('provider', 'add', 'x', '--kind', 'mistral', check=False))
        self.one_sentence(self.cli('provider', 'add', 'x', check=False))

    def test_names_and_addresses_refused(self):
        for name in ('', '   ', 'bad\x1b[31mname', 'tab\tname', 'c1\x9bname', 'del\x7f'):
            with self.subTest(name=name):
                result = self.cli('provider', 'add', name, '--kind', 'ollama', check=False)
                self.assertEqual(result.returncode, 1, result.stderr)
                self.assertIsNone(CONTROLS.search(result.stderr), repr(result.stderr))
                self.one_sentence(result)
        for url in ('http://user:secret@example.com', 'https://secret@example.com/v1',
                    'ftp://example.com', 'file:///etc/passwd', 'example.com', 'http://'):
            with self.subTest(url=url):
                result = self.cli('provider', 'add', 'p', '--kind', 'openai', '--base-url', url, check=False)
                self.assertEqual(result.returncode, 1, result.stderr)
                line = self.one_sentence(result)
                self.assertNotIn('secret', line)
        self.assertEqual(json.loads(self.cli('provider', 'list', '--json').stdout), [])

    def test_api_key_in_keyring(self):
        if not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
            self.skipTest('no D-Bus session for the keyring')
        server = self.server('anthropic')
        self.cli('provider', 'add', 'keyed', '--kind', 'anthropic', '--base-url', server.base_url,
                 '--model', 'text_stream', '--api-key-stdin', input='sk-from-keyring\n')
        self.assertTrue(json.loads(self.cli('provider', 'list', '--json').stdout)[0]['has_key'])
        self.cli('chat', '--provider', 'keyed', 'Notes?')
        self.assertEqual(server.chat_requests()[-1]['headers']['x-api-key'], 'sk-from-keyring')
        lookup = subprocess.run(['secret-tool', 'lookup', 'kind', 'api-key', 'name', 'keyed'],
                                capture_output=True, text=True)
        self.assertEqual(lookup.stdout, 'sk-from-keyring')
        self.cli('provider', 'remove', 'keyed')
        lookup = subprocess.run(['secret-tool', 'lookup', 'kind', 'api-key', 'name', 'keyed'],
                                capture_output=True, text=True)
        self.assertEqual(lookup.stdout, '')


class TestErrors(ChatTestCase):
    def test_bad_key_not_retried(self):
        server = self.server('anthropic')
        self.add_provider('a', 'anthropic', server, model='error_401')
        line = self.one_sentence(self.cli('chat', '--provider', 'a', 'Hi', check=False))
        self.assertIn('API key', line)
        self.assertEqual(len(server.chat_requests()), 1)

    def test_rate_limit_retried_three_times_honouring_retry_after(self):
        server = self.server('openai')
        self.add_provider('o', 'openai', server, model='error_429')
        started = time.monotonic()
        line = self.one_sentence(self.cli('chat', '--provider', 'o', 'Hi', check=False))
        self.assertGreaterEqual(time.monotonic() - started, 2.0)  # Retry-After: 1, twice
        self.assertIn('rate limiting', line)
        self.assertEqual(len(server.chat_requests()), 3)
        shown = json.loads(self.cli('conversations', 'show', '1', '--json').stdout)
        self.assertEqual(shown['messages'][0]['content'], 'Hi')
        self.assertEqual(shown['messages'][1]['status'], 'error')
        self.assertEqual(shown['messages'][1]['error'], line[len('steward-cli: '):])

    def test_retry_then_success(self):
        server = self.server('openai')
        self.add_provider('o', 'openai', server, model='retry_then_text')
        out = self.cli('chat', '--provider', 'o', 'Hi').stdout
        self.assertEqual(out, self.expected_text('openai', 'text_stream') + '\n')
        self.assertEqual(len(server.chat_requests()), 2)

    def test_error_mid_stream_keeps_text_and_is_not_retried(self):
        server = self.server('anthropic', dribble=16)
        self.add_provider('a', 'anthropic', server, model='error_overloaded_stream')
        result = self.cli('chat', '--provider', 'a', 'Hi', check=False)
        self.assertIn('overloaded', self.one_sentence(result))
        self.assertEqual(result.stdout, 'Here is the start of\n')
        self.assertEqual(len(server.chat_requests()), 1)
        reply = json.loads(self.cli('conversations', 'show', '1', '--json').stdout)['messages'][1]
        self.assertEqual((reply['status'], reply['content']), ('error', 'Here is the start of'))

    def test_unknown_model(self):
        server = self.server('ollama')
        self.add_provider('l', 'ollama', server, model='error_404')
        self.assertIn('no model', self.one_sentence(self.cli('chat', '--provider', 'l', 'Hi', check=False)))

    def test_unreachable(self):
        with socket.socket() as s:
            s.bind(('127.0.0.1', 0))
            port = s.getsockname()[1]
        self.cli('provider', 'add', 'gone', '--kind', 'ollama', '--base-url', f'http://127.0.0.1:{port}',
                 '--model', 'x')
        line = self.one_sentence(self.cli('chat', '--provider', 'gone', 'Hi', check=False))
        self.assertIn('Could not reach gone', line)
        shown = json.loads(self.cli('conversations', 'show', '1', '--json').stdout)
        self.assertEqual(shown['messages'][0]['content'], 'Hi')
        # A chat that failed before any reply is kept, titled from its
        # message (its first line), so it can be found and cleared.
        self.one_sentence(self.cli('chat', '--provider', 'gone', '  Plan my trip\nto Porto', check=False))
        listed = json.loads(self.cli('conversations', 'list', '--json').stdout)
        self.assertEqual([c['title'] for c in listed], ['Plan my trip', 'Hi'])

    def test_tls_failure(self):
        # A server that answers a TLS handshake in plain HTTP, as one
        # given an https:// address by mistake would.
        port = self.serve_once(lambda c: c.sendall(b'HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n'))
        self.cli('provider', 'add', 'secure', '--kind', 'ollama', '--base-url', f'https://127.0.0.1:{port}',
                 '--model', 'x')
        line = self.one_sentence(self.cli('chat', '--provider', 'secure', 'Hi', check=False))
        self.assertIn(f'The secure connection to secure at https://127.0.0.1:{port} failed', line)
        shown = json.loads(self.cli('conversations', 'show', '1', '--json').stdout)
        self.assertEqual(shown['messages'][0]['content'], 'Hi')

    def test_silent_provider_times_out(self):
        # A server that takes the request and then sends nothing.
        port = self.serve_once(lambda c: time.sleep(8))
        self.cli('settings', 'set', 'chat.response-timeout', '2')
        self.cli('provider', 'add', 'quiet', '--kind', 'ollama', '--base-url', f'http://127.0.0.1:{port}',
                 '--model', 'x')
        started = time.monotonic()
        line = self.one_sentence(self.cli('chat', '--provider', 'quiet', 'Hi', check=False))
        waited = time.monotonic() - started
        self.assertIn(f'quiet at http://127.0.0.1:{port} sent nothing for 2 seconds', line)
        self.assertGreaterEqual(waited, 2.0)
        self.assertLess(waited, 7.0)
        shown = json.loads(self.cli('conversations', 'show', '1', '--json').stdout)
        self.assertEqual(shown['messages'][0]['content'], 'Hi')
        self.assertEqual(shown['messages'][1]['status'], 'error')

    def test_stalled_stream_keeps_its_text(self):
        # The reply stops coming after its first words: what arrived stays.
        with open(os.path.join(FIXTURES, 'ollama', 'text_stream.ndjson'), encoding='utf-8') as f:
            first = ''.join(f.readlines()[:3]).encode('utf-8')

        def stall(connection):
            connection.sendall(b'HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\n'
                               b'Transfer-Encoding: chunked\r\n\r\n' +
                               b'%x\r\n' % len(first) + first + b'\r\n')
            time.sleep(8)

        port = self.serve_once(stall)
        self.cli('settings', 'set', 'chat.response-timeout', '2')
        self.cli('provider', 'add', 'stall', '--kind', 'ollama', '--base-url', f'http://127.0.0.1:{port}',
                 '--model', 'x')
        result = self.cli('chat', '--provider', 'stall', 'Hi', check=False)
        self.assertIn('sent nothing for 2 seconds', self.one_sentence(result))
        reply = json.loads(self.cli('conversations', 'show', '1', '--json').stdout)['messages'][1]
        self.assertEqual(reply['status'], 'error')
        expected = ''.join(json.loads(line)['message']['content'] for line in first.decode('utf-8').splitlines())
        self.assertEqual(reply['content'], expected)
        self.assertTrue(result.stdout.startswith(expected), result.stdout)


CONTROLS = re.compile('[\x00-\x08\x0b-\x1f\x7f-\x9f]')


def ndjson_reply(*pieces):
    """An Ollama /api/chat stream of @pieces, as an HTTP response."""
    lines = [json.dumps({'model': 'x', 'message': {'role': 'assistant', 'content': p}, 'done': False})
             for p in pieces]
    lines.append(json.dumps({'model': 'x', 'message': {'role': 'assistant', 'content': ''}, 'done': True,
                             'done_reason': 'stop', 'prompt_eval_count': 3, 'eval_count': 4}))
    body = ('\n'.join(lines) + '\n').encode('utf-8')
    return (b'HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\n'
            b'Content-Length: %d\r\nConnection: close\r\n\r\n' % len(body)) + body


class TestTerminalSafety(ChatTestCase):
    def local(self, answer):
        port = self.serve_once(answer)
        self.cli('provider', 'add', 'l', '--kind', 'ollama', '--base-url', f'http://127.0.0.1:{port}',
                 '--model', 'x')

    def test_reply_controls_stripped_on_the_terminal_kept_in_the_store(self):
        # An escape sequence split across two pieces, a bell, a C1 CSI.
        self.local(lambda c: c.sendall(ndjson_reply('Hello \x1b[3', '1mred\x1b[0m\x07 and \x9b2J',
                                                    ' tab\there\r\nend')))
        out = self.cli('chat', 'Hi').stdout
        self.assertIsNone(CONTROLS.search(out), repr(out))
        self.assertEqual(out, 'Hello [31mred[0m and 2J tab\there\nend\n')
        stored = json.loads(self.cli('conversations', 'show', '1', '--json').stdout)['messages'][1]['content']
        self.assertEqual(stored, 'Hello \x1b[31mred\x1b[0m\x07 and \x9b2J tab\there\r\nend')
        shown = self.cli('conversations', 'show', '1').stdout
        self.assertIsNone(CONTROLS.search(shown), repr(shown))

    def test_error_body_controls_stripped(self):
        body = json.dumps({'error': 'model \x1b]0;owned\x07 \x1b[2Jgone'}).encode('utf-8')
        self.local(lambda c: c.sendall(b'HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n'
                                       b'Content-Length: %d\r\nConnection: close\r\n\r\n' % len(body) + body))
        result = self.cli('chat', 'Hi', check=False)
        line = self.one_sentence(result)
        self.assertIsNone(CONTROLS.search(result.stderr), repr(result.stderr))
        self.assertIn(']0;owned [2Jgone', line)


class TestInput(ChatTestCase):
    def chat_bytes(self, *args, input=None):
        return subprocess.run([CLI, '--data-dir', self.data_dir, 'chat', '--json', *args], capture_output=True,
                              env=self.env, input=input, timeout=60)

    def test_nul_and_invalid_utf8_repaired(self):
        server = self.server('ollama')
        self.add_provider('l', 'ollama', server, key_env=False)
        result = self.chat_bytes('-', input=b'Hello\x00world \xff\xfe!\n\x00end')
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stderr, b'')
        cid = json.loads(result.stdout)['conversation_id']
        shown = json.loads(self.cli('conversations', 'show', str(cid), '--json').stdout)
        self.assertEqual(shown['messages'][0]['content'], 'Hello\ufffdworld \ufffd\ufffd!\n\ufffdend')
        self.assertEqual(server.chat_requests()[-1]['body']['messages'][-1]['content'],
                         'Hello\ufffdworld \ufffd\ufffd!\n\ufffdend')

        result = self.chat_bytes(b'caf\xe9', b'cr\xe8me')
        self.assertEqual(result.returncode, 0, result.stderr)
        cid = json.loads(result.stdout)['conversation_id']
        shown = json.loads(self.cli('conversations', 'show', str(cid), '--json').stdout)
        self.assertEqual(shown['messages'][0]['content'], 'caf\ufffd cr\ufffdme')


class TestChatOutput(ChatTestCase):
    def test_full_stdout_fails_and_keeps_the_reply(self):
        if not stat.S_ISCHR(os.stat('/dev/full').st_mode):
            self.skipTest('/dev/full is not a device here')
        server = self.server('ollama')
        self.add_provider('l', 'ollama', server, key_env=False)
        with open('/dev/full', 'wb') as full:
            result = subprocess.run([CLI, '--data-dir', self.data_dir, 'chat', 'Hi'], stdout=full,
                                    stderr=subprocess.PIPE, text=True, env=self.env, timeout=60)
        self.assertEqual(result.returncode, 1)
        self.assertIn('No space left on device', self.one_sentence(result))
        reply = json.loads(self.cli('conversations', 'show', '1', '--json').stdout)['messages'][1]
        self.assertEqual((reply['status'], reply['content']),
                         ('complete', self.expected_text('ollama', 'text_stream')))


class TestCrashSafety(ChatTestCase):
    def start_slow_chat(self):
        server = self.server('anthropic', dribble=8, delay_ms=15)
        self.add_provider('slow', 'anthropic', server)
        proc = subprocess.Popen([CLI, '--data-dir', self.data_dir, 'chat', '--provider', 'slow', 'Tidy my notes'],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=self.env)
        # Wait until part of the reply has been flushed to the store.
        deadline = time.monotonic() + 20
        content = ''
        while time.monotonic() < deadline:
            try:
                with self.db() as db:
                    row = db.execute("SELECT content FROM messages WHERE role = 'assistant'").fetchone()
                content = row[0] if row else ''
            except sqlite3.OperationalError:
                content = ''
            if len(content) >= 20:
                break
            time.sleep(0.05)
        self.assertGreaterEqual(len(content), 20, 'the reply never started streaming')
        return proc

    def test_kill_9_mid_stream(self):
        proc = self.start_slow_chat()
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=10)
        with self.db() as db:
            self.assertEqual(db.execute('PRAGMA integrity_check').fetchone()[0], 'ok')
            rows = db.execute('SELECT role, status, content FROM messages ORDER BY id').fetchall()
        self.assertEqual(rows[0], ('user', 'complete', 'Tidy my notes'))
        self.assertEqual(rows[1][1], 'streaming')
        partial = rows[1][2]
        full = self.expected_text('anthropic', 'text_stream')
        self.assertTrue(full.startswith(partial) and 0 < len(partial) < len(full))
        # The next open sees the writer is gone.
        reply = json.loads(self.cli('conversations', 'show', '1', '--json').stdout)['messages'][1]
        self.assertEqual((reply['status'], reply['content']), ('interrupted', partial))

    def test_interrupt_keeps_partial(self):
        proc = self.start_slow_chat()
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=10)
        self.assertNotEqual(proc.returncode, 0)
        reply = json.loads(self.cli('conversations', 'show', '1', '--json').stdout)['messages'][1]
        self.assertEqual(reply['status'], 'interrupted')
        self.assertTrue(self.expected_text('anthropic', 'text_stream').startswith(reply['content']))
        self.assertTrue(out.decode().startswith(reply['content']))


if __name__ == '__main__':
    CLI, REPLAY, FIXTURES = (os.path.abspath(p) for p in sys.argv[1:4])
    del sys.argv[1:4]
    unittest.main(verbosity=2)

#!/usr/bin/python3
# bench-long-reply.py: how the time to take in a reply grows with its length.
#
#   bench-long-reply.py STEWARD_CLI REPLAY_SERVER [--runs N] [--sizes MB,MB,...]
#
# A reply of each size, in events of 20 characters, streams from the
# replay server into `steward-cli chat`: decoded, shown on stdout, saved
# every 250 ms as it grows and indexed for search when complete. The
# baseline, measured in the same run, reads the same body from the same
# server without doing anything with it. Linear work keeps the time per
# megabyte flat as the size grows; quadratic work makes it grow with it.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

PIECE = 'lorem ipsum dolor s '  # 20 characters an event


def write_fixture(directory, megabytes):
    name = f'long_{megabytes}'
    events = int(megabytes * 1024 * 1024 / len(PIECE))
    event = 'data: ' + json.dumps({'choices': [{'delta': {'content': PIECE}}]}) + '\n\n'
    done = ('data: ' + json.dumps({'choices': [{'delta': {}, 'finish_reason': 'stop'}]}) +
            '\n\ndata: [DONE]\n\n')
    with open(os.path.join(directory, 'openai', name + '.sse'), 'w') as f:
        f.write(event * events + done)
    return name


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('cli')
    parser.add_argument('replay')
    parser.add_argument('--runs', type=int, default=3)
    parser.add_argument('--sizes', default='0.5,1,2,3')
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(',')]

    with tempfile.TemporaryDirectory() as tmp:
        fixtures = os.path.join(tmp, 'fixtures')
        os.makedirs(os.path.join(fixtures, 'openai'))
        names = {size: write_fixture(fixtures, size) for size in sizes}

        server = subprocess.Popen([args.replay, '--fixtures', os.path.join(fixtures, 'openai'), '--port', '0'],
                                  stdout=subprocess.PIPE, text=True)
        try:
            port = int(server.stdout.readline())
            base = f'http://127.0.0.1:{port}'
            env = dict(os.environ, STEWARD_DATA_DIR=os.path.join(tmp, 'data'),
                       GSETTINGS_BACKEND='memory')

            def cli(*argv):
                subprocess.run([args.cli, *argv], env=env, check=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

            cli('provider', 'add', 'bench', '--kind', 'openai', '--base-url', base)
            cli('settings', 'set', 'memory.auto', 'false')
            # The largest budget a reply may have, so no size here is cut
            # (a reply stops at 16 bytes a token asked for).
            cli('settings', 'set', 'chat.reply-tokens', '200000')
            for name in names.values():
                cli('model', 'set', 'bench', name, '--context-tokens', '2000000')

            def baseline(name):
                body = json.dumps({'model': name, 'stream': True}).encode()
                request = urllib.request.Request(base + '/chat/completions', data=body,
                                                 headers={'Content-Type': 'application/json'})
                start = time.monotonic()
                with urllib.request.urlopen(request) as response:
                    while response.read(65536):
                        pass
                return time.monotonic() - start

            def steward(name):
                start = time.monotonic()
                cli('chat', '--provider', 'bench', '--model', name, 'Tell me everything')
                return time.monotonic() - start

            print(f'{"reply":>8} {"steward-cli chat":>18} {"per MB":>9} {"baseline read":>14} {"ratio":>7}')
            for size in sizes:
                name = names[size]
                runs_s, runs_b = [], []
                for _ in range(args.runs):
                    runs_b.append(baseline(name))
                    runs_s.append(steward(name))
                s, b = statistics.median(runs_s), statistics.median(runs_b)
                print(f'{size:>6} MB {s * 1000:>15.0f} ms {s * 1000 / size:>6.0f} ms {b * 1000:>11.0f} ms '
                      f'{s / b:>6.1f}x   (steward min {min(runs_s) * 1000:.0f}, max {max(runs_s) * 1000:.0f})')
        finally:
            server.terminate()
            server.wait()


if __name__ == '__main__':
    sys.exit(main())

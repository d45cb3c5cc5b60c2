#!/usr/bin/python3
# harnesses.py: the fuzz harnesses, their dictionaries and input limits, the
# seeds each starts from and the crashes kept to replay.
#
#   harnesses.py --list                    prints "harness dictionary max_len" lines
#   harnesses.py --seeds SOURCE_ROOT DIR   writes DIR/<harness>/…, afresh
#   harnesses.py --regressions DIR         prints "harness file" for each kept
#                                          crash DIR/<harness>/<file>
#
# Seeds come from the recorded provider responses in tests/fixtures and the
# hand-written fuzz/seeds. Each harness reads its input in its own shape (see
# the comment at the top of fuzz/fuzz-*.c); the seeds are written in that
# shape: a cut byte before a body that is fed in pieces, a kind (and
# status) byte before a body read by the kind the byte picks.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import pathlib
import shutil
import sys

# The order of steward_provider_get_kinds ()
KINDS = ['openai', 'anthropic', 'gemini', 'ollama']
# fuzz-error-body.c's statuses[]
STATUSES = [301, 400, 401, 403, 404, 408, 413, 422, 429, 500, 502, 503, 504, 529, 599, 600, 999]
# Cut bytes: one piece; pieces of 1 to 4 bytes; pieces of 1 to 128 bytes
CUTS = [0x00, 0x0b, 0x2b]

MAX_LEN = 65536
# The Markdown stream parses again what is still open at every piece.
MAX_LEN_MARKDOWN_STREAM = 16384

HARNESSES = (
    [('line-reader', 'sse.dict', MAX_LEN),
     ('sse-parser', 'sse.dict', MAX_LEN),
     ('models', 'providers.dict', MAX_LEN),
     ('error-body', 'providers.dict', MAX_LEN),
     ('markdown', 'markdown.dict', MAX_LEN),
     ('markdown-stream', 'markdown.dict', MAX_LEN_MARKDOWN_STREAM),
     ('settings', 'settings.dict', 4096),
     ('remember', 'remember.dict', 4096),
     ('quick-add', 'quick-add.dict', 4096),
     ('task-answer', 'task-answer.dict', 16384),
     ('docx', 'docx.dict', MAX_LEN),
     ('docx-xml', 'docx.dict', MAX_LEN),
     ('text-diff', 'markdown.dict', 16384),
     # Writes a Word document and reads it back for every input.
     ('docx-export', 'markdown.dict', 16384)] +
    [(f'decoder-{kind}-{mode}', 'providers.dict', MAX_LEN)
     for kind in KINDS for mode in ('stream', 'whole')])


def bodies(fixtures, kind, suffixes):
    folder = fixtures / kind
    return sorted(p for p in folder.iterdir()
                  if p.suffix in suffixes and not p.name.endswith('.expected.json'))


def status_of(body):
    status = body.with_suffix('.status')
    if status.exists():
        return int(status.read_text().split()[0])
    return 400


def seeds_for(name, root):
    fixtures = root / 'tests' / 'fixtures'
    hand = root / 'fuzz' / 'seeds'

    def cut(paths):
        for p in paths:
            for c in CUTS:
                yield f'{p.parent.name}-{p.name}-cut{c:02x}', bytes([c]) + p.read_bytes()

    def raw(paths):
        for p in paths:
            yield f'{p.parent.name}-{p.name}', p.read_bytes()

    streams = [p for k in KINDS for p in bodies(fixtures, k, {'.sse', '.ndjson'})]
    texts = (sorted((hand / 'markdown').iterdir()) +
             sorted(fixtures.glob('*/*.expected.txt')))

    if name == 'line-reader':
        return cut(streams)
    if name == 'sse-parser':
        return cut(p for p in streams if p.suffix == '.sse')
    if name.startswith('decoder-'):
        _, kind, mode = name.split('-')
        suffixes = {'.sse', '.ndjson'} if mode == 'stream' else {'.json'}
        return cut(bodies(fixtures, kind, suffixes))
    if name == 'models':
        return ((f'{k}-{p.name}', bytes([i]) + p.read_bytes())
                for i, k in enumerate(KINDS) for p in bodies(fixtures, k, {'.json'}))
    if name == 'error-body':
        return ((f'{k}-{p.name}', bytes([i, STATUSES.index(status_of(p))]) + p.read_bytes())
                for i, k in enumerate(KINDS) for p in bodies(fixtures, k, {'.json'})
                if p.name.startswith('error'))
    if name in ('markdown', 'docx-export'):
        return raw(texts)
    if name == 'markdown-stream':
        return cut(texts)
    return raw(sorted((hand / name).iterdir()))


def main(argv):
    names = [name for name, _, _ in HARNESSES]

    if argv == ['--list']:
        for name, dictionary, max_len in HARNESSES:
            print(name, dictionary, max_len)
        return 0

    if len(argv) == 2 and argv[0] == '--regressions':
        folder = pathlib.Path(argv[1])
        for harness in sorted(folder.iterdir()) if folder.is_dir() else []:
            if harness.name not in names:
                print(f'harnesses.py: {harness} is not the folder of a harness', file=sys.stderr)
                return 1
            for kept in sorted(harness.iterdir()):
                print(harness.name, kept.name)
        return 0

    if len(argv) == 3 and argv[0] == '--seeds':
        root = pathlib.Path(argv[1])
        out = pathlib.Path(argv[2])
        shutil.rmtree(out, ignore_errors=True)
        for name in names:
            folder = out / name
            folder.mkdir(parents=True)
            for seed_name, data in seeds_for(name, root):
                (folder / seed_name).write_bytes(data)
        return 0

    print('usage: harnesses.py --list | --seeds SOURCE_ROOT DIR | --regressions DIR', file=sys.stderr)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))

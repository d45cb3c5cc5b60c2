#!/usr/bin/python3
# check-potfiles.py SOURCE_ROOT: POTFILES.in lists every file with
# translatable strings, and nothing that does not exist.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import sys

root = sys.argv[1]
C_MARK = re.compile(r'\b(N_|C_|NC_|g_dngettext|ngettext|_)\s*\(')
UI_MARK = re.compile(r'translatable="(yes|true)"')


def listed():
    with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        return [l.strip() for l in f if l.strip() and not l.startswith('#')]


def needing():
    found = set()
    for top in ('src', 'data'):
        for dirpath, _, files in os.walk(os.path.join(root, top)):
            for name in files:
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root)
                with open(path, encoding='utf-8', errors='replace') as f:
                    text = f.read()
                if name.endswith('.c') and C_MARK.search(text):
                    found.add(rel)
                elif name.endswith('.ui') and UI_MARK.search(text):
                    found.add(rel)
                elif name.endswith(('.desktop.in.in', '.metainfo.xml.in.in', '.gschema.xml')):
                    found.add(rel)
    return found


def main():
    entries = listed()
    problems = []
    for entry in entries:
        if not os.path.exists(os.path.join(root, entry)):
            problems.append(f'po/POTFILES.in lists {entry}, which does not exist')
    if entries != sorted(entries):
        problems.append('po/POTFILES.in is not sorted')
    for path in sorted(needing() - set(entries)):
        problems.append(f'{path} has translatable strings but is not in po/POTFILES.in')
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())

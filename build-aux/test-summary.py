#!/usr/bin/python3
# test-summary.py: count meson test results into one line.
#
#   test-summary.py TESTLOG.json…          prints "N passed, N failed[, N skipped]"
#   test-summary.py --total SUMMARY…       adds up such lines (from files)
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import re
import sys

PASSED = {'OK', 'EXPECTEDFAIL'}
SKIPPED = {'SKIP'}


def count_log(path):
    passed = failed = skipped = 0
    try:
        with open(path, encoding='utf-8') as f:
            for line in f:
                line = line.strip()
                if not line:
                    continue
                result = json.loads(line).get('result')
                if result in PASSED:
                    passed += 1
                elif result in SKIPPED:
                    skipped += 1
                else:
                    failed += 1
    except FileNotFoundError:
        # No log means the suites never ran: that is a failure, not a pass.
        failed += 1
    return passed, failed, skipped


def count_summary(path):
    try:
        with open(path, encoding='utf-8') as f:
            lines = [l for l in f.read().splitlines() if l.strip()]
    except FileNotFoundError:
        return 0, 1, 0
    m = re.match(r'^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$', lines[-1]) if lines else None
    if not m:
        return 0, 1, 0
    return int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)


def main(argv):
    total = [0, 0, 0]
    if argv and argv[0] == '--total':
        counter, paths = count_summary, argv[1:]
    else:
        counter, paths = count_log, argv
    for path in paths:
        for i, n in enumerate(counter(path)):
            total[i] += n
    line = f'{total[0]} passed, {total[1]} failed'
    if total[2]:
        line += f', {total[2]} skipped'
    print(line)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))

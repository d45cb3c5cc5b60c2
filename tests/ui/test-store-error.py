#!/usr/bin/python3
# A data file Steward cannot read is reported in the window, and left as it
# was: nothing is written over the user's data.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os

import stewardui as ui

GARBAGE = b'this is not an SQLite database\n' * 64


def body(steward):
    path = os.path.join(steward.data_dir, 'steward.db')
    with open(path, 'wb') as f:
        f.write(GARBAGE)

    steward.start()
    steward.wait_visible('label', 'Cannot Open Your Data')
    # The message names the file.
    ui.wait_for(lambda: any(path in (node.name or '')
                            for node in ui.find_all(steward.frame, 'label')),
                f'a message naming {path}')

    steward.key('ctrl+q')
    steward.wait_exit()

    with open(path, 'rb') as f:
        assert f.read() == GARBAGE, 'the unreadable file was changed'
    assert sorted(os.listdir(steward.data_dir)) == ['steward.db'], os.listdir(steward.data_dir)


ui.main('test-store-error', body)

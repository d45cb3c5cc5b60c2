#!/usr/bin/python3
# A data file Steward cannot read is reported in the window, and left as it
# was: nothing is written over the user's data. A data folder that cannot
# be written (here a read-only mount) still opens: the window says changes
# will not be saved, and a message that cannot be sent stays in the
# composer with the reason.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import stat
import subprocess
import tempfile

import chatui
import stewardui as ui

GARBAGE = b'this is not an SQLite database\n' * 64
MESSAGE = 'Keep this text'


def unreadable_file(steward):
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
    os.unlink(path)


def read_only_wrapper():
    """A program that starts Steward with its data folder on a read-only
    mount of its own (a private mount namespace), keeping its process id,
    or None where such a mount cannot be made."""
    if os.geteuid() != 0:
        return None
    probe = subprocess.run(['unshare', '-m', '/bin/sh', '-c', 'mount -t tmpfs none /mnt'],
                           capture_output=True)
    if probe.returncode != 0:
        return None
    fd, path = tempfile.mkstemp(prefix='steward-read-only-', suffix='.sh')
    with os.fdopen(fd, 'w') as f:
        f.write('#!/bin/sh\n'
                'exec unshare -m /bin/sh -c \'mount --bind "$1" "$1" && '
                'mount -o remount,ro,bind "$1" "$1" || exit 97; exec "$2"\' '
                f'sh "$STEWARD_DATA_DIR" "{ui.STEWARD_BIN}"\n')
    os.chmod(path, stat.S_IRWXU)
    return path


def snapshot(data_dir):
    files = {}
    for name in sorted(os.listdir(data_dir)):
        with open(os.path.join(data_dir, name), 'rb') as f:
            files[name] = f.read()
    return files


def read_only_folder(steward):
    wrapper = read_only_wrapper()
    if wrapper is None:
        print('# no read-only mount here: the read-only part is skipped')
        return
    real_bin = ui.STEWARD_BIN
    replay = chatui.Replay('anthropic')
    try:
        chatui.add_provider(steward.data_dir, replay)
        before = snapshot(steward.data_dir)

        ui.STEWARD_BIN = wrapper
        steward.start()
        steward.wait_visible('label', 'Changes will not be saved: your data folder cannot be written')
        # GTK 4.8 names a toast's button after its label twice.
        details = ui.wait_for(lambda: [node for node in ui.find_all(steward.app, 'push button')
                                       if 'Details' in (node.name or '') and ui.is_visible(node)],
                              'the Details button of the notice')[0]
        ui.wait_for(lambda: ui.center(details), 'the Details button to be laid out')
        ui.click(details)
        dialog = steward.wait_visible('dialog', 'Changes Will Not Be Saved')
        ui.wait_for(lambda: any(steward.data_dir in (node.name or '') and 'cannot be written' in node.name
                                for node in ui.find_all(dialog, 'label')),
                    f'the details naming {steward.data_dir}')
        steward.key('Escape', window='Changes Will Not Be Saved')
        # Asked of X: GTK 4.8 crashes when a closing window's accessibles are walked
        ui.wait_for(lambda: ui.x_window('Changes Will Not Be Saved') is None, 'the alert to close')

        chatui.open_chat(steward)
        composer = chatui.send(steward, MESSAGE)
        ui.wait_for(lambda: any('cannot be saved' in (label.name or '')
                                for label in ui.find_all(steward.app, 'label') if ui.is_visible(label)),
                    'the error that says nothing can be saved')
        assert steward.entry_text(composer) == MESSAGE, steward.entry_text(composer)
        assert replay.requests() == [], 'a message that cannot be kept was sent'

        steward.key('ctrl+q')
        steward.wait_exit()
        assert snapshot(steward.data_dir) == before, 'the read-only data changed'
    finally:
        ui.STEWARD_BIN = real_bin
        os.unlink(wrapper)
        replay.stop()


def body(steward):
    unreadable_file(steward)
    read_only_folder(steward)


chatui.require_tools()
ui.main('test-store-error', body)

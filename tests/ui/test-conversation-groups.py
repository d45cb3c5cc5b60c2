#!/usr/bin/python3
# The conversation list groups conversations by date, newest first, under
# headings: Today, Yesterday, This Week, then by month (with the year when
# it is not this one), each heading once, over the first row of its group.
# A conversation written to moves to the top, and the headings follow.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import os
import sqlite3

import chatui
import stewardui as ui

chatui.require_tools()

NOW = datetime.datetime.now().astimezone()


def iso(when):
    return when.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%S.000Z')


def heading(when):
    """The heading steward_date_format_group() gives @when, in English."""
    days = (NOW.date() - when.date()).days
    if days <= 0:
        return 'Today'
    if days == 1:
        return 'Yesterday'
    if days < 7:
        return 'This Week'
    if when.year == NOW.year:
        return when.strftime('%B')
    return when.strftime('%B %Y')


# Title, time: newest first.
CONVERSATIONS = [
    ('Breakfast plans', NOW),
    ('Train times', NOW - datetime.timedelta(seconds=1)),
    ('Tax return', NOW - datetime.timedelta(days=1)),
    ('Birthday gift', NOW - datetime.timedelta(days=3)),
    ('Garden shed', NOW - datetime.timedelta(days=35)),
    ('Old recipe', NOW - datetime.timedelta(days=400)),
]


def headings(conversations):
    return [node.name for node in ui.find_all(conversations, 'heading')]


def titles(conversations):
    names = []
    for item in ui.find_all(conversations, 'list item'):
        labels = [node.name for node in ui.find_all(item, 'label')]
        names += [name for name in labels if name in dict(CONVERSATIONS)]
    return names


def body(steward):
    chatui.cli(steward.data_dir, 'provider', 'add', 'local', '--kind', 'ollama',
               '--base-url', 'http://127.0.0.1:9', '--model', 'm')
    db_path = os.path.join(steward.data_dir, 'steward.db')
    ids = {}
    with sqlite3.connect(db_path) as db:
        for title, when in reversed(CONVERSATIONS):
            ids[title] = chatui.store_conversation(db, title, iso(when), [('Hi', 'Hello.')])

    expected = []
    for _, when in CONVERSATIONS:
        if heading(when) not in expected:
            expected.append(heading(when))
    assert len(expected) == 5, expected

    steward.start()
    chatui.open_chat(steward)
    conversations = steward.wait_visible('list', 'Conversations')
    ui.wait_for(lambda: titles(conversations) == [t for t, _ in CONVERSATIONS],
                'the conversations, newest first')
    ui.wait_for(lambda: headings(conversations) == expected,
                f'the headings {expected} in order, once each')

    # Each heading sits in the row of the first conversation of its group,
    # before the conversation's own title.
    for item in ui.find_all(conversations, 'list item'):
        names = [node.name for node in ui.walk(item) if node.getRoleName() in ('heading', 'label')]
        if any(node.getRoleName() == 'heading' for node in ui.walk(item)):
            assert names[0] in expected and names[1] in dict(CONVERSATIONS), names

    # The row's own date says what the heading does not: today's time.
    first = ui.find_all(conversations, 'list item')[0]
    time_text = NOW.strftime('%H:%M')
    assert ui.find(first, 'label', time_text) is not None, \
        [node.name for node in ui.find_all(first, 'label')]

    # Written to by another process: the oldest conversation moves to the
    # top, into Today; its month's heading goes, Today stays once.
    with sqlite3.connect(db_path) as db:
        db.execute('UPDATE conversations SET updated_at = ? WHERE id = ?',
                   (iso(datetime.datetime.now().astimezone()), ids['Old recipe']))
    moved = ['Old recipe'] + [t for t, _ in CONVERSATIONS if t != 'Old recipe']
    ui.wait_for(lambda: titles(conversations) == moved, 'the conversation written to at the top')
    ui.wait_for(lambda: headings(conversations) == expected[:-1],
                f'the headings {expected[:-1]}')

    # And one from this week too: This Week's heading goes with it.
    with sqlite3.connect(db_path) as db:
        db.execute('UPDATE conversations SET updated_at = ? WHERE id = ?',
                   (iso(datetime.datetime.now().astimezone()), ids['Birthday gift']))
    ui.wait_for(lambda: headings(conversations) == [h for h in expected[:-1] if h != 'This Week'],
                'This Week’s heading to go')

    # Written to in place: the newest conversation, alone in Today, is
    # dated yesterday but stays first. Its heading becomes Yesterday, and
    # the row after it, yesterday's, loses its own.
    old = iso(NOW - datetime.timedelta(days=400))
    with sqlite3.connect(db_path) as db:
        for title in ('Old recipe', 'Breakfast plans', 'Train times'):
            db.execute('UPDATE conversations SET updated_at = ? WHERE id = ?', (old, ids[title]))
    # The same time: the newer first.
    order = ['Birthday gift', 'Tax return', 'Garden shed', 'Breakfast plans', 'Train times', 'Old recipe']
    ui.wait_for(lambda: titles(conversations) == order, f'the order {order}')
    ui.wait_for(lambda: headings(conversations)[:2] == ['Today', 'Yesterday'], 'Today, then Yesterday')
    with sqlite3.connect(db_path) as db:
        db.execute('UPDATE conversations SET updated_at = ? WHERE id = ?',
                   (iso(NOW - datetime.timedelta(days=1) + datetime.timedelta(seconds=30)), ids['Birthday gift']))
    ui.wait_for(lambda: headings(conversations)[:2] == ['Yesterday', heading(NOW - datetime.timedelta(days=35))],
                'the first row’s heading to become Yesterday, and the second’s to go')
    assert titles(conversations) == order, titles(conversations)

    if os.environ.get('STEWARD_SCREENSHOT'):
        ui.run(['import', '-window', 'root', os.environ['STEWARD_SCREENSHOT']])


ui.main('test-conversation-groups', body)

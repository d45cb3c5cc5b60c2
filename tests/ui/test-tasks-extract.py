#!/usr/bin/python3
# Extract Tasks on a chat message (issue 10): the model answers with a
# call of add_tasks holding two tasks, the review dialog lists both
# ticked, the user unticks one and adds the other, which lands in To do
# with the message as its source; "Show" in the toast opens the board.
# A malformed answer shows the extractor's sentence and adds nothing.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import sqlite3
import subprocess
import tempfile

import chatui
import stewardui as ui

chatui.require_tools()

WHEN = '2026-03-27T09:00:00.000Z'
QUESTION = 'Tomorrow I must send Ana the quarterly report, and book the dentist for Monday.'
REPLY = 'Noted: the report and the dentist.'
MODEL = 'extract'
TASKS = [{'title': 'Send Ana the quarterly report', 'priority': 'high', 'category': 'work', 'due': '2026-03-28'},
         {'title': 'Book the dentist', 'priority': 'medium', 'category': None, 'due': '2026-03-30'}]
MALFORMED = 'The model’s answer could not be read as JSON.'
# A reply that proposes tasks as a JSON list in its text
PROPOSING = ('Here is your packing list:\n\n```json\n'
             '{"tasks": [{"title": "Pack the tent"}, {"title": "Buy train tickets", "priority": "urgent"}]}\n```\n')


def openai_tool_call(arguments):
    def chunk(delta, finish=None):
        return {'id': 'chatcmpl-ui', 'object': 'chat.completion.chunk', 'created': 1774602000,
                'model': MODEL, 'choices': [{'index': 0, 'delta': delta, 'finish_reason': finish}]}
    chunks = [
        chunk({'role': 'assistant', 'content': None, 'tool_calls': [
            {'index': 0, 'id': 'call_ui', 'type': 'function', 'function': {'name': 'add_tasks', 'arguments': ''}}]}),
        # The arguments in two pieces, as a stream sends them
        chunk({'tool_calls': [{'index': 0, 'function': {'arguments': arguments[:20]}}]}),
        chunk({'tool_calls': [{'index': 0, 'function': {'arguments': arguments[20:]}}]}),
        chunk({}, 'stop'),
    ]
    return ''.join(f'data: {json.dumps(c)}\n\n' for c in chunks) + 'data: [DONE]\n\n'


def write_fixtures(folder):
    # The first extraction gets two tasks, the second JSON that breaks off.
    with open(os.path.join(folder, 'two.sse'), 'w', encoding='utf-8') as f:
        f.write(openai_tool_call(json.dumps({'tasks': TASKS})))
    with open(os.path.join(folder, 'broken.sse'), 'w', encoding='utf-8') as f:
        f.write(openai_tool_call('{"tasks": [{"title": "Send Ana'))
    with open(os.path.join(folder, f'{MODEL}.sequence'), 'w', encoding='utf-8') as f:
        f.write('two\nbroken\n')


def tasks(data_dir):
    return json.loads(chatui.cli(data_dir, 'tasks', 'list', '--json'))


def toast_button(steward, word):
    # libadwaita 1.2 names a toast's button from its label and its
    # mnemonic label together ("_Show Show"), so match on the word.
    for node in ui.find_all(steward.app, 'push button'):
        if node.name and word in node.name.replace('_', ' ').split() and ui.is_visible(node):
            return node
    return None


def extract_button(steward):
    """The user's message's “Extract Tasks” (the first in the view)."""
    messages = steward.wait_visible('list', 'Messages')
    return ui.wait_for(lambda: ([b for b in ui.find_all(messages, 'push button', 'Extract Tasks')
                                 if ui.is_visible(b)] or [None])[0],
                       'an “Extract Tasks” button on the message')


def dialog(steward):
    return steward.wait_visible('frame', 'Extract Tasks')


def wait_closed(steward):
    """Asked of X, not of the accessibility tree: GTK 4.8 logs criticals
    when a client walks a window's accessibles while it is destroyed."""
    ui.wait_for(lambda: ui.x_window('Extract Tasks') is None, 'the dialog to close')


def body(steward):
    folder = tempfile.mkdtemp(prefix='steward-extract-')
    write_fixtures(folder)
    replay = chatui.Replay('openai', fixtures_dir=folder)
    try:
        chatui.cli(steward.data_dir, 'provider', 'add', 'local', '--kind', 'openai', '--base-url',
                   replay.url + '/v1', '--model', MODEL, '--api-key-env', chatui.TEST_KEY_ENV)
        chatui.cli(steward.data_dir, 'tier', 'set', 'medium', 'local', MODEL)
        with sqlite3.connect(os.path.join(steward.data_dir, 'steward.db')) as db:
            conversation_id = chatui.store_conversation(db, 'Errands', WHEN, [(QUESTION, REPLY)])
            proposing_id = chatui.store_conversation(db, 'Camping', WHEN, [('What do I still have to do?', PROPOSING)])
        message_id = chatui.conversation(steward.data_dir, conversation_id)['messages'][0]['id']

        steward.start()
        chatui.open_chat(steward)
        conversations = steward.wait_visible('list', 'Conversations')
        ui.click(ui.wait_for(lambda: ui.find(conversations, 'label', 'Errands'), 'the conversation in the list'))
        ui.wait_for(lambda: chatui.shows_text(steward, REPLY), 'the conversation to open')
        # Neither message proposes tasks of its own
        assert steward.find_visible('push button', 'Add 2 Tasks') is None

        ui.click(extract_button(steward))
        window = dialog(steward)
        report = ui.wait_for(lambda: ui.find(window, 'check box', TASKS[0]['title']), 'the first task found')
        dentist = ui.wait_for(lambda: ui.find(window, 'check box', TASKS[1]['title']), 'the second task found')
        for check in (report, dentist):
            assert check.getState().contains(ui.pyatspi.STATE_CHECKED), check.name
        add = ui.wait_for(lambda: ui.find(window, 'push button', 'Add 2 Tasks'), 'the button to add both')
        # The message was sent as written then: its time went with it
        request = [r for r in replay.requests() if r['method'] == 'POST'][0]
        assert QUESTION in json.dumps(request['body'], ensure_ascii=False), request
        ui.run(['import', '-window', 'root', os.path.join(ui.ARTIFACTS_DIR, 'test-tasks-extract-review.png')])

        # By keyboard: the focus starts on the first task; Enter opens it
        # (and adds nothing), Tab goes on to its tick, then into its fields
        ui.wait_for(lambda: [n for n in ui.find_all(window, 'list item', TASKS[0]['title'])
                             if n.getState().contains(ui.pyatspi.STATE_FOCUSED)], 'the first task to have the focus')
        title = ui.find(window, 'text', 'Title')
        assert ui.size(title)[1] <= 0, 'the task was open from the start'
        steward.key('Return', window='Extract Tasks')
        ui.wait_for(lambda: ui.size(title)[1] > 0 and steward.entry_text(title) == TASKS[0]['title'],
                    'the first task’s fields to open')
        # (The dialog has the keyboard already.)
        ui.run(['xdotool', 'key', '--clearmodifiers', 'Tab'])
        ui.wait_for(lambda: report.getState().contains(ui.pyatspi.STATE_FOCUSED), 'the first tick to have the focus')
        assert tasks(steward.data_dir) == []
        ui.run(['import', '-window', 'root', os.path.join(ui.ARTIFACTS_DIR, 'test-tasks-extract-edit.png')])

        # The rows were laid out again: ask for the tick anew
        dentist = ui.wait_for(lambda: ui.find(window, 'check box', TASKS[1]['title']), 'the second task')
        ui.click(dentist)
        ui.wait_for(lambda: not dentist.getState().contains(ui.pyatspi.STATE_CHECKED), 'the dentist to be unticked')
        add = ui.wait_for(lambda: ui.find(window, 'push button', 'Add 1 Task'), 'the button to say “Add 1 Task”')
        ui.click(add)
        wait_closed(steward)

        added = ui.wait_for(lambda: tasks(steward.data_dir), 'the task to be stored')
        assert [t['title'] for t in added] == [TASKS[0]['title']], added
        task = added[0]
        assert (task['status'], task['priority'], task['category'], task['due']) == \
            ('todo', 'high', 'work', '2026-03-28'), task
        assert (task['source'], task['source_ref']) == ('message', str(message_id)), task

        # The toast shows the board
        ui.click(ui.wait_for(lambda: toast_button(steward, 'Show'), 'the toast’s Show button'))
        steward.wait_page('Tasks')

        # The task's editor says where it was found, and opens it there
        todo = steward.wait_visible('list', 'To Do')
        ui.click(ui.wait_for(lambda: ui.find(todo, 'list item', TASKS[0]['title']), 'the card on the board'))
        steward.key('Return')
        editor = ui.wait_for(lambda: steward.find_visible('dialog', 'Edit Task'), 'the editor')
        ui.wait_for(lambda: ui.find(editor, 'label', 'The conversation “Errands”'),
                    'the editor to name the conversation the task came from')
        ui.click(ui.wait_for(lambda: next((b for b in ui.find_all(editor, 'push button')
                                           if b.name and 'Open' in b.name.replace('_', ' ').split()), None),
                             'the source’s Open button'))
        # Asked of X: GTK 4.8 crashes when the accessibles of a window are
        # walked while it is destroyed
        ui.wait_for(lambda: ui.x_window('Edit Task') is None, 'the editor to close')
        steward.wait_page('Chat')
        ui.wait_for(lambda: chatui.shows_text(steward, QUESTION), 'the message the task came from')

        # A malformed answer: the sentence, and nothing added
        chatui.open_chat(steward)
        ui.click(extract_button(steward))
        window = dialog(steward)
        ui.wait_for(lambda: ui.find(window, 'label', MALFORMED) and ui.is_visible(ui.find(window, 'label', MALFORMED)),
                    'the extractor’s sentence')
        assert ui.find(window, 'check box') is None
        assert ui.find(window, 'push button', 'Add 1 Task') is None
        steward.key('Escape', window='Extract Tasks')
        wait_closed(steward)
        assert len(tasks(steward.data_dir)) == 1
        assert len([r for r in replay.requests() if r['method'] == 'POST']) == 2

        # A word selected in the message (a double click), then Extract
        # Tasks from the text's context menu: only that word goes to the model
        messages = steward.wait_visible('list', 'Messages')
        label = ui.wait_for(lambda: ui.find(messages, 'label', QUESTION), 'the message’s text')
        extents = ui.wait_for(lambda: (lambda e: e if e.width > 0 else None)(
                                  label.queryComponent().getExtents(ui.pyatspi.DESKTOP_COORDS)),
                              'the message’s text to be laid out')
        # “Tomorrow”, the first word
        ui.run(['xdotool', 'mousemove', '--sync', str(extents.x + 20), str(extents.y + 8),
                'click', '--repeat', '2', '--delay', '80', '1'])
        ui.run(['xdotool', 'click', '3'])
        ui.click(ui.wait_for(lambda: steward.find_visible('menu item', 'Extract Tasks'), 'Extract Tasks in the menu'))
        window = dialog(steward)
        sent = ui.wait_for(lambda: (lambda posts: posts[2]['body'] if len(posts) == 3 else None)(
                               [r for r in replay.requests() if r['method'] == 'POST']),
                           'the selected word to be sent')
        user_text = sent['messages'][-1]['content']
        assert user_text.endswith('<text>\nTomorrow\n</text>'), user_text
        ui.wait_for(lambda: ui.find(window, 'label', MALFORMED), 'the answer, malformed again')
        steward.key('Escape', window='Extract Tasks')
        wait_closed(steward)

        # A reply that proposes tasks offers to add them, without asking
        # the model again
        ui.click(ui.wait_for(lambda: ui.find(conversations, 'label', 'Camping'), 'the second conversation'))
        messages = steward.wait_visible('list', 'Messages')
        ui.click(ui.wait_for(lambda: ui.find(messages, 'push button', 'Add 2 Tasks'), 'the reply’s “Add 2 Tasks”'))
        window = dialog(steward)
        ui.wait_for(lambda: ui.find(window, 'check box', 'Pack the tent'), 'the first task proposed')
        ui.wait_for(lambda: ui.find(window, 'check box', 'Buy train tickets'), 'the second task proposed')
        ui.click(ui.wait_for(lambda: ui.find(window, 'push button', 'Add 2 Tasks'), 'the dialog’s “Add 2 Tasks”'))
        wait_closed(steward)
        reply_id = chatui.conversation(steward.data_dir, proposing_id)['messages'][1]['id']
        added = ui.wait_for(lambda: (lambda t: t if len(t) == 3 else None)(tasks(steward.data_dir)),
                            'the proposed tasks to be stored')
        assert [(t['title'], t['priority'], t['source'], t['source_ref']) for t in added[1:]] == \
            [('Pack the tent', 'medium', 'message', str(reply_id)),
             ('Buy train tickets', 'urgent', 'message', str(reply_id))], added
        assert len([r for r in replay.requests() if r['method'] == 'POST']) == 3
    finally:
        replay.stop()


ui.main('test-tasks-extract', body)

#!/usr/bin/python3
# Preferences → Memory → Things Steward Remembers: a fact added there is
# stored (the CLI lists it), so is what Edit makes of it, pinning it is
# stored, a pinned fact goes to
# the model with the next message (the replay server's log shows the
# request's system message), and once forgotten (Undo brings it back,
# pinned as it was) it is no longer sent.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os

import chatui
import stewardui as ui

FACT = "I'm vegetarian"
# What is typed first, then corrected with Edit.
DRAFT = "I'm vegetarin"
MODEL = 'text_stream'
# Ollama's native API: the system part is the first message, as OpenAI's.
KIND = 'ollama'
BASE_PATH = ''
CHAT_PATH = '/api/chat'


def memories(steward):
    return json.loads(chatui.cli(steward.data_dir, 'memory', 'list', '--json'))


def screenshot(name):
    """Keep a picture of the screen beside the other artifacts, to look at."""
    os.makedirs(ui.ARTIFACTS_DIR, exist_ok=True)
    ui.subprocess.run(['import', '-window', 'root', os.path.join(ui.ARTIFACTS_DIR, f'{name}.png')],
                      capture_output=True)


class Preferences:
    """The Preferences window: queries stay inside it, which keeps polling
    quick however long the conversation behind it grows."""

    def __init__(self, steward):
        steward.key('ctrl+comma')
        self.frame = steward.wait_visible('frame', 'Preferences')

    def find(self, role, name):
        return next((node for node in ui.find_all(self.frame, role, name) if ui.is_visible(node)), None)

    def wait(self, role, name):
        return ui.wait_for(lambda: self.find(role, name), f'{role} “{name}” in Preferences')

    def wait_gone(self, role, name):
        ui.wait_for(lambda: self.find(role, name) is None, f'{role} “{name}” to leave Preferences')

    def click(self, role, name):
        node = self.wait(role, name)
        ui.wait_for(lambda: ui.center(node), f'{role} “{name}” to be laid out')
        ui.click(node)
        return node


def find_shallow(root, role, name):
    """Breadth first, for a toast: it sits near the top of the window,
    after all of the pages, where a depth-first walk comes last."""
    queue = [root]
    while queue:
        node = queue.pop(0)
        if node.getRoleName() == role and node.name == name:
            return node
        queue.extend(child for child in (node.getChildAtIndex(i) for i in range(node.childCount))
                     if child is not None)
    return None


def open_memory_page(steward):
    prefs = Preferences(steward)
    prefs.click('page tab', 'Memory')
    return prefs, prefs.wait('text', 'Add a Fact')


def close_preferences(steward):
    # Escape first dismisses a toast still showing, then the window.
    def closed():
        if steward.find_visible('frame', 'Preferences') is None:
            return True
        steward.key('Escape', window='Preferences')
        ui.time.sleep(0.3)
        return False
    ui.wait_for(closed, 'Escape to close Preferences')
    # Without a window manager nothing gives the main window the focus back.
    wid = ui.wait_for(lambda: ui.x_window('Steward'), 'the main window')
    ui.run(['xdotool', 'windowfocus', '--sync', wid])


def chat_requests(replay):
    return [r for r in replay.requests() if r['path'].endswith(CHAT_PATH)]


def system_text(request):
    """The system part of an Ollama or OpenAI request, '' when there is none."""
    body = request['body']
    if isinstance(body, str):
        body = json.loads(body)
    parts = []
    for message in body.get('messages', []):
        if message.get('role') != 'system':
            continue
        content = message.get('content')
        if isinstance(content, list):
            content = ''.join(part.get('text', '') for part in content)
        parts.append(content or '')
    return '\n'.join(parts)


def send_and_wait(steward, replay, text, n_requests):
    """Send @text and wait until the reply to it is complete."""
    chatui.send(steward, text)
    ui.wait_for(lambda: len(chat_requests(replay)) == n_requests,
                f'request {n_requests} to reach the provider')
    first_line = chatui.expected_text(KIND, MODEL).splitlines()[0]
    ui.wait_for(lambda: chatui.shows_text(steward, first_line)
                and steward.find_visible('push button', 'Send') is not None,
                'the reply to finish streaming')
    return chat_requests(replay)[-1]


def body(steward):
    replay = chatui.Replay(KIND)
    try:
        chatui.cli(steward.data_dir, 'provider', 'add', 'local', '--kind', KIND,
                   '--base-url', replay.url + BASE_PATH, '--model', MODEL,
                   '--api-key-env', chatui.TEST_KEY_ENV)
        chatui.cli(steward.data_dir, 'tier', 'set', 'medium', 'local', MODEL)
        # Only the facts added here: no suggestions after each exchange.
        chatui.cli(steward.data_dir, 'settings', 'set', 'memory.auto', 'false')

        steward.start()
        steward.wait_visible('list item', 'Chat')

        # Nothing remembered yet.
        prefs, add_row = open_memory_page(steward)
        prefs.wait('list item', 'Steward does not remember anything about you yet.')

        # Add a fact: Enter in "Add a Fact" stores it and the row shows.
        wid = ui.wait_for(lambda: ui.x_window('Preferences'), 'the X window “Preferences”')
        ui.run(['xdotool', 'windowfocus', '--sync', wid])
        ui.click(add_row)
        ui.run(['xdotool', 'type', '--delay', '20', DRAFT])
        ui.wait_for(lambda: steward.entry_text(add_row) == DRAFT, f'“Add a Fact” to read “{DRAFT}”')
        steward.key('Return', window='Preferences')
        prefs.wait('list item', DRAFT)
        prefs.wait_gone('list item', 'Steward does not remember anything about you yet.')
        ui.wait_for(lambda: steward.entry_text(add_row) == '', '“Add a Fact” to empty')
        stored = memories(steward)
        assert [(m['text'], m['pinned'], m['origin']) for m in stored] == [(DRAFT, False, 'user')], stored

        # Correct it with Edit: the text is stored as written there.
        prefs.click('push button', 'Edit')
        dialog = steward.wait_visible('dialog', 'Edit Memory')
        entry = ui.wait_for(lambda: ui.find(dialog, 'text', 'Memory'), 'the entry of “Edit Memory”')
        ui.wait_for(lambda: steward.entry_text(entry) == DRAFT, f'the entry to read “{DRAFT}”')
        steward.key('ctrl+a', window='Edit Memory')
        ui.run(['xdotool', 'type', '--delay', '20', FACT])
        ui.wait_for(lambda: steward.entry_text(entry) == FACT, f'the entry to read “{FACT}”')
        steward.key('Return', window='Edit Memory')
        # Asked of X: GTK 4.8 crashes when a closing window's accessibles are walked
        ui.wait_for(lambda: ui.x_window('Edit Memory') is None, 'the editor to close')
        prefs.wait('list item', FACT)
        prefs.wait_gone('list item', DRAFT)
        stored = memories(steward)
        assert [(m['text'], m['pinned'], m['origin']) for m in stored] == [(FACT, False, 'user')], stored
        ui.wait_for(lambda: any(label.name.startswith('Added by you')
                                for label in ui.find_all(prefs.find('list item', FACT), 'label')),
                    'the row to say “Added by you”')

        # Pin it: pinned facts are always sent.
        prefs.click('push button', 'Pin')
        ui.wait_for(lambda: memories(steward)[0]['pinned'] is True, 'the fact to be stored pinned')
        prefs.wait('push button', 'Unpin')
        screenshot('test-memory-page-pinned')
        close_preferences(steward)

        # The next message carries it in the system message.
        chatui.open_chat(steward)
        request = send_and_wait(steward, replay, 'What should I cook tonight?', 1)
        assert FACT in system_text(request), request['body']

        # Forget it, Undo (it comes back pinned), forget it again.
        prefs, add_row = open_memory_page(steward)
        prefs.wait('list item', FACT)
        prefs.click('push button', 'Forget')
        forgotten_at = ui.time.monotonic()
        # The toast goes after five seconds, which a busy machine can take
        # to walk the whole window: look for it near the top, check only
        # what Undo needs, and leave the rest (the empty row, the picture)
        # to the second Forget. libadwaita 1.2 names the toast's button
        # from both its label and its mnemonic (“_Undo Undo”): look for
        # the word.
        label = ui.wait_for(lambda: find_shallow(prefs.frame, 'label', 'Forgotten'), 'the toast “Forgotten”')
        undo = ui.wait_for(lambda: next((node for node in ui.find_all(label.parent.parent, 'push button')
                                         if 'Undo' in node.name.replace('_', '').split()), None),
                           'the toast’s Undo button')
        assert memories(steward) == []
        ui.click(undo)
        print(f'# Undo clicked {ui.time.monotonic() - forgotten_at:.1f} s after Forget')
        prefs.wait('list item', FACT)
        ui.wait_for(lambda: [(m['text'], m['pinned']) for m in memories(steward)] == [(FACT, True)],
                    'Undo to bring the fact back, pinned')
        prefs.click('push button', 'Forget')
        ui.wait_for(lambda: memories(steward) == [], 'the fact to be forgotten again')
        prefs.wait_gone('list item', FACT)
        prefs.wait('list item', 'Steward does not remember anything about you yet.')
        screenshot('test-memory-page-forgotten')
        close_preferences(steward)

        # The next message no longer carries it.
        request = send_and_wait(steward, replay, 'And tomorrow?', 2)
        assert FACT not in system_text(request), request['body']
        assert 'vegetarian' not in json.dumps(request['body']), request['body']
    except Exception:
        os.makedirs(ui.ARTIFACTS_DIR, exist_ok=True)
        with open(os.path.join(ui.ARTIFACTS_DIR, 'test-memory-page-replay.log'), 'w') as f:
            f.write(''.join(json.dumps(r) + '\n' for r in replay.requests()))
        raise
    finally:
        replay.stop()


chatui.require_tools()

ui.main('test-memory-page', body)

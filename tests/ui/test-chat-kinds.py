#!/usr/bin/python3
# Every kind of provider streams into the Chat page: with an OpenAI-
# compatible server, Gemini and Ollama's own API (Anthropic is test-chat's),
# a message sent from the composer shows the reply the replay server
# dribbles out a few bytes at a time, and the store keeps it complete and
# exact. A reference link defined at the end of a reply is linked once the
# reply is complete, though the paragraph using it was shown before.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import chatui
import stewardui as ui

chatui.require_tools()

KINDS = ('openai', 'gemini', 'ollama')


def newest_reply(data_dir):
    stored = chatui.conversations(data_dir)
    if not stored:
        return None
    newest = max(stored, key=lambda c: c['id'])
    messages = chatui.conversation(data_dir, newest['id'])['messages']
    return messages[-1] if messages and messages[-1]['role'] == 'assistant' else None


def chat_with(steward, kind, model='text_stream', provider=None):
    # A few bytes at a time: the reply arrives in many reads, as over a
    # slow network, and splits UTF-8 sequences and lines.
    replay = chatui.Replay(kind, dribble=7, delay_ms=5)
    try:
        provider = provider or kind
        chatui.cli(steward.data_dir, 'provider', 'add', provider, '--kind', kind,
                   '--base-url', replay.url, '--model', model,
                   '--api-key-env', chatui.TEST_KEY_ENV)
        chatui.cli(steward.data_dir, 'tier', 'set', 'medium', provider, model)
        expected = chatui.expected_text(kind, model)
        first_line = expected.splitlines()[0]
        if model == 'reference_links':
            # On screen the reference reads as its link text.
            first_line = first_line.replace('[the GNOME handbook][hb]', 'the GNOME handbook')

        steward.start()
        chatui.open_chat(steward)
        steward.click('push button', 'New Conversation')
        chatui.send(steward, f'A question for {kind}')

        ui.wait_for(lambda: chatui.shows_text(steward, first_line),
                    f'the {kind} reply in the conversation view')
        reply = ui.wait_for(lambda: (lambda r: r if r and r['status'] == 'complete' else None)(
                                newest_reply(steward.data_dir)),
                            f'the {kind} reply to be stored complete')
        assert reply['content'] == expected, (kind, reply['content'])
        steward.wait_visible('push button', 'Send')
        steward.wait_visible('push button', 'Regenerate')
        messages = steward.find_visible('list', 'Messages')
        ui.wait_for(lambda: not any(ui.is_visible(node) for node in ui.find_all(messages, 'label', 'Writing…')),
                    f'the {kind} reply to stop saying it is being written')
        if model == 'reference_links':
            shown = chatui.message_labels(steward)
            assert not any('[hb]' in text for text in shown), shown
        steward.stop()
    finally:
        replay.stop()


def body(steward):
    # What is proposed to remember is for test-chat-remember.
    chatui.cli(steward.data_dir, 'settings', 'set', 'memory.auto', 'false')
    for kind in KINDS:
        chat_with(steward, kind)
    chat_with(steward, 'ollama', model='reference_links', provider='handbook')


ui.main('test-chat-kinds', body)

#!/usr/bin/python3
# Errors: a provider's refusal shows inline under the reply with Retry; a
# send that cannot start (no provider) keeps the text in the composer.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import chatui
import stewardui as ui

chatui.require_tools()

FIRST = 'Is my key right'
SECOND = 'Keep this text'


def body(steward):
    replay = chatui.Replay('anthropic')
    try:
        chatui.add_provider(steward.data_dir, replay, model='error_401')

        steward.start()
        chatui.open_chat(steward)
        chatui.send(steward, FIRST)

        retry = steward.wait_visible('push button', 'Retry')
        conversation_id = ui.wait_for(lambda: chatui.conversations(steward.data_dir), 'a stored conversation')[0]['id']
        reply = [m for m in chatui.conversation(steward.data_dir, conversation_id)['messages']
                 if m['role'] == 'assistant'][0]
        assert reply['status'] == 'error' and reply['error'], reply
        steward.wait_visible('label', reply['error'])

        # Retry sends the question again, in place of the failed reply.
        ui.click(retry)
        ui.wait_for(lambda: len(replay.requests()) == 2, 'the question to be sent again')
        ui.wait_for(lambda: [m['status'] for m in
                             chatui.conversation(steward.data_dir, conversation_id)['messages']]
                    == ['complete', 'error'],
                    'the retried reply to replace the failed one')
        steward.wait_visible('push button', 'Retry')

        # With no provider, nothing is sent and the text stays.
        chatui.cli(steward.data_dir, 'provider', 'remove', 'local')
        steward.key('ctrl+n')
        steward.wait_visible('label', 'Ask Steward')
        composer = chatui.send(steward, SECOND)
        ui.wait_for(lambda: any('provider' in label.name.lower()
                                for label in ui.find_all(steward.app, 'label')
                                if label.name and ui.is_visible(label)),
                    'the error that says no provider is set up')
        assert steward.entry_text(composer) == SECOND, steward.entry_text(composer)
        assert len(chatui.conversations(steward.data_dir)) == 1
    finally:
        replay.stop()


ui.main('test-chat-errors', body)

#!/usr/bin/python3
# First run: with no provider the Chat page offers to add one, and offers a
# local Ollama (here the replay server) when it answers. Its “Add a
# Provider…” opens Preferences on the Providers page.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os

import chatui
import stewardui as ui

chatui.require_tools()


def selected_page(prefs):
    """The name of the Preferences page whose tab is selected."""
    for tab in ui.find_all(prefs, 'page tab'):
        if ui.is_visible(tab) and tab.getState().contains(ui.pyatspi.STATE_SELECTED):
            return tab.name
    return None


def body(steward):
    # Nothing answers here: no Ollama button, only the way to Preferences.
    os.environ['STEWARD_OLLAMA_URL'] = 'http://127.0.0.1:9'
    steward.start()
    chatui.open_chat(steward)
    steward.wait_visible('label', 'Set Up a Provider')
    steward.wait_visible('push button', 'Add a Provider…')
    assert steward.find_visible('push button', 'Use Ollama') is None

    # What is missing is a provider, so Preferences opens where one is added.
    steward.click('push button', 'Add a Provider…')
    prefs = steward.wait_visible('frame', 'Preferences')
    ui.wait_for(lambda: selected_page(prefs) == 'Providers',
                'Preferences to open on the Providers page')
    steward.stop()

    replay = chatui.Replay('ollama')
    try:
        os.environ['STEWARD_OLLAMA_URL'] = replay.url
        steward.start()
        chatui.open_chat(steward)
        steward.wait_visible('label', 'Set Up a Provider')
        steward.click('push button', 'Use Ollama')
        steward.wait_gone('label', 'Set Up a Provider')
        steward.wait_visible('text', 'Message')

        providers = {p['name']: p for p in
                     __import__('json').loads(chatui.cli(steward.data_dir, 'provider', 'list', '--json'))}
        assert providers['Ollama']['kind'] == 'ollama', providers
        assert providers['Ollama']['base_url'].rstrip('/') == replay.url, providers
        assert providers['Ollama']['model'] == 'llama3.2:latest', providers
        tiers = __import__('json').loads(chatui.cli(steward.data_dir, 'tier', 'list', '--json'))
        medium = [t for t in tiers if t['tier'] == 'medium'][0]
        assert medium['provider'] == 'Ollama' and medium['model'] == 'llama3.2:latest', tiers
    finally:
        os.environ.pop('STEWARD_OLLAMA_URL', None)
        replay.stop()


ui.main('test-chat-first-run', body)

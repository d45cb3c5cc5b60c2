#!/usr/bin/python3
# The versions pane compares two versions the user picks (issue 11): a
# version chosen in the list, another in Compare With (reached with its
# mnemonic, Alt+W, and chosen with the keyboard); the differences show
# the lines the older removed and the newer added, whichever of the two
# is picked first; back to The Text Now, the version is compared with
# the phase's text again.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import chatui
import stewardui as ui

chatui.require_tools()

PROJECT = 'Field guide'
FIRST = 'Alpha line.\nBeta line.\nGamma line.'
SECOND = 'Alpha line.\nBeta line, longer now.\nGamma line.'
THIRD = 'Alpha line.\nDelta line.\nGamma line.\nEpsilon line.'


def click_laid_out(node, what):
    seen = []

    def settled():
        seen.append(ui.center(node))
        return len(seen) >= 2 and seen[-1] == seen[-2]

    ui.wait_for(settled, f'{what} to be laid out')
    ui.click(node)


def version_row(steward, number):
    listed = steward.wait_visible('list', 'Versions')
    return ui.wait_for(lambda: [r for r in ui.find_all(listed, 'list item')
                                if r.name and r.name.startswith(f'Version {number},')],
                       f'version {number} listed')[0]


def summary(steward, start):
    return ui.wait_for(lambda: [n.name for n in ui.find_all(steward.app, 'label')
                                if n.name and n.name.startswith(start) and ui.is_visible(n)],
                       f'the summary “{start}…”')[0]


def compare_with(steward, summary_start, presses):
    """Compare With, from the keyboard: Alt+W focuses it, Space opens
    it, Down (@presses times from the choice shown) and Return choose."""
    open_compare_with(steward)
    ui.run(['xdotool', 'key', '--clearmodifiers', *(['Down'] * presses), 'Return'])
    return summary(steward, summary_start)


def open_compare_with(steward):
    steward.key('alt+w')
    # The popover takes the keys from here: no focusing the window again
    ui.run(['xdotool', 'key', '--clearmodifiers', 'space'])
    # Keys pressed before the choices are up go to the button
    ui.wait_for(lambda: [n for n in ui.find_all(steward.app, 'label', 'The Text Now')
                         if n.parent.parent.getRoleName() == 'list item' and ui.is_visible(n)],
                'the choices to show')


def differences(steward):
    return steward.entry_text(steward.wait_visible('text', 'Differences'))


def body(steward):
    data = steward.data_dir
    chatui.cli(data, 'projects', 'create', PROJECT)
    for text in (FIRST, SECOND, THIRD):
        chatui.cli(data, 'phase', 'set', PROJECT, '1', text)

    steward.start()
    ui.run(['xdotool', 'windowsize', ui.wait_for(lambda: ui.x_window('Steward'), 'the window'), '1280', '800'])
    steward.click('list item', 'Documents')
    steward.wait_page('Documents')
    projects = steward.wait_visible('list', 'Document Projects')
    click_laid_out(ui.wait_for(lambda: ui.find(projects, 'label', PROJECT), 'the project in the list'), 'the project')
    phases = steward.wait_visible('list', 'Phases')
    click_laid_out(ui.wait_for(lambda: ui.find(phases, 'label', 'Brief and Audience'), 'phase 1 in the list'),
                   'phase 1')
    ui.wait_for(lambda: steward.entry_text(steward.wait_visible('text', 'Phase Text')) == THIRD, 'phase 1 shown')

    steward.click('push button', 'Versions')
    steward.wait_visible('label', 'Compare with')

    # Version 1 against version 2 (the list: the text now, 3, 2, 1)
    click_laid_out(version_row(steward, 1), 'version 1')
    summary(steward, 'Version 1, compared with the text now')
    line = compare_with(steward, 'From Version 1 to Version 2', 2)
    assert line == 'From Version 1 to Version 2: 1 line removed, 1 line added.', line
    diff = differences(steward)
    assert '− Beta line.\n' in diff and '+ Beta line, longer now.\n' in diff, diff
    assert 'Delta' not in diff and 'Epsilon' not in diff, diff

    # Version 3 picked in the list, still against version 2: from 2 to 3
    click_laid_out(version_row(steward, 3), 'version 3')
    line = summary(steward, 'From Version 2 to Version 3')
    assert line == 'From Version 2 to Version 3: 1 line removed, 2 lines added.', line
    diff = differences(steward)
    assert '− Beta line, longer now.\n' in diff, diff
    assert '+ Delta line.\n' in diff and '+ Epsilon line.\n' in diff, diff
    assert '− Beta line.\n' not in diff, diff

    # Back to the text now: version 3 is it
    open_compare_with(steward)
    ui.run(['xdotool', 'key', '--clearmodifiers', 'Home', 'Return'])
    summary(steward, 'Version 3 is the same as the text now.')
    assert differences(steward) == ''


ui.main('test-documents-versions', body)

#!/usr/bin/python3
# The window opens, titled "Steward", and the sidebar switches between the
# Chat, Tasks and Documents pages, each showing its empty state.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import stewardui as ui

PAGES = [
    ('Tasks', 'No Tasks'),
    ('Documents', 'No Document Projects'),
    ('Chat', 'No Conversations'),
]


def body(steward):
    steward.start()
    assert steward.frame.name == 'Steward', steward.frame.name

    # The sidebar rows are named after the pages: an accessibility contract.
    for page, _ in PAGES:
        steward.wait_visible('list item', page)

    for page, empty_title in PAGES:
        steward.click('list item', page)
        steward.wait_page(page)
        steward.wait_visible('label', empty_title)
        for other_page, other_title in PAGES:
            if other_page != page:
                steward.wait_gone('label', other_title)


ui.main('test-window-pages', body)

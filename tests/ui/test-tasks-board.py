#!/usr/bin/python3
# The task board: quick add says what it understood before it adds; the
# card moves up and down its column with Ctrl+Up/Down and to In Progress
# with Ctrl+Right (the focus going with it),
# then to Done with the mouse, dragged; after a restart it is still in
# Done; Delete takes it off with Undo (and so does Clear), and closing the
# window deletes it for good. The filter bar narrows the board; Enter opens the editor,
# which saves with Ctrl+Enter. steward-cli agrees with the board at each
# step.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import json

import stewardui as ui

if not ui.STEWARD_CLI:
    print('# steward-cli is not built')
    raise SystemExit(ui.SKIP)

TITLE = 'Call Sam'
COLUMNS = ('To Do', 'In Progress', 'Done')


def cli(steward, *args):
    return ui.run([ui.STEWARD_CLI, '--data-dir', steward.data_dir, *args]).stdout


def tasks(steward):
    return {task['title']: task for task in json.loads(cli(steward, 'tasks', 'list', '--json'))}


def focused(steward, root=None):
    for node in ui.walk(root or steward.frame):
        if node.getState().contains(ui.pyatspi.STATE_FOCUSED):
            return node
    return None


def describe(node):
    return f'{node.getRoleName()} “{node.name}”' if node is not None else 'nothing'


def column_of(node):
    """The board column @node is in, or None."""
    while node is not None:
        if node.getRoleName() == 'list' and node.name in COLUMNS:
            return node.name
        node = node.parent
    return None


def card(steward, column, title=TITLE):
    """The card named @title in @column, if it shows there."""
    lst = steward.find_visible('list', column)
    if lst is None:
        return None
    return ui.find(lst, 'list item', title)


def focus_on_card(steward, column, what):
    def check():
        node = focused(steward)
        return node if node is not None and node.name == TITLE and column_of(node) == column else None
    try:
        return ui.wait_for(check, what)
    except ui.TestFailure as error:
        raise ui.TestFailure(f'{error}; the focus is on {describe(focused(steward))}') from None


def undo_button(steward):
    for node in ui.find_all(steward.app, 'push button'):
        if node.name and 'Undo' in node.name.replace('_', ' ').split() and ui.is_visible(node):
            return node
    return None


def editor(steward):
    return steward.find_visible('dialog', 'Edit Task')


def open_board(steward):
    steward.click('list item', 'Tasks')
    steward.wait_page('Tasks')
    for column in COLUMNS:
        steward.wait_visible('list', column)


def drag(source, target):
    """Press on @source, move in steps (GTK starts a drag after a few
    pixels) and release over @target."""
    sx, sy = ui.wait_for(lambda: ui.center(source), 'the card laid out')
    tx, ty = ui.wait_for(lambda: ui.center(target), 'the column laid out')
    ui.run(['xdotool', 'mousemove', '--sync', str(sx), str(sy), 'mousedown', '1'])
    for i in range(1, 21):
        x = sx + (tx - sx) * i // 20
        y = sy + (ty - sy) * i // 20
        ui.run(['xdotool', 'mousemove', '--sync', str(x), str(y)])
    ui.run(['xdotool', 'mouseup', '1'])


def body(steward):
    # One task already, so the board shows with its quick-add entry.
    cli(steward, 'tasks', 'add', 'Water the plants')

    steward.start()
    open_board(steward)
    ui.wait_for(lambda: card(steward, 'To Do', 'Water the plants'), 'the stored task’s card')

    # Ctrl+N puts the keyboard in the quick-add entry at the top of To Do.
    steward.key('ctrl+n')
    entry = ui.wait_for(lambda: (lambda n: n if n is not None and n.name == 'Add Task' else None)(focused(steward)),
                        'Ctrl+N to focus the Add Task entry')
    assert column_of(entry) is None
    wid = ui.wait_for(lambda: ui.x_window('Steward'), 'the main window')
    ui.run(['xdotool', 'windowfocus', '--sync', wid])
    ui.run(['xdotool', 'type', '--delay', '5', 'Call Sam tomorrow 5pm !high'])

    # What it understood shows before anything is added.
    understood = ui.wait_for(lambda: steward.find_visible('label', 'Tomorrow 17:00 · High'),
                             'the understood line “Tomorrow 17:00 · High”')
    assert 'Tomorrow 17:00' in entry.description, entry.description
    assert TITLE not in tasks(steward)
    assert understood is not None

    steward.key('Return')
    ui.wait_for(lambda: card(steward, 'To Do'), 'the card “Call Sam” in To Do')
    added = tasks(steward)[TITLE]
    assert added['status'] == 'todo' and added['priority'] == 'high', added
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    due = datetime.datetime.fromisoformat(added['due'].replace('Z', '+00:00')).astimezone()
    assert (due.date(), due.hour, due.minute) == (tomorrow, 17, 0), added['due']
    ui.wait_for(lambda: steward.entry_text(entry) == '', 'the entry to empty')

    # Down from the entry to the cards; Down again to the new one.
    steward.key('Down')
    ui.wait_for(lambda: column_of(focused(steward)) == 'To Do', 'Down to enter To Do')
    steward.key('Down')
    focus_on_card(steward, 'To Do', 'Down to reach “Call Sam”')

    # Ctrl+Up and Ctrl+Down reorder the column, the focus staying on it.
    steward.key('ctrl+Up')
    ui.wait_for(lambda: tasks(steward)[TITLE]['position'] == 0, 'Ctrl+Up to put “Call Sam” first')
    focus_on_card(steward, 'To Do', 'the focus to stay on the card moved up')
    items = ui.wait_for(lambda: [n.name for n in ui.find_all(steward.find_visible('list', 'To Do'), 'list item')],
                        'the To Do cards')
    assert items[:2] == [TITLE, 'Water the plants'], items
    steward.key('ctrl+Down')
    ui.wait_for(lambda: tasks(steward)[TITLE]['position'] == 1, 'Ctrl+Down to put it back')
    focus_on_card(steward, 'To Do', 'the focus to stay on the card moved down')

    # Ctrl+Right: to In Progress, and the focus goes with it.
    steward.key('ctrl+Right')
    ui.wait_for(lambda: card(steward, 'In Progress'), 'Ctrl+Right to move the card to In Progress')
    assert card(steward, 'To Do') is None
    focus_on_card(steward, 'In Progress', 'the focus to stay on the moved card')
    ui.wait_for(lambda: tasks(steward)[TITLE]['status'] == 'doing', 'the store to say doing')

    # Dragged with the mouse to Done.
    drag(card(steward, 'In Progress'), steward.find_visible('list', 'Done'))
    ui.wait_for(lambda: card(steward, 'Done'), 'the drop to move the card to Done')
    assert card(steward, 'In Progress') is None
    done = ui.wait_for(lambda: (lambda t: t if t['status'] == 'done' else None)(tasks(steward)[TITLE]),
                       'the store to say done')
    assert done['completed_at'], done

    # After a restart it is still in Done.
    steward.key('ctrl+q')
    steward.wait_exit()
    steward.start()
    open_board(steward)
    ui.wait_for(lambda: card(steward, 'Done'), 'the card in Done after a restart')

    # The filter bar: words narrow every column.
    search = steward.click('entry', 'Filter Tasks')
    ui.run(['xdotool', 'type', '--delay', '5', 'plants'])
    ui.wait_for(lambda: card(steward, 'Done') is None, 'the filter to hide “Call Sam”')
    assert card(steward, 'To Do', 'Water the plants') is not None
    steward.key('Escape')
    ui.wait_for(lambda: steward.entry_text(search) == '', 'Escape to empty the filter')
    ui.wait_for(lambda: card(steward, 'Done'), 'the card back without a filter')

    # Enter on a card opens the editor; Ctrl+Enter saves.
    ui.click(card(steward, 'To Do', 'Water the plants'))
    ui.wait_for(lambda: (lambda n: n if n is not None and n.name == 'Water the plants' else None)(focused(steward)),
                'a click to focus “Water the plants”')
    steward.key('Return')
    dialog = ui.wait_for(lambda: editor(steward), 'Enter to open the editor')
    # It opens on the title: typing goes there. (GTK 4.8 does not tell
    # the accessibility bus of the focus a window opens with.)
    title = ui.find(dialog, 'text', 'Title')
    steward.key('End', window='Edit Task')
    ui.run(['xdotool', 'type', '--delay', '5', ' today'])
    ui.wait_for(lambda: steward.entry_text(title) == 'Water the plants today', 'the new title typed')
    steward.key('ctrl+Return', window='Edit Task')
    ui.wait_for(lambda: editor(steward) is None, 'Ctrl+Enter to save and close the editor')
    ui.wait_for(lambda: card(steward, 'To Do', 'Water the plants today'), 'the card to show the new title')
    assert 'Water the plants today' in tasks(steward)

    # Delete takes it off, with Undo; Undo brings it back.
    ui.click(card(steward, 'Done'))
    focus_on_card(steward, 'Done', 'a click to focus the card')
    steward.key('Delete')
    ui.wait_for(lambda: card(steward, 'Done') is None, 'Delete to take the card off')
    ui.click(ui.wait_for(lambda: undo_button(steward), 'the toast’s Undo'))
    ui.wait_for(lambda: card(steward, 'Done'), 'Undo to bring the card back')
    assert TITLE in tasks(steward)

    # Clear, above Done, takes every done card off, with Undo too.
    # GTK 4.8 names a button by its accessible label and its label both.
    clear = ui.wait_for(lambda: next((n for n in ui.find_all(steward.frame, 'push button')
                                      if n.name and n.name.startswith('Clear Done') and ui.is_visible(n)), None),
                        'the Clear Done button')
    ui.click(clear)
    ui.wait_for(lambda: card(steward, 'Done') is None, 'Clear to take the done card off')
    ui.click(ui.wait_for(lambda: undo_button(steward), 'the toast’s Undo'))
    ui.wait_for(lambda: card(steward, 'Done'), 'Undo to bring the done card back')

    # Deleted again, and the window closed before the toast goes: the
    # store forgets it.
    ui.click(card(steward, 'Done'))
    focus_on_card(steward, 'Done', 'a click to focus the card again')
    steward.key('Delete')
    ui.wait_for(lambda: card(steward, 'Done') is None, 'Delete to take the card off again')
    assert TITLE in tasks(steward), 'deleted before the toast went'
    steward.key('ctrl+q')
    steward.wait_exit()
    assert TITLE not in tasks(steward), 'closing the window did not delete it'
    assert 'Water the plants today' in tasks(steward)


ui.main('test-tasks-board', body)

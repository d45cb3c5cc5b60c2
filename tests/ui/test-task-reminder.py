#!/usr/bin/python3
# A task that falls due while Steward runs brings a desktop notification
# with "Mark Done" and "Open"; Mark Done marks it done; after a restart
# the same due date brings no second notification, while a task another
# program writes meanwhile brings its own.
#
# A notification server of the test's own owns
# org.freedesktop.Notifications on the session bus, as GNOME Shell or
# another desktop would, and records what Steward sends.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import sqlite3

from gi.repository import Gio, GLib

import chatui
import stewardui as ui

chatui.require_tools()

INTERFACE = '''
<node>
  <interface name="org.freedesktop.Notifications">
    <method name="Notify">
      <arg type="s" direction="in"/><arg type="u" direction="in"/>
      <arg type="s" direction="in"/><arg type="s" direction="in"/>
      <arg type="s" direction="in"/><arg type="as" direction="in"/>
      <arg type="a{sv}" direction="in"/><arg type="i" direction="in"/>
      <arg type="u" direction="out"/>
    </method>
    <method name="CloseNotification"><arg type="u" direction="in"/></method>
    <method name="GetCapabilities"><arg type="as" direction="out"/></method>
    <method name="GetServerInformation">
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
    </method>
    <signal name="ActionInvoked"><arg type="u"/><arg type="s"/></signal>
    <signal name="NotificationClosed"><arg type="u"/><arg type="u"/></signal>
  </interface>
</node>
'''
PATH = '/org/freedesktop/Notifications'
NAME = 'org.freedesktop.Notifications'


class NotificationServer:
    def __init__(self):
        self.sent = []
        self.bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
        info = Gio.DBusNodeInfo.new_for_xml(INTERFACE).interfaces[0]
        self.registration = self.bus.register_object(PATH, info, self._call, None, None)
        self.owned = False
        self.owner_id = Gio.bus_own_name_on_connection(self.bus, NAME, Gio.BusNameOwnerFlags.NONE,
                                                       self._acquired, None)
        ui.wait_for(lambda: self.pump() or self.owned, f'the name {NAME}')

    def _acquired(self, connection, name):
        self.owned = True

    def _call(self, connection, sender, path, interface, method, params, invocation):
        if method == 'Notify':
            app_name, replaces, icon, summary, body, actions, hints, timeout = params.unpack()
            self.sent.append({'id': len(self.sent) + 1, 'summary': summary, 'body': body,
                              'actions': dict(zip(actions[1::2], actions[0::2]))})
            invocation.return_value(GLib.Variant('(u)', (len(self.sent),)))
        elif method == 'GetCapabilities':
            invocation.return_value(GLib.Variant('(as)', (['body', 'actions'],)))
        elif method == 'GetServerInformation':
            invocation.return_value(GLib.Variant('(ssss)', ('test', 'steward', '1', '1.2')))
        else:
            invocation.return_value(None)

    def pump(self):
        """Answers what came in: the test polls rather than run a loop."""
        context = GLib.MainContext.default()
        while context.iteration(False):
            pass
        return False

    def wait_sent(self, count, what):
        return ui.wait_for(lambda: self.pump() or (self.sent if len(self.sent) >= count else None), what)

    def invoke(self, notification, label):
        self.bus.emit_signal(None, PATH, NAME, 'ActionInvoked',
                             GLib.Variant('(us)', (notification['id'], notification['actions'][label])))
        self.bus.flush_sync(None)

    def close(self):
        Gio.bus_unown_name(self.owner_id)
        self.bus.unregister_object(self.registration)


def task(data_dir, task_id):
    return json.loads(chatui.cli(data_dir, 'tasks', 'show', str(task_id), '--json'))


def body(steward):
    server = NotificationServer()
    try:
        added = json.loads(chatui.cli(steward.data_dir, 'tasks', 'add', 'Call Sam', '--json'))
        later = json.loads(chatui.cli(steward.data_dir, 'tasks', 'add', 'Water the plants',
                                      '--due', 'next week', '--json'))
        # Fell due a minute ago (the CLI reads no past times).
        with sqlite3.connect(os.path.join(steward.data_dir, 'steward.db')) as db:
            db.execute("UPDATE tasks SET due = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now', '-1 minute')"
                       " WHERE id = ?", (added['id'],))

        steward.start()
        sent = server.wait_sent(1, 'the notification of the task that fell due')
        notification = sent[0]
        assert notification['summary'] == 'Call Sam', notification
        assert notification['body'].startswith('Due Today '), notification
        assert {'Mark Done', 'Open'} <= set(notification['actions']), notification
        assert all(n['summary'] != later['title'] for n in sent), sent

        # Mark Done, from the notification.
        server.invoke(notification, 'Mark Done')
        ui.wait_for(lambda: server.pump() or task(steward.data_dir, added['id'])['status'] == 'done',
                    'Mark Done to mark the task done')

        # A restart: once is enough. A task that falls due afterwards,
        # written by another program, is the next one said.
        steward.stop()
        with sqlite3.connect(os.path.join(steward.data_dir, 'steward.db')) as db:
            db.execute("UPDATE tasks SET status = 'todo', completed_at = NULL WHERE id = ?", (added['id'],))
        steward.start()
        rent = json.loads(chatui.cli(steward.data_dir, 'tasks', 'add', 'Pay rent', '--json'))
        with sqlite3.connect(os.path.join(steward.data_dir, 'steward.db')) as db:
            db.execute("UPDATE tasks SET due = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now', '-1 minute')"
                       " WHERE id = ?", (rent['id'],))
        sent = server.wait_sent(2, 'the notification of the task written meanwhile')
        assert [n['summary'] for n in sent] == ['Call Sam', 'Pay rent'], sent

        # Open, from the Chat page Steward starts on: the Tasks page, with
        # the card of the task in the focus.
        assert steward.page_showing() == 'Chat', steward.page_showing()
        server.invoke(sent[1], 'Open')

        def card_focused():
            server.pump()
            for node in ui.find_all(steward.app, name='Pay rent'):
                if node.getState().contains(ui.pyatspi.STATE_FOCUSED):
                    return True
            return False

        ui.wait_for(card_focused, 'Open to show the card of the task with the focus')
        assert steward.page_showing() == 'Tasks', steward.page_showing()
    finally:
        server.close()


ui.main('test-task-reminder', body)

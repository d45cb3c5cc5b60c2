# A notification server of the test's own: it owns
# org.freedesktop.Notifications on the test's session bus, as GNOME Shell
# or another desktop would, records what Steward sends and clicks the
# notification's buttons (ActionInvoked) when told.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

from gi.repository import Gio, GLib

import stewardui as ui

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
    """What came: self.sent, one dict a Notify call ('id', 'replaces',
    'summary', 'body', 'actions': label → key, the default action under
    the label ''); self.closed, the ids Steward withdrew."""

    def __init__(self):
        self.sent = []
        self.closed = []
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
            notification_id = replaces or len(self.sent) + 1
            self.sent.append({'id': notification_id, 'replaces': replaces, 'app_name': app_name,
                              'summary': summary, 'body': body,
                              'actions': dict(zip(actions[1::2], actions[0::2]))})
            invocation.return_value(GLib.Variant('(u)', (notification_id,)))
        elif method == 'CloseNotification':
            self.closed.append(params.unpack()[0])
            invocation.return_value(None)
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

    def wait_sent(self, count, what, timeout=ui.TIMEOUT):
        return ui.wait_for(lambda: self.pump() or (self.sent if len(self.sent) >= count else None), what,
                           timeout)

    def invoke(self, notification, label):
        """Clicks the button @label of @notification; '' clicks the
        notification itself."""
        self.bus.emit_signal(None, PATH, NAME, 'ActionInvoked',
                             GLib.Variant('(us)', (notification['id'], notification['actions'][label])))
        self.bus.flush_sync(None)

    def close(self):
        Gio.bus_unown_name(self.owner_id)
        self.bus.unregister_object(self.registration)

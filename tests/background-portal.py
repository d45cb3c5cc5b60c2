#!/usr/bin/python3
# background-portal.py --answer N --log FILE: a stand-in for
# xdg-desktop-portal's Background portal on the test's private session
# bus, speaking its wire format: org.freedesktop.portal.Desktop at
# /org/freedesktop/portal/desktop with org.freedesktop.portal.Background
# (RequestBackground, version). RequestBackground answers through a
# Request object, as the real portal does: its path made from the caller's
# name and its handle_token, its Response signal sent to the caller alone,
# with N (0 allowed, 1 the user said no, 2 failed). Each call is logged as
# one JSON line with its options. "ready" on stdout once the bus name is
# owned.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import json
import sys

from gi.repository import Gio, GLib

BUS_NAME = 'org.freedesktop.portal.Desktop'
OBJECT_PATH = '/org/freedesktop/portal/desktop'
REQUEST_PREFIX = '/org/freedesktop/portal/desktop/request/'

BACKGROUND_XML = '''
<node>
  <interface name="org.freedesktop.portal.Background">
    <method name="RequestBackground">
      <arg type="s" name="parent_window" direction="in"/>
      <arg type="a{sv}" name="options" direction="in"/>
      <arg type="o" name="handle" direction="out"/>
    </method>
    <property name="version" type="u" access="read"/>
  </interface>
</node>'''

REQUEST_XML = '''
<node>
  <interface name="org.freedesktop.portal.Request">
    <method name="Close"/>
    <signal name="Response">
      <arg type="u" name="response"/>
      <arg type="a{sv}" name="results"/>
    </signal>
  </interface>
</node>'''

parser = argparse.ArgumentParser()
parser.add_argument('--answer', type=int, default=0, help='the Response: 0, 1 or 2')
parser.add_argument('--log', required=True)
args = parser.parse_args()

background_info = Gio.DBusNodeInfo.new_for_xml(BACKGROUND_XML).interfaces[0]
request_info = Gio.DBusNodeInfo.new_for_xml(REQUEST_XML).interfaces[0]


def log(entry):
    with open(args.log, 'a', encoding='utf-8') as out:
        out.write(json.dumps(entry) + '\n')


def request_call(connection, sender, path, interface, method, parameters, invocation):
    log({'method': 'Request.' + method, 'sender': sender, 'path': path})
    invocation.return_value(None)


def respond(connection, sender, path, registration):
    log({'method': 'Response', 'destination': sender, 'path': path, 'response': args.answer})
    results = {'background': GLib.Variant('b', args.answer == 0),
               'autostart': GLib.Variant('b', False)}
    connection.emit_signal(sender, path, 'org.freedesktop.portal.Request', 'Response',
                           GLib.Variant('(ua{sv})', (args.answer, results)))
    connection.unregister_object(registration)
    return GLib.SOURCE_REMOVE


def background_call(connection, sender, path, interface, method, parameters, invocation):
    options = parameters.get_child_value(1).unpack()
    token = options.get('handle_token')
    log({'method': method, 'sender': sender, 'parent_window': parameters.get_child_value(0).get_string(),
         'options': options})
    if token is None:
        invocation.return_dbus_error('org.freedesktop.portal.Error.InvalidArgument',
                                     'RequestBackground needs a handle_token option')
        return
    handle = REQUEST_PREFIX + sender[1:].replace('.', '_') + '/' + token
    registration = connection.register_object(handle, request_info, request_call, None, None)
    invocation.return_value(GLib.Variant('(o)', (handle,)))
    GLib.idle_add(respond, connection, sender, handle, registration)


def background_property(connection, sender, path, interface, name):
    return GLib.Variant('u', 1)


def bus_acquired(connection, name):
    connection.register_object(OBJECT_PATH, background_info, background_call, background_property, None)


def name_acquired(connection, name):
    print('ready', flush=True)


def name_lost(connection, name):
    print(f'background-portal.py: could not own {name}', file=sys.stderr)
    sys.exit(1)


Gio.bus_own_name(Gio.BusType.SESSION, BUS_NAME, Gio.BusNameOwnerFlags.NONE,
                 bus_acquired, name_acquired, name_lost)
GLib.MainLoop().run()

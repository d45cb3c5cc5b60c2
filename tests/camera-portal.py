#!/usr/bin/python3
# camera-portal.py --present yes|no --answer N --log FILE: a stand-in for
# xdg-desktop-portal's Camera portal on the test's private session bus,
# speaking its wire format: org.freedesktop.portal.Desktop at
# /org/freedesktop/portal/desktop with org.freedesktop.portal.Camera
# (IsCameraPresent, version, AccessCamera, OpenPipeWireRemote). AccessCamera
# answers through a Request object, as the real portal does: its path made
# from the caller's name and its handle_token, its Response signal sent to
# the caller alone, with N (0 allowed, 1 the user said no, 2 failed;
# "none": no answer, the request waits for Close).
# OpenPipeWireRemote hands over one end of a socket pair whose other end
# has written "steward-camera-portal\n", so the caller can tell it got
# this very descriptor. Each call is logged as one JSON line. "ready" on
# stdout once the bus name is owned.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import json
import socket
import sys

from gi.repository import Gio, GLib

BUS_NAME = 'org.freedesktop.portal.Desktop'
OBJECT_PATH = '/org/freedesktop/portal/desktop'
REQUEST_PREFIX = '/org/freedesktop/portal/desktop/request/'

CAMERA_XML = '''
<node>
  <interface name="org.freedesktop.portal.Camera">
    <method name="AccessCamera">
      <arg type="a{sv}" name="options" direction="in"/>
      <arg type="o" name="handle" direction="out"/>
    </method>
    <method name="OpenPipeWireRemote">
      <arg type="a{sv}" name="options" direction="in"/>
      <arg type="h" name="fd" direction="out"/>
    </method>
    <property name="IsCameraPresent" type="b" access="read"/>
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
parser.add_argument('--present', choices=['yes', 'no'], default='yes')
parser.add_argument('--answer', default='0',
                    help='the Response: 0, 1 or 2; none: no answer until Close')
parser.add_argument('--log', required=True)
args = parser.parse_args()

camera_info = Gio.DBusNodeInfo.new_for_xml(CAMERA_XML).interfaces[0]
request_info = Gio.DBusNodeInfo.new_for_xml(REQUEST_XML).interfaces[0]
kept = []  # the socket ends, alive while the portal runs


def log(entry):
    with open(args.log, 'a', encoding='utf-8') as out:
        out.write(json.dumps(entry) + '\n')


def plain(variant):
    return {key: variant[key] for key in variant.keys()} if variant is not None else {}


def request_call(connection, sender, path, interface, method, parameters, invocation):
    log({'method': 'Request.' + method, 'sender': sender, 'path': path})
    invocation.return_value(None)


def respond(connection, sender, path, registration):
    if args.answer == 'none':
        return GLib.SOURCE_REMOVE
    log({'method': 'Response', 'destination': sender, 'path': path, 'response': int(args.answer)})
    # To the caller alone, as xdg-desktop-portal does (libportal listens
    # without a match rule)
    connection.emit_signal(sender, path, 'org.freedesktop.portal.Request', 'Response',
                           GLib.Variant('(ua{sv})', (int(args.answer), {})))
    connection.unregister_object(registration)
    return GLib.SOURCE_REMOVE


def access_camera(connection, sender, options, invocation):
    token = options.lookup_value('handle_token', GLib.VariantType.new('s'))
    entry = {'method': 'AccessCamera', 'sender': sender,
             'options': {key: options.lookup_value(key, None).print_(False) for key in options.keys()}}
    if token is None:
        log(entry)
        invocation.return_dbus_error('org.freedesktop.portal.Error.InvalidArgument',
                                     'AccessCamera needs a handle_token option')
        return

    path = REQUEST_PREFIX + sender[1:].replace('.', '_') + '/' + token.get_string()
    entry['handle'] = path
    log(entry)
    registration = connection.register_object(path, request_info, request_call, None, None)
    invocation.return_value(GLib.Variant('(o)', (path,)))
    GLib.idle_add(respond, connection, sender, path, registration)


def open_pipewire_remote(connection, sender, options, invocation):
    log({'method': 'OpenPipeWireRemote', 'sender': sender,
         'options': {key: options.lookup_value(key, None).print_(False) for key in options.keys()}})
    ours, theirs = socket.socketpair()
    ours.sendall(b'steward-camera-portal\n')
    kept.append(ours)
    fds = Gio.UnixFDList()
    fds.append(theirs.fileno())  # a copy: ours is closed below
    theirs.close()
    invocation.return_value_with_unix_fd_list(GLib.Variant('(h)', (0,)), fds)


def camera_call(connection, sender, path, interface, method, parameters, invocation):
    options = parameters.get_child_value(0)
    if method == 'AccessCamera':
        access_camera(connection, sender, options, invocation)
    elif method == 'OpenPipeWireRemote':
        open_pipewire_remote(connection, sender, options, invocation)


def camera_property(connection, sender, path, interface, name):
    log({'method': 'Get', 'sender': sender, 'property': name})
    if name == 'IsCameraPresent':
        return GLib.Variant('b', args.present == 'yes')
    return GLib.Variant('u', 1)


def bus_acquired(connection, name):
    connection.register_object(OBJECT_PATH, camera_info, camera_call, camera_property, None)


def name_acquired(connection, name):
    print('ready', flush=True)


def name_lost(connection, name):
    print(f'camera-portal.py: could not own {name}', file=sys.stderr)
    sys.exit(1)


Gio.bus_own_name(Gio.BusType.SESSION, BUS_NAME, Gio.BusNameOwnerFlags.NONE,
                 bus_acquired, name_acquired, name_lost)
GLib.MainLoop().run()

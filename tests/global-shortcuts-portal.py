#!/usr/bin/python3
# global-shortcuts-portal.py --log FILE [--interface yes|no]
#   [--session-answer N] [--bind-answer N]: a stand-in for
# xdg-desktop-portal's GlobalShortcuts portal on the test's private session
# bus, speaking its wire format: org.freedesktop.portal.Desktop at
# /org/freedesktop/portal/desktop with org.freedesktop.portal.GlobalShortcuts
# (version, CreateSession, BindShortcuts, the Activated signal). Both
# methods answer through a Request object, as the real portal does: its
# path made from the caller's name and its handle_token, its Response
# signal sent to the caller alone, with N (0 done, 1 the user said no,
# 2 failed). The session lives at the path made from session_handle_token
# and can be closed (org.freedesktop.portal.Session.Close). BindShortcuts
# answers each shortcut with a trigger_description written from its
# preferred_trigger ("CTRL+ALT+space" → "Ctrl+Alt+Space").
# --interface no: the portal runs without GlobalShortcuts (Get on its
# version fails as xdg-desktop-portal's does).
# For the test alone, io.github.stewardapp.PortalTest.Activate (s id) at
# /io/github/stewardapp/PortalTest sends Activated for id to the session's
# owner, after one for a session that is not theirs; ChangeTrigger (s
# description) sends ShortcutsChanged with that trigger_description for
# each shortcut bound (the user chose another in the desktop's settings);
# CloseSessions () closes every session, sending Session.Closed.
# Each call is logged as one JSON line. "ready" on stdout once the bus name
# is owned.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import json
import sys

from gi.repository import Gio, GLib

BUS_NAME = 'org.freedesktop.portal.Desktop'
OBJECT_PATH = '/org/freedesktop/portal/desktop'
INTERFACE = 'org.freedesktop.portal.GlobalShortcuts'
TEST_PATH = '/io/github/stewardapp/PortalTest'

SHORTCUTS_XML = '''
<node>
  <interface name="org.freedesktop.portal.GlobalShortcuts">
    <method name="CreateSession">
      <arg type="a{sv}" name="options" direction="in"/>
      <arg type="o" name="handle" direction="out"/>
    </method>
    <method name="BindShortcuts">
      <arg type="o" name="session_handle" direction="in"/>
      <arg type="a(sa{sv})" name="shortcuts" direction="in"/>
      <arg type="s" name="parent_window" direction="in"/>
      <arg type="a{sv}" name="options" direction="in"/>
      <arg type="o" name="request_handle" direction="out"/>
    </method>
    <signal name="ShortcutsChanged">
      <arg type="o" name="session_handle"/>
      <arg type="a(sa{sv})" name="shortcuts"/>
    </signal>
    <signal name="Activated">
      <arg type="o" name="session_handle"/>
      <arg type="s" name="shortcut_id"/>
      <arg type="t" name="timestamp"/>
      <arg type="a{sv}" name="options"/>
    </signal>
    <property name="version" type="u" access="read"/>
  </interface>
</node>'''

# Another portal the desktop runs, so that the object exists without
# global shortcuts
OTHER_XML = '''
<node>
  <interface name="org.freedesktop.portal.Screenshot">
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

SESSION_XML = '''
<node>
  <interface name="org.freedesktop.portal.Session">
    <method name="Close"/>
    <signal name="Closed">
      <arg type="a{sv}" name="details"/>
    </signal>
  </interface>
</node>'''

TEST_XML = '''
<node>
  <interface name="io.github.stewardapp.PortalTest">
    <method name="Activate">
      <arg type="s" name="shortcut_id" direction="in"/>
    </method>
    <method name="ChangeTrigger">
      <arg type="s" name="trigger_description" direction="in"/>
    </method>
    <method name="CloseSessions"/>
  </interface>
</node>'''

parser = argparse.ArgumentParser()
parser.add_argument('--log', required=True)
parser.add_argument('--interface', choices=['yes', 'no'], default='yes')
parser.add_argument('--session-answer', type=int, default=0)
parser.add_argument('--bind-answer', type=int, default=0)
args = parser.parse_args()


def info(xml):
    return Gio.DBusNodeInfo.new_for_xml(xml).interfaces[0]


shortcuts_info = info(SHORTCUTS_XML)
other_info = info(OTHER_XML)
request_info = info(REQUEST_XML)
session_info = info(SESSION_XML)
test_info = info(TEST_XML)
sessions = {}  # session handle → its owner's unique name
registrations = {}  # session handle → its object's registration
bound_shortcuts = {}  # session handle → the shortcuts bound in it, as BindShortcuts had them


def log(entry):
    with open(args.log, 'a', encoding='utf-8') as out:
        out.write(json.dumps(entry) + '\n')


def caller_path(kind, sender, token):
    return f'{OBJECT_PATH}/{kind}/{sender[1:].replace(".", "_")}/{token}'


def plain_options(options):
    return {key: options.lookup_value(key, None).unpack() for key in options.keys()}


def written_trigger(trigger):
    # The shortcuts specification's "CTRL+ALT+space" as a desktop shows it
    return '+'.join(part.capitalize() for part in trigger.split('+'))


def request_call(connection, sender, path, interface, method, parameters, invocation):
    log({'method': 'Request.' + method, 'sender': sender, 'path': path})
    invocation.return_value(None)


def session_call(connection, sender, path, interface, method, parameters, invocation):
    log({'method': 'Session.' + method, 'sender': sender, 'path': path})
    sessions.pop(path, None)
    connection.unregister_object(registrations.pop(path))
    invocation.return_value(None)


def respond(connection, sender, path, registration, response, results):
    log({'method': 'Response', 'destination': sender, 'path': path, 'response': response})
    # To the caller alone, as xdg-desktop-portal does
    connection.emit_signal(sender, path, 'org.freedesktop.portal.Request', 'Response',
                           GLib.Variant('(ua{sv})', (response, results)))
    connection.unregister_object(registration)
    return GLib.SOURCE_REMOVE


def start_request(connection, sender, options, entry, invocation):
    token = options.get('handle_token')
    if not isinstance(token, str):
        log(entry)
        invocation.return_dbus_error('org.freedesktop.portal.Error.InvalidArgument',
                                     entry['method'] + ' needs a handle_token option')
        return None
    path = caller_path('request', sender, token)
    entry['handle'] = path
    registration = connection.register_object(path, request_info, request_call, None, None)
    invocation.return_value(GLib.Variant('(o)', (path,)))
    return path, registration


def create_session(connection, sender, parameters, invocation):
    options = plain_options(parameters.get_child_value(0))
    entry = {'method': 'CreateSession', 'sender': sender, 'options': options}
    session_token = options.get('session_handle_token')
    if not isinstance(session_token, str):
        log(entry)
        invocation.return_dbus_error('org.freedesktop.portal.Error.InvalidArgument',
                                     'CreateSession needs a session_handle_token option')
        return
    request = start_request(connection, sender, options, entry, invocation)
    if request is None:
        return
    results = {}
    if args.session_answer == 0:
        session = caller_path('session', sender, session_token)
        registrations[session] = connection.register_object(session, session_info, session_call, None, None)
        sessions[session] = sender
        entry['session_handle'] = session
        # A string, as the specification has it
        results['session_handle'] = GLib.Variant('s', session)
    log(entry)
    GLib.idle_add(respond, connection, sender, *request, args.session_answer, results)


def bind_shortcuts(connection, sender, parameters, invocation):
    session, shortcuts, parent_window, options = parameters.unpack()
    entry = {'method': 'BindShortcuts', 'sender': sender, 'session_handle': session,
             'shortcuts': [[name, info] for name, info in shortcuts],
             'parent_window': parent_window, 'options': options}
    if sessions.get(session) != sender:
        log(entry)
        invocation.return_dbus_error('org.freedesktop.portal.Error.NotFound',
                                     'Session not found')
        return
    request = start_request(connection, sender, options, entry, invocation)
    if request is None:
        return
    log(entry)
    results = {}
    if args.bind_answer == 0:
        bound_shortcuts[session] = shortcuts
        bound = [(name, {'description': GLib.Variant('s', info.get('description', '')),
                         'trigger_description': GLib.Variant('s', written_trigger(info.get('preferred_trigger', '')))})
                 for name, info in shortcuts]
        results['shortcuts'] = GLib.Variant('a(sa{sv})', bound)
    GLib.idle_add(respond, connection, sender, *request, args.bind_answer, results)


def shortcuts_call(connection, sender, path, interface, method, parameters, invocation):
    if method == 'CreateSession':
        create_session(connection, sender, parameters, invocation)
    elif method == 'BindShortcuts':
        bind_shortcuts(connection, sender, parameters, invocation)


def get_version(connection, sender, path, interface, name):
    log({'method': 'Get', 'sender': sender, 'interface': interface, 'property': name})
    return GLib.Variant('u', 1)


def activate(connection, shortcut_id):
    for session, owner in sessions.items():
        other = OBJECT_PATH + '/session/1_1/someone_else'
        for handle, name in ((other, 'other-session'), (session, shortcut_id)):
            log({'method': 'Activated', 'destination': owner, 'session_handle': handle, 'shortcut_id': name})
            connection.emit_signal(owner, OBJECT_PATH, INTERFACE, 'Activated',
                                   GLib.Variant('(osta{sv})', (handle, name, 1234, {})))


def change_trigger(connection, description):
    for session, owner in sessions.items():
        changed = [(name, {'description': GLib.Variant('s', info.get('description', '')),
                           'trigger_description': GLib.Variant('s', description)})
                   for name, info in bound_shortcuts.get(session, [])]
        log({'method': 'ShortcutsChanged', 'destination': owner, 'session_handle': session,
             'trigger_description': description})
        connection.emit_signal(owner, OBJECT_PATH, INTERFACE, 'ShortcutsChanged',
                               GLib.Variant('(oa(sa{sv}))', (session, changed)))


def close_sessions(connection):
    for session, owner in list(sessions.items()):
        log({'method': 'Session.Closed', 'destination': owner, 'path': session})
        connection.emit_signal(owner, session, 'org.freedesktop.portal.Session', 'Closed',
                               GLib.Variant('(a{sv})', ({},)))
        connection.unregister_object(registrations.pop(session))
        del sessions[session]


def test_call(connection, sender, path, interface, method, parameters, invocation):
    if method == 'Activate':
        activate(connection, *parameters.unpack())
    elif method == 'ChangeTrigger':
        change_trigger(connection, *parameters.unpack())
    elif method == 'CloseSessions':
        close_sessions(connection)
    invocation.return_value(None)


def bus_acquired(connection, name):
    if args.interface == 'yes':
        connection.register_object(OBJECT_PATH, shortcuts_info, shortcuts_call, get_version, None)
    else:
        connection.register_object(OBJECT_PATH, other_info, None, get_version, None)
    connection.register_object(TEST_PATH, test_info, test_call, None, None)


def name_acquired(connection, name):
    print('ready', flush=True)


def name_lost(connection, name):
    print(f'global-shortcuts-portal.py: could not own {name}', file=sys.stderr)
    sys.exit(1)


Gio.bus_own_name(Gio.BusType.SESSION, BUS_NAME, Gio.BusNameOwnerFlags.NONE,
                 bus_acquired, name_acquired, name_lost)
GLib.MainLoop().run()

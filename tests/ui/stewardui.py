# stewardui.py: shared helpers for the UI tests.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Each test starts the real `steward` binary with its own data directory,
# drives it through the accessibility tree (pyatspi) and real X input
# (xdotool), and waits for conditions by polling, never by fixed sleeps.
# On failure it leaves a screenshot and the application's stderr in
# <build root>/test-artifacts/.

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback

SKIP = 77
TIMEOUT = 10.0
POLL = 0.05

if not os.environ.get('DISPLAY'):
    print('# no DISPLAY: run the UI tests inside build-aux/headless-session.sh')
    sys.exit(SKIP)

for tool in ('xdotool', 'import'):
    if shutil.which(tool) is None:
        print(f'# {tool} is not installed')
        sys.exit(SKIP)

import pyatspi  # noqa: E402  (after the DISPLAY check: it talks to the bus)
from gi.repository import GLib  # noqa: E402

STEWARD_BIN = os.environ['STEWARD_BIN']
STEWARD_CLI = os.environ.get('STEWARD_CLI', '')
SCHEMA_DIR = os.environ['STEWARD_SCHEMA_DIR']
ARTIFACTS_DIR = os.environ.get('STEWARD_ARTIFACTS_DIR', tempfile.gettempdir())
SCHEMA_ID = 'io.github.stewardapp.Steward'

# Inside build-aux/headless-session.sh HOME and dconf are throwaway, so the
# tests may reset the application's UI state; elsewhere they leave it be.
IN_HEADLESS_SESSION = os.environ.get('STEWARD_HEADLESS_INNER') == '1'


class TestFailure(Exception):
    pass


def wait_for(predicate, what, timeout=TIMEOUT):
    """Poll @predicate until it returns something true; raise if it never does."""
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            result = predicate()
            if result:
                return result
        except (GLib.GError, LookupError, RuntimeError) as error:
            # Accessible objects come and go while the UI changes.
            last_error = error
        if time.monotonic() > deadline:
            detail = f' (last error: {last_error})' if last_error else ''
            raise TestFailure(f'timed out after {timeout:.0f} s waiting for {what}{detail}')
        time.sleep(POLL)


def run(argv, **kwargs):
    return subprocess.run(argv, check=True, capture_output=True, text=True, **kwargs)


def reset_ui_state():
    if not IN_HEADLESS_SESSION:
        return
    env = dict(os.environ, GSETTINGS_SCHEMA_DIR=SCHEMA_DIR)
    run(['gsettings', 'reset-recursively', SCHEMA_ID], env=env)


def get_ui_state(key):
    env = dict(os.environ, GSETTINGS_SCHEMA_DIR=SCHEMA_DIR)
    return run(['gsettings', 'get', SCHEMA_ID, key], env=env).stdout.strip()


def walk(node):
    """Depth-first over @node's subtree (the accessible tree is live)."""
    yield node
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            yield from walk(child)


def find(root, role=None, name=None):
    for node in walk(root):
        if role is not None and node.getRoleName() != role:
            continue
        if name is not None and node.name != name:
            continue
        return node
    return None


def find_all(root, role=None, name=None):
    return [node for node in walk(root)
            if (role is None or node.getRoleName() == role)
            and (name is None or node.name == name)]


def is_visible(node):
    """True when @node and its ancestors are visible: GTK 4.8 does not
    report 'showing', and Steward marks stack pages behind the visible one
    hidden (see steward-stack-accessible.c)."""
    while node is not None:
        if node.getRoleName() == 'application':
            return True
        if not node.getState().contains(pyatspi.STATE_VISIBLE):
            return False
        node = node.parent
    return False


def center(node):
    extents = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    if extents.width <= 0 or extents.height <= 0:
        raise RuntimeError(f'{node.getRoleName()} “{node.name}” has no size yet')
    return extents.x + extents.width // 2, extents.y + extents.height // 2


def size(node):
    extents = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    return extents.width, extents.height


def click_action(node):
    """The index of @node's "click" accessible action, or None."""
    try:
        action = node.queryAction()
    except NotImplementedError:
        return None
    for i in range(action.nActions):
        if action.getName(i) == 'click':
            return i
    return None


def click(node):
    # Menu items live in a popover surface whose accessible coordinates are
    # relative to that surface, so use their "click" action when they have
    # one. Otherwise click with the pointer: without a window manager the
    # windows sit at the origin of the screen, so the coordinates GTK 4.8
    # reports are screen coordinates.
    index = click_action(node)
    if index is not None:
        node.queryAction().doAction(index)
        return
    x, y = center(node)
    run(['xdotool', 'mousemove', '--sync', str(x), str(y), 'click', '1'])


def x_window(title):
    """The X window id of the visible toplevel titled exactly @title."""
    out = subprocess.run(['xdotool', 'search', '--onlyvisible', '--name', f'^{title}$'],
                         capture_output=True, text=True).stdout.split()
    if len(out) > 1:
        # GTK leaves a 1×1 window titled as the application after a drag
        # and drop on X11: the largest is the toplevel.
        out.sort(key=_window_area)
    return out[-1] if out else None


def _window_area(wid):
    geometry = subprocess.run(['xdotool', 'getwindowgeometry', '--shell', wid],
                              capture_output=True, text=True).stdout
    values = dict(line.split('=', 1) for line in geometry.split() if '=' in line)
    return int(values.get('WIDTH', 0)) * int(values.get('HEIGHT', 0))


def choose_file(title, path):
    """In the file chooser titled @title (GtkFileChooserNative under
    Xvfb: GTK's own dialog), type @path as the file's name or location
    and press Enter. Opened on Recent, the chooser may take the first
    Enter for leaving Recent once the typed folder is read: Enter is
    pressed again then, until the chooser closes."""
    wid = wait_for(lambda: x_window(title), f'the file chooser “{title}”')
    run(['xdotool', 'windowfocus', '--sync', wid])
    run(['xdotool', 'key', '--clearmodifiers', 'ctrl+l'])
    run(['xdotool', 'key', '--clearmodifiers', 'ctrl+a'])
    run(['xdotool', 'type', '--delay', '10', path])
    for attempt in range(3):
        run(['xdotool', 'key', '--clearmodifiers', 'Return'])
        try:
            wait_for(lambda: x_window(title) is None, f'the file chooser “{title}” to close', 5)
            return
        except TestFailure:
            if attempt == 2:
                raise
            run(['xdotool', 'windowfocus', '--sync', wid])


def key(title, *keys):
    """Focus the toplevel titled @title and press @keys there.

    There is no window manager under Xvfb to give focus to a new window,
    so focus it explicitly; xdotool then sends real (XTEST) key events."""
    wid = wait_for(lambda: x_window(title), f'the X window “{title}”')
    run(['xdotool', 'windowfocus', '--sync', wid])
    run(['xdotool', 'key', '--clearmodifiers', *keys])


class Steward:
    """The application under test, with its own data directory."""

    def __init__(self, test_name, data_dir=None):
        self.test_name = test_name
        self.own_data_dir = data_dir is None
        self.data_dir = data_dir or tempfile.mkdtemp(prefix='steward-ui-data-')
        self.proc = None
        self.app = None
        self.frame = None
        self.stderr_path = None
        self.runs = 0

    # -- lifecycle --------------------------------------------------------

    def start(self, args=(), window='Steward'):
        """Start Steward with @args, and wait for its window titled
        @window (the main window unless told)."""
        self.runs += 1
        os.makedirs(ARTIFACTS_DIR, exist_ok=True)
        self.stderr_path = os.path.join(ARTIFACTS_DIR, f'{self.test_name}-{self.runs}.log')
        env = dict(os.environ,
                   STEWARD_DATA_DIR=self.data_dir,
                   GSETTINGS_SCHEMA_DIR=SCHEMA_DIR)
        env.pop('GSETTINGS_BACKEND', None)
        with open(self.stderr_path, 'w') as stderr:
            self.proc = subprocess.Popen([STEWARD_BIN, *args], env=env,
                                         stdin=subprocess.DEVNULL,
                                         stdout=stderr,
                                         stderr=subprocess.STDOUT)
        self.app = wait_for(self._find_app, 'the steward application on the accessibility bus')
        self.frame = wait_for(lambda: self.find_visible('frame', window),
                              f'the window “{window}”')
        return self

    def run_again(self, *args):
        """Run Steward a second time, as a user would from a shortcut, with
        the same data: it hands @args to this one and exits."""
        env = dict(os.environ, STEWARD_DATA_DIR=self.data_dir, GSETTINGS_SCHEMA_DIR=SCHEMA_DIR)
        env.pop('GSETTINGS_BACKEND', None)
        return subprocess.run([STEWARD_BIN, *args], env=env, stdin=subprocess.DEVNULL,
                              capture_output=True, text=True, timeout=TIMEOUT)

    def _find_app(self):
        if self.proc.poll() is not None:
            raise TestFailure(f'steward exited with status {self.proc.returncode}')
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is not None and app.get_process_id() == self.proc.pid:
                    return app
            except GLib.GError:
                continue
        return None

    def wait_exit(self, timeout=TIMEOUT):
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            raise TestFailure('steward did not exit')

    def stop(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def cleanup(self):
        self.stop()
        if self.own_data_dir:
            shutil.rmtree(self.data_dir, ignore_errors=True)

    # -- queries ----------------------------------------------------------

    def find(self, role=None, name=None):
        return find(self.app, role, name)

    def find_visible(self, role=None, name=None):
        for node in find_all(self.app, role, name):
            if is_visible(node):
                return node
        return None

    def wait_visible(self, role, name, timeout=TIMEOUT):
        return wait_for(lambda: self.find_visible(role, name),
                        f'{role} “{name}” to show', timeout)

    def wait_gone(self, role, name, timeout=TIMEOUT):
        return wait_for(lambda: self.find_visible(role, name) is None,
                        f'{role} “{name}” to go away', timeout)

    def page_showing(self):
        """The name of the page on screen, as the content stack exposes it."""
        for page in ('Chat', 'Tasks', 'Documents'):
            if self.find_visible('panel', page) is not None:
                return page
        return None

    def wait_page(self, page):
        return wait_for(lambda: self.page_showing() == page, f'the {page} page to show')

    def entry_text(self, node):
        text = node.queryText()
        # GTK 4.8 does not take -1 for "to the end".
        return text.getText(0, text.characterCount)

    # -- actions ----------------------------------------------------------

    def key(self, *keys, window='Steward'):
        key(window, *keys)

    def click(self, role, name):
        node = self.wait_visible(role, name)
        wait_for(lambda: center(node), f'{role} “{name}” to be laid out')
        click(node)
        return node


def save_artifacts(steward, test_name):
    os.makedirs(ARTIFACTS_DIR, exist_ok=True)
    shot = os.path.join(ARTIFACTS_DIR, f'{test_name}.png')
    subprocess.run(['import', '-window', 'root', shot], capture_output=True)
    print(f'# screenshot: {shot}')
    if steward is not None and steward.stderr_path:
        print(f'# steward output: {steward.stderr_path}')
        try:
            with open(steward.stderr_path) as f:
                for line in f.read().splitlines()[-40:]:
                    print(f'#   {line}')
        except OSError:
            pass


# Any critical, and warnings from our own log domains (GTK 4.8 warns that
# X11 has no screen coordinates for accessibility, which is not ours).
BAD_LOG = re.compile(r'-CRITICAL \*\*|\): steward[-\w]*-WARNING \*\*')


def check_stderr(steward):
    """Criticals and warnings from our own code fail the test."""
    for run_index in range(1, steward.runs + 1):
        path = os.path.join(ARTIFACTS_DIR, f'{steward.test_name}-{run_index}.log')
        with open(path) as f:
            bad = [line for line in f if BAD_LOG.search(line)]
        if bad:
            raise TestFailure('steward logged:\n' + ''.join(bad))


def main(test_name, body):
    """Run @body(steward) and exit with the test's status."""
    reset_ui_state()
    steward = Steward(test_name)
    status = 0
    try:
        body(steward)
        steward.stop()
        check_stderr(steward)
        print(f'ok - {test_name}')
    except Exception:
        traceback.print_exc()
        print(f'not ok - {test_name}')
        save_artifacts(steward, test_name)
        status = 1
    finally:
        steward.cleanup()
    sys.exit(status)

#!/usr/bin/env bash
# headless-session.sh CMD [ARGS…]: run CMD in a throwaway desktop session.
#
# A private HOME and XDG directories (so nothing touches the user's own),
# a D-Bus session bus, an Xvfb display, an unlocked gnome-keyring and the
# accessibility toolkit switched on, as the UI suites need (TESTING.md).
# Exits with CMD's status.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail

if [ $# -eq 0 ]; then
  echo "headless-session.sh: give the command to run." >&2
  exit 2
fi

if [ "${STEWARD_HEADLESS_INNER:-}" != 1 ]; then
  session=$(mktemp -d "${TMPDIR:-/tmp}/steward-session-XXXXXX")
  cleanup () {
    # Daemons the session started must not outlive it (nor hold our output open).
    pkill -KILL -f "^gnome-keyring-daemon .*--control-directory=$session" 2>/dev/null || true
    rm -rf "$session"
  }
  trap cleanup EXIT

  export HOME="$session/home"
  export XDG_CONFIG_HOME="$HOME/.config"
  export XDG_DATA_HOME="$HOME/.local/share"
  export XDG_CACHE_HOME="$HOME/.cache"
  export XDG_STATE_HOME="$HOME/.local/state"
  export XDG_RUNTIME_DIR="$session/runtime"
  mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME/keyrings" "$XDG_CACHE_HOME" "$XDG_STATE_HOME"
  mkdir -m 700 -p "$XDG_RUNTIME_DIR"
  export STEWARD_HEADLESS_INNER=1 STEWARD_SESSION_DIR="$session"
  unset DBUS_SESSION_BUS_ADDRESS DISPLAY WAYLAND_DISPLAY GNOME_KEYRING_CONTROL SSH_AUTH_SOCK

  status=0
  dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" "$0" "$@" </dev/null || status=$?
  exit $status
fi

# Inside the session.
eval "$(printf 'steward' | gnome-keyring-daemon --unlock --components=secrets --daemonize \
          --control-directory="$STEWARD_SESSION_DIR/keyring" 2>/dev/null)"
export GNOME_KEYRING_CONTROL
# --daemonize returns before the daemon owns the Secret Service name: a
# keyring call in between would start a second, locked daemon.
gdbus wait --session --timeout 10 org.freedesktop.secrets || true

gsettings set org.gnome.desktop.interface toolkit-accessibility true
unset GSETTINGS_BACKEND

exec "$@"

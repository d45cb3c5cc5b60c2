#!/usr/bin/env bash
# dev.sh: set up, build, run and test Steward on Debian 12.
#
#   build-aux/dev.sh run [ARGS…]   install what the build needs, build, start the app
#   build-aux/dev.sh test          the same set-up, then every test suite headless
#   build-aux/dev.sh test-asan     unit suites of an AddressSanitizer build
#   build-aux/dev.sh cli [ARGS…]   build, then run steward-cli
#   build-aux/dev.sh bench         build, then the benchmarks (they report, never gate)
#   build-aux/dev.sh bundle        a .flatpak bundle (needs flatpak-builder and the GNOME 50 SDK)
#   build-aux/dev.sh deps          only install the Debian packages
#
# Every step is idempotent: packages already there are not reinstalled, an
# existing build directory is reused.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${STEWARD_BUILD_DIR:-$ROOT/_build}
ASAN_BUILD=${STEWARD_ASAN_BUILD_DIR:-$ROOT/_build-asan}
APP_ID=io.github.stewardapp.Steward

BUILD_PACKAGES=(
  meson ninja-build pkg-config gcc
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libsoup-3.0-dev libjson-glib-dev libsecret-1-dev libsqlite3-dev
  libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev libpoppler-glib-dev
  libxml2-dev libmd4c-dev libgtksourceview-5-dev libarchive-dev libepoxy-dev
  gettext itstool desktop-file-utils appstream yelp-tools
)
TEST_PACKAGES=(
  xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools at-spi2-core
  python3 python3-dogtail python3-pyatspi gsettings-desktop-schemas
  dconf-gsettings-backend dconf-cli xdotool imagemagick sqlite3 flatpak-builder
)

say () { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

install_packages () {
  local missing=() pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    sudo=(sudo)
  fi
  say "Installing ${missing[*]}"
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

build () {
  local dir=$1; shift
  if [ ! -f "$dir/build.ninja" ]; then
    say "Configuring $dir"
    meson setup "$dir" "$ROOT" "$@"
  fi
  say "Building $dir"
  meson compile -C "$dir"
}

summary () {
  /usr/bin/python3 "$ROOT/build-aux/test-summary.py" "$@"
}

cmd=${1:-help}
[ $# -gt 0 ] && shift

case "$cmd" in
  deps)
    install_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    ;;

  run)
    install_packages "${BUILD_PACKAGES[@]}"
    build "$BUILD"
    say "Starting Steward"
    exec env GSETTINGS_SCHEMA_DIR="$BUILD/data" "$BUILD/src/app/steward" "$@"
    ;;

  cli)
    install_packages "${BUILD_PACKAGES[@]}"
    build "$BUILD" >&2
    exec "$BUILD/src/cli/steward-cli" "$@"
    ;;

  test)
    install_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    build "$BUILD"
    say "Running every test suite in a headless session"
    status=0
    "$ROOT/build-aux/headless-session.sh" \
      meson test -C "$BUILD" --no-rebuild --print-errorlogs "$@" || status=$?
    summary "$BUILD/meson-logs/testlog.json"
    exit $status
    ;;

  test-asan)
    install_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    build "$ASAN_BUILD" -Db_sanitize=address,undefined -Db_lundef=false -Dui_tests=false
    say "Running the unit suites under AddressSanitizer"
    status=0
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
      meson test -C "$ASAN_BUILD" --no-rebuild --print-errorlogs --suite unit --suite cli "$@" || status=$?
    summary "$ASAN_BUILD/meson-logs/testlog.json"
    exit $status
    ;;

  bench)
    install_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    build "$BUILD"
    "$ROOT/build-aux/headless-session.sh" "$BUILD/bench/bench-startup" "$@"
    ;;

  bundle)
    if ! command -v flatpak-builder >/dev/null; then
      echo "dev.sh: flatpak-builder is not installed (apt-get install flatpak-builder)." >&2
      exit 1
    fi
    if ! flatpak info org.gnome.Sdk//50 >/dev/null 2>&1; then
      echo "dev.sh: the GNOME 50 SDK is not installed: flatpak install flathub org.gnome.Platform//50 org.gnome.Sdk//50" >&2
      exit 1
    fi
    flatpak-builder --force-clean --install-deps-from=flathub --repo="$ROOT/_flatpak/repo" \
      --state-dir="$ROOT/_flatpak/state" \
      "$ROOT/_flatpak/build" "$ROOT/flatpak/$APP_ID.json"
    flatpak build-bundle --runtime-repo=https://flathub.org/repo/flathub.flatpakrepo \
      "$ROOT/_flatpak/repo" "$ROOT/steward.flatpak" "$APP_ID"
    say "Wrote $ROOT/steward.flatpak"
    ;;

  help|-h|--help)
    sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    ;;

  *)
    echo "dev.sh: unknown command “$cmd”. Run “build-aux/dev.sh help” to see the commands." >&2
    exit 2
    ;;
esac

#!/usr/bin/env bash
# dev.sh: set up, build, run and test Steward on Debian 12.
#
#   build-aux/dev.sh run [ARGS…]   install what the build needs, build, start the app
#   build-aux/dev.sh test          the same set-up, then every test suite headless
#   build-aux/dev.sh test-asan     unit suites of an AddressSanitizer build
#   build-aux/dev.sh fuzz [SECONDS]  replay fuzz/regressions, then run each libFuzzer
#                                  harness SECONDS (default 60) in a clang build
#   build-aux/dev.sh fuzz-regress  only replay the crashes kept in fuzz/regressions
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
FUZZ_BUILD=${STEWARD_FUZZ_BUILD_DIR:-$ROOT/_build-fuzz}
APP_ID=io.github.stewardapp.Steward

BUILD_PACKAGES=(
  meson ninja-build pkg-config gcc
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libsoup-3.0-dev libjson-glib-dev libsecret-1-dev libsqlite3-dev
  libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev libpoppler-glib-dev
  libxml2-dev libmd4c-dev libgtksourceview-5-dev libarchive-dev libepoxy-dev
  gettext itstool desktop-file-utils appstream yelp-tools
  # media: images through gdk-pixbuf, text recognition with tesseract and
  # its English data (the 'ocr' feature)
  libgdk-pixbuf-2.0-dev libtesseract-dev tesseract-ocr-eng
  # reading aloud: speech-dispatcher's client library, espeak-ng (with its
  # voices) played through GStreamer's base elements
  libspeechd-dev libespeak-ng-dev espeak-ng-data gstreamer1.0-plugins-base
  # Take a Photo in the Flatpak sandbox: the Camera portal (libportal, the
  # 'portal' feature) and GStreamer's pipewiresrc for the remote it opens
  libportal-dev gstreamer1.0-pipewire
  # offline speech to text (the 'pocketsphinx' feature) and the English
  # model it needs at run time
  libpocketsphinx-dev libsphinxbase-dev pocketsphinx-en-us
)
TEST_PACKAGES=(
  xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools at-spi2-core
  python3 python3-dogtail python3-pyatspi gsettings-desktop-schemas
  dconf-gsettings-backend dconf-cli xdotool imagemagick sqlite3 flatpak-builder
  tzdata
  # the documents issue's readers: Word files, PDFs, the export yardsticks,
  # and a font with CJK glyphs so Unicode tests see real text
  python3-docx poppler-utils libreoffice-writer-nogui pandoc
  fonts-droid-fallback
  # voice: the recording pipeline's elements (level, wavenc, opusenc,
  # audiotestsrc), gst-discoverer, and a spoken test recording
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-tools
  espeak-ng
  # the read-aloud test runs a private speech-dispatcher speaking into
  # libao's null output
  speech-dispatcher speech-dispatcher-espeak-ng
  # attachments: the CLI tests make images and PDFs with gdk-pixbuf and
  # cairo from Python (attached audio is read by the GStreamer plugins
  # above)
  python3-gi gir1.2-gdkpixbuf-2.0 python3-cairo
  # the camera portal test: pipewiresrc, and a private bus (dbus-daemon)
  # for the stand-in portal written with python3-gi
  gstreamer1.0-pipewire
  # offline speech to text: the English model and PocketSphinx's own
  # recorded speech ("go forward ten meters")
  pocketsphinx-en-us pocketsphinx-testdata
  # the search provider's test calls it over D-Bus with gdbus
  libglib2.0-bin
  # the job notification tests focus another X window: xmessage
  x11-utils
  # quick chat's shortcut added to GNOME's own: the settings daemon's
  # schemas, and dconf for the UI test's session
  gnome-settings-daemon-common dconf-gsettings-backend dconf-service
)
# libFuzzer comes with clang's runtime; llvm brings llvm-symbolizer for
# readable stacks.
FUZZ_PACKAGES=(clang libclang-rt-14-dev llvm)

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

# The fuzz build: clang, AddressSanitizer + UBSan, and coverage for the
# fuzzer in everything it compiles. Only the harnesses and what they link
# are built (the GTK app is not needed here). Reconfiguring each time lets
# meson see a new file in fuzz/regressions. Warnings do not stop it: clang
# warns where gcc, which builds with -Werror everywhere else, does not
# (-Wcast-align on x86, unused g_autofree variables).
FUZZ_OPTIONS=(
  -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false
  -Dui_tests=false -Dc_args=-fsanitize=fuzzer-no-link -Dwerror=false
)
fuzz_build () {
  install_packages "${BUILD_PACKAGES[@]}" "${FUZZ_PACKAGES[@]}"
  if [ ! -f "$FUZZ_BUILD/build.ninja" ]; then
    say "Configuring $FUZZ_BUILD"
    CC=clang meson setup "$FUZZ_BUILD" "$ROOT" "${FUZZ_OPTIONS[@]}"
  else
    meson setup --reconfigure "$FUZZ_BUILD" "$ROOT" "${FUZZ_OPTIONS[@]}" >/dev/null
  fi
  say "Building the fuzz harnesses in $FUZZ_BUILD"
  meson compile -C "$FUZZ_BUILD" fuzz-harnesses
}

# Leak checking stays on: GLib's one-time allocations (types, quarks) are
# still reachable when LeakSanitizer looks, so only real leaks show.
fuzz_env () {
  env -u G_DEBUG \
    ASAN_OPTIONS=detect_leaks=1 \
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    LC_ALL=C.UTF-8 \
    "$@"
}

# Replays fuzz/regressions (suite "fuzz"); writes the count line to $1.
fuzz_regress () {
  local count=$1 status=0
  if ! compgen -G "$ROOT/fuzz/regressions/*/*" >/dev/null; then
    say "No crashes kept in fuzz/regressions to replay"
    echo "0 passed, 0 failed" > "$count"
    return 0
  fi
  say "Replaying the crashes kept in fuzz/regressions"
  rm -f "$FUZZ_BUILD/meson-logs/testlog.json"
  meson test -C "$FUZZ_BUILD" --no-rebuild --print-errorlogs --suite fuzz || status=$?
  summary "$FUZZ_BUILD/meson-logs/testlog.json" > "$count"
  return $status
}

# Runs one harness for $4 seconds; leaves one line in $FUZZ_OUT/NAME.result,
# starting with "passed" or "failed".
fuzz_one () {
  local name=$1 dict=$2 max_len=$3 seconds=$4
  local log="$FUZZ_OUT/logs/$name.log" artifacts="$FUZZ_OUT/artifacts/$name/"
  local status=0 stats crash input

  mkdir -p "$FUZZ_OUT/corpus/$name" "$artifacts"
  fuzz_env "$FUZZ_BUILD/fuzz/fuzz-$name" \
    -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len="$max_len" \
    -dict="$ROOT/fuzz/$dict" -artifact_prefix="$artifacts" -print_final_stats=1 \
    "$FUZZ_OUT/corpus/$name" "$FUZZ_OUT/seeds/$name" > "$log" 2>&1 || status=$?

  stats=$(grep -E '^#[0-9]+' "$log" | tail -n 1 | sed -E 's/^#([0-9]+)[[:space:]]+[A-Z]+[[:space:]]+/\1 runs, /; s/ (lim|exec\/s|rss|L|MS):.*//') || true
  if [ $status -eq 0 ]; then
    echo "passed  fuzz-$name: ${stats:-no runs}" > "$FUZZ_OUT/$name.result"
  else
    crash=$(grep -m1 -E '^==fuzz==|^SUMMARY: |ERROR: libFuzzer|ERROR: AddressSanitizer|runtime error' "$log" || echo "exit status $status")
    input=$(sed -n 's/.*Test unit written to //p' "$log" | tail -n 1)
    echo "failed  fuzz-$name: $crash; input ${input:-none}, log $log" > "$FUZZ_OUT/$name.result"
  fi
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

  fuzz)
    seconds=${1:-60}
    if ! [[ $seconds =~ ^[1-9][0-9]*$ ]]; then
      echo "dev.sh: fuzz takes a number of seconds per harness, not “$seconds”." >&2
      exit 2
    fi
    FUZZ_OUT="$FUZZ_BUILD/fuzz"
    # As many harnesses at a time as there are processors
    jobs=${STEWARD_FUZZ_JOBS:-$(nproc)}
    fuzz_build
    status=0
    fuzz_regress "$FUZZ_OUT/regress.count" || status=1
    /usr/bin/python3 "$ROOT/fuzz/harnesses.py" --seeds "$ROOT" "$FUZZ_OUT/seeds"
    rm -f "$FUZZ_OUT"/*.result
    mkdir -p "$FUZZ_OUT/logs"
    mapfile -t harnesses < <(/usr/bin/python3 "$ROOT/fuzz/harnesses.py" --list)
    say "Fuzzing ${#harnesses[@]} harnesses for $seconds s each, $jobs at a time"
    for line in "${harnesses[@]}"; do
      read -r name dict max_len <<< "$line"
      while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do
        wait -n || true
      done
      fuzz_one "$name" "$dict" "$max_len" "$seconds" &
    done
    wait
    passed=0 failed=0
    for line in "${harnesses[@]}"; do
      read -r name _ <<< "$line"
      result=$(cat "$FUZZ_OUT/$name.result" 2>/dev/null || echo "failed  fuzz-$name: it did not run")
      echo "$result"
      case $result in
        passed*) passed=$((passed + 1)) ;;
        *) failed=$((failed + 1)); status=1 ;;
      esac
    done
    echo "$passed passed, $failed failed" > "$FUZZ_OUT/fuzz.count"
    echo
    summary --total "$FUZZ_OUT/regress.count" "$FUZZ_OUT/fuzz.count"
    exit $status
    ;;

  fuzz-regress)
    fuzz_build
    status=0
    fuzz_regress "$FUZZ_BUILD/fuzz/regress.count" || status=$?
    cat "$FUZZ_BUILD/fuzz/regress.count"
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
    sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    ;;

  *)
    echo "dev.sh: unknown command “$cmd”. Run “build-aux/dev.sh help” to see the commands." >&2
    exit 2
    ;;
esac

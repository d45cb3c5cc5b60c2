#!/usr/bin/python3
# check-manifest.py MANIFEST [FLATPAK_BUILDER]: the Flatpak manifest cannot be
# built here (the GNOME 50 runtime is out of reach), so check what can be
# checked offline: its shape, and that flatpak-builder itself reads it.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import subprocess
import sys
import tempfile

APP_ID = 'io.github.stewardapp.Steward'
COMMAND = 'steward'
RUNTIME = 'org.gnome.Platform'
SDK = 'org.gnome.Sdk'
RUNTIME_VERSION = '50'
FINISH_ARGS = {
    '--share=network',
    '--share=ipc',
    '--socket=wayland',
    '--socket=fallback-x11',
    '--device=dri',
    '--socket=pulseaudio',
}

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def module_name(module):
    return module.get('name') if isinstance(module, dict) else module


def check_source(module, source):
    name = module_name(module)
    kind = source.get('type')
    if kind == 'git':
        check(source.get('url', '').startswith('https://'),
              f'module {name}: a git source needs an https URL')
        check('tag' in source or 'commit' in source,
              f'module {name}: a git source needs a tag or a commit')
    elif kind in ('archive', 'file') and 'url' in source:
        check(source['url'].startswith('https://'),
              f'module {name}: {source["url"]} is not an https URL')
        check(len(source.get('sha256', '')) == 64,
              f'module {name}: {source["url"]} has no sha256')


def check_shape(manifest, path):
    app_id = manifest.get('id', manifest.get('app-id'))
    check(app_id == APP_ID, f'the app id is {app_id!r}, not {APP_ID!r}')
    check(manifest.get('command') == COMMAND,
          f'the command is {manifest.get("command")!r}, not {COMMAND!r}')
    check(manifest.get('runtime') == RUNTIME,
          f'the runtime is {manifest.get("runtime")!r}, not {RUNTIME!r}')
    check(manifest.get('sdk') == SDK,
          f'the SDK is {manifest.get("sdk")!r}, not {SDK!r}')
    check(str(manifest.get('runtime-version')) == RUNTIME_VERSION,
          f'the runtime version is {manifest.get("runtime-version")!r}, '
          f'not {RUNTIME_VERSION!r}')

    finish_args = set(manifest.get('finish-args', []))
    check(finish_args == FINISH_ARGS,
          'finish-args differ from the minimal set: '
          f'extra {sorted(finish_args - FINISH_ARGS)}, '
          f'missing {sorted(FINISH_ARGS - finish_args)}')
    check('/include' in manifest.get('cleanup', []),
          'the cleanup list does not remove /include')

    modules = manifest.get('modules', [])
    check(len(modules) > 0, 'the manifest has no modules')
    if not modules:
        return

    names = [module_name(m) for m in modules]
    check(len(set(names)) == len(names), f'module names repeat: {names}')
    for dependency in ('md4c', 'poppler-data', 'poppler'):
        check(dependency in names, f'no {dependency} module')
    if 'poppler-data' in names and 'poppler' in names:
        check(names.index('poppler-data') < names.index('poppler'),
              'poppler-data must be built before poppler')

    for module in modules:
        check(isinstance(module, dict),
              f'module {module!r} should be written inline')
        if isinstance(module, dict):
            for source in module.get('sources', []):
                check_source(module, source)

    steward = modules[-1]
    if not isinstance(steward, dict):
        return
    check(steward.get('name') == 'steward',
          f'the last module is {steward.get("name")!r}, not steward')
    check(steward.get('buildsystem') == 'meson',
          'the steward module is not built with meson')
    check(steward.get('run-tests') is True,
          'the steward module does not run its tests')
    opts = steward.get('config-opts', [])
    for opt in ('-Dpin_api=false', '-Dwerror=false', '-Dui_tests=false'):
        check(opt in opts, f'the steward module lacks {opt}')
    sources = steward.get('sources', [])
    check(any(s.get('type') == 'dir' and s.get('path') == '..'
              for s in sources),
          'the steward module is not built from {"type": "dir", "path": ".."}')
    for source in sources:
        if source.get('type') == 'dir':
            root = os.path.join(os.path.dirname(path), source.get('path', ''))
            check(os.path.isfile(os.path.join(root, 'meson.build')),
                  f'the dir source {source.get("path")!r} is not the project root')


def check_with_flatpak_builder(flatpak_builder, path):
    # --show-manifest only parses; run it in a scratch directory because
    # flatpak-builder creates its .flatpak-builder state dir in the cwd.
    with tempfile.TemporaryDirectory(prefix='steward-manifest-') as scratch:
        result = subprocess.run([flatpak_builder, '--show-manifest', path],
                                cwd=scratch, capture_output=True, text=True,
                                timeout=60)
    if result.returncode != 0:
        failures.append(f'flatpak-builder --show-manifest failed '
                        f'({result.returncode}): {result.stderr.strip()}')
        return
    try:
        shown = json.loads(result.stdout)
    except json.JSONDecodeError as e:
        failures.append(f'flatpak-builder printed no JSON: {e}')
        return
    shown_id = shown.get('id', shown.get('app-id'))
    check(shown_id == APP_ID,
          f'flatpak-builder reads the app id as {shown_id!r}')
    check(shown.get('command') == COMMAND,
          f'flatpak-builder reads the command as {shown.get("command")!r}')
    check(len(shown.get('modules', [])) > 0,
          'flatpak-builder reads no modules')


def main():
    if len(sys.argv) not in (2, 3):
        print('usage: check-manifest.py MANIFEST [FLATPAK_BUILDER]',
              file=sys.stderr)
        return 2
    path = os.path.abspath(sys.argv[1])

    try:
        with open(path, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, json.JSONDecodeError) as e:
        print(f'{path}: {e}', file=sys.stderr)
        return 1

    check_shape(manifest, path)
    if len(sys.argv) == 3:
        check_with_flatpak_builder(sys.argv[2], path)
    else:
        print('flatpak-builder not found: only the JSON was checked')

    for failure in failures:
        print(f'{path}: {failure}', file=sys.stderr)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())

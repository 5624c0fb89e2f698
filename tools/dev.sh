#!/usr/bin/env bash
# Set up everything Rakor Desktop needs on a Debian machine, then run it.
#
#   bash tools/dev.sh run [APP ARGS...]   set up, then start the app
#   bash tools/dev.sh test                set up, then ruff + mypy (core) + the whole test suite,
#                                         then build the bundle and run its self-test
#                                         (RAKOR_SKIP_BUNDLE=1 skips that for quick local runs),
#                                         then the Windows installer under Wine
#                                         (packaging/windows/check_installer.py;
#                                         RAKOR_SKIP_INSTALLER=1 skips only that)
#   bash tools/dev.sh bundle [ARGS...]    set up, then build the standalone app in dist/
#                                         (packaging/build_bundle.py ARGS, e.g. --self-test)
#
# It installs the few Debian libraries Qt needs (for `test`, also Debian's chromium and
# chromium-driver of the browser tests) when they are missing (apt-get,
# through sudo when not root), creates .venv with Python >= 3.11 and installs the
# project into it from pyproject.toml. A second run skips what is already there.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
VENV="$ROOT/.venv"

QT_LIBS=(libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0)
# Qt's xcb platform plugin (a real X display) needs these as well.
XCB_LIBS=(libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
          libxcb-render-util0 libxcb-image0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1)

# The browser tests (tests/web): Debian's Chromium and its WebDriver, driven by selenium.
BROWSER_TEST=(chromium chromium-driver)

# Building the bundle: binutils (PyInstaller's strip and objdump, the assembler and linker
# of the smaller ICU data); the X11 libraries above, so that the bundle carries them.
BUNDLE_TOOLS=(binutils)

say() { printf '==> %s\n' "$*" >&2; }

apt_install() {
    command -v dpkg-query >/dev/null 2>&1 || return 0   # not Debian: nothing to do
    local missing=() pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' \
            || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    say "installing Debian packages: ${missing[*]}"
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
}

find_python() {
    local cand
    for cand in python3.11 python3.12 python3.13 python3; do
        if command -v "$cand" >/dev/null 2>&1 \
           && "$cand" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            echo "$cand"; return 0
        fi
    done
    echo "Rakor Desktop needs Python 3.11 or newer (apt-get install python3)." >&2
    exit 1
}

setup_venv() {
    local py stamp want
    py=$(find_python)
    if [ ! -x "$VENV/bin/python" ]; then
        if ! "$py" -c 'import ensurepip, venv' 2>/dev/null; then
            apt_install python3-venv
        fi
        say "creating $VENV"
        "$py" -m venv "$VENV"
    fi
    local hash have target
    hash=$(sha256sum pyproject.toml | cut -d' ' -f1)
    want=$hash-$1
    stamp="$VENV/.rakor-installed"
    have=$(cat "$stamp" 2>/dev/null || true)
    # dev includes test, which includes the app: `run` after `test` installs nothing again
    case "$1:$have" in
        app:"$hash"-test|app:"$hash"-dev|test:"$hash"-dev) want=$have ;;
    esac
    if [ "$have" != "$want" ]; then
        say "installing Python packages into .venv"
        "$VENV/bin/python" -m pip install -q --upgrade pip
        target="."
        [ "$1" != app ] && target=".[$1]"
        # an editable install of a flat layout warns about folders named like the package:
        # that is the point here (the source is used in place)
        PYTHONWARNINGS="ignore:Editable installation" \
            "$VENV/bin/python" -m pip install -q -e "$target"
        echo "$want" > "$stamp"
    fi
}

cmd=${1:-}
shift || true
case "$cmd" in
    run)
        apt_install "${QT_LIBS[@]}" "${XCB_LIBS[@]}"
        setup_venv app
        exec "$VENV/bin/rakor-desktop" "$@"
        ;;
    bundle)
        apt_install "${QT_LIBS[@]}" "${XCB_LIBS[@]}" "${BUNDLE_TOOLS[@]}"
        setup_venv dev
        exec "$VENV/bin/python" packaging/build_bundle.py "$@"
        ;;
    test)
        if [ "${RAKOR_SKIP_BUNDLE:-0}" = 1 ]; then
            apt_install "${QT_LIBS[@]}" "${BROWSER_TEST[@]}"
        else
            apt_install "${QT_LIBS[@]}" "${BROWSER_TEST[@]}" "${XCB_LIBS[@]}" "${BUNDLE_TOOLS[@]}"
        fi
        setup_venv dev
        export QT_QPA_PLATFORM=offscreen
        say "ruff"
        "$VENV/bin/ruff" check rakor_desktop ui tests benchmarks tools packaging
        say "mypy (core and ui, strict)"
        "$VENV/bin/mypy" rakor_desktop ui
        say "pytest"
        "$VENV/bin/python" -m pytest "$@"
        if [ "${RAKOR_SKIP_BUNDLE:-0}" = 1 ]; then
            say "bundle skipped (RAKOR_SKIP_BUNDLE=1)"
        else
            say "bundle and frozen self-test"
            "$VENV/bin/python" packaging/build_bundle.py --self-test
        fi
        if [ "${RAKOR_SKIP_BUNDLE:-0}" = 1 ] || [ "${RAKOR_SKIP_INSTALLER:-0}" = 1 ]; then
            say "Windows installer check skipped (RAKOR_SKIP_BUNDLE=1 or RAKOR_SKIP_INSTALLER=1)"
        else
            # installs wine + wine32:i386 + xvfb (apt) and ISCC.exe (npm ci) when missing
            say "Windows installer: compiled with Wine, installed, uninstalled"
            "$VENV/bin/python" packaging/windows/check_installer.py
        fi
        ;;
    *)
        echo "usage: bash tools/dev.sh run [ARGS...] | test [PYTEST ARGS...] | bundle [ARGS...]" >&2
        exit 2
        ;;
esac

#!/usr/bin/env bash
# Shared set-up for ./run.sh and ./test.sh: system packages where missing, then the virtual
# environment with the project installed in it. Safe to run again: it only does what is missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${PORTFOLIO_VENV:-$ROOT/.venv}"

# Libraries Qt's xcb and offscreen platforms load at run time on a minimal Debian/Ubuntu.
QT_PACKAGES=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-render-util0 libxcb-image0
  libxcb-randr0 libxcb-xfixes0 libxcb-xkb1 libx11-xcb1 fonts-dejavu-core)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

apt_install() {
  # Installs the Debian packages of "$@" that dpkg does not know as installed.
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    say "Please install these system packages with your package manager: ${missing[*]}"
    return 0
  fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      say "Not root and no sudo: please install ${missing[*]}"; return 0; fi
  fi
  say "Installing system packages: ${missing[*]}"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

find_python() {
  # The first Python >= 3.11 on the PATH.
  for candidate in "${PYTHON:-}" python3.13 python3.12 python3.11 python3; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}

ensure_venv() {
  # ensure_venv EXTRAS: creates the venv if needed and installs the project (editable) with EXTRAS.
  local extras="$1"
  local python
  if ! python="$(find_python)"; then
    apt_install python3 python3-venv python3-pip
    python="$(find_python)" || { echo "Python >= 3.11 is required" >&2; exit 1; }
  fi
  if ! "$python" -c 'import venv, ensurepip' 2>/dev/null; then
    apt_install python3-venv
  fi
  if [ ! -x "$VENV/bin/python" ]; then
    say "Creating the virtual environment in $VENV"
    "$python" -m venv "$VENV"
  fi
  say "Installing portfolio-desktop and its libraries"
  "$VENV/bin/python" -m pip install -q --upgrade pip >/dev/null
  # The build hook compiles the translations with pyside6-lrelease, so PySide6 comes first.
  "$VENV/bin/python" -m pip install -q hatchling editables "PySide6-Essentials>=6.9,<6.12"
  "$VENV/bin/python" -m pip install -q --no-build-isolation -e "$ROOT[$extras]"
}

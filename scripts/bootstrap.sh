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

# The locks of dpkg and apt (another apt-get, unattended upgrades on a fresh Ubuntu, a software
# centre): while one is held, installing waits for it instead of giving up.
APT_LOCKS=(${APT_LOCKS:-/var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/lib/apt/lists/lock /var/cache/apt/archives/lock})
APT_LOCK_WAIT="${APT_LOCK_WAIT:-1800}" # seconds

apt_lock_held() {
  # Succeeds when another process holds one of APT_LOCKS (dpkg's are fcntl locks: lockf sees them).
  "$@" python3 - "${APT_LOCKS[@]}" <<'PY' 2>/dev/null
import fcntl, sys
for name in sys.argv[1:]:
    try:
        with open(name, "a") as lock:
            fcntl.lockf(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except FileNotFoundError:
        continue
    except OSError:
        sys.exit(0)
sys.exit(1)
PY
}

apt_get() {
  # apt-get "$@" (with sudo when not root), waiting for the dpkg/apt locks up to APT_LOCK_WAIT.
  local waited=0 said=""
  while :; do
    if $APT_SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=60 "$@"; then
      return 0
    fi
    if ! apt_lock_held $APT_SUDO || [ "$waited" -ge "$APT_LOCK_WAIT" ]; then
      return 1
    fi
    [ -n "$said" ] || { say "Another package manager is running: waiting for it to finish"; said=1; }
    sleep 5
    waited=$((waited + 5))
  done
}

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
  APT_SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then APT_SUDO="sudo"; else
      say "Not root and no sudo: please install ${missing[*]}"; return 0; fi
  fi
  say "Installing system packages: ${missing[*]}"
  apt_get update -qq
  apt_get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
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

stamp_of() {
  # What an installation with extras $1 was made from: the extras and pyproject.toml's hash.
  printf '%s %s\n' "$1" "$(sha256sum "$ROOT/pyproject.toml" | cut -d' ' -f1)"
}

#: Extras whose libraries another extra's installation brings too (dev lists team's).
declare -A EXTRAS_INCLUDED=([dev]="dev team")

ensure_venv() {
  # ensure_venv EXTRAS: creates the venv if needed and installs the project (editable) with EXTRAS,
  # only when the environment is missing or pyproject.toml changed since it was installed (a stamp
  # in the venv says so): a second launch needs no package index, and works offline.
  local extras="$1"
  local stamp="$VENV/.portfolio-desktop-installed"
  if [ -x "$VENV/bin/python" ] && [ -f "$stamp" ] && grep -qxF "$(stamp_of "$extras")" "$stamp"; then
    compile_translations_if_stale
    return 0
  fi
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
  # The stamp keeps the lines of this pyproject.toml (another extra's) and adds this install's.
  local hash kept="" done_extras
  hash="$(stamp_of x | cut -d' ' -f2)"
  [ -f "$stamp" ] && kept="$(grep -F " $hash" "$stamp" || true)"
  {
    [ -n "$kept" ] && printf '%s\n' "$kept"
    for done_extras in ${EXTRAS_INCLUDED[$extras]:-$extras}; do stamp_of "$done_extras"; done
  } >"$stamp.new"
  mv "$stamp.new" "$stamp"
}

compile_translations_if_stale() {
  # The compiled translations (.qm, made by the install) follow .ts files changed since (a pull).
  local ts qm
  for ts in "$ROOT"/resources/translations/*.ts; do
    qm="${ts%.ts}.qm"
    if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
      "$VENV/bin/python" "$ROOT/scripts/translations.py" compile >/dev/null
      return
    fi
  done
}

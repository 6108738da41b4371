#!/usr/bin/env bash
# Builds the desktop application as one folder with PyInstaller, for the OS it runs on.
#
#   packaging/build.sh [--archive] [--no-check]
#
# The bundle lands in dist/portfolio-desktop/ (run dist/portfolio-desktop/portfolio-desktop);
# PyInstaller's work files go to build/pyinstaller/. PORTFOLIO_DIST and PORTFOLIO_BUILD move them
# (the packaging test builds into a temporary folder). On Linux the bundle also gets the .desktop
# entry, the AppStream metadata, the icon theme and install.sh (see the README); --archive then
# packs it as dist/portfolio-desktop-VERSION-linux-ARCH.tar.gz. The bundle is checked at the end
# with --version and --self-test (offscreen) unless --no-check (the packaging test checks it itself).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${PORTFOLIO_VENV:-$ROOT/.venv}"
PYTHON="$VENV/bin/python"
[ -x "$PYTHON" ] || PYTHON="$(command -v python3)"
DIST="${PORTFOLIO_DIST:-$ROOT/dist}"
WORK="${PORTFOLIO_BUILD:-$ROOT/build/pyinstaller}"
ARCHIVE=0
CHECK=1
for arg in "$@"; do
  case "$arg" in
    --archive) ARCHIVE=1 ;;
    --no-check) CHECK=0 ;;
    *) echo "usage: packaging/build.sh [--archive] [--no-check]" >&2; exit 2 ;;
  esac
done
say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

if ! "$PYTHON" -c "import PyInstaller" 2>/dev/null; then
  say "Installing PyInstaller (the project's 'package' extra)"
  "$PYTHON" -m pip install -q "pyinstaller>=6.5"
fi

export PORTFOLIO_ICONS_DIR="$WORK/icons"
say "Icons from resources/icons/portfolio-desktop.svg"
QT_QPA_PLATFORM=offscreen "$PYTHON" "$ROOT/packaging/icons.py" "$PORTFOLIO_ICONS_DIR" >/dev/null

say "PyInstaller (about two minutes)"
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$DIST" --workpath "$WORK" "$ROOT/packaging/portfolio-desktop.spec"

BUNDLE="$DIST/portfolio-desktop"
case "$(uname -s)" in
  Linux)
    share="$BUNDLE/share"
    mkdir -p "$share/applications" "$share/metainfo" "$share/icons"
    cp "$ROOT/packaging/fr.poles.PortfolioDesktop.desktop" "$share/applications/"
    cp "$ROOT/packaging/fr.poles.PortfolioDesktop.metainfo.xml" "$share/metainfo/"
    rm -rf "$share/icons/hicolor"
    cp -r "$PORTFOLIO_ICONS_DIR/hicolor" "$share/icons/"
    install -m 755 "$ROOT/packaging/install-linux.sh" "$BUNDLE/install.sh"
    EXE="$BUNDLE/portfolio-desktop"
    ;;
  Darwin) EXE="$DIST/portfolio-desktop.app/Contents/MacOS/portfolio-desktop" ;;
  *) EXE="$BUNDLE/portfolio-desktop.exe" ;;
esac

if [ "$CHECK" = 1 ]; then
  say "Checking the bundle"
  "$EXE" --version
  home="$(mktemp -d)"
  QT_QPA_PLATFORM=offscreen PORTFOLIO_DESKTOP_HOME="$home" "$EXE" --self-test
  rm -rf "$home"
fi

if [ "$ARCHIVE" = 1 ] && [ "$(uname -s)" = Linux ]; then
  version="$("$EXE" --version | awk '{print $2}')"
  tarball="$DIST/portfolio-desktop-$version-linux-$(uname -m).tar.gz"
  tar -C "$DIST" -czf "$tarball" portfolio-desktop
  say "Archive: $tarball ($(du -h "$tarball" | cut -f1))"
fi
say "Bundle: $BUNDLE ($(du -sh "$BUNDLE" | cut -f1))"

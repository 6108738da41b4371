#!/usr/bin/env bash
# Installs this portfolio-desktop bundle for the current user (or, with --system, for everyone):
# the folder is copied to ~/.local/opt/portfolio-desktop (/opt/portfolio-desktop), the command is
# linked into ~/.local/bin (/usr/local/bin), and the menu entry, icons and AppStream metadata go to
# ~/.local/share (/usr/local/share). --uninstall removes all of it.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
APP_ID="fr.poles.PortfolioDesktop"
PREFIX_OPT="$HOME/.local/opt"
PREFIX_BIN="$HOME/.local/bin"
PREFIX_SHARE="${XDG_DATA_HOME:-$HOME/.local/share}"
ACTION=install
for arg in "$@"; do
  case "$arg" in
    --system) PREFIX_OPT=/opt; PREFIX_BIN=/usr/local/bin; PREFIX_SHARE=/usr/local/share ;;
    --uninstall) ACTION=uninstall ;;
    *) echo "usage: ./install.sh [--system] [--uninstall]" >&2; exit 2 ;;
  esac
done
TARGET="$PREFIX_OPT/portfolio-desktop"

remove() {
  rm -f "$PREFIX_BIN/portfolio-desktop" "$PREFIX_SHARE/applications/$APP_ID.desktop" \
    "$PREFIX_SHARE/metainfo/$APP_ID.metainfo.xml"
  find "$PREFIX_SHARE/icons/hicolor" -name "$APP_ID.*" -delete 2>/dev/null || true
  # Reinstalling from the installed copy keeps it; uninstalling removes it (bash holds this script
  # open, so removing its folder is safe).
  if [ "$TARGET" != "$HERE" ] || [ "$ACTION" = uninstall ]; then rm -rf "$TARGET"; fi
}

refresh() {
  command -v update-desktop-database >/dev/null && update-desktop-database -q "$PREFIX_SHARE/applications" || true
  command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$PREFIX_SHARE/icons/hicolor" || true
}

if [ "$ACTION" = uninstall ]; then
  remove
  refresh
  echo "portfolio-desktop removed (your portfolios and settings are left where they are)."
  exit 0
fi

remove
mkdir -p "$PREFIX_OPT" "$PREFIX_BIN" "$PREFIX_SHARE/applications" "$PREFIX_SHARE/metainfo" \
  "$PREFIX_SHARE/icons"
if [ "$TARGET" != "$HERE" ]; then cp -a "$HERE" "$TARGET"; fi
ln -sf "$TARGET/portfolio-desktop" "$PREFIX_BIN/portfolio-desktop"
sed "s|^Exec=portfolio-desktop|Exec=$TARGET/portfolio-desktop|" \
  "$HERE/share/applications/$APP_ID.desktop" >"$PREFIX_SHARE/applications/$APP_ID.desktop"
cp "$HERE/share/metainfo/$APP_ID.metainfo.xml" "$PREFIX_SHARE/metainfo/"
cp -r "$HERE/share/icons/hicolor" "$PREFIX_SHARE/icons/"
refresh
echo "portfolio-desktop installed in $TARGET; it is in the applications menu, and on the PATH as"
echo "portfolio-desktop (if $PREFIX_BIN is on your PATH)."

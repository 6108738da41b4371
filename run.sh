#!/usr/bin/env bash
# Installs what is missing (system libraries for Qt, the virtual environment) and launches the
# desktop application. Arguments are passed on: ./run.sh --db ~/portefeuille.sqlite
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/scripts/bootstrap.sh"
apt_install "${QT_PACKAGES[@]}"
ensure_venv team
exec "$VENV/bin/portfolio-desktop" "$@"

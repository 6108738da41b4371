#!/usr/bin/env bash
# Installs what the tests need (Qt libraries, Xvfb, LibreOffice, PostgreSQL, poppler, the virtual
# environment) and runs the whole suite: ruff, mypy, then pytest. Extra arguments go to pytest;
# `--fast` is the quick tier of the edit–test loop (tests/conftest.py says what it leaves out).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/scripts/bootstrap.sh"
# PostgreSQL: the storage and service tests also run on a throw-away server (tests/pg_cluster.py),
# whose TLS certificates openssl makes. The fast tier runs neither them nor LibreOffice nor the PDF
# reports: it needs only Qt's libraries.
fast=""
for argument in "$@"; do [ "$argument" = "--fast" ] && fast=1; done
if [ -n "$fast" ]; then
  apt_install "${QT_PACKAGES[@]}"
else
  apt_install "${QT_PACKAGES[@]}" xvfb xauth poppler-utils libreoffice-calc-nogui postgresql openssl
fi
ensure_venv dev
cd "$ROOT"
export QT_QPA_PLATFORM=offscreen
say "ruff"
"$VENV/bin/ruff" check src tests benchmarks
"$VENV/bin/ruff" format --check src tests benchmarks
say "mypy (strict, the whole package)"
"$VENV/bin/mypy"
say "pytest"
"$VENV/bin/pytest" "$@"

#!/usr/bin/env bash
# Install everything the tests need, then run lint, types and the whole test suite.
# This is the README's test command, and exactly what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

# System tools: Debian's Chromium for the browser tests, poppler for the PDF tests, epubcheck for the EPUB tests.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
[ -f /usr/share/java/epubcheck.jar ] || missing+=(epubcheck)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" fonts-dejavu-core >/dev/null
  else
    echo "tests/run.sh: please install: ${missing[*]} (e.g. sudo apt-get install ${missing[*]})" >&2
    exit 2
  fi
fi

# Python: a virtual environment of the project's own, with the test extras.
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test]'

# npm tools (axe-core for the accessibility tests), from the lock file.
if [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

.venv/bin/ruff check generator tests bench
.venv/bin/ruff format --check generator tests bench
.venv/bin/mypy
# One worker per core (pytest-xdist); a test file stays on one worker, so its session fixtures are built once there.
.venv/bin/python -m pytest -n auto --dist loadfile "$@"

#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
EXEMPLAR_WITH_BROWSER=1 scripts/setup.sh
swift build --build-tests
swift test --skip-build --disable-xctest
# The tuning page in a real browser: Playwright for Python (PyPI) in a venv, driving Debian's
# chromium through executable_path (no browser download: `playwright install` is never run).
python3 -m venv .build/venv-browser
.build/venv-browser/bin/pip install --quiet --disable-pip-version-check playwright==1.65.3 pandas pyarrow polars
.build/venv-browser/bin/python Tests/Browser/tune_test.py .build/debug/exemplar
# The columnar layout read with pandas, as docs/outputs.md shows it.
.build/venv-browser/bin/python Tests/Scripts/columnar_pandas_test.py .build/debug/exemplar
# The Arrow layout read by pyarrow, pandas and polars (three independent Arrow readers).
.build/venv-browser/bin/python Tests/Scripts/arrow_layout_test.py .build/debug/exemplar
# Faults through the CLI: a full disk, kill -9 during a run, a file truncated while read,
# hostile criteria files (docs/cli.md).
scripts/fault-tests.sh .build/debug/exemplar 100000

# Sourced by the benchmark scripts.
# build_or_die CMD…: runs a build; a failure stops the benchmark (a stale binary must never
# be measured), warnings are shown.
build_or_die() {
  local out
  if ! out=$("$@" 2>&1); then
    echo "$out" >&2
    echo "build failed: $*" >&2
    exit 1
  fi
  echo "$out" | grep -E "warning:" || true
}

# release_and_peers: builds the release binary (BIN) and makes the venv of the pandas and
# polars peers (PY), for the whole-process benchmarks.
release_and_peers() {
  build_or_die swift build -c release --product exemplar
  BIN="$(swift build -c release --show-bin-path)/exemplar"
  PY=Benchmarks/.venv/bin/python
  if [ ! -x "$PY" ] || ! "$PY" -c "import pandas, polars" 2>/dev/null; then
    python3 -m venv Benchmarks/.venv
    Benchmarks/.venv/bin/pip install --quiet pandas polars numpy
  fi
}

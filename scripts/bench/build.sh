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

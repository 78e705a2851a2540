#!/usr/bin/env bash
# From a fresh Debian 12 (as root) to a built gol and a first program:
# installs the missing Debian packages, builds the release preset, then
# checks samples/hello.gol with `gol build` and runs it with `gol run`,
# comparing its output with Go's (samples/hello.out).
set -euo pipefail
cd "$(dirname "$0")/.."

jobs=${GOL_JOBS:-$(nproc)}
./tools/setup.sh
cmake --preset release
cmake --build --preset release -j "$jobs"

gol=build/release/gol
echo
echo "\$ $gol version"
"$gol" version
echo
echo "\$ $gol build samples/hello.gol"
if ! "$gol" build samples/hello.gol; then
  echo "quickstart: gol build rejected samples/hello.gol (a bug: it is valid Go)" >&2
  exit 1
fi
echo "(no output: the program type-checks and compiles)"
echo
echo "\$ $gol run samples/hello.gol"
out=$("$gol" run samples/hello.gol)
printf '%s\n' "$out"
if [[ "$out" != "$(cat samples/hello.out)" ]]; then
  echo "quickstart: gol run printed something other than what Go prints (samples/hello.out)" >&2
  exit 1
fi
echo "(the same bytes as go run: samples/hello.out)"
echo
echo "gol is built: $gol (try '$gol help'). Run the tests with ./tools/test.sh."

#!/usr/bin/env bash
# From a fresh Debian 12 (as root) to a built gol and a first program:
# installs the missing Debian packages, builds the release preset, then
# checks samples/hello.gol with `gol build` and tries `gol run` on it.
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
status=0
"$gol" run samples/hello.gol || status=$?
if ((status != 0)); then
  echo
  echo "Running programs comes with the bytecode interpreter, which is not built yet."
  echo "For now gol checks and compiles programs; Go prints this for samples/hello.gol,"
  echo "and so will 'gol run':"
  sed 's/^/    /' samples/hello.out
fi
echo
echo "gol is built: $gol (try '$gol help'). Run the tests with ./tools/test.sh."

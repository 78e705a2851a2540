#!/bin/sh
# Checks gol's exact constant arithmetic (lang/constant.cpp) against Go:
# tests/constant_go/gen.go prints random cases with go/constant's and
# math/big's answers (float64/float32 rounding, String, big integer
# operations), and driver.cpp compares gol's results.
#
# Usage: tools/check_constants_vs_go.sh [BUILD_DIR]   (default build/debug)
# Skips (exit 0) with a message when go is not installed.
set -eu
if ! command -v go >/dev/null 2>&1; then
  echo "check_constants_vs_go: go not found; skipping"
  exit 0
fi
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build/debug}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
${CXX:-c++} -std=c++20 -O1 -I"$root" "$root/tests/constant_go/driver.cpp" \
  "$build/lang/libgol_lang.a" -lfmt -o "$work/driver"
(cd "$root/tests/constant_go" && GO111MODULE=off go run gen.go) >"$work/cases.txt"
"$work/driver" <"$work/cases.txt"

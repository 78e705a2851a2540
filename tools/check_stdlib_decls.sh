#!/bin/sh
# Type-checks gol's standard library sources (stdlib/**/*.gol) with Go itself.
#
# Every .gol file is a valid Go file, so Go can check the library: the files
# are copied into a scratch module (gol.test/<import path>), imports between
# gol's packages are rewritten to gol.test/<path>, and each package gets an
# empty stub.s so that functions declared without a body (implemented
# natively by gol, as Go's own assembly functions are) are accepted. Then
# `go vet` and `go build` must pass.
#
# With --test, it then runs the differential tests of tests/stdlib_go: the
# parts of the library written in Gol run under Go and are compared with
# Go's own packages. For that, a bodyless function gets its body from
# tests/stdlib_go/shims/<path>/ (usually delegating to Go's package) or, if
# none is there, a body that panics.
#
# Usage: tools/check_stdlib_decls.sh [--test] [KEEP_DIR]
#   With KEEP_DIR, the scratch module is built there and kept; otherwise in
#   a temporary directory.
# Skips (exit 0) with a message when go is not installed.
set -eu

run_tests=0
if [ "${1:-}" = "--test" ]; then
  run_tests=1
  shift
fi

# Go 1.22 when installed (tools/setup.sh): Gol follows its library.
if [ -x /usr/lib/go-1.22/bin/go ]; then PATH=/usr/lib/go-1.22/bin:$PATH; fi
if ! command -v go >/dev/null 2>&1; then
  echo "check_stdlib_decls: go not found; skipping"
  exit 0
fi

root=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -ge 1 ]; then
  work=$1
  rm -rf "$work"
  mkdir -p "$work"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
module=gol.test
printf 'module %s\n\ngo 1.19\n' "$module" >"$work/go.mod"

cd "$root/stdlib"
status=0
# The CMake embedding wraps each file in R"gol_embedded(...)gol_embedded".
if grep -rl ')gol_embedded"' --include='*.gol' . >/dev/null 2>&1; then
  echo "check_stdlib_decls: a .gol file contains the embedding delimiter )gol_embedded\"" >&2
  status=1
fi

packages=$(find . -name '*.gol' -exec dirname {} \; | sed 's|^\./||' | sort -u)
for pkg in $packages; do
  mkdir -p "$work/$pkg"
  : >"$work/$pkg/stub.s"
  for f in "$pkg"/*.gol; do
    out="$work/$pkg/$(basename "$f" .gol).go"
    # Rewrite import paths naming one of gol's packages, only inside import
    # declarations.
    awk -v packages="$packages" -v module="$module" '
      BEGIN { n = split(packages, list, " |\n"); for (i = 1; i <= n; i++) known["\"" list[i] "\""] = list[i] }
      function rewrite(line,   k) {
        for (k in known) {
          if (index(line, k) > 0) { sub(k, "\"" module "/" known[k] "\"", line); return line }
        }
        return line
      }
      /^import \($/ { inImport = 1; print; next }
      inImport && /^\)/ { inImport = 0; print; next }
      inImport || /^import "/ { print rewrite($0); next }
      { print }
    ' "$f" >"$out"
  done
done

cd "$work"
# Go before 1.20 predates Unwrap() []error (errors.Join), which vet's
# stdmethods check then rejects.
vetflags=
case $(go env GOVERSION) in
  go1.1[0-9]|go1.1[0-9].*|go1.[0-9]|go1.[0-9].*) vetflags=-stdmethods=false ;;
esac
if ! go vet $vetflags ./...; then status=1; fi
if ! go build ./...; then status=1; fi
unformatted=$(gofmt -l . || true)
if [ -n "$unformatted" ]; then
  echo "check_stdlib_decls: note: not gofmt-formatted: $unformatted"
fi
if [ $status -eq 0 ]; then
  echo "check_stdlib_decls: $(echo "$packages" | wc -w) packages type-check with $(go version | cut -d' ' -f3)"
fi
if [ $status -ne 0 ] || [ $run_tests -eq 0 ]; then
  exit $status
fi

# ---- differential tests ----
# Key of a function declaration line: receiver type (if any) and name.
keyscript='
  function key(line,   rest, recv, name) {
    rest = substr(line, 6)
    recv = ""
    if (substr(rest, 1, 1) == "(") {
      recv = substr(rest, 2, index(rest, ")") - 2)
      sub(/.* /, "", recv)
      rest = substr(rest, index(rest, ")") + 2)
    }
    name = substr(rest, 1, index(rest, "(") - 1)
    return recv "." name
  }'
shims="$root/tests/stdlib_go/shims"
for pkg in $packages; do
  rm -f "$pkg/stub.s"
  defined=""
  if [ -d "$shims/$pkg" ]; then
    cp "$shims/$pkg"/*.go "$pkg/"
    defined=$(cat "$shims/$pkg"/*.go | awk "$keyscript"' /^func / { print key($0) }')
  fi
  for f in $(ls "$pkg"/*.go | grep -v '/shim'); do
    awk -v defined="$defined" "$keyscript"'
      BEGIN { n = split(defined, list, "\n"); for (i = 1; i <= n; i++) have[list[i]] = 1 }
      /^func / && index($0, "{") == 0 {
        if (key($0) in have) next
        print $0 " { panic(\"gol native\") }"
        next
      }
      { print }
    ' "$f" >"$f.tmp"
    mv "$f.tmp" "$f"
  done
done
mkdir -p difftest
cp "$root"/tests/stdlib_go/difftest/*_test.go difftest/
go vet ./difftest/ && go test -count=1 ./difftest/

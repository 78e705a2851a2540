#!/usr/bin/env bash
# Installs the Debian 12 packages gol needs to build and test, only those
# that are missing, and says which. Run as root (or with sudo available).
#
#   tools/setup.sh                 build tools, {fmt}, doctest, libedit, Go (the
#                                  test oracle), clang (libFuzzer, sanitizers)
#   GOL_WITH_LLVM=1 tools/setup.sh also llvm-19-dev, for the optional JIT
set -euo pipefail

packages=(
  cmake ninja-build g++        # the build
  libfmt-dev doctest-dev       # formatting, unit tests
  libedit-dev                  # line editing for the REPL
  python3                      # the test runners
  golang-go                    # the oracle: Gol programs are Go programs
  clang libclang-rt-14-dev     # libFuzzer and the sanitizer runtimes
)
if [[ "${GOL_WITH_LLVM:-0}" == 1 ]]; then
  packages+=(llvm-19-dev)      # the JIT; gol builds without it
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [[ "$status" == installed ]] || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  echo "setup: all ${#packages[@]} required Debian packages are installed"
  exit 0
fi

echo "setup: installing ${missing[*]}"
sudo=()
if [[ $EUID -ne 0 ]]; then
  if command -v sudo >/dev/null; then
    sudo=(sudo)
  else
    echo "setup: not root and no sudo; as root, run: apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
echo "setup: installed ${missing[*]}"

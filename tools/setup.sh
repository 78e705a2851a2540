#!/usr/bin/env bash
# Installs the Debian 12 packages gol needs to build and test, only those
# that are missing, and says which. Run as root (or with sudo available).
#
#   tools/setup.sh                 build tools, {fmt}, doctest, libedit, Go (the
#                                  test oracle), clang (libFuzzer, sanitizers)
#   GOL_WITH_LLVM=1 tools/setup.sh also llvm-19-dev, for the optional JIT
#
# It also tries, without failing when it cannot, to install Go 1.22
# (golang-1.22-go from Debian's bookworm-backports): Gol is Go 1.22's
# language, and with that Go the oracle checks the programs that use 1.21 and
# 1.22 features too, instead of skipping them. GOL_NO_GO122=1 skips this.
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

if ((${#missing[@]} == 0)); then
  echo "setup: all ${#packages[@]} required Debian packages are installed"
else
  echo "setup: installing ${missing[*]}"
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
  echo "setup: installed ${missing[*]}"
fi

# Optional: Go 1.22 for the oracle (see the top). Never fails the set-up.
install_go122() {
  local list=/etc/apt/sources.list.d/gol-bookworm-backports.sources
  if ! grep -rqs "bookworm-backports" /etc/apt/sources.list /etc/apt/sources.list.d/; then
    echo "setup: adding Debian's bookworm-backports (for golang-1.22-go) as $list"
    printf 'Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm-backports\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' |
      "${sudo[@]}" tee "$list" >/dev/null || return 1
  fi
  if ! apt-cache show golang-1.22-go >/dev/null 2>&1; then
    "${sudo[@]}" apt-get update -q || return 1
  fi
  echo "setup: installing golang-1.22-go (optional)"
  "${sudo[@]}" apt-get install -y -q --no-install-recommends golang-1.22-go
}
if [[ "${GOL_NO_GO122:-0}" != 1 && ! -x /usr/lib/go-1.22/bin/go ]]; then
  if ! install_go122; then
    # Leave no unreachable source behind to break later apt-get updates.
    "${sudo[@]}" rm -f /etc/apt/sources.list.d/gol-bookworm-backports.sources
    echo "setup: golang-1.22-go is not available here; the Go oracle will use Go 1.19 and skip the programs that need 1.22"
  fi
fi

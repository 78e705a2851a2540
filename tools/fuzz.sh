#!/usr/bin/env bash
# Fuzzes the front end (lexer, parser, checker) with libFuzzer.
#
#   tools/fuzz.sh [SECONDS]      default 60; exit status non-zero on any
#                                crash, timeout, leak or sanitizer report
#
# Builds the fuzz preset (clang++, libFuzzer, ASan+UBSan) and runs
# build/fuzz/fuzz_frontend, seeded with every program of tests/errors,
# tests/golden and samples, copied into a scratch directory (the seeds in the
# tree are never written). Inputs that fail are saved under
# build/fuzz/artifacts/; replay one with `build/fuzz/fuzz_frontend FILE` or
# look at it with `gol build FILE`.
#
# Longer runs: give more seconds, and keep what the fuzzer learns between
# runs in a corpus directory of your own (it grows; the seeds are re-read):
#   GOL_FUZZ_CORPUS=$HOME/gol-fuzz-corpus tools/fuzz.sh 3600
# Extra libFuzzer flags go in GOL_FUZZ_FLAGS, e.g. GOL_FUZZ_FLAGS="-fork=2".
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || ((seconds < 1)); then
  echo "usage: tools/fuzz.sh [SECONDS]" >&2
  exit 2
fi
jobs=${GOL_JOBS:-$(nproc)}

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target fuzz_frontend -j "$jobs"

scratch=$(mktemp -d "${TMPDIR:-/tmp}/gol-fuzz.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
shopt -s nullglob
seeds=(tests/errors/*.gol tests/golden/*.gol samples/*.gol)
# Named after their directory too: the same name may stand in two of them.
for seed in "${seeds[@]}"; do
  cp "$seed" "$scratch/$(basename "$(dirname "$seed")")_$(basename "$seed")"
done
artifacts=build/fuzz/artifacts
mkdir -p "$artifacts"

corpora=("$scratch")
if [[ -n "${GOL_FUZZ_CORPUS:-}" ]]; then
  mkdir -p "$GOL_FUZZ_CORPUS"
  corpora=("$GOL_FUZZ_CORPUS" "$scratch")  # new inputs go to the first
fi

echo "fuzz: ${#seeds[@]} seed programs, ${seconds} s"
# shellcheck disable=SC2086  # GOL_FUZZ_FLAGS is a list of flags
build/fuzz/fuzz_frontend \
  -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
  -dict=tests/fuzz/gol.dict -artifact_prefix="$artifacts/" -print_final_stats=1 \
  ${GOL_FUZZ_FLAGS:-} "${corpora[@]}"
echo "fuzz: no crash, timeout or leak in ${seconds} s"

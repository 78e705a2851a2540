#!/usr/bin/env bash
# The whole test suite, as CI runs it (.ci/run):
#   1. tools/setup.sh (installs missing Debian packages)
#   2. the release build and its ctest (unit tests, corpus, Go oracle)
#   3. the asan build (AddressSanitizer + UBSan) and its ctest, less the
#      tests labelled oracle, which check the corpus and libraries against Go
#      and test no gol binary, and less corpus_run_gcstw (a check of the
#      collector's logic, which the release run makes; stop-the-world
#      marking at every allocation is too slow under the sanitizer)
#   4. the tsan build (ThreadSanitizer) and the ctest tests that run code:
#      unit tests and the golden programs and samples (goroutines, the
#      preemption monitor, natives calling back into Gol), the golden
#      programs again under GODEBUG=gcstress=1 (the concurrent collector)
#   5. a fuzz run of the front end and code generator (tools/fuzz.sh, 120 s
#      by default)
# and ends with one line: "N passed, N failed", counting every ctest test
# and every build and fuzz step. Exit status 0 only when nothing failed.
#
# Environment: GOL_JOBS (parallel compile jobs, default: all CPUs),
# GOL_FUZZ_SECONDS (default 120).
set -euo pipefail
cd "$(dirname "$0")/.."

jobs=${GOL_JOBS:-$(nproc)}
fuzz_seconds=${GOL_FUZZ_SECONDS:-120}
passed=0
failed=0
skipped=0
failures=()

note_pass() { passed=$((passed + 1)); }
note_fail() { failed=$((failed + 1)); failures+=("$1"); }

banner() { printf '\n=== %s\n' "$*"; }

# step NAME COMMAND...: runs one step, counted as one test.
step() {
  local name=$1
  shift
  banner "$name"
  if "$@"; then
    note_pass
    return 0
  fi
  echo "FAILED: $name"
  note_fail "$name"
  return 1
}

# run_ctest PRESET [ctest args...]: runs a build's tests and counts each one,
# from ctest's JUnit report.
run_ctest() {
  local preset=$1
  shift
  local dir="build/$preset" report
  report="$(pwd)/$dir/ctest-junit.xml"
  banner "ctest ($preset)"
  rm -f "$report"
  # ctest's own status is read from the report below, test by test.
  ctest --test-dir "$dir" --output-on-failure --parallel 2 --output-junit "$report" "$@" || true
  if [[ ! -f "$report" ]]; then
    note_fail "ctest ($preset): no report"
    return
  fi
  local counts p=0 f=0 s=0 names=""
  counts=$(python3 - "$report" <<'PY'
import sys
import xml.etree.ElementTree as ET
passed, failed, skipped, names = 0, 0, 0, []
for case in ET.parse(sys.argv[1]).getroot().iter("testcase"):
    status = case.get("status", "")
    if case.find("skipped") is not None or status in ("skipped", "disabled", "notrun"):
        skipped += 1
    elif case.find("failure") is not None or case.find("error") is not None or status == "fail":
        failed += 1
        names.append(case.get("name", "?"))
    else:
        passed += 1
print(passed, failed, skipped, ",".join(names))
PY
) || counts=""
  if [[ -z "$counts" ]]; then
    note_fail "ctest ($preset): unreadable report $report"
    return
  fi
  read -r p f s names <<<"$counts"
  passed=$((passed + p))
  skipped=$((skipped + s))
  if ((f > 0)); then
    failed=$((failed + f))
    failures+=("ctest ($preset): ${names}")
  fi
}

build_preset() {
  cmake --preset "$1" && cmake --build --preset "$1" -j "$jobs"
}

start=$SECONDS
step "setup" ./tools/setup.sh || { echo "0 passed, 1 failed"; exit 1; }

if step "build release" build_preset release; then
  run_ctest release
fi

if step "build asan (AddressSanitizer + UBSan)" build_preset asan; then
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1} \
    GOL_TIMEOUT_SCALE=4 run_ctest asan -LE oracle -E "^corpus_run_gcstw$"
fi

if step "build tsan (ThreadSanitizer)" build_preset tsan; then
  TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1} GOL_TIMEOUT_SCALE=6 \
    run_ctest tsan -R "^(unit|corpus_run|corpus_run_gcstress|samples_run|sched_stdin)$"
fi

step "fuzz the front end (${fuzz_seconds} s)" ./tools/fuzz.sh "$fuzz_seconds" || true

banner "summary ($(((SECONDS - start) / 60)) min)"
if ((skipped > 0)); then echo "skipped: $skipped (see the ctest output above)"; fi
for f in "${failures[@]}"; do echo "failed: $f"; done
echo "$passed passed, $failed failed"
((failed == 0))

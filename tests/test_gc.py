#!/usr/bin/env python3
"""The garbage collector seen from outside: its trace, memory statistics and RSS.

Writes four small programs to a temporary directory and runs them with gol
(and, as a check of the checks, with Go when it is installed):

  garbage   keeps 8 MB live and allocates 200 MB of garbage in 1 KB pieces,
            prints how many cycles ran by themselves (NumGC), then calls
            runtime.GC and says whether NumGC grew
  memstats  100 MB live in 1 KB pieces, dropped, runtime.GC: prints
            HeapAlloc at the peak and after, Mallocs, Frees, NumGC
  rss       300 MB live (1 MiB blocks and 1 KiB pieces, every page written),
            dropped, runtime.GC and debug.FreeOSMemory: prints its VmRSS
            (from /proc/self/status, read with os.ReadFile) at the start, at
            the peak and after
  timers    a million time.NewTimer, each stopped and dropped: VmRSS before
            and after

and checks:

  gctrace      GODEBUG=gctrace=1 on garbage writes at least 3 lines in Go's
               format (GCTRACE_LINE below), every "gc " line matches, and the
               runtime.GC call gives one ending " (forced)"
  numgc        garbage: NumGC grew after runtime.GC
  gogc_off     GOGC=off garbage: no cycle ran by itself
  gogc_50_200  garbage runs more cycles with GOGC=50 than with GOGC=200
  heapalloc    memstats: the peak HeapAlloc is at least 100 MB and the one
               after the drop and runtime.GC below a quarter of it; NumGC grew;
               Mallocs >= Frees; Frees grew by at least the dropped pieces
  rss          rss: the peak is at least 250 MB above the start, and the RSS
               after is below half the peak
  timers       timers: a million timers made, stopped and dropped (a collection
               every 100,000) grow the RSS by under 64 MB: their runtime
               timers are freed

Each check prints a PASS or FAIL line; the script ends "N passed, M failed"
and exits 1 on any failure.

  test_gc.py --gol build/release/gol   # gol's checks, then Go's (when present)
  test_gc.py build/release/gol         # the same
  test_gc.py --gol GOL --no-go         # gol only (the ctest gc_behaviour)
  test_gc.py --go                      # Go only: Go 1.22's go, else go on PATH,
                                       # else "SKIP: go not installed" (gc_behaviour_go)

Only Python's standard library is used.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

GO122 = "/usr/lib/go-1.22/bin/go"
# Go 1.22's gctrace line (runtime/mgc.go prints it at the end of each cycle):
# clock: sweep termination + concurrent mark + mark termination; cpu: the same
# with the mark split into assist/background/idle; heap at start -> at end ->
# marked live; the goal; stacks, globals, Ps.
GCTRACE_LINE = re.compile(
    r"^gc \d+ @\d+\.\d+s \d+%: [0-9.]+\+[0-9.]+\+[0-9.]+ ms clock, "
    r"[0-9.]+\+[0-9.]+/[0-9.]+/[0-9.]+\+[0-9.]+ ms cpu, \d+->\d+->\d+ MB, \d+ MB goal, "
    r"\d+ MB stacks, \d+ MB globals, \d+ P( \(forced\))?$")

VMRSS = """// vmRSS is this process's resident set in KB, from /proc/self/status.
func vmRSS() int {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(data), "\\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			f := strings.Fields(line)
			if len(f) >= 2 {
				n, err := strconv.Atoi(f[1])
				if err == nil {
					return n
				}
			}
		}
	}
	return -1
}

"""

PROGRAMS = {
    "garbage": """package main

import (
	"fmt"
	"runtime"
)

var sink []byte
var live [][]byte

func main() {
	for i := 0; i < 8192; i++ { // 8 MB live throughout
		live = append(live, make([]byte, 1024))
	}
	for i := 0; i < 200*1024; i++ { // 200 MB of garbage in 1 KB pieces
		sink = make([]byte, 1024)
		sink[i%1024] = byte(i)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	automatic := ms.NumGC
	fmt.Println("automatic cycles:", automatic)
	runtime.GC()
	runtime.ReadMemStats(&ms)
	fmt.Println("NumGC grew:", ms.NumGC > automatic)
	fmt.Println("live:", len(live))
}
""",
    "memstats": """package main

import (
	"fmt"
	"runtime"
)

var live [][]byte

func main() {
	var start, peak, after runtime.MemStats
	runtime.ReadMemStats(&start)
	for i := 0; i < 100*1024; i++ { // 100 MB live in 1 KB pieces
		b := make([]byte, 1024)
		b[i%1024] = 1
		live = append(live, b)
	}
	runtime.ReadMemStats(&peak)
	live = nil
	runtime.GC()
	runtime.ReadMemStats(&after)
	fmt.Println("heapalloc", peak.HeapAlloc, after.HeapAlloc)
	fmt.Println("mallocs", after.Mallocs, "frees", peak.Frees, after.Frees)
	fmt.Println("numgc", peak.NumGC, after.NumGC)
}
""",
    "timers": """package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"
)

""" + VMRSS + """func main() {
	start := vmRSS()
	for i := 0; i < 1000000; i++ {
		t := time.NewTimer(time.Hour)
		t.Stop()
		if i%100000 == 0 {
			runtime.GC()
		}
	}
	runtime.GC()
	fmt.Println("vmrss", start, vmRSS())
}
""",
    "rss": """package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
)

var blocks [][]byte
var pieces [][]byte

""" + VMRSS + """func main() {
	start := vmRSS()
	for i := 0; i < 150; i++ { // 150 MiB in 1 MiB blocks
		b := make([]byte, 1<<20)
		for j := 0; j < len(b); j += 512 {
			b[j] = byte(i + j)
		}
		blocks = append(blocks, b)
	}
	for i := 0; i < 150*1024; i++ { // 150 MiB in 1 KiB pieces
		p := make([]byte, 1024)
		p[0], p[512] = byte(i), byte(i>>8)
		pieces = append(pieces, p)
	}
	peak := vmRSS()
	blocks, pieces = nil, nil
	runtime.GC()
	debug.FreeOSMemory()
	after := vmRSS()
	fmt.Println("vmrss", start, peak, after)
}
""",
}

MB = 1 << 20


class Runner:
    """Builds (for Go) and runs the programs with one implementation."""

    def __init__(self, name, tmp, gol=None, go=None, timeout=300):
        self.name, self.tmp, self.gol, self.go, self.timeout = name, Path(tmp) / name, gol, go, timeout
        self.tmp.mkdir()
        self.built = {}

    def command(self, prog):
        if prog in self.built:
            return self.built[prog]
        d = self.tmp / prog
        d.mkdir()
        if self.gol:
            (d / f"{prog}.gol").write_text(PROGRAMS[prog])
            cmd = ([self.gol, "run", f"{prog}.gol"], d, None)
        else:
            (d / "main.go").write_text(PROGRAMS[prog])
            env = dict(os.environ, GOPROXY="off", GOTOOLCHAIN="local", GOFLAGS="", GOWORK="off",
                       GO111MODULE="on", CGO_ENABLED="0")
            if "GOCACHE" not in env and not env.get("HOME") and not env.get("XDG_CACHE_HOME"):
                env["GOCACHE"] = str(self.tmp / "gocache")
            b = subprocess.run([self.go, "build", "-o", "prog", "main.go"], cwd=d, env=env,
                               capture_output=True, timeout=self.timeout)
            if b.returncode != 0:
                cmd = (None, None, "go build failed: " + b.stderr.decode(errors="replace").strip())
            else:
                cmd = ([str(d / "prog")], d, None)
        self.built[prog] = cmd
        return cmd

    def run(self, prog, **env_extra):
        """(stdout, stderr) of a run that exited 0, else raises Failure."""
        cmd, cwd, err = self.command(prog)
        if cmd is None:
            raise Failure(err)
        env = dict(os.environ)
        for k in ("GOGC", "GODEBUG", "GOMEMLIMIT"):
            env.pop(k, None)
        env.update(env_extra)
        try:
            p = subprocess.run(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL, capture_output=True,
                               timeout=self.timeout)
        except subprocess.TimeoutExpired:
            raise Failure(f"{prog} timed out after {self.timeout:g} s")
        out, errtext = p.stdout.decode(errors="replace"), p.stderr.decode(errors="replace")
        if p.returncode != 0:
            tail = [l for l in errtext.splitlines() if not l.startswith("gc ")][:5]
            raise Failure(f"{prog} exited {p.returncode}: " + " / ".join(tail))
        return out, errtext


class Failure(Exception):
    pass


def field_ints(out, key):
    """The integers after `key` on the line starting with it."""
    for line in out.splitlines():
        f = line.split()
        if f and f[0] == key:
            try:
                return [int(x) for x in f[1:] if x.lstrip("-").isdigit()]
            except ValueError:
                break
    raise Failure(f"no line {key!r} in the output: {out!r}")


def automatic_cycles(out):
    m = re.search(r"^automatic cycles: (\d+)$", out, re.M)
    if not m:
        raise Failure(f"no line 'automatic cycles: N' in the output: {out!r}")
    return int(m.group(1))


def check_gctrace(r):
    out, err = r.run("garbage", GODEBUG="gctrace=1")
    gc_lines = [l for l in err.splitlines() if l.startswith("gc ")]
    bad = [l for l in gc_lines if not GCTRACE_LINE.match(l)]
    if bad:
        raise Failure(f"{len(bad)} of {len(gc_lines)} trace lines not in Go's format, first: {bad[0]!r}")
    if len(gc_lines) < 3:
        raise Failure(f"{len(gc_lines)} trace lines for 200 MB of garbage, want at least 3")
    forced = [l for l in gc_lines if l.endswith(" (forced)")]
    if not forced:
        raise Failure("no trace line ends \" (forced)\" after runtime.GC")
    return f"{len(gc_lines)} lines in Go's format, {len(forced)} forced"


def check_numgc(r):
    out, _ = r.run("garbage")
    if "NumGC grew: true" not in out.splitlines():
        raise Failure(f"NumGC did not grow after runtime.GC: {out!r}")
    return f"{automatic_cycles(out)} automatic cycles, then NumGC grew"


def check_gogc_off(r):
    out, _ = r.run("garbage", GOGC="off")
    n = automatic_cycles(out)
    if n != 0:
        raise Failure(f"GOGC=off still ran {n} cycles by itself")
    if "NumGC grew: true" not in out.splitlines():
        raise Failure("with GOGC=off, runtime.GC must still run a cycle")
    return "no automatic cycle; runtime.GC still runs one"


def check_memlimit(r):
    out, _ = r.run("garbage", GOGC="off", GOMEMLIMIT="32MiB")
    n = automatic_cycles(out)
    if n < 2:
        raise Failure(f"GOGC=off GOMEMLIMIT=32MiB ran {n} automatic cycles for 200 MB of garbage: "
                      "the soft limit must make the collector run")
    return f"GOGC=off, GOMEMLIMIT=32MiB: {n} cycles"


def check_gogc_50_200(r):
    n50 = automatic_cycles(r.run("garbage", GOGC="50")[0])
    n200 = automatic_cycles(r.run("garbage", GOGC="200")[0])
    if not n50 > n200:
        raise Failure(f"GOGC=50 ran {n50} cycles, GOGC=200 {n200}: want more with 50")
    return f"GOGC=50: {n50} cycles, GOGC=200: {n200}"


def check_heapalloc(r):
    out, _ = r.run("memstats")
    peak, after = field_ints(out, "heapalloc")[:2]
    mallocs, frees_peak, frees_after = field_ints(out, "mallocs")[:3]
    gc_peak, gc_after = field_ints(out, "numgc")[:2]
    problems = []
    if peak < 100 * MB:
        problems.append(f"HeapAlloc at the peak {peak / MB:.1f} MB, want >= 100 MB")
    if not after < peak / 4:
        problems.append(f"HeapAlloc after the drop and GC {after / MB:.1f} MB, want < a quarter of "
                        f"the peak {peak / MB:.1f} MB")
    if not gc_after > gc_peak:
        problems.append(f"NumGC {gc_peak} -> {gc_after} across runtime.GC")
    if not mallocs >= frees_after:
        problems.append(f"Mallocs {mallocs} < Frees {frees_after}")
    if not frees_after - frees_peak >= 100 * 1024:
        problems.append(f"Frees grew by {frees_after - frees_peak}, want >= 102400 (the dropped pieces)")
    if problems:
        raise Failure("; ".join(problems))
    return f"HeapAlloc {peak / MB:.0f} MB -> {after / MB:.1f} MB, Frees +{frees_after - frees_peak}"


def check_rss(r):
    out, _ = r.run("rss")
    start, peak, after = field_ints(out, "vmrss")[:3]
    if min(start, peak, after) < 0:
        raise Failure(f"could not read VmRSS: {out!r}")
    if peak - start < 250 * 1024:
        raise Failure(f"RSS grew by only {(peak - start) / 1024:.0f} MB for 300 MB live")
    if not after < peak / 2:
        raise Failure(f"RSS after GC and FreeOSMemory {after / 1024:.0f} MB, want < half the peak "
                      f"{peak / 1024:.0f} MB")
    return f"VmRSS {start / 1024:.0f} -> {peak / 1024:.0f} -> {after / 1024:.0f} MB"


def check_timers(r):
    # AddressSanitizer keeps freed memory in quarantine (256 MB): turn that
    # off, or the RSS would not show frees (release builds ignore this).
    asan = os.environ.get("ASAN_OPTIONS", "")
    out, _ = r.run("timers", ASAN_OPTIONS=(asan + ":" if asan else "") + "quarantine_size_mb=0")
    start, after = field_ints(out, "vmrss")[:2]
    if min(start, after) < 0:
        raise Failure(f"could not read VmRSS: {out!r}")
    if after - start > 64 * 1024:
        raise Failure(f"RSS grew by {(after - start) / 1024:.0f} MB over a million stopped, dropped timers")
    return f"VmRSS {start / 1024:.0f} -> {after / 1024:.0f} MB"


CHECKS = (
    ("gctrace", check_gctrace),
    ("numgc", check_numgc),
    ("gogc_off", check_gogc_off),
    ("memlimit", check_memlimit),
    ("gogc_50_200", check_gogc_50_200),
    ("heapalloc", check_heapalloc),
    ("rss", check_rss),
    ("timers", check_timers),
)


def run_checks(r, prefix):
    passed = failed = 0
    for name, check in CHECKS:
        try:
            note = check(r)
            print(f"{prefix}PASS {name}: {note}", flush=True)
            passed += 1
        except Failure as e:
            print(f"{prefix}FAIL {name}: {e}", flush=True)
            failed += 1
    return passed, failed


def find_go(given):
    if given not in (None, "auto"):
        return given if shutil.which(given) or os.access(given, os.X_OK) else None
    return GO122 if os.access(GO122, os.X_OK) else shutil.which("go")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gol_path", nargs="?", help="the gol binary (as --gol)")
    ap.add_argument("--gol", help="the gol binary to test")
    ap.add_argument("--go", nargs="?", const="auto",
                    help="check Go only, with this go command (alone: Go 1.22's, else go on PATH; "
                         "without either it prints SKIP: go not installed)")
    ap.add_argument("--no-go", action="store_true", help="with --gol: do not run the checks on Go too")
    ap.add_argument("--timeout", type=float,
                    help="seconds per run (default 300, times GOL_TIMEOUT_SCALE)")
    args = ap.parse_args()
    gol = args.gol or args.gol_path
    if bool(gol) == bool(args.go):
        ap.error("give the gol binary (--gol or as the argument) or --go, not both")
    timeout = args.timeout or 300 * float(os.environ.get("GOL_TIMEOUT_SCALE", "1"))

    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix="gol-test-gc-") as tmp:
        if args.go:
            go = find_go(args.go)
            if not go:
                print("SKIP: go not installed")
                return 0
            passed, failed = run_checks(Runner("go", tmp, go=go, timeout=timeout), "")
        else:
            gol_path = str(Path(gol).resolve())
            if not os.access(gol_path, os.X_OK):
                ap.error(f"no gol binary at {gol}")
            go = None if args.no_go else find_go(None)
            if go:
                # The same checks on Go first: a failure there is a bug in the check.
                p, f = run_checks(Runner("go", tmp, go=go, timeout=timeout), "[go] ")
                passed += p
                failed += f
            p, f = run_checks(Runner("gol", tmp, gol=gol_path, timeout=timeout), "")
            passed += p
            failed += f
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""gol against Lua 5.4, LuaJIT's interpreter and native Go, on samples/bench.

Each benchmark is samples/bench/NAME.gol with NAME.lua beside it, a Lua
program that computes the same thing, and NAME.out, what both print (it came
from Go). Four implementations run each one:

  gol           `gol run NAME.gol`           (--gol, default build/release/gol)
  lua5.4        `lua5.4 NAME.lua`            (--lua)
  luajit-joff   `luajit -joff NAME.lua`      (--luajit; its interpreter, no JIT:
                                              the fair rival of an interpreter)
  go            NAME.gol built once with `go build` into a scratch directory,
                then the binary timed alone  (--go, default Go 1.22's go)

Every implementation runs --runs times (default 5), the implementations in
turn within each round so that a slow spell of a shared machine spreads over
all of them; the table shows each one's median wall-clock seconds and the
ratios gol/lua5.4, gol/luajit-joff and gol/go (below 1: gol is faster), and
ends with the geometric mean of the gol/lua5.4 ratios. Every run's stdout is
compared with NAME.out; a mismatch or a failed run marks that cell with "!"
and is listed under the table, and makes the exit status 1. An implementation
that is not installed (or a benchmark without its .lua) is skipped with a
note, its cells "-".

  tools/bench.py                      # everything, 5 runs each
  tools/bench.py --only fib --runs 3  # one benchmark
  tools/bench.py --gol build/debug/gol --runs 1
  tools/bench.py --sched [...]        # tools/bench_sched.py [...] instead

Every run's peak resident set size (ru_maxrss from os.wait4, the child's
own rusage) is recorded too: the table's "rss MB" columns show each
implementation's median peak in MB and the ratio gol/go. A child starts as a
copy of this Python process, so a few MB of it are a floor under each figure.

  tools/bench.py --gctrace --only binarytrees

--gctrace runs gol and go with GODEBUG=gctrace=1, reads the trace lines Go's
runtime writes to stderr ("gc N @T s P%: A+B+C ms clock, ..."), and adds for
each of the two the number of cycles (median over runs) and the longest
stop-the-world pause seen in any run, the larger of A (sweep termination) and
C (mark termination), in milliseconds.

bigheap (about 1 GB live) is left out unless --only names it.

The scheduler's benchmarks (spawn, parked, cpusplit) are left out unless
--only names them: they measure goroutines, which Lua lacks, and run in
tools/bench_sched.py (also `--sched`), which times them against Go: spawn
time, bytes per parked goroutine, speed-up from GOMAXPROCS=1 to 2.

Only Python's standard library is used. Wall-clock time includes process
start (and for gol, compiling the program); the benchmarks are sized to take
a second or more in Lua 5.4, which dwarfs that.
"""

import argparse
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parent.parent
BENCH_DIR = REPO_DIR / "samples" / "bench"
IMPLEMENTATIONS = ("gol", "lua5.4", "luajit-joff", "go")
SCHED_BENCHMARKS = ("spawn", "parked", "cpusplit")  # tools/bench_sched.py's
OPT_IN_BENCHMARKS = ("bigheap",)  # too big for a default run: only with --only
GCTRACE_IMPLEMENTATIONS = ("gol", "go")
# One line of Go's GODEBUG=gctrace=1 output; gol writes the same format.
GCTRACE_LINE = re.compile(
    r"^gc (\d+) @(\d+(?:\.\d+)?)s (\d+)%: ([0-9.]+)\+([0-9.]+)\+([0-9.]+) ms clock,")


def find_executable(path_or_name):
    """The executable's path, or None: a name is looked up on PATH, a path taken as is."""
    if os.sep in path_or_name:
        p = Path(path_or_name)
        if not p.is_absolute():
            p = (Path.cwd() / p) if p.exists() else REPO_DIR / p
        return str(p.resolve()) if os.access(p, os.X_OK) else None
    return shutil.which(path_or_name)


def default_go():
    go122 = "/usr/lib/go-1.22/bin/go"
    return go122 if os.access(go122, os.X_OK) else "go"


def go_env():
    env = dict(os.environ)
    env.update(GOPROXY="off", GOTOOLCHAIN="local", GOFLAGS="", GOWORK="off", GO111MODULE="on",
               CGO_ENABLED="0")
    return env


def build_with_go(go, src, scratch):
    """Builds src with Go; returns (binary path, None) or (None, reason)."""
    d = scratch / src.stem
    d.mkdir()
    shutil.copyfile(src, d / "main.go")
    try:
        p = subprocess.run([go, "build", "-o", "prog", "main.go"], cwd=d, env=go_env(),
                           capture_output=True, timeout=300)
    except subprocess.TimeoutExpired:
        return None, "go build timed out"
    if p.returncode != 0:
        return None, "go build failed: " + p.stderr.decode(errors="replace").strip()
    return str(d / "prog"), None


def time_run(cmd, cwd, timeout):
    """Runs cmd once; returns (seconds or None, stdout, error text or None)."""
    elapsed, _, stdout, _, err = measured_run(cmd, cwd, timeout)
    return elapsed, stdout, err


def measured_run(cmd, cwd, timeout, env_extra=None):
    """Runs cmd once with env_extra added to the environment; returns (seconds
    or None, peak RSS in bytes or None, stdout, stderr, error text or None).

    The peak is ru_maxrss of the child's own rusage, from os.wait4 (the
    RUSAGE_CHILDREN totals cannot tell one child from the next). Output goes
    to temporary files, so nothing needs reading while the child runs; a timer
    kills the child's process group on time-out."""
    env = dict(os.environ, **(env_extra or {}))
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as errf:
        start = time.perf_counter()
        try:
            p = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out,
                                 stderr=errf, start_new_session=True)
        except OSError as e:
            return None, None, b"", b"", f"cannot run: {e}"
        timed_out = threading.Event()

        def kill():
            timed_out.set()
            try:
                os.killpg(p.pid, 9)
            except ProcessLookupError:
                pass
        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(p.pid, 0)
        finally:
            timer.cancel()
        elapsed = time.perf_counter() - start
        p.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        out.seek(0)
        errf.seek(0)
        stdout, stderr = out.read(), errf.read()
    peak = usage.ru_maxrss * 1024  # kilobytes on Linux
    if timed_out.is_set():
        return None, None, stdout, stderr, f"timed out after {timeout:g} s"
    if p.returncode != 0:
        tail = [l for l in stderr.decode(errors="replace").strip().splitlines()
                if not GCTRACE_LINE.match(l)][-3:]
        return elapsed, peak, stdout, stderr, f"exit status {p.returncode}: " + " / ".join(tail)
    return elapsed, peak, stdout, stderr, None


def parse_gctrace(stderr):
    """(cycles, longest stop-the-world pause in ms or None) from a run's
    stderr under GODEBUG=gctrace=1: the number of trace lines, and the largest
    A or C of their "A+B+C ms clock" (sweep and mark termination; B is the
    concurrent mark)."""
    cycles, longest = 0, None
    for line in stderr.decode(errors="replace").splitlines():
        m = GCTRACE_LINE.match(line)
        if m:
            cycles += 1
            pause = max(float(m.group(4)), float(m.group(6)))
            longest = pause if longest is None else max(longest, pause)
    return cycles, longest


def gctrace_env():
    """The environment's GODEBUG with gctrace=1 added."""
    old = os.environ.get("GODEBUG", "")
    return {"GODEBUG": (old + "," if old else "") + "gctrace=1"}


def fmt_mb(b):
    return "-" if b is None else f"{b / (1 << 20):.0f}"


def fmt_seconds(s):
    return "-" if s is None else f"{s:.3f}"


def fmt_ratio(a, b):
    return "-" if a is None or b is None or b == 0 else f"{a / b:.2f}"


def main():
    if "--sched" in sys.argv[1:]:
        import bench_sched
        return bench_sched.main([a for a in sys.argv[1:] if a != "--sched"])
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sched", action="store_true",
                    help="run tools/bench_sched.py with the other arguments instead (see there)")
    ap.add_argument("--gol", default="build/release/gol", help="the gol binary (default build/release/gol)")
    ap.add_argument("--lua", default="lua5.4", help="Lua 5.4 (default lua5.4 on PATH)")
    ap.add_argument("--luajit", default="luajit", help="LuaJIT, run with -joff (default luajit on PATH)")
    ap.add_argument("--go", default=default_go(), help="the go command (default Go 1.22's, else go)")
    ap.add_argument("--runs", type=int, default=5, help="runs per implementation (default 5)")
    ap.add_argument("--only", action="append", metavar="NAME",
                    help="run only this benchmark (may be repeated)")
    ap.add_argument("--timeout", type=float, default=300, help="seconds per run (default 300)")
    ap.add_argument("--gctrace", action="store_true",
                    help="run gol and go with GODEBUG=gctrace=1 and report their GC cycles "
                         "and longest stop-the-world pause")
    ap.add_argument("--noescape", action="store_true",
                    help="also run `gol run -noescape` (escape analysis off: every object on the "
                         "heap) as the column gol-noescape, with the ratio gol/gol-noescape")
    args = ap.parse_args()
    impls = list(IMPLEMENTATIONS)
    if args.noescape:
        impls.insert(1, "gol-noescape")
    if args.runs < 1:
        ap.error("--runs must be at least 1")

    benches = sorted(BENCH_DIR.glob("*.gol"))
    if args.only:
        wanted = {n[:-4] if n.endswith(".gol") else n for n in args.only}
        unknown = wanted - {b.stem for b in benches}
        if unknown:
            ap.error(f"no such benchmark: {', '.join(sorted(unknown))} "
                     f"(have: {', '.join(b.stem for b in benches)})")
        benches = [b for b in benches if b.stem in wanted]
    else:
        benches = [b for b in benches if b.stem not in SCHED_BENCHMARKS + OPT_IN_BENCHMARKS]
    if not benches:
        print(f"no benchmarks in {BENCH_DIR}")
        return 1

    notes = []
    tools = {
        "gol": find_executable(args.gol),
        "lua5.4": find_executable(args.lua),
        "luajit-joff": find_executable(args.luajit),
        "go": find_executable(args.go),
    }
    for impl, flag, value in (("gol", "--gol", args.gol), ("lua5.4", "--lua", args.lua),
                              ("luajit-joff", "--luajit", args.luajit), ("go", "--go", args.go)):
        if tools[impl] is None:
            notes.append(f"{impl}: skipped, {value} not found (set {flag})")

    failures = []
    rows = []
    with tempfile.TemporaryDirectory(prefix="gol-bench-") as tmp:
        scratch = Path(tmp)
        for src in benches:
            name = src.stem
            expected_path = src.with_suffix(".out")
            expected = expected_path.read_bytes() if expected_path.exists() else None
            if expected is None:
                notes.append(f"{name}: no {expected_path.name}, outputs not checked")
            lua_src = src.with_suffix(".lua")
            commands = {}
            if tools["gol"]:
                commands["gol"] = [tools["gol"], "run", src.name]
                if args.noescape:
                    commands["gol-noescape"] = [tools["gol"], "run", "-noescape", src.name]
            if lua_src.exists():
                if tools["lua5.4"]:
                    commands["lua5.4"] = [tools["lua5.4"], lua_src.name]
                if tools["luajit-joff"]:
                    commands["luajit-joff"] = [tools["luajit-joff"], "-joff", lua_src.name]
            elif tools["lua5.4"] or tools["luajit-joff"]:
                notes.append(f"{name}: no {lua_src.name}, Lua skipped")
            if tools["go"]:
                binary, err = build_with_go(tools["go"], src, scratch)
                if binary:
                    commands["go"] = [binary]
                else:
                    notes.append(f"{name}: go skipped, {err}")

            times = {impl: [] for impl in commands}
            peaks = {impl: [] for impl in commands}
            traces = {impl: [] for impl in commands if impl in GCTRACE_IMPLEMENTATIONS}
            bad = set()
            print(f"{name}: ", end="", flush=True)
            for _ in range(args.runs):
                for impl, cmd in commands.items():
                    traced = args.gctrace and impl in GCTRACE_IMPLEMENTATIONS
                    elapsed, peak, out, stderr, err = measured_run(
                        cmd, BENCH_DIR, args.timeout, gctrace_env() if traced else None)
                    if peak is not None:
                        peaks[impl].append(peak)
                    if traced and err is None:
                        traces[impl].append(parse_gctrace(stderr))
                    if err is None and expected is not None and out != expected:
                        got = out.decode(errors="replace").strip().replace("\n", " | ")[:120]
                        err = f"output differs from {expected_path.name}: {got!r}"
                    if err:
                        if impl not in bad:
                            failures.append(f"{name} {impl}: {err}")
                        bad.add(impl)
                    if elapsed is not None:
                        times[impl].append(elapsed)
                    print(".", end="", flush=True)
            print()
            medians = {impl: statistics.median(ts) if ts else None for impl, ts in times.items()}
            rss = {impl: statistics.median(ps) if ps else None for impl, ps in peaks.items()}
            gc = {}
            for impl, runs in traces.items():
                if runs:
                    pauses = [p for _, p in runs if p is not None]
                    gc[impl] = (statistics.median(c for c, _ in runs), max(pauses) if pauses else None)
            rows.append((name, medians, bad, rss, gc))

    # The table.
    others = ["lua5.4", "luajit-joff", "go"] + (["gol-noescape"] if args.noescape else [])
    headers = ["benchmark"] + impls + [f"gol/{o}" for o in others]
    headers += [f"{impl} MB" for impl in impls] + ["MB gol/go"]
    if args.gctrace:
        headers += [f"{impl} {what}" for impl in GCTRACE_IMPLEMENTATIONS for what in ("GCs", "STW ms")]
    table = []
    ratios = []
    for name, medians, bad, rss, gc in rows:
        cells = [name]
        for impl in impls:
            cell = fmt_seconds(medians.get(impl))
            cells.append(cell + ("!" if impl in bad else ""))
        gol = medians.get("gol")
        for other in others:
            cells.append(fmt_ratio(gol, medians.get(other)))
        for impl in impls:
            cells.append(fmt_mb(rss.get(impl)))
        cells.append(fmt_ratio(rss.get("gol"), rss.get("go")))
        if args.gctrace:
            for impl in GCTRACE_IMPLEMENTATIONS:
                cycles, pause = gc.get(impl, (None, None))
                cells.append("-" if cycles is None else f"{cycles:g}")
                cells.append("-" if pause is None else f"{pause:.3f}")
        if gol and medians.get("lua5.4") and "gol" not in bad and "lua5.4" not in bad:
            ratios.append(gol / medians["lua5.4"])
        table.append(cells)
    widths = [max(len(h), *(len(r[i]) for r in table)) for i, h in enumerate(headers)]
    print()
    print(f"median wall-clock seconds of {args.runs} run{'s' if args.runs > 1 else ''}"
          f" (\"!\": wrong output or failed run)")
    print("rss MB: median peak resident set size (ru_maxrss) in MB, and gol/go of those")
    if args.gctrace:
        print("GCs: GC cycles in gctrace=1 output (median); STW ms: longest stop-the-world pause "
              "of any run, max of sweep and mark termination")
    print("  ".join(h.ljust(widths[0]) if i == 0 else h.rjust(widths[i]) for i, h in enumerate(headers)))
    for r in table:
        print("  ".join(c.ljust(widths[0]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(r)))
    if ratios:
        geomean = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print(f"geometric mean of gol/lua5.4 over {len(ratios)} benchmark{'s' if len(ratios) > 1 else ''}: "
              f"{geomean:.2f}")
    else:
        print("geometric mean of gol/lua5.4: - (no benchmark has both, with correct output)")
    for n in notes:
        print("note: " + n)
    for f in failures:
        print("FAIL " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

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
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parent.parent
BENCH_DIR = REPO_DIR / "samples" / "bench"
IMPLEMENTATIONS = ("gol", "lua5.4", "luajit-joff", "go")
SCHED_BENCHMARKS = ("spawn", "parked", "cpusplit")  # tools/bench_sched.py's


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
    start = time.perf_counter()
    try:
        p = subprocess.run(cmd, cwd=cwd, stdin=subprocess.DEVNULL, capture_output=True,
                           timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, b"", f"timed out after {timeout:g} s"
    except OSError as e:
        return None, b"", f"cannot run: {e}"
    elapsed = time.perf_counter() - start
    if p.returncode != 0:
        tail = p.stderr.decode(errors="replace").strip().splitlines()[-3:]
        return elapsed, p.stdout, f"exit status {p.returncode}: " + " / ".join(tail)
    return elapsed, p.stdout, None


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
    args = ap.parse_args()
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
        benches = [b for b in benches if b.stem not in SCHED_BENCHMARKS]
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
            bad = set()
            print(f"{name}: ", end="", flush=True)
            for _ in range(args.runs):
                for impl, cmd in commands.items():
                    elapsed, out, err = time_run(cmd, BENCH_DIR, args.timeout)
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
            rows.append((name, medians, bad))

    # The table.
    headers = ["benchmark"] + list(IMPLEMENTATIONS) + ["gol/lua5.4", "gol/luajit-joff", "gol/go"]
    table = []
    ratios = []
    for name, medians, bad in rows:
        cells = [name]
        for impl in IMPLEMENTATIONS:
            cell = fmt_seconds(medians.get(impl))
            cells.append(cell + ("!" if impl in bad else ""))
        gol = medians.get("gol")
        for other in ("lua5.4", "luajit-joff", "go"):
            cells.append(fmt_ratio(gol, medians.get(other)))
        if gol and medians.get("lua5.4") and "gol" not in bad and "lua5.4" not in bad:
            ratios.append(gol / medians["lua5.4"])
        table.append(cells)
    widths = [max(len(h), *(len(r[i]) for r in table)) for i, h in enumerate(headers)]
    print()
    print(f"median wall-clock seconds of {args.runs} run{'s' if args.runs > 1 else ''}"
          f" (\"!\": wrong output or failed run)")
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

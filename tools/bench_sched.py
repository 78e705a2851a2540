#!/usr/bin/env python3
"""gol's scheduler against Go's: spawning, parked goroutines' memory, parallel speed-up.

Three measurements on samples/bench, gol and native Go side by side in the
same run (the implementations in turn within each round, so that a slow
spell of a shared machine spreads over both), medians of --runs runs:

  spawn     `spawn.gol` starts 1,000,000 goroutines that each add to a
            counter and call WaitGroup.Done: wall-clock seconds of gol and
            of Go's binary, and gol/go.
  parked    `parked.gol N` parks N goroutines (--parked, default 100,000) on
            a WaitGroup at once: the peak resident memory of the process
            (GNU time's %M, else ru_maxrss from os.wait4), less the peak of a
            run with N = 0, divided by N: bytes per parked goroutine, for gol and
            for Go. The raw peak of the N run is shown too.
  cpusplit  `cpusplit.gol` splits CPU-bound work over 8 goroutines: wall-clock
            seconds with GOMAXPROCS=1 and with GOMAXPROCS=2, and the speed-up
            t(1)/t(2) (2.00 is perfect on two idle cores), for gol and Go;
            and the CPU seconds each used (user + system): about the same
            for both settings when the work spreads without overhead. On a
            loaded machine the wall-clock speed-up says little.

Every run's stdout is checked against NAME.out (for parked, "N goroutines
parked at once"); a wrong output or a failed run marks the cell with "!" and
makes the exit status 1. Go's binaries are built once beforehand with
`go build` (--go, default Go 1.22's go); without Go its cells are "-".

  tools/bench_sched.py                       # 5 runs of each
  tools/bench_sched.py --runs 3 --only spawn --only cpusplit
  tools/bench.py --sched --runs 3            # the same, through bench.py

gol's wall-clock time includes compiling the program (milliseconds). Only
Python's standard library is used (and /usr/bin/time when present);
Linux only.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench  # noqa: E402  (bench.py beside this file: Go builds, executable lookup)

BENCH_DIR = bench.BENCH_DIR
MEASURES = ("spawn", "parked", "cpusplit")


GNU_TIME = "/usr/bin/time"


def measure(cmd, env_extra=None, timeout=300):
    """Runs cmd in samples/bench; returns (seconds, (peak RSS in bytes, CPU
    seconds), stdout, error or None).

    The peak is GNU time's %M when /usr/bin/time is there, else ru_maxrss from
    os.wait4. Python starts children with vfork, so a direct child's maxrss
    starts at Python's own resident size (some 16 MiB): a floor under every
    figure. /usr/bin/time forks from its own small process instead."""
    env = dict(os.environ, **(env_extra or {}))
    use_time = os.access(GNU_TIME, os.X_OK)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile(prefix="gol-rss-") as rss:
        full = [GNU_TIME, "-f", "%M %U %S", "-o", rss.name] + cmd if use_time else cmd
        start = time.perf_counter()
        try:
            p = subprocess.Popen(full, cwd=BENCH_DIR, env=env, stdin=subprocess.DEVNULL,
                                 stdout=out, stderr=err, start_new_session=True)
        except OSError as e:
            return None, None, b"", f"cannot run: {e}"
        # On time-out, kill the whole group: time and the program under it.
        timer = threading.Timer(timeout, lambda: os.killpg(p.pid, 9))
        timer.start()
        try:
            _, status, usage = os.wait4(p.pid, 0)
        finally:
            timer.cancel()
        elapsed = time.perf_counter() - start
        p.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
        peak = usage.ru_maxrss * 1024  # kilobytes on Linux
        cpu = usage.ru_utime + usage.ru_stime
        if use_time:
            text = Path(rss.name).read_text().strip().splitlines()
            # On a failure GNU time writes "Command exited with non-zero status N" first.
            fields = text[-1].split() if text else []
            try:
                peak, cpu = int(fields[0]) * 1024, float(fields[1]) + float(fields[2])
            except (IndexError, ValueError):
                peak, cpu = None, None
    if elapsed >= timeout and p.returncode != 0:
        return None, None, stdout, f"timed out after {timeout:g} s"
    if p.returncode != 0:
        head = stderr.decode(errors="replace").strip().splitlines()[:3]  # the panic or fatal error
        return elapsed, (peak, cpu), stdout, f"exit status {p.returncode}: " + " / ".join(head)
    return elapsed, (peak, cpu), stdout, None


def median(xs):
    return statistics.median(xs) if xs else None


def fmt(x, spec):
    return "-" if x is None else format(x, spec)


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


class Runner:
    """Runs each (implementation, variant) --runs times, in rounds, checking outputs."""

    def __init__(self, commands, runs, timeout):
        self.commands = commands  # impl -> command prefix (gol: [gol, "run", NAME.gol])
        self.runs = runs
        self.timeout = timeout
        self.failures = []
        self.bad = set()  # (measure, impl, variant) with a wrong output or failed run

    def rounds(self, name, variants):
        """variants: list of (label, impl, args, env, expected stdout). Returns
        {(impl, label): ([seconds], [peak bytes], [CPU seconds])}."""
        results = {(impl, label): ([], [], []) for label, impl, *_ in variants}
        print(f"{name}: ", end="", flush=True)
        for _ in range(self.runs):
            for label, impl, args, env, expected in variants:
                elapsed, usage, out, err = measure(self.commands[impl] + args, env, self.timeout)
                if err is None and out != expected:
                    got = out.decode(errors="replace").strip().replace("\n", " | ")[:120]
                    err = f"output {got!r}, want {expected.decode(errors='replace').strip()!r}"
                if err:
                    key = (name, impl, label)
                    if key not in self.bad:
                        self.failures.append(f"{name} {impl} {label}: {err}")
                    self.bad.add(key)
                elif elapsed is not None:
                    results[(impl, label)][0].append(elapsed)
                    if usage[0] is not None:
                        results[(impl, label)][1].append(usage[0])
                        results[(impl, label)][2].append(usage[1])
                print(".", end="", flush=True)
        print()
        return results

    def mark(self, name, impl, label, text):
        return text + ("!" if (name, impl, label) in self.bad else "")


def print_table(title, headers, rows):
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    print()
    print(title)
    print("  ".join(h.ljust(widths[0]) if i == 0 else h.rjust(widths[i]) for i, h in enumerate(headers)))
    for r in rows:
        print("  ".join(c.ljust(widths[0]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(r)))


def main(argv=None):
    ap = argparse.ArgumentParser(prog="bench_sched.py", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gol", default="build/release/gol", help="the gol binary (default build/release/gol)")
    ap.add_argument("--go", default=bench.default_go(), help="the go command (default Go 1.22's, else go)")
    ap.add_argument("--runs", type=int, default=5, help="runs of each (default 5)")
    ap.add_argument("--parked", type=int, default=100000, metavar="N",
                    help="goroutines parked at once for the memory measure (default 100000)")
    ap.add_argument("--only", action="append", choices=MEASURES,
                    help="only this measure (may be repeated)")
    ap.add_argument("--timeout", type=float, default=300, help="seconds per run (default 300)")
    args = ap.parse_args(argv)
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    if args.parked < 1:
        ap.error("--parked must be at least 1")
    wanted = args.only or list(MEASURES)

    notes = []
    gol = bench.find_executable(args.gol)
    go = bench.find_executable(args.go)
    if not gol:
        notes.append(f"gol: skipped, {args.gol} not found (set --gol)")
    if not go:
        notes.append(f"go: skipped, {args.go} not found (set --go)")
    impls = [i for i, t in (("gol", gol), ("go", go)) if t]
    if not impls:
        print("neither gol nor go found")
        return 1

    with tempfile.TemporaryDirectory(prefix="gol-bench-sched-") as tmp:
        commands = {}  # name -> impl -> command prefix
        for name in wanted:
            src = BENCH_DIR / f"{name}.gol"
            commands[name] = {}
            if gol:
                commands[name]["gol"] = [gol, "run", src.name]
            if go:
                binary, err = bench.build_with_go(go, src, Path(tmp))
                if binary:
                    commands[name]["go"] = [binary]
                else:
                    notes.append(f"{name}: go skipped, {err}")
        failures = []
        output = []  # (title, headers, rows), printed after all the dots

        if "spawn" in wanted:
            r = Runner(commands["spawn"], args.runs, args.timeout)
            expected = (BENCH_DIR / "spawn.out").read_bytes()
            res = r.rounds("spawn", [("", i, [], None, expected) for i in commands["spawn"]])
            t = {i: median(res[(i, "")][0]) for i in commands["spawn"]}
            m = {i: median(res[(i, "")][1]) for i in commands["spawn"]}
            rows = [["spawn 1,000,000"]
                    + [r.mark("spawn", i, "", fmt(t.get(i), ".3f")) for i in ("gol", "go")]
                    + [fmt(ratio(t.get("gol"), t.get("go")), ".2f")]
                    + [fmt(m[i] / 2**20 if m.get(i) else None, ".1f") for i in ("gol", "go")]]
            output.append((f"spawn: median wall-clock seconds of {args.runs} runs, and peak RSS",
                           ["benchmark", "gol s", "go s", "gol/go", "gol MiB", "go MiB"], rows))
            failures += r.failures

        if "parked" in wanted:
            r = Runner(commands["parked"], args.runs, args.timeout)
            n = args.parked
            variants = []
            for i in commands["parked"]:
                variants.append(("0", i, ["0"], None, b"0 goroutines parked at once\n"))
                variants.append((str(n), i, [str(n)], None, f"{n} goroutines parked at once\n".encode()))
            res = r.rounds("parked", variants)
            rows = []
            for i in ("gol", "go"):
                if i not in commands["parked"]:
                    rows.append([i, "-", "-", "-", "-"])
                    continue
                base = median(res[(i, "0")][1])
                peak = median(res[(i, str(n))][1])
                per = None if base is None or peak is None else (peak - base) / n
                raw = None if peak is None else peak / n
                rows.append([i, r.mark("parked", i, "0", fmt(base / 2**20 if base else None, ".1f")),
                             r.mark("parked", i, str(n), fmt(peak / 2**20 if peak else None, ".1f")),
                             fmt(per, ".0f"), fmt(raw, ".0f")])
            ratio_row = ratio(*(float(row[3]) if row[3] != "-" else None for row in rows))
            output.append((f"parked: {n:,} goroutines parked at once, median peak RSS of {args.runs} runs"
                           f" (bytes/goroutine = (peak - peak with 0) / {n}; gol/go: "
                           f"{fmt(ratio_row, '.2f')})",
                           ["impl", "peak MiB, N=0", f"peak MiB, N={n}", "bytes/goroutine", "peak/N"], rows))
            failures += r.failures

        if "cpusplit" in wanted:
            r = Runner(commands["cpusplit"], args.runs, args.timeout)
            expected = (BENCH_DIR / "cpusplit.out").read_bytes()
            variants = []
            for i in commands["cpusplit"]:
                for procs in ("1", "2"):
                    variants.append((procs, i, [], {"GOMAXPROCS": procs}, expected))
            res = r.rounds("cpusplit", variants)
            rows = []
            for i in ("gol", "go"):
                if i not in commands["cpusplit"]:
                    rows.append([i, "-", "-", "-", "-", "-"])
                    continue
                t1, t2 = median(res[(i, "1")][0]), median(res[(i, "2")][0])
                c1, c2 = median(res[(i, "1")][2]), median(res[(i, "2")][2])
                rows.append([i, r.mark("cpusplit", i, "1", fmt(t1, ".3f")),
                             r.mark("cpusplit", i, "2", fmt(t2, ".3f")), fmt(ratio(t1, t2), ".2f"),
                             fmt(c1, ".2f"), fmt(c2, ".2f")])
            output.append((f"cpusplit: 8 goroutines of CPU-bound work, median wall-clock seconds of "
                           f"{args.runs} runs, and CPU seconds (user + system)",
                           ["impl", "GOMAXPROCS=1", "GOMAXPROCS=2", "speed-up", "CPU s, 1", "CPU s, 2"],
                           rows))
            failures += r.failures

    for title, headers, rows in output:
        print_table(title, headers, rows)
    print(f"\n{os.cpu_count()} CPUs; load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} at the end")
    for n in notes:
        print("note: " + n)
    for f in failures:
        print("FAIL " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""A goroutine blocked reading stdin does not stop the others, with GOMAXPROCS=1.

Runs tests/sched/stdin_main_reads.gol (main reads a line while a goroutine
prints a tick every 100 ms) and tests/sched/stdin_goroutine_reads.gol (a
goroutine reads while main ticks), each as

    (sleep 1; echo hello) | GOMAXPROCS=1 gol run PROG.gol

(the second counted from the program's first tick, since gol compiles the
program first, slowly under sanitizers) and checks that the program exits 0,
that it read "hello", and that at least 3 tick lines came before the line
saying so: the read, a blocking system call, must have given up the only P
(in gol, sysmon hands it to another M, as Go's does). Then it runs
tests/sched/stdin_main_returns.gol with a stdin pipe that stays open and
empty: main returns while a goroutine is blocked reading, and the program
must end then, exit 0, without waiting for the read.

  test_sched_stdin.py --gol build/release/gol   # the ctest sched_stdin
  test_sched_stdin.py --go /usr/lib/go-1.22/bin/go   # the same checks on Go's build
  test_sched_stdin.py --go           # Go 1.22's go, else go on PATH (the ctest sched_stdin_go)

Only Python's standard library is used.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

SCHED_DIR = Path(__file__).resolve().parent / "sched"
PROGRAMS = ("stdin_main_reads", "stdin_goroutine_reads", "stdin_main_returns")
RETURNS_OUT = "main returns while a goroutine reads stdin\n"
READ_LINE = re.compile(r'^(read "hello\\n", error <nil>|the goroutine read "hello")$')


def run(cmd, cwd, delay, timeout):
    """Starts cmd with GOMAXPROCS=1; once it has printed its first tick
    (gol compiles first, slowly under sanitizers), waits `delay` seconds more
    and writes "hello\\n" to its stdin. Returns (status, stdout, stderr, note):
    note says what went wrong when no tick came within `timeout` seconds."""
    env = dict(os.environ, GOMAXPROCS="1")
    r, w = os.pipe()
    try:
        p = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=r,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    finally:
        os.close(r)
    out, err = [], []
    ticked = threading.Event()

    def read_out():
        for line in p.stdout:
            out.append(line)
            if line.startswith(b"tick "):
                ticked.set()

    def read_err():
        err.append(p.stderr.read())

    readers = [threading.Thread(target=read_out), threading.Thread(target=read_err)]
    for t in readers:
        t.start()
    note = None
    if ticked.wait(timeout):
        time.sleep(delay)
    else:
        note = f"no tick within {timeout:g} s of starting, while the read blocks"
    try:
        os.write(w, b"hello\n")
    except BrokenPipeError:
        pass  # it ended early; the checks say why
    finally:
        os.close(w)
    try:
        p.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()
        note = note or f"still running {timeout:g} s after the line was written"
    for t in readers:
        t.join()
    return p.returncode, b"".join(out).decode(errors="replace"), b"".join(err).decode(errors="replace"), note


def run_silent(cmd, cwd, timeout):
    """Starts cmd with a stdin pipe it never gets anything from, nor EOF;
    returns (status, stdout, stderr, seconds) or None when it did not end
    within `timeout` seconds."""
    r, w = os.pipe()
    start = time.perf_counter()
    try:
        p = subprocess.Popen(cmd, cwd=cwd, env=dict(os.environ, GOMAXPROCS="1"), stdin=r,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    finally:
        os.close(r)
    try:
        out, err = p.communicate(timeout=timeout)
        return p.returncode, out.decode(errors="replace"), err.decode(errors="replace"), \
            time.perf_counter() - start
    except subprocess.TimeoutExpired:
        p.kill()
        p.communicate()
        return None
    finally:
        os.close(w)


def check(name, status, out, err, note):
    problems = [note] if note else []
    if status != 0:
        problems.append(f"exit status {status}, want 0")
    lines = out.splitlines()
    read_at = next((i for i, l in enumerate(lines) if READ_LINE.match(l)), None)
    if read_at is None:
        problems.append("no line saying it read \"hello\"")
    else:
        ticks = sum(1 for l in lines[:read_at] if l.startswith("tick "))
        if ticks < 3:
            problems.append(f"only {ticks} tick lines before the line was read, want at least 3 "
                            "(the blocked read held the only P?)")
    if "ticks before the line: true" not in lines:
        problems.append("it did not see 3 ticks before the line")
    if problems:
        return (f"FAIL {name}: " + "; ".join(problems) + "\nstdout:\n" + out
                + ("stderr:\n" + err[-3000:] if err else ""))
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    which = ap.add_mutually_exclusive_group(required=True)
    which.add_argument("--gol", help="the gol binary to test")
    which.add_argument("--go", nargs="?", const="auto",
                       help="check the programs with this go command instead (alone: Go 1.22's, "
                            "else go on PATH; without either it prints SKIP: go not installed)")
    ap.add_argument("--delay", type=float, default=1.0, help="seconds from the first tick to writing the line (default 1)")
    ap.add_argument("--timeout", type=float, help="seconds to wait for the first tick, and for the end "
                    "after the line (default 30, times GOL_TIMEOUT_SCALE)")
    args = ap.parse_args()
    timeout = args.timeout or 30 * float(os.environ.get("GOL_TIMEOUT_SCALE", "1"))
    if args.go == "auto":
        args.go = next((g for g in ("/usr/lib/go-1.22/bin/go",) if os.access(g, os.X_OK)), None) \
            or shutil.which("go")
        if not args.go:
            print("SKIP: go not installed")
            return 0

    failures = []
    with tempfile.TemporaryDirectory(prefix="gol-sched-stdin-") as tmp:
        for name in PROGRAMS:
            src = SCHED_DIR / f"{name}.gol"
            if args.go:
                d = Path(tmp) / name
                d.mkdir()
                shutil.copyfile(src, d / "main.go")
                env = dict(os.environ, GOPROXY="off", GOTOOLCHAIN="local", GOFLAGS="", GOWORK="off",
                           GO111MODULE="on", CGO_ENABLED="0")
                b = subprocess.run([args.go, "build", "-o", "prog", "main.go"], cwd=d, env=env,
                                   capture_output=True, timeout=300)
                if b.returncode != 0:
                    failures.append(f"FAIL {name}: go build: {b.stderr.decode(errors='replace')}")
                    continue
                cmd, cwd = [str(d / "prog")], d
            else:
                cmd, cwd = [str(Path(args.gol).resolve()), "run", src.name], SCHED_DIR
            if name == "stdin_main_returns":
                result = run_silent(cmd, cwd, timeout)
                if result is None:
                    problem = (f"FAIL {name}: still running after {timeout:g} s: main returned, but "
                               "the program waits for the goroutine reading stdin")
                elif result[:2] != (0, RETURNS_OUT):
                    problem = (f"FAIL {name}: exit status {result[0]}, want 0, stdout {result[1]!r}, "
                               f"want {RETURNS_OUT!r}\nstderr:\n{result[2][-3000:]}")
                else:
                    problem = None
            else:
                problem = check(name, *run(cmd, cwd, args.delay, timeout))
            if problem:
                failures.append(problem)
    for f in failures:
        print(f)
    print(f"sched_stdin: {len(PROGRAMS) - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

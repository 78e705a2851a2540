#!/usr/bin/env python3
"""The Go oracle: the corpus's claims about Go, checked by Go itself.

Every valid Gol program is a valid Go program with the same output, so the
test corpus can be checked against the real Go toolchain:

  tests/golden/NAME.gol   `go vet` accepts it, and the program built by
                          `go build` prints exactly NAME.out on stdout and
                          exits with the status in NAME.exit (a number; 0 when
                          the file is absent), and its stderr holds the lines
                          of NAME.stderr, when present, in order (the rule of
                          run_corpus.py's run mode). NAME.in, when present, is
                          its standard input (else /dev/null).
  tests/errors/NAME.gol   `go build` rejects it.
  samples/NAME.gol        `go vet` accepts it; NAME.out/.exit/.stderr, when
                          present, are checked as for golden programs.

Each program is copied into a scratch directory as main.go. A program whose
first line is `// gol:go1.22` relies on Go 1.22 (range over int, min/max/clear,
per-iteration loop variables) and is skipped, and reported as skipped, when
the Go used is older. A line `// gol:env VAR=VALUE ...` among its first
lines (see run_corpus.py) sets those variables for the run of Go's build, as
for gol's. The Go used is $GOL_GO if set, else Go 1.22 from
Debian's golang-1.22-go (/usr/lib/go-1.22/bin/go) if installed, else `go`
on PATH (Debian 12's golang-go is 1.19).

Go is optional: without `go` on PATH this prints "SKIP: go not installed" and
exits 0. With --show-go-errors it also prints Go's diagnostics beside the
expected ones for each error program, for people to compare the wording
(Go 1.19's words differ from 1.22's in places, so that is not a pass/fail
check).
"""

import argparse
import concurrent.futures
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from run_corpus import missing_stderr_lines, program_env

TESTS_DIR = Path(__file__).resolve().parent
REPO_DIR = TESTS_DIR.parent
GO122_MARK = "// gol:go1.22"
BUILD_TIMEOUT = 300  # seconds for one go vet / go build (a cold cache builds fmt and runtime)
RUN_TIMEOUT = 30     # seconds for one program run


def show(b):
    return b.decode("utf-8", errors="backslashreplace")


def go_env():
    env = dict(os.environ)
    env.update(
        GOPROXY="off",        # never reach the network
        GOTOOLCHAIN="local",  # Go >= 1.21 must not download another toolchain
        GOFLAGS="",
        GOWORK="off",
        GO111MODULE="on",
        CGO_ENABLED="0",      # no C compiler needed; fmt and friends are pure Go
    )
    return env


def go_version(go, env):
    p = subprocess.run([go, "env", "GOVERSION"], capture_output=True, env=env, timeout=60)
    m = re.match(r"go(\d+)\.(\d+)", p.stdout.decode().strip())
    return (int(m.group(1)), int(m.group(2))) if m else (0, 0)


def needs_go122(src):
    with open(src, "rb") as f:
        first = f.readline().decode("utf-8", errors="replace").strip()
    return first == GO122_MARK


class Oracle:
    def __init__(self, go, env, show_go_errors):
        self.go = go
        self.env = env
        self.show_go_errors = show_go_errors

    def go_cmd(self, args, cwd):
        try:
            p = subprocess.run([self.go] + args, cwd=cwd, env=self.env, capture_output=True,
                               stdin=subprocess.DEVNULL, timeout=BUILD_TIMEOUT)
        except subprocess.TimeoutExpired:
            return 124, b"", f"go {' '.join(args)}: timed out after {BUILD_TIMEOUT} s\n".encode()
        return p.returncode, p.stdout, p.stderr

    def check_valid(self, src, need_out):
        """A program Go must accept; returns None on success, else a report."""
        out_path, exit_path, in_path = src.with_suffix(".out"), src.with_suffix(".exit"), src.with_suffix(".in")
        stderr_path = src.with_suffix(".stderr")
        if need_out and not out_path.exists():
            return f"missing {out_path.name}: a golden program needs its expected output\n"
        with tempfile.TemporaryDirectory(prefix="gol-oracle-") as tmp:
            shutil.copyfile(src, Path(tmp) / "main.go")
            code, out, err = self.go_cmd(["vet", "main.go"], tmp)
            if code != 0:
                return f"go vet rejects it (exit status {code}):\n{show(out + err)}"
            code, out, err = self.go_cmd(["build", "-o", "prog", "main.go"], tmp)
            if code != 0:
                return f"go build rejects it (exit status {code}):\n{show(out + err)}"
            if not out_path.exists():
                return None  # a sample without expected output: building is the check
            want_out = out_path.read_bytes()
            want_exit = int(exit_path.read_text().strip() or "0") if exit_path.exists() else 0
            try:
                run_env = dict(os.environ, **program_env(src))
            except ValueError as e:
                return f"{e}\n"
            stdin = open(in_path, "rb") if in_path.exists() else subprocess.DEVNULL
            try:
                p = subprocess.run([str(Path(tmp) / "prog")], cwd=tmp, stdin=stdin, env=run_env,
                                   capture_output=True, timeout=RUN_TIMEOUT)
            except subprocess.TimeoutExpired:
                return f"the Go build of it ran longer than {RUN_TIMEOUT} s\n"
            finally:
                if stdin is not subprocess.DEVNULL:
                    stdin.close()
            problems = []
            if p.stdout != want_out:
                d = difflib.unified_diff(show(want_out).splitlines(keepends=True),
                                         show(p.stdout).splitlines(keepends=True),
                                         fromfile=f"{out_path.name} (expected)", tofile="go run output")
                problems.append("stdout differs from Go's:\n" + "".join(d))
            if p.returncode != want_exit:
                problems.append(f"want exit status {want_exit}, Go's program exits with {p.returncode}\n"
                                f"its stderr:\n{show(p.stderr)}")
            if stderr_path.exists():
                missing = missing_stderr_lines(stderr_path.read_bytes(), p.stderr)
                if missing:
                    problems.append(f"Go's stderr lacks these lines of {stderr_path.name}, in order:\n"
                                    + "".join(f"  {l!r}\n" for l in missing)
                                    + f"its stderr:\n{show(p.stderr[:3000])}")
            return "".join(problems) or None

    def check_rejected(self, src):
        """A program Go must reject; returns (report or None, note for --show-go-errors)."""
        with tempfile.TemporaryDirectory(prefix="gol-oracle-") as tmp:
            shutil.copyfile(src, Path(tmp) / "main.go")
            code, out, err = self.go_cmd(["build", "-o", "prog", "main.go"], tmp)
        if code == 0:
            return "go build accepts it, so it is not an error program (Go is the oracle)\n", None
        # Go names the file ./main.go and heads its errors with the package.
        lines = [l.replace("./main.go:", f"{src.name}:", 1)
                 for l in show(out + err).splitlines() if not l.startswith("# ")]
        note = None
        if self.show_go_errors:
            expected_path = src.with_suffix(".err")
            expected = expected_path.read_text(errors="replace") if expected_path.exists() else "(no .err)\n"
            note = f"--- {src.name}\nexpected:\n{expected}go says:\n" + "".join(l + "\n" for l in lines)
        return None, note


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-j", "--jobs", type=int, default=max(2, os.cpu_count() or 2))
    ap.add_argument("--gocache", help="GOCACHE to use when the environment sets none")
    ap.add_argument("--show-go-errors", action="store_true",
                    help="print Go's diagnostics beside the expected ones for error programs")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("names", nargs="*", help="check only these programs (NAME or NAME.gol)")
    args = ap.parse_args()

    # Gol is Go 1.22's language: prefer that Go where it is installed
    # (Debian's golang-1.22-go, which tools/setup.sh tries to install).
    go = os.environ.get("GOL_GO") or next(
        (g for g in ("/usr/lib/go-1.22/bin/go",) if os.access(g, os.X_OK)), None) or shutil.which("go")
    if not go:
        print("SKIP: go not installed")
        return 0
    env = go_env()
    if "GOCACHE" not in os.environ and args.gocache:
        env["GOCACHE"] = args.gocache
    elif "GOCACHE" not in os.environ and not os.environ.get("HOME") and not os.environ.get("XDG_CACHE_HOME"):
        env["GOCACHE"] = os.path.join(tempfile.gettempdir(), "gol-go-cache")
    version = go_version(go, env)
    has_go122 = version >= (1, 22)
    print(f"oracle: go{version[0]}.{version[1]} at {go}")

    jobs = []  # (path, kind)
    for kind, directory in (("golden", TESTS_DIR / "golden"), ("errors", TESTS_DIR / "errors"),
                            ("samples", REPO_DIR / "samples")):
        for src in sorted(directory.glob("*.gol")) if directory.is_dir() else []:
            jobs.append((src, kind))
    if args.names:
        wanted = {n[:-4] if n.endswith(".gol") else n for n in args.names}
        jobs = [j for j in jobs if j[0].stem in wanted]
    if not jobs:
        print("FAIL: no programs found in tests/golden, tests/errors or samples")
        return 1

    oracle = Oracle(go, env, args.show_go_errors)
    # Warm the build cache once, so parallel jobs do not all compile fmt and runtime.
    with tempfile.TemporaryDirectory(prefix="gol-oracle-") as tmp:
        (Path(tmp) / "main.go").write_text(
            'package main\n\nimport (\n\t"bufio"\n\t"errors"\n\t"fmt"\n\t"math"\n\t"os"\n\t"sort"\n'
            '\t"strconv"\n\t"strings"\n\t"sync"\n\t"time"\n\t"unicode/utf8"\n)\n\n'
            'var _, _, _, _, _ = bufio.NewReader, errors.New, math.Sqrt, os.Exit, sort.Ints\n'
            'var _, _, _, _ = strconv.Itoa, strings.Repeat, sync.NewCond, time.Now\n'
            'var _ = utf8.RuneLen\n\nfunc main() { fmt.Println() }\n')
        oracle.go_cmd(["vet", "main.go"], tmp)
        oracle.go_cmd(["build", "-o", "prog", "main.go"], tmp)

    def run(job):
        src, kind = job
        if needs_go122(src) and not has_go122:
            return src, kind, "skip", None, None
        if kind == "errors":
            problem, note = oracle.check_rejected(src)
            return src, kind, "fail" if problem else "ok", problem, note
        problem = oracle.check_valid(src, need_out=(kind == "golden"))
        return src, kind, "fail" if problem else "ok", problem, None

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(run, jobs))

    counts = {"ok": 0, "fail": 0, "skip": 0}
    for src, kind, status, problem, note in results:
        counts[status] += 1
        rel = src.relative_to(REPO_DIR)
        if status == "fail":
            print(f"FAIL {rel}\n{problem}")
        elif status == "skip":
            print(f"skip {rel}: needs Go 1.22, which is not installed")
        elif args.verbose:
            print(f"ok   {rel}")
        if note:
            print(note)
    print(f"go oracle: {counts['ok']} passed, {counts['fail']} failed, "
          f"{counts['skip']} skipped (Go 1.22 features)")
    return 1 if counts["fail"] else 0


if __name__ == "__main__":
    sys.exit(main())

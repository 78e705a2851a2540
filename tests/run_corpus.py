#!/usr/bin/env python3
"""The corpus runner: gol's diagnostics against the expectations beside them.

Layout (agreed with the corpus; see README.md, "Tests"):

  tests/errors/NAME.gol   a program Go rejects
  tests/errors/NAME.err   the exact standard error of `gol build NAME.gol`,
                          run inside tests/errors, e.g.
                          "NAME.gol:3:2: x declared and not used\n"
  tests/golden/NAME.gol   a valid program (its NAME.out/NAME.exit are for the
                          run tests and the Go oracle, check_with_go.py)
  samples/NAME.gol        programs for newcomers; they must build too

Modes:
  errors   `gol build NAME.gol` must exit 1 with stderr equal to NAME.err
           byte for byte and print nothing on stdout
  golden   `gol build NAME.gol` must exit 0 and print nothing at all
  samples  as golden, for samples/*.gol

The expected texts are written by people (and checked against Go by
check_with_go.py), never produced by gol: this script has no "update" mode on
purpose. Only the standard library is used, so it runs on a bare Debian.
"""

import argparse
import concurrent.futures
import difflib
import os
import subprocess
import sys
from pathlib import Path

TESTS_DIR = Path(__file__).resolve().parent
REPO_DIR = TESTS_DIR.parent
MODE_DIRS = {
    "errors": TESTS_DIR / "errors",
    "golden": TESTS_DIR / "golden",
    "samples": REPO_DIR / "samples",
}


def show_bytes(b):
    return b.decode("utf-8", errors="backslashreplace")


def diff(expected, actual, label):
    lines = difflib.unified_diff(
        show_bytes(expected).splitlines(keepends=True),
        show_bytes(actual).splitlines(keepends=True),
        fromfile=f"{label} (expected)",
        tofile=f"{label} (gol)",
    )
    out = "".join(line if line.endswith("\n") else line + "\n\\ no newline at end\n" for line in lines)
    return out or "(the texts differ only in bytes difflib does not show)\n"


def describe_status(code):
    if code < 0:
        return f"killed by signal {-code}"
    return f"exit status {code}"


def run_gol(gol, directory, name, timeout):
    """Runs `gol build NAME.gol` in `directory`; returns (code, stdout, stderr) or an error text."""
    try:
        p = subprocess.run(
            [gol, "build", name],
            cwd=directory,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return None, f"timed out after {timeout} s (a hang in the front end)\n"
    return (p.returncode, p.stdout, p.stderr), None


def check_error_program(gol, directory, src, timeout):
    """Returns None when the test passes, else the failure report."""
    expected_path = src.with_suffix(".err")
    if not expected_path.exists():
        return f"missing {expected_path.name}: every error program needs its expected diagnostics\n"
    expected = expected_path.read_bytes()
    result, err = run_gol(gol, directory, src.name, timeout)
    if err:
        return err
    code, out, errout = result
    problems = []
    if code != 1:
        problems.append(f"want exit status 1, got {describe_status(code)}\n")
    if errout != expected:
        problems.append(diff(expected, errout, f"stderr of gol build {src.name}"))
    if out:
        problems.append(f"unexpected output on stdout:\n{show_bytes(out)}")
    return "".join(problems) or None


def check_valid_program(gol, directory, src, timeout):
    result, err = run_gol(gol, directory, src.name, timeout)
    if err:
        return err
    code, out, errout = result
    problems = []
    if code != 0:
        problems.append(f"want exit status 0, got {describe_status(code)}\n")
    if errout:
        problems.append(f"unexpected output on stderr:\n{show_bytes(errout)}")
    if out:
        problems.append(f"unexpected output on stdout:\n{show_bytes(out)}")
    return "".join(problems) or None


def orphans(directory, mode):
    """Expectation files whose program is missing: usually a renamed test."""
    found = []
    suffixes = [".err"] if mode == "errors" else [".out", ".exit", ".in"]
    for suffix in suffixes:
        for f in sorted(directory.glob("*" + suffix)):
            if not f.with_suffix(".gol").exists():
                found.append(f.name)
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gol", required=True, help="path to the gol binary")
    ap.add_argument("--timeout", type=float, default=60, help="seconds per program (default 60)")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("-v", "--verbose", action="store_true", help="list every program, not only failures")
    ap.add_argument("mode", choices=sorted(MODE_DIRS))
    ap.add_argument("names", nargs="*", help="run only these programs (NAME or NAME.gol)")
    args = ap.parse_args()

    gol = str(Path(args.gol).resolve())
    directory = MODE_DIRS[args.mode]
    if not directory.is_dir():
        print(f"FAIL: {directory} does not exist: no {args.mode} programs to test")
        return 1
    programs = sorted(directory.glob("*.gol"))
    if args.names:
        wanted = {n[:-4] if n.endswith(".gol") else n for n in args.names}
        programs = [p for p in programs if p.stem in wanted]
    if not programs:
        print(f"FAIL: no {args.mode} programs found in {directory}")
        return 1

    check = check_error_program if args.mode == "errors" else check_valid_program
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(lambda p: (p, check(gol, directory, p, args.timeout)), programs))

    failed = 0
    for src, problem in results:
        rel = src.relative_to(REPO_DIR)
        if problem:
            failed += 1
            print(f"FAIL {rel}\n{problem}")
        elif args.verbose:
            print(f"ok   {rel}")
    stray = [] if args.names else orphans(directory, args.mode)
    for name in stray:
        print(f"FAIL {directory.relative_to(REPO_DIR)}/{name}: no matching .gol program")
    failed += len(stray)
    passed = len(programs) - (failed - len(stray))
    print(f"{args.mode}: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

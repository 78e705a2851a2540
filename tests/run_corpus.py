#!/usr/bin/env python3
"""The corpus runner: gol's diagnostics and runs against the expectations beside them.

Layout (agreed with the corpus; see README.md, "Tests"):

  tests/errors/NAME.gol   a program Go rejects
  tests/errors/NAME.err   the exact standard error of `gol build NAME.gol`,
                          run inside tests/errors, e.g.
                          "NAME.gol:3:2: x declared and not used\n"
  tests/golden/NAME.gol   a valid program, with beside it:
    NAME.out              exactly what it prints on stdout
    NAME.exit             its exit status, when not 0 (2 for a Go panic)
    NAME.stderr           lines its stderr must contain, in this order (see
                          below); absent: stderr is not checked
    NAME.in               its stdin, when it reads any (else /dev/null)
  samples/NAME.gol        programs for newcomers, NAME.out etc. beside them

A line `// gol:env VAR=VALUE ...` among a program's first lines (its first
2,000 characters) adds those variables to its environment, for gol here and
for Go in check_with_go.py: `// gol:env GOMAXPROCS=1`.

Modes:
  errors   `gol build NAME.gol` must exit 1 with stderr equal to NAME.err
           byte for byte and print nothing on stdout
  golden   `gol build NAME.gol` must exit 0 and print nothing at all
  samples  as golden, for samples/*.gol
  run      `gol run NAME.gol` for each golden program: stdout must equal
           NAME.out byte for byte, the exit status must be NAME.exit's (or 0)
           and stderr must hold NAME.stderr's lines
  run-samples  as run, for samples/*.gol

NAME.stderr does not hold a whole stderr, which carries goroutine traces with
addresses and line numbers that only Go has: it holds the lines that must be
there, such as "panic: runtime error: index out of range [5] with length 3",
"\tpanic: second" or "goroutine 1 [running]:". Each must equal a line of the
actual stderr, the lines found in order, others may come between. Hex numbers
(0x...) count as equal whatever their digits: Go prints a struct value given
to panic as "(main.T) 0xc000012345", an address.

The expected texts come from people (diagnostics) and from Go (outputs, exit
statuses, stderr lines), are checked against Go by check_with_go.py, and are
never produced by gol: this script has no "update" mode on
purpose. Only the standard library is used, so it runs on a bare Debian.
"""

import argparse
import concurrent.futures
import difflib
import os
import re
import subprocess
import sys
from pathlib import Path

TESTS_DIR = Path(__file__).resolve().parent
REPO_DIR = TESTS_DIR.parent
MODE_DIRS = {
    "errors": TESTS_DIR / "errors",
    "golden": TESTS_DIR / "golden",
    "samples": REPO_DIR / "samples",
    "run": TESTS_DIR / "golden",
    "run-samples": REPO_DIR / "samples",
    "disasm": TESTS_DIR / "golden",
}
RUN_MODES = ("run", "run-samples")
HEX_NUMBER = re.compile(r"0x[0-9a-fA-F]+")


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


def missing_stderr_lines(expected, actual):
    """The lines of `expected` (bytes) not found, in order, among the lines of
    `actual`; hex numbers match whatever their digits. Shared with
    check_with_go.py, which holds Go's stderr to the same expectation."""
    def norm(line):
        return HEX_NUMBER.sub("0x?", line.rstrip("\r"))
    want = [norm(l) for l in show_bytes(expected).split("\n")]
    if want and want[-1] == "":
        want.pop()  # the newline that ends the last line
    have = iter(norm(l) for l in show_bytes(actual).split("\n"))
    missing = []
    for line in want:
        # `in` consumes the iterator up to the match, which keeps the order.
        if line not in have:
            missing.append(line)
            have = iter(())  # after a miss, every later line is reported too
    return missing


ENV_RE = re.compile(r"^// gol:env (.+)$", re.M)


def program_env(src):
    """The variables the `// gol:env VAR=VALUE ...` lines among the first
    2,000 characters of src set, as a dict (empty without such lines). Shared
    with check_with_go.py, which runs Go's build of the program with them."""
    env = {}
    for m in ENV_RE.finditer(Path(src).read_text(errors="replace")[:2000]):
        for item in m.group(1).split():
            name, sep, value = item.partition("=")
            if not sep or not name:
                raise ValueError(f"{Path(src).name}: bad gol:env item {item!r} (want VAR=VALUE)")
            env[name] = value
    return env


def run_gol(gol, directory, name, timeout, command="build", stdin_path=None, extra_env=None):
    """Runs `gol COMMAND NAME.gol` in `directory`; returns (code, stdout, stderr) or an error text."""
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    env = dict(os.environ, **extra_env) if extra_env else None
    try:
        p = subprocess.run(
            [gol, command, name],
            cwd=directory,
            stdin=stdin,
            capture_output=True,
            timeout=timeout,
            env=env,
        )
    except subprocess.TimeoutExpired:
        what = "a hang in the front end" if command == "build" else "a hang, or far too slow"
        return None, f"timed out after {timeout} s ({what})\n"
    finally:
        if stdin_path:
            stdin.close()
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


def check_disasm_program(gol, directory, src, timeout):
    """`gol disasm NAME.gol` lists every function, main.main among them."""
    if pending_reason(src):
        return None  # needs a later issue's code generation
    result, err = run_gol(gol, directory, src.name, timeout, command="disasm")
    if err:
        return err
    code, out, errout = result
    problems = []
    if code != 0:
        problems.append(f"want exit status 0, got {describe_status(code)}\n")
    if errout:
        problems.append(f"unexpected output on stderr:\n{excerpt(show_bytes(errout), 15)}")
    if b"func main.main (" not in out:
        problems.append("the listing lacks main.main\n")
    return "".join(problems) or None


def excerpt(text, limit=40):
    """At most `limit` lines of a diff, so one broken program cannot bury the others."""
    lines = text.splitlines(keepends=True)
    if len(lines) <= limit:
        return text
    return "".join(lines[:limit]) + f"... ({len(lines) - limit} more lines)\n"


PENDING_RE = re.compile(r"^// gol:pending (.+)$", re.M)


def pending_reason(src):
    """A program marked `// gol:pending WHY` needs a capability of a later
    issue (channels, goroutines): its run is expected to fail until then."""
    m = PENDING_RE.search(src.read_text(errors="replace")[:2000])
    return m.group(1) if m else None


def check_run_program(gol, directory, src, timeout):
    """`gol run NAME.gol`: stdout, exit status and stderr lines as expected."""
    problem = check_run_program_now(gol, directory, src, timeout)
    reason = pending_reason(src)
    if reason is None:
        return problem
    if problem is None:
        return f"passes now, but is marked pending ({reason}): remove the marker\n"
    return PENDING


PENDING = object()

# --godebug: settings added to every run's GODEBUG (GODEBUG=gcstress=1 runs
# the corpus with a collection at every allocation).
EXTRA_GODEBUG = ""


def check_run_program_now(gol, directory, src, timeout):
    out_path, exit_path = src.with_suffix(".out"), src.with_suffix(".exit")
    stderr_path, in_path = src.with_suffix(".stderr"), src.with_suffix(".in")
    if not out_path.exists():
        return f"missing {out_path.name}: a program run needs its expected output\n"
    want_exit = int(exit_path.read_text().strip() or "0") if exit_path.exists() else 0
    try:
        extra_env = program_env(src)
    except ValueError as e:
        return f"{e}\n"
    if EXTRA_GODEBUG:
        extra_env["GODEBUG"] = ",".join(v for v in (extra_env.get("GODEBUG"), EXTRA_GODEBUG) if v)
    result, err = run_gol(gol, directory, src.name, timeout, command="run",
                          stdin_path=in_path if in_path.exists() else None, extra_env=extra_env)
    if err:
        return err
    code, out, errout = result
    problems = []
    expected = out_path.read_bytes()
    if out != expected:
        problems.append(excerpt(diff(expected, out, f"stdout of gol run {src.name}")))
    if code != want_exit:
        problems.append(f"want exit status {want_exit}, got {describe_status(code)}\n")
    if stderr_path.exists():
        missing = missing_stderr_lines(stderr_path.read_bytes(), errout)
        if missing:
            problems.append("stderr lacks, in this order:\n" + "".join(f"  {l!r}\n" for l in missing))
    if problems and errout:
        problems.append("its stderr:\n" + excerpt(show_bytes(errout), 15))
    return "".join(problems) or None


def orphans(directory, mode):
    """Expectation files whose program is missing: usually a renamed test."""
    found = []
    suffixes = [".err"] if mode == "errors" else [".out", ".exit", ".in", ".stderr"]
    for suffix in suffixes:
        for f in sorted(directory.glob("*" + suffix)):
            if not f.with_suffix(".gol").exists():
                found.append(f.name)
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gol", required=True, help="path to the gol binary")
    ap.add_argument("--timeout", type=float,
                    help="seconds per program (default 60 to build, 30 to run)")
    ap.add_argument("-j", "--jobs", type=int,
                    help="programs at a time (default: the CPU count to build, 2 to run)")
    ap.add_argument("--godebug", default="",
                    help="GODEBUG settings added to every program run (e.g. gcstress=1)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every program, not only failures")
    ap.add_argument("mode", choices=sorted(MODE_DIRS))
    ap.add_argument("names", nargs="*", help="run only these programs (NAME or NAME.gol)")
    args = ap.parse_args()

    running = args.mode in RUN_MODES
    global EXTRA_GODEBUG
    EXTRA_GODEBUG = args.godebug
    if args.timeout is None:
        # Sanitizer builds run programs several times slower: GOL_TIMEOUT_SCALE.
        scale = float(os.environ.get("GOL_TIMEOUT_SCALE", "1"))
        args.timeout = (30 if running else 60) * scale
    if args.jobs is None:
        args.jobs = 2 if running else (os.cpu_count() or 2)
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

    if running:
        check = check_run_program
    elif args.mode == "disasm":
        check = check_disasm_program
    elif args.mode == "errors":
        check = check_error_program
    else:
        check = check_valid_program
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(lambda p: (p, check(gol, directory, p, args.timeout)), programs))

    failed = pending = 0
    for src, problem in results:
        rel = src.relative_to(REPO_DIR)
        if problem is PENDING:
            pending += 1
            print(f"pending {rel}: {pending_reason(src)}")
        elif problem:
            failed += 1
            print(f"FAIL {rel}\n{problem}")
        elif args.verbose:
            print(f"ok   {rel}")
    stray = [] if args.names else orphans(directory, args.mode)
    for name in stray:
        print(f"FAIL {directory.relative_to(REPO_DIR)}/{name}: no matching .gol program")
    failed += len(stray)
    passed = len(programs) - (failed - len(stray)) - pending
    note = f" ({pending} pending on later issues, expected to fail)" if pending else ""
    print(f"{args.mode}: {passed} passed, {failed} failed{note}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

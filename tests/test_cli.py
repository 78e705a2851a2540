#!/usr/bin/env python3
"""The gol command's interface: subcommands, usage errors, exit statuses.

These are the promises of README.md ("The gol command") and of
tools/gol/command.h, which follow the go command: 0 for success, 1 for
errors in the user's program or files, 2 for bad usage. Each case runs gol
once and checks its exit status and what it prints where.
"""

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parent.parent

VALID = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("hi")\n}\n'
INVALID = 'package main\n\nimport "os"\n\nfunc main() {\n\tx := 1\n}\n'
INVALID_ERR = 'bad.gol:3:8: "os" imported and not used\nbad.gol:6:2: x declared and not used\n'


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--gol", required=True)
    args = ap.parse_args()
    gol = str(Path(args.gol).resolve())

    failures = []
    count = 0

    def case(name, argv, status, stdout=None, stderr=None, stdout_has=None, stderr_has=None, cwd=None):
        nonlocal count
        count += 1
        p = subprocess.run([gol] + argv, cwd=cwd, capture_output=True, stdin=subprocess.DEVNULL, timeout=60)
        out, err = p.stdout.decode(errors="replace"), p.stderr.decode(errors="replace")
        problems = []
        if p.returncode != status:
            problems.append(f"exit status {p.returncode}, want {status}")
        if stdout is not None and out != stdout:
            problems.append(f"stdout {out!r}, want {stdout!r}")
        if stderr is not None and err != stderr:
            problems.append(f"stderr {err!r}, want {stderr!r}")
        if stdout_has is not None and stdout_has not in out:
            problems.append(f"stdout {out!r} lacks {stdout_has!r}")
        if stderr_has is not None and stderr_has not in err:
            problems.append(f"stderr {err!r} lacks {stderr_has!r}")
        if problems:
            failures.append(f"FAIL {name}: gol {' '.join(argv)}\n  " + "\n  ".join(problems))

    with tempfile.TemporaryDirectory(prefix="gol-cli-") as tmp:
        Path(tmp, "ok.gol").write_text(VALID)
        Path(tmp, "hi.gol").write_text('package main\n\nfunc main() {\n\tx := 3\n\tprintln("hi", x)\n}\n')
        Path(tmp, "panics.gol").write_text('package main\n\nvar zero = 0\n\nfunc main() {\n\tprintln(1 / zero)\n}\n')
        Path(tmp, "bad.gol").write_text(INVALID)

        case("no arguments prints help", [], 0, stdout_has="gol <command> [arguments]", stderr="")
        case("help", ["help"], 0, stdout_has="The commands are:", stderr="")
        for name in ("build", "run", "version", "help", "ast"):
            case(f"help lists {name}", ["help"], 0, stdout_has=f"\t{name} ")
            case(f"help {name}", ["help", name], 0, stdout_has=f"usage: gol {name}", stderr="")
        case("help unknown topic", ["help", "nope"], 2, stdout="",
             stderr="gol help nope: unknown help topic. Run 'gol help'.\n")
        case("version", ["version"], 0, stdout_has="gol version ", stderr="")
        case("--version", ["--version"], 0, stdout_has="gol version ")
        case("unknown command", ["frobnicate"], 2, stdout="",
             stderr="gol frobnicate: unknown command\nRun 'gol help' for usage.\n")
        case("a file as the command", ["ok.gol"], 2, stderr_has="Did you mean 'gol run ok.gol'?", cwd=tmp)

        case("build a valid program", ["build", "ok.gol"], 0, stdout="", stderr="", cwd=tmp)
        case("build an invalid program", ["build", "bad.gol"], 1, stdout="", stderr=INVALID_ERR, cwd=tmp)
        case("build with no file", ["build"], 2, stderr_has="usage: gol build")
        case("build two files", ["build", "ok.gol", "bad.gol"], 2, stderr_has="usage: gol build", cwd=tmp)
        case("build a missing file", ["build", "missing.gol"], 1, stdout="",
             stderr="gol: open missing.gol: no such file or directory\n", cwd=tmp)
        case("build a directory", ["build", "."], 1, stderr="gol: read .: is a directory\n", cwd=tmp)
        case("unknown flag", ["build", "-nope", "ok.gol"], 2,
             stderr_has="flag provided but not defined: -nope\nusage: gol build", cwd=tmp)
        case("-h of a command", ["build", "-h"], 2, stderr_has="usage: gol build")

        case("run an invalid program", ["run", "bad.gol"], 1, stdout="", stderr=INVALID_ERR, cwd=tmp)
        case("run with no file", ["run"], 2, stderr_has="usage: gol run")
        case("run a missing file", ["run", "missing.gol", "arg"], 1,
             stderr="gol: open missing.gol: no such file or directory\n", cwd=tmp)
        # Flags after the file belong to the program, not to gol.
        case("run a program with flags after the file", ["run", "hi.gol", "-x", "y"], 0, stdout="",
             stderr="hi 3\n", cwd=tmp)
        case("a runtime panic exits 2", ["run", "panics.gol"], 2, stdout="",
             stderr_has="panic: runtime error: integer divide by zero\n\ngoroutine 1 [running]:\nmain.main()", cwd=tmp)
        case("disasm of a valid program", ["disasm", "hi.gol"], 0, stderr="", stdout_has="main.main", cwd=tmp)
        case("disasm of an invalid program", ["disasm", "bad.gol"], 1, stderr=INVALID_ERR, cwd=tmp)

        case("ast of a valid program", ["ast", "ok.gol"], 0, stderr="", cwd=tmp)
        case("ast -types of a valid program", ["ast", "-types", "ok.gol"], 0, stderr="", cwd=tmp)
        case("ast -types of an invalid program", ["ast", "-types", "bad.gol"], 1, stderr=INVALID_ERR, cwd=tmp)
        case("ast with a bad boolean", ["ast", "-types=maybe", "ok.gol"], 2,
             stderr_has='invalid boolean value "maybe" for -types', cwd=tmp)

    for f in failures:
        print(f)
    print(f"cli: {count - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

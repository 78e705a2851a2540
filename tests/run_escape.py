#!/usr/bin/env python3
"""Errorcheck runner for tests/escape/*.gol (see tests/escape/README.md).

Each line of a test program may carry the escape analysis messages expected
on it, in the style of Go's test/escape*.go:

    x := 1 // ERROR "moved to heap: x"
    p := &T{} // ERROR "&T{...} escapes to heap" GOL "..." (why gol differs)

ERROR lists what `go build -gcflags=-m` (Go 1.22) prints for the line, one
regular expression per message. GOL, when present, replaces that list for
gol, where gol is deliberately more conservative than Go; the parenthesised
text after it says why. Without GOL, gol must print what Go prints.

Modes:
  (default)     run `gol build -m` on every test and check it against the
                annotations (GOL where given, else ERROR);
  --go          check the ERROR annotations against Go 1.22 itself (prints
                "SKIP: go 1.22 not installed" without it);
  --annotate F  rewrite the ERROR annotations of F from Go's output, keeping
                any GOL parts (how the annotations were written).

Inlining lines ("can inline", "inlining call to") and the "zero-copy
string->[]byte conversion" note are not annotated: gol has no inliner and
the test functions are marked //go:noinline.
"""
import argparse
import collections
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
GO = "/usr/lib/go-1.22/bin/go"
IGNORED = ("can inline", "inlining call to", "cannot inline", "zero-copy string->[]byte",
           "ignoring self-assignment")
LINE_RE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<msg>.*)$")
QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')


def decisions(output, basename):
    """(line, column, message) for each escape decision about `basename` in
    -m output: inlining notes and -m=2 explanation headers left out.
    tools/escape_compare.py reads the output through this too."""
    for line in output.splitlines():
        m = LINE_RE.match(line.strip())
        if not m or os.path.basename(m.group("file")) != basename:
            continue
        msg = m.group("msg")
        if msg.startswith(IGNORED) or msg.endswith(":"):
            continue
        yield int(m.group("line")), int(m.group("col")), msg


def messages_by_line(output, basename):
    by_line = collections.defaultdict(list)
    for line, _, msg in decisions(output, basename):
        by_line[line].append(msg)
    return by_line


def parse_annotations(text):
    """{line: (go_regexps, gol_regexps or None)}. A reason after GOL goes in
    parentheses and holds no double quotes."""
    ann = {}
    for i, line in enumerate(text.split("\n"), 1):
        m = re.search(r"//\s*(ERROR|GOL)\b", line)
        if not m:
            continue
        comment = line[m.start():]
        g = re.search(r"\bGOL\b", comment)
        go_part = comment[:g.start()] if g else comment
        gol_part = comment[g.end():] if g else None

        def res(part):
            return [q.replace('\\"', '"') for q in QUOTED.findall(part)]
        ann[i] = (res(go_part), res(gol_part) if gol_part is not None else None)
    return ann


def check(by_line, ann, use_gol):
    problems = []
    lines = sorted(set(by_line) | set(ann))
    for ln in lines:
        msgs = list(by_line.get(ln, []))
        go_res, gol_res = ann.get(ln, ([], None))
        expected = gol_res if (use_gol and gol_res is not None) else go_res
        for rx in expected:
            hit = next((m for m in msgs if re.search(rx, m)), None)
            if hit is None:
                problems.append(f"line {ln}: no message matching {rx!r} (got {msgs})")
            else:
                msgs.remove(hit)
        for m in msgs:
            problems.append(f"line {ln}: unexpected message {m!r}")
    return problems


def go_output(path, gocache):
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "go.mod"), "w") as f:
            f.write("module esc\n\ngo 1.22\n")
        shutil.copy(path, os.path.join(d, "main.go"))
        env = dict(os.environ, GOTOOLCHAIN="local", GOFLAGS="", GO111MODULE="on", GOCACHE=gocache)
        p = subprocess.run([GO, "build", "-gcflags=-m", "-o", os.devnull, "."], cwd=d, env=env,
                           capture_output=True, text=True, errors="replace", timeout=300)
        return messages_by_line(p.stderr, "main.go")


def gol_output(gol, path):
    p = subprocess.run([gol, "build", "-m", path], capture_output=True, text=True, errors="replace",
                       timeout=300)
    if p.returncode != 0:
        raise RuntimeError(f"gol build -m failed:\n{p.stderr}")
    return messages_by_line(p.stderr, os.path.basename(path))


def regexp_for(msg):
    return re.sub(r"([()\[\]*+?|^$\\])", r"\\\1", msg).replace('"', '\\"')


def annotate(path, gocache):
    by_line = go_output(path, gocache)
    with open(path) as f:
        lines = f.read().split("\n")
    for i, line in enumerate(lines, 1):
        keep_gol = ""
        idx = line.find("// ERROR")
        if idx < 0:
            idx = line.find("// GOL")
        if idx >= 0:
            comment = line[idx:]
            g = comment.find("GOL")
            if g >= 0:
                keep_gol = " " + comment[g:]
            line = line[:idx].rstrip()
        msgs = by_line.get(i, [])
        if msgs:
            line += " // ERROR " + " ".join(f'"{regexp_for(m)}"' for m in msgs) + keep_gol
        elif keep_gol:
            line += " //" + keep_gol
        lines[i - 1] = line
    with open(path, "w") as f:
        f.write("\n".join(lines))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gol", default=os.path.join(ROOT, "build/release/gol"))
    ap.add_argument("--go", action="store_true", help="check the ERROR annotations against Go 1.22")
    ap.add_argument("--annotate", metavar="FILE", help="rewrite FILE's ERROR annotations from Go")
    ap.add_argument("--gocache", default=os.path.join(tempfile.gettempdir(), "gol-escape-go-cache"))
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    if (args.go or args.annotate) and not os.access(GO, os.X_OK):
        print("SKIP: go 1.22 not installed")
        return 0
    if args.annotate:
        annotate(args.annotate, args.gocache)
        return 0
    files = args.files or sorted(glob.glob(os.path.join(HERE, "escape", "*.gol")))
    failed = 0
    cases = 0
    for path in files:
        with open(path) as f:
            ann = parse_annotations(f.read())
        cases += sum(len(g if (not args.go and l is not None) else g) or 1 for g, l in ann.values())
        try:
            by_line = go_output(path, args.gocache) if args.go else gol_output(args.gol, path)
        except RuntimeError as e:
            print(f"FAIL {os.path.relpath(path, ROOT)}: {e}")
            failed += 1
            continue
        problems = check(by_line, ann, use_gol=not args.go)
        if problems:
            failed += 1
            print(f"FAIL {os.path.relpath(path, ROOT)}")
            for p in problems:
                print("  " + p)
        else:
            print(f"ok   {os.path.relpath(path, ROOT)}")
    who = "go" if args.go else "gol"
    print(f"{len(files) - failed}/{len(files)} files pass ({who}); {cases} annotated messages")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

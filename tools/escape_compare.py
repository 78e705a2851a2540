#!/usr/bin/env python3
"""Compares gol's escape analysis with Go's, decision by decision.

Runs `go build -gcflags=-m` (Go 1.22) and `gol build -m` on the same
programs (samples/*.gol, samples/bench/*.gol, tests/golden/*.gol and
tests/escape/*.gol by default, or the files given) and classifies every
decision:

  agree                 both say heap, or both say stack, for the site;
  gol more conservative gol says heap (escapes, moved to heap, a leaking
                        parameter) where Go says stack: allowed;
  gol less conservative gol says stack where Go says heap: a soundness bug;
                        the script exits 1 if there is any;
  unmatched             a site only one of them reports (gol has no
                        inliner, prints expressions a little differently
                        in rare cases, or does not model the construct; a
                        site gol does not report is heap-allocated).

A decision is keyed by position and subject: "moved to heap: x", "E escapes
to heap" / "E does not escape" (allocation sites), and parameter tags
("leaking param: p", "leaking param content: p", "leaking param: p to
result r level=N", "p does not escape"). Inlining lines are ignored.

Go's inliner moves decisions around: an inlined callee's allocations are
reported at the call, with the callee's expressions (`~r0`, `strconv.x`).
Those land in "unmatched"; --noinline runs Go with -gcflags='-m -l', which
is what gol (no inliner) is closest to.

Without Go 1.22 it prints "SKIP: go 1.22 not installed" and exits 0.
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

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GO = "/usr/lib/go-1.22/bin/go"

sys.path.insert(0, os.path.join(ROOT, "tests"))
from run_escape import decisions  # noqa: E402  (the -m output's decision lines)


def parse(output, basename):
    """Decisions of one -m output: {key: value} (see classify)."""
    out = {}
    for line, col, msg in decisions(output, basename):
        pos = (line, col)
        if msg.startswith("moved to heap: "):
            out[(pos, "var", msg[len("moved to heap: "):])] = "heap"
        elif msg.endswith(" escapes to heap"):
            out[(pos, "site", msg[: -len(" escapes to heap")])] = "heap"
        elif msg.startswith("leaking param content: "):
            key = (pos, "param", msg[len("leaking param content: "):])
            out.setdefault(key, {"heap": None, "results": {}})["heap"] = 1
        elif msg.startswith("leaking param: "):
            rest = msg[len("leaking param: "):]
            rm = re.match(r"(\S+) to result (\S+) level=(\d+)$", rest)
            if rm:
                key = (pos, "param", rm.group(1))
                tag = out.setdefault(key, {"heap": None, "results": {}})
                tag["results"][rm.group(2)] = int(rm.group(3))
            else:
                key = (pos, "param", rest)
                out.setdefault(key, {"heap": None, "results": {}})["heap"] = 0
        elif msg.endswith(" does not escape"):
            subj = msg[: -len(" does not escape")]
            # A parameter's "p does not escape" and a site's "E does not
            # escape" look alike; decide by what the other side says.
            out[(pos, "site?", subj)] = "stack"
    return out


def normalize(d):
    """Turns ambiguous "does not escape" keys into params or sites."""
    res = {}
    for (pos, kind, subj), v in d.items():
        if kind == "site?":
            res[(pos, "nd", subj)] = v
        else:
            res[(pos, kind, subj)] = v
    return res


def param_rank(tag):
    """Tag as (heap level, {result: level}); None for "does not escape"."""
    if tag == "stack":
        return (None, {})
    return (tag["heap"], tag["results"])


def at_least_as_conservative(gol, go):
    gh, gr = gol
    oh, orr = go
    if oh is not None and (gh is None or gh > oh):
        return False
    for r, lvl in orr.items():
        cover = [x for x in (gh, gr.get(r)) if x is not None]
        if not cover or min(cover) > lvl:
            return False
    return True


def inlined_var(lines, pos, name):
    """Go reports the variables of an inlined body at the call: not comparable."""
    line, col = pos
    if not lines or line > len(lines):
        return False
    return not lines[line - 1][col - 1:].startswith(name)


def classify(go, gol, lines=None):
    """Returns counts and detail lines."""
    counts = collections.Counter()
    details = []
    go = normalize(go)
    gol = normalize(gol)

    def lookup(d, pos, kinds, subj):
        for k in kinds:
            if (pos, k, subj) in d:
                return (pos, k, subj), d[(pos, k, subj)]
        return None, None

    seen_gol = set()
    # Second chance for subjects printed differently (Go prints an inlined
    # call's result as ~r0, for one): pair the lone unmatched site of each
    # side at the same position.
    go_sites_at = collections.defaultdict(list)
    gol_sites_at = collections.defaultdict(list)
    for key in go:
        if key[1] in ("site", "nd"):
            go_sites_at[key[0]].append(key)
    for key in gol:
        if key[1] in ("site", "nd"):
            gol_sites_at[key[0]].append(key)
    for key, gv in sorted(go.items()):
        pos, kind, subj = key
        if kind == "nd":
            kk, lv = lookup(gol, pos, ("nd", "site", "param", "var"), subj)
        elif kind == "site":
            kk, lv = lookup(gol, pos, ("site", "nd"), subj)
        elif kind == "param":
            kk, lv = lookup(gol, pos, ("param", "nd"), subj)
        else:
            kk, lv = lookup(gol, pos, ("var",), subj)
        if kk is None and kind in ("site", "nd"):
            go_left = [k for k in go_sites_at[pos] if not any((k[0], kd, k[2]) in gol for kd in ("site", "nd"))]
            gol_left = [k for k in gol_sites_at[pos]
                        if k not in seen_gol and not any((k[0], kd, k[2]) in go for kd in ("site", "nd"))]
            if len(go_left) == 1 and len(gol_left) == 1:
                kk = gol_left[0]
                lv = gol[kk]
        if kk is None:
            if kind == "var" and inlined_var(lines, pos, subj):
                counts["unmatched_go"] += 1
                details.append(f"GOONLY {pos[0]}:{pos[1]}: moved to heap: {subj} (inlined body)")
            elif kind == "var":
                counts["less"] += 1
                details.append(f"LESS  {pos[0]}:{pos[1]}: Go: moved to heap: {subj}; gol: nothing")
            else:
                counts["unmatched_go"] += 1
                details.append(f"GOONLY {pos[0]}:{pos[1]}: {subj} ({gv if isinstance(gv, str) else 'param'})")
            continue
        seen_gol.add(kk)
        is_param = kind == "param" or kk[1] == "param"
        if is_param:
            g = param_rank(gv)
            l = param_rank(lv)
            if g == l:
                counts["agree"] += 1
            elif at_least_as_conservative(l, g):
                counts["more"] += 1
                details.append(f"MORE  {pos[0]}:{pos[1]}: param {subj}: Go {g} gol {l}")
            else:
                counts["less"] += 1
                details.append(f"LESS  {pos[0]}:{pos[1]}: param {subj}: Go {g} gol {l}")
            continue
        if gv == lv:
            counts["agree"] += 1
        elif lv == "heap":
            counts["more"] += 1
            details.append(f"MORE  {pos[0]}:{pos[1]}: {subj}: Go stack, gol heap")
        else:
            counts["less"] += 1
            details.append(f"LESS  {pos[0]}:{pos[1]}: {subj}: Go heap, gol stack")
    for key, lv in sorted(gol.items()):
        if key in seen_gol:
            continue
        pos, kind, subj = key
        if kind == "var":
            counts["more"] += 1  # Go keeps it on the stack, silently
            details.append(f"MORE  {pos[0]}:{pos[1]}: moved to heap: {subj} (Go: nothing)")
        else:
            counts["unmatched_gol"] += 1
            details.append(f"GOLONLY {pos[0]}:{pos[1]}: {subj}")
    return counts, details


def run_go(path, gocache, noinline=False):
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "go.mod"), "w") as f:
            f.write("module esc\n\ngo 1.22\n")
        shutil.copy(path, os.path.join(d, "main.go"))
        env = dict(os.environ, GOTOOLCHAIN="local", GOFLAGS="", GO111MODULE="on", GOCACHE=gocache)
        flags = "-gcflags=-m -l" if noinline else "-gcflags=-m"
        p = subprocess.run([GO, "build", flags, "-o", os.devnull, "."], cwd=d, env=env,
                           capture_output=True, text=True, errors="replace", timeout=300)
        if p.returncode != 0 and "escape" not in p.stderr and "does not escape" not in p.stderr:
            return None, p.stderr
        return parse(p.stderr, "main.go"), p.stderr


def run_gol(gol, path):
    p = subprocess.run([gol, "build", "-m", path], capture_output=True, text=True, errors="replace", timeout=300)
    if p.returncode != 0:
        return None, p.stderr
    return parse(p.stderr, os.path.basename(path)), p.stderr


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gol", default=os.path.join(ROOT, "build/release/gol"))
    ap.add_argument("--gocache", default=os.path.join(tempfile.gettempdir(), "gol-escape-go-cache"))
    ap.add_argument("--noinline", action="store_true",
                    help="run Go with -gcflags='-m -l' (no inlining, closer to gol, which has no inliner)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every disagreement")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    if not os.access(GO, os.X_OK):
        print("SKIP: go 1.22 not installed")
        return 0
    files = args.files or sorted(
        glob.glob(os.path.join(ROOT, "samples/*.gol")) + glob.glob(os.path.join(ROOT, "samples/bench/*.gol")) +
        glob.glob(os.path.join(ROOT, "tests/golden/*.gol")) + glob.glob(os.path.join(ROOT, "tests/escape/*.gol")))
    total = collections.Counter()
    skipped = []
    for path in files:
        go, go_err = run_go(path, args.gocache, args.noinline)
        gol, gol_err = run_gol(args.gol, path)
        rel = os.path.relpath(path, ROOT)
        if go is None or gol is None:
            skipped.append(rel)
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = f.read().split("\n")
        counts, details = classify(go, gol, lines)
        total.update(counts)
        total["files"] += 1
        show = [d for d in details if args.verbose or d.startswith("LESS")]
        if show:
            print(f"{rel}:")
            for d in show:
                print("  " + d)
    sites = total["agree"] + total["more"] + total["less"]
    print(f"files compared: {total['files']} (skipped, not building with both: {len(skipped)})")
    print(f"decisions compared: {sites}")
    print(f"  agree:                 {total['agree']}")
    print(f"  gol more conservative: {total['more']}")
    print(f"  gol less conservative: {total['less']}")
    print(f"  reported by Go only:   {total['unmatched_go']}")
    print(f"  reported by gol only:  {total['unmatched_gol']}")
    if args.verbose and skipped:
        print("skipped: " + " ".join(skipped))
    return 1 if total["less"] else 0


if __name__ == "__main__":
    sys.exit(main())

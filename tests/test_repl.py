#!/usr/bin/env python3
"""Scripted sessions of `gol repl`, and one through a pseudo-terminal.

Scripted: each tests/repl/NAME.txt is fed to `gol repl` on standard input
(not a terminal: no prompts, no line editing); standard output and
standard error together must match tests/repl/NAME.out line by line. A line
of the .out file that starts with `~ ` is a regular expression the output
line must match in full (times, heap figures, goroutine numbers); a line
`...` matches any lines up to one matching the line after it. An
optional first line `# exit N` gives the expected exit status (default 0).
The values the transcripts expect of Go expressions were checked against
Go 1.22 (`fmt.Printf("%v %T\\n", v, v)`) when they were written.

Pseudo-terminal (--pty, also run by default): drives the REPL as a person
would: line editing (Ctrl-A, Ctrl-U), history (the Up arrow, and
~/.gol_history written), tab completion of a session name and of a
package member, multi-line input, and Ctrl-C stopping a running loop, a sleeping
input and one waiting on a channel. Skipped, saying why, when gol was
built without libedit.
"""
import argparse
import os
import pty
import re
import select
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def run_script(gol, name):
    base = os.path.join(HERE, "repl", name)
    with open(base + ".txt", "rb") as f:
        script = f.read()
    with open(base + ".out", encoding="utf-8") as f:
        expected = f.read().splitlines()
    want_code = 0
    if expected and expected[0].startswith("# exit "):
        want_code = int(expected[0].split()[2])
        expected = expected[1:]
    env = dict(os.environ, GOMAXPROCS="4")
    env.pop("GODEBUG", None)
    p = subprocess.run([gol, "repl"], input=script, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       cwd=os.path.join(HERE, "repl"), env=env, timeout=120)
    got = p.stdout.decode("utf-8", "replace").splitlines()
    problems = []
    if p.returncode != want_code:
        problems.append(f"exit status {p.returncode}, want {want_code}")

    def matches(e, g):
        return re.fullmatch(e[2:], g) is not None if e.startswith("~ ") else g == e

    gi = 0
    for ei, e in enumerate(expected):
        if e == "...":
            # Any lines, up to one that matches the next expected line.
            nxt = expected[ei + 1] if ei + 1 < len(expected) else None
            while gi < len(got) and (nxt is None or not matches(nxt, got[gi])):
                gi += 1
            continue
        g = got[gi] if gi < len(got) else "<missing>"
        if not matches(e, g):
            problems.append(f"line {gi + 1}: got  {g!r}\n          want {e!r}")
            break
        gi += 1
    else:
        if gi < len(got):
            problems.append(f"line {gi + 1}: got  {got[gi]!r}\n          want nothing more")
    return problems, got


class Pty:
    def __init__(self, gol, home):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.environ["HOME"] = home
            os.environ["TERM"] = "xterm"
            os.environ["GOMAXPROCS"] = "2"
            os.execv(gol, [gol, "repl"])
        self.buf = b""

    def read_until(self, pattern, timeout=20):
        deadline = time.time() + timeout
        rx = re.compile(pattern.encode() if isinstance(pattern, str) else pattern)
        while True:
            m = rx.search(self.buf)
            if m:
                out = self.buf[:m.end()]
                self.buf = self.buf[m.end():]
                return out.decode("utf-8", "replace")
            left = deadline - time.time()
            if left <= 0:
                raise TimeoutError(f"waiting for {pattern!r}; got {self.buf[-400:]!r}")
            r, _, _ = select.select([self.fd], [], [], left)
            if r:
                try:
                    data = os.read(self.fd, 4096)
                except OSError:
                    data = b""
                if not data:
                    raise EOFError(f"gol ended waiting for {pattern!r}; got {self.buf[-400:]!r}")
                self.buf += data

    def send(self, s):
        os.write(self.fd, s.encode())
        time.sleep(0.15)

    def close(self):
        try:
            os.close(self.fd)
        except OSError:
            pass
        _, status = os.waitpid(self.pid, 0)
        return status


def run_pty(gol):
    home = tempfile.mkdtemp(prefix="gol-repl-home-")
    t = Pty(gol, home)
    try:
        banner = t.read_until(r"gol> ")
        if "without line editing" in banner:
            return "SKIP", f"pty: SKIP: {banner.strip().splitlines()[0]}"
        steps = []

        def expect(what, send, pattern):
            t.send(send)
            t.read_until(pattern)
            steps.append(what)

        expect("an expression", "x := 41\r", r"gol> ")
        expect("a counter", "n := 0\r", r"gol> ")
        expect("a value printed", "x + 1\r", r"42 int")
        # History: Up brings back `x + 1`.
        expect("history (Up arrow)", "\x1b[A\r", r"42 int")
        # Editing: type the end first, go to the start (Ctrl-A), add the head.
        expect("Ctrl-A and insert", "+ 3\x01x \r", r"44 int")
        # Ctrl-U kills the line typed so far.
        expect("Ctrl-U", "garbage\x15x * 2\r", r"82 int")
        expect("a declaration", "func helloWorld() int { return 7 }\r", r"gol> ")
        expect("completion of a session name", "hello\t()\r", r"7 int")
        expect("an import", 'import "strings"\r', r"gol> ")
        expect("completion of a package member", 'strings.ToUpp\t("go")\r', r"GO string")
        # Multi-line input continues while a brace is open.
        t.send("func twice(n int) int {\r")
        t.read_until(r"\.\.\.> ")
        expect("multi-line input", "return 2 * n\r}\rtwice(21)\r", r"42 int")
        # Ctrl-C stops a running input, not the session.
        t.send("for { n++ }\r")
        time.sleep(0.5)
        t.send("\x03")
        t.read_until(r"interrupted")
        expect("Ctrl-C stops a running input", "n > 0\r", r"true bool")
        # Ctrl-C also ends an input that waits (asleep, or on a channel while
        # another goroutine runs, so that it is no deadlock): it is gone.
        expect("an import for sleeping", 'import "time"\r', r"gol> ")
        t.send("time.Sleep(time.Hour)\r")
        time.sleep(0.5)
        t.send("\x03")
        t.read_until(r"interrupted")
        expect("Ctrl-C ends a sleeping input", ":goroutines\r", r"no goroutines besides the session's")
        # Its timer went with it: a deadlock is seen at once.
        expect("no timer left behind", "<-make(chan int)\r", r"deadlock!")
        expect("a ticking goroutine", "go func() { for { time.Sleep(time.Millisecond) } }()\r", r"gol> ")
        t.send("<-make(chan int)\r")
        time.sleep(0.5)
        t.send("\x03")
        t.read_until(r"interrupted")
        t.read_until(r"gol> ")
        t.send(":goroutines\r")
        listing = t.read_until(r"gol> ")
        if "chan receive" in listing or "[sleep]" not in listing:
            raise EOFError(f"after Ctrl-C of a waiting input, :goroutines says {listing!r}")
        steps.append("Ctrl-C ends a waiting input")
        t.send(":quit\r")
        time.sleep(0.3)
    finally:
        status = t.close()
    hist = os.path.join(home, ".gol_history")
    # libedit writes spaces as \040.
    saved = open(hist, encoding="utf-8", errors="replace").read() if os.path.exists(hist) else ""
    saved = re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), saved)
    if "x + 1" not in saved or "helloWorld()" not in saved:
        return "FAIL", "pty: ~/.gol_history does not hold the session's inputs"
    if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
        return "FAIL", f"pty: exit status {status}"
    return "PASS", "pty: " + ", ".join(steps)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gol", required=True)
    ap.add_argument("--pty", action="store_true", help="only the pseudo-terminal test")
    ap.add_argument("names", nargs="*", help="transcripts to run (default: all)")
    args = ap.parse_args()
    gol = os.path.abspath(args.gol)
    failed = 0
    if not args.pty:
        names = args.names or sorted(n[:-4] for n in os.listdir(os.path.join(HERE, "repl")) if n.endswith(".txt"))
        for name in names:
            problems, got = run_script(gol, name)
            if problems:
                failed += 1
                print(f"FAIL {name}")
                for p in problems:
                    print("    " + p)
                if os.environ.get("VERBOSE"):
                    print("\n".join(got))
            else:
                print(f"ok   {name}")
    if args.pty or not args.names:
        try:
            verdict, text = run_pty(gol)
        except (TimeoutError, EOFError) as e:
            verdict, text = "FAIL", f"pty: {e}"
        print(text if verdict != "PASS" else "ok   " + text)
        if verdict == "FAIL":
            failed += 1
    print(f"repl: {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Runs every command of a Markdown page and checks its printed output, so the page cannot rot.

The convention (docs/tutorial.md ends with a section that tells readers the same):
  * Only fenced blocks whose info string starts with `console` are run; ```sh blocks are not.
  * In such a block, a line starting with `$ ` is a command; following lines starting with `> `
    continue it (joined with newlines, like a shell's PS2 prompt, e.g. for a here-document).
    Every other line, up to the next `$ ` line, is the output the command must print (stdout and
    stderr together, as a terminal shows them). A command followed by no lines must print nothing.
  * `...` on a line of its own matches any number of lines (zero included); `...` inside a line
    matches any text within that line (ids, timings, ports). Trailing spaces are ignored.
  * In a block whose info string also says `any-order`, consecutive expected lines with the same
    indentation may appear in any order: actions of one RunOrder run at the same time, so their
    `started`/`Succeeded` lines interleave differently on each run.
  * All commands of the page run one after another in ONE bash process (so `export`, `cd` and
    `&` jobs carry over), in a temporary copy of the repository, with pipemu's build directory
    first on PATH and HOME pointing into the temporary directory.

Usage: doc_test.py PAGE.md --repo ROOT --bin DIR [--keep] [--show]
  --show prints each command's actual output (to write or update the page by hand; it never
  writes the page itself). Exit 0 when every output matches, 1 otherwise, 77 when the page needs
  Docker (a `docker` executor line is expected) and no engine answers.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

WILDCARD = "..."


class Command:
    def __init__(self, text, expected, line, any_order):
        self.text = text          # the command, continuation lines joined with "\n"
        self.expected = expected  # expected output lines
        self.line = line          # 1-based line of the `$ ` in the page
        self.any_order = any_order


def parse_page(path):
    """The page's console commands, in order."""
    commands = []
    fence = None
    current = None
    any_order = False
    continuing = False
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for number, raw in enumerate(lines, start=1):
        stripped = raw.strip()
        if fence is None:
            m = re.match(r"^(`{3,})\s*(\S*)\s*(.*)$", stripped)
            if m:
                fence = m.group(1)
                is_console = m.group(2) == "console"
                any_order = "any-order" in m.group(3).split()
                current = [] if is_console else None
                continuing = False
            continue
        if stripped.startswith(fence) and stripped.strip("`") == "":
            fence = None
            current = None
            continue
        if current is None:
            continue
        if raw.startswith("$ "):
            commands.append(Command(raw[2:], [], number, any_order))
            current = commands[-1].expected
            continuing = True
        elif continuing and (raw.startswith("> ") or raw == ">"):
            commands[-1].text += "\n" + raw[2:]
        elif commands and current is commands[-1].expected:
            continuing = False
            current.append(raw.rstrip())
        # Lines before a block's first `$ ` are not output of anything: ignored.
    for c in commands:
        while c.expected and c.expected[-1] == "":
            c.expected.pop()
    return commands


def line_matches(pattern, actual):
    if WILDCARD not in pattern:
        return pattern == actual
    parts = [re.escape(p) for p in pattern.split(WILDCARD)]
    return re.fullmatch(".*?".join(parts), actual, flags=re.S) is not None


def groups(expected, any_order):
    """Expected lines as groups: in an any-order block, consecutive lines with the same
    indentation form one group whose lines may match in any order."""
    out = []
    for line in expected:
        key = None
        if any_order and line.strip() and line.strip() != WILDCARD:
            key = len(line) - len(line.lstrip())
        if key is not None and out and out[-1][0] == key:
            out[-1][1].append(line)
        else:
            out.append((key, [line]))
    return [g for _, g in out]


def matches(expected, actual, any_order):
    """Whether the actual lines match the expected patterns (see the module comment)."""
    gs = groups(expected, any_order)
    memo = {}

    def match(gi, ai):
        key = (gi, ai)
        if key in memo:
            return memo[key]
        if gi == len(gs):
            result = ai == len(actual)
        elif gs[gi] == [WILDCARD]:
            result = any(match(gi + 1, k) for k in range(ai, len(actual) + 1))
        else:
            g = gs[gi]
            window = actual[ai:ai + len(g)]
            result = len(window) == len(g) and group_matches(g, window) and match(gi + 1, ai + len(g))
        memo[key] = result
        return result

    return match(0, 0)


def group_matches(patterns, window):
    if len(patterns) == 1:
        return line_matches(patterns[0], window[0])
    # Any order: each pattern takes a distinct actual line (small groups: try assignments).
    def assign(i, used):
        if i == len(patterns):
            return True
        return any(j not in used and line_matches(patterns[i], window[j]) and assign(i + 1, used | {j})
                   for j in range(len(window)))
    return assign(0, frozenset())


def copy_repo(root, dest):
    ignore = shutil.ignore_patterns("build", "build-*", ".git", ".pipemu", "reports", "tour",
                                    "pipemu-demo", "__pycache__")
    shutil.copytree(root, dest, ignore=ignore, symlinks=True)


def script_for(commands, outdir):
    """One bash script: each command's output to its own file, its exit status next to it."""
    parts = ["exec </dev/null"]
    for i, c in enumerate(commands):
        parts.append("{\n%s\n} >'%s/%d.out' 2>&1" % (c.text, outdir, i))
        parts.append("echo $? >'%s/%d.rc'" % (outdir, i))
    # Background jobs the page forgot to stop must not outlive the test.
    parts.append("kill $(jobs -p) 2>/dev/null; wait 2>/dev/null; true")
    return "\n".join(parts) + "\n"


def docker_needed(commands):
    return any(any("docker executor" in line for line in c.expected) for c in commands)


def docker_answers():
    try:
        return subprocess.run(["docker", "version"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, timeout=20).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("page")
    ap.add_argument("--repo", required=True)
    ap.add_argument("--bin", required=True, help="directory holding the built pipemu")
    ap.add_argument("--keep", action="store_true", help="keep the temporary copy")
    ap.add_argument("--show", action="store_true", help="print each command's actual output")
    ap.add_argument("--timeout", type=int, default=240)
    args = ap.parse_args()

    commands = parse_page(args.page)
    if not commands:
        print(f"{args.page}: no console commands found", file=sys.stderr)
        return 1
    if docker_needed(commands) and not docker_answers():
        print(f"{args.page}: expects the docker executor and no Docker engine answers; skipped")
        return 77

    tmp = tempfile.mkdtemp(prefix="pipemu-doc-")
    try:
        work = os.path.join(tmp, "pipemu")
        copy_repo(args.repo, work)
        outdir = os.path.join(tmp, "out")
        home = os.path.join(tmp, "home")
        os.makedirs(outdir)
        os.makedirs(home)
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("AWS_", "PIPEMU_", "GIT_"))}
        env.update(PATH=os.path.abspath(args.bin) + os.pathsep + env.get("PATH", ""),
                   HOME=home, AWS_EC2_METADATA_DISABLED="true", LC_ALL="C.UTF-8", TERM="dumb")
        if "AWS_CA_BUNDLE" in os.environ:
            env["AWS_CA_BUNDLE"] = os.environ["AWS_CA_BUNDLE"]
        script = os.path.join(tmp, "page.sh")
        with open(script, "w") as f:
            f.write(script_for(commands, outdir))
        try:
            subprocess.run(["bash", script], cwd=work, env=env, timeout=args.timeout,
                           stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            print(f"{args.page}: commands did not finish within {args.timeout} s", file=sys.stderr)
            return 1

        failures = 0
        for i, c in enumerate(commands):
            try:
                with open(os.path.join(outdir, f"{i}.out"), encoding="utf-8", errors="replace") as f:
                    actual = [l.rstrip() for l in f.read().split("\n")]
            except FileNotFoundError:
                actual = ["<command did not run>"]
            while actual and actual[-1] == "":
                actual.pop()
            if args.show:
                print(f"--- {args.page}:{c.line}: $ {c.text}")
                print("\n".join(actual))
            if not matches(c.expected, actual, c.any_order):
                failures += 1
                print(f"{args.page}:{c.line}: output of `{c.text.splitlines()[0]}` differs",
                      file=sys.stderr)
                print("  expected:", file=sys.stderr)
                print("\n".join("    | " + l for l in c.expected), file=sys.stderr)
                print("  actual:", file=sys.stderr)
                print("\n".join("    | " + l for l in actual), file=sys.stderr)
        print(f"{args.page}: {len(commands)} commands, {failures} with different output")
        return 1 if failures else 0
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

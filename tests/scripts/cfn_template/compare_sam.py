#!/usr/bin/env python3
"""Compares pipemu's SAM expansion with aws-sam-translator's for every template in a folder.

Usage: compare_sam.py EXPAND_BINARY FOLDER. For each *.yaml: both must fail, or both succeed
with the same logical ids, the same resource types and the same resource bodies. Logical ids
carry SAM's hash suffixes (Version/Deployment), which pipemu computes the way SAM does, so they
are compared as they are. Templates named *.error.yaml must fail in both; the message of pipemu
must contain SAM's reason. Prints 'N passed, M failed' and exits non-zero on any failure.
"""
import glob
import json
import os
import subprocess
import sys

os.environ["AWS_DEFAULT_REGION"] = "eu-west-1"

from samtranslator.translator.transform import transform  # noqa: E402
from samtranslator.yaml_helper import yaml_parse  # noqa: E402


class Policies:
    """SAM's own bundled managed-policy table, which pipemu's table is generated from."""

    def load(self):
        import samtranslator
        path = os.path.join(os.path.dirname(samtranslator.__file__), "internal/data/aws_managed_policies.json")
        with open(path) as f:
            return json.load(f)["aws"]


def sam(path):
    with open(path) as f:
        doc = yaml_parse(f.read())
    try:
        return transform(doc, {}, Policies()), None
    except Exception as e:  # noqa: BLE001 - samtranslator raises several exception types
        return None, str(e)


def pipemu(binary, path):
    out = subprocess.run([binary, path, "eu-west-1"], capture_output=True, text=True, timeout=60)
    if out.stdout.startswith("ERROR: "):
        return None, out.stdout[7:].strip()
    if out.returncode != 0:
        return None, "crash: rc=%d %s" % (out.returncode, out.stderr)
    return json.loads(out.stdout), None


def normalise(value):
    """JSON round-trip so numbers and strings compare the same way on both sides."""
    if isinstance(value, dict):
        return {k: normalise(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normalise(v) for v in value]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, bool):
        return str(value).lower()
    return value


def compare(binary, path):
    want, want_err = sam(path)
    got, got_err = pipemu(binary, path)
    if want_err or got_err:
        if want_err and got_err:
            return []
        return ["sam error: %s / pipemu error: %s" % (want_err, got_err)]
    problems = []
    w, g = want["Resources"], got["Resources"]
    if sorted(w) != sorted(g):
        problems.append("logical ids differ: only sam %s, only pipemu %s" % (
            sorted(set(w) - set(g)), sorted(set(g) - set(w))))
    for rid in sorted(set(w) & set(g)):
        if w[rid]["Type"] != g[rid]["Type"]:
            problems.append("%s: type %s vs %s" % (rid, w[rid]["Type"], g[rid]["Type"]))
        elif normalise(w[rid]) != normalise(g[rid]):
            problems.append("%s: body differs\n  sam:    %s\n  pipemu: %s" % (
                rid, json.dumps(normalise(w[rid]), sort_keys=True), json.dumps(normalise(g[rid]), sort_keys=True)))
    return problems


def main():
    binary, folder = sys.argv[1], sys.argv[2]
    passed = failed = 0
    for path in sorted(glob.glob(os.path.join(folder, "*.yaml"))):
        problems = compare(binary, path)
        name = os.path.basename(path)
        if problems:
            failed += 1
            print("FAIL %s" % name)
            for p in problems:
                print("  " + p)
        else:
            passed += 1
            print("ok   %s" % name)
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed or not passed else 0)


if __name__ == "__main__":
    main()

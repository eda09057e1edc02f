#!/usr/bin/env python3
"""Compares the execution history aslc writes (--history) with the event types
AWS recorded (expected.json "history_types") for the deterministic conformance
cases that carry them. Map and Parallel interleave their branches' events by
scheduling, not by spec, so for machines with those states the same multiset
of types counts as a match.
  history.py --aslc BUILD/aslc --shared ../shared [--feature mocks] [--json REPORT] [--jobs N]
Prints one line per mismatch and the closing line 'N passed, M failed'.
"""
import argparse
import collections
import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile


def has_fork(node):
    if isinstance(node, dict):
        if node.get("Type") in ("Map", "Parallel"):
            return True
        return any(has_fork(v) for v in node.values())
    if isinstance(node, list):
        return any(has_fork(v) for v in node)
    return False


def case_list(cases_dir, feature):
    for name in sorted(os.listdir(cases_dir)):
        d = os.path.join(cases_dir, name)
        try:
            meta = json.load(open(os.path.join(d, "meta.json")))
            expected = json.load(open(os.path.join(d, "expected.json")))
        except (OSError, ValueError):
            continue
        if not meta.get("deterministic") or "history_types" not in expected:
            continue
        if feature and feature not in meta.get("features", []):
            continue
        yield name, d, expected["history_types"]


def run_case(aslc, name, d, expected):
    with tempfile.TemporaryDirectory() as tmp:
        hist = os.path.join(tmp, "h.json")
        cmd = [aslc, "run", os.path.join(d, "definition.json"), "--input", os.path.join(d, "input.json"),
               "--clock=virtual", "--history", hist]
        if os.path.exists(os.path.join(d, "mocks.json")):
            cmd += ["--mock-config", os.path.join(d, "mocks.json"), "--test-case", "Recorded"]
        if os.path.exists(os.path.join(d, "resources.json")):
            cmd += ["--resources", os.path.join(d, "resources.json")]
        try:
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
            got = [e["type"] for e in json.load(open(hist))["events"]]
        except (OSError, ValueError, KeyError, subprocess.TimeoutExpired):
            return name, False, "no history written"
    definition = json.load(open(os.path.join(d, "definition.json")))
    if has_fork(definition):
        ok = collections.Counter(got) == collections.Counter(expected)
    else:
        ok = got == expected
    return name, ok, "" if ok else "expected %s\n      got      %s" % (expected, got)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--aslc", required=True)
    ap.add_argument("--shared", required=True)
    ap.add_argument("--feature", default="")
    ap.add_argument("--json")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    cases = list(case_list(os.path.join(args.shared, "conformance", "cases"), args.feature))
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        results = list(pool.map(lambda c: run_case(args.aslc, *c), cases))
    failed = [r for r in results if not r[1]]
    for name, _, why in failed:
        print("MISMATCH %s" % name + ("\n      %s" % why if args.verbose else ""))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({name: ok for name, ok, _ in results}, f, indent=1)
    print("%d passed, %d failed" % (len(results) - len(failed), len(failed)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

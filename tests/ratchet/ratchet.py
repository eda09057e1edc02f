#!/usr/bin/env python3
"""Runs one shared suite (../shared) and compares it with the committed list of
cases that pass (tests/ratchet/<suite>.passing.txt).

Fails when a listed case no longer passes, or when the list names a case the
suite does not have; never merely because a case not yet implemented fails.
Prints the suite's own closing line and the ratchet's counts.
  ratchet.py SUITE --aslc BUILD/aslc --shared ../shared [--update] [--jobs N]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def run_corpus(args, report):
    cmd = [sys.executable, os.path.join(args.shared, "corpus", "check.py"), "--aslc", args.aslc,
           "--no-fail", "--json-report", report]
    return cmd, lambda data: {r["file"]: r["status"] in ("pass", "warn") for r in data}


# Slices of the conformance suite that the issues report on.
CONFORMANCE_SCOPES = [
    ("JSONPath core (no Task/Map/Parallel/JSONata/variables)",
     lambda f: not any(x in ("task", "map", "parallel", "jsonata", "variables", "mocks") or
                       x.startswith(("task:", "jsonata:", "map:")) for x in f)),
    ("mocked tasks", lambda f: "mocks" in f),
    ("JSONata or variables", lambda f: "jsonata" in f or "variables" in f),
    ("neither JSONata nor variables", lambda f: "jsonata" not in f and "variables" not in f),
    ("Map", lambda f: "map" in f),
    ("Parallel", lambda f: "parallel" in f),
    ("Retry/Catch", lambda f: "retry" in f or "catch" in f),
    ("ItemReader", lambda f: "itemreader" in f),
]


def conformance_outcome(data):
    results = data["results"]
    for name, pick in CONFORMANCE_SCOPES:
        chosen = [r for r in results if pick(r.get("features", []))]
        passed = sum(1 for r in chosen if r["passed"])
        print("conformance scope: %-58s %4d/%-4d %5.1f%%" % (name, passed, len(chosen),
                                                            100.0 * passed / max(1, len(chosen))))
    return {r["case"]: bool(r["passed"]) for r in results}


def run_conformance(args, report):
    cmd = [sys.executable, os.path.join(args.shared, "conformance", "run.py"), "--aslc", args.aslc,
           "--no-fail", "--json", report, "--jobs", str(args.jobs), "--show", "0",
           "--deterministic-only"]
    if args.run_args:
        cmd += ["--run-args", args.run_args]
    return cmd, conformance_outcome


def run_jsonata(args, report):
    suite = os.path.join(args.shared, "jsonata-suite")
    cmd = [sys.executable, os.path.join(suite, "run.py"), "--eval", args.aslc + " jsonata", "--no-fail",
           "--report", report, "--jobs", str(args.jobs), "-q",
           "--exclude-file", os.path.join(suite, "post-2.0.6.json"),
           "--exclude-file", os.path.join(suite, "aws-unsupported.json")]
    return cmd, lambda data: {k: v["status"] == "pass" for k, v in data.items() if v["status"] != "skip"}


def run_history(args, report):
    cmd = [sys.executable, os.path.join(HERE, "history.py"), "--aslc", args.aslc, "--shared", args.shared,
           "--json", report, "--jobs", str(args.jobs)]
    return cmd, lambda data: data


SUITES = {"corpus": run_corpus, "conformance": run_conformance, "jsonata": run_jsonata, "history": run_history}


def load_list(path):
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [line.strip() for line in f if line.strip() and not line.startswith("#")]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("suite", choices=sorted(SUITES))
    ap.add_argument("--aslc", required=True)
    ap.add_argument("--shared", required=True)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--run-args", default="", help="conformance only: extra flags for every run")
    ap.add_argument("--list", help="the ratchet list (default tests/ratchet/SUITE.passing.txt)")
    ap.add_argument("--update", action="store_true", help="rewrite the list with every case that passes now")
    args = ap.parse_args()
    if not os.path.isdir(args.shared):
        print("ratchet: shared suites not found at %s" % args.shared)
        return 1
    list_path = args.list or os.path.join(HERE, args.suite + ".passing.txt")
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, "report.json")
        cmd, read = SUITES[args.suite](args, report)
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        tail = [line for line in proc.stdout.splitlines() if line.strip()][-3:]
        if not os.path.exists(report):
            print(proc.stdout[-4000:])
            print("ratchet: %s produced no report" % args.suite)
            return 1
        with open(report) as f:
            outcome = read(json.load(f))
    passing = sorted(case for case, ok in outcome.items() if ok)
    expected = load_list(list_path)
    regressed = [c for c in expected if c in outcome and not outcome[c]]
    unknown = [c for c in expected if c not in outcome]
    newly = [c for c in passing if c not in set(expected)]
    for line in tail:
        print("%s: %s" % (args.suite, line))
    print("%s: ratchet %d listed, %d regressed, %d unknown, %d newly passing (of %d cases)" % (
        args.suite, len(expected), len(regressed), len(unknown), len(newly), len(outcome)))
    for c in regressed[:50]:
        print("  REGRESSED %s" % c)
    for c in unknown[:20]:
        print("  NOT IN SUITE %s" % c)
    if args.update:
        with open(list_path, "w") as f:
            f.write("# cases of the %s suite that pass; CI fails if one stops passing (tests/ratchet/ratchet.py --update)\n" % args.suite)
            f.write("".join(c + "\n" for c in passing))
        print("%s: list updated (%d cases)" % (args.suite, len(passing)))
        return 0
    failed = len(regressed) + len(unknown)
    print("%s: %d passed, %d failed" % (args.suite, len(expected) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

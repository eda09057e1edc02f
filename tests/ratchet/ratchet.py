#!/usr/bin/env python3
"""Runs one shared suite (../shared) and compares it with the committed list of
cases that pass (tests/ratchet/<suite>.passing.txt).

Fails when a listed case no longer passes, or when the list names a case the
suite does not have; never merely because a case not yet implemented fails.
Prints the suite's own closing line and the ratchet's counts.
  ratchet.py SUITE --aslc BUILD/aslc --shared ../shared [--update] [--jobs N]

conformance-interpret runs the conformance suite on the reference interpreter
(`aslc run --interpret`) with its own list, and also requires both modes to
agree case by case (same exit status, same output or Error/Cause): it compares
with the compiled run's report (--save-report of the conformance suite, given
as --compare-report), or runs the compiled mode itself when that report is
missing or older than aslc.
"""
import argparse
import json
import os
import shutil
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
        cmd += ["--run-args=" + args.run_args]  # '=': the value starts with '--'
    return cmd, conformance_outcome


def run_conformance_interpret(args, report):
    interpreted = argparse.Namespace(**vars(args))
    interpreted.run_args = (args.run_args + " --interpret").strip()
    return run_conformance(interpreted, report)


def stdout_value(result):
    """What a run printed, as JSON when it is JSON (so key order does not count)."""
    try:
        return json.loads(result["stdout"])
    except ValueError:
        return result["stdout"]


def mode_disagreements(interpreted, compiled):
    """Cases where the two modes differ: exit status or output. A case that
    timed out in one mode is reported apart (load, not semantics)."""
    theirs = {r["case"]: r for r in compiled["results"]}
    differ, timed_out = [], []
    for mine in interpreted["results"]:
        other = theirs.get(mine["case"])
        if other is None:
            differ.append((mine["case"], "not run in compiled mode"))
        elif mine["exit_code"] is None or other["exit_code"] is None:
            timed_out.append(mine["case"])
        elif mine["exit_code"] != other["exit_code"]:
            differ.append((mine["case"], "exit %s interpreted, %s compiled" % (mine["exit_code"], other["exit_code"])))
        elif stdout_value(mine) != stdout_value(other):
            differ.append((mine["case"], "output %r interpreted, %r compiled" % (
                mine["stdout"].strip()[:300], other["stdout"].strip()[:300])))
    return differ, timed_out


def compiled_report(args):
    """The compiled conformance run's report: --compare-report when it is newer
    than aslc, else a fresh compiled run."""
    path = args.compare_report
    aslc_time = os.path.getmtime(args.aslc) if os.path.exists(args.aslc) else 0
    if path and os.path.exists(path) and os.path.getmtime(path) >= aslc_time:
        with open(path) as f:
            return json.load(f)
    print("conformance-interpret: no fresh compiled report%s; running the compiled mode" %
          (" at " + path if path else ""))
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, "compiled.json")
        cmd, _ = run_conformance(args, report)
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        with open(report) as f:
            return json.load(f)


def check_modes_agree(args, interpreted):
    differ, timed_out = mode_disagreements(interpreted, compiled_report(args))
    print("conformance-interpret: modes agree on %d of %d cases (%d timed out in one mode, not compared)" % (
        len(interpreted["results"]) - len(differ) - len(timed_out), len(interpreted["results"]), len(timed_out)))
    for case, why in differ[:50]:
        print("  MODES DISAGREE %s: %s" % (case, why))
    return len(differ)


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


SUITES = {"corpus": run_corpus, "conformance": run_conformance, "conformance-interpret": run_conformance_interpret,
          "jsonata": run_jsonata, "history": run_history}


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
    ap.add_argument("--save-report", help="keep the suite's JSON report here (conformance-interpret compares with it)")
    ap.add_argument("--compare-report", help="conformance-interpret: the compiled run's report (--save-report)")
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
            data = json.load(f)
        if args.save_report:
            shutil.copyfile(report, args.save_report)
        outcome = read(data)
        disagreements = check_modes_agree(args, data) if args.suite == "conformance-interpret" else 0
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
    return 1 if failed or disagreements else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Runs machines on mutated inputs, compiled and interpreted, and compares.

usage: tools/fuzz_runtime.py ASLC CASES_DIR [--seed N] [--count N] [--work DIR]

CASES_DIR holds conformance-style cases (CASE/definition.json, input.json and
optional mocks.json / resources.json; ../shared/conformance/cases). Each run
picks a case, breaks its input at random (members dropped, values of other
types, numbers nudged, strings changed), and runs it with `aslc run` and
`aslc run --interpret` (virtual clock, fixed seed and start time). Reported:
an improper answer from either (a signal, a time-out, an exit status outside
0-5) and any difference between the two (output and exit status). Exits 1
when it found any, keeping the inputs in --work.
"""
import argparse
import copy
import json
import os
import random
import subprocess
import sys

GARBAGE = [None, True, 0, -1, 2.5, 1e300, 2**64, "", "x", "2016-03-14T01:59:00Z", [], {}, [1, "a"], {"a": {"b": []}}]


def slots(value):
    if isinstance(value, dict):
        for key in list(value):
            yield value, key
            yield from slots(value[key])
    elif isinstance(value, list):
        for i in range(len(value)):
            yield value, i
            yield from slots(value[i])


def mutate(doc, rng):
    doc = copy.deepcopy(doc)
    places = list(slots(doc))
    if not places or rng.random() < 0.1:
        return copy.deepcopy(rng.choice(GARBAGE + [doc]))
    for _ in range(rng.randint(1, 2)):
        container, key = rng.choice(places)
        r = rng.random()
        if r < 0.3 and isinstance(container, dict):
            del container[key]
        elif r < 0.7:
            container[key] = copy.deepcopy(rng.choice(GARBAGE))
        elif isinstance(container[key], bool):
            container[key] = not container[key]
        elif isinstance(container[key], (int, float)):
            container[key] = container[key] + rng.choice([1, -1, 0.5])
        elif isinstance(container[key], str):
            container[key] = container[key] + "z"
        places = list(slots(doc))
        if not places:
            break
    return doc


def run(cmd):
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, errors="replace", timeout=60)
        return r.returncode, r.stdout.strip()
    except subprocess.TimeoutExpired:
        return "timed out", ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("aslc")
    ap.add_argument("cases")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--work", default="/tmp/aslc-fuzz-runtime")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    cases = []
    for name in sorted(os.listdir(args.cases)):
        expected = os.path.join(args.cases, name, "expected.json")
        if os.path.exists(expected) and json.load(open(expected)).get("status") == "INVALID_DEFINITION":
            continue
        if os.path.exists(os.path.join(args.cases, name, "definition.json")):
            cases.append(name)
    os.makedirs(args.work, exist_ok=True)
    problems = 0
    for n in range(args.count):
        case = os.path.join(args.cases, rng.choice(cases))
        with open(os.path.join(case, "input.json")) as f:
            mutant = mutate(json.load(f), rng)
        path = os.path.join(args.work, "input%d.json" % n)
        with open(path, "w") as f:
            json.dump(mutant, f)
        cmd = [args.aslc, "run", os.path.join(case, "definition.json"), "--input", path, "--clock=virtual",
               "--seed", "1", "--start-time", "2026-01-01T00:00:00Z"]
        if os.path.exists(os.path.join(case, "mocks.json")):
            cmd += ["--mock-config", os.path.join(case, "mocks.json"), "--test-case", "Recorded"]
        if os.path.exists(os.path.join(case, "resources.json")):
            cmd += ["--resources", os.path.join(case, "resources.json")]
        compiled, interpreted = run(cmd), run(cmd + ["--interpret"])
        improper = [r for r in (compiled, interpreted) if not isinstance(r[0], int) or not 0 <= r[0] <= 5]
        if improper:
            problems += 1
            print("IMPROPER %s %s: compiled %s, interpreted %s" % (case, path, compiled[0], interpreted[0]))
        elif interpreted[0] == 3:
            pass  # a feature the interpreter refuses (native handlers): nothing to compare
        elif compiled != interpreted:
            problems += 1
            print("DIFFERENT %s %s:\n  compiled    %s %s\n  interpreted %s %s"
                  % (case, path, compiled[0], compiled[1][:300], interpreted[0], interpreted[1][:300]))
        else:
            os.remove(path)
    print("fuzz_runtime: %d runs, %d problems" % (args.count, problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

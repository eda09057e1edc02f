#!/usr/bin/env python3
"""Mutates JSONata expressions and checks that `aslc jsonata` answers each.

usage: fuzz_jsonata.py ASLC SOURCE... [--seed N] [--count N] [--work DIR]

SOURCEs are files of JSONata expressions, one per line (lit: Inputs/jsonata_expressions.txt),
or directories of the reference suite's case files ({"expr": ...}, by hand:
../shared/jsonata-suite/groups). Each expression is broken at random -- a
character inserted, dropped or doubled, a piece of another expression
spliced in, brackets left open, a deep nest -- and evaluated with a small
time and depth limit against a fixed document. Every answer must be a result
(exit 0) or a JSONata error object {"code", ...} (exit 1); never a signal, a
time-out, a usage error or an uncaught exception. Exits 1 on the first
improper answer, keeping the expression in --work.
"""
import json
import os
import subprocess
import sys

from fuzz_common import fuzz_arguments

DATA = {"a": 1, "b": [1, 2, 3], "s": "text", "o": {"x": {"y": [{"z": 1}, {"z": "2"}]}}, "n": None, "t": True,
        "f": 1.5e300, "e": [], "m": {}}
PIECES = ["(", ")", "[", "]", "{", "}", "$", "$$", ".", "..", "*", "**", "~>", "?", ":", ":=", ",", ";", "'", '"',
          "`", "%", "^(", "#", "@", "|", "&", "!=", "<=", "$x", "$f(", "function($x){", "λ", "\\", "/", "/a+/i",
          " and ", " or ", " in ", "1e400", "-0", "9223372036854775808", "$string(", "$sum(", "$map(", "$sort(",
          "$reduce(", "$match(", "$replace(", "$eval(", "$lookup(", "$keys(", "$spread(", "$each(", "$sift(",
          "$formatNumber(", "$formatInteger(", "$fromMillis(", "$toMillis(", "$pad(", "$substring(",
          "$split(", "$join(", "$partition(", "$range(", "$hash(", "$uuid()", "$random()", "$parse("]


def expressions(sources):
    for source in sources:
        if os.path.isdir(source):
            for folder, _, files in os.walk(source):
                for name in sorted(files):
                    if not name.endswith(".json"):
                        continue
                    try:
                        with open(os.path.join(folder, name), encoding="utf-8") as f:
                            cases = json.load(f)
                    except (ValueError, UnicodeDecodeError):
                        continue
                    for case in cases if isinstance(cases, list) else [cases]:
                        if isinstance(case, dict) and isinstance(case.get("expr"), str):
                            yield case["expr"]
        else:
            with open(source, encoding="utf-8") as f:
                yield from (line.rstrip("\n") for line in f if line.strip() and not line.startswith("#"))


def mutate(expr, others, rng):
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(expr) + 1)
        op = rng.randrange(6)
        if op == 0:
            expr = expr[:at] + rng.choice(PIECES) + expr[at:]
        elif op == 1:
            expr = expr[:at] + expr[at + rng.randint(1, 5):]
        elif op == 2:
            expr = expr[:at] + expr[at:at + rng.randint(1, 8)] * 2 + expr[at:]
        elif op == 3:
            other = rng.choice(others)
            cut = rng.randrange(len(other) + 1)
            expr = expr[:at] + other[cut:cut + rng.randint(1, 30)] + expr[at:]
        elif op == 4:
            expr = rng.choice(["(", "[", "{", "$f(", "-"]) * rng.choice([10, 300, 3000]) + expr
        else:
            expr = expr[:at]
    return expr


def main():
    args, rng = fuzz_arguments("fuzz_jsonata", "expression files or folders of suite cases")
    pool = sorted(set(expressions(args.sources)))
    if not pool:
        print("fuzz_jsonata: no expressions in %s" % " ".join(args.sources))
        return 1
    os.makedirs(args.work, exist_ok=True)
    data = os.path.join(args.work, "data.json")
    with open(data, "w") as f:
        json.dump(DATA, f)
    results = errors = 0
    for n in range(args.count):
        expr = mutate(rng.choice(pool), pool, rng)
        path = os.path.join(args.work, "expr%d.jsonata" % n)
        with open(path, "w", encoding="utf-8", errors="surrogatepass") as f:
            f.write(expr)
        cmd = [args.aslc, "jsonata", "--expr-file", path, "--data-file", data, "--aws", "--seed", "1",
               "--timelimit", "2000", "--depth", "500"]
        try:
            r = subprocess.run(cmd, capture_output=True, text=True, errors="replace", timeout=60)
        except subprocess.TimeoutExpired:
            r = None
        why = None
        if r is None:
            why = "timed out"
        elif r.returncode < 0:
            why = "killed by signal %d" % -r.returncode
        elif r.returncode == 1:
            try:
                why = None if "code" in json.loads(r.stdout.splitlines()[-1]) else "exit 1 without an error code"
            except (ValueError, IndexError):
                why = "exit 1 without a JSON error: %r" % r.stdout[:200]
        elif r.returncode != 0:
            why = "exit status %d: %s" % (r.returncode, r.stderr[:200])
        elif any(bad in r.stderr for bad in ("terminate called", "what():", "Assertion")):
            why = "stderr: %s" % r.stderr[:200]
        if why:
            print("fuzz_jsonata: FAIL %s: %s" % (path, why))
            return 1
        if r.returncode == 0:
            results += 1
        else:
            errors += 1
        os.remove(path)
    print("fuzz_jsonata: %d expressions, %d evaluated, %d JSONata errors, 0 improper" % (args.count, results, errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Mutates real definitions and checks that aslc answers each one properly.

usage: fuzz_definitions.py ASLC DIR... [--seed N] [--count N] [--work DIR]

Takes the definitions found under the DIRs (lit: the project's examples and
validator cases; by hand: also ../shared/corpus, hundreds more), breaks them at random -- in their JSON (a member dropped,
a value of another type, a garbage path, intrinsic or JSONata expression, a
state of another type, deep nesting) or in their text (truncated, a byte
changed) -- and runs `aslc check` on each, then `aslc build --emit=ir` (and
sometimes `--emit=llvm`) on those it accepts. Every answer must be one of
the documented ones: exit 0, or exit 2 with diagnostics in the
`FILE:LINE:COL: error: ...` form; never a signal, a time-out, an internal
error or an uncaught exception. Prints a summary; exits 1 on the first
improper answer, with the mutant kept in --work for a reproduction.
"""
import copy
import json
import os
import re
import subprocess
import sys

from fuzz_common import fuzz_arguments

GARBAGE = [
    None, True, 0, -1, 1.5, 1e300, 2**70, -2**63, "", " ", "$", "$$", "$.", "$..", "$[", "$.a[?(@.b ==",
    "$.a[-1:]", "$['a", "States.Format(", "States.Array(1,", "States.MathAdd($.a, 'x')",
    "States.JsonToString($$.Map.Item.Value)", "{% %}", "{% $x( %}", "{% $states.input.a %}",
    "{% ) %}", "\u0000", "\udfff", "\ufffd", "x" * 5000, "arn:aws:lambda:::function:",
    "arn:aws:states:::lambda:invoke.waitForTaskToken", "2016-03-14T01:59:00", "not-a-time",
    [], {}, [[[]]], {"Type": "Pass"}, {"Variable": "$.x"}, ["States.ALL"], {"StartAt": "A", "States": {}},
]
STATE_TYPES = ["Pass", "Task", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map", "Bogus"]
FIELDS = ["Next", "End", "Type", "InputPath", "OutputPath", "ResultPath", "Parameters", "ResultSelector",
          "Arguments", "Output", "Assign", "QueryLanguage", "Retry", "Catch", "Choices", "Default",
          "Seconds", "Timestamp", "SecondsPath", "TimestampPath", "Items", "ItemsPath", "ItemSelector",
          "ItemProcessor", "Iterator", "Branches", "MaxConcurrency", "TimeoutSeconds", "HeartbeatSeconds",
          "Error", "Cause", "ErrorPath", "CausePath", "Resource", "Comment", "ItemReader", "ResultWriter",
          "ItemBatcher", "ToleratedFailurePercentage", "Label", "Condition", "Variable", "StringEquals"]


def nodes(value, path=()):
    """Every (container, key) in the document, the root's own slot excluded."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield value, k
            yield from nodes(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield value, i
            yield from nodes(v, path + (i,))


def deep(depth, leaf):
    v = leaf
    for i in range(depth):
        v = [v] if i % 2 else {"a": v}
    return v


def mutate_json(doc, rng):
    slots = list(nodes(doc))
    if not slots:
        return doc
    for _ in range(rng.randint(1, 3)):
        container, key = rng.choice(slots)
        op = rng.randrange(8)
        try:
            if op == 0 and isinstance(container, dict):
                del container[key]
            elif op == 1:
                container[key] = copy.deepcopy(rng.choice(GARBAGE))
            elif op == 2 and isinstance(container, dict):
                container[rng.choice(FIELDS)] = copy.deepcopy(rng.choice(GARBAGE + [container[key]]))
            elif op == 3 and isinstance(container, dict) and "Type" in container:
                container["Type"] = rng.choice(STATE_TYPES)
            elif op == 4:
                container[key] = deep(rng.choice([50, 500, 5000]), rng.choice(["$.a", 1, "{% 1 %}"]))
            elif op == 5 and isinstance(container, dict):
                container[key + ".$" if isinstance(key, str) else key] = rng.choice(GARBAGE[5:30])
            elif op == 6 and isinstance(container[key], str):
                s = container[key]
                cut = rng.randrange(len(s) + 1)
                container[key] = s[:cut] + rng.choice(["(", ")", "[", "'", "{%", "%}", "$", ".", ",", "\\"]) + s[cut:]
            elif op == 7 and isinstance(container, dict) and "States" in container and container["States"]:
                name = rng.choice(list(container["States"]))
                container["StartAt"] = rng.choice([name, name + "x", "", 7])
        except (KeyError, IndexError, TypeError):
            pass
        slots = list(nodes(doc))
        if not slots:
            break
    return doc


def mutate_text(text, rng):
    op = rng.randrange(3)
    at = rng.randrange(len(text) + 1)
    if op == 0:
        return text[:at]
    if op == 1:
        return text[:at] + chr(rng.choice([0, 9, 10, 34, 44, 58, 91, 93, 123, 125, 92, 0xE9, 0x1F600])) + text[at:]
    return text[:at] + text[at + rng.randint(1, 20):]


DIAGNOSTIC = re.compile(r"^.+:\d+:\d+: (error|warning): ")


def improper(result, path):
    """Why an answer is not a documented one, or None."""
    if result is None:
        return "timed out"
    if result.returncode < 0:
        return "killed by signal %d" % -result.returncode
    err = result.stderr
    for bad in ("internal error", "terminate called", "Assertion", "Segmentation", "AddressSanitizer",
                "what():", "LLVM ERROR", "PLEASE submit a bug report"):
        if bad in err:
            return "stderr says %r" % bad
    if result.returncode == 0:
        return None
    if result.returncode != 2:
        return "exit status %d" % result.returncode
    first = err.splitlines()[0] if err else ""
    if not DIAGNOSTIC.match(first) or not first.startswith(path):
        return "exit 2 without a FILE:LINE:COL diagnostic first: %r" % first[:200]
    return None


def definitions(dirs):
    """The JSON files under dirs that are state machines (have StartAt)."""
    for top in dirs:
        for folder, _, files in os.walk(top):
            for name in files:
                path = os.path.join(folder, name)
                if not name.endswith(".json"):
                    continue
                try:
                    with open(path, encoding="utf-8") as f:
                        if "StartAt" in json.load(f):
                            yield path
                except (ValueError, TypeError, UnicodeDecodeError):
                    continue


def run(cmd, timeout=60):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, errors="replace", timeout=timeout)
    except subprocess.TimeoutExpired:
        return None


def main():
    args, rng = fuzz_arguments("fuzz_definitions", "folders of definitions")
    sources = sorted(definitions(args.sources))
    if not sources:
        print("fuzz_definitions: no definitions under %s" % " ".join(args.sources))
        return 1
    os.makedirs(args.work, exist_ok=True)
    counts = {"accepted": 0, "rejected": 0, "built": 0}
    for n in range(args.count):
        source = rng.choice(sources)
        with open(source, encoding="utf-8") as f:
            text = f.read()
        if rng.random() < 0.25:
            mutant = mutate_text(text, rng)
        else:
            try:
                mutant = json.dumps(mutate_json(json.loads(text), rng), indent=rng.choice([None, 1]))
            except (ValueError, RecursionError):
                mutant = mutate_text(text, rng)
        path = os.path.join(args.work, "mutant%d.json" % n)
        with open(path, "w", encoding="utf-8", errors="surrogatepass") as f:
            f.write(mutant)
        checked = run([args.aslc, "check", path])
        why = improper(checked, path)
        steps = [("check", checked)]
        if why is None and checked.returncode == 0:
            emit = "llvm" if rng.random() < 0.2 else "ir"
            built = run([args.aslc, "build", path, "--emit=" + emit, "-o", os.devnull])
            steps.append(("build --emit=" + emit, built))
            why = improper(built, path)
            counts["built"] += why is None and built.returncode == 0
        if why is not None:
            print("fuzz_definitions: FAIL %s (from %s): aslc %s: %s" % (path, source, steps[-1][0], why))
            return 1
        counts["accepted" if checked.returncode == 0 else "rejected"] += 1
        os.remove(path)
    print("fuzz_definitions: %d mutants, %d accepted (%d built), %d rejected with a diagnostic, 0 improper"
          % (args.count, counts["accepted"], counts["built"], counts["rejected"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Differential fuzzer for promoted loops: random counting loops (Pass states
adding members and literals with States.MathAdd, sometimes a literal member, a
Choice comparing them under And/Or/Not) built with the IR passes and with --no-opt, run on random inputs
(integers near Java's int range, floats, strings, absent members); every
output and exit status must agree. Runs that time out (the machine's
TimeoutSeconds) are not compared: how far a loop gets in a second depends on
its speed.   usage: fuzz_promoted_loops.py ASLC WORKDIR SEED LOOPS (machines with a promoted loop)"""
import json
import os
import random
import subprocess
import sys

aslc, work, seed, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
rng = random.Random(seed)
OPS = ["NumericEquals", "NumericLessThan", "NumericGreaterThan", "NumericLessThanEquals", "NumericGreaterThanEquals"]


def condition(members, depth=0):
    r = rng.random()
    if depth < 2 and r < 0.15:
        return {"And": [condition(members, depth + 1) for _ in range(rng.randint(1, 3))]}
    if depth < 2 and r < 0.3:
        return {"Or": [condition(members, depth + 1) for _ in range(rng.randint(1, 3))]}
    if depth < 2 and r < 0.4:
        return {"Not": condition(members, depth + 1)}
    op = rng.choice(OPS)
    if rng.random() < 0.5:
        return {"Variable": "$." + rng.choice(members), op + "Path": "$." + rng.choice(members + ["lit"])}
    return {"Variable": "$." + rng.choice(members), op: rng.choice([0, 3, 10, 50, -1, 2147483647, 9223372036854775807])}


def machine():
    members = ["m%d" % i for i in range(rng.randint(1, 3))]
    names = ["P%d" % i for i in range(rng.randint(1, 2))]
    states = {}
    literal = rng.choice([None, 5, "x", {"k": [1, 2.5]}])  # a literal member all Passes write (None: none)
    for i, name in enumerate(names):
        params = {} if literal is None else {"lit": literal if rng.random() < 0.9 else "other"}
        for m in members:
            if rng.random() < 0.6:
                a = "$." + rng.choice(members) if rng.random() < 0.7 else str(rng.choice([0, 1, -1, 7, 2147483647, -2147483648]))
                b = "$." + rng.choice(members) if rng.random() < 0.3 else str(rng.choice([1, -1, 2, 0, 5]))
                params[m + ".$"] = "States.MathAdd(%s, %s)" % (a, b)
            else:
                params[m + ".$"] = "$." + m
        states[name] = {"Type": "Pass", "Parameters": params, "Next": names[i + 1] if i + 1 < len(names) else "Check"}
    check = {"Type": "Choice", "Choices": [dict(condition(members), Next=rng.choice(names + ["Done"]))
                                           for _ in range(rng.randint(1, 2))]}
    if rng.random() < 0.8:
        check["Default"] = rng.choice(["Done", names[0]])
    states["Check"] = check
    states["Done"] = {"Type": "Succeed"}
    return {"StartAt": names[0], "TimeoutSeconds": 1, "States": states}, members


def value():
    return rng.choice([0, 1, 5, -3, 17, 2147483640, 2147483645, 2147483647, -2147483648, -2147483649,
                       2 ** 40, 2 ** 63, 1.5, 3.0, "7", None, True, [1], {"a": 1}])


native = 0  # states the promoted loops ran (the optimized build's --bench line)


def run(exe, data):
    global native
    p = subprocess.run([exe, "--input", "-", "--repeat", "1", "--bench"], input=data, capture_output=True,
                       text=True, timeout=60)
    if exe == optimized and "promoted_states=" in p.stderr:
        native += int(p.stderr.split("promoted_states=")[1].split()[0])
    return p.returncode, p.stdout


os.makedirs(work, exist_ok=True)
definition, optimized, plain = (os.path.join(work, n) for n in ("m.json", "opt", "ref"))
promoted = compared = 0
while promoted < count:
    m, members = machine()
    with open(definition, "w") as f:
        json.dump(m, f)
    if subprocess.run([aslc, "check", definition], capture_output=True).returncode != 0:
        continue  # e.g. Done unreachable: not a definition AWS accepts
    ir = subprocess.run([aslc, "build", "--emit=ir", definition], capture_output=True, text=True, check=True).stdout
    if "loop ints" not in ir:
        continue  # the pass left it alone: both builds would be the same code
    subprocess.run([aslc, "build", definition, "-o", optimized], check=True)
    subprocess.run([aslc, "build", definition, "--no-opt", "-o", plain], check=True)
    promoted += 1
    for _ in range(4):
        data = json.dumps({k: (rng.choice([0, 1, 5, -3, 2147483645]) if rng.random() < 0.6 else value())
                           for k in members if rng.random() < 0.95})
        a = run(optimized, data)
        if "States.Timeout" in a[1]:
            continue  # the slower build would time out too
        b = run(plain, data)
        if "States.Timeout" in b[1]:
            continue
        compared += 1
        if a != b:
            print("MISMATCH\n%s\ninput %s\npasses:    %s\n--no-opt:  %s" % (json.dumps(m), data, a, b))
            sys.exit(1)
print("promoted loops %d, runs compared %d, states run natively %d, mismatches 0" % (promoted, compared, native))

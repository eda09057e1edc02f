"""Prints a machine of N counting loops in a row (Pass -> Choice -> back,
then on to the next), each over a member of its own.  usage: counting_loops.py N"""
import json
import sys

n = int(sys.argv[1])
states = {}
for i in range(n):
    states[f"P{i}"] = {"Type": "Pass", "Parameters": {f"k{i}.$": f"States.MathAdd($.k{i}, 1)"}, "Next": f"C{i}"}
    states[f"C{i}"] = {"Type": "Choice", "Choices": [{"Variable": f"$.k{i}", "NumericLessThan": 3, "Next": f"P{i}"}],
                       "Default": f"P{i + 1}" if i + 1 < n else "Done"}
states["Done"] = {"Type": "Succeed"}
print(json.dumps({"StartAt": "P0", "States": states}))

"""A task handler as a command: the task input on stdin, the result on stdout.

A failure is a non-zero exit with a Lambda-style {"errorType", "errorMessage"}
body on stdout, which becomes the task's Error and Cause.
"""
import json
import os
import sys

order = json.load(sys.stdin)
for item in order.get("items", []):
    if item["qty"] <= 0:
        json.dump({"errorType": "InvalidOrder", "errorMessage": f"{item['sku']}: quantity {item['qty']}"}, sys.stdout)
        sys.exit(1)
total = sum(item["qty"] * item["price"] for item in order.get("items", []))
json.dump({"total": round(total, 2), "currency": os.environ.get("CURRENCY", "USD")}, sys.stdout)

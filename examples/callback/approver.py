"""The second process: decides on the order and answers the task token.

It runs `aslc send-task-heartbeat` while it works, then `aslc send-task-success`
or `aslc send-task-failure`. aslc finds the execution through
$ASLC_CALLBACK_SOCKET; $ASLC names the aslc executable (default: aslc on PATH).
"""
import json
import os
import subprocess
import sys
import time

message = json.loads(sys.argv[1])
aslc = os.environ.get("ASLC", "aslc")
token = message["taskToken"]

subprocess.run([aslc, "send-task-heartbeat", "--task-token", token], check=True)
time.sleep(0.2)  # someone is looking at the order
if message["amount"] <= 100:
    answer = json.dumps({"approver": "alice", "amount": message["amount"]})
    subprocess.run([aslc, "send-task-success", "--task-token", token, "--task-output", answer], check=True)
else:
    subprocess.run([aslc, "send-task-failure", "--task-token", token, "--error", "Approval.Rejected",
                    "--cause", f"{message['amount']} is over the limit of 100"], check=True)

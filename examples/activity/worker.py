"""An activity worker: polls with `aslc get-activity-task`, answers with
`aslc send-task-success` (or send-task-failure), until the execution ends.

usage: worker.py --aslc ASLC --socket PATH [--worker-name NAME]
"""
import argparse
import json
import subprocess
import sys
import time

ARN = "arn:aws:states:us-east-1:123456789012:activity:resize"
GONE = 5  # aslc's exit status when the socket cannot be reached

args = argparse.ArgumentParser()
args.add_argument("--aslc", default="aslc")
args.add_argument("--socket", required=True)
args.add_argument("--worker-name", default="worker-1")
opts = args.parse_args()


def aslc(*argv):
    return subprocess.run([opts.aslc, *argv, "--socket", opts.socket], capture_output=True, text=True)


connected = False
started = time.monotonic()
while True:
    poll = aslc("get-activity-task", "--activity-arn", ARN, "--worker-name", opts.worker_name, "--wait-seconds", "5")
    if poll.returncode == GONE:
        if connected or time.monotonic() - started > 20:
            break  # the execution has ended (or never started)
        time.sleep(0.05)  # the executable is still starting
        continue
    if poll.returncode != 0:
        sys.exit(poll.stderr)
    connected = True
    task = json.loads(poll.stdout)
    if task["taskToken"] is None:
        continue
    image = json.loads(task["input"])
    aslc("send-task-heartbeat", "--task-token", task["taskToken"])
    if image["width"] > 1000:
        result = {"name": image["name"], "width": 1000, "resizedBy": opts.worker_name}
    else:
        result = {"name": image["name"], "width": image["width"], "resizedBy": None}
    done = aslc("send-task-success", "--task-token", task["taskToken"], "--task-output", json.dumps(result))
    if done.returncode != 0:
        sys.exit(done.stderr)

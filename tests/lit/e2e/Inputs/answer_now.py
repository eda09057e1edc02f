"""A bound command that answers its own task token before it exits:
usage: answer_now.py ASLC   (the task input, with the token in "Message", on stdin)."""
import json
import subprocess
import sys

token = json.load(sys.stdin)["Message"]
subprocess.run([sys.argv[1], "send-task-success", "--task-token", token, "--task-output", '{"early":true}'], check=True)
print("{}")

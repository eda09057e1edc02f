"""The service call of a .waitForTaskToken task, bound as a command.

It gets the rendered Parameters (the SQS message, with the task token in it)
on stdin, starts a second process that will answer the token later, and
returns the SQS-style response at once. The executable discards this response
and waits for the answer on its callback socket ($ASLC_CALLBACK_SOCKET, which
the approver inherits).
"""
import json
import os
import subprocess
import sys

params = json.load(sys.stdin)
approver = os.path.join(os.path.dirname(os.path.abspath(__file__)), "approver.py")
# A process of its own (new session, no pipes to this command), so this
# command can exit while the approver is still deciding.
subprocess.Popen([sys.executable, approver, json.dumps(params["MessageBody"])],
                 stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                 start_new_session=True)
json.dump({"MessageId": "msg-" + params["MessageBody"]["order"]}, sys.stdout)

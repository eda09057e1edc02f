"""Runs EXE --callback-socket SOCK in the background, waits for the socket,
runs the command after '--' (its output and status are this script's), then
stops EXE.   usage: with_running.py EXE SOCK -- COMMAND..."""
import os
import subprocess
import sys
import time

exe, sock = sys.argv[1], sys.argv[2]
command = sys.argv[sys.argv.index("--") + 1:]
if os.path.exists(sock):
    os.unlink(sock)  # left by an earlier run that was killed
background = subprocess.Popen([exe, "--callback-socket", sock], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
deadline = time.monotonic() + 10
while not os.path.exists(sock) and time.monotonic() < deadline:
    time.sleep(0.02)
status = subprocess.run(command).returncode
background.kill()
background.wait()
sys.exit(status)

#!/usr/bin/env python3
"""End-to-end HTTP tests: workflows with http:invoke tasks and http bindings,
compiled with aslc and run against examples/http/server.py on an ephemeral
127.0.0.1 port (started here, stopped at the end).

usage: http_e2e.py --aslc BUILD/aslc
Prints one line per case and the timings; exits 1 if any case fails."""
import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER = os.path.join(HERE, "..", "..", "examples", "http", "server.py")
INVOKE = "arn:aws:states:::http:invoke"
FAILURES = []


def start_server():
    proc = subprocess.Popen([sys.executable, SERVER], stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline().split()
    if len(line) != 2 or line[0] != "PORT":
        proc.kill()
        sys.exit("the test server did not start")
    return proc, int(line[1])


def unused_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_task(url, method="GET", **extra):
    params = {"ApiEndpoint": url, "Method": method}
    params.update(extra)
    return {"Type": "Task", "Resource": INVOKE, "Parameters": params}


def machine(state, **fields):
    state = dict(state)
    state.update(fields)
    state.setdefault("End", True)
    return {"StartAt": "Call", "States": {"Call": state}}


# What a case keeps of a result: Date and Server headers change from run to run.
SHAPE = {"body.$": "$.ResponseBody", "status.$": "$.StatusCode", "text.$": "$.StatusText",
         "type.$": "$.Headers.Content-Type[0]"}


class Runner:
    def __init__(self, aslc, tmp):
        self.aslc, self.tmp, self.count = aslc, tmp, 0

    def write(self, name, value):
        path = os.path.join(self.tmp, name)
        with open(path, "w") as f:
            json.dump(value, f)
        return path

    def run(self, definition, input_value=None, bindings=None, extra=()):
        """Compiles and runs a definition: (exit status, output JSON, seconds the run took)."""
        self.count += 1
        asl = self.write(f"m{self.count}.asl.json", definition)
        exe = os.path.join(self.tmp, f"m{self.count}")
        build = [self.aslc, "build", asl, "-o", exe]
        if bindings is not None:
            build += ["--bindings", self.write(f"b{self.count}.json", bindings)]
        subprocess.run(build, check=True)
        cmd = [exe, "--input", self.write(f"i{self.count}.json", input_value or {})] + list(extra)
        start = time.monotonic()
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        took = time.monotonic() - start
        try:
            output = json.loads(done.stdout) if done.stdout.strip() else None
        except json.JSONDecodeError:
            output = done.stdout
        return done.returncode, output, took, done.stderr


def check(name, condition, detail=""):
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else ": " + str(detail)))
    if not condition:
        FAILURES.append(name)


def cases(r, base):
    rc, out, _, _ = r.run(machine(http_task(base + "/json"), ResultSelector=SHAPE))
    check("GET with a JSON body", rc == 0 and out == {"body": {"hello": "world"}, "status": 200, "text": "OK",
                                                       "type": "application/json"}, out)

    rc, out, _, _ = r.run(machine(http_task(base + "/text"), ResultSelector=SHAPE))
    check("GET with a text body", rc == 0 and out["body"] == "plain text" and out["type"] == "text/plain", out)

    rc, out, _, _ = r.run(machine(http_task(base + "/status/404")))
    cause = json.loads(out["Cause"]) if isinstance(out, dict) and "Cause" in out else {}
    check("404 fails with States.Http.StatusCode.404",
          rc == 1 and out["Error"] == "States.Http.StatusCode.404" and cause.get("StatusCode") == 404
          and cause.get("ResponseBody") == {"status": 404}, out)

    caught = {"StartAt": "Call", "States": {
        "Call": dict(http_task(base + "/status/500"), Catch=[
            {"ErrorEquals": ["States.Http.StatusCode.500"], "ResultPath": "$.error", "Next": "Handled"}], End=True),
        "Handled": {"Type": "Pass", "Parameters": {"error.$": "$.error.Error"}, "End": True}}}
    rc, out, _, _ = r.run(caught)
    check("500 caught by name", rc == 0 and out == {"error": "States.Http.StatusCode.500"}, out)

    params = {"ApiEndpoint": base + "/echo", "Method": "POST", "Headers": {"X-Trace": "t-1"},
              "QueryParameters": {"q": "a b", "page": 2},
              "RequestBody": {"items": ["x", "y"], "who": {"name": "Ann Lee"}},
              "Transform": {"RequestBodyEncoding": "URL_ENCODED", "RequestEncodingOptions": {"ArrayFormat": "INDICES"}}}
    rc, out, _, _ = r.run(machine({"Type": "Task", "Resource": INVOKE, "Parameters": params,
                                   "ResultSelector": {"echo.$": "$.ResponseBody"}}))
    echo = out.get("echo", {}) if isinstance(out, dict) else {}
    check("URL-encoded body, query and headers",
          rc == 0 and echo.get("body") == "items[0]=x&items[1]=y&who[name]=Ann%20Lee"
          and echo.get("query") == "q=a%20b&page=2"  # the parameters' order, as written
          and echo.get("headers", {}).get("content-type") == "application/x-www-form-urlencoded"
          and echo.get("headers", {}).get("x-trace") == "t-1"
          and echo.get("headers", {}).get("user-agent", "").startswith("Amazon|StepFunctions|HttpInvoke|"), out)

    jsonata = {"QueryLanguage": "JSONata", "StartAt": "Call", "States": {"Call": {
        "Type": "Task", "Resource": INVOKE, "End": True,
        "Arguments": {"ApiEndpoint": "{% '" + base + "/echo' %}", "Method": "PUT",
                      "RequestBody": {"n": "{% $states.input.n * 2 %}"}},
        "Output": "{% $parse($states.result.ResponseBody.body) %}"}}}
    rc, out, _, _ = r.run(jsonata, {"n": 21})
    check("JSONata Arguments, JSON body", rc == 0 and out == {"n": 42}, out)

    fan_out = {"StartAt": "Each", "States": {"Each": {
        "Type": "Map", "ItemsPath": "$.items", "End": True,
        "ItemProcessor": {"StartAt": "Call", "States": {"Call": dict(
            http_task(base + "/slow", QueryParameters={"ms": 500}),
            ResultSelector={"slept.$": "$.ResponseBody.slept"}, End=True)}}}}}
    rc, out, took, _ = r.run(fan_out, {"items": list(range(20))})
    check("Map of 20 requests to a 0.5 s endpoint", rc == 0 and out == [{"slept": 500}] * 20, out)
    print(f"     20 x 0.5 s requests took {took:.2f} s")

    rc, out, took, _ = r.run(machine(http_task(base + "/slow", QueryParameters={"ms": 5000}), TimeoutSeconds=1))
    # A task's time-out has an empty cause (recorded: error_handling.task_service_lambda.invoke_timeout);
    # the machine's, below, none.
    check("TimeoutSeconds aborts the request", rc == 1 and out == {"Error": "States.Timeout", "Cause": ""}, out)
    print(f"     timed out after {took:.2f} s (TimeoutSeconds 1, server 5 s)")

    slow = http_task(base + "/slow", QueryParameters={"ms": 5000})
    rc, out, took, _ = r.run(dict(machine(slow), TimeoutSeconds=1))
    check("the machine's TimeoutSeconds abandons the request", rc == 1 and out == {"Error": "States.Timeout"}
          and took < 4, (out, took))

    closed = unused_port()
    rc, out, _, _ = r.run(machine(http_task(f"http://127.0.0.1:{closed}/nothing")))
    check("refused connection is States.Http.Socket", rc == 1 and out["Error"] == "States.Http.Socket"
          and f"Failed to connect to 127.0.0.1 port {closed}" in out.get("Cause", ""), out)

    rc, out, _, _ = r.run(machine(http_task(base + "/json", Headers={"Host": "evil"})))
    check("a forbidden header is States.Runtime", rc == 1 and out["Error"] == "States.Runtime"
          and "'Host'" in out["Cause"], out)

    history = os.path.join(r.tmp, "history.json")
    rc, out, _, _ = r.run(machine(http_task(base + "/json")), extra=["--history", history])
    with open(history) as f:
        types = [e["type"] for e in json.load(f)["events"]]
    check("history records Task events", rc == 0 and types == [
        "ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded",
        "TaskStateExited", "ExecutionSucceeded"], types)


def binding_cases(r, base):
    url = base + "/2015-03-31/functions/function/invocations"
    bindings = {"bindings": [{"function": "greeter", "kind": "http", "url": url}]}
    invoke = {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
              "Parameters": {"FunctionName": "greeter", "Payload.$": "$"}}
    rc, out, _, _ = r.run(machine(invoke), {"name": "Ann"}, bindings)
    check("lambda:invoke bound to an RIE endpoint: AWS's envelope",
          rc == 0 and out["Payload"] == {"greeting": "hello Ann"} and out["StatusCode"] == 200
          and out["ExecutedVersion"] == "$LATEST", out)

    rc, out, _, _ = r.run(machine(invoke), {"fail": "no name"}, bindings)
    check("a function error maps as AWS maps Lambda errors",
          rc == 1 and out["Error"] == "GreetingError" and json.loads(out["Cause"])["errorMessage"] == "no name", out)

    arn = {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:greeter"}
    rc, out, _, _ = r.run(machine(arn), {"name": "Bo"}, bindings)
    check("a function ARN bound to the endpoint: the raw payload", rc == 0 and out == {"greeting": "hello Bo"}, out)

    missing = {"bindings": [{"function": "greeter", "kind": "http", "url": base + "/status/503"}]}
    rc, out, _, _ = r.run(machine(invoke), {}, missing)
    check("a non-2xx endpoint is a clear task failure", rc == 1 and out["Error"] == "States.TaskFailed"
          and out["Cause"].startswith("HTTP 503 Service Unavailable from " + base + "/status/503"), out)

    bad = {"bindings": [{"function": "greeter", "kind": "http", "url": "localhost:9000"}]}
    path = r.write("bad.json", bad)
    done = subprocess.run([r.aslc, "build", r.write("bad.asl.json", machine(invoke)), "--bindings", path,
                           "-o", os.path.join(r.tmp, "never")], capture_output=True, text=True)
    check("a bad url is rejected when building", done.returncode == 2
          and "\"url\" must be an http:// or https:// URL" in done.stderr, done.stderr)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--aslc", required=True)
    args = parser.parse_args()
    server, port = start_server()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            r = Runner(os.path.abspath(args.aslc), tmp)
            base = f"http://127.0.0.1:{port}"
            cases(r, base)
            binding_cases(r, base)
    finally:
        server.terminate()
        server.wait()
    print(f"{len(FAILURES)} failed" if FAILURES else "all HTTP end-to-end cases passed")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())

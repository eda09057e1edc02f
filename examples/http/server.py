#!/usr/bin/env python3
"""A small local HTTP server for the HTTP examples and tests: an API for
http:invoke tasks and a Lambda function served the way the Lambda Runtime
Interface Emulator serves one. Listens on 127.0.0.1 on an ephemeral port and
prints "PORT <n>" on stdout once it accepts connections; stops on SIGTERM.

  GET  /json                   200, {"hello": "world"} as application/json
  GET  /text                   200, "plain text" as text/plain
  ANY  /status/<code>          that status, {"status": <code>} as application/json
  ANY  /echo                   200, what was asked: method, path, query, headers, body
  GET  /slow?ms=<n>            waits n ms, then 200 {"slept": n}
  POST /2015-03-31/functions/function/invocations
                               the "greeter" function: {"name": N} -> {"greeting": "hello N"};
                               {"fail": "why"} -> a function error (X-Amz-Function-Error: Unhandled)
"""
import json
import signal
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit, parse_qs

INVOCATIONS = "/2015-03-31/functions/function/invocations"


def greeter(event):
    """The Lambda function behind the RIE-like endpoint: (status, headers, body)."""
    if isinstance(event, dict) and "fail" in event:
        error = {"errorType": "GreetingError", "errorMessage": str(event["fail"]), "stackTrace": []}
        return 200, {"X-Amz-Function-Error": "Unhandled"}, error
    name = event.get("name", "nobody") if isinstance(event, dict) else "nobody"
    return 200, {}, {"greeting": "hello " + str(name)}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # quiet: the tests read stdout/stderr
        pass

    def body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length).decode("utf-8", "replace") if length else ""

    def send(self, status, payload, content_type="application/json", headers=None):
        data = (json.dumps(payload, sort_keys=True) if content_type == "application/json" else payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def answer(self):
        url = urlsplit(self.path)
        body = self.body()
        if url.path == INVOCATIONS and self.command == "POST":
            status, headers, payload = greeter(json.loads(body or "{}"))
            return self.send(status, payload, headers=headers)
        if url.path == "/json":
            return self.send(200, {"hello": "world"})
        if url.path == "/text":
            return self.send(200, "plain text", "text/plain")
        if url.path.startswith("/status/"):
            code = int(url.path.split("/")[2])
            return self.send(code, {"status": code})
        if url.path == "/echo":
            wanted = ("content-type", "user-agent", "range", "authorization")
            headers = {k.lower(): v for k, v in self.headers.items() if k.lower() in wanted or k.lower().startswith("x-")}
            return self.send(200, {"method": self.command, "path": url.path, "query": url.query,
                                   "headers": headers, "body": body})
        if url.path == "/slow":
            ms = int(parse_qs(url.query).get("ms", ["500"])[0])
            time.sleep(ms / 1000)
            return self.send(200, {"slept": ms})
        return self.send(404, {"error": "no such path: " + url.path})

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_HEAD = answer


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # many clients connect at once (Map fan-out tests)

    def handle_error(self, request, client_address):
        # A client that gave up (a task's timeout) is expected; anything else is reported.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def main():
    server = Server(("127.0.0.1", 0), Handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print("PORT", server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()

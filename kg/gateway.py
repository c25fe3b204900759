"""The HTTP front of `kg serve`: every request is checked here before the Oxigraph server sees it.

The Oxigraph server answers any Host header, any origin's form POST, follows SERVICE to any URL
and aborts on a query nested a few thousand levels deep. The gateway listens on the public port
and forwards to Oxigraph on a private one only requests that pass:

- Host must name this machine's loopback (127.0.0.1, localhost, [::1]) and this port, so a page
  whose domain is rebound to 127.0.0.1 (DNS rebinding) cannot talk to the endpoint;
- a request other than GET/HEAD/OPTIONS from another origin (Origin, Sec-Fetch-Site) is refused;
  with --cors, cross-origin queries are let through, cross-origin writes never;
- every query or update text (URL parameters, form fields, raw bodies) passes kg.sparqlguard:
  no nesting deeper than it allows, no SERVICE unless --federation;
- the project's prefixes are predeclared, as in `kg query` (each one the text does not declare).

A request gets `timeout` seconds: Oxigraph's own `--timeout-s` first, then the gateway's, which
restarts the backend (Oxigraph checks its limit too seldom to stop a cross product in time). A
client that hangs up, or a stream past its time, closes the backend connection, which stops it.
"""
from __future__ import annotations

import contextlib
import http.client
import re
import socket
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .sparqlguard import MAX_DEPTH, QueryRefused, check

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
_HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
               "transfer-encoding", "upgrade", "host", "content-length"}
_QUERY_FIELDS = ("query", "update")
_FORM = "application/x-www-form-urlencoded"
_MAX_QUERY_BODY = 16 * 1024 * 1024
_RESTART_WAIT = 10.0  # seconds a request waits for a backend being restarted
_GRACE = 2.0  # seconds past the limit before the gateway steps in (Oxigraph's own limit first)
_DECLARED = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?:", re.I)


@dataclass(frozen=True)
class Policy:
    """What the gateway lets through."""

    port: int                   # the public port (Host and Origin must name it)
    backend: tuple[str, int]    # where Oxigraph listens
    federation: bool = False
    cors: bool = False
    prefixes: tuple[tuple[str, str], ...] = ()
    max_depth: int = MAX_DEPTH
    timeout: float = 60.0       # seconds a request may take before it is cut off

    def host_ok(self, host: str | None) -> bool:
        if not host:
            return False
        return host.lower() in {f"{n}:{self.port}" for n in LOOPBACK_NAMES} | set(LOOPBACK_NAMES)

    def same_origin(self, origin: str) -> bool:
        return origin.lower() in {f"http://{n}:{self.port}" for n in LOOPBACK_NAMES}


class Refused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


def with_prefixes(text: str, prefixes: tuple[tuple[str, str], ...]) -> str:
    """The query with a PREFIX line for each predeclared prefix it does not declare itself."""
    declared = {m.group(1) or "" for m in _DECLARED.finditer(text)}
    missing = [f"PREFIX {p}: <{ns}>" for p, ns in prefixes if p not in declared]
    return (" ".join(missing) + "\n" + text) if missing else text


class _Handler(BaseHTTPRequestHandler):
    server: Gateway
    protocol_version = "HTTP/1.0"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass  # no per-request log lines on the terminal of kg serve

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._handle()

    do_HEAD = do_POST = do_PUT = do_DELETE = do_OPTIONS = do_PATCH = do_GET

    # ------------------------------------------------------------------ checks

    def _check_origin(self, policy: Policy, path: str) -> None:
        if self.command in ("GET", "HEAD", "OPTIONS"):
            return
        origin = self.headers.get("Origin")
        site = (self.headers.get("Sec-Fetch-Site") or "").lower()
        foreign = (origin is not None and not policy.same_origin(origin)) or site in ("cross-site", "same-site")
        if not foreign:
            return
        if policy.cors and path == "/query":
            return
        raise Refused(403, "cross-origin requests that write or query are refused (a page of another "
                           "site cannot use this endpoint)")

    def _rewrite(self, policy: Policy, text: str) -> str:
        try:
            check(text, federation=policy.federation, max_depth=policy.max_depth)
        except QueryRefused as exc:
            raise Refused(400, str(exc)) from None
        return with_prefixes(text, policy.prefixes)

    def _checked_request(self, policy: Policy) -> tuple[str, bytes | None, dict[str, str]]:
        """(path with query string, body, headers) to forward, every query text checked and prefixed."""
        parts = urllib.parse.urlsplit(self.path)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP}
        params = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
        if any(k in _QUERY_FIELDS for k, _ in params):
            params = [(k, self._rewrite(policy, v) if k in _QUERY_FIELDS else v) for k, v in params]
        target = urllib.parse.urlunsplit(("", "", parts.path, urllib.parse.urlencode(params), ""))
        if self.headers.get("Transfer-Encoding"):
            raise Refused(411, "send the body with a Content-Length")
        length = int(self.headers.get("Content-Length") or 0)
        if length < 0:
            raise Refused(400, "bad Content-Length")
        is_store = parts.path.rstrip("/").endswith("/store")
        if length > _MAX_QUERY_BODY and not is_store:
            raise Refused(413, f"a query or update body is limited to {_MAX_QUERY_BODY // 1024 // 1024} MB")
        body = self.rfile.read(length) if length else None
        if body is not None and not is_store:
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if ctype == _FORM:
                fields = urllib.parse.parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
                fields = [(k, self._rewrite(policy, v) if k in _QUERY_FIELDS else v) for k, v in fields]
                body = urllib.parse.urlencode(fields).encode("utf-8")
            else:  # application/sparql-query, -update, or anything else: the body is query text
                body = self._rewrite(policy, body.decode("utf-8", "replace")).encode("utf-8")
        return target, body, headers

    # ------------------------------------------------------------------ forwarding

    def _handle(self) -> None:
        policy = self.server.policy
        try:
            if not policy.host_ok(self.headers.get("Host")):
                raise Refused(403, "this endpoint answers only requests addressed to "
                                   f"127.0.0.1:{policy.port}, localhost:{policy.port} or [::1]:{policy.port}")
            self._check_origin(policy, urllib.parse.urlsplit(self.path).path)
            target, body, headers = self._checked_request(policy)
        except Refused as exc:
            self._reply(exc.status, exc.message)
            return
        except ValueError as exc:
            self._reply(400, f"bad request: {exc}")
            return
        host, port = policy.backend
        generation = self.server.generation()
        deadline = time.monotonic() + policy.timeout + _GRACE
        conn = http.client.HTTPConnection(host, port, timeout=policy.timeout + _GRACE)
        sent = False
        try:
            headers["Host"] = f"{host}:{port}"
            if body is not None:
                headers["Content-Length"] = str(len(body))
            resp = self._send(conn, target, body, headers)
            self.send_response_only(resp.status, resp.reason)
            sent = True
            for k, v in resp.getheaders():
                if k.lower() not in _HOP_BY_HOP or k.lower() == "content-length":
                    self.send_header(k, v)
            self.send_header("Connection", "close")
            self.end_headers()
            if self.command != "HEAD":
                while chunk := resp.read1(65536):
                    self.wfile.write(chunk)
                    if time.monotonic() > deadline:  # an endless stream: closing stops it
                        break
        except TimeoutError:
            # no answer in time: the evaluation still holds a core, so the backend is restarted
            # (before the reply, so the client's next request finds it ready)
            self.server.on_overrun(generation)
            if not sent:
                with contextlib.suppress(OSError):
                    self._reply(503, f"the query ran longer than {policy.timeout:g} s and was cancelled")
        except (ConnectionError, OSError, http.client.HTTPException):
            # the client went away (its query is abandoned: closing the backend connection stops
            # the answer), or the backend is not up yet
            if not sent:
                with contextlib.suppress(OSError):
                    self._reply(502, "the SPARQL server is not answering")
        finally:
            conn.close()

    def _send(self, conn: http.client.HTTPConnection, target: str, body: bytes | None,
              headers: dict[str, str]) -> http.client.HTTPResponse:
        """Forward the request; while the backend is being restarted (refused), retry for a while."""
        deadline = time.monotonic() + _RESTART_WAIT
        while True:
            try:
                conn.request(self.command, target, body=body, headers=headers)
                return conn.getresponse()
            except ConnectionRefusedError:
                if time.monotonic() > deadline:
                    raise
                conn.close()
                time.sleep(0.1)

    def _reply(self, status: int, message: str) -> None:
        data = (message + "\n").encode("utf-8")
        self.send_response_only(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)


class Gateway(ThreadingHTTPServer):
    """The listening gateway; `start()` serves it from a daemon thread, `stop()` ends it."""

    daemon_threads = True

    def __init__(self, host: str, policy: Policy) -> None:
        self.policy = policy
        self.on_overrun: Callable[[int], None] = lambda generation: None
        self.generation: Callable[[], int] = lambda: 0
        if ":" in host:
            self.address_family = socket.AF_INET6
        super().__init__((host, policy.port), _Handler)
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self.serve_forever, name="kg-serve-gateway", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._thread is not None:
            self.shutdown()
            self._thread.join(5)
        self.server_close()

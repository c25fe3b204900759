"""A real SPARQL endpoint for the graph, and loading the graph into anyone else's.

`kg serve` runs the Oxigraph server: the `oxigraph` command-line program that the `oxigraph`
package on PyPI installs next to Python (a Rust binary; it speaks the SPARQL 1.1 Protocol on
/query, Update on /update and the Graph Store Protocol on /store). The graph is loaded into an
Oxigraph store in a temporary folder with `oxigraph load`, then served read-only
(`oxigraph serve-read-only`) on a private port of 127.0.0.1, behind kg.gateway on the public port
(Host, origin and query checks), until SIGINT/SIGTERM; the folder is removed on exit. Oxigraph's
`--timeout-s` bounds each query's evaluation.

`kg push` sends the graph to any SPARQL 1.1 Graph Store Protocol endpoint with HTTP PUT (replace
the target graph) or POST (add to it): Oxigraph (`http://host:7878/store`), Apache Jena Fuseki
(`http://host:3030/DATASET/data`), GraphDB (`http://host:7200/repositories/REPO/rdf-graphs/service`),
Virtuoso (`http://host:8890/sparql-graph-crud`, or `-crud-auth` with a user).
"""
from __future__ import annotations

import base64
import contextlib
import http.client
import json
import os
import queue
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .gateway import Gateway

HOST = "127.0.0.1"
DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 60  # seconds a query may run on the server


class ServerError(Exception):
    """The endpoint could not be started, reached or loaded."""


# --------------------------------------------------------------------------- the oxigraph CLI

def oxigraph_executable() -> str:
    """The `oxigraph` server program of the installed `oxigraph` package."""
    names = ("oxigraph.exe", "oxigraph") if os.name == "nt" else ("oxigraph",)
    dirs = [Path(sys.executable).parent, Path(sysconfig.get_path("scripts"))]
    for d in dirs:
        for n in names:
            p = d / n
            if p.is_file() and os.access(p, os.X_OK):
                return str(p)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise ServerError("the Oxigraph server is not installed: pip install oxigraph")


def _child_env() -> dict[str, str]:
    """The server's environment, without Rust backtraces in its error messages."""
    return {**os.environ, "RUST_BACKTRACE": "0", "RUST_LIB_BACKTRACE": "0"}


def free_port(host: str = HOST) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def _die_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    """Linux: the server gets SIGTERM if kg dies without cleaning up (e.g. SIGKILL)."""
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def load_store(graph: Path, location: Path) -> None:
    """`oxigraph load`: the graph file into an on-disk store (format from the file's extension)."""
    graph = Path(graph)
    if not graph.is_file():
        raise ServerError(f"{graph}: graph not found (run `kg build` first, or pass --graph)")
    fmt = {".jsonld": ["--format", "application/ld+json"]}.get(graph.suffix.lower(), [])
    proc = subprocess.run([oxigraph_executable(), "load", "--location", str(location), "--file", str(graph), *fmt],
                          capture_output=True, text=True, env=_child_env())
    if proc.returncode != 0:
        raise ServerError(f"{graph}: oxigraph could not load it: {(proc.stderr or proc.stdout).strip()[-500:]}")


def _cached_store(graph: Path, stores: Path, dst: Path) -> bool:
    """The graph's cached query store linked at `dst`, when the server reads pyoxigraph's layout
    (the same version) and the store can be had; else False."""
    import pyoxigraph as ox

    from .query import GraphError, _rdf_format
    from .store import linked_copy

    if not graph.is_file():
        return False  # load_store says so
    version = subprocess.run([oxigraph_executable(), "--version"], capture_output=True, text=True,
                             env=_child_env()).stdout.split()
    if version[-1:] != [ox.__version__]:
        return False
    try:
        return linked_copy(graph, _rdf_format(graph), stores, dst)
    except GraphError:
        return False


def _wait_for_port(address: tuple[str, int], proc: subprocess.Popen, timeout: float = 20.0) -> None:
    """Until `proc` accepts connections on `address` (or exits, or the time runs out)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        with socket.socket() as s:
            if s.connect_ex(address) == 0:
                return
        time.sleep(0.05)


def _spawn(cmd: list[str], log: Path) -> subprocess.Popen:
    with open(log, "ab") as fh:
        return subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=fh, stderr=subprocess.STDOUT,
                                start_new_session=True, env=_child_env(),
                                preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None)


@dataclass
class Server:
    """A running Oxigraph server (a context manager: leaving it stops the server)."""

    process: subprocess.Popen
    port: int
    host: str = HOST
    writable: bool = False
    workdir: Path | None = None
    log: Path | None = None
    gateway: Gateway | None = None
    command: list[str] = field(default_factory=list)
    _stopped: bool = field(default=False, repr=False)
    _log_text: str = field(default="", repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _restarter: queue.Queue | None = field(default=None, repr=False)
    generation: int = 0  # how many times the backend was restarted

    @property
    def url(self) -> str:
        return f"http://{f'[{self.host}]' if ':' in self.host else self.host}:{self.port}"

    @property
    def query_url(self) -> str:
        return f"{self.url}/query"

    @property
    def update_url(self) -> str:
        return f"{self.url}/update"

    @property
    def store_url(self) -> str:
        return f"{self.url}/store"

    def log_text(self) -> str:
        """What the Oxigraph server printed (kept when stop() removes its folder)."""
        with contextlib.suppress(OSError):
            text = self.log.read_text(encoding="utf-8", errors="replace") if self.log else ""
            return text.split("\nStack backtrace:")[0].strip()
        return self._log_text

    def wait_ready(self, timeout: float = 30.0) -> None:
        """Poll until the endpoint answers `ASK {}`; ServerError if it exits or the time runs out."""
        deadline = time.monotonic() + timeout
        url = f"{self.query_url}?{urllib.parse.urlencode({'query': 'ASK {}'})}"
        while True:
            if self.process.poll() is not None:
                raise ServerError(f"the Oxigraph server exited (code {self.process.returncode}): "
                                  f"{self.log_text()[-800:] or 'no output'}")
            try:
                with urllib.request.urlopen(urllib.request.Request(
                        url, headers={"Accept": "application/sparql-results+json"}), timeout=2) as r:
                    if r.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise ServerError(f"the Oxigraph server did not answer on {self.url} within {timeout:.0f} s")
            time.sleep(0.05)

    def restart_backend(self, generation: int) -> None:
        """Kill the Oxigraph process and start it again on the same store: how a query that
        outran its time limit is stopped (Oxigraph checks its own limit too seldom to rely on).
        `generation` is the one the caller saw: a backend already restarted since is left alone.

        The new process is started by a thread that lives as long as the server: Linux sends the
        parent-death signal when the *thread* that forked a child ends, not the process."""
        if self._restarter is None:
            return
        done = threading.Event()
        self._restarter.put((generation, done))
        done.wait(30)

    def _restart_loop(self) -> None:
        while True:
            item = self._restarter.get()
            if item is None:
                return
            generation, done = item
            with self._lock:
                if not self._stopped and generation == self.generation and self.command:
                    self.generation += 1
                    old = self.process
                    old.kill()
                    old.wait()
                    self.process = _spawn(self.command, self.log)
                    _wait_for_port(self.gateway.policy.backend if self.gateway else (HOST, 0), self.process)
            done.set()

    def start_restarter(self) -> None:
        self._restarter = queue.Queue()
        threading.Thread(target=self._restart_loop, name="kg-serve-restarter", daemon=True).start()

    def stop(self, timeout: float = 10.0) -> int | None:
        """SIGTERM, then SIGKILL after `timeout`; removes the store folder. Idempotent."""
        if self._stopped:
            return self.process.returncode
        with self._lock:
            self._stopped = True
        if self._restarter is not None:
            self._restarter.put(None)
        if self.gateway is not None:
            self.gateway.stop()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log_text = self.log_text()
        if self.workdir is not None:
            shutil.rmtree(self.workdir, ignore_errors=True)
        return self.process.returncode

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start(graph: Path | None, port: int = DEFAULT_PORT, *, writable: bool = False, host: str = HOST,
          ready_timeout: float = 30.0, cors: bool = False, federation: bool = False,
          timeout: float = DEFAULT_TIMEOUT, stores: Path | None = None) -> Server:
    """Load `graph` (if given) into a store in a temporary folder and serve it on host:port. A
    read-only server with `stores` (a cache folder) serves the graph's query store there (kg.store),
    linked into the folder instead of loaded again.

    Read-only unless `writable` (then /update and PUT/POST/DELETE on /store work too); a writable
    server without a graph starts empty, in memory. Requests pass kg.gateway first; SERVICE only
    with `federation`; a query is cancelled after `timeout` seconds."""
    from .gateway import Gateway, Policy
    from .query import PREFIXES

    if host not in ("127.0.0.1", "localhost", "::1"):
        raise ServerError("kg serve listens on localhost only")
    if not 0 < port < 65536:
        raise ServerError(f"bad port {port}")
    if timeout <= 0:
        raise ServerError(f"the query time limit must be positive (got {timeout:g})")
    exe = oxigraph_executable()
    backend = free_port(HOST)
    policy = Policy(port, (HOST, backend), federation=federation, cors=cors,
                    prefixes=tuple(PREFIXES.items()), timeout=timeout)
    try:
        gateway = Gateway(host, policy)  # bound first: a taken port is reported before any work
    except OSError as exc:
        raise ServerError(f"{host}:{port}: cannot listen there: {exc.strerror or exc}") from None
    workdir = Path(tempfile.mkdtemp(prefix="kg-serve-"))
    try:
        cmd = [exe]
        if graph is not None:
            store = workdir / "store"
            if writable or stores is None or not _cached_store(Path(graph), stores, store):
                load_store(Path(graph), store)
            cmd += ["serve" if writable else "serve-read-only", "--location", str(store)]
        elif writable:  # on disk too, so a restart after an overrun keeps what was written
            cmd += ["serve", "--location", str(workdir / "store")]
        else:
            raise ServerError("a read-only server needs a graph")
        cmd += ["--bind", f"{HOST}:{backend}", "--timeout-s", str(max(1, round(timeout)))]
        cmd += ["--cors"] if cors else []
        log = workdir / "server.log"
        proc = _spawn(cmd, log)
    except BaseException:
        gateway.server_close()
        shutil.rmtree(workdir, ignore_errors=True)
        raise
    server = Server(proc, port, host, writable, workdir, log, gateway, cmd)
    server.start_restarter()
    gateway.on_overrun = server.restart_backend
    gateway.generation = lambda: server.generation
    gateway.start()
    try:
        server.wait_ready(ready_timeout)
    except BaseException:
        server.stop()
        raise
    return server


def serve_forever(server: Server, on_ready=None) -> int:
    """Block until SIGINT/SIGTERM (then stop the server cleanly) or until the server exits.

    Returns 0 after a signal, else the server's exit code."""
    stopping = {"signal": None}

    def handler(signum, _frame):
        stopping["signal"] = signum
        raise KeyboardInterrupt

    old = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        if on_ready:
            on_ready(server)
        while True:
            proc = server.process
            code = proc.wait()
            if server.process is proc:  # not replaced by restart_backend()
                return code
    except KeyboardInterrupt:
        return 0
    finally:
        for s, h in old.items():
            signal.signal(s, h)
        server.stop()


# --------------------------------------------------------------------------- HTTP helpers

def sparql_select(endpoint: str, query: str, timeout: float = 30.0) -> dict:
    """POST a query (SPARQL 1.1 Protocol) and return the parsed SPARQL JSON results."""
    data = urllib.parse.urlencode({"query": query}).encode("utf-8")
    req = urllib.request.Request(endpoint, data=data, method="POST", headers={
        "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return json.loads(r.read().decode("utf-8"))


def graph_store_url(endpoint: str, graph_iri: str | None) -> str:
    """The Graph Store Protocol URL of the default graph (`?default`) or a named one (`?graph=IRI`)."""
    sep = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    return endpoint + sep + ("default" if graph_iri is None else "graph=" + urllib.parse.quote(graph_iri, safe=""))


@dataclass(frozen=True)
class PushResult:
    target: str        # the URL PUT/POSTed to
    graph: str | None  # graph IRI, None for the default graph
    triples: int
    status: int
    method: str


_CONTENT_TYPES = {".ttl": "text/turtle", ".nt": "application/n-triples"}


def _payloads(path: Path, graph_iri: str | None) -> list[tuple[str | None, bytes, str, int]]:
    """(graph IRI, body, content type, triples) per target graph. Turtle and N-Triples files go as they
    are; other formats are converted to N-Triples; a dataset (TriG, N-Quads) pushes each named graph
    to itself and its default graph to `graph_iri` (or the default graph)."""
    import pyoxigraph as ox

    from .query import _rdf_format

    fmt = _rdf_format(path)
    try:
        if not fmt.supports_datasets:
            raw = path.read_bytes()
            count = sum(1 for _ in ox.parse(raw, format=fmt))
            ctype = _CONTENT_TYPES.get(path.suffix.lower())
            if ctype is None:
                raw, ctype = ox.serialize(ox.parse(raw, format=fmt), format=ox.RdfFormat.N_TRIPLES), "application/n-triples"
            return [(graph_iri, raw, ctype + "; charset=utf-8", count)]
        by_graph: dict[str | None, list] = {}
        for q in ox.parse(path=str(path), format=fmt):
            name = None if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
            by_graph.setdefault(name, []).append(ox.Triple(q.subject, q.predicate, q.object))
    except (SyntaxError, ValueError) as exc:
        raise ServerError(f"{path}: not valid RDF: {exc}") from None
    out = []
    for name in sorted(by_graph, key=lambda n: (n is not None, n or "")):
        triples = by_graph[name]
        target = graph_iri if name is None else name
        out.append((target, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES),
                    "application/n-triples; charset=utf-8", len(triples)))
    return out


def push(graph: Path, endpoint: str, *, graph_iri: str | None = None, replace: bool = True,
         user: str | None = None, password: str | None = None, timeout: float = 120.0) -> list[PushResult]:
    """Load a graph file into a Graph Store Protocol endpoint: PUT (replace) or POST (add)."""
    graph = Path(graph)
    if not graph.is_file():
        raise ServerError(f"{graph}: graph not found (run `kg build` first, or pass --graph)")
    try:
        parts = urllib.parse.urlsplit(endpoint)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as exc:
        raise ServerError(f"{endpoint}: --endpoint must be an http(s) URL: {exc}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ServerError(f"{endpoint}: --endpoint must be an http(s) URL")
    headers = {}
    if user is not None:
        token = base64.b64encode(f"{user}:{password or ''}".encode("utf-8")).decode("ascii")
        headers["Authorization"] = f"Basic {token}"
    method = "PUT" if replace else "POST"
    results = []
    for iri, body, ctype, count in _payloads(graph, graph_iri):
        url = graph_store_url(endpoint, iri)
        req = urllib.request.Request(url, data=body, method=method,
                                     headers={**headers, "Content-Type": ctype})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                status = r.status
        except urllib.error.HTTPError as exc:
            from .query import visible

            detail = visible(" ".join(exc.read().decode("utf-8", errors="replace").split()))[:300]
            raise ServerError(f"{method} {url}: HTTP {exc.code} {exc.reason}" + (f": {detail}" if detail else "")) \
                from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise ServerError(f"{method} {url}: {reason}") from None
        except http.client.HTTPException as exc:  # the reply is not HTTP (another protocol's port)
            from .query import visible

            said = visible(" ".join(str(exc).split()))[:80]
            raise ServerError(f"{method} {url}: the endpoint did not answer in HTTP"
                              + (f" (it sent {said!r})" if said else "")) from None
        except ValueError as exc:  # a URL urllib cannot use
            raise ServerError(f"{method} {url}: bad URL: {exc}") from None
        results.append(PushResult(url, iri, count, status, method))
    return results

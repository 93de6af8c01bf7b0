"""What one request of each kind of bench/load.py costs the server, in CPU milliseconds.

`bench/load.py --cost` runs this: the load test's pages, in the same mix, are answered one after
the other in this process by Django's WSGI application called as a WSGI server calls it (every
middleware, sessions, templates, the database of DATABASE_URL with its pool, and the end of each
request, which hands the database connection back to the pool or closes it: Django's test client
skips that part), with no HTTP server and no concurrent client. Each kind sends the cookies that
bench/load.py's clients send (none for the public pages, so each answer makes a new CSRF cookie). Each
answer is timed with `time.process_time()` (CPU of this process only: the time spent waiting while
other programs run is not counted, unlike wall-clock latency; CPU time still grows somewhat on a
busy machine, so compare runs taken side by side) and its SQL queries are counted.

On a machine with C cores whose server only computes, the load test's throughput is at most about
C x 1000 / (mean CPU ms per request), and with N clients that never pause the mean latency is about
N / throughput: the CPU figure is the one to lower, and this mode measures it on a loaded machine.
"""

from __future__ import annotations

import functools
import io
import json
import os
import re
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

PASSWORD = "lodestar-demo"  # the demo's logins (lodestar/demo/build.py)
APPLICANT, STAFF = "applicant@lodestar.example", "staff@lodestar.example"
MIX = (("public", 30), ("applicant", 25), ("staff", 25), ("api", 20))
HOST = "127.0.0.1"


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lodestar.settings")
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    import django

    django.setup()


def _signed_in(email: str) -> Any:
    """A test client signed in through the login form, as a browser (and bench/load.py) does."""
    from django.test import Client

    client = Client(HTTP_HOST=HOST)
    client.get("/en/accounts/login/")
    response = client.post("/en/accounts/login/", {"login": email, "password": PASSWORD})
    if response.status_code != 302:
        raise SystemExit(f"could not sign in as {email} (status {response.status_code}); load the demo data")
    return client


class _Answer:
    def __init__(self, status_code: int, content: bytes) -> None:
        self.status_code = status_code
        self.content = content


class WsgiClient:
    """GET requests through Django's WSGI application, as gunicorn makes them, with one Cookie header."""

    def __init__(self, cookie: str = "") -> None:
        from django.core.wsgi import get_wsgi_application

        self.app = get_wsgi_application()
        self.cookie = cookie

    def get(self, path: str) -> _Answer:
        path, _, query = path.partition("?")
        environ = {
            "REQUEST_METHOD": "GET",
            "SCRIPT_NAME": "",
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "SERVER_NAME": HOST,
            "SERVER_PORT": "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": HOST,
            "REMOTE_ADDR": HOST,
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": sys.stderr,
            "wsgi.url_scheme": "http",
            "wsgi.version": (1, 0),
            "wsgi.multithread": False,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
        }
        if self.cookie:
            environ["HTTP_COOKIE"] = self.cookie
        status: list[str] = []

        def start_response(line: str, headers: Any, exc_info: Any = None) -> Callable[[bytes], object]:
            status.append(line)
            return lambda data: None

        result = self.app(environ, start_response)
        try:
            body = b"".join(result)
        finally:
            result.close()  # the end of the request: request_finished, the connection handed back
        return _Answer(int(status[0].split()[0]), body)

    @classmethod
    def like(cls, client: Any) -> WsgiClient:
        """A WSGI client sending the cookies that the test client `client` holds (its session)."""
        return cls("; ".join(f"{name}={morsel.value}" for name, morsel in client.cookies.items()))


def paths(clients: dict[str, Any]) -> dict[str, list[str]]:
    """The same pages as bench/load.py's discover()."""
    slugs = [c["slug"] for c in json.loads(clients["public"].get("/api/calls").content)]
    mine = clients["applicant"].get("/en/applications/").content
    applications = sorted(set(re.findall(rb'href="(/en/applications/\d+/)"', mine)))[:5]
    if not applications:
        raise SystemExit(f"{APPLICANT} has no application: load the demo data first")
    return {
        "public": ["/en/", "/en/calls/", *[f"/en/calls/{s}/" for s in slugs], "/fr/calls/"],
        "applicant": ["/en/applications/", "/en/organisations/", *[a.decode() for a in applications]],
        "staff": [
            "/en/staff/calls/",
            *[f"/en/staff/calls/{s}/" for s in slugs],
            *[f"/en/staff/calls/{s}/screening/" for s in slugs],
        ],
        "api": ["/api/calls", *[f"/api/calls/{s}/applications?limit=50" for s in slugs]],
    }


def _measure(get: Callable[[], Any], rounds: int) -> tuple[float, int, int]:
    """Median CPU ms of `rounds` answers, the queries of one answer, and its status."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(2):  # warm: templates compiled, translations loaded, pool filled
        get()
    times = []
    for _ in range(rounds):
        started = time.process_time()
        response = get()
        times.append((time.process_time() - started) * 1000)
    with CaptureQueriesContext(connection) as queries:
        response = get()
    return statistics.median(times), len(queries), response.status_code


def run(rounds: int = 20, profile: str = "") -> dict[str, Any]:
    _setup()
    staff = WsgiClient.like(_signed_in(STAFF))
    clients = {
        "public": WsgiClient(),
        "applicant": WsgiClient.like(_signed_in(APPLICANT)),
        "staff": staff,
        "api": staff,
    }
    pages = paths(clients)
    report: dict[str, Any] = {"rounds": rounds, "pages": {}, "kinds": {}}
    for kind, _weight in MIX:
        client = clients[kind]
        costs = []
        for path in pages[kind]:
            cpu, queries, status = _measure(functools.partial(client.get, path), rounds)
            report["pages"][path] = {"kind": kind, "cpu_ms": round(cpu, 2), "queries": queries}
            report["pages"][path]["status"] = status
            costs.append(cpu)
        report["kinds"][kind] = round(statistics.fmean(costs), 2)
    weighted = sum(report["kinds"][k] * w for k, w in MIX) / sum(w for _k, w in MIX)
    report["mix_cpu_ms"] = round(weighted, 2)
    if profile:
        _profile(clients, pages, profile)
    return report


def _profile(clients: dict[str, Any], pages: dict[str, list[str]], out: str) -> None:
    """cProfile of 10 rounds of the whole mix, written to `out` (read with `python -m pstats`)."""
    import cProfile

    profiler = cProfile.Profile(time.process_time)  # CPU, not the waits of a shared machine
    profiler.enable()
    for _ in range(10):
        for kind, weight in MIX:
            for path in pages[kind]:
                for _ in range(max(1, weight // 10)):
                    clients[kind].get(path)
    profiler.disable()
    profiler.dump_stats(out)


def print_report(report: dict[str, Any]) -> None:
    print(f"CPU per request (median of {report['rounds']} answers each, this process only):")
    print(f"{'page':<60} {'kind':<10} {'CPU ms':>8} {'queries':>8} {'status':>7}")
    for path, row in report["pages"].items():
        print(f"{path:<60} {row['kind']:<10} {row['cpu_ms']:>8} {row['queries']:>8} {row['status']:>7}")
    print("mean per kind: " + ", ".join(f"{k} {v} ms" for k, v in report["kinds"].items()))
    print(f"the load test's mix: {report['mix_cpu_ms']} ms of CPU per request")
    print(json.dumps(report))

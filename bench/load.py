"""Load test: N concurrent clients for T seconds against the production server (gunicorn), loopback only.

Each client is a thread with its own keep-alive HTTP connection that sends, one after the other,
requests drawn from a fixed mix (seeded, so two runs send the same sequence):

    public     30 %  home, the calls, a call's page (anonymous)
    applicant  25 %  my applications, one application, my organisations (the demo applicant)
    staff      25 %  the call list, a call's dashboard, the screening list of 50 applications
    api        20 %  /api/calls, a page of 50 applications of a call (signed-in staff)

An answer other than 200 is an error, and so is a connection that fails. It prints requests per
second and p50/p95/max per kind, and one JSON line for BENCHMARKS.md.

With --serve it sets everything up itself on the database of DATABASE_URL (SQLite when unset):
migrations, the demo data (unless it is there), static files, then gunicorn with gunicorn.conf.py
on a free loopback port, stopped at the end. Without it, it loads --url (which must be loopback).

    DATABASE_URL=postgres://... .venv/bin/python bench/load.py --serve [--clients 50] [--seconds 60]
    LODESTAR_VAR_DIR=/tmp/lodestar-load .venv/bin/python bench/load.py --serve   # SQLite

With --cost it starts no server and sends no concurrent load: it answers each page of the mix in
this process and prints the CPU milliseconds and SQL queries each costs (bench/load_cost.py), a
figure that other programs on a shared machine inflate far less than wall-clock latency (compare
runs taken side by side).

    DATABASE_URL=postgres://... DEBUG=0 .venv/bin/python bench/load.py --cost [--rounds 20] [--profile F]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PASSWORD = "lodestar-demo"  # the demo's logins (lodestar/demo/build.py)
APPLICANT, STAFF = "applicant@lodestar.example", "staff@lodestar.example"
MIX = (("public", 30), ("applicant", 25), ("staff", 25), ("api", 20))


@dataclass
class Target:
    host: str
    port: int
    cookies: dict[str, str]  # kind -> Cookie header
    paths: dict[str, list[str]]  # kind -> paths


@dataclass
class Tally:
    times: dict[str, list[float]] = field(default_factory=lambda: {k: [] for k, _ in MIX})
    errors: dict[str, int] = field(default_factory=lambda: {k: 0 for k, _ in MIX})
    samples: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def loopback(host: str) -> None:
    address = socket.gethostbyname(host)
    if not address.startswith("127."):
        raise SystemExit(f"bench/load.py only loads a server on this machine (loopback), not {host}")


def request(
    conn: http.client.HTTPConnection, method: str, path: str, headers: dict[str, str], body: str = ""
):
    conn.request(method, path, body=body or None, headers=headers)
    response = conn.getresponse()
    return response, response.read()


def sign_in(host: str, port: int, email: str) -> str:
    """A session cookie for `email` (one sign-in per role, shared by every client of that role)."""
    conn = http.client.HTTPConnection(host, port, timeout=30)
    response, _ = request(conn, "GET", "/en/accounts/login/", {})
    jar = SimpleCookie()
    for header in response.headers.get_all("Set-Cookie") or []:
        jar.load(header)
    token = jar["csrftoken"].value
    body = urllib.parse.urlencode({"login": email, "password": PASSWORD, "csrfmiddlewaretoken": token})
    headers = {
        "Cookie": f"csrftoken={token}",
        "Content-Type": "application/x-www-form-urlencoded",
        "Referer": f"http://{host}:{port}/en/accounts/login/",
    }
    response, _ = request(conn, "POST", "/en/accounts/login/", headers, body)
    for header in response.headers.get_all("Set-Cookie") or []:
        jar.load(header)
    if response.status != 302 or "sessionid" not in jar:
        raise SystemExit(f"could not sign in as {email} (status {response.status}); load the demo data first")
    return f"csrftoken={token}; sessionid={jar['sessionid'].value}"


def discover(host: str, port: int) -> Target:
    cookies = {"public": "", "applicant": sign_in(host, port, APPLICANT), "staff": sign_in(host, port, STAFF)}
    cookies["api"] = cookies["staff"]
    conn = http.client.HTTPConnection(host, port, timeout=30)
    _, body = request(conn, "GET", "/api/calls", {})
    slugs = [c["slug"] for c in json.loads(body)]
    _, mine = request(conn, "GET", "/en/applications/", {"Cookie": cookies["applicant"]})
    applications = sorted(set(re.findall(rb'href="(/en/applications/\d+/)"', mine)))[:5]
    slug = slugs[0]
    paths = {
        "public": ["/en/", "/en/calls/", *[f"/en/calls/{s}/" for s in slugs], "/fr/calls/"],
        "applicant": ["/en/applications/", "/en/organisations/", *[a.decode() for a in applications]],
        "staff": [
            "/en/staff/calls/",
            *[f"/en/staff/calls/{s}/" for s in slugs],
            *[f"/en/staff/calls/{s}/screening/" for s in slugs],
        ],
        "api": ["/api/calls", *[f"/api/calls/{s}/applications?limit=50" for s in slugs]],
    }
    if not applications:
        raise SystemExit(f"{APPLICANT} has no application: load the demo data first")
    del slug
    return Target(host, port, cookies, paths)


def client(target: Target, seed: int, stop: float, tally: Tally) -> None:
    rng = random.Random(seed)
    kinds = [k for k, w in MIX for _ in range(w)]
    conn = http.client.HTTPConnection(target.host, target.port, timeout=30)
    while time.perf_counter() < stop:
        kind = rng.choice(kinds)
        path = rng.choice(target.paths[kind])
        headers = {"Cookie": target.cookies[kind]} if target.cookies[kind] else {}
        started = time.perf_counter()
        try:
            response, _ = request(conn, "GET", path, headers)
            status = response.status
            if response.will_close:
                conn.close()
                conn = http.client.HTTPConnection(target.host, target.port, timeout=30)
        except (OSError, http.client.HTTPException) as exc:
            status = 0
            conn.close()
            conn = http.client.HTTPConnection(target.host, target.port, timeout=30)
            error = f"{path}: {exc!r}"
        else:
            error = f"{path}: {status}"
        elapsed = (time.perf_counter() - started) * 1000
        with tally.lock:
            tally.times[kind].append(elapsed)
            if status != 200:
                tally.errors[kind] += 1
                if len(tally.samples) < 10:
                    tally.samples.append(error)


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def run(target: Target, clients: int, seconds: float) -> dict:
    tally = Tally()
    started = time.perf_counter()
    stop = started + seconds
    threads = [threading.Thread(target=client, args=(target, i, stop, tally)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    every = [t for times in tally.times.values() for t in times]
    report = {
        "clients": clients,
        "seconds": round(wall, 1),
        "requests": len(every),
        "errors": sum(tally.errors.values()),
        "rps": round(len(every) / wall, 1),
        "p50_ms": round(statistics.median(every), 1) if every else 0,
        "p95_ms": round(percentile(every, 0.95), 1),
        "kinds": {
            kind: {
                "requests": len(times),
                "errors": tally.errors[kind],
                "p50_ms": round(statistics.median(times), 1) if times else 0,
                "p95_ms": round(percentile(times, 0.95), 1),
                "max_ms": round(max(times), 1) if times else 0,
            }
            for kind, times in tally.times.items()
        },
        "error_samples": tally.samples,
    }
    return report


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def worker_cpu(master: int) -> dict[int, float]:
    """CPU seconds (user + system) of each gunicorn worker process, from /proc (Linux)."""
    ticks = os.sysconf("SC_CLK_TCK")
    cpu = {}
    for pid in _children(master):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        cpu[pid] = (int(fields[11]) + int(fields[12])) / ticks
    return cpu


def _cpu_seconds(pid: int) -> float | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def database_cpu(database_url: str) -> dict[int, float]:
    """CPU seconds of each PostgreSQL backend serving the database of `database_url` on this
    machine (their command lines name it: "postgres: 15/main: user db 127.0.0.1(port) idle"), so
    the database's share of the two cores is counted too; {} on SQLite."""
    if not database_url.startswith(("postgres:", "postgresql:")):
        return {}
    name = urllib.parse.urlsplit(database_url).path.lstrip("/")
    cpu = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            words = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").split()
        except OSError:
            continue
        # "postgres: [cluster:] user database host(port) state"
        if words[:1] == ["postgres:"] and name in words[2:4]:
            seconds = _cpu_seconds(int(entry.name))
            if seconds is not None:
                cpu[int(entry.name)] = seconds
    return cpu


def machine_busy() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine since boot, from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    ticks = os.sysconf("SC_CLK_TCK")
    return (sum(values) - idle) / ticks, sum(values) / ticks


def cpu_report(
    before: dict[int, float],
    after: dict[int, float],
    requests: int,
    client_s: float,
    database_s: float = 0.0,
    machine: tuple[float, float] = (0.0, 0.0),
) -> dict:
    """What the run cost in CPU: the server's worker processes, this client and the database's
    backends, per request, how evenly the workers shared the work (a process that takes most of it
    leaves a core idle), and how busy the whole machine was (other programs included)."""
    spent = {pid: after[pid] - before.get(pid, 0.0) for pid in after}
    total = sum(spent.values())
    per_request = 1000 / max(requests, 1)
    busy, elapsed = machine
    return {
        "server_cpu_ms_per_request": round(total * per_request, 2),
        "client_cpu_ms_per_request": round(client_s * per_request, 2),
        "database_cpu_ms_per_request": round(database_s * per_request, 2),
        "machine_busy_ms_per_request": round(busy * per_request, 2),
        "machine_busy_share": round(busy / elapsed, 3) if elapsed else 0.0,
        "worker_shares": sorted((round(v / (total or 1), 3) for v in spent.values()), reverse=True),
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def lodestar(*args: str, env: dict[str, str]) -> None:
    subprocess.run([str(BIN / "lodestar"), *args], cwd=ROOT, env=env, check=True)


def serve(env: dict[str, str]) -> tuple[subprocess.Popen, int]:
    """Migrates, loads the demo data when it is missing, collects static files, starts gunicorn."""
    lodestar("migrate", "--no-input", "-v", "0", env=env)
    lodestar("createcachetable", env=env)
    probe = subprocess.run(
        [
            str(BIN / "lodestar"),
            "shell",
            "-c",
            f"from lodestar.accounts.models import User; "
            f"print(User.objects.filter(email='{STAFF}').exists())",
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    # The last line: Django's shell may first say how many objects it imported.
    if probe.stdout.strip().splitlines()[-1:] != ["True"]:
        started = time.perf_counter()
        lodestar("demo-data", env=env)
        print(f"demo data loaded in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    # A freshly bulk-loaded database is analysed first, as after any bulk load in production:
    # otherwise PostgreSQL's autovacuum does it during the measurement (about a third of the
    # machine in the first minute after the demo's load), and SQLite plans without statistics.
    analyse = (
        "from django.db import connection; c = connection.cursor(); "
        "c.execute('VACUUM ANALYZE' if connection.vendor == 'postgresql' else 'ANALYZE')"
    )
    lodestar("shell", "-c", analyse, env=env)
    lodestar("collectstatic", "--no-input", "-v", "0", env=env)
    port = free_port()
    server = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "-c",
            os.environ.get("LOAD_GUNICORN_CONF", "gunicorn.conf.py"),
            "--bind",
            f"127.0.0.1:{port}",
            "lodestar.wsgi:application",
        ],
        cwd=ROOT,
        env=env,
    )
    # Ready when a page answers, not when the port opens: the workers load Django after the master
    # binds (several seconds each on a busy machine).
    deadline = time.perf_counter() + 300
    while time.perf_counter() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            if request(conn, "GET", "/en/calls/", {})[0].status == 200:
                conn.close()
                break
        except (OSError, http.client.HTTPException):
            pass
        time.sleep(1)
    else:
        server.terminate()
        raise SystemExit("gunicorn did not start")
    return server, port


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000", help="a server on this machine")
    parser.add_argument("--serve", action="store_true", help="start gunicorn on DATABASE_URL first")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--warmup", type=float, default=5, help="seconds of load before measuring")
    parser.add_argument("--cost", action="store_true", help="CPU ms per request kind, in process, no server")
    parser.add_argument("--rounds", type=int, default=20, help="--cost: answers timed per page")
    parser.add_argument("--profile", default="", help="--cost: also write a cProfile of the mix here")
    args = parser.parse_args()
    if args.cost:
        sys.path.insert(0, str(ROOT))
        sys.path.insert(0, str(ROOT / "bench"))
        import load_cost

        if not 1 <= args.rounds <= 1000:
            raise SystemExit("--rounds from 1 to 1000")
        load_cost.print_report(load_cost.run(args.rounds, args.profile))
        return
    if not 1 <= args.clients <= 200 or not 1 <= args.seconds <= 600:
        raise SystemExit("at most 200 clients and 600 seconds")
    server = None
    if args.serve:
        env = {**os.environ, "DEBUG": os.environ.get("DEBUG", "0"), "LOG_LEVEL": "ERROR"}
        server, port = serve(env)
        host = "127.0.0.1"
    else:
        url = urllib.parse.urlsplit(args.url)
        host, port = url.hostname or "127.0.0.1", url.port or 80
    loopback(host)
    try:
        target = discover(host, port)
        if args.warmup:
            run(target, args.clients, args.warmup)
        database_url = os.environ.get("DATABASE_URL", "")
        before = worker_cpu(server.pid) if server is not None else {}
        database_before, machine_before = database_cpu(database_url), machine_busy()
        client_started = time.process_time()
        report = run(target, args.clients, args.seconds)
        if server is not None:
            client_s = time.process_time() - client_started
            database_after, machine_after = database_cpu(database_url), machine_busy()
            database_s = sum(v - database_before.get(pid, 0.0) for pid, v in database_after.items())
            machine = (machine_after[0] - machine_before[0], machine_after[1] - machine_before[1])
            report["cpu"] = cpu_report(
                before, worker_cpu(server.pid), report["requests"], client_s, database_s, machine
            )
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
    database = os.environ.get("DATABASE_URL", "sqlite").split(":")[0]
    report["database"] = database
    print(
        f"{args.clients} clients, {report['seconds']} s on {database}: {report['requests']} requests, "
        f"{report['rps']} req/s, {report['errors']} errors, "
        f"p50 {report['p50_ms']} ms, p95 {report['p95_ms']} ms"
    )
    print(f"{'kind':<10} {'requests':>9} {'errors':>7} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for kind, row in report["kinds"].items():
        print(
            f"{kind:<10} {row['requests']:>9} {row['errors']:>7} {row['p50_ms']:>8} {row['p95_ms']:>8} "
            f"{row['max_ms']:>8}"
        )
    if "cpu" in report:
        cpu = report["cpu"]
        print(
            f"CPU per request: server {cpu['server_cpu_ms_per_request']} ms, this client "
            f"{cpu['client_cpu_ms_per_request']} ms, database {cpu['database_cpu_ms_per_request']} ms; "
            f"whole machine {cpu['machine_busy_ms_per_request']} ms (busy {cpu['machine_busy_share']:.0%} "
            "of its cores, other programs included); shares of the server's work by process: "
            + ", ".join(f"{share:.0%}" for share in cpu["worker_shares"])
        )
    for sample in report["error_samples"]:
        print("error:", sample)
    print(json.dumps(report))


if __name__ == "__main__":
    main()

"""Response time and query count of the staff pages that grow with a call: the application list and
the ranking, for one client, on the configured database.

Run it after `lodestar simulate --applications 2600 --experts 600` (it picks the latest simulated
call, or --slug). Requests go through Django's full request stack in this process (middleware,
sessions, templates, database), without a network hop.

    .venv/bin/python bench/pages.py [--slug SLUG] [--requests 60]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lodestar.settings")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import django  # noqa: E402

django.setup()

from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

from lodestar.accounts.actions import do_create_api_token  # noqa: E402
from lodestar.accounts.models import User  # noqa: E402
from lodestar.applications.models import Application  # noqa: E402
from lodestar.programmes.models import Call  # noqa: E402


def measure(client: Client, url: str, requests: int, headers: dict[str, str]) -> tuple[list[float], int, int]:
    client.get(url, headers=headers)  # warm caches (session, content types, templates)
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(url, headers=headers)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with override_settings(DEBUG=True):
        reset_queries()
        client.get(url, headers=headers)
        queries = len(connection.queries)
    return times, queries, len(response.content)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--slug", default="")
    parser.add_argument("--requests", type=int, default=60)
    args = parser.parse_args()
    simulated = Call.objects.filter(slug__startswith="simulation-")
    calls = Call.objects.filter(slug=args.slug) if args.slug else simulated
    call = calls.order_by("-id").first()
    if call is None:
        sys.exit("No simulated call: run `lodestar simulate` first (or pass --slug).")
    staff = User.objects.get(email="simulation-staff@lodestar.example")
    client = Client(HTTP_HOST="localhost")
    client.force_login(staff)
    n = Application.objects.filter(challenge__call=call).count()
    print(f"call {call.slug}: {n} applications; database {connection.vendor}; {args.requests} requests each")
    _token, key = do_create_api_token(staff, "bench")
    api = {"Authorization": f"Bearer {key}"}
    for name, url, headers in (
        ("application list", f"/en/staff/calls/{call.slug}/screening/", {}),
        ("application list, page 20", f"/en/staff/calls/{call.slug}/screening/?page=20", {}),
        ("ranking", f"/en/staff/calls/{call.slug}/ranking/", {}),
        ("ranking, page 20", f"/en/staff/calls/{call.slug}/ranking/?page=20", {}),
        ("API applications, 50", f"/api/calls/{call.slug}/applications?limit=50&offset=1000", api),
        ("API ranking, 50", f"/api/calls/{call.slug}/ranking?limit=50&offset=1000", api),
    ):
        times, queries, size = measure(client, url, args.requests, headers)
        p95 = statistics.quantiles(times, n=20)[18]
        print(
            f"{name:<28} p50 {statistics.median(times):6.1f} ms  p95 {p95:6.1f} ms  "
            f"max {max(times):6.1f} ms  {queries:2d} queries  {size // 1024} KiB"
        )


if __name__ == "__main__":
    main()

"""The fund's pages and reports at the issue's size: a board of 2,000 deals, a portfolio of 60
investments valued every quarter for 15 years (3,600 valuations), 24 partner nations with a call each
quarter (1,440 notices). Prints queries and time per page (median and p95 over 30 loads, wall time
and this process's CPU time, through Django's test client as the fund team), and the time to write
the 24 partners' quarterly statements (PDF and XLSX each) from one shared snapshot of the portfolio.

The rows are made in bulk in one transaction that is rolled back at the end, so any migrated
database will do (SQLite by default, or DATABASE_URL):

    .venv/bin/python bench/fund_pages.py [--deals 2000] [--investments 60] [--years 15]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lodestar.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from lodestar.accounts.actions import do_grant_roles  # noqa: E402
from lodestar.accounts.models import User  # noqa: E402
from lodestar.core.roles import Role  # noqa: E402
from lodestar.demo.fund import PARTNERS  # noqa: E402
from lodestar.fund import workflow as wf  # noqa: E402
from lodestar.fund.models import (  # noqa: E402
    CashEvent,
    Deal,
    Fund,
    Investment,
    LimitedPartner,
    Notice,
    Round,
    Valuation,
)
from lodestar.fund.performance import snapshot  # noqa: E402
from lodestar.fund.reports import quarter_of, statement, statement_pdf, statement_xlsx  # noqa: E402
from lodestar.organisations.models import Organisation  # noqa: E402

LOADS = 30
NATIONS = list(PARTNERS)  # the fund's 24 limited partners, as the demo has them


class Rollback(Exception):
    pass


class Counter:
    def __init__(self) -> None:
        self.n = 0

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        self.n += 1
        return execute(sql, params, many, context)


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1]


def measure(client: Client, url: str) -> tuple[int, float, float, float, float]:
    """Queries, then median and p95 of the wall time and of this process's CPU time (ms). On a shared
    machine the wall time waits for a core; the CPU time is what the page itself costs (the
    database's own work is in the wall time only)."""
    client.get(url)
    counted = Counter()
    with connection.execute_wrapper(counted):
        client.get(url)
    times, cpu = [], []
    for _n in range(LOADS):
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
        assert response.status_code == 200, response.status_code
    wall_ms = [t * 1000 for t in times]
    cpu_ms = [t * 1000 for t in cpu]
    return counted.n, statistics.median(wall_ms), p95(wall_ms), statistics.median(cpu_ms), p95(cpu_ms)


def quarter_ends(start: date, count: int) -> list[date]:
    out, day = [], quarter_of(start)[1]
    for _ in range(count):
        out.append(day)
        day = quarter_of(day + timedelta(days=1))[1]
    return out


def build(args: argparse.Namespace, rng: random.Random) -> tuple[Fund, User, date]:
    start = date(2011, 1, 1)
    quarters = quarter_ends(start, args.years * 4)
    fund = Fund.objects.create(name="Bench fund", size=Decimal("1000000000.00"), first_close=start)
    partners = LimitedPartner.objects.bulk_create(
        LimitedPartner(
            fund=fund,
            nation=n,
            name=f"{n} ministry",
            commitment=Decimal(rng.randint(5, 160)) * 10**6,
            language="fr" if n in ("BE", "LU") else "en",
        )
        for n in NATIONS
    )
    orgs = Organisation.objects.bulk_create(
        Organisation(
            legal_name=f"Bench company {n:05d}",
            headquarters_nation=rng.choice(NATIONS),
            kind="startup",
            employees=10,
            year_founded=2015,
            website=f"https://bench{n}.example.org",
        )
        for n in range(args.deals)
    )
    statuses = [s for s in wf.DealStatus.values if s != wf.DealStatus.MERGED]
    deals = Deal.objects.bulk_create(
        Deal(
            fund=fund,
            organisation=o,
            status=wf.DealStatus.PORTFOLIO if k < args.investments else rng.choice(statuses),
            stage=rng.choice(Deal.Stage.values),
        )
        for k, o in enumerate(orgs)
    )
    user = User.objects.create_user(email="bench-fund-pages@example.org")
    do_grant_roles(user, Role.FUND_TEAM)
    investments = Investment.objects.bulk_create(
        Investment(
            fund=fund,
            deal=d,
            name=d.organisation.legal_name,
            nation=d.organisation.headquarters_nation,
            created_by=user,
        )
        for d in deals[: args.investments]
    )
    Round.objects.bulk_create(
        Round(
            investment=inv,
            on=quarters[k % 20] - timedelta(days=30),
            label="Seed",
            instrument="equity",
            amount=Decimal(rng.randint(1, 10)) * 10**6,
        )
        for k, inv in enumerate(investments)
    )
    Valuation.objects.bulk_create(
        (
            Valuation(investment=inv, on=q, value=Decimal(rng.randint(1, 30)) * 10**6, method="last_round")
            for inv in investments
            for q in quarters
        ),
        batch_size=2000,
    )
    committed = sum((p.commitment for p in partners), Decimal(0))
    for k, q in enumerate(quarters):
        amount = (committed / len(quarters) / 2).quantize(Decimal("0.01"))
        event = CashEvent.objects.create(
            fund=fund,
            kind="call",
            number=k + 1,
            on=q - timedelta(days=60),
            due=q - timedelta(days=30),
            amount=amount,
            purpose="Bench",
            management_fee=amount / 20,
            created_by=user,
        )
        Notice.objects.bulk_create(
            Notice(
                event=event,
                partner=p,
                amount=(amount * p.commitment / committed).quantize(Decimal("0.01")),
                paid=(amount * p.commitment / committed).quantize(Decimal("0.01")),
                status="paid",
            )
            for p in partners
        )
    return fund, user, quarters[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deals", type=int, default=2000)
    parser.add_argument("--investments", type=int, default=60)
    parser.add_argument("--years", type=int, default=15)
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    try:
        with transaction.atomic():
            fund, user, last = build(args, random.Random(2026))
            client = Client()
            client.force_login(user)
            print(
                f"database: {connection.vendor}; {args.deals} deals, {args.investments} investments, "
                f"{Valuation.objects.count()} valuations, {Notice.objects.count()} notices"
            )
            pages = {
                "deal board (2,000 deals)": reverse("fund:board"),
                "portfolio (60 positions, splits, figures)": reverse("fund:portfolio") + f"?as_of={last}",
                "partner nations (24 partners' figures)": reverse("fund:partners") + f"?as_of={last}",
            }
            for label, url in pages.items():
                queries, median, high, cpu, cpu_high = measure(client, url)
                print(
                    f"{label}: {queries} queries, median {median:.0f} ms, p95 {high:.0f} ms "
                    f"(CPU of this process: median {cpu:.0f} ms, p95 {cpu_high:.0f} ms)"
                )
            started = time.perf_counter()
            snap = snapshot(fund, last)
            written = 0
            for partner in fund.partners.all():
                s = statement(partner, last, snap)
                written += len(statement_pdf(s)) + len(statement_xlsx(s))
            elapsed = time.perf_counter() - started
            print(
                f"24 quarterly statements (PDF + XLSX each, one shared snapshot): {elapsed:.2f} s, "
                f"{written / 1e6:.1f} MB written"
            )
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main()

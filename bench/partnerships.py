"""Partner grants: (1) the demo's partner call, built and timed; (2) every committee member of 16
nations, two per nation, voting on one proposal at the same instant, each in its own thread and
database connection: one vote per nation must count, the second member of each nation be refused, and
nothing fail; (3) the staff page of a call with N proposals and the committee's page: queries and p95.

It commits its rows (threads cannot see another's open transaction), so give it a migrated database
of its own, then drop it. PostgreSQL for (2) to mean anything (SQLite has one writer at a time):

    createdb lodestar_partner_bench && DATABASE_URL=postgres://…/lodestar_partner_bench \\
        .venv/bin/lodestar migrate && DATABASE_URL=… .venv/bin/python bench/partnerships.py [--proposals 500]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lodestar.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, connections, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from lodestar.accounts.actions import do_grant_roles  # noqa: E402
from lodestar.core.roles import Role, Scope, ScopeKind  # noqa: E402
from lodestar.demo import build as demo_build  # noqa: E402
from lodestar.demo import partnerships as demo  # noqa: E402
from lodestar.partnerships import actions, committee  # noqa: E402
from lodestar.partnerships import workflow as wf  # noqa: E402
from lodestar.partnerships.models import NationVote, PartnerCall, Proposal  # noqa: E402

NATIONS = ("BE", "BG", "CA", "CZ", "DK", "EE", "ES", "FI", "GR", "HR", "HU", "IS", "LT", "LU", "LV", "NL")


def build_demo() -> tuple[dict, Any, float]:
    builder = demo_build._Builder(7, 10, timezone.now())
    users = builder.demo_users()
    started = time.perf_counter()
    summary = demo.build(
        users, lambda e, n, lang: builder.user(e, n, lang, "Europe/Brussels"), 7, builder.now
    )
    return users, builder, time.perf_counter() - started if summary else 0.0


def vote_race(builder: Any) -> None:
    proposal = Proposal.objects.get(status=wf.COMMITTEE)
    pc = proposal.partner_call
    pc.committee_nations = sorted(set(pc.committee_nations) | set(NATIONS))
    pc.save(update_fields=["committee_nations"])
    members = []
    for nation in NATIONS:
        for n in (1, 2):
            user = builder.user(
                f"race.{nation.lower()}.{n}@{demo.DOMAIN}", f"Delegate {nation} {n}", "en", "UTC"
            )
            do_grant_roles(user, Role.COMMITTEE_MEMBER, scope=Scope(ScopeKind.NATION, nation))
            members.append((user, nation))
    outcomes: Counter[str] = Counter()
    barrier = threading.Barrier(len(members))
    lock = threading.Lock()

    def vote(user: object, nation: str) -> None:
        try:
            barrier.wait()
            committee.check_vote(proposal, user, nation, NationVote.Choice.FOR)
            result = "counted"
        except Exception as exc:  # noqa: BLE001 - tallied by kind
            result = "refused" if type(exc).__name__ == "ValidationError" else f"error {type(exc).__name__}"
        finally:
            connections.close_all()
        with lock:
            outcomes[result] += 1

    started = time.perf_counter()
    threads = [threading.Thread(target=vote, args=m) for m in members]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    elapsed = time.perf_counter() - started
    per_nation = Counter(
        NationVote.objects.filter(proposal=proposal, nation__in=NATIONS).values_list("nation", flat=True)
    )
    print(
        f"votes: {len(members)} members of {len(NATIONS)} nations at once in {elapsed:.2f} s: "
        f"{dict(outcomes)}; "
        f"nations with more than one vote: {sum(1 for n in per_nation.values() if n > 1)}"
    )


def pages(users: dict, count: int) -> None:
    pc = PartnerCall.objects.get()
    proposal = (
        Proposal.objects.filter(partner_call=pc)
        .select_related("application", "mechanism")
        .get(status=wf.APPROVED, mechanism__code="multi-year-project")
    )
    lead = proposal.organisation.memberships.get().user
    member = actions.CoDirectorData("Ewa Nowak", "ewa@bench.example", "PL", "PL", "Bench", "university", "PL")
    partner = actions.CoDirectorData("Ken Ito", "ito@bench.example", "JP", "JP", "Kyushu", "university", "JP")
    end_users = (actions.EndUserData("Polish Cyber Command", "PL"),)
    started = time.perf_counter()
    from lodestar.organisations.actions import check_create_organisation

    for i in range(count):
        body = check_create_organisation(
            lead,
            fields={
                "legal_name": f"Bench University {i}",
                "headquarters_nation": "PL",
                "kind": "university",
                "year_founded": 1950,
                "employees": 100,
                "website": "",
                "description": "",
            },
        )
        actions.check_create_proposal(
            lead,
            pc,
            body,
            pc.call.challenges.get(),
            proposal.mechanism,
            actions.ProposalData(
                f"Bench proposal {i}",
                "A summary of the bench proposal.",
                "An outline of the bench proposal.",
                proposal.application.requested_amount,
                member,
                partner,
                end_users,
                months=proposal.months,
            ),
        )
    print(f"{count} more proposals written in {time.perf_counter() - started:.1f} s")
    for name, url, who in (
        ("staff page of the call", reverse("partnerships:staff_call", args=[pc.call.slug]), users["staff"]),
        ("committee queue", reverse("partnerships:committee"), users["committee.fr"]),
        (
            "proposal before the committee",
            reverse("partnerships:proposal", args=[Proposal.objects.get(status=wf.COMMITTEE).pk]),
            users["committee.fr"],
        ),
    ):
        client = Client()
        client.force_login(who)
        times, queries = [], 0
        settings.DEBUG = True
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
        for _ in range(30):
            reset_queries()
            t = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - t) * 1000)
            queries = len(connection.queries)
            assert response.status_code == 200, response.status_code
        settings.DEBUG = False
        p95 = statistics.quantiles(times, n=20)[18]
        print(f"{name}: {queries} queries, median {statistics.median(times):.0f} ms, p95 {p95:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--proposals", type=int, default=500)
    args = parser.parse_args()
    print(f"database: {connection.vendor}")
    users, builder, seconds = build_demo()
    print(
        f"demo partner call: {Proposal.objects.count()} proposals, {NationVote.objects.count()} votes, "
        f"built in {seconds:.2f} s"
    )
    if connection.vendor == "postgresql":
        vote_race(builder)
    pages(users, args.proposals)


if __name__ == "__main__":
    main()

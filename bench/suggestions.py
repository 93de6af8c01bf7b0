"""Explained suggestions of test centres and mentors for a whole cohort: 74 companies (applications
written by the demo's generator in English and French), the demo's network of 23 sites and 182 test
centres, and an expert pool of 300 (the demo's generator, with their publications). Times
`engine_adapter.suggest` for every company at once (3 centres and 3 mentors each, the mentors after
the conflict checks), and prints one company's suggestions with their evidence.

The rows are made in one transaction that is rolled back at the end (SQLite by default, or DATABASE_URL):

    .venv/bin/python bench/suggestions.py [--companies 74] [--experts 300]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lodestar.settings")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from lodestar.accelerator.engine_adapter import suggest  # noqa: E402
from lodestar.accelerator.models import Cohort, CohortCompany  # noqa: E402
from lodestar.accounts.models import User  # noqa: E402
from lodestar.applications.models import Application  # noqa: E402
from lodestar.demo import corpus, network  # noqa: E402
from lodestar.demo.calls import create_challenges  # noqa: E402
from lodestar.demo.experts import expert_profile  # noqa: E402
from lodestar.experts.models import Expert, ExpertDocument  # noqa: E402
from lodestar.organisations.models import Organisation  # noqa: E402
from lodestar.programmes.actions import do_create_call  # noqa: E402
from lodestar.programmes.models import Programme  # noqa: E402
from lodestar.selection.models import Selection  # noqa: E402


class Rollback(Exception):
    pass


def build(companies: int, experts: int) -> list[CohortCompany]:
    rng = random.Random(2026)
    now = timezone.now()
    staff = User.objects.create_user(email="bench-suggestions@example.org")
    programme = Programme.objects.create(slug="bench-suggestions", name_en="Bench", name_fr="Banc")
    call = do_create_call(
        None,
        programme=programme,
        slug="bench-suggestions-call",
        title_en="Bench call",
        title_fr="Appel banc",
        description_en="d",
        description_fr="d",
        opens_at=now - timedelta(weeks=40),
        closes_at=now - timedelta(weeks=30),
        max_grant=Decimal(100_000),
    )
    challenges = create_challenges(call)
    organisations: list[Organisation] = []
    applications: list[Application] = []
    titles: set[str] = set()
    for n in range(companies):
        challenge = challenges[n % len(challenges)]
        language = "fr" if n % 5 == 0 else "en"
        text = corpus.application(rng, challenge.slug, language, taken_titles=titles)
        organisation = Organisation.objects.create(
            legal_name=f"Bench company {n:03d}",
            headquarters_nation="FR",
            kind="startup",
            employees=8,
            year_founded=2020,
        )
        organisations.append(organisation)
        applications.append(
            Application(
                organisation=organisation,
                challenge=challenge,
                title=text.title,
                summary=text.summary,
                description=text.description,
                trl=text.trl,
                requested_amount=Decimal(100_000),
                language=language,
                status="selected",
            )
        )
    Application.objects.bulk_create(applications)
    selection = Selection.objects.create(call=call, status="confirmed", created_by=staff)
    cohort = Cohort.objects.create(
        call=call,
        selection=selection,
        name_en="Bench",
        name_fr="Banc",
        status="running",
        starts_on=now.date(),
        ends_on=now.date() + timedelta(days=182),
        created_by=staff,
    )
    places = CohortCompany.objects.bulk_create(
        CohortCompany(cohort=cohort, application=a, organisation=a.organisation) for a in applications
    )
    network.build(2026, organisations, staff, now)
    for n in range(experts):
        profile = expert_profile(rng, "fr" if n % 4 == 0 else "en")
        expert = Expert.objects.create(
            full_name=profile.name,
            email=f"bench-expert-{n}@example.org",
            nation=profile.nation,
            organisation_name=profile.organisation,
            expertise=profile.statement,
        )
        ExpertDocument.objects.bulk_create(
            ExpertDocument(expert=expert, title=p.title, abstract=p.abstract, year=p.year)
            for p in profile.publications
        )
    return list(CohortCompany.objects.filter(pk__in=[p.pk for p in places]).select_related("application"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--companies", type=int, default=74)
    parser.add_argument("--experts", type=int, default=300)
    args = parser.parse_args()
    try:
        with transaction.atomic():
            places = build(args.companies, args.experts)
            started = time.perf_counter()
            found = suggest(places)
            seconds = time.perf_counter() - started
            print(
                f"database: {connection.vendor}; {len(places)} companies, {args.experts} experts: "
                f"suggestions with explanations in {seconds:.2f} s"
            )
            place = places[0]
            print(f"example: {place.application.title}")
            for s in found.centres[place.pk]:
                print(f"  centre {s.name} ({s.score:.3f}): {', '.join(s.terms)}")
            for s in found.mentors[place.pk]:
                print(f"  mentor {s.name} ({s.score:.3f}): {', '.join(s.terms)}")
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main()

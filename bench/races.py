"""The races of issue 13, item 1, as real concurrent HTTP requests against a running server, many
trials each: 0 lost updates and 0 double submissions expected.

It migrates the database it is given (a scratch one: it adds a call of its own), starts
`lodestar runserver` (threaded: one thread per request, each with its own connection) on a free
port of 127.0.0.1 against it, and for each trial fires the requests at once from threads:

- submit + save: "send" and "save draft" of one draft at once; lost update = the application ends a
  draft after a submission, or the submission is lost;
- double submit: five "save and send" of one draft at once; exactly one submission and one
  confirmation letter;
- uploads: twenty PDFs to a draft at once; at most 10 stored;
- confirmation: two directors confirming one proposed cohort twice each at once; exactly one
  confirmation and one decision per application.

    .venv/bin/python bench/races.py --database postgres://postgres@127.0.0.1:5432/lodestar_races
    .venv/bin/python bench/races.py --database sqlite:////tmp/lodestar-races.sqlite3 [--trials 100]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time
from collections import Counter
from decimal import Decimal
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", required=True, help="a scratch database URL (it is migrated)")
    parser.add_argument("--trials", type=int, default=100)
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = args.database
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lodestar.settings")
    os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.dummy.EmailBackend"
    os.environ.setdefault("LODESTAR_VAR_DIR", "/tmp/lodestar-races-var")
    # One connection per request: the development server starts a thread per request, and a
    # persistent connection per thread would pile up past PostgreSQL's limit over thousands of
    # requests (bounding the production server's connections is issue 13, item 6, not this bench).
    os.environ["DATABASE_CONN_MAX_AGE"] = "0"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    world = build()
    port = free_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "lodestar.settings"}
    server = subprocess.Popen(  # noqa: S603  # this interpreter, this project's command
        [sys.executable, "-m", "lodestar", "runserver", f"127.0.0.1:{port}", "--noreload", "--nothreading"]
        if os.environ.get("RACES_NO_THREADS")
        else [sys.executable, "-m", "lodestar", "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(port)
        base = f"http://127.0.0.1:{port}"
        print(
            f"database: {connection.vendor}, trials: {args.trials}, server: runserver (threaded), port {port}"
        )
        for name, race in RACES.items():
            started = time.perf_counter()
            tally: Counter[str] = Counter()
            for trial in range(args.trials):
                tally.update(race(world, base, trial))
            seconds = time.perf_counter() - started
            print(f"{name:<14} {dict(sorted(tally.items()))}  ({seconds:.1f} s)")
    finally:
        server.terminate()
        server.wait(10)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(port: int) -> None:
    for _ in range(300):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the server did not start")


def build() -> dict:
    """A call open for applications with one challenge; Alice's company and its draft; two directors."""
    from datetime import timedelta

    from django.utils import timezone

    from lodestar.accounts.actions import do_grant_roles
    from lodestar.accounts.models import User
    from lodestar.applications.actions import TeamMemberData, check_create_draft
    from lodestar.core.roles import Role
    from lodestar.organisations.actions import check_create_organisation
    from lodestar.programmes.actions import do_create_call
    from lodestar.programmes.models import Challenge, Programme

    stamp = str(int(time.time()))
    now = timezone.now()
    programme, _ = Programme.objects.get_or_create(
        slug="races", defaults={"name_en": "Races", "name_fr": "Courses"}
    )
    call = do_create_call(
        None,
        programme=programme,
        slug=f"races-{stamp}",
        title_en="Race call",
        title_fr="Appel des courses",
        description_en="For bench/races.py.",
        description_fr="Pour bench/races.py.",
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=30),
        max_grant=Decimal(100_000),
    )
    challenge = Challenge.objects.create(
        call=call,
        slug="energy",
        position=1,
        title_en="Energy",
        title_fr="Énergie",
        summary_en="Energy.",
        summary_fr="Énergie.",
        description_en="Energy.",
        description_fr="Énergie.",
    )

    def person(key: str, role: str) -> User:
        user = User.objects.create_user(email=f"{key}-{stamp}@races.example", password=None, full_name=key)
        do_grant_roles(user, role)
        return user

    alice = person("alice", Role.APPLICANT)
    organisation = check_create_organisation(
        alice,
        fields={
            "legal_name": f"Race Co {stamp}",
            "headquarters_nation": "FR",
            "kind": "startup",
            "year_founded": 2020,
            "employees": 5,
            "website": "",
            "description": "",
        },
    )
    fields = {
        "title": "Race",
        "summary": "A summary.",
        "description": DESCRIPTION,
        "trl": 5,
        "requested_amount": Decimal(100_000),
    }
    draft = check_create_draft(
        alice, organisation, challenge, fields, team=[TeamMemberData("Alice", "CEO", "FR")]
    )
    return {
        "call": call,
        "challenge": challenge,
        "alice": alice,
        "organisation": organisation,
        "draft": draft,
        "directors": [person("dora", Role.PROGRAMME_DIRECTOR), person("petra", Role.PROGRAMME_DIRECTOR)],
        "sessions": {},
    }


DESCRIPTION = (
    "Forward operating bases depend on diesel generators that are loud, easy to detect and hard to "
    "resupply. Solid-state hydrogen storage modules store energy at low pressure, charge from solar "
    "panels during the day and power the camp at night with no thermal signature."
)


def session(world: dict, user, base: str):
    from django.test import Client

    from tests.live_http import Session

    key = (user.pk, base)
    if key not in world["sessions"]:
        client = Client()
        client.force_login(user)
        world["sessions"][key] = Session(base=base, sessionid=client.cookies["sessionid"].value)
    return world["sessions"][key]


def reset_draft(world: dict) -> None:
    from lodestar.applications import workflow as wf
    from lodestar.applications.models import Application, Attachment

    Attachment.objects.filter(application=world["draft"]).delete()
    Application.objects.filter(pk=world["draft"].pk).update(status=wf.DRAFT, submitted_at=None)


def submissions(world: dict) -> int:
    from lodestar.core.models import AuditEvent

    return AuditEvent.objects.filter(object_id=str(world["draft"].pk), action="application:submitted").count()


def confirmations(world: dict) -> int:
    from lodestar.core.models import Letter

    return Letter.objects.filter(object_id=str(world["draft"].pk), template="application_submitted").count()


def form(title: str, submit: bool = False) -> dict:
    data = {
        "title": title,
        "summary": "A summary.",
        "description": DESCRIPTION,
        "trl": "5",
        "requested_amount": "100000",
        "team-TOTAL_FORMS": "1",
        "team-INITIAL_FORMS": "1",
        "team-MIN_NUM_FORMS": "0",
        "team-MAX_NUM_FORMS": "1000",
        "team-0-name": "Alice",
        "team-0-role": "CEO",
        "team-0-nation": "FR",
        "team-0-expertise": "",
    }
    if submit:
        data["submit"] = "1"
    return data


def errors(codes: list) -> int:
    """Answers other than the page (200) or a redirect (302); each kind is printed once, to see why."""
    bad = [code for code in codes if not (isinstance(code, int) and code in (200, 302))]
    for code in bad:
        kind = repr(code)[:200]
        if kind not in SEEN:
            SEEN.add(kind)
            print("  not answered as expected:", kind, flush=True)
    return len(bad)


SEEN: set[str] = set()


def race_submit_and_save(world: dict, base: str, trial: int) -> Counter[str]:
    from lodestar.applications import workflow as wf
    from lodestar.applications.models import Application
    from tests.live_http import all_at_once

    reset_draft(world)
    before = submissions(world)
    pk, s = world["draft"].pk, session(world, world["alice"], base)
    codes = all_at_once(
        [
            lambda: s.post(f"/en/applications/{pk}/submit/", {}),
            lambda: s.post(f"/en/applications/{pk}/edit/", form(f"Save {trial}")),
        ]
    )
    status = Application.objects.get(pk=pk).status
    made = submissions(world) - before
    lost = made != 1 or status != wf.SUBMITTED
    return Counter(trials=1, lost_updates=int(lost), server_errors=errors(codes))


def race_double_submit(world: dict, base: str, trial: int) -> Counter[str]:
    from tests.live_http import all_at_once

    reset_draft(world)
    before, letters = submissions(world), confirmations(world)
    pk, s = world["draft"].pk, session(world, world["alice"], base)
    codes = all_at_once(
        [partial(s.post, f"/en/applications/{pk}/edit/", form(f"Tab {n}", True)) for n in range(5)]
    )
    time.sleep(0.05)  # the confirmation goes out just after the commit
    made, sent = submissions(world) - before, confirmations(world) - letters
    return Counter(
        trials=1,
        double_submissions=int(made > 1),
        lost_submissions=int(made < 1),
        extra_letters=max(0, sent - 1),
        server_errors=errors(codes),
    )


def race_uploads(world: dict, base: str, trial: int) -> Counter[str]:
    from lodestar.applications.models import Attachment
    from tests.live_http import all_at_once
    from tests.pdfs import MINIMAL_PDF

    reset_draft(world)
    pk, s = world["draft"].pk, session(world, world["alice"], base)
    url = f"/en/applications/{pk}/attachments/"
    codes = all_at_once(
        [partial(s.post, url, {}, files={"file": (f"d{n}.pdf", MINIMAL_PDF)}) for n in range(20)]
    )
    stored = Attachment.objects.filter(application_id=pk).count()
    return Counter(
        trials=1, over_limit=int(stored > 10), stored_10=int(stored == 10), server_errors=errors(codes)
    )


def race_confirmation(world: dict, base: str, trial: int) -> Counter[str]:
    """A proposed cohort of four applications; both directors press "confirm" twice, all at once."""
    from django.utils import timezone

    from lodestar.applications import workflow as wf
    from lodestar.applications.models import Application
    from lodestar.core.models import AuditEvent
    from lodestar.organisations.actions import check_create_organisation
    from lodestar.programmes.actions import do_create_call
    from lodestar.programmes.models import Challenge
    from lodestar.reviews.models import RankingEntry
    from lodestar.selection.actions import check_run_selection
    from tests.live_http import all_at_once

    dora, now = world["directors"][0], timezone.now()
    first = world["call"]
    call = do_create_call(  # a call of its own: a confirmed selection is final
        None,
        programme=first.programme,
        slug=f"{first.slug}-c{trial}",
        title_en=f"Cohort {trial}",
        title_fr=f"Cohorte {trial}",
        description_en=".",
        description_fr=".",
        opens_at=first.opens_at,
        closes_at=first.closes_at,
        max_grant=Decimal(100_000),
    )
    challenge = Challenge.objects.create(
        call=call,
        slug="energy",
        position=1,
        title_en="Energy",
        title_fr="Énergie",
        summary_en=".",
        summary_fr=".",
        description_en=".",
        description_fr=".",
    )
    apps = []
    for n in range(4):
        owner = world["alice"]
        organisation = check_create_organisation(
            owner,
            fields={
                "legal_name": f"Cohort {trial}-{n}",
                "headquarters_nation": "FR",
                "kind": "startup",
                "year_founded": 2020,
                "employees": 5,
                "website": "",
                "description": "",
            },
        )
        apps.append(
            Application.objects.create(
                challenge=challenge,
                organisation=organisation,
                title=f"C{trial}-{n}",
                summary="s",
                description=DESCRIPTION,
                trl=5,
                requested_amount=Decimal(100_000),
                status=wf.UNDER_REVIEW,
                submitted_at=now,
            )
        )
    for rank, application in enumerate(apps, start=1):
        RankingEntry.objects.create(
            call=call,
            application=application,
            rank=rank,
            raw_rank=rank,
            calibrated=5.0 - rank,
            lower=4.0 - rank,
            upper=6.0 - rank,
            mean=5.0 - rank,
            median=5.0 - rank,
            reviews=3,
        )
    selection = check_run_selection(call, dora)
    url = f"/en/staff/calls/{call.slug}/selection/runs/{selection.pk}/confirm/"
    directors = [session(world, d, base) for d in world["directors"]]
    codes = all_at_once([partial(d.post, url, {}) for d in directors * 2])
    confirmed = AuditEvent.objects.filter(object_id=str(call.pk), action="selection:confirmed").count()
    decided = AuditEvent.objects.filter(
        object_id__in=[str(a.pk) for a in apps], action__in=["application:selected", "application:rejected"]
    ).count()
    return Counter(
        trials=1,
        double_confirmations=int(confirmed > 1),
        lost_confirmations=int(confirmed < 1),
        double_decisions=int(decided > len(apps)),
        server_errors=errors(codes),
    )


RACES = {
    "submit+save": race_submit_and_save,
    "double submit": race_double_submit,
    "uploads": race_uploads,
    "confirmation": race_confirmation,
}

if __name__ == "__main__":
    main()

"""Load the demo into the configured database: the accelerator's programme, one call open now with
its five challenges, about 300 organisations and their applications, and a login for every role.

Text comes from `corpus` (pure and deterministic); this module only decides the mix (nations,
kinds, statuses, screening) and writes through the same actions that views and the API use, so the
demo obeys every rule the product enforces (deadlines, eligibility, workflow, audit trail).
"""

from __future__ import annotations

import random
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from lodestar.accounts.actions import do_grant_roles
from lodestar.accounts.models import User
from lodestar.applications.actions import (
    Screening,
    TeamMemberData,
    check_create_draft,
    check_screen,
    check_submit,
    check_withdraw,
)
from lodestar.applications.models import Application
from lodestar.core.models import Audience, EdtArea
from lodestar.core.roles import Role
from lodestar.demo import challenges as texts
from lodestar.demo import corpus, names, network, questions
from lodestar.demo import engagement as engagement_demo
from lodestar.demo import fund as fund_demo
from lodestar.demo import partnerships as partnerships_demo
from lodestar.demo import radar as radar_demo
from lodestar.demo.calls import create_challenges, create_phases
from lodestar.demo.logins import DEMO_LOGINS
from lodestar.demo.names import Person
from lodestar.demo.simulation import Simulation, Stage
from lodestar.grants.models import Award
from lodestar.grants.workflow import AWARD_MADE
from lodestar.organisations.actions import (
    ShareholderData,
    check_create_organisation,
    check_invite_member,
    do_add_member,
)
from lodestar.organisations.models import Organisation
from lodestar.programmes.actions import do_create_call
from lodestar.programmes.eligibility import Verdict
from lodestar.programmes.models import Call, Challenge, Programme, Question

DEFAULT_SEED = 2025
DEFAULT_ORGANISATIONS = 300
# The demo is not production: every demo account shares this documented password.
DEMO_PASSWORD = "lodestar-demo"  # noqa: S105
DEMO_DOMAIN = "lodestar.example"


# Share of organisations of each kind; start-ups and SMEs are the call's audience, the others are
# there so that the eligibility rules have something to refuse.
KINDS = (("startup", 62), ("sme", 29), ("university", 3), ("research", 2), ("large", 3), ("nonprofit", 1))
OUTSIDE_NATIONS = ("JP", "CH", "AU")  # headquartered outside the member nations
FOREIGN_OWNERS = ("CN", "RU", "SG", "AE")

# Staff write their notes in English, the working language of the programme team.
SCREENING_NOTES = {
    "subsidiary": "Subsidiary of a large group according to the company register: not an SME under the call "
    "rules.",
    "cleared": "Ownership reviewed: the foreign shareholder is a minority financial investor without control "
    "or board rights; shareholder agreement on file.",
    "refused": "The largest shareholder is controlled from a non-eligible nation and holds veto rights: the "
    "company cannot take part in this call.",
}
# A "not eligible" decision that no rule refuses tells the applicant why (a shared note), in the
# application's language; the "cleared" note above stays internal (staff only).
SHARED_SCREENING_NOTES = {
    "subsidiary": {
        "en": SCREENING_NOTES["subsidiary"],
        "fr": "Filiale d'un grand groupe selon le registre du commerce : ce n'est pas une PME au sens "
        "des règles de l'appel.",
    },
    "refused": {
        "en": SCREENING_NOTES["refused"],
        "fr": "Le premier actionnaire est contrôlé depuis une nation non éligible et détient un droit "
        "de veto : l'entreprise ne peut pas participer à cet appel.",
    },
}
WITHDRAWAL_NOTES = {
    "en": (
        "Merged into our consortium partner's application.",
        "Team change; we will apply again next year.",
        "Sent to the wrong challenge by mistake.",
    ),
    "fr": (
        "Le projet est repris dans la candidature d'un partenaire du consortium.",
        "Changement d'équipe : nous candidaterons de nouveau l'an prochain.",
        "Candidature envoyée par erreur au mauvais défi.",
    ),
}


@dataclass
class DemoSummary:
    organisations: int = 0
    users: int = 0
    by_language: Counter[str] = field(default_factory=Counter)
    by_status: Counter[str] = field(default_factory=Counter)
    near_duplicates: int = 0
    seconds: float = 0.0
    # The closed call, taken through matching, assignment and reviews, waiting for its ranking.
    closed_call: str = ""
    closed_steps: list[str] = field(default_factory=list)
    awarded_call: str = ""
    awarded_steps: list[str] = field(default_factory=list)
    fund: dict[str, int] = field(default_factory=dict)
    centres: int = 0  # the network of sites and test centres (demo/network.py)
    partnerships: dict[str, int] = field(default_factory=dict)  # demo/partnerships.py
    bookings: int = 0
    engagement: dict[str, Any] = field(default_factory=dict)  # directory and dialogues (demo/engagement.py)

    @property
    def applications(self) -> int:
        return sum(self.by_status.values())


def is_loaded() -> bool:
    return Programme.objects.filter(slug=texts.PROGRAMME_SLUG).exists()


@dataclass
class _Entry:
    """One organisation as built: its text, its row and the user who acts for it."""

    text: corpus.OrganisationText
    organisation: Organisation
    user: User
    lead: Person


class _Builder:
    def __init__(self, seed: int, size: int, now: datetime) -> None:
        self.rng = random.Random(seed)
        self.size = size
        self.now = now
        self.year = now.year
        self.password = make_password(DEMO_PASSWORD)  # hashed once: Argon2 is slow on purpose
        self.areas = EdtArea.objects.in_bulk(field_name="code")
        self.summary = DemoSummary()
        self.titles: set[str] = set()
        self.slugs: set[str] = set()
        # Organisations the eligibility rules must meet: they always apply and send (see profiles()).
        self.keen: set[int] = set()
        # The open call's own questions (demo/questions.py), answered by its applications.
        self.questions: list[Question] = []

    # --- people -------------------------------------------------------------------------------
    def user(self, email: str, name: str, language: str, time_zone: str, *roles: str) -> User:
        user = User.objects.filter(email=email).first() or User(email=email)
        user.full_name, user.language, user.time_zone, user.password = (
            name,
            language,
            time_zone,
            self.password,
        )
        user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        do_grant_roles(user, *roles)
        self.summary.users += 1
        return user

    def demo_users(self) -> dict[str, User]:
        users = {}
        for login in DEMO_LOGINS:
            tz = "America/Toronto" if login.email.startswith("candidat") else "Europe/Brussels"
            if login.scope:
                user = self.user(login.email, login.name, login.language, tz)
                do_grant_roles(user, login.role, scope=login.scope)
            else:
                user = self.user(login.email, login.name, login.language, tz, login.role)
            if login.superuser:
                user.is_superuser = user.is_staff = True
                user.save(update_fields=["is_superuser", "is_staff"])
            users[login.email.split("@")[0]] = user
        return users

    # --- programme, call, challenges ----------------------------------------------------------
    def call(self, staff: User) -> tuple[Call, list[Challenge]]:
        programme = Programme.objects.create(
            slug=texts.PROGRAMME_SLUG,
            name_en=texts.PROGRAMME_NAME.en,
            name_fr=texts.PROGRAMME_NAME.fr,
            description_en=texts.PROGRAMME_DESCRIPTION.en,
            description_fr=texts.PROGRAMME_DESCRIPTION.fr,
        )
        # Office hours at the programme's seat (settings.TIME_ZONE), as a real call would announce them.
        opens_at = timezone.localtime(self.now - timedelta(weeks=5)).replace(
            hour=9, minute=0, second=0, microsecond=0
        )
        closes_at = timezone.localtime(self.now + timedelta(weeks=1)).replace(
            hour=17, minute=0, second=0, microsecond=0
        )
        cohort = opens_at.year + 1
        title = texts.call_title(cohort)
        call = do_create_call(
            staff,
            programme=programme,
            slug=f"challenge-call-{cohort}",
            title_en=title.en,
            title_fr=title.fr,
            description_en=texts.CALL_DESCRIPTION.en,
            description_fr=texts.CALL_DESCRIPTION.fr,
            opens_at=opens_at,
            closes_at=closes_at,
            max_grant=Decimal(100_000),
        )
        create_phases(call)
        self.questions = questions.add_questions(call)
        return call, create_challenges(call, self.areas)

    # --- organisations ------------------------------------------------------------------------
    def profiles(self) -> list[dict[str, Any]]:
        """Who is who: nation, kind, ownership. Two places are kept for the demo applicants."""
        rng, n = self.rng, self.size
        outside = set(rng.sample(range(2, n), min(n - 2, max(1, round(n * 0.02)))))
        rest = [i for i in range(2, n) if i not in outside]
        foreign = set(rng.sample(rest, min(len(rest), max(1, round(n * 0.027)))))
        self.keen |= outside | foreign
        kinds, weights = zip(*KINDS, strict=True)
        profiles: list[dict[str, Any]] = [
            {"nation": "GB", "kind": "startup", "language": "en"},
            {"nation": "CA", "kind": "startup", "language": "fr"},
        ]
        for i in range(2, n):
            nation = rng.choice(OUTSIDE_NATIONS) if i in outside else corpus.choose_nation(rng)
            kind = "startup" if i in foreign else rng.choices(kinds, weights=weights)[0]
            owner = rng.choice(FOREIGN_OWNERS) if i in foreign else None
            profiles.append({"nation": nation, "kind": kind, "foreign_owner": owner})
        return profiles[:n]

    def organisations(self, demo: dict[str, User]) -> list[_Entry]:
        entries = []
        for i, profile in enumerate(self.profiles()):
            text = corpus.organisation(self.rng, year=self.year, taken=self.slugs, **profile)
            if i == 0:
                lead, user = Person("Oliver", "Bennett", False, "GB"), demo["applicant"]
            elif i == 1:
                lead, user = Person("Geneviève", "Lavoie", True, "CA"), demo["candidat"]
            else:
                lead = text.contact
                non_english = text.nation not in names.NEVER_FRENCH and text.nation != "CA"
                language = (
                    "fr" if text.language == "fr" or (non_english and self.rng.random() < 0.1) else "en"
                )
                tz = names.TIME_ZONES.get(text.nation, "Europe/Brussels")
                user = self.user(text.contact_email, lead.name, language, tz, Role.APPLICANT)
            # The demo applicants take the place of the founder the corpus imagined.
            shareholders = [
                ShareholderData(lead.name if s.name == text.contact.name else s.name, s.nation, s.percentage)
                for s in text.shareholders
            ]
            organisation = check_create_organisation(
                user,
                fields={
                    "legal_name": text.legal_name,
                    "headquarters_nation": text.nation,
                    "kind": text.kind,
                    "year_founded": text.year_founded,
                    "employees": text.employees,
                    "website": text.website,
                    "description": text.description,
                },
                areas=[self.areas[code] for code in text.areas if code in self.areas],
                shareholders=shareholders,
            )
            entries.append(_Entry(text, organisation, user, lead))
        # Membership by consent: Oliver asked Geneviève (the French applicant) to join his company
        # and a colleague without an account yet; both invitations wait for an answer.
        first = entries[0]
        check_invite_member(first.organisation, demo["candidat"].email, first.user, "fr")
        colleague = f"cto@{slugify(first.organisation.legal_name)}.example"
        check_invite_member(first.organisation, colleague, first.user, "en")
        self.summary.organisations = len(entries)
        return entries

    # --- applications -------------------------------------------------------------------------
    def moment(self, start: datetime, end: datetime) -> datetime:
        return start + (end - start) * self.rng.random()

    def amount(self) -> Decimal:
        if self.rng.random() < 0.15:
            return Decimal(self.rng.randrange(50_000, 100_000, 5_000))
        return Decimal(100_000)

    def write(
        self,
        entry: _Entry,
        challenge: Challenge,
        text: corpus.ApplicationText,
        amount: Decimal,
        start: datetime,
    ) -> Application:
        team = [TeamMemberData(m.name, m.role, m.nation, m.expertise) for m in text.team]
        application = check_create_draft(
            entry.user,
            entry.organisation,
            challenge,
            fields={
                "title": text.title,
                "summary": text.summary,
                "description": text.description,
                "trl": text.trl,
                "requested_amount": amount,
            },
            areas=[self.areas[code] for code in text.areas if code in self.areas],
            team=team,
            now=start,
        )
        application.created_at = start
        application.save(update_fields=["created_at"])
        questions.answer(application, self.questions, entry.text.employees)
        self.summary.by_language[application.language] += 1
        return application

    def applications(
        self, call: Call, challenges: list[Challenge], entries: list[_Entry], staff: User
    ) -> None:
        rng = self.rng
        by_code = {c.slug: c for c in challenges}
        opened, last = call.opens_at + timedelta(hours=2), self.now - timedelta(minutes=30)
        ordinary = [i for i in range(2, len(entries)) if i not in self.keen]
        over_max = set(rng.sample(ordinary, min(len(ordinary), 2 if self.size >= 100 else 1)))
        pairs = max(1, round(6 * self.size / DEFAULT_ORGANISATIONS))
        sources = rng.sample(ordinary, min(len(ordinary), pairs))
        self.keen |= over_max | set(sources)
        sent: list[tuple[_Entry, Application, datetime]] = []
        originals: dict[int, tuple[corpus.ApplicationText, Challenge]] = {}
        for i, entry in enumerate(entries):
            org = entry.text
            codes = [org.challenge]
            if i < 2 or rng.random() < 0.15:  # some organisations answer a second challenge
                codes.append(rng.choice([c for c in by_code if c != org.challenge]))
            if i >= 2 and rng.random() < 0.05 and i not in self.keen:
                continue  # registered, has not applied yet
            for n, code in enumerate(codes):
                text = corpus.application(
                    rng,
                    code,
                    org.language,
                    topic=org.topic if n == 0 else None,
                    nation=org.nation,
                    lead=entry.lead,
                    employees=org.employees,
                    year=self.year,
                    taken_titles=self.titles,
                )
                amount = (
                    Decimal(rng.choice((120_000, 150_000))) if i in over_max and n == 0 else self.amount()
                )
                start = self.moment(opened, last - timedelta(days=1))
                application = self.write(entry, by_code[code], text, amount, start)
                if n == 0:
                    originals[i] = (text, by_code[code])
                draft = (i < 2 and n == 1) or (
                    i >= 2 and rng.random() < 0.1 and not (n == 0 and i in self.keen)
                )
                if not draft:
                    moment = self.moment(start, last)
                    check_submit(application, entry.user, now=moment)
                    sent.append((entry, application, moment))
        # Near-duplicates: another organisation sends a reworded copy of a source's text to the same
        # challenge (a consultant's template, a split consortium), for the matching engine to find.
        candidates = rng.sample(range(2, len(entries)), len(entries) - 2)
        for source in sources:
            text, challenge = originals[source]
            applied = set(challenge.applications.values_list("organisation_id", flat=True))
            copier = next(
                (
                    i
                    for i in candidates
                    if i not in self.keen
                    and entries[i].text.language == text.language
                    and entries[i].organisation.pk not in applied
                ),
                None,
            )
            if copier is None:
                continue
            candidates.remove(copier)
            entry = entries[copier]
            twin = corpus.reword(rng, text, lead=entry.lead, taken_titles=self.titles)
            start = self.moment(opened, last - timedelta(days=1))
            application = self.write(entry, challenge, twin, self.amount(), start)
            moment = self.moment(start, last)
            check_submit(application, entry.user, now=moment)
            sent.append((entry, application, moment))
            self.summary.near_duplicates += 1
        self.withdraw_and_screen(sent, staff, last, [entries[i].organisation.pk for i in self.keen])
        for status, count in Counter(
            Application.objects.filter(challenge__call=call).values_list("status", flat=True)
        ).items():
            self.summary.by_status[status] = count

    def withdraw_and_screen(
        self, sent: list[tuple[_Entry, Application, datetime]], staff: User, last: datetime, keen: list[int]
    ) -> None:
        rng = self.rng
        for entry, application, moment in sent:
            if entry.user.email.endswith(f"@{DEMO_DOMAIN}"):
                continue  # the demo applicants' own applications stay as they sent them
            if rng.random() < 0.035 and application.organisation_id not in keen:
                note = rng.choice(WITHDRAWAL_NOTES[application.language or "en"])
                check_withdraw(application, entry.user, note=note, now=self.moment(moment, last))
                continue
            if rng.random() < 0.5:
                self.screen(application, staff)

    def screen(self, application: Application, staff: User) -> None:
        verdict = application.eligibility_verdict
        if verdict == Verdict.REVIEW:
            if self.rng.random() < 0.6:
                check_screen(application, staff, Screening.ELIGIBLE, SCREENING_NOTES["cleared"])
            else:
                self.refuse(application, staff, "refused")
        elif verdict == Verdict.ELIGIBLE and self.rng.random() < 0.06:
            self.refuse(application, staff, "subsidiary")
        else:
            check_screen(application, staff, Screening.ACCEPT)

    @staticmethod
    def refuse(application: Application, staff: User, why: str) -> None:
        note = SHARED_SCREENING_NOTES[why]["fr" if application.language == "fr" else "en"]
        check_screen(application, staff, Screening.INELIGIBLE, note, audience=Audience.SHARED)


# The 2025 cohort of the real programme took 74 companies (FACTS.md): the demo's awarded cohort too.
COHORT_SIZE = 74


def build(
    *,
    seed: int = DEFAULT_SEED,
    organisations: int = DEFAULT_ORGANISATIONS,
    now: datetime | None = None,
    closed_applications: int = 150,
    closed_experts: int = 40,
    awarded_applications: int = 0,
) -> DemoSummary:
    """Create the whole demo in one transaction (all of it or nothing). Confirmation letters of the
    submitted applications go out when the transaction commits, through the configured mail backend.

    Refuses when the demo programme exists already; call `reset()` first to rebuild it.
    """
    if organisations < 2:
        raise ValueError("The demo needs at least two organisations (one per demo applicant).")
    started = time.perf_counter()
    with transaction.atomic():
        if is_loaded():
            raise ValueError("The demo is already loaded.")
        builder = _Builder(seed, organisations, now or timezone.now())
        demo = builder.demo_users()
        call, challenges = builder.call(demo["staff"])
        entries = builder.organisations(demo)
        builder.applications(call, challenges, entries, demo["staff"])
        builder.summary.fund = fund_demo.build(
            demo["fund"],
            lambda e, n, lang: builder.user(e, n, lang, "Europe/Brussels"),
            seed,
            builder.now.date(),
        )
        cohort = [e.organisation for e in entries if e.user in demo.values()]
        cohort += [e.organisation for e in entries if e.organisation not in cohort][: 74 - len(cohort)]
        builder.summary.centres, builder.summary.bookings = network.build(
            seed, cohort, demo["operator"], builder.now
        )
        if closed_applications:
            closed_call(builder, call, demo, seed, closed_applications, closed_experts)
        radar_demo.build(demo["analyst"], seed)
        builder.summary.engagement = engagement_demo.build(demo["engagement"], demo, seed, builder.now)
        builder.summary.partnerships = partnerships_demo.build(
            demo, lambda e, n, lang: builder.user(e, n, lang, "Europe/Brussels"), seed, builder.now
        )
        if awarded_applications:
            awarded_call(builder, call, demo, seed, awarded_applications)
    builder.summary.seconds = time.perf_counter() - started
    return builder.summary


def closed_call(
    builder: _Builder, open_call: Call, demo: dict[str, User], seed: int, applications: int, experts: int
) -> None:
    """Last year's call, closed: screened, matched, conflicts checked, experts assigned and most
    reviews in. The demo expert's own reviews are left to write; staff rank and the director selects.
    Built by the simulation, which goes through the same actions as the pages."""
    cohort = open_call.opens_at.year  # the open call recruits next year's cohort; this one, this year's
    title = texts.call_title(cohort)
    report = Simulation(
        applications,
        experts,
        seed=seed + 1,
        stage=Stage(
            programme=open_call.programme,
            slug=f"challenge-call-{cohort}",
            title_en=title.en,
            title_fr=title.fr,
            description_en=texts.closed_call_description(cohort).en,
            description_fr=texts.closed_call_description(cohort).fr,
            published=True,
            staff=demo["staff"],
            director=demo["director"],
            reviewer=demo["expert"],
            stop_after="reviews",
        ),
    ).run()
    builder.summary.closed_call = report.call.slug
    builder.summary.closed_steps = [f"{step.name}: {step.detail}" for step in report.steps]


def awarded_call(
    builder: _Builder, open_call: Call, demo: dict[str, User], seed: int, applications: int
) -> None:
    """The call of two years ago, taken to the end: its cohort selected and awarded, agreements
    signed, milestones in every state, payments approved by the demo's finance login. The demo
    applicant joins the company whose agreement still waits, to sign it."""
    cohort = open_call.opens_at.year - 1
    title = texts.call_title(cohort)
    report = Simulation(
        applications,
        max(14, applications // 3),
        seed=seed + 2,
        stage=Stage(
            programme=open_call.programme,
            slug=f"challenge-call-{cohort}",
            title_en=title.en,
            title_fr=title.fr,
            description_en=texts.closed_call_description(cohort).en,
            description_fr=texts.closed_call_description(cohort).fr,
            published=True,
            staff=demo["staff"],
            director=demo["director"],
            finance=demo["finance"],
            end_users={"FR": demo["utilisateur.fr"], "DE": demo["enduser.de"]},
            # The programme's real cohort: 74 companies (FACTS.md), half of the applications at most.
            selected=min(COHORT_SIZE, max(5, applications // 2)),
        ),
    ).run()
    waiting = Award.objects.filter(application__challenge__call=report.call, status=AWARD_MADE).first()
    if waiting is not None:
        do_add_member(waiting.application.organisation, demo["applicant"], demo["applicant"])
    builder.summary.awarded_call = report.call.slug
    builder.summary.awarded_steps = [f"{step.name}: {step.detail}" for step in report.steps[-4:]]

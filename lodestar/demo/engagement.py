"""The engagement demo: a directory of about 1,500 organisations of every kind from the 32 nations
and partners (bulk-created, deterministic), people with their consents, a strategic dialogue with
big tech (by invitation), a public-private dialogue with a think tank on the future of AI, a space
industry day with companies from 21 nations, a held workshop with minutes and follow-ups, and a
consultation with contributions in English and French, matched to the open challenges.

Everything it makes is found again by `reset()`: organisations by their `*.directory.example`
website, people by their `@directory.example` address, events by a `demo` uid, the consultation by
its title.
"""

from __future__ import annotations

import random
import time
from datetime import datetime, timedelta
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from lodestar.accounts.actions import do_grant_roles
from lodestar.accounts.models import User
from lodestar.core.models import AuditEvent, EdtArea
from lodestar.core.nations import MEMBER_NATIONS
from lodestar.core.roles import Role
from lodestar.demo import names
from lodestar.demo.engagement_texts import (
    BIG_TECH,
    CAPABILITIES,
    IDEAS,
    KIND_SHARE,
    SECTORS,
    SEGMENTS,
    SYLLABLES,
    THINK_TANKS,
)
from lodestar.engagement import actions, engine_adapter
from lodestar.engagement.models import (
    AgendaItem,
    Consent,
    Consultation,
    Contribution,
    DuplicatePair,
    Event,
    FollowUp,
    Invitation,
    Person,
    Profile,
    Registration,
    Relationship,
)
from lodestar.organisations.models import Organisation, OrganisationType

DOMAIN = "directory.example"
ORGANISATIONS = 1500
PARTNERS = ("JP", "AU", "CH", "SG")
SPACE_NATIONS = (
    "FR",
    "DE",
    "IT",
    "GB",
    "US",
    "CA",
    "ES",
    "NL",
    "BE",
    "LU",
    "NO",
    "SE",
    "FI",
    "DK",
    "PL",
    "CZ",
    "PT",
    "RO",
    "EE",
    "GR",
    "TR",
)
CONSULTATION_EN = "The future of AI in defence"


def _brand(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()


def _name(rng: random.Random, kind: str, nation: str, french: bool) -> str:
    brand = _brand(rng)
    city = names.city(rng, nation, "fr" if french else "en", french=french).split("|")[0]
    if kind in SECTORS:
        return f"{brand} {rng.choice(SECTORS[kind])} {names.legal_form(rng, nation, french=french)}".strip()
    if kind == "university":
        return f"Université {brand} de {city}" if french else f"{brand} University of {city}"
    if kind == "research":
        return f"Institut {brand} de recherche" if french else f"{brand} Research Institute"
    if kind == "think_tank":
        return f"Centre {brand} d'analyse" if french else f"{brand} Policy Centre"
    if kind == "government":
        return f"Agence {brand} de l'innovation" if french else f"{brand} Innovation Agency"
    if kind == "end_user":
        return f"Commandement {brand}" if french else f"{brand} Joint Command"
    return f"Fondation {brand}" if french else f"{brand} Foundation"


def build(officer: Any, demo: dict[str, Any], seed: int, now: datetime) -> dict[str, Any]:
    started = time.perf_counter()
    rng = random.Random(seed * 7 + 11)
    nations = [*MEMBER_NATIONS, *PARTNERS]
    kinds = [k for k, share in KIND_SHARE.items() for _ in range(share)]
    rows: list[tuple[Organisation, str]] = []
    used: set[str] = set()
    for i in range(ORGANISATIONS):
        kind = kinds[i % len(kinds)]
        nation = nations[rng.randrange(len(nations))] if i % 9 else rng.choice(MEMBER_NATIONS)
        if kind == "space":  # the space industry of 21 nations (the industry day's)
            nation = SPACE_NATIONS[i % len(SPACE_NATIONS)]
        french = names.speaks_french(rng, nation)
        name = _name(rng, kind, nation, french)
        while name in used:
            name = _name(rng, kind, nation, french)
        used.add(name)
        rows.append(
            (
                Organisation(
                    legal_name=name,
                    headquarters_nation=nation,
                    kind=kind,
                    year_founded=rng.randint(1950, 2024),
                    employees=rng.randint(3, 400)
                    if kind in {"startup", "sme", "space"}
                    else rng.randint(50, 40000),
                    website=f"https://{name.lower().split()[0]}{i}.{DOMAIN}",
                    description="",
                ),
                "",
            )
        )
    for i, brand in enumerate(BIG_TECH):
        rows.append(
            (
                Organisation(
                    legal_name=f"{brand} Inc",
                    headquarters_nation="US" if i % 3 else "GB",
                    kind="big_tech",
                    year_founded=1980 + i,
                    employees=20000 + 5000 * i,
                    website=f"https://bigtech{i}.{DOMAIN}",
                ),
                "",
            )
        )
    for i, (name, nation) in enumerate(THINK_TANKS):
        rows.append(
            (
                Organisation(
                    legal_name=name,
                    headquarters_nation=nation,
                    kind="think_tank",
                    year_founded=1960 + i * 7,
                    employees=40 + i,
                    website=f"https://think{i}.{DOMAIN}",
                ),
                "",
            )
        )
    # Planted duplicates, as an import from an old CRM would bring them.
    twins = [rows[3][0], rows[40][0], rows[77][0], rows[120][0]]
    for j, org in enumerate(twins):
        variant = org.legal_name.upper() if j % 2 else org.legal_name.rsplit(" ", 1)[0]
        rows.append(
            (
                Organisation(
                    legal_name=variant,
                    headquarters_nation=org.headquarters_nation,
                    kind=org.kind,
                    year_founded=org.year_founded,
                    employees=org.employees,
                    website=org.website.replace("https://", "https://www."),
                ),
                "",
            )
        )
    organisations = Organisation.objects.bulk_create([o for o, _ in rows], batch_size=1000)
    areas = list(EdtArea.objects.all())
    through = Organisation.areas.through
    through.objects.bulk_create(
        [through(organisation_id=o.pk, edtarea_id=a.pk) for o in organisations for a in rng.sample(areas, 2)],
        batch_size=5000,
    )
    space = [o for o in organisations if o.kind == OrganisationType.SPACE]
    profiles = []
    for o in organisations:
        segment = rng.choice(SEGMENTS) if o.kind == OrganisationType.SPACE else ""
        capabilities = "\n".join(CAPABILITIES[segment]) if segment else ""
        profiles.append(
            Profile(
                organisation=o,
                space_segment=segment,
                capabilities=capabilities,
                partner=o.headquarters_nation in PARTNERS,
            )
        )
    Profile.objects.bulk_create(profiles, batch_size=1000)
    big_tech = [o for o in organisations if o.kind == OrganisationType.BIG_TECH]
    think_tank = next(o for o in organisations if o.legal_name == THINK_TANKS[0][0])
    Relationship.objects.bulk_create(
        [Relationship(source=space[i], target=space[i + 1], kind="supplier") for i in range(0, 40, 2)]
        + [Relationship(source=big_tech[i], target=space[i], kind="investor") for i in range(5)]
    )
    # People: contacts and speakers, with what they consented to.
    people = []
    for i in range(320):
        org = (
            organisations[rng.randrange(len(organisations))]
            if i >= 60
            else (space + big_tech)[i % (len(space) + len(big_tech))]
        )
        key = org.headquarters_nation if org.headquarters_nation in names.NATIONS else "GB"
        p = names.person(rng, key, french=names.speaks_french(rng, key))
        people.append(
            Person(
                full_name=p.name,
                email=f"person{i}@{DOMAIN}",
                organisation=org,
                nation=org.headquarters_nation,
                role=rng.choice(("CEO", "CTO", "Head of partnerships", "Researcher", "Programme manager")),
                languages="en, fr" if names.speaks_french(rng, key) else "en",
            )
        )
    people = Person.objects.bulk_create(people, batch_size=1000)
    consents = []
    for someone in people:
        for purpose in ("directory", "events", "photos"):
            consents.append(
                Consent(
                    person=someone,
                    purpose=purpose,
                    given=rng.random() < 0.8,
                    at=now - timedelta(days=rng.randint(10, 400)),
                )
            )
    Consent.objects.bulk_create(consents, batch_size=2000)
    counts = _events(rng, officer, demo, now, people, space, big_tech, think_tank)
    counts["contributions"] = _consultation(rng, officer, now, people)
    counts["duplicates"] = engine_adapter.compute_duplicates()
    counts["organisations"] = len(organisations)
    counts["space_nations"] = counts.pop("space_nations", 0)
    counts["people"] = len(people)
    counts["seconds"] = round(time.perf_counter() - started, 1)
    return counts


def _event(uid: str, **fields: Any) -> Event:
    return Event.objects.create(uid=f"demo{uid}", **fields)


def _events(
    rng: random.Random,
    officer: Any,
    demo: dict[str, Any],
    now: datetime,
    people: list[Person],
    space: list[Organisation],
    big_tech: list[Organisation],
    think_tank: Organisation,
) -> dict[str, Any]:
    day = (now + timedelta(days=21)).replace(hour=9, minute=0, second=0, microsecond=0)
    strategic = _event(
        "strategic",
        kind="strategic_dialogue",
        title_en="Strategic dialogue with big tech",
        title_fr="Dialogue stratégique avec les grandes entreprises technologiques",
        summary_en="A closed dialogue with large technology companies on cloud, AI and secure supply chains.",
        summary_fr="Un dialogue fermé avec les grandes entreprises technologiques sur le nuage, l'IA et la "
        "sécurité des chaînes d'approvisionnement.",
        starts_at=day,
        ends_at=day + timedelta(hours=6),
        venue="Alliance headquarters",
        city="Brussels",
        nation="BE",
        capacity=30,
        needs_approval=True,
        invitation_only=True,
        status="published",
        created_by=officer,
    )
    big_people = [p for p in people if p.organisation_id in {o.pk for o in big_tech}]
    Invitation.objects.bulk_create(
        Invitation(event=strategic, email=p.email, invited_by=officer) for p in big_people
    )
    Registration.objects.bulk_create(
        Registration(
            event=strategic,
            person=p,
            status="registered" if i % 3 else "pending",
            created_at=now - timedelta(days=5, minutes=i),
        )
        for i, p in enumerate(big_people[:18])
    )
    ai_day = day + timedelta(days=14)
    ai = _event(
        "ppd-ai",
        kind="public_private",
        title_en="Public-private dialogue: the future of AI",
        title_fr="Dialogue public-privé : l'avenir de l'IA",
        partner=think_tank,
        summary_en="Run with the Atlantic Futures Institute: AI in defence, smarter investment and "
        "venture capital.",
        summary_fr="Organisé avec l'Atlantic Futures Institute : l'IA dans la défense, "
        "l'investissement et le "
        "capital-risque.",
        starts_at=ai_day,
        ends_at=ai_day + timedelta(hours=7),
        venue="Lancaster House",
        city="London",
        nation="GB",
        capacity=120,
        status="published",
        created_by=officer,
    )
    space_day = day + timedelta(days=35)
    industry = _event(
        "space-day",
        kind="industry_day",
        title_en="Space industry day",
        title_fr="Journée de l'industrie spatiale",
        summary_en="Satellite makers, satellite telecoms and in-orbit servicing: mostly start-ups "
        "and SMEs meet "
        "the nations' end users on persistent surveillance from space.",
        summary_fr="Constructeurs de satellites, télécommunications par satellite et services en "
        "orbite : surtout "
        "des jeunes pousses et des PME rencontrent les utilisateurs finaux sur la "
        "surveillance depuis l'espace.",
        starts_at=space_day,
        ends_at=space_day + timedelta(hours=9),
        venue="Cité de l'espace",
        city="Toulouse",
        nation="FR",
        capacity=150,
        status="published",
        created_by=officer,
    )
    for event, sessions in (
        (
            strategic,
            (
                ("Opening", "Ouverture"),
                ("Secure cloud for coalitions", "Un nuage sûr pour les coalitions"),
                ("AI supply chains", "Chaînes d'approvisionnement de l'IA"),
            ),
        ),
        (
            ai,
            (
                ("Welcome by the think tank", "Accueil par le groupe de réflexion"),
                ("AI and command", "L'IA et le commandement"),
                ("Venture capital's role", "Le rôle du capital-risque"),
            ),
        ),
        (
            industry,
            (
                ("The virtual constellation", "La constellation virtuelle"),
                ("In-orbit servicing pitches", "Présentations : services en orbite"),
                ("Meetings with end users", "Rencontres avec les utilisateurs finaux"),
            ),
        ),
    ):
        for h, (en, fr) in enumerate(sessions):
            item = AgendaItem.objects.create(
                event=event,
                starts_at=event.starts_at + timedelta(hours=2 * h),
                ends_at=event.starts_at + timedelta(hours=2 * h + 1),
                title_en=en,
                title_fr=fr,
            )
            item.speakers.set(rng.sample(people[:60], 2))
    # The space day: companies from 21 nations register, from the space industry's own people.
    space_ids = {o.pk: o.headquarters_nation for o in space}
    space_people = [p for p in people if p.organisation_id in space_ids]
    Registration.objects.bulk_create(
        Registration(event=industry, person=p, status="registered", created_at=now - timedelta(hours=i))
        for i, p in enumerate(space_people)
    )
    nations_present = len({space_ids[p.organisation_id] for p in space_people if p.organisation_id})
    others = [p for p in people if p.organisation_id not in space_ids][:70]
    Registration.objects.bulk_create(
        Registration(event=ai, person=p, status="registered", created_at=now - timedelta(hours=i))
        for i, p in enumerate(others)
    )
    applicant = demo.get("applicant")
    if applicant is not None:
        me = Person.objects.create(
            user=applicant, full_name=applicant.full_name, email=applicant.email, nation="GB"
        )
        Registration.objects.create(event=industry, user=applicant, person=me, status="registered")
    held_day = now - timedelta(days=40)
    workshop = _event(
        "workshop",
        kind="workshop",
        title_en="Workshop: counter-drone sensing",
        title_fr="Atelier : détection des drones",
        starts_at=held_day,
        ends_at=held_day + timedelta(hours=5),
        city="Oslo",
        nation="NO",
        capacity=40,
        status="held",
        created_by=officer,
        minutes_en="Twelve companies presented. The nations asked for shared test ranges and common "
        "data formats.",
        minutes_fr="Douze entreprises ont présenté leurs travaux. Les nations demandent des champs "
        "d'essai partagés "
        "et des formats de données communs.",
    )
    attendees = people[100:130]
    Registration.objects.bulk_create(
        Registration(event=workshop, person=p, status="registered", attended=i % 5 != 0)
        for i, p in enumerate(attendees)
    )
    FollowUp.objects.bulk_create(
        [
            FollowUp(
                title="Propose shared test ranges to the test-centre network",
                event=workshop,
                owner=officer,
                due_on=(now + timedelta(days=5)).date(),
                status="under_way",
            ),
            FollowUp(
                title="Circulate a common data format for acoustic sensors",
                event=workshop,
                owner=officer,
                due_on=(now - timedelta(days=3)).date(),
            ),
            FollowUp(
                title="Send the minutes to the participants",
                event=workshop,
                owner=officer,
                due_on=(now - timedelta(days=30)).date(),
                status="done",
            ),
        ]
    )
    return {"events": 4, "space_nations": nations_present, "space_registrations": len(space_people)}


def _consultation(rng: random.Random, officer: Any, now: datetime, people: list[Person]) -> int:
    consultation = Consultation.objects.create(
        title_en=CONSULTATION_EN,
        title_fr="L'avenir de l'IA dans la défense",
        question_en="Where should the alliance use AI first, and under what safeguards?",
        question_fr="Où l'Alliance devrait-elle utiliser l'IA en premier, et avec quelles garanties ?",
        closes_on=(now + timedelta(days=45)).date(),
        status="open",
    )
    made = []
    for i, (language, kind, title, body) in enumerate(IDEAS):
        person = people[200 + i]
        status = "hidden" if i == 6 else "submitted" if i in (10, 11) else "published"
        made.append(
            Contribution(
                consultation=consultation,
                person=person,
                organisation=person.organisation,
                kind=kind,
                title=title,
                body=body,
                language=language,
                show_author=i % 3 != 0,
                status=status,
                hidden_reason="Duplicate of an earlier contribution on red-teaming."
                if status == "hidden"
                else "",
                outcome=(
                    "Taken into the 2026 call's data and information security challenge."
                    if i == 0
                    else "Discussed at the public-private dialogue on AI."
                    if i == 4
                    else ""
                ),
                created_at=now - timedelta(days=20 - i),
            )
        )
    made = Contribution.objects.bulk_create(made)
    for contribution in made:
        engine_adapter.match_contribution(contribution)
    FollowUp.objects.bulk_create(
        [
            FollowUp(
                title="Draft a test-data sharing agreement",
                contribution=made[0],
                owner=officer,
                due_on=(now + timedelta(days=30)).date(),
                status="under_way",
            ),
            FollowUp(
                title="Invite the author to the AI dialogue",
                contribution=made[4],
                owner=officer,
                due_on=(now - timedelta(days=2)).date(),
                status="done",
            ),
            FollowUp(
                title="Ask the space industry day about pooled imagery",
                contribution=made[8],
                owner=officer,
                due_on=(now + timedelta(days=12)).date(),
            ),
        ]
    )
    return len(made)


def reset() -> dict[str, int]:
    events = Event.objects.filter(uid__startswith="demo")
    n_events = events.count()
    events.delete()
    Consultation.objects.filter(title_en=CONSULTATION_EN).delete()
    Person.objects.filter(
        Q(email__endswith=f"@{DOMAIN}") | Q(user__email__endswith="@lodestar.example")
    ).delete()
    organisations = Organisation.objects.filter(website__contains=f".{DOMAIN}")
    ids = [str(pk) for pk in organisations.values_list("pk", flat=True)]
    AuditEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(Organisation), object_id__in=ids
    ).delete()
    DuplicatePair.objects.filter(
        Q(first__in=organisations)
        | Q(second__in=organisations)
        | Q(first__isnull=True)
        | Q(second__isnull=True)
    ).delete()
    n_organisations = organisations.delete()[1].get("organisations.Organisation", 0)
    return {"events": n_events, "directory": n_organisations}


def simulate_events(people: int, seed: int, now: datetime, password: str) -> str:
    """The events stage of `lodestar simulate`: `people` sign up for an industry day whose places are
    two thirds of them, through the same action as the page (one locked registration each), a tenth
    cancel (the waitlist is promoted in order), and the officer records attendance."""
    rng = random.Random(seed)
    officer = User.objects.get_or_create(
        email="simulation-engagement@lodestar.example",
        defaults={"full_name": "Simulation Engagement", "password": password},
    )[0]
    do_grant_roles(officer, Role.ENGAGEMENT_OFFICER)
    start = now + timedelta(days=30)
    event = actions.do_create_event(
        kind="industry_day",
        title_en=f"Simulated industry day {seed}",
        title_fr=f"Journée simulée {seed}",
        starts_at=start,
        ends_at=start + timedelta(hours=8),
        capacity=max(1, people * 2 // 3),
        actor=officer,
        starts_in="published",
    )
    users = User.objects.bulk_create(
        User(
            email=f"sim-{seed}-{event.pk}-{n}@participants.example",
            full_name=f"Participant {n}",
            password=password,
        )
        for n in range(people)
    )
    registrations = [actions.check_register(event, user) for user in users]
    for registration in rng.sample(registrations, people // 10):
        actions.check_cancel_registration(registration, registration.user)
    present = [r.pk for r in event.registrations.filter(status="registered") if rng.random() < 0.85]
    actions.check_record_attendance(event, officer, present)
    held = event.registrations.filter(status="registered").count()
    waiting = event.registrations.filter(status="waitlisted").count()
    return (
        f"{people} registrations for {event.capacity} places: {held} registered, {waiting} waitlisted, "
        f"{len(present)} present"
    )

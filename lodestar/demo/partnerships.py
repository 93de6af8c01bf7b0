"""Partner science grants in the demo: Japan as a partner nation, the four mechanisms, and a call with
Japan on cyber defence whose proposals stand at every step: short proposals waiting for screening (one
failing a rule), one not invited, one invited and writing its full proposal, full proposals in peer
review (one with a review left for expert@lodestar.example), one before the committee of nations with
three of five votes in (committee.fr@lodestar.example votes for France), an approved project whose
grant agreement is signed, and an approved workshop with its agenda and participants.

Built through the partnerships, applications, reviews and grants actions, as people would. Texts are
the demo's own; each proposal is written in its co-directors' working language (two in French)."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from time import perf_counter
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Q
from django.utils import timezone

from lodestar.accounts.actions import do_grant_roles
from lodestar.accounts.models import User
from lodestar.applications.actions import Screening, check_screen
from lodestar.applications.models import Application
from lodestar.core.roles import Role, Scope, ScopeKind
from lodestar.demo.awards import forget_awards
from lodestar.demo.partnership_plans import BODIES, DELEGATES, EXPERTS, PLANS, TOPIC, Body, Plan
from lodestar.engagement import actions as engagement_actions
from lodestar.engagement.models import Event, Person
from lodestar.experts.models import Expert
from lodestar.grants.actions import check_sign_agreement
from lodestar.organisations.actions import check_create_organisation
from lodestar.organisations.models import Organisation
from lodestar.partnerships import actions, committee
from lodestar.partnerships import events as funded_events
from lodestar.partnerships.actions import CoDirectorData, EndUserData, ProposalData
from lodestar.partnerships.mechanisms import do_create_partner_call, do_ensure_mechanisms
from lodestar.partnerships.models import PartnerCall, PartnerNation, Proposal
from lodestar.programmes.models import Call, Programme
from lodestar.reviews.actions.assignment import (
    check_add_expert,
    check_publish_assignment,
    check_update_assignment_rules,
)
from lodestar.reviews.actions.reviewing import ReviewData, check_submit_review
from lodestar.reviews.actions.rubric import check_update_review_rules
from lodestar.reviews.models import Assignment
from lodestar.reviews.models.rules import review_rules

PROGRAMME_SLUG = "science-partners"
DOMAIN = "partners.example"  # every user and body of this part of the demo


def build(demo: dict[str, User], make_user: Any, seed: int, now: datetime) -> dict[str, int]:
    """The partner call and its proposals. `make_user(email, name, language)` makes a demo login."""
    rng = random.Random(seed + 11)
    staff, director = demo["staff"], demo["director"]
    japan = PartnerNation.objects.create(
        code="JP",
        since=2014,
        topics_en="Cyber defence; maritime security; emerging technologies",
        topics_fr="Cyberdéfense ; sécurité maritime ; technologies émergentes",
    )
    programme = Programme.objects.create(
        slug=PROGRAMME_SLUG,
        name_en="Science cooperation with partners",
        name_fr="Coopération scientifique avec les partenaires",
        description_en="Grants for research, workshops and training led jointly by scientists of member and "
        "partner nations.",
        description_fr="Subventions pour la recherche, des ateliers et des formations conduits ensemble par "
        "des "
        "scientifiques des nations membres et partenaires.",
    )
    pc = do_create_partner_call(
        staff,
        programme,
        slug=f"cyber-defence-japan-{now.year}",
        titles=(f"Cyber defence with Japan {now.year}", f"Cyberdéfense avec le Japon {now.year}"),
        descriptions=(
            "Joint research, workshops and training with Japan on cyber defence. Projects go in two stages: "
            "a short proposal, then a full proposal by invitation; workshops and courses in one.",
            "Recherche, ateliers et formations avec le Japon en cyberdéfense. Les projets passent par deux "
            "étapes : une proposition courte, puis une complète sur invitation ; ateliers et cours en une.",
        ),
        opens_at=now - timedelta(weeks=8),
        short_closes_at=now + timedelta(weeks=2),
        closes_at=now + timedelta(weeks=12),
        partners=[japan],
        topics=[TOPIC],
        mechanisms=do_ensure_mechanisms(),
        quorum=5,
    )
    seats = {"FR": demo["committee.fr"]}
    for nation, name in DELEGATES.items():
        user = make_user(f"committee.{nation.lower()}@{DOMAIN}", name, "en")
        do_grant_roles(user, Role.COMMITTEE_MEMBER, scope=Scope(ScopeKind.NATION, nation))
        seats[nation] = user
    experts = _experts(make_user)
    check_update_review_rules(pc.call, staff, {"review_deadline": now + timedelta(weeks=4)})
    # Few proposals, a small independent group: two experts each (the call's own assignment rule).
    check_update_assignment_rules(pc.call, staff, {"experts_per_application": 2})
    started = perf_counter()
    proposals = {plan.key: _write(plan, pc, demo, make_user) for plan in PLANS}
    for plan in PLANS:
        _advance(plan, proposals[plan.key], pc, staff, director, demo, experts, seats, rng, now)
    return {
        "proposals": len(proposals),
        "votes": sum(p.votes.count() for p in proposals.values()),
        "milliseconds": round((perf_counter() - started) * 1000),
    }


def _experts(make_user: Any) -> list[Expert]:
    found = []
    for name, nation, expertise in EXPERTS:
        email = f"{name.split()[0].lower()}.{nation.lower()}@{DOMAIN}"
        user = make_user(email, name, "en")
        do_grant_roles(user, Role.EXPERT)
        found.append(
            Expert.objects.create(
                user=user,
                full_name=name,
                email=email,
                nation=nation,
                expertise=expertise,
                organisation_name="Independent expert group",
                review_languages=["en", "fr"],
            )
        )
    return found


def _body(body: Body, user: User) -> Organisation:
    existing = Organisation.objects.filter(legal_name=body.name).first()
    if existing is not None:
        return existing
    return check_create_organisation(
        user,
        fields={
            "legal_name": body.name,
            "headquarters_nation": body.nation,
            "kind": body.kind,
            "year_founded": 1950,
            "employees": 2400,
            "website": f"https://{body.slug}.example",
            "description": body.name,
        },
    )


def _write(plan: Plan, pc: PartnerCall, demo: dict[str, User], make_user: Any) -> Proposal:
    name, email = plan.member
    french = plan.body.nation == "FR"
    user = demo.get(email.split("@")[0]) if email.endswith("@lodestar.example") else None
    if user is None:  # a member of the body, at its own domain, as every demo organisation's applicant
        email = f"{email.split('@')[0]}@{plan.body.slug}.example"
        user = make_user(email, name, "fr" if french else "en")
        do_grant_roles(user, Role.APPLICANT)
    organisation = _body(plan.body, user)
    partner_name, partner_email, employer = plan.partner
    resident = "US" if plan.key == "ineligible" else "JP"  # this partner co-director lives abroad
    project = plan.mechanism == "multi-year-project"
    data = ProposalData(
        title=plan.title,
        summary=plan.summary,
        outline=plan.outline,
        description=plan.description,
        requested_amount=Decimal(plan.amount),
        months=plan.length if project else None,
        days=None if project else plan.length,
        starts_on=None,
        venue=plan.venue,
        member=CoDirectorData(
            name, email, plan.body.nation, plan.body.nation, plan.body.name, plan.body.kind, plan.body.nation
        ),
        partner=CoDirectorData(partner_name, partner_email, "JP", resident, employer, "research", "JP"),
        end_users=tuple(EndUserData(o, n) for o, n in plan.end_users),
    )
    mechanism = pc.mechanisms.get(code=plan.mechanism)
    return actions.check_create_proposal(user, pc, organisation, pc.call.challenges.get(), mechanism, data)


def _member(proposal: Proposal) -> User:
    return proposal.organisation.memberships.select_related("user").first().user  # type: ignore[union-attr]


def _advance(
    plan: Plan,
    proposal: Proposal,
    pc: PartnerCall,
    staff: User,
    director: User,
    demo: dict[str, User],
    experts: list[Expert],
    seats: dict[str, User],
    rng: random.Random,
    now: datetime,
) -> None:
    step, lead = plan.step, _member(proposal)
    if step in ("course", "workshop"):
        actions.check_submit_proposal(proposal, lead)
    else:
        actions.check_submit_proposal(proposal, lead)
        if step == "short":
            return
        if step == "not_invited":
            actions.check_screen_proposal(
                proposal,
                staff,
                "not_invited",
                "Sound work, but outside this call's priorities: the call funds cyber defence research, "
                "and records management is better placed in a logistics call.",
            )
            return
        actions.check_screen_proposal(proposal, staff, "invite")
        if step == "invited":
            return
        actions.check_submit_proposal(proposal, lead)
    if step == "course":
        return
    application = Application.objects.get(pk=proposal.application_id)
    check_screen(application, staff, Screening.ACCEPT)
    reviewers = experts[:2] if step != "review" else experts[1:]
    for expert in reviewers:
        check_add_expert(application, expert, staff)
    if step == "review" and hasattr(demo["expert"], "expert"):
        check_add_expert(application, demo["expert"].expert, staff)
    check_publish_assignment(pc.call, staff, applications=[application.pk])
    rules = review_rules(pc.call)
    assignments = list(Assignment.objects.filter(application=application).select_related("expert__user"))
    for i, assignment in enumerate(assignments):
        if step == "review" and i > 0:
            break  # one review in; the rest (the demo expert's among them) still to write
        scores = {code: rng.choice((3, 4, 4, 5)) for code in rules.criterion_codes}
        check_submit_review(
            assignment,
            assignment.expert.user,
            ReviewData(
                scores=scores,
                recommendation="yes",
                overall="A strong partnership with a credible end user; the work plan is realistic.",
            ),
        )
    if step == "review":
        return
    committee.check_put_before_committee(proposal, staff)
    voting = ["DE", "IT", "NO"] if step == "committee" else ["FR", "DE", "IT", "NO", "PL", "GB"]
    for nation in voting:
        choice = "abstain" if nation == "NO" else "for"
        committee.check_vote(proposal, seats[nation], nation, choice)
    if step == "committee":
        return
    committee.check_decide(proposal, director)
    proposal.refresh_from_db()
    award = committee.check_make_grant(proposal, director, starts_on=now.date() + timedelta(days=14))
    if step == "granted":
        agreement = award.current_agreement()
        assert agreement is not None
        # The co-directors' body uploads its counter-signed copy: the agreement as generated, signed.
        with agreement.document.open("rb") as document:
            signed = SimpleUploadedFile("signed.pdf", document.read(), "application/pdf")
        check_sign_agreement(agreement, lead, upload=signed)
        agreement.refresh_from_db()
        check_sign_agreement(agreement, director)
    if step == "workshop":
        _workshop(proposal, lead, now.date() + timedelta(weeks=10))


def _workshop(proposal: Proposal, lead: User, first: date) -> None:
    """The approved workshop is an engagement event: its co-directors open it, set its agenda with
    the speakers and register the participants they chose."""
    zone = timezone.get_current_timezone()
    opens = datetime.combine(first, time(9, 0), tzinfo=zone)
    event = funded_events.check_open_event(
        proposal,
        lead,
        starts_at=opens,
        ends_at=datetime.combine(first + timedelta(days=2), time(17, 0), tzinfo=zone),
        capacity=40,
        title_en="Sharing cyber threat intelligence across the Indo-Pacific and Europe",
        title_fr="Partager le renseignement sur les cybermenaces entre l'Indo-Pacifique et l'Europe",
        summary_en="Three days on sharing cyber threat intelligence between Japan and the alliance.",
        summary_fr="Trois jours sur le partage du renseignement sur les cybermenaces entre le Japon "
        "et l'Alliance.",
    )
    people = (
        ("Kadri Tamm", "Tallinn University of Technology", "EE", True),
        ("Sakura Endo", "Tokyo Cyber Threat Intelligence Forum", "JP", True),
        ("Hana Kimura", "Japan Incident Response Academy", "JP", True),
        ("Jonas Berg", "Swedish Civil Contingencies Agency", "SE", True),
        ("Élodie Garnier", "Université de Rennes", "FR", False),
        ("Ryo Nakamura", "Keihanna Security Laboratory", "JP", False),
        ("Mariusz Zieliński", "Warsaw University of Technology", "PL", False),
    )
    persons: dict[str, Person] = {}
    for name, affiliation, nation, _talks in people:
        slug = name.lower().replace(" ", ".").encode("ascii", "ignore").decode()
        persons[name] = Person.objects.create(
            full_name=name, role=affiliation, nation=nation, email=f"{slug}@{DOMAIN}"
        )
        engagement_actions.check_enrol(event, lead, persons[name])
    sessions = (
        (
            0,
            time(9, 0),
            "Opening: why threat intelligence is not shared",
            "Ouverture : pourquoi le renseignement sur les menaces n'est pas partagé",
            "Kadri Tamm",
        ),
        (
            0,
            time(11, 0),
            "Sharing standards and their legal limits",
            "Les normes de partage et leurs limites juridiques",
            "Sakura Endo",
        ),
        (
            1,
            time(9, 0),
            "Case study: a joint response to a ransomware campaign",
            "Étude de cas : une réponse commune à une campagne de rançongiciel",
            "Jonas Berg",
        ),
        (
            1,
            time(14, 0),
            "Trust between CERTs of different regions",
            "La confiance entre CERT de régions différentes",
            "Hana Kimura",
        ),
        (2, time(9, 0), "Writing the research agenda", "Écrire le programme de recherche", "Kadri Tamm"),
    )
    for offset, at, title_en, title_fr, speaker in sessions:
        starts = datetime.combine(first + timedelta(days=offset), at, tzinfo=zone)
        engagement_actions.check_add_agenda_item(
            event,
            lead,
            starts_at=starts,
            ends_at=starts + timedelta(hours=1, minutes=30),
            title_en=title_en,
            title_fr=title_fr,
            speakers=[persons[speaker]],
        )


def reset() -> int:
    """Delete this part of the demo (before the rest: its proposals hold its bodies and applications)."""
    programme = Programme.objects.filter(slug=PROGRAMME_SLUG).first()
    if programme is None:
        return 0
    calls = Call.objects.filter(programme=programme)
    applications = Application.objects.filter(challenge__call__in=calls)
    forget_awards(applications)
    proposals = Proposal.objects.filter(partner_call__call__in=calls)
    Event.objects.filter(pk__in=proposals.values("event_id")).delete()
    Person.objects.filter(email__iendswith=f"@{DOMAIN}").delete()
    count = Proposal.objects.filter(partner_call__call__in=calls).delete()[1].get("partnerships.Proposal", 0)
    Assignment.objects.filter(application__in=applications).delete()
    organisations = set(applications.values_list("organisation_id", flat=True))
    applications.delete()
    PartnerCall.objects.filter(call__in=calls).delete()
    calls.delete()
    programme.delete()
    Organisation.objects.filter(pk__in=organisations).delete()
    Expert.objects.filter(email__iendswith=f"@{DOMAIN}").delete()
    bodies = Q(email__iendswith=f"@{DOMAIN}")
    for body in BODIES.values():
        bodies |= Q(email__iendswith=f"@{body.slug}.example")
    User.objects.filter(bodies).delete()
    PartnerNation.objects.filter(code="JP").delete()
    return count

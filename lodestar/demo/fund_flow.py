"""The fund's deal flow in the demo beyond the challenge's companies: companies met at industry days
and sent by other funds (so the board holds about 300), three typed twice (one pair already merged),
the due-diligence checklist, and the team's notes, tasks and data-room files on the deals in diligence.
Deterministic for a seed; built through the fund's actions except the directory rows, written in bulk."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from lodestar.core.models import EdtArea
from lodestar.core.pdf import Facts, Heading, PdfDocument, Text, render_pdf
from lodestar.demo import companies
from lodestar.fund import actions, dealroom
from lodestar.fund import workflow as wf
from lodestar.fund.models import Deal, Fund
from lodestar.organisations.models import Organisation, Shareholder

# Their websites end in .sourcing.example: the fund's reset finds and deletes them (reset.py's own
# organisations end in a plain .example and belong to a demo user).
SOURCING_SITE = r"^https://[a-z0-9-]+\.sourcing\.example$"

CHECKLIST = (
    (
        "legal",
        "Capitalisation table and shareholder agreements verified",
        "Register extract and signed agreements.",
        True,
        None,
    ),
    (
        "legal",
        "Intellectual property owned by the company",
        "Assignments from founders and employees; patent register.",
        True,
        None,
    ),
    (
        "technical",
        "Technology demonstrated at the claimed readiness level",
        "Report of a demonstration seen by the team.",
        True,
        None,
    ),
    (
        "technical",
        "Independent expert opinion",
        "Written opinion of an expert with no conflict.",
        False,
        None,
    ),
    (
        "financial",
        "Financial statements and forecast reviewed",
        "Last two years' accounts and the 24-month plan.",
        True,
        180,
    ),
    ("financial", "Use of proceeds agreed", "Budget annexed to the term sheet.", False, None),
    (
        "security",
        "Facility security clearance checked",
        "Letter of the national security authority.",
        True,
        90,
    ),
    (
        "security",
        "Export-control classification",
        "Classification of the products under the dual-use regulation.",
        True,
        365,
    ),
)

NOTES = (
    "Founders met at the Brussels industry day; strong technical team, thin commercial side.",
    "Reference call with a pilot customer: deployed on two sites, would buy more.",
    "Rencontre avec l'équipe à Paris : feuille de route crédible, plan de financement à revoir.",
    "Two other funds in the round; lead investor wants an answer within six weeks.",
    "Revue technique faite avec le centre d'essais : résultats conformes aux annonces.",
)
TASKS = (
    "Call the lead investor about the round's terms",
    "Ask for the latest cap table",
    "Demander le plan de trésorerie à 24 mois",
    "Book a site visit",
    "Vérifier le classement export des produits",
)


def extra_companies(rng: random.Random, nations: list[str], count: int) -> list[Organisation]:
    """`count` start-ups and SMEs of the partner nations, met outside the challenge calls."""
    taken: set[str] = set(Organisation.objects.values_list("website", flat=True))
    texts = []
    for _ in range(count):
        text = companies.organisation(
            rng, rng.choice(nations), kind=rng.choice(["startup", "startup", "sme"]), taken=taken
        )
        texts.append(text)
    orgs = Organisation.objects.bulk_create(
        Organisation(
            legal_name=t.legal_name,
            headquarters_nation=t.nation,
            kind=t.kind,
            year_founded=t.year_founded,
            employees=t.employees,
            website=f"https://{t.slug}.sourcing.example",
            description=t.description,
        )
        for t in texts
    )
    areas = {a.code: a for a in EdtArea.objects.all()}
    through = Organisation.areas.through
    through.objects.bulk_create(
        through(organisation_id=o.pk, edtarea_id=areas[code].pk)
        for o, t in zip(orgs, texts, strict=True)
        for code in t.areas
        if code in areas
    )
    Shareholder.objects.bulk_create(
        Shareholder(organisation=o, name=s.name, nation=s.nation, percentage=s.percentage)
        for o, t in zip(orgs, texts, strict=True)
        for s in t.shareholders
    )
    return orgs


def typed_twice(fund: Fund, team: Any, deals: list[Deal]) -> int:
    """Three companies entered a second time under a slightly different name (same website, or none):
    the duplicates page shows them; the first pair is merged already, with its note moved over."""
    sources = [d for d in deals if d.status == wf.DealStatus.SOURCING][:3]
    made = []
    for k, deal in enumerate(sources):
        org = deal.organisation
        base = org.legal_name.rsplit(" ", 1)[0] if " " in org.legal_name else org.legal_name
        twin = Organisation.objects.create(
            legal_name=base.upper() if k != 1 else f"{base} (Europe)",
            headquarters_nation=org.headquarters_nation,
            kind=org.kind,
            year_founded=org.year_founded,
            employees=org.employees,
            website=org.website.replace("https://", "http://www.") if k != 2 else "",
            description=org.description,
        )
        if k == 2:  # no website: found by its name alone
            twin.website = ""
            twin.save(update_fields=["website"])
        made.append(actions.check_add_deal(fund, twin, team, source=Deal.Source.REFERRAL))
    if made:
        dealroom.check_add_note(
            made[0], "Referred again by a partner fund; same founders as the deal already on the board.", team
        )
        dealroom.check_merge_deals(sources[0], made[0], team, "Same company, typed twice.")
    return len(made)


def checklist(fund: Fund, team: Any) -> None:
    for area, title, guidance, required, days in CHECKLIST:
        dealroom.check_add_template(
            fund, area, title, team, guidance=guidance, required=required, valid_days=days
        )


def complete_checklist(deal: Deal, team: Any, on: date) -> None:
    """Every required item done (evidence dated `on`), so the deal may go before the committee."""
    for item in deal.diligence.filter(required=True, status=wf.ItemStatus.OPEN):
        dealroom.check_complete_item(
            item, "Reviewed by the fund team; filed in the data room.", team, today=on
        )


def room(rng: random.Random, deals: list[Deal], team: Any, today: date) -> dict[str, int]:
    """Notes and tasks on the deals in due diligence, some checklist items done, and a data-room file
    (a one-page PDF summary) on the first ten."""
    counts = {"notes": 0, "tasks": 0, "documents": 0}
    for k, deal in enumerate(deals):
        for text in rng.sample(NOTES, rng.randint(1, 2)):
            dealroom.check_add_note(deal, text, team)
            counts["notes"] += 1
        dealroom.check_add_task(
            deal, rng.choice(TASKS), team, today + timedelta(days=rng.randint(-5, 30)), team
        )
        counts["tasks"] += 1
        items = list(deal.diligence.filter(status=wf.ItemStatus.OPEN))
        for item in items[: rng.randint(0, len(items))]:
            dealroom.check_complete_item(
                item,
                "Checked against the documents received.",
                team,
                today=today - timedelta(days=rng.randint(0, 60)),
            )
        if k < 10:
            pdf = render_pdf(
                PdfDocument(
                    title="Company summary",
                    subtitle=deal.organisation.legal_name,
                    language="en",
                    blocks=[
                        Heading("Key facts"),
                        Facts(
                            [
                                ("Nation", deal.organisation.headquarters_nation),
                                ("Round", deal.get_stage_display()),
                            ]
                        ),
                        Text(deal.organisation.description),
                    ],
                )
            )
            dealroom.check_add_document(
                deal, SimpleUploadedFile("company-summary.pdf", pdf), "One-page summary", team
            )
            counts["documents"] += 1
    return counts

"""A small reviewed call for the assignment, reviewing and ranking tests: six eligible applications
(three on energy, three on drone detection) from six companies of six nations, and five experts
who can sign in (two energy, two radar, one from the business pool)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from lodestar.applications import actions as application_actions
from lodestar.applications.models import Application
from lodestar.core.roles import Role
from lodestar.experts.models import Expert, ExpertDocument
from lodestar.reviews.models import AssignmentRules, ReviewRules
from tests.conftest import complete_draft, make_organisation, make_user
from tests.pdfs import MINIMAL_PDF

ENERGY = [
    (
        "Sodium-ion batteries for forward microgrids",
        "Sodium-ion batteries store solar energy in microgrids at forward operating bases and power "
        "the camp at night without generators. Our battery cells stay safe in deep cold and cut fuel "
        "resupply convoys by half; the energy storage modules are tested with two armies.",
    ),
    (
        "Hydrogen fuel cells for silent camp power",
        "Hydrogen fuel cells and solid-state hydrogen storage give silent power to forward camps. The "
        "fuel cell stack charges batteries of the microgrid and removes the thermal signature of "
        "diesel generators; energy storage holds three days of power for a platoon.",
    ),
    (
        "Solar microgrid controller for expeditionary bases",
        "A microgrid controller balances solar panels, batteries and generators at expeditionary "
        "bases, predicting the energy demand of each shelter. Energy storage is dispatched to keep "
        "the base powered through the night and to cut fuel consumption.",
    ),
]
RADAR = [
    (
        "Passive radar that tracks small drones",
        "Our passive radar listens to broadcast transmitters to detect and track small drones and "
        "classifies them with sensor fusion at the edge, in all weather, with no emission of its own. "
        "Acoustic sensors confirm each drone track near the perimeter.",
    ),
    (
        "Acoustic sensor network for counter-drone surveillance",
        "A network of acoustic sensors detects drone rotors and localises small drones around a base. "
        "Sensor fusion with radar tracks classifies each drone, day and night, and alerts the guard "
        "force within seconds; the surveillance network runs on batteryless nodes.",
    ),
    (
        "Infrared cameras with edge tracking of drones",
        "Infrared cameras track small drones and vessels at night and in fog; an edge computer fuses "
        "the infrared tracks with radar detections for surveillance of ports and airfields, and "
        "classifies each target without sending video to the cloud.",
    ),
]
NATIONS = ["FR", "GB", "DE", "NO", "IT", "PL"]

EXPERTS = [
    # (key, name, nation, pool, statement, document title, document abstract)
    (
        "eva",
        "Eva Energy",
        "DK",
        "technical",
        "Battery chemistry, sodium-ion and lithium-ion energy storage, microgrids for remote camps.",
        "Sodium-ion batteries for off-grid microgrids",
        "Energy storage with sodium-ion battery cells for solar microgrids at remote forward bases.",
    ),
    (
        "hugo",
        "Hugo Hydrogen",
        "NL",
        "technical",
        "Hydrogen fuel cells, hydrogen storage and silent power generation for military camps.",
        "Fuel cells and hydrogen storage for silent power",
        "Solid-state hydrogen storage feeding fuel cell stacks that charge microgrid batteries.",
    ),
    (
        "rolf",
        "Rolf Radar",
        "NO",
        "technical",
        "Passive radar, drone detection and tracking, sensor fusion at the edge.",
        "Passive bistatic radar for counter-drone surveillance",
        "Detecting small drones with broadcast illuminators and tracking them with sensor fusion.",
    ),
    (
        "ines",
        "Ines Infrared",
        "ES",
        "technical",
        "Infrared cameras, acoustic sensors and multi-sensor tracking of drones and vessels.",
        "Acoustic and infrared detection of small drones",
        "Acoustic sensor networks and infrared cameras localise and classify drones for surveillance.",
    ),
    (
        "bianca",
        "Bianca Business",
        "BE",
        "business",
        "Venture investment in defence start-ups: markets, business plans, energy and sensing companies.",
        "Scaling dual-use start-ups in energy and drone surveillance",
        "Business models, markets and investment readiness of battery, microgrid and radar start-ups.",
    ),
]


@dataclass
class ReviewField:
    applications: list[Application]
    experts: dict[str, Expert]
    rules: AssignmentRules
    review_rules: ReviewRules

    @property
    def energy(self) -> list[Application]:
        return self.applications[:3]

    @property
    def radar(self) -> list[Application]:
        return self.applications[3:]


def make_expert(key, name, nation, pool, statement, title, abstract, language="en", max_load=10):
    user = make_user(f"{key}@experts.example", Role.EXPERT, language=language, name=name)
    expert = Expert.objects.create(
        user=user,
        full_name=name,
        email=user.email,
        nation=nation,
        pool=pool,
        expertise=statement,
        max_load=max_load,
        review_languages=["en", "fr"],
    )
    ExpertDocument.objects.create(expert=expert, title=title, abstract=abstract)
    return expert


def eligible_application(staff, owner_email, company, nation, challenge, title, text, attachment=False):
    owner = make_user(owner_email, Role.APPLICANT, name=f"Founder of {company}")
    organisation = make_organisation(owner, company, nation)
    application = complete_draft(owner, organisation, challenge, title=title, summary=title, description=text)
    if attachment:
        upload = SimpleUploadedFile(f"{company} business plan.pdf", MINIMAL_PDF, "application/pdf")
        application_actions.check_add_attachment(application, owner, upload)
    application_actions.check_submit(application, owner)
    application_actions.check_screen(application, staff, "eligible", note="Eligible.")
    application.refresh_from_db()
    return application


@pytest.fixture
def review_field(call, energy, sensing, stella) -> ReviewField:
    applications = []
    for i, (challenge, (title, text)) in enumerate(
        [(energy, t) for t in ENERGY] + [(sensing, t) for t in RADAR]
    ):
        applications.append(
            eligible_application(
                stella,
                f"founder{i}@company.example",
                f"Company {i} SA",
                NATIONS[i],
                challenge,
                title,
                text,
                attachment=i == 0,
            )
        )
    experts = {row[0]: make_expert(*row) for row in EXPERTS}
    rules = AssignmentRules.objects.create(
        call=call, experts_per_application=2, max_load=3, max_same_nation=0
    )
    review_rules = ReviewRules.objects.create(call=call, review_deadline=timezone.now() + timedelta(days=14))
    return ReviewField(applications, experts, rules, review_rules)


@pytest.fixture
def published_field(review_field, call, stella) -> ReviewField:
    """The same call once the optimiser ran and staff published: every application is in review."""
    from django.core import mail

    from lodestar.reviews.actions.assignment import check_publish_assignment, check_run_assignment

    job = check_run_assignment(call, stella)
    assert job.result["feasible"], job.result
    check_publish_assignment(call, stella)
    mail.outbox.clear()
    for application in review_field.applications:
        application.refresh_from_db()
    return review_field

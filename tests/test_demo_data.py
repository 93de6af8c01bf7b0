"""`lodestar demo-data` on a small scale (30 organisations): what it builds, that it is deterministic and
idempotent, and that every demo login works. The demo goes through the real actions, so the rules of
the product (deadline, eligibility, workflow) apply to it as to anyone."""

from __future__ import annotations

import re
from collections import Counter
from datetime import timedelta
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.utils import timezone

from lodestar.accounts.models import User
from lodestar.applications import workflow as wf
from lodestar.applications.models import Application
from lodestar.core.roles import ANYWHERE, Role
from lodestar.demo import build, reset
from lodestar.organisations.models import Organisation
from lodestar.programmes.eligibility import Verdict
from lodestar.programmes.models import Programme

SMALL = 30

pytestmark = pytest.mark.django_db


def load(**options) -> str:
    out = StringIO()
    options.setdefault("closed_applications", 0)
    options.setdefault("awarded_applications", 0)
    call_command("demo_data", organisations=SMALL, stdout=out, **options)
    return out.getvalue()


def snapshot() -> dict[str, list[str]]:
    return {
        "titles": sorted(Application.objects.values_list("title", flat=True)),
        "organisations": sorted(Organisation.objects.values_list("legal_name", flat=True)),
        "users": sorted(User.objects.values_list("email", flat=True)),
    }


def test_it_builds_an_open_call_with_two_phases_and_five_bilingual_challenges():
    load()
    programme = Programme.objects.get(slug="defence-innovation-accelerator")
    assert programme.name_fr == "Accélérateur d'innovation de défense"
    call = programme.calls.get()
    assert call.is_open()
    assert timedelta(weeks=6) <= call.closes_at - call.opens_at < timedelta(weeks=6, days=1), "six weeks"
    assert timedelta(weeks=5, days=-1) < timezone.now() - call.opens_at <= timedelta(weeks=5, days=1)
    assert list(call.phases.values_list("grant", flat=True)) == [100_000, 300_000]
    challenges = list(call.challenges.prefetch_related("areas"))
    assert [c.slug for c in challenges] == [
        "energy-and-power",
        "data-and-information-security",
        "sensing-and-surveillance",
        "human-health-and-performance",
        "critical-infrastructure-and-logistics",
    ]
    for challenge in challenges:
        assert challenge.title_en != challenge.title_fr
        assert challenge.description_en.count("\n\n") >= 3 and challenge.description_fr.count("\n\n") >= 3
        assert challenge.summary_en and challenge.summary_fr
        assert challenge.areas.count() >= 3


def test_applications_are_written_in_both_languages_and_detected_as_such():
    load()
    applications = Application.objects.select_related("organisation")
    languages = Counter(a.language for a in applications)
    assert languages["fr"] >= 3 and languages["en"] >= 10
    for application in applications:
        if application.organisation.headquarters_nation in {"FR", "LU"}:
            assert application.language == "fr", application.title
        if application.organisation.headquarters_nation in {"US", "GB"}:
            assert application.language == "en", application.title
    assert applications.filter(organisation__headquarters_nation__in=["FR", "LU"]).exists()


def test_most_applications_are_sent_and_the_eligibility_rules_bite():
    load()
    # The challenge calls' applications (partner proposals have rules of their own: test_partnerships*).
    applications = Application.objects.filter(partner_proposal__isnull=True)
    statuses = Counter(applications.values_list("status", flat=True))
    sent = sum(n for status, n in statuses.items() if status in wf.SENT)
    assert sent >= 0.7 * applications.count()
    assert statuses[wf.DRAFT] >= 2
    assert statuses[wf.ELIGIBLE] >= 1, "staff screened some"
    verdicts = Counter(applications.values_list("eligibility_verdict", flat=True))
    assert verdicts[Verdict.INELIGIBLE] >= 2, "outside the member nations, or above the maximum grant"
    assert verdicts[Verdict.REVIEW] >= 1, "foreign ownership is flagged"
    too_much = applications.get(requested_amount__gt=100_000)
    assert too_much.eligibility_verdict == Verdict.INELIGIBLE
    for application in applications.exclude(status=wf.DRAFT).exclude(screened_by=None):
        if application.eligibility_verdict == Verdict.REVIEW:
            assert application.screening_note, "a flagged application is decided with a note"


def test_a_near_duplicate_is_sent_by_another_organisation():
    output = load()
    assert re.search(r"\(1 near-duplicates", output)
    by_challenge: dict[int, list[Application]] = {}
    for application in Application.objects.filter(partner_proposal__isnull=True):
        by_challenge.setdefault(application.challenge_id, []).append(application)

    def overlap(a: Application, b: Application) -> float:
        x, y = (set(re.findall(r"\w+", t.description.lower())) for t in (a, b))
        return len(x & y) / len(x | y)

    best = max(
        overlap(a, b)
        for group in by_challenge.values()
        for i, a in enumerate(group)
        for b in group[i + 1 :]
        if a.organisation_id != b.organisation_id
    )
    assert best > 0.6


def test_every_role_has_a_demo_login_that_can_sign_in(client):
    output = load()
    assert {login.role for login in build.DEMO_LOGINS} == set(Role.values)
    for login in build.DEMO_LOGINS:
        user = User.objects.get(email=login.email)
        # held globally, for a nation (a partner's representative) or for some centres (the operator)
        assert user.has_role(login.role, scope=login.scope or ANYWHERE)
        assert EmailAddress.objects.filter(user=user, email=login.email, verified=True, primary=True).exists()
        assert client.login(username=login.email, password=build.DEMO_PASSWORD), login.email
        client.logout()
        assert login.email in output
    admin = User.objects.get(email="admin@lodestar.example")
    assert admin.is_superuser and admin.is_staff
    assert User.objects.get(email="candidat@lodestar.example").language == "fr"
    assert "lodestar-demo" in output


def test_every_organisation_has_an_applicant_with_a_verified_address():
    load()
    # The operators of the network's centres are public bodies, not applicants (demo/network.py).
    organisations = Organisation.objects.exclude(website__endswith=".network.example")
    # Companies the fund's team met outside the calls, and those it typed twice, never applied
    # (demo/fund_flow.py): nobody signed in for them.
    organisations = organisations.exclude(website__endswith=".sourcing.example").exclude(
        fund_deals__source="referral"
    )
    # The engagement directory's organisations are known to the alliance, not registered by a member
    # (demo/engagement.py).
    organisations = organisations.exclude(website__contains=".directory.example")
    for organisation in organisations.prefetch_related("memberships__user"):
        (membership,) = organisation.memberships.all()
        user = membership.user
        domain = organisation.website.removeprefix("https://")
        assert user.email.endswith(f"@{domain}") or user.email.endswith("@lodestar.example")
        assert user.has_role(Role.APPLICANT)
        assert EmailAddress.objects.filter(user=user, verified=True, primary=True).exists()
        assert sum(s.percentage for s in organisation.shareholders.all()) <= 100


@pytest.mark.parametrize(
    ("email", "language"), [("applicant@lodestar.example", "en"), ("candidat@lodestar.example", "fr")]
)
def test_the_demo_applicants_have_a_draft_and_a_sent_application(email, language):
    load()
    applications = Application.objects.filter(organisation__memberships__user__email=email)
    assert sorted(applications.values_list("status", flat=True)) == [wf.DRAFT, wf.SUBMITTED]
    assert set(applications.values_list("language", flat=True)) == {language}


def test_the_same_seed_gives_the_same_demo():
    load(seed=7)
    first = snapshot()
    load(seed=7, reset=True)
    assert snapshot() == first
    load(seed=8, reset=True)
    assert snapshot()["titles"] != first["titles"]


def test_running_it_twice_neither_fails_nor_duplicates():
    load()
    first = snapshot()
    output = load()
    assert "already loaded" in output
    assert "director@lodestar.example" in output, "the logins are printed again"
    assert snapshot() == first
    output = load(reset=True)
    assert "Deleted the previous demo" in output
    assert snapshot() == first


def test_the_closed_calls_public_text_is_written_for_applicants():
    load(closed_applications=12, closed_experts=8)
    closed = Programme.objects.get(slug="defence-innovation-accelerator").calls.get(
        closes_at__lt=timezone.now()
    )
    assert "simulate" not in closed.description_en + closed.description_fr
    assert "closed to applications" in closed.description_en
    assert "n'accepte plus de candidatures" in closed.description_fr


def test_reset_removes_everything_the_demo_made_and_nothing_else():
    keeper = User.objects.create_user(email="keeper@example.org", password="not-a-demo-password")
    load()
    reset.reset()
    assert not Programme.objects.exists()
    assert not Organisation.objects.exists()
    assert not Application.objects.exists()
    assert list(User.objects.all()) == [keeper]


def test_last_years_call_is_closed_and_waits_in_review_for_the_demo_expert():
    from lodestar.reviews.models import Assignment, Review

    out = load(closed_applications=24, closed_experts=14)
    programme = Programme.objects.get(slug="defence-innovation-accelerator")
    closed = programme.calls.get(closes_at__lt=timezone.now())
    assert f"Closed call {closed.slug}" in out
    applications = Application.objects.filter(challenge__call=closed)
    assert applications.count() == 24
    assert applications.filter(status=wf.UNDER_REVIEW).exists()
    active = Assignment.objects.filter(application__challenge__call=closed, status=Assignment.Status.ACTIVE)
    expert_login = User.objects.get(email="expert@lodestar.example")
    assert active.filter(expert__user=expert_login).exists()  # the demo expert has work to do
    submitted = Review.objects.filter(assignment__in=active, status=Review.Status.SUBMITTED)
    assert submitted.count() == active.exclude(expert__user=expert_login).count()
    # A reset removes both calls, the experts and their accounts.
    load(reset=True, closed_applications=0)
    assert not User.objects.filter(email__endswith="@reviewers.example").exists()
    assert Programme.objects.get(slug="defence-innovation-accelerator").calls.count() == 1


def test_the_call_before_is_awarded_and_the_demo_applicant_has_an_agreement_to_sign():
    from lodestar.grants import workflow as grant_wf
    from lodestar.grants.models import Award, PaymentOrder

    out = load(awarded_applications=30)
    assert "Awarded call" in out
    awards = Award.objects.all()
    assert awards.filter(status__in=[grant_wf.AWARD_ACTIVE, grant_wf.AWARD_COMPLETED]).exists()
    applicant = User.objects.get(email="applicant@lodestar.example")
    assert Award.objects.visible_to(applicant).filter(status=grant_wf.AWARD_MADE).exists()
    assert PaymentOrder.objects.filter(status__in=grant_wf.COMMITTED).exists()
    load(reset=True)  # rebuilt without the awarded call: only the partner call's grants come back
    challenge_awards = Award.objects.filter(application__partner_proposal__isnull=True)
    assert not challenge_awards.exists()
    assert not PaymentOrder.objects.filter(award__application__partner_proposal__isnull=True).exists()


def test_the_awarded_call_has_its_cohort_far_along_the_road_to_adoption(client):
    from django.db.models import F

    from lodestar.accelerator import workflow as acc_wf
    from lodestar.accelerator.models import AdoptionCase, Cohort, DemoDayInvitation, SharedResult, TrlReading

    out = load(awarded_applications=30)
    assert "cohort of" in out
    cohort = Cohort.objects.get()
    assert cohort.status == acc_wf.CohortStatus.RUNNING and cohort.companies.exists()
    cases = AdoptionCase.objects.filter(company__cohort=cohort)
    assert cases.filter(status=acc_wf.AdoptionStatus.CONTRACT_SIGNED).exists()
    assert cases.filter(status__in=acc_wf.ADOPTION_OPEN).exists()
    assert {c.nation for c in cases} == {"FR", "DE"}
    assert SharedResult.objects.filter(shared=True).exists()
    # Half of the awarded call's applications (up to the programme's 74) form the cohort; results in
    # both languages; most companies record their own readiness in the later months.
    assert cohort.companies.count() == 15
    assert set(SharedResult.objects.values_list("language", flat=True)) == {"en", "fr"}
    assert len(set(SharedResult.objects.values_list("title", flat=True))) >= 6
    own = TrlReading.objects.filter(
        company__cohort=cohort, recorded_by__memberships__organisation=F("company__organisation")
    )
    assert own.exists() and TrlReading.objects.filter(company__cohort=cohort).exclude(pk__in=own).exists()
    french = User.objects.get(email="utilisateur.fr@lodestar.example")
    assert DemoDayInvitation.objects.filter(invitee=french).exists()
    client.force_login(french)
    assert client.get(f"/fr/accelerator/showcase/{cohort.pk}/").status_code == 200
    load(reset=True)
    assert not Cohort.objects.exists() and not AdoptionCase.objects.exists()


def test_the_demo_holds_the_network_of_centres_with_a_year_of_bookings():
    from lodestar.accelerator.models import Booking, BookingDay, Centre, CentreKind

    load()
    assert Centre.objects.filter(kind=CentreKind.SITE).count() == 23
    assert Centre.objects.filter(kind=CentreKind.TEST_CENTRE).count() == 182
    assert Centre.objects.values("nation").distinct().count() == 28
    assert not Centre.objects.filter(capabilities=None).exists()
    assert not Centre.objects.filter(description_fr="").exists()
    assert Centre.objects.exclude(blackouts=None).exists()
    statuses = set(Booking.objects.values_list("status", flat=True))
    assert {"confirmed", "requested", "waitlisted", "cancelled", "refused"} <= statuses
    held = BookingDay.objects.values_list("booking__status", flat=True).distinct()
    assert set(held) <= {"confirmed", "requested"}
    operator = User.objects.get(email="operator@lodestar.example")
    assert len(operator.scopes_held(Role.CENTRE_OPERATOR, kind="centre")) == 3
    assert not operator.has_role(Role.CENTRE_OPERATOR)  # not globally: three centres only


def test_the_open_call_has_its_own_questions_answered_in_each_applications_language():
    from lodestar.applications.models import Answer

    load()
    call = Programme.objects.get(slug="defence-innovation-accelerator").calls.get()
    assert call.questions.count() == 3 and call.form_frozen_at is not None
    answers = Answer.objects.filter(question__call=call, question__position=2).select_related("application")
    assert answers.exists()
    from lodestar.demo.questions import END_USERS

    for answer in answers:
        assert answer.value in {pair[answer.application.language == "fr"] for pair in END_USERS}


def test_the_partner_workshop_is_an_engagement_event_and_reset_removes_it():
    from lodestar.engagement.models import Event, Person
    from lodestar.partnerships.models import Proposal

    load()
    workshop = Proposal.objects.exclude(event=None).select_related("event").get()
    event = workshop.event
    assert (event.kind, event.partner_id, event.status) == ("workshop", workshop.organisation_id, "published")
    assert event.agenda.count() == 5 and event.registrations.filter(status="registered").count() == 7
    assert set(event.agenda.values_list("speakers__full_name", flat=True)) == {
        "Kadri Tamm",
        "Sakura Endo",
        "Jonas Berg",
        "Hana Kimura",
    }
    reset.reset()
    assert not Event.objects.filter(pk=event.pk).exists()
    assert not Person.objects.filter(email__endswith="@partners.example").exists()

"""The bulk actions the simulation uses (issue 15) give the same result as the one-at-a-time actions of
the pages: the same states, stored fields, audit events and letters; and they refuse all or none."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from lodestar.applications import actions
from lodestar.applications import workflow as wf
from lodestar.applications.bulk import check_screen_many, check_submit_many
from lodestar.applications.models import Application
from lodestar.core.mail import letters_about
from lodestar.core.models import AuditEvent
from lodestar.core.roles import Role
from lodestar.organisations.actions import ShareholderData
from lodestar.reviews.actions.reviewing import ReviewData, check_submit_review, check_submit_reviews_many
from lodestar.reviews.models import Assignment, Review
from tests.conftest import complete_draft, make_organisation, make_user

pytest_plugins = ["tests.reviews_assignment_fixtures"]

# Eligible, flagged for foreign ownership, and refused (headquarters outside the call's nations).
COMPANIES = [
    ("FR", ()),
    ("DE", (ShareholderData("Far East Ventures", "CN", Decimal(40)),)),
    ("JP", ()),
    ("NL", ()),
]


def _drafts(energy, tag: str) -> list[tuple[Application, object]]:
    out = []
    for i, (nation, shareholders) in enumerate(COMPANIES):
        owner = make_user(f"owner{i}@{tag}.example", Role.APPLICANT, name=f"Owner {i}")
        organisation = make_organisation(owner, f"Company {i} {tag}", nation, shareholders=shareholders)
        out.append((complete_draft(owner, organisation, energy, title=f"Project {i}"), owner))
    return out


def _events(application: Application) -> list[tuple[str, str, str, str, int | None, str]]:
    kind = ContentType.objects.get_for_model(Application)
    return [
        (e.action, e.from_state, e.to_state, e.note, e.actor_id, e.audience)
        for e in AuditEvent.objects.filter(content_type=kind, object_id=str(application.pk)).order_by("pk")
    ]


def _letters(application: Application, tag: str) -> list[tuple[str, str, str, str, bool, str]]:
    """The application's letters, with what names this application (reference, tag) taken out."""
    application.refresh_from_db()

    def plain(text: str) -> str:
        return (
            text.replace(application.reference, "REF")
            .replace(f"/{application.pk}/", "/PK/")
            .replace(tag, "TAG")
        )

    return [
        (lt.template, lt.language, plain(lt.subject), plain(lt.body), lt.sent_at is not None, lt.error)
        for lt in letters_about(application)
    ]


def _same(one: Application, other: Application, owner_one, owner_other) -> None:
    one.refresh_from_db()
    other.refresh_from_db()
    assert (one.status, one.eligibility_verdict, one.eligibility_report, one.screening_note) == (
        other.status,
        other.eligibility_verdict,
        other.eligibility_report,
        other.screening_note,
    )
    swap = {owner_other.pk: owner_one.pk}
    theirs = [(a, f, t, n, swap.get(who, who), aud) for a, f, t, n, who, aud in _events(other)]
    assert _events(one) == theirs


@pytest.mark.django_db(transaction=True)
def test_bulk_submission_and_screening_match_the_one_at_a_time_actions(energy, stella):
    now = timezone.now()
    single = _drafts(energy, "single")
    bulk = _drafts(energy, "bulk")
    mail.outbox.clear()
    for application, owner in single:
        actions.check_submit(application, owner, now=now)
    letters_single = len(mail.outbox)
    mail.outbox.clear()
    submitted = check_submit_many(bulk, now=now)
    assert len(mail.outbox) == letters_single == len(COMPANIES)  # one confirmation per member
    # The same letters recorded on each application (sent, by whom, to whom, the same text).
    for (one, _owner_one), (other, owner_other) in zip(single, bulk, strict=True):
        other.refresh_from_db()
        assert _letters(one, "single") == _letters(other, "bulk")
        assert [(lt.recipient_id, lt.sent_by_id) for lt in letters_about(other)] == [(owner_other.pk,) * 2]
    assert [a.status for a in submitted] == [wf.SUBMITTED] * len(COMPANIES)
    verdicts = [a.eligibility_verdict for a in submitted]
    assert verdicts == ["eligible", "review", "ineligible", "eligible"]

    def decisions(pairs):
        return [
            (a, "eligible", "Ownership reviewed: acceptable.")
            if a.eligibility_verdict == "review"
            else (a, actions.Screening.ACCEPT, "")
            for a, _owner in pairs
        ]

    mail.outbox.clear()
    for application, decision, note in decisions(single):
        application.refresh_from_db()
        actions.check_screen(application, stella, decision, note=note)
    letters_single = len(mail.outbox)
    mail.outbox.clear()
    screened = check_screen_many(decisions(bulk), stella)
    assert len(mail.outbox) == letters_single == 1  # the refused company's letter
    assert [a.status for a in screened] == [wf.ELIGIBLE, wf.ELIGIBLE, wf.INELIGIBLE, wf.ELIGIBLE]
    for (one, owner_one), (other, owner_other) in zip(single, bulk, strict=True):
        _same(one, other, owner_one, owner_other)


@pytest.mark.django_db
def test_one_refusal_refuses_the_whole_submission(energy, charlie):
    drafts = _drafts(energy, "all-or-none")
    Application.objects.filter(pk=drafts[1][0].pk).update(description="Too short.")
    with pytest.raises(ValidationError, match="description"):
        check_submit_many(drafts)
    assert set(Application.objects.values_list("status", flat=True)) == {wf.DRAFT}
    # Someone else's draft in the batch: refused before anything is read under lock.
    with pytest.raises(PermissionDenied):
        check_submit_many([drafts[0], (drafts[2][0], charlie)])
    assert not AuditEvent.objects.filter(action="application:submitted").exists()


@pytest.mark.django_db
def test_only_staff_screen_in_bulk(energy, charlie):
    drafts = _drafts(energy, "staff-only")
    check_submit_many(drafts)
    with pytest.raises(PermissionDenied):
        check_screen_many([(a, actions.Screening.ACCEPT, "") for a, _o in drafts[:1]], charlie)
    assert Application.objects.filter(status=wf.SUBMITTED).count() == len(COMPANIES)


def _data(i: int, codes) -> ReviewData:
    return ReviewData(
        scores={code: 1 + (i + k) % 5 for k, code in enumerate(codes)},
        comments=dict.fromkeys(codes, f"Comment {i}"),
        overall=f"Overall {i}",
        recommendation="yes",
    )


def _review_row(review: Review) -> tuple:
    return (review.status, review.scores, review.comments, review.overall, review.recommendation)


def _review_events(review: Review) -> list[tuple]:
    kind = ContentType.objects.get_for_model(Review)
    return list(
        AuditEvent.objects.filter(content_type=kind, object_id=str(review.pk)).values_list(
            "action", "from_state", "to_state", "note", "actor_id"
        )
    )


@pytest.mark.django_db
def test_bulk_reviews_match_the_one_at_a_time_action(published_field):
    codes = published_field.review_rules.criterion_codes
    active = list(
        Assignment.objects.filter(status=Assignment.Status.ACTIVE)
        .select_related("expert__user")
        .order_by("pk")
    )
    assert len(active) >= 4
    half = len(active) // 2
    now = timezone.now()
    for i, assignment in enumerate(active[:half]):
        check_submit_review(assignment, assignment.expert.user, _data(i, codes), now=now)
    # A draft saved first is submitted too, as the one-at-a-time action would.
    from lodestar.reviews.actions.reviewing import check_save_review

    check_save_review(active[half], active[half].expert.user, ReviewData(overall="Draft"))
    moved = check_submit_reviews_many(
        [(a, a.expert.user, _data(i, codes)) for i, a in enumerate(active[half : 2 * half])], now=now
    )
    assert len(moved) == half
    for i in range(half):
        one = Review.objects.get(assignment=active[i])
        other = Review.objects.get(assignment=active[half + i])
        assert _review_row(one) == _review_row(other)
        assert one.submitted_at == other.submitted_at == now
        [(action, source, target, note, actor)] = _review_events(one)
        assert _review_events(other) == [(action, source, target, note, active[half + i].expert.user_id)]
        assert actor == active[i].expert.user_id


@pytest.mark.django_db
def test_bulk_reviews_refuse_all_or_none(published_field, erin):
    codes = published_field.review_rules.criterion_codes
    active = list(
        Assignment.objects.filter(status=Assignment.Status.ACTIVE)
        .select_related("expert__user")
        .order_by("pk")
    )
    batch = [(a, a.expert.user, _data(i, codes)) for i, a in enumerate(active)]
    with pytest.raises(PermissionDenied):  # one review by someone who is not the assigned expert
        check_submit_reviews_many([*batch[1:], (active[0], erin, _data(0, codes))])
    incomplete = ReviewData(scores={codes[0]: 3}, recommendation="yes")
    with pytest.raises(ValidationError, match="score every criterion"):
        check_submit_reviews_many([*batch[1:], (active[0], active[0].expert.user, incomplete)])
    assert not Review.objects.exists()
    check_submit_reviews_many(batch)
    assert Review.objects.filter(status=Review.Status.SUBMITTED).count() == len(active)
    with pytest.raises(ValidationError, match="submitted"):  # a second time: final
        check_submit_reviews_many(batch[:1])


def _organisation_fields(organisation) -> tuple:
    return (
        organisation.legal_name,
        organisation.headquarters_nation,
        organisation.kind,
        sorted(organisation.areas.values_list("code", flat=True)),
        sorted(organisation.shareholders.values_list("name", "nation", "percentage")),
        list(organisation.memberships.values_list("user__email", "role")),
    )


@pytest.mark.django_db
def test_bulk_registration_and_drafts_match_the_one_at_a_time_actions(energy, sensing, charlie):
    from lodestar.applications.bulk import Draft, check_create_drafts
    from lodestar.core.models import EdtArea
    from lodestar.organisations.actions import (
        Registration,
        check_create_organisation,
        check_create_organisations,
    )
    from lodestar.organisations.models import Organisation

    owner = make_user("owner@registered.example", Role.APPLICANT, name="Owner")
    fields = {
        "legal_name": "Twin Robotics",
        "headquarters_nation": "DE",
        "kind": "sme",
        "year_founded": 2015,
        "employees": 40,
        "website": "https://twin.example",
        "description": "Robots.",
    }
    areas = tuple(EdtArea.objects.filter(code="energy"))
    holders = (ShareholderData("Founders", "DE", Decimal(70)),)
    one = check_create_organisation(owner, fields=fields, areas=areas, shareholders=holders)
    [other] = check_create_organisations([Registration(owner, fields, areas, holders)])
    assert _organisation_fields(one) == _organisation_fields(other)
    kind = ContentType.objects.get_for_model(Organisation)
    for organisation in (one, other):
        assert list(
            AuditEvent.objects.filter(content_type=kind, object_id=str(organisation.pk)).values_list(
                "action", "actor_id"
            )
        ) == [("organisation:created", owner.pk)]

    text = {
        "title": "Quiet drones",
        "summary": "Quiet drones.",
        "description": "x" * 300,
        "trl": 5,
        "requested_amount": Decimal(90_000),
    }
    team = (actions.TeamMemberData("Owner", "CEO", "DE"),)
    single = actions.check_create_draft(owner, one, energy, text, areas=areas, team=team)
    [bulk] = check_create_drafts([Draft(owner, other, energy, text, areas=areas, team=team)])
    for application in (single, bulk):
        application.refresh_from_db()
    assert (single.status, single.language, single.title, single.requested_amount) == (
        bulk.status,
        bulk.language,
        bulk.title,
        bulk.requested_amount,
    )
    assert list(single.team.values_list("name", "role")) == list(bulk.team.values_list("name", "role"))
    assert list(single.areas.all()) == list(bulk.areas.all())
    assert [e[0] for e in _events(single)] == [e[0] for e in _events(bulk)] == ["application:created"]
    # Refused all or none: a second draft to the same challenge, or someone else's organisation.
    before = Application.objects.count()
    with pytest.raises(ValidationError, match="already applied"):
        check_create_drafts(
            [Draft(owner, other, sensing, text, team=team), Draft(owner, other, energy, text, team=team)]
        )
    with pytest.raises(PermissionDenied):
        check_create_drafts([Draft(charlie, other, sensing, text, team=team)])
    assert Application.objects.count() == before


@pytest.mark.django_db
def test_bulk_role_grants_match_the_one_at_a_time_action(stella):
    from lodestar.accounts.actions import do_grant_role_many, do_grant_roles
    from lodestar.accounts.models import RoleGrant, User
    from lodestar.core.roles import Scope

    scope = Scope("programme", "7")
    single = [make_user(f"single{i}@grants.example") for i in range(3)]
    bulk = [make_user(f"bulk{i}@grants.example") for i in range(3)]
    do_grant_roles(single[0], Role.PROGRAMME_STAFF, scope=scope, actor=stella)  # already held: left as it is
    do_grant_roles(bulk[0], Role.PROGRAMME_STAFF, scope=scope, actor=stella)
    for user in single:
        do_grant_roles(user, Role.PROGRAMME_STAFF, scope=scope, actor=stella)
    do_grant_role_many(
        [*bulk, bulk[1]], Role.PROGRAMME_STAFF, scope=scope, actor=stella
    )  # twice in the list: once
    kind = ContentType.objects.get_for_model(User)

    def held(user):
        grants = RoleGrant.objects.filter(user=user).values_list("role", "scope_kind", "scope_key")
        events = AuditEvent.objects.filter(content_type=kind, object_id=str(user.pk)).values_list(
            "action", "actor_id", "note", "audience"
        )
        return sorted(grants), list(events)

    assert [held(u) for u in single] == [held(u) for u in bulk]
    [(action, actor_id, note, _audience)] = held(bulk[1])[1]
    assert (action, actor_id, note) == ("accounts:role_granted", stella.pk, "programme_staff (programme 7)")

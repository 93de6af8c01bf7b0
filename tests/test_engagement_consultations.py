"""Consultations: contributions matched (with evidence, switchable), moderated (hidden with a reason
the author reads), their fate on a public page with the author only where they chose, follow-up
actions and their reminders."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from lodestar.core.workflow import TransitionNotAllowed
from lodestar.engagement.actions import consultations as actions
from lodestar.engagement.models import ChallengeMatch, Consultation

pytest_plugins = ["tests.engagement_fixtures"]

IDEA = (
    "Forward bases need silent energy and power at night: hydrogen storage and batteries charged by "
    "solar panels would cut generator noise and fuel convoys."
)


@pytest.fixture
def consultation(call, open_consultation):
    """Open, about energy; the call's challenges (energy, sensing) are open."""
    energy = call.challenges.get(slug="energy")
    energy.description_en = "Energy and power for deployed forces: batteries, hydrogen, solar, microgrids."
    energy.save()
    return open_consultation


def test_a_contribution_is_matched_to_the_open_challenge_it_reads_like_with_evidence(
    consultation, paul, call
):
    contribution = actions.check_contribute(
        consultation, paul, kind="idea", title="Silent power", body=IDEA, language="en", show_author=False
    )
    best = ChallengeMatch.objects.filter(contribution=contribution).first()
    assert best is not None and best.challenge.slug == "energy"
    assert best.explanation["terms"]  # the shared words that explain it
    assert "energy" in {a["code"] for a in contribution.areas}


def test_matching_switched_off_matches_nothing_and_shows_nothing(client, consultation, paul, emma):
    actions.check_switch_matching(consultation, emma, enabled=False)
    contribution = actions.check_contribute(
        consultation, paul, kind="idea", title="Silent power", body=IDEA, language="en", show_author=False
    )
    assert not contribution.challenge_matches.exists()
    client.force_login(emma)
    assert (
        "Matched to"
        not in client.get(reverse("engagement:contribution", args=[contribution.pk])).content.decode()
    )


def test_a_closed_consultation_takes_no_contribution(consultation, paul, emma):
    actions.check_move_consultation(consultation, "closed", emma)
    consultation.refresh_from_db()
    with pytest.raises(ValidationError):
        actions.check_contribute(
            consultation, paul, kind="idea", title="t", body=IDEA, language="en", show_author=True
        )


def test_nobody_speaks_for_an_organisation_they_are_not_a_member_of(consultation, paul, aurora):
    with pytest.raises(PermissionDenied):
        actions.check_contribute(
            consultation,
            paul,
            kind="position",
            title="t",
            body=IDEA,
            language="en",
            show_author=True,
            organisation=aurora,
        )


def test_hiding_needs_a_reason_the_author_reads_and_visitors_do_not(
    client, consultation, paul, emma, charlie
):
    contribution = actions.check_contribute(
        consultation, paul, kind="idea", title="Off topic", body=IDEA, language="en", show_author=True
    )
    with pytest.raises(ValidationError):
        actions.check_moderate(contribution, emma, publish=False, reason=" ")
    actions.check_moderate(contribution, emma, publish=False, reason="Advertising for a product.")
    url = reverse("engagement:contribution", args=[contribution.pk])
    client.force_login(paul)
    assert "Advertising for a product." in client.get(url).content.decode()
    client.force_login(charlie)
    assert client.get(url).status_code == 404


def test_only_officers_moderate(consultation, paul):
    contribution = actions.check_contribute(
        consultation, paul, kind="idea", title="Mine", body=IDEA, language="en", show_author=True
    )
    with pytest.raises(TransitionNotAllowed):
        actions.check_moderate(contribution, paul, publish=True)


def test_the_public_page_names_the_author_only_when_they_chose(client, consultation, paul, alice, emma):
    shown = actions.check_contribute(
        consultation, paul, kind="idea", title="Named idea", body=IDEA, language="en", show_author=True
    )
    anonymous = actions.check_contribute(
        consultation, alice, kind="idea", title="Quiet idea", body=IDEA, language="fr", show_author=False
    )
    for c in (shown, anonymous):
        actions.check_moderate(c, emma, publish=True)
    page = client.get(reverse("engagement:outcomes", args=[consultation.pk])).content.decode()
    assert "Paul Nowak" in page and "Alice Martin" not in page
    api = client.get("/api/contributions").json()["items"]
    assert {i["title"]: i["author"] for i in api} == {"Named idea": "Paul Nowak", "Quiet idea": ""}


def test_what_became_of_a_contribution_is_public(client, consultation, paul, emma):
    contribution = actions.check_contribute(
        consultation, paul, kind="idea", title="Silent power", body=IDEA, language="en", show_author=False
    )
    actions.check_moderate(contribution, emma, publish=True)
    actions.check_set_outcome(contribution, emma, "Added to the 2027 energy challenge.")
    actions.check_add_follow_up(
        emma,
        title="Brief the energy challenge's team",
        owner_email=emma.email,
        due_on=timezone.localdate() + timedelta(days=10),
        contribution=contribution,
    )
    page = client.get(reverse("engagement:outcomes", args=[consultation.pk])).content.decode()
    assert "Added to the 2027 energy challenge." in page
    assert "Brief the energy challenge" in page


def test_reminders_go_to_owners_of_actions_due_soon_or_late_once_a_week(
    consultation, paul, emma, alice, django_capture_on_commit_callbacks
):
    contribution = actions.check_contribute(
        consultation, paul, kind="idea", title="Silent power", body=IDEA, language="en", show_author=False
    )
    today = date(2027, 1, 10)
    late = actions.check_add_follow_up(
        emma,
        title="Write back to the author",
        owner_email=alice.email,
        due_on=date(2027, 1, 5),
        contribution=contribution,
    )
    actions.check_add_follow_up(
        emma, title="Far away", owner_email=alice.email, due_on=date(2027, 3, 1), contribution=contribution
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert actions.do_send_follow_up_reminders(today) == 1
        assert actions.do_send_follow_up_reminders(today + timedelta(days=2)) == 0
    (letter,) = mail.outbox
    assert letter.to == [alice.email] and "Write back to the author" in letter.body
    actions.check_move_follow_up(late, "done", alice)
    assert actions.do_send_follow_up_reminders(today + timedelta(days=8)) == 0


def test_a_follow_up_owner_moves_their_own_action_but_not_anothers(consultation, paul, emma, alice, charlie):
    contribution = actions.check_contribute(
        consultation, paul, kind="idea", title="t", body=IDEA, language="en", show_author=False
    )
    follow_up = actions.check_add_follow_up(
        emma, title="Call back", owner_email=alice.email, due_on=date(2027, 1, 5), contribution=contribution
    )
    with pytest.raises(TransitionNotAllowed):
        actions.check_move_follow_up(follow_up, "done", charlie)
    actions.check_move_follow_up(follow_up, "under_way", alice)


def test_a_contribution_through_the_page_with_a_missing_title_gets_a_400_and_keeps_the_text(
    client, consultation, paul
):
    client.force_login(paul)
    response = client.post(
        reverse("engagement:contribute", args=[consultation.pk]),
        {"kind": "idea", "title": "", "body": IDEA, "language": "en"},
    )
    assert response.status_code == 400
    assert "hydrogen storage" in response.content.decode()
    assert not Consultation.objects.get().contributions.exists()

"""Confirming a cohort: statuses through transition(), decision letters in each member's language
with the experts' comments only when the call shares them; who may do what; the page's query count.

Alice (French) and Bob (English) are both members of Aurora, whose proposal a1 is selected;
Charlie's Borealis (a6) is selected too; a3 and a5 are left out (tests/reviews_selection_fixtures.py).
"""

from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from lodestar.applications import workflow as wf
from lodestar.applications.models import Application
from lodestar.core.models import AuditEvent
from lodestar.core.workflow import history
from lodestar.organisations.models import Organisation
from lodestar.reviews.models import RankingEntry, ReviewRules
from lodestar.selection import actions as actions
from lodestar.selection.models import Selection
from tests.reviews_selection_fixtures import build_cohort, rank, review


@pytest.fixture(autouse=True)
def _english():
    # A request to /fr/ leaves French active in the thread; reverse() would then build /fr/ URLs.
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def cohort(call, energy, sensing, alice, aurora, bob, charlie, borealis):
    return build_cohort(call, energy, sensing, alice, aurora, charlie, borealis)


@pytest.fixture
def proposed(cohort, dora):
    return actions.check_run_selection(cohort.call, dora)


def status(application):
    return Application.objects.values_list("status", flat=True).get(pk=application.pk)


def letters_to(address):
    return [m for m in mail.outbox if m.to == [address]]


def test_confirming_selects_the_cohort_and_rejects_the_rest_through_transitions(cohort, proposed, dora):
    confirmed = actions.check_confirm_selection(proposed, dora)
    assert confirmed.status == Selection.Status.CONFIRMED
    assert confirmed.confirmed_by == dora and confirmed.confirmed_at and confirmed.letters_sent_at
    for key in ("a1", "a2", "a4", "a6", "a7"):
        assert status(cohort.apps[key]) == wf.SELECTED
        event = history(cohort.apps[key]).get(action="application:selected")
        assert (event.from_state, event.to_state, event.actor) == (wf.UNDER_REVIEW, wf.SELECTED, dora)
    for key in ("a3", "a5", "a8", "a9", "a10"):
        assert status(cohort.apps[key]) == wf.REJECTED
        assert history(cohort.apps[key]).filter(action="application:rejected").exists()
    assert AuditEvent.objects.filter(action="selection:confirmed", actor=dora).exists()


def test_a_forced_proposal_carries_the_director_reason_into_its_transition(cohort, proposed, dora):
    target = proposed.entries.get(application=cohort.apps["a3"])
    actions.check_override(target, dora, "in", "The end users asked for it by name.")
    latest = actions.check_run_selection(cohort.call, dora)
    actions.check_confirm_selection(latest, dora)
    event = history(cohort.apps["a3"]).get(action="application:selected")
    assert event.note == "The end users asked for it by name."


def test_confirming_twice_is_refused_and_changes_nothing(cohort, proposed, dora):
    actions.check_confirm_selection(proposed, dora)
    sent = len(mail.outbox)
    with pytest.raises(ValidationError, match="already confirmed"):
        actions.check_confirm_selection(proposed, dora)
    assert len(mail.outbox) == sent
    assert AuditEvent.objects.filter(action="application:selected").count() == 5


def test_confirming_an_older_run_is_refused(cohort, proposed, dora):
    actions.check_run_selection(cohort.call, dora)
    with pytest.raises(ValidationError, match="newer run"):
        actions.check_confirm_selection(proposed, dora)
    assert status(cohort.apps["a1"]) == wf.UNDER_REVIEW


def test_after_confirmation_the_selection_cannot_run_again(cohort, proposed, dora):
    actions.check_confirm_selection(proposed, dora)
    with pytest.raises(ValidationError, match="confirmed"):
        actions.check_run_selection(cohort.call, dora)


def test_each_member_reads_the_decision_in_their_own_language(cohort, proposed, dora, alice, bob):
    actions.check_confirm_selection(proposed, dora)
    (to_alice,) = letters_to(alice.email)
    (to_bob,) = letters_to(bob.email)
    assert cohort.apps["a1"].reference in to_alice.subject and "Proposal A1" in to_alice.body
    assert "Énergie et puissance" in to_alice.body  # the challenge named in French for Alice
    assert "Energy and power" in to_bob.body and "has been selected" in to_bob.body
    assert "/fr/applications/" in to_alice.body and "/en/applications/" in to_bob.body
    rejected = letters_to("owner-a3@example.org")
    assert len(rejected) == 1 and "has not been selected" in rejected[0].body
    # Every member of every applying organisation hears: ten proposals, Aurora has two members.
    assert len(mail.outbox) == 11


def test_letters_quote_the_experts_comments_without_names_when_the_call_shares_them(
    cohort, proposed, dora, bob
):
    ReviewRules.objects.create(call=cohort.call, share_comments=True)
    review(cohort.apps["a1"], "Eva Energy", "A convincing storage design.", {"team": "Seasoned founders."})
    review(cohort.apps["a1"], "Dirk Draft", "Unfinished thoughts.", {"fit": "Draft only."}, submitted=False)
    # Dirk's review is still open: confirming closes it, with the director's reason (issue 14).
    actions.check_confirm_selection(proposed, dora, reason="The board meets tomorrow.")
    (letter,) = letters_to(bob.email)
    assert "A convincing storage design." in letter.body and "Team: Seasoned founders." in letter.body
    assert "Eva" not in letter.body and "Unfinished thoughts" not in letter.body


def test_letters_leave_the_comments_out_when_the_call_does_not_share_them(cohort, proposed, dora, bob):
    review(cohort.apps["a1"], "Eva Energy", "A convincing storage design.", {"team": "Seasoned founders."})
    actions.check_confirm_selection(proposed, dora)
    (letter,) = letters_to(bob.email)
    assert "convincing" not in letter.body and "Seasoned" not in letter.body


def test_sending_the_letters_again_writes_to_nobody_twice(cohort, proposed, dora):
    confirmed = actions.check_confirm_selection(proposed, dora)
    sent = len(mail.outbox)
    assert actions.do_send_decision_letters(confirmed) == 0
    assert len(mail.outbox) == sent


def test_the_applicant_sees_the_decision_on_the_status_page(client, cohort, proposed, dora, charlie):
    actions.check_confirm_selection(proposed, dora)
    client.force_login(charlie)
    page = client.get(reverse("applications:detail", args=[cohort.apps["a6"].pk])).content.decode()
    assert "badge selected" in page


def test_the_director_confirms_from_the_page(client, cohort, proposed, dora):
    client.force_login(dora)
    page = client.get(reverse("selection:confirm", args=[cohort.call.slug, proposed.pk])).content.decode()
    assert "5 applications will be selected" in page and "5 other applications" in page
    response = client.post(reverse("selection:confirm", args=[cohort.call.slug, proposed.pk]), follow=True)
    assert "The cohort is confirmed" in response.content.decode()
    response = client.post(reverse("selection:confirm", args=[cohort.call.slug, proposed.pk]), follow=True)
    assert "already confirmed" in response.content.decode()


# --- Who may do what -----------------------------------------------------------------------------------


def urls(cohort, selection):
    slug, pk = cohort.call.slug, selection.pk
    entry = selection.entries.first().pk
    return {
        "overview": ("get", reverse("selection:overview", args=[slug])),
        "selection": ("get", reverse("selection:selection", args=[slug, pk])),
        "rules": ("get", reverse("selection:rules", args=[slug])),
        "run": ("post", reverse("selection:run", args=[slug])),
        "override": ("get", reverse("selection:override", args=[slug, entry])),
        "override_post": ("post", reverse("selection:override", args=[slug, entry])),
        "confirm": ("get", reverse("selection:confirm", args=[slug, pk])),
        "confirm_post": ("post", reverse("selection:confirm", args=[slug, pk])),
    }


def test_programme_staff_read_the_cohort_but_change_nothing(client, cohort, proposed, stella):
    client.force_login(stella)
    for name, (method, url) in urls(cohort, proposed).items():
        expected = 200 if name in ("overview", "selection") else 403
        assert getattr(client, method)(url, {"override": "in", "reason": "x"}).status_code == expected, name
    page = client.get(reverse("selection:overview", args=[cohort.call.slug])).content.decode()
    assert "Confirm this cohort" not in page and "Override" not in page
    assert Selection.objects.count() == 1 and status(cohort.apps["a1"]) == wf.UNDER_REVIEW


@pytest.mark.parametrize("who", ["alice", "charlie", "erin", "fred"])
def test_applicants_experts_and_others_are_refused_everywhere(request, client, cohort, proposed, who):
    client.force_login(request.getfixturevalue(who))
    for name, (method, url) in urls(cohort, proposed).items():
        assert getattr(client, method)(url, {"override": "in", "reason": "x"}).status_code == 403, name
    assert Selection.objects.count() == 1 and status(cohort.apps["a1"]) == wf.UNDER_REVIEW


def test_anonymous_visitors_are_sent_to_sign_in(client, cohort, proposed):
    response = client.get(reverse("selection:overview", args=[cohort.call.slug]))
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_director_sees_the_controls(client, cohort, proposed, dora):
    client.force_login(dora)
    page = client.get(reverse("selection:overview", args=[cohort.call.slug])).content.decode()
    assert "Confirm this cohort" in page and "Override" in page and "Selection rules" in page


# --- Query count ---------------------------------------------------------------------------------------


def add_candidates(cohort, count, start):
    """`count` more low-ranked proposals under review, made straight in the database for speed;
    the ranking is written again over every proposal."""
    challenges = list(cohort.call.challenges.all())
    for i in range(start, start + count):
        organisation = Organisation.objects.create(
            legal_name=f"Extra {i:03d}",
            headquarters_nation=["US", "CA", "IT"][i % 3],
            kind="sme",
            year_founded=2020,
            employees=5,
        )
        Application.objects.create(
            challenge=challenges[i % 2],
            organisation=organisation,
            title=f"Extra proposal {i}",
            summary="s",
            description="d",
            requested_amount=Decimal(90_000),
            status=wf.UNDER_REVIEW,
        )
    added = list(Application.objects.filter(title__startswith="Extra proposal").order_by("pk"))
    RankingEntry.objects.filter(call=cohort.call).delete()
    rank(
        cohort.call,
        [(a, 5.0 - i / 100) for i, a in enumerate(cohort.apps.values())]
        + [(a, 0.5 - i / 1000) for i, a in enumerate(added)],
    )


def test_the_cohort_page_makes_the_same_number_of_queries_for_30_or_150_candidates(client, cohort, dora):
    client.force_login(dora)
    url = reverse("selection:overview", args=[cohort.call.slug])
    add_candidates(cohort, 20, start=0)
    actions.check_run_selection(cohort.call, dora)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    add_candidates(cohort, 120, start=20)
    actions.check_run_selection(cohort.call, dora)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url + "?page=2")
    assert response.status_code == 200 and "Extra proposal" in response.content.decode()
    assert len(many) == len(few) <= 20, [q["sql"][:120] for q in many.captured_queries]

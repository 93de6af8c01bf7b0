"""Letters in batches (issue 15): `core.mail.send_letters`, which the decision letters and the experts'
assignment letters use, writes the same letters as `send_letter` one at a time: the same recorded
rows (to whom, which template, which language, the full text, set off by whom) and the same mails;
a letter the mail server refuses is recorded with its reason while the others go, and nothing is
raised (the caller counts them).

Alice (French) and Bob (English) are members of Aurora (a1); Charlie's Borealis has a6; Dora directs
the programme (tests/reviews_selection_fixtures.py). Stella is programme staff, whose call's experts
get their assignment letters (tests/reviews_assignment_fixtures.py).
"""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.utils import translation

from lodestar.applications.models import Application
from lodestar.core.mail import Outgoing, render_letter, send_letter, send_letters
from lodestar.core.models import AuditEvent, Letter
from lodestar.reviews.actions.assignment import check_publish_assignment, check_run_assignment, recipient
from lodestar.reviews.models import Assignment
from lodestar.reviews.models.rules import review_rules
from lodestar.selection import actions
from lodestar.selection import engine_adapter as adapter
from tests import refusing_mail
from tests.reviews_selection_fixtures import build_cohort

pytest_plugins = ["tests.reviews_assignment_fixtures"]


@pytest.fixture(autouse=True)
def _english():
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def cohort(call, energy, sensing, alice, aurora, bob, charlie, borealis):
    return build_cohort(call, energy, sensing, alice, aurora, charlie, borealis)


def _letters(cohort, people) -> list[Outgoing]:
    """The decision letters of a1 (selected) and a6 (not) to `people`, as the confirmation writes them."""
    setup = review_rules(cohort.call)
    grant = adapter.default_grant(cohort.call)
    out = []
    for key, chosen in (("a1", True), ("a6", False)):
        application = cohort.apps[key]
        for user in people:
            template, context = actions.decision_letter(application, chosen, setup, grant, {}, user.language)
            out.append(Outgoing(user, template, context, about=application))
    return out


def _row(letter: Letter) -> tuple:
    return (
        letter.content_type_id,
        letter.object_id,
        letter.recipient_id,
        letter.email,
        letter.template,
        letter.language,
        letter.subject,
        letter.body,
        letter.sent_by_id,
        letter.error,
        letter.sent_at is not None,
    )


def _mails() -> list[tuple]:
    return [(m.subject, m.body, m.to, m.from_email) for m in mail.outbox]


@pytest.mark.django_db
def test_a_batch_writes_the_same_letters_as_one_at_a_time(cohort, alice, bob, dora):
    outgoing = _letters(cohort, [alice, bob])
    mail.outbox.clear()
    for o in outgoing:
        send_letter(o.user, o.template, o.context, about=o.about, sent_by=dora)
    one_by_one = [_row(letter) for letter in Letter.objects.order_by("pk")]
    sent_one_by_one = _mails()
    Letter.objects.all().delete()
    mail.outbox.clear()

    batch = send_letters(outgoing, sent_by=dora)

    assert [_row(letter) for letter in Letter.objects.order_by("pk")] == one_by_one
    assert [_row(letter) for letter in batch] == one_by_one  # the rows returned are the rows stored
    assert _mails() == sent_one_by_one
    assert {row[5] for row in one_by_one} == {"fr", "en"}  # each in the reader's language


@pytest.mark.django_db
def test_a_refused_letter_in_a_batch_is_recorded_and_the_others_go(cohort, alice, bob, dora, settings):
    settings.EMAIL_BACKEND = "tests.refusing_mail.RefusingBackend"
    refusing_mail.REFUSED.clear()
    refusing_mail.REFUSED.add("bob@aurora.example")
    try:
        letters = send_letters(_letters(cohort, [alice, bob]), sent_by=dora)
    finally:
        refusing_mail.REFUSED.clear()
    refused = [letter for letter in letters if letter.sent_at is None]
    assert {letter.email for letter in refused} == {"bob@aurora.example"} and len(refused) == 2
    assert all("mailbox unavailable" in letter.error for letter in refused)
    assert Letter.objects.filter(sent_at__isnull=True, email="bob@aurora.example").count() == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["alice@aurora.example"] * 2


@pytest.mark.django_db
def test_each_decided_application_records_once_that_its_letters_went_out(cohort, dora):
    selection = actions.check_run_selection(cohort.call, dora)
    actions.check_confirm_selection(selection, dora)
    kind = ContentType.objects.get_for_model(Application)
    events = AuditEvent.objects.filter(content_type=kind, action=actions.LETTER_SENT)
    notes = dict(events.values_list("object_id", "note"))
    assert len(notes) == events.count() == len(cohort.apps)  # one event per application, no more
    assert notes[str(cohort.apps["a1"].pk)] == "alice@aurora.example, bob@aurora.example"
    assert Letter.objects.filter(sent_at__isnull=False).count() == len(mail.outbox)


@pytest.mark.django_db
def test_the_experts_letters_are_those_the_full_rows_write(
    review_field, call, stella, django_capture_on_commit_callbacks
):
    """The assignment letters read only the applications' names: their text is what rendering each
    expert's whole rows gives."""
    assert check_run_assignment(call, stella).result["feasible"]
    with django_capture_on_commit_callbacks(execute=True):
        check_publish_assignment(call, stella)
    kind = ContentType.objects.get_for_model(call)
    letters = Letter.objects.filter(content_type=kind, object_id=str(call.pk), template="review_assigned")
    assert letters.count() == len(
        {a.expert_id for a in Assignment.objects.filter(application__challenge__call=call)}
    )
    deadline = review_rules(call).review_deadline
    for letter in letters:
        rows = list(
            Assignment.objects.filter(application__challenge__call=call, expert__email=letter.email)
            .select_related("application__challenge", "expert__user")
            .order_by("application_id")
        )
        expert = rows[0].expert
        expected = render_letter(
            recipient(expert),
            "review_assigned",
            {"expert": expert, "call": call, "assignments": rows, "deadline": deadline},
        )
        assert (letter.subject, letter.body, letter.language) == (
            expected.subject,
            expected.body,
            expected.language,
        )
        assert letter.sent_at is not None

"""Letters previewed before they go out and read again afterwards (issue 14, item 8): the director
and staff preview each decision letter in every recipient's language, exactly as it will be sent;
each letter sent keeps its full text, which its recipient and the programme team read, nobody else.

Alice (French) and Bob (English) are members of Aurora, whose proposal a1 is selected; Charlie's
Borealis applied too (tests/reviews_selection_fixtures.py). Dora directs and Stella staffs every
programme; Petra directs this call's programme only; Olga is staff of another programme only.
"""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from lodestar.core.models import Letter
from lodestar.core.roles import Role
from lodestar.selection import actions, letters
from lodestar.selection.models import Selection
from tests.conftest import complete_draft, make_organisation, make_user
from tests.reviews_selection_fixtures import build_cohort


@pytest.fixture
def cohort(call, energy, sensing, alice, aurora, bob, charlie, borealis):
    return build_cohort(call, energy, sensing, alice, aurora, charlie, borealis)


@pytest.fixture
def run(cohort, dora) -> Selection:
    selection = actions.check_run_selection(cohort.call, dora)
    mail.outbox.clear()
    return selection


def preview_url(selection: Selection, application=None) -> str:
    url = reverse("selection:preview_letters", args=[selection.call.slug, selection.pk])
    return f"{url}?application={application.pk}" if application is not None else url


def test_the_preview_is_exactly_the_letter_each_member_then_receives(cohort, run, dora):
    entry = run.entries.select_related("application").get(application=cohort.apps["a1"])
    assert entry.chosen
    previews = {p.recipient.email: p for p in letters.preview_decision_letters(run, entry)}
    assert set(previews) == {"alice@aurora.example", "bob@aurora.example"}
    assert [previews[email].language for email in sorted(previews)] == ["fr", "en"]
    assert {p.template for p in previews.values()} == {"decision_selected"}
    assert not mail.outbox and not Letter.objects.exists()  # a preview sends and records nothing

    actions.check_confirm_selection(run, dora)
    for message in mail.outbox:
        if message.to[0] in previews:
            preview = previews[message.to[0]]
            assert (message.subject, message.body) == (preview.subject, preview.body)
    kept = Letter.objects.get(email="alice@aurora.example", template="decision_selected")
    assert kept.body == previews["alice@aurora.example"].body and kept.body.strip()


def test_an_application_left_out_previews_the_refusal(cohort, run):
    entry = run.entries.select_related("application").filter(chosen=False).first()
    assert entry is not None
    [first, *_] = letters.preview_decision_letters(run, entry)
    assert first.template == "decision_not_selected"


def test_the_preview_page_shows_each_member_s_letter_in_their_language(client, cohort, run, stella):
    client.force_login(stella)
    page = client.get(preview_url(run, cohort.apps["a1"])).content.decode()
    assert "nothing is sent from this page" in page
    assert "alice@aurora.example" in page and "bob@aurora.example" in page
    assert "L’équipe Lodestar" in page and "The Lodestar team" in page  # Alice's French, Bob's English
    assert cohort.apps["a1"].reference in page
    # Without a choice, the best-ranked application of the cohort; the others are offered.
    default = client.get(preview_url(run)).content.decode()
    assert "in the cohort" in default and "not in the cohort" in default
    assert not mail.outbox


def test_the_preview_is_for_the_programme_s_team_only(client, cohort, run, alice, olga, petra):
    url = preview_url(run, cohort.apps["a1"])
    client.force_login(petra)
    assert client.get(url).status_code == 200
    client.force_login(olga)  # staff of another programme: nothing here
    assert client.get(url).status_code == 404
    client.force_login(alice)  # an applicant: not a staff page
    assert client.get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302


def test_an_application_outside_the_run_has_no_preview(client, cohort, run, stella, energy):
    zed = make_user("zed@zed.example", Role.APPLICANT)
    draft = complete_draft(zed, make_organisation(zed, "Zed GmbH", "DE"), energy)
    client.force_login(stella)
    assert client.get(preview_url(run, draft)).status_code == 404


@pytest.fixture
def sent(cohort, run, dora) -> Letter:
    actions.check_confirm_selection(run, dora)
    return Letter.objects.get(email="alice@aurora.example", template="decision_selected")


def test_the_recipient_and_the_programme_team_read_the_full_letter(client, sent, alice, stella, dora, petra):
    url = reverse("core:letter", args=[sent.pk])
    for reader in (alice, stella, dora, petra):
        client.force_login(reader)
        response = client.get(url)
        assert response.status_code == 200, reader
        assert sent.body.splitlines()[0] in response.content.decode()
        assert response["Cache-Control"] == "private, no-store"


def test_nobody_else_reads_it(client, sent, bob, charlie, olga, erin):
    url = reverse("core:letter", args=[sent.pk])
    # Bob is Alice's colleague at Aurora: he reads his own letter, not hers.
    for outsider in (bob, charlie, olga, erin):
        client.force_login(outsider)
        assert client.get(url).status_code == 404, outsider
    client.logout()
    assert client.get(url).status_code == 302


def test_each_person_lists_their_own_letters(client, sent, alice, bob):
    client.force_login(alice)
    page = client.get(reverse("core:my_letters")).content.decode()
    assert reverse("core:letter", args=[sent.pk]) in page
    bobs = Letter.objects.get(email="bob@aurora.example", template="decision_selected")
    assert reverse("core:letter", args=[bobs.pk]) not in page
    # ...and on the application's own page, the letters written to them about it.
    detail = client.get(reverse("applications:detail", args=[sent.object_id])).content.decode()
    assert reverse("core:letter", args=[sent.pk]) in detail
    assert reverse("core:letter", args=[bobs.pk]) not in detail


def test_staff_open_each_letter_from_the_application_s_page(client, sent, stella):
    client.force_login(stella)
    page = client.get(reverse("staff:application", args=[sent.object_id])).content.decode()
    assert reverse("core:letter", args=[sent.pk]) in page


def test_an_unsent_letter_tells_staff_why_and_not_its_recipient(client, sent, alice, stella):
    Letter.objects.filter(pk=sent.pk).update(sent_at=None, error="SMTPRecipientsRefused: mailbox full")
    url = reverse("core:letter", args=[sent.pk])
    client.force_login(stella)
    assert "mailbox full" in client.get(url).content.decode()
    client.force_login(alice)
    page = client.get(url).content.decode()
    assert "mailbox full" not in page

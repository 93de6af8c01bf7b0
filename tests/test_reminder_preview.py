"""Reminders of late reviews previewed before staff press "Remind", and kept in full afterwards
(issue 14, item 8): Stella (staff) reads the reminder Eva (an expert reading French) would get, then
the one sent; Eva reads hers; Olga (another programme's staff) and Alice (an applicant) read none.
The call and its experts are those of tests/reviews_assignment_fixtures.py."""

from __future__ import annotations

from django.core import mail
from django.urls import reverse

from lodestar.core.mail import letters_about
from lodestar.core.models import Letter
from lodestar.reviews.actions import reviewing as actions
from lodestar.reviews.models import Assignment

pytest_plugins = ["tests.reviews_assignment_fixtures"]


def test_staff_preview_the_reminder_then_read_the_one_sent(client, published_field, call, stella):
    eva = published_field.experts["eva"]
    eva.user.language = "fr"
    eva.user.save()
    preview_url = reverse("reviews:preview_remind", args=[call.slug, eva.pk])
    client.force_login(stella)
    progress = client.get(reverse("reviews:progress", args=[call.slug])).content.decode()
    assert preview_url in progress
    page = client.get(preview_url).content.decode()
    assert "L’équipe Lodestar" in page  # in Eva's language
    mine = Assignment.objects.filter(expert=eva, status=Assignment.Status.ACTIVE)
    assert all(a.application.reference in page for a in mine)
    assert not mail.outbox and not Letter.objects.exists()  # a preview sends nothing
    previewed = actions.preview_reminder(call, eva.pk, stella)

    client.post(reverse("reviews:remind_expert", args=[call.slug, eva.pk]))
    [message] = mail.outbox
    [kept] = letters_about(call).filter(template="review_reminder")
    assert kept.body == message.body and kept.email == eva.email and kept.sent_by == stella
    assert (kept.subject, kept.body) == (previewed.subject, previewed.body)  # exactly what was previewed
    # The preview page now lists the reminder sent, which opens in full.
    assert reverse("core:letter", args=[kept.pk]) in client.get(preview_url).content.decode()
    assert message.body.splitlines()[0] in client.get(reverse("core:letter", args=[kept.pk])).content.decode()


def test_the_expert_reads_its_reminder_and_outsiders_do_not(
    client, published_field, call, stella, olga, alice
):
    eva = published_field.experts["eva"]
    actions.check_remind_expert(call, eva.pk, stella)
    kept = Letter.objects.get(template="review_reminder")
    url = reverse("core:letter", args=[kept.pk])
    client.force_login(eva.user)
    assert client.get(url).status_code == 200
    assert url in client.get(reverse("core:my_letters")).content.decode()
    for outsider in (olga, alice):
        client.force_login(outsider)
        assert client.get(url).status_code == 404


def test_the_reminder_preview_is_for_the_programme_s_team(client, published_field, call, olga, alice):
    url = reverse("reviews:preview_remind", args=[call.slug, published_field.experts["eva"].pk])
    client.force_login(olga)
    assert client.get(url).status_code == 404
    client.force_login(alice)
    assert client.get(url).status_code == 403


def test_an_expert_with_nothing_left_has_nothing_to_preview(client, published_field, call, stella):
    hugo = published_field.experts["hugo"]
    for assignment in Assignment.objects.filter(expert=hugo, status=Assignment.Status.ACTIVE):
        actions.check_submit_review(
            assignment,
            hugo.user,
            actions.ReviewData(
                scores={"fit": 4, "feasibility": 4, "commercial": 4, "team": 4}, recommendation="yes"
            ),
        )
    client.force_login(stella)
    page = client.get(reverse("reviews:preview_remind", args=[call.slug, hugo.pk])).content.decode()
    assert "no review left to write" in page


def test_the_letter_announcing_the_assignments_is_kept_for_the_expert_and_the_team(
    client, published_field, call, stella
):
    from lodestar.reviews.actions.assignment import send_assignment_letters

    eva = published_field.experts["eva"]
    send_assignment_letters(call, [eva.pk])  # as the publication does once it commits
    kept = Letter.objects.get(template="review_assigned", email=eva.email)
    assert kept.about == call and kept.sent_at and kept.body.strip()
    for reader in (eva.user, stella):
        client.force_login(reader)
        assert client.get(reverse("core:letter", args=[kept.pk])).status_code == 200

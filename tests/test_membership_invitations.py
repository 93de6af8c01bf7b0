"""Membership by consent (issue 13, item 7): a member invites a person by e-mail address; the person
gets a letter in their language and becomes a member only by accepting. Until then they see nothing
of the organisation or its drafts.

Alice (French) owns Aurora, which has a draft; Charlie (English) runs Borealis and is the person
invited; Erin is someone else entirely (tests/conftest.py).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from lodestar.core.mail import letters_about
from lodestar.organisations import actions
from lodestar.organisations.models import Invitation, Membership
from lodestar.organisations.models import is_member as member_of
from tests.conftest import PASSWORD, make_user


@pytest.fixture(autouse=True)
def _english():
    translation.activate("en")
    yield
    translation.activate("en")


def invite(organisation, email, actor, capture, language="en") -> Invitation:
    with capture(execute=True):
        return actions.check_invite_member(organisation, email, actor, language)


def test_adding_a_person_on_the_page_only_invites_them(
    client, aurora, alice, charlie, django_capture_on_commit_callbacks
):
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("organisations:add_member", args=[aurora.pk]), {"email": charlie.email, "language": "en"}
        )
    assert response.status_code == 302
    assert not Membership.objects.filter(organisation=aurora, user=charlie).exists()
    assert Invitation.objects.get(organisation=aurora).email == charlie.email
    assert [m.to for m in mail.outbox] == [[charlie.email]]


def test_until_they_accept_they_see_nothing_of_the_organisation_or_its_drafts(
    client, aurora_draft, aurora, alice, charlie, django_capture_on_commit_callbacks
):
    invite(aurora, charlie.email, alice, django_capture_on_commit_callbacks)
    client.force_login(charlie)
    assert client.get(reverse("organisations:detail", args=[aurora.pk])).status_code == 404
    assert client.get(reverse("applications:detail", args=[aurora_draft.pk])).status_code == 404
    assert client.get(reverse("applications:edit", args=[aurora_draft.pk])).status_code == 404
    page = client.get(reverse("organisations:list")).content.decode()
    assert "Invitation to join Aurora Énergie SAS" in page  # the name, to decide on, and nothing else
    assert aurora_draft.title not in page


def test_accepting_makes_them_a_member_who_then_sees_the_drafts(
    client, aurora_draft, aurora, alice, charlie, django_capture_on_commit_callbacks
):
    invitation = invite(aurora, charlie.email, alice, django_capture_on_commit_callbacks)
    client.force_login(charlie)
    response = client.post(
        reverse("organisations:answer_invitation", args=[invitation.pk]), {"answer": "accept"}
    )
    assert response.status_code == 302
    assert member_of(aurora.pk, charlie)
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.ACCEPTED and invitation.answered_at is not None
    assert client.get(reverse("applications:detail", args=[aurora_draft.pk])).status_code == 200


def test_declining_leaves_them_outside(client, aurora, alice, charlie, django_capture_on_commit_callbacks):
    invitation = invite(aurora, charlie.email, alice, django_capture_on_commit_callbacks)
    client.force_login(charlie)
    client.post(reverse("organisations:answer_invitation", args=[invitation.pk]), {"answer": "decline"})
    assert not member_of(aurora.pk, charlie)
    assert Invitation.objects.get(pk=invitation.pk).status == Invitation.Status.DECLINED
    with pytest.raises(ValidationError, match="already been answered"):
        actions.check_answer_invitation(invitation, charlie, accept=True)


def test_nobody_else_can_answer_an_invitation(
    client, aurora, alice, charlie, erin, django_capture_on_commit_callbacks
):
    invitation = invite(aurora, charlie.email, alice, django_capture_on_commit_callbacks)
    client.force_login(erin)
    url = reverse("organisations:answer_invitation", args=[invitation.pk])
    assert client.post(url, {"answer": "accept"}).status_code == 404
    with pytest.raises(PermissionDenied):
        actions.check_answer_invitation(invitation, erin, accept=True)
    assert not member_of(aurora.pk, erin)
    assert Invitation.objects.get(pk=invitation.pk).status == Invitation.Status.PENDING


def test_the_letter_is_in_the_invitees_language_and_recorded(
    aurora, alice, django_capture_on_commit_callbacks
):
    claire = make_user("claire@brume.example", language="fr", name="Claire Dubois")
    invitation = invite(aurora, claire.email, alice, django_capture_on_commit_callbacks, language="en")
    (letter,) = mail.outbox
    assert "Invitation à rejoindre Aurora Énergie SAS" in letter.subject  # her account says French
    assert "/fr/organisations/" in letter.body
    (recorded,) = letters_about(invitation)
    assert (recorded.email, recorded.language, recorded.sent_by) == (claire.email, "fr", alice)


def test_an_address_without_an_account_is_asked_to_sign_up_in_the_chosen_language(
    client, aurora, alice, django_capture_on_commit_callbacks
):
    invite(aurora, "dana@newcomer.example", alice, django_capture_on_commit_callbacks, language="fr")
    (letter,) = mail.outbox
    assert "/fr/accounts/signup/" in letter.body and "dana@newcomer.example" in letter.body
    dana = make_user("dana@newcomer.example", name="Dana New")  # she signs up with that address
    client.force_login(dana)
    assert (
        "Invitation to join Aurora Énergie SAS" in client.get(reverse("organisations:list")).content.decode()
    )


def test_a_withdrawn_or_expired_invitation_cannot_be_accepted(
    aurora, alice, charlie, erin, django_capture_on_commit_callbacks
):
    invitation = invite(aurora, charlie.email, alice, django_capture_on_commit_callbacks)
    actions.check_revoke_invitation(invitation, alice)
    with pytest.raises(ValidationError, match="already been answered or withdrawn"):
        actions.check_answer_invitation(invitation, charlie, accept=True)
    late = invite(aurora, erin.email, alice, django_capture_on_commit_callbacks)
    Invitation.objects.filter(pk=late.pk).update(expires_at=timezone.now() - timedelta(days=1))
    with pytest.raises(ValidationError, match="expired"):
        actions.check_answer_invitation(late, erin, accept=True)
    assert not member_of(aurora.pk, charlie) and not member_of(aurora.pk, erin)


def test_inviting_again_sends_the_same_invitation_and_a_member_cannot_be_invited(
    aurora, alice, bob, charlie, django_capture_on_commit_callbacks
):
    first = invite(aurora, charlie.email, alice, django_capture_on_commit_callbacks)
    again = invite(aurora, charlie.email.upper(), alice, django_capture_on_commit_callbacks)
    assert again.pk == first.pk and Invitation.objects.count() == 1
    assert len(mail.outbox) == 2
    with pytest.raises(ValidationError, match="already a member"):
        actions.check_invite_member(aurora, bob.email, alice)


def test_only_members_invite_or_withdraw(aurora, alice, charlie, erin, django_capture_on_commit_callbacks):
    with pytest.raises(PermissionDenied):
        actions.check_invite_member(aurora, erin.email, charlie)
    invitation = invite(aurora, erin.email, alice, django_capture_on_commit_callbacks)
    with pytest.raises(PermissionDenied):
        actions.check_revoke_invitation(invitation, charlie)


def test_the_invitee_signs_in_and_accepts_from_the_page(
    client, aurora, alice, charlie, django_capture_on_commit_callbacks
):
    invite(aurora, charlie.email, alice, django_capture_on_commit_callbacks)
    assert client.login(email=charlie.email, password=PASSWORD)
    page = client.get(reverse("organisations:list")).content.decode()
    assert 'name="answer" value="accept"' in page

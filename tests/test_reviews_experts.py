"""Experts: invitation by e-mail, the expert's own profile, the staff list and detail pages.

Named people (tests/conftest.py): Stella is programme staff and invites experts; Erin holds the
expert role but has no expert profile; Alice and Charlie are applicants and Fred is on the fund
team: none of them reaches a staff page. Here Ivan is invited, and Olga is another expert.
"""

from __future__ import annotations

import re
import time
from unittest import mock
from urllib.parse import urlencode, urlsplit

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import TestCase
from django.urls import reverse
from django.utils import translation

from lodestar.core.models import AuditEvent, EdtArea
from lodestar.core.roles import Role
from lodestar.experts import actions as actions
from lodestar.experts.models import MAX_DOCUMENTS, Expert
from tests.conftest import make_user

INVITE = reverse("experts:invite")


def in_french(message: str) -> str:
    """The French of a message, as the invitee (invited in French) reads it on the page."""
    from django.utils.html import escape
    from django.utils.translation import gettext, override

    with override("fr"):
        return escape(gettext(message))


def invite(client, stella, **overrides):
    client.force_login(stella)
    data = {
        "email": "ivan@lab.example",
        "full_name": "Ivan Ivanov",
        "nation": "BG",
        "pool": "technical",
        "language": "fr",
        "message": "Nous serions ravis de vous compter parmi nos experts.",
        **overrides,
    }
    # The letter leaves when the transaction commits; run those callbacks inside the test's transaction.
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(INVITE, data)


def link_in(message) -> str:
    """The path of the invitation link in a letter."""
    match = re.search(r"https?://\S+/review/invitation/\S+/", message.body)
    assert match, message.body
    return urlsplit(match.group(0)).path


@pytest.fixture
def ivan(db):
    """Ivan received an invitation and signs up with an account of his own."""
    return make_user("ivan@home.example", Role.APPLICANT, name="Ivan Ivanov")


@pytest.fixture
def olga(db):
    """Olga is an expert with a profile of her own: she must not reach anyone else's."""
    user = make_user("olga@lab.example", Role.EXPERT, name="Olga Expert")
    return Expert.objects.create(
        user=user, full_name="Olga Expert", email="olga@lab.example", nation="NO", expertise="Radar."
    )


def test_staff_invite_an_expert_with_a_letter_in_the_invitees_language_holding_the_link(client, stella):
    response = invite(client, stella)
    expert = Expert.objects.get(email="ivan@lab.example")
    assert response.status_code == 302
    assert response["Location"] == reverse("experts:expert_detail", args=[expert.pk])
    assert (expert.full_name, expert.nation, expert.pool, expert.user) == (
        "Ivan Ivanov",
        "BG",
        "technical",
        None,
    )
    [letter] = mail.outbox
    assert letter.to == ["ivan@lab.example"]
    assert "Bonjour Ivan," in letter.body and "L’équipe Lodestar" in letter.body
    assert "Nous serions ravis" in letter.body
    assert link_in(letter).startswith("/fr/review/invitation/")
    assert AuditEvent.objects.filter(action="expert:invited", object_id=str(expert.pk)).exists()


def test_inviting_a_known_address_updates_that_expert_and_sends_a_new_link(client, stella):
    invite(client, stella)
    invite(client, stella, full_name="Ivan P. Ivanov", pool="business", language="en")
    expert = Expert.objects.get(email="ivan@lab.example")
    assert (expert.full_name, expert.pool) == ("Ivan P. Ivanov", "business")
    assert Expert.objects.count() == 1
    assert len(mail.outbox) == 2
    assert link_in(mail.outbox[1]).startswith("/en/review/invitation/")


def test_the_invitation_round_trip_signs_in_accepts_and_grants_the_expert_role(client, stella, ivan):
    invite(client, stella)
    link = link_in(mail.outbox[0])
    client.logout()
    page = client.get(link)
    assert page.status_code == 200
    content = page.content.decode()
    back = urlencode({"next": link})
    assert f"/fr/accounts/login/?{back}" in content and f"/fr/accounts/signup/?{back}" in content
    client.force_login(ivan)
    assert "Ivan Ivanov" in client.get(link).content.decode()
    response = client.post(link)
    assert response.status_code == 302
    assert response["Location"] == reverse("experts:profile")
    expert = Expert.objects.get(email="ivan@lab.example")
    ivan.refresh_from_db()
    assert expert.user == ivan
    assert ivan.has_role(Role.EXPERT)
    assert AuditEvent.objects.filter(action="expert:invitation_accepted", object_id=str(expert.pk)).exists()
    assert client.get(reverse("experts:profile")).status_code == 200


def test_a_new_person_signs_up_from_the_invitation_and_comes_back_to_accept_it(client, stella):
    invite(client, stella)
    link = link_in(mail.outbox[0])
    client.logout()
    page = client.get(link).content.decode()
    signup = re.search(r'href="([^"]*/accounts/signup/\?next=[^"]*)"', page).group(1).replace("&amp;", "&")
    password = "correct-horse-battery-staple"
    client.post(
        signup,
        {"email": "ivan@home.example", "password1": password, "password2": password, "full_name": "Ivan"},
    )
    # The address is verified first (settings: mandatory); the confirmation brings Ivan back.
    confirm = re.search(r"https?://\S+/confirm-email/\S+", mail.outbox[-1].body).group(0)
    response = client.post(urlsplit(confirm).path)
    assert response["Location"] == link
    client.post(link)
    expert = Expert.objects.get(email="ivan@lab.example")
    assert expert.user.email == "ivan@home.example"
    assert expert.user.has_role(Role.EXPERT)


def test_a_used_link_is_refused_and_the_expert_cannot_be_claimed_by_another_user(
    client, stella, ivan, charlie
):
    invite(client, stella)
    link = link_in(mail.outbox[0])
    client.force_login(ivan)
    client.post(link)
    client.force_login(charlie)
    page = client.get(link)
    assert page.status_code == 410
    assert (
        in_french("This invitation has already been accepted. Sign in to open your expert profile.")
        in page.content.decode()
    )
    response = client.post(link)
    assert response.status_code == 410
    assert Expert.objects.get(email="ivan@lab.example").user == ivan
    assert not charlie.has_role(Role.EXPERT)


def test_a_tampered_link_is_refused_with_a_clear_message(client, stella, ivan):
    invite(client, stella)
    link = link_in(mail.outbox[0])
    token = link.rstrip("/").rsplit("/", 1)[1]
    forged = link.replace(token, token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB"))
    client.force_login(ivan)
    page = client.post(forged)
    assert page.status_code == 400
    assert (
        in_french("This invitation link is not valid. Check that you copied it whole, or ask for a new one.")
        in page.content.decode()
    )
    assert Expert.objects.get(email="ivan@lab.example").user is None


def test_an_expired_link_is_refused(client, stella, ivan):
    invite(client, stella)
    expert = Expert.objects.get(email="ivan@lab.example")
    long_ago = time.time() - (actions.INVITATION_DAYS + 1) * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=long_ago):
        old_link = reverse("experts:invitation", args=[actions.invitation_token(expert)])
    client.force_login(ivan)
    page = client.post(old_link)
    assert page.status_code == 410
    assert "expired" in page.content.decode()
    with pytest.raises(ValidationError):
        actions.check_accept_invitation(old_link.rstrip("/").rsplit("/", 1)[1], ivan)
    assert Expert.objects.get(pk=expert.pk).user is None


def test_a_link_made_for_an_address_that_changed_since_is_refused(client, stella, ivan):
    invite(client, stella)
    link = link_in(mail.outbox[0])
    Expert.objects.filter(email="ivan@lab.example").update(email="ivan@other.example")
    client.force_login(ivan)
    assert client.post(link).status_code == 400


def test_an_account_already_linked_to_an_expert_cannot_accept_a_second_invitation(client, stella, olga):
    invite(client, stella)
    link = link_in(mail.outbox[0])
    client.force_login(olga.user)
    response = client.post(link, follow=True)
    assert (
        in_french("Your account is already linked to an expert profile; sign in with another account.")
        in response.content.decode()
    )
    assert Expert.objects.get(email="ivan@lab.example").user is None


def test_staff_cannot_invite_an_expert_who_already_has_an_account(client, stella, olga):
    response = invite(client, stella, email="olga@lab.example")
    assert response.status_code == 200
    assert "already accepted an invitation" in response.content.decode()
    assert not mail.outbox


def profile_post(expert: Expert, documents: int = 1, **overrides):
    data = {
        "expertise": "Passive radar, drone detection and sensor fusion.",
        "keywords": "radar, drones",
        "areas": [EdtArea.objects.get(code="autonomy").pk],
        "nation": "NO",
        "organisation_name": "Nordic Radar Lab",
        "max_load": "7",
        "available": "on",
        "review_languages": ["en", "fr"],
        "employment-TOTAL_FORMS": "2",
        "employment-INITIAL_FORMS": "0",
        "employment-0-organisation_name": "Nordic Radar Lab",
        "employment-0-start_year": "2019",
        "employment-1-organisation_name": "Kongsberg",
        "employment-1-start_year": "2012",
        "employment-1-end_year": "2019",
        "documents-TOTAL_FORMS": str(documents),
        "documents-INITIAL_FORMS": "0",
        **overrides,
    }
    for i in range(documents):
        data |= {
            f"documents-{i}-kind": "publication",
            f"documents-{i}-title": f"Passive radar paper {i}",
            f"documents-{i}-year": "2021",
            f"documents-{i}-authors": "Olga Expert; Per Hansen",
            f"documents-{i}-abstract": "Bistatic radar with broadcast transmitters.",
        }
    return data


def test_an_expert_edits_its_own_profile_with_employment_and_documents(client, olga):
    client.force_login(olga.user)
    url = reverse("experts:profile")
    assert client.get(url).status_code == 200
    response = client.post(url, profile_post(olga, documents=2))
    assert response.status_code == 302, response.content.decode()[:3000]
    olga.refresh_from_db()
    assert (olga.organisation_name, olga.max_load, olga.review_languages) == (
        "Nordic Radar Lab",
        7,
        ["en", "fr"],
    )
    assert [a.code for a in olga.areas.all()] == ["autonomy"]
    assert sorted(j.organisation_name for j in olga.employment.all()) == ["Kongsberg", "Nordic Radar Lab"]
    assert olga.documents.count() == 2
    assert AuditEvent.objects.filter(action="expert:profile_updated", object_id=str(olga.pk)).exists()


def test_a_twenty_first_document_is_refused_with_a_clear_message_and_nothing_changes(client, olga):
    client.force_login(olga.user)
    url = reverse("experts:profile")
    assert client.post(url, profile_post(olga, documents=MAX_DOCUMENTS)).status_code == 302
    response = client.post(url, profile_post(olga, documents=MAX_DOCUMENTS + 1, organisation_name="Changed"))
    assert response.status_code == 200
    assert "at most 20 publications or past projects" in response.content.decode()
    olga.refresh_from_db()
    assert olga.documents.count() == MAX_DOCUMENTS
    assert olga.organisation_name == "Nordic Radar Lab"


def test_the_action_refuses_more_than_twenty_documents_too(olga):
    documents = [actions.DocumentData(title=f"Paper {i}") for i in range(MAX_DOCUMENTS + 1)]
    with pytest.raises(ValidationError):
        actions.check_update_profile(olga, olga.user, {}, documents=documents)
    assert olga.documents.count() == 0


def test_at_least_one_review_language_is_needed(client, olga):
    client.force_login(olga.user)
    data = profile_post(olga)
    del data["review_languages"]
    response = client.post(reverse("experts:profile"), data)
    assert response.status_code == 200
    olga.refresh_from_db()
    assert olga.review_languages == ["en"]


def test_only_the_expert_edits_its_own_profile(client, olga, erin, ivan, stella):
    # Erin holds the expert role without a profile, Ivan is no expert: both get 404, not another's page.
    for user in (erin, ivan):
        client.force_login(user)
        assert client.get(reverse("experts:profile")).status_code == 404
    # Another expert's profile is not reachable by id: the staff edit page is staff only.
    client.force_login(erin)
    assert client.get(reverse("experts:expert_edit", args=[olga.pk])).status_code == 403
    with pytest.raises(PermissionDenied):
        actions.check_update_profile(olga, erin, {"max_load": 1})
    other = Expert.objects.create(full_name="Pat Other", email="pat@lab.example", nation="FR", expertise="x")
    client.force_login(olga.user)
    client.post(reverse("experts:profile"), profile_post(olga, organisation_name="Mine"))
    other.refresh_from_db()
    assert other.organisation_name == ""
    # Staff may edit any profile.
    client.force_login(stella)
    response = client.post(reverse("experts:expert_edit", args=[olga.pk]), profile_post(olga, max_load="3"))
    assert response.status_code == 302
    olga.refresh_from_db()
    assert olga.max_load == 3


@pytest.fixture
def panel(db):
    """Experts of several pools, nations and availabilities, with areas and documents."""
    ai = EdtArea.objects.get(code="ai")
    energy = EdtArea.objects.get(code="energy")
    made = []
    for i in range(12):
        expert = Expert.objects.create(
            full_name=f"Expert {i:02d}",
            email=f"expert{i}@lab.example",
            nation=["FR", "DE", "US"][i % 3],
            pool=["technical", "business"][i % 2],
            available=i % 4 != 0,
            keywords="hydrogen, batteries" if i % 3 == 0 else "drones",
            expertise="Energy." if i % 3 == 0 else "Drones.",
        )
        expert.areas.set([energy] if i % 3 == 0 else [ai, energy])
        expert.documents.create(title=f"Paper {i}")
        made.append(expert)
    return made


def test_the_expert_list_filters_by_pool_nation_availability_and_keyword(client, stella, panel):
    client.force_login(stella)
    url = reverse("experts:expert_list")

    def names(**params):
        page = client.get(url, params).context["page"]
        return {e.full_name for e in page}

    assert len(names()) == 12
    assert names(pool="business") == {f"Expert {i:02d}" for i in range(12) if i % 2}
    assert names(nation="de") == {f"Expert {i:02d}" for i in range(12) if i % 3 == 1}
    assert names(available="no") == {"Expert 00", "Expert 04", "Expert 08"}
    assert names(q="hydrogen") == {"Expert 00", "Expert 03", "Expert 06", "Expert 09"}
    assert names(q="Expert 07") == {"Expert 07"}


def test_the_expert_list_makes_the_same_number_of_queries_for_a_few_or_many_experts(
    client, stella, panel, django_assert_max_num_queries
):
    client.force_login(stella)
    url = reverse("experts:expert_list")
    client.get(url)
    with django_assert_max_num_queries(9):
        client.get(url)
    for i in range(40):
        Expert.objects.create(full_name=f"More {i}", email=f"more{i}@lab.example", nation="IT", expertise="x")
    with django_assert_max_num_queries(9):
        response = client.get(url)
    assert len(response.context["page"]) == 50


def test_the_expert_detail_page_shows_the_profile_and_its_history(client, stella, olga):
    actions.check_update_profile(
        olga,
        stella,
        {"organisation_name": "Nordic Radar Lab"},
        employment=[
            actions.EmploymentData("Nordic Radar Lab", 2019),
            actions.EmploymentData("Saab", 2010, 2019),
        ],
        documents=[actions.DocumentData("Bistatic radar", year=2021, authors="Olga Expert; Per Hansen")],
    )
    client.force_login(stella)
    content = client.get(reverse("experts:expert_detail", args=[olga.pk])).content.decode()
    assert "Nordic Radar Lab" in content and "olga@lab.example" in content
    assert "Saab (2010–2019)" in content and "Nordic Radar Lab (2019–today)" in content
    assert "Bistatic radar" in content
    assert "Expert profile updated" in content


def test_the_expert_pages_render_in_french(client, stella, olga):
    client.force_login(stella)
    with translation.override("fr"):
        urls = [
            reverse("experts:expert_list"),
            reverse("experts:expert_detail", args=[olga.pk]),
            reverse("experts:expert_edit", args=[olga.pk]),
            reverse("experts:invite"),
            reverse("experts:import"),
        ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200
        assert '<html lang="fr">' in response.content.decode()


STAFF_PAGES = [
    ("get", "experts:expert_list", []),
    ("get", "experts:invite", []),
    ("post", "experts:invite", []),
    ("get", "experts:import", []),
    ("post", "experts:import", []),
]


@pytest.mark.parametrize(("method", "name", "args"), STAFF_PAGES)
def test_applicants_experts_and_the_fund_team_get_403_on_staff_expert_pages(
    client, method, name, args, alice, erin, fred, olga
):
    for user in (alice, erin, fred, olga.user):
        client.force_login(user)
        assert getattr(client, method)(reverse(name, args=args)).status_code == 403
    client.logout()
    assert getattr(client, method)(reverse(name, args=args)).status_code == 302


def test_staff_detail_and_edit_pages_are_staff_only(client, alice, erin, fred, olga, dora):
    for name in ("experts:expert_detail", "experts:expert_edit"):
        for user in (alice, erin, fred, olga.user):
            client.force_login(user)
            assert client.get(reverse(name, args=[olga.pk])).status_code == 403
        client.force_login(dora)
        assert client.get(reverse(name, args=[olga.pk])).status_code == 200

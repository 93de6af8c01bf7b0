import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import identify_hasher
from django.core import mail
from django.urls import reverse

from lodestar.accounts.models import User
from lodestar.core.roles import Role
from tests.conftest import PASSWORD


def test_passwords_are_hashed_with_argon2(settings):
    from lodestar import settings as module  # the tests swap in a fast hasher; the real value:

    settings.PASSWORD_HASHERS = module.PASSWORD_HASHERS
    user = User(email="x@example.org")
    user.set_password("a-long-password")
    assert identify_hasher(user.password).algorithm == "argon2"
    assert user.check_password("a-long-password")


@pytest.mark.django_db
def test_sign_up_in_french_needs_a_verified_email_and_makes_an_applicant(client):
    response = client.post(
        "/fr/accounts/signup/",
        {
            "email": "Zoe@Example.org",
            "full_name": "Zoé Lambert",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="zoe@example.org")
    assert user.language == "fr" and user.full_name == "Zoé Lambert"
    assert user.has_role(Role.APPLICANT) and not user.is_programme_team
    assert not EmailAddress.objects.get(user=user).verified
    # Before verification, signing in sends the person to the verification page, not in.
    client.logout()
    response = client.post("/fr/accounts/login/", {"login": "zoe@example.org", "password": PASSWORD})
    assert "confirm-email" in response["Location"]
    assert "_auth_user_id" not in client.session
    # The letter is in French and carries the link.
    letter = mail.outbox[-1]
    assert "Lodestar" in letter.body and "testserver" not in letter.body.split("http")[0]
    link = re.search(r"https?://\S+/confirm-email/\S+/", letter.body).group(0)
    path = link.split("testserver", 1)[-1]
    client.post(path)
    assert EmailAddress.objects.get(user=user).verified


@pytest.mark.django_db
def test_failed_logins_are_limited(client, alice):
    for _ in range(5):
        client.post("/en/accounts/login/", {"login": alice.email, "password": "wrong-password"})
    response = client.post("/en/accounts/login/", {"login": alice.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 429)


@pytest.mark.django_db
def test_password_reset_sends_a_link(client, alice):
    client.post("/en/accounts/password/reset/", {"email": alice.email})
    assert mail.outbox and alice.email in mail.outbox[-1].to
    assert "/accounts/password/reset/key/" in mail.outbox[-1].body


@pytest.mark.django_db
def test_the_profile_sets_language_and_time_zone_and_times_follow_it(client, alice, call):
    client.force_login(alice)
    response = client.post(
        reverse("accounts:profile"),
        {"full_name": "Alice Martin", "language": "en", "time_zone": "America/Toronto"},
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert (alice.language, alice.time_zone) == ("en", "America/Toronto")
    page = client.get(reverse("calls:detail", args=[call.slug])).content.decode()
    assert "America/Toronto" in page

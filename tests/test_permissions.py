"""Who reaches what. Each row: a page, a person, the status they must get."""

import pytest
from django.urls import reverse

from lodestar.applications import actions
from lodestar.applications.models import Application
from tests.test_attachments import pdf


@pytest.fixture
def world(aurora_draft, alice, bob, charlie, borealis, stella, dora, erin, fred, call):
    attachment = actions.check_add_attachment(aurora_draft, alice, pdf())
    return {"application": aurora_draft, "attachment": attachment, "call": call}


def applicant_urls(world):
    a, att = world["application"], world["attachment"]
    return {
        "detail": ("get", reverse("applications:detail", args=[a.pk])),
        "edit": ("get", reverse("applications:edit", args=[a.pk])),
        "download": ("get", reverse("applications:download", args=[a.pk, att.pk])),
        "submit": ("post", reverse("applications:submit", args=[a.pk])),
        "withdraw": ("post", reverse("applications:withdraw", args=[a.pk])),
        "reopen": ("post", reverse("applications:reopen", args=[a.pk])),
        "upload": ("post", reverse("applications:upload", args=[a.pk])),
        "remove": ("post", reverse("applications:remove_attachment", args=[a.pk, att.pk])),
        "organisation": ("get", reverse("organisations:detail", args=[a.organisation_id])),
        "organisation_edit": ("get", reverse("organisations:edit", args=[a.organisation_id])),
        "add_member": ("post", reverse("organisations:add_member", args=[a.organisation_id])),
    }


def staff_urls(world):
    call, a = world["call"], world["application"]
    return {
        "calls": ("get", reverse("staff:calls")),
        "dashboard": ("get", reverse("staff:dashboard", args=[call.slug])),
        "list": ("get", reverse("staff:applications", args=[call.slug])),
        "csv": ("get", reverse("staff:export", args=[call.slug, "csv"])),
        "xlsx": ("get", reverse("staff:export", args=[call.slug, "xlsx"])),
        "application": ("get", reverse("staff:application", args=[a.pk])),
        "screen": ("post", reverse("staff:screen", args=[a.pk])),
    }


@pytest.mark.parametrize("person", ["charlie", "erin", "fred"])
def test_outsiders_get_404_on_every_page_of_another_companys_application(client, world, person, request):
    client.force_login(request.getfixturevalue(person))
    for name, (method, url) in applicant_urls(world).items():
        response = getattr(client, method)(
            url, {"email": "charlie@borealis.example"} if method == "post" else None
        )
        assert response.status_code == 404, (person, name, response.status_code)
    application = Application.objects.get(pk=world["application"].pk)
    assert application.status == "draft" and application.attachments.count() == 1
    assert not application.organisation.memberships.filter(user__email="charlie@borealis.example").exists()


@pytest.mark.parametrize("person", ["alice", "bob"])
def test_members_of_the_organisation_reach_its_pages(client, world, person, request):
    client.force_login(request.getfixturevalue(person))
    for name in ("detail", "edit", "download", "organisation", "organisation_edit"):
        method, url = applicant_urls(world)[name]
        assert client.get(url).status_code == 200, (person, name)


def test_anonymous_visitors_are_sent_to_sign_in_everywhere_but_public_pages(client, world):
    for urls in (applicant_urls(world), staff_urls(world)):
        for name, (method, url) in urls.items():
            response = getattr(client, method)(url)
            assert response.status_code == 302 and "/accounts/login/" in response["Location"], name
    call = world["call"]
    for url in (
        reverse("home"),
        reverse("calls:list"),
        reverse("calls:detail", args=[call.slug]),
        reverse("calls:challenge", args=[call.slug, "energy"]),
    ):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize(
    ("person", "expected"),
    [
        ("alice", 403),
        ("charlie", 403),
        ("erin", 403),
        ("fred", 403),
        ("stella", 200),
        ("dora", 200),
    ],
)
def test_staff_pages_are_for_the_programme_team_only(client, world, person, expected, request):
    client.force_login(request.getfixturevalue(person))
    for name, (method, url) in staff_urls(world).items():
        if method == "post":
            continue
        assert client.get(url).status_code == expected, (person, name)


def test_screening_by_post_is_refused_to_applicants(client, world, alice):
    actions.check_submit(world["application"], alice)
    client.force_login(alice)
    response = client.post(reverse("staff:screen", args=[world["application"].pk]), {"decision": "eligible"})
    assert response.status_code == 403
    assert Application.objects.get(pk=world["application"].pk).status == "submitted"


def test_forms_refuse_a_post_without_csrf_token(world, alice):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(alice)
    response = strict.post(reverse("applications:submit", args=[world["application"].pk]))
    assert response.status_code == 403
    assert Application.objects.get(pk=world["application"].pk).status == "draft"


def test_registering_a_company_never_redirects_to_another_site(client, db):
    from tests.conftest import make_user

    client.force_login(make_user("nadia@new.example"))
    data = {
        "legal_name": "Nouvelle SAS",
        "headquarters_nation": "FR",
        "kind": "startup",
        "year_founded": "2020",
        "employees": "3",
        "shares-TOTAL_FORMS": "0",
        "shares-INITIAL_FORMS": "0",
    }
    for evil in ("//evil.example/x", "/\\evil.example/x", "https://evil.example/"):
        response = client.post(f"/en/organisations/new/?next={evil}", {**data, "legal_name": f"Co {evil}"})
        assert response.status_code == 302 and "evil" not in response["Location"], evil


def test_adding_a_member_who_has_no_account_invites_the_address_and_adds_nobody(client, aurora, alice):
    client.force_login(alice)
    response = client.post(
        f"/en/organisations/{aurora.pk}/members/", {"email": "ghost@nowhere.example"}, follow=True
    )
    assert "An invitation has been sent to ghost@nowhere.example" in response.content.decode()
    assert aurora.memberships.count() == 1

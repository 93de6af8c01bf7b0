"""Conflicts of interest: detection as a job, the staff queue, decisions that survive a re-run,
declarations by experts and applicants, and the pairs the assignment must never make.

Named people (tests/conftest.py): Alice (Aurora Énergie, France) and Charlie (Borealis Sensing,
Norway) apply; Stella is staff and decides; Erin, Fred and the applicants get 403 on staff pages.
Here: Xavier works at Aurora (same organisation), Yasmin co-wrote a paper with Alice Martin, Zoe
has no tie with anyone; Zoe has a profile and an account, and is assigned Aurora's application.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from lodestar.applications import actions as application_actions
from lodestar.applications.actions import TeamMemberData, check_update_draft
from lodestar.core.models import AuditEvent, Job
from lodestar.core.roles import Role
from lodestar.experts import actions as expert_actions
from lodestar.experts.models import ConflictDeclaration, Expert
from lodestar.reviews.actions import conflicts as actions
from lodestar.reviews.models import Assignment, Conflict, ConflictRules
from lodestar.reviews.queries import blocking_pairs
from tests.conftest import complete_draft, make_user

KIND = Conflict.Kind
STATE = Conflict.State


@pytest.fixture
def aurora_app(alice, aurora, energy):
    application = complete_draft(alice, aurora, energy)
    application_actions.check_submit(application, alice)
    return application


@pytest.fixture
def borealis_app(charlie, borealis, sensing):
    application = complete_draft(
        charlie, borealis, sensing, title="Passive radar for small drones", summary="Passive radar."
    )
    check_update_draft(application, charlie, {}, team=[TeamMemberData(name="Charlie Hansen", role="CEO")])
    application_actions.check_submit(application, charlie)
    return application


@pytest.fixture
def xavier(db):
    """Xavier works at Aurora (written without accent or legal suffix): same organisation."""
    return Expert.objects.create(
        full_name="Xavier Roux",
        email="xavier@lab.example",
        nation="FR",
        organisation_name="Aurora Energie",
        expertise="Hydrogen storage.",
    )


@pytest.fixture
def yasmin(db):
    """Yasmin co-wrote a paper with Alice Martin, who is on Aurora's team: co-authorship."""
    expert = Expert.objects.create(
        full_name="Yasmin Haddad",
        email="yasmin@lab.example",
        nation="DE",
        organisation_name="TU Berlin",
        expertise="Electrochemistry.",
    )
    expert.documents.create(
        title="Metal hydrides at low pressure", authors="Yasmin Haddad; Alice Martin", year=2022
    )
    return expert


@pytest.fixture
def zoe(db):
    """Zoe has no tie with any applicant; she has an account and may be assigned."""
    user = make_user("zoe@lab.example", Role.EXPERT, name="Zoe Zimmer")
    return Expert.objects.create(
        user=user,
        full_name="Zoe Zimmer",
        email="zoe@lab.example",
        nation="NO",
        organisation_name="NTNU",
        expertise="Radar.",
    )


@pytest.fixture
def field(call, aurora_app, borealis_app, xavier, yasmin, zoe):
    return call


def run_detection(client, user, call):
    client.force_login(user)
    response = client.post(reverse("reviews:conflicts_run", args=[call.slug]))
    assert response.status_code == 302
    return Job.objects.filter(kind=actions.JOB_KIND).latest("id")


def pairs(call):
    return {
        (c.application_id, c.expert_id, c.kind, c.state)
        for c in Conflict.objects.filter(application__challenge__call=call)
    }


def test_detection_finds_a_same_organisation_and_a_co_authorship_conflict(
    client, stella, field, aurora_app, xavier, yasmin, zoe
):
    job = run_detection(client, stella, field)
    assert job.status == Job.Status.DONE, job.error
    assert job.result["applications"] == 2 and job.result["experts"] == 3
    assert pairs(field) == {
        (aurora_app.pk, xavier.pk, KIND.SAME_ORGANISATION, STATE.SUGGESTED),
        (aurora_app.pk, yasmin.pk, KIND.CO_AUTHORSHIP, STATE.SUGGESTED),
    }
    co = Conflict.objects.get(expert=yasmin)
    assert co.facts == {"document": "Metal hydrides at low pressure", "coauthor": "Alice Martin"}
    assert not ConflictRules.objects.filter(call=field).exists()  # a run reads the rules, never writes them
    page = client.get(reverse("reviews:conflicts", args=[field.slug]))
    content = page.content.decode()
    assert "Works at Aurora Énergie SAS" in content
    assert "Co-author of “Metal hydrides at low pressure” with Alice Martin" in content
    assert f'id="job-{job.pk}"' in content


def test_the_same_nation_rule_of_the_call_adds_conflicts_when_switched_on(
    client, stella, field, zoe, borealis_app
):
    ConflictRules.objects.create(call=field, same_nation=True)
    run_detection(client, stella, field)
    assert (borealis_app.pk, zoe.pk, KIND.SAME_NATION, STATE.SUGGESTED) in pairs(field)


def test_a_rerun_keeps_decisions_adds_new_findings_and_drops_undecided_ones_no_longer_found(
    client, stella, field, aurora_app, xavier, yasmin, zoe
):
    run_detection(client, stella, field)
    same_org = Conflict.objects.get(expert=xavier)
    co_author = Conflict.objects.get(expert=yasmin)
    actions.check_dismiss(co_author, stella, "The paper is a 300-author survey.")
    # The data changes: Xavier and Yasmin leave, Zoe joins Aurora.
    Expert.objects.filter(pk=xavier.pk).update(organisation_name="Elsewhere")
    yasmin.documents.all().delete()
    Expert.objects.filter(pk=zoe.pk).update(organisation_name="Aurora Énergie")
    run_detection(client, stella, field)
    assert pairs(field) == {
        (aurora_app.pk, yasmin.pk, KIND.CO_AUTHORSHIP, STATE.DISMISSED),  # decided: kept with its note
        (aurora_app.pk, zoe.pk, KIND.SAME_ORGANISATION, STATE.SUGGESTED),  # new
    }
    assert not Conflict.objects.filter(pk=same_org.pk).exists()  # undecided and no longer found
    # Confirmed and dismissed decisions both survive the data still showing them.
    zoe_conflict = Conflict.objects.get(expert=zoe)
    actions.check_confirm(zoe_conflict, stella)
    run_detection(client, stella, field)
    zoe_conflict.refresh_from_db()
    assert (zoe_conflict.state, zoe_conflict.decided_by) == (STATE.CONFIRMED, stella)
    assert Conflict.objects.get(expert=yasmin).note == "The paper is a 300-author survey."


def test_dismissing_needs_a_note_and_is_audited(client, stella, field, xavier):
    run_detection(client, stella, field)
    conflict = Conflict.objects.get(expert=xavier)
    url = reverse("reviews:conflict_dismiss", args=[field.slug, conflict.pk])
    response = client.post(url, {"note": "  "})
    assert response.status_code == 400
    assert "needs a note" in response.content.decode()
    conflict.refresh_from_db()
    assert conflict.state == STATE.SUGGESTED
    with pytest.raises(ValidationError):
        actions.check_dismiss(conflict, stella, "")
    response = client.post(url, {"note": "Xavier left Aurora in 2015.", "query": "state=suggested&evil=1"})
    assert response["Location"] == reverse("reviews:conflicts", args=[field.slug]) + "?state=suggested"
    conflict.refresh_from_db()
    assert (conflict.state, conflict.note, conflict.decided_by) == (
        STATE.DISMISSED,
        "Xavier left Aurora in 2015.",
        stella,
    )
    event = AuditEvent.objects.get(action="conflict:dismissed", object_id=str(conflict.pk))
    assert (event.actor, event.note, event.from_state, event.to_state) == (
        stella,
        "Xavier left Aurora in 2015.",
        "suggested",
        "dismissed",
    )


def test_staff_confirm_one_or_the_selected_conflicts(client, stella, field, xavier, yasmin):
    run_detection(client, stella, field)
    ids = list(Conflict.objects.values_list("pk", flat=True))
    url = reverse("reviews:conflicts_confirm", args=[field.slug])
    client.post(url, {"ids": ids})
    assert set(Conflict.objects.values_list("state", flat=True)) == {STATE.CONFIRMED}
    assert AuditEvent.objects.filter(action="conflict:confirmed").count() == 2
    response = client.post(url, {"ids": []}, follow=True)
    assert "Select at least one conflict" in response.content.decode()


def test_the_queue_filters_by_state_and_type(client, stella, field, xavier, yasmin):
    run_detection(client, stella, field)
    actions.check_confirm(Conflict.objects.get(expert=xavier), stella)
    url = reverse("reviews:conflicts", args=[field.slug])
    assert [c.expert for c in client.get(url, {"state": "confirmed"}).context["page"]] == [xavier]
    assert [c.expert for c in client.get(url, {"kind": "co_authorship"}).context["page"]] == [yasmin]
    assert [c.expert for c in client.get(url, {"q": "Yasmin"}).context["page"]] == [yasmin]


def test_the_queue_makes_the_same_number_of_queries_for_few_or_many_conflicts(
    client, stella, field, aurora_app, django_assert_max_num_queries
):
    run_detection(client, stella, field)
    url = reverse("reviews:conflicts", args=[field.slug])
    client.get(url)
    with django_assert_max_num_queries(11):
        client.get(url)
    for i in range(40):
        expert = Expert.objects.create(
            full_name=f"Aurora Person {i}",
            email=f"p{i}@aurora.example",
            nation="FR",
            organisation_name="Aurora Énergie SAS",
            expertise="x",
        )
        Conflict.objects.create(
            application=aurora_app,
            expert=expert,
            kind=KIND.SAME_ORGANISATION,
            evidence="e",
            facts={"organisation": "Aurora Énergie SAS"},
        )
    with django_assert_max_num_queries(11):
        response = client.get(url)
    assert len(response.context["page"]) == 42


def test_blocking_pairs_are_confirmed_and_undismissed_suggestions(
    client, stella, field, aurora_app, xavier, yasmin, zoe
):
    run_detection(client, stella, field)
    assert blocking_pairs(field) == {(aurora_app.pk, xavier.pk), (aurora_app.pk, yasmin.pk)}
    actions.check_dismiss(Conflict.objects.get(expert=yasmin), stella, "Survey with 300 authors.")
    actions.check_confirm(Conflict.objects.get(expert=xavier), stella)
    assert blocking_pairs(field) == {(aurora_app.pk, xavier.pk)}


@pytest.fixture
def zoe_assigned(aurora_app, zoe):
    return Assignment.objects.create(application=aurora_app, expert=zoe, status=Assignment.Status.ACTIVE)


def test_an_expert_declares_a_conflict_with_an_assigned_application_confirmed_at_once(
    client, field, aurora_app, zoe, zoe_assigned
):
    client.force_login(zoe.user)
    url = reverse("reviews:declare_assignment", args=[aurora_app.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"reason": "My brother works at Aurora."})
    assert response.status_code == 302
    conflict = Conflict.objects.get(application=aurora_app, expert=zoe)
    assert (conflict.kind, conflict.state, conflict.note, conflict.decided_by) == (
        KIND.DECLARED_BY_EXPERT,
        STATE.CONFIRMED,
        "My brother works at Aurora.",
        zoe.user,
    )
    assert (aurora_app.pk, zoe.pk) in blocking_pairs(field)
    assert AuditEvent.objects.filter(
        action="conflict:declared_by_expert", object_id=str(conflict.pk)
    ).exists()
    # The assignment stage took Zoe off the application, or recorded that staff must do it.
    still_active = Assignment.objects.filter(pk=zoe_assigned.pk, status=Assignment.Status.ACTIVE).exists()
    recorded = AuditEvent.objects.filter(
        action="conflict:reassignment_needed", object_id=str(aurora_app.pk)
    ).exists()
    assert recorded or not still_active
    # Staff cannot dismiss an expert's own declaration.
    with pytest.raises(ValidationError):
        actions.check_dismiss(conflict, make_user("s2@lodestar.example", Role.PROGRAMME_STAFF), "No.")


def test_an_expert_cannot_declare_about_an_application_not_assigned_to_it(
    client, field, aurora_app, borealis_app, zoe, zoe_assigned, erin
):
    client.force_login(zoe.user)
    assert client.get(reverse("reviews:declare_assignment", args=[borealis_app.pk])).status_code == 404
    Assignment.objects.filter(pk=zoe_assigned.pk).update(status=Assignment.Status.DECLINED)
    assert (
        client.post(reverse("reviews:declare_assignment", args=[aurora_app.pk]), {"reason": "x"}).status_code
        == 404
    )
    client.force_login(erin)  # the expert role without a profile
    assert client.get(reverse("reviews:declare_assignment", args=[aurora_app.pk])).status_code == 404
    assert not Conflict.objects.exists()


def test_an_expert_declares_ties_with_an_organisation_from_its_profile(
    client, stella, field, aurora_app, zoe
):
    client.force_login(zoe.user)
    response = client.post(
        reverse("experts:declare_organisation"), {"name": "AURORA ENERGIE", "reason": "Adviser"}
    )
    assert response.status_code == 302
    conflict = Conflict.objects.get(expert=zoe)
    assert (conflict.application, conflict.kind, conflict.state) == (
        aurora_app,
        KIND.DECLARED_BY_EXPERT,
        STATE.CONFIRMED,
    )
    assert ConflictDeclaration.objects.get(expert=zoe).name == "AURORA ENERGIE"
    assert "AURORA ENERGIE" in client.get(reverse("experts:profile")).content.decode()
    # Declaring it twice is refused; detection keeps reading the declaration.
    response = client.post(
        reverse("experts:declare_organisation"), {"name": "Aurora Énergie SAS"}, follow=True
    )
    assert "already declared ties" in response.content.decode()
    run_detection(client, stella, field)
    assert (aurora_app.pk, zoe.pk, KIND.DECLARED_BY_EXPERT, STATE.CONFIRMED) in pairs(field)


def test_detection_turns_an_earlier_declaration_into_a_confirmed_conflict_for_a_new_application(
    client, stella, call, zoe, alice, aurora, sensing
):
    expert_actions.check_declare_organisation(zoe, zoe.user, "Aurora Énergie")
    application = complete_draft(alice, aurora, sensing)
    application_actions.check_submit(application, alice)
    run_detection(client, stella, call)
    assert (application.pk, zoe.pk, KIND.DECLARED_BY_EXPERT, STATE.CONFIRMED) in pairs(call)


def test_an_applicant_names_reviewers_to_avoid_and_staff_see_suggestions(
    client, stella, alice, bob, field, aurora_app, zoe, xavier
):
    url = reverse("reviews:applicant_declarations", args=[aurora_app.pk])
    client.force_login(bob)  # Bob is on Aurora's team too
    assert client.get(url).status_code == 200
    response = client.post(url, {"names": "Zimmer, Zoe\nNTNU\nNobody Known", "reason": "Competitor"})
    assert response.status_code == 302
    assert list(
        ConflictDeclaration.objects.filter(application=aurora_app).values_list("name", flat=True)
    ) == [
        "Zimmer, Zoe",
        "NTNU",
        "Nobody Known",
    ]
    conflict = Conflict.objects.get(application=aurora_app, expert=zoe)
    assert (conflict.kind, conflict.state, conflict.facts) == (
        KIND.DECLARED_BY_APPLICANT,
        STATE.SUGGESTED,
        {"declared": "Zimmer, Zoe"},
    )
    page = client.get(url).content.decode()
    assert "Zoe Zimmer" not in page  # the applicant never learns which expert matched
    # Detection reads the names again and keeps the suggestion; staff decide.
    run_detection(client, stella, field)
    assert (aurora_app.pk, zoe.pk, KIND.DECLARED_BY_APPLICANT, STATE.SUGGESTED) in pairs(field)
    # Removing the names removes the undecided suggestion.
    client.force_login(alice)
    for declaration in ConflictDeclaration.objects.filter(application=aurora_app):
        client.post(reverse("reviews:applicant_declaration_remove", args=[aurora_app.pk, declaration.pk]))
    assert not Conflict.objects.filter(kind=KIND.DECLARED_BY_APPLICANT).exists()


def test_another_company_cannot_see_or_change_an_applications_declarations(
    client, charlie, aurora_app, alice
):
    declaration = actions.check_applicant_declare(aurora_app, alice, ["Someone"])[0]
    client.force_login(charlie)
    url = reverse("reviews:applicant_declarations", args=[aurora_app.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"names": "Evil"}).status_code == 404
    remove = reverse("reviews:applicant_declaration_remove", args=[aurora_app.pk, declaration.pk])
    assert client.post(remove).status_code == 404
    assert ConflictDeclaration.objects.filter(application=aurora_app).count() == 1


STAFF_PAGES = [
    ("get", "reviews:conflicts"),
    ("post", "reviews:conflicts_run"),
    ("post", "reviews:conflicts_confirm"),
]


@pytest.mark.parametrize(("method", "name"), STAFF_PAGES)
def test_applicants_experts_and_the_fund_team_get_403_on_the_conflict_queue(
    client, method, name, call, alice, erin, fred, zoe
):
    for user in (alice, erin, fred, zoe.user):
        client.force_login(user)
        assert getattr(client, method)(reverse(name, args=[call.slug])).status_code == 403
    assert not Job.objects.exists()


def test_dismissing_is_staff_only(client, field, aurora_app, xavier, alice, erin, fred):
    conflict = Conflict.objects.create(
        application=aurora_app, expert=xavier, kind=KIND.SAME_ORGANISATION, evidence="e"
    )
    url = reverse("reviews:conflict_dismiss", args=[field.slug, conflict.pk])
    for user in (alice, erin, fred):
        client.force_login(user)
        assert client.post(url, {"note": "not a conflict"}).status_code == 403
    conflict.refresh_from_db()
    assert conflict.state == STATE.SUGGESTED


def test_the_conflict_pages_render_in_french(
    client, stella, field, aurora_app, xavier, zoe, zoe_assigned, alice
):
    run_detection(client, stella, field)
    conflict = Conflict.objects.get(expert=xavier)
    with translation.override("fr"):
        staff_urls = [
            reverse("reviews:conflicts", args=[field.slug]),
            reverse("reviews:conflict_dismiss", args=[field.slug, conflict.pk]),
        ]
        expert_urls = [reverse("reviews:declare_assignment", args=[aurora_app.pk])]
        applicant_urls = [reverse("reviews:applicant_declarations", args=[aurora_app.pk])]
    for user, urls in ((stella, staff_urls), (zoe.user, expert_urls), (alice, applicant_urls)):
        client.force_login(user)
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            assert '<html lang="fr">' in response.content.decode()

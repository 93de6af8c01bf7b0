"""Roles held globally or for one programme: what each opens, and what it does not.

Paula is programme staff for the Defence Innovation Accelerator only (the `call` fixture's
programme); Victor directs the other programme only; Stella and Dora hold their roles globally, as
every role was held before roles could be scoped.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone

from lodestar.accounts.actions import do_grant_roles, do_revoke_role
from lodestar.accounts.models import RoleGrant
from lodestar.applications.models import Application
from lodestar.core.models import AuditEvent
from lodestar.core.roles import ANYWHERE, DIRECTORS, PROGRAMME_TEAM, Role, Scope, ScopeKind
from lodestar.programmes.actions import do_create_call
from lodestar.programmes.models import Call, Challenge
from lodestar.programmes.queries import team_calls
from lodestar.reviews.actions.assignment import check_run_assignment, check_update_assignment_rules
from lodestar.selection.actions import check_update_rules
from tests.conftest import complete_draft, make_user

pytest_plugins = ["tests.reviews_assignment_fixtures"]


@pytest.fixture
def other_call(other_programme):
    now = timezone.now()
    call = do_create_call(
        None,
        programme=other_programme,
        slug="fund-2026",
        title_en="2026 fund call",
        title_fr="Appel du fonds 2026",
        opens_at=now - timedelta(days=20),
        closes_at=now + timedelta(days=10),
        max_grant=Decimal(100_000),
    )
    Challenge.objects.create(
        call=call,
        slug="space",
        position=1,
        title_en="Space",
        title_fr="Espace",
        summary_en="s",
        summary_fr="s",
    )
    return call


@pytest.fixture
def paula(call):
    user = make_user("paula@lodestar.example", name="Paula Programme")
    do_grant_roles(user, Role.PROGRAMME_STAFF, scope=call.programme.role_scope)
    return user


@pytest.fixture
def victor(other_programme):
    user = make_user("victor@lodestar.example", name="Victor Director")
    do_grant_roles(user, Role.PROGRAMME_DIRECTOR, scope=other_programme.role_scope)
    return user


def call_pages(slug: str) -> list[str]:
    return [
        reverse("staff:dashboard", args=[slug]),
        reverse("staff:applications", args=[slug]),
        reverse("staff:export", args=[slug, "csv"]),
        reverse("matching:overview", args=[slug]),
        reverse("reviews:conflicts", args=[slug]),
        reverse("reviews:overview", args=[slug]),
        reverse("reviews:setup", args=[slug]),
        reverse("reviews:progress", args=[slug]),
        reverse("reviews:ranking", args=[slug]),
        reverse("selection:overview", args=[slug]),
    ]


def test_a_role_held_for_programme_a_does_not_open_programme_b_call_pages(client, call, other_call, paula):
    client.force_login(paula)
    for url in call_pages(call.slug):
        assert client.get(url).status_code == 200, url
    for url in call_pages(other_call.slug):
        assert client.get(url).status_code == 404, url  # as if the call did not exist


def test_the_staff_call_list_shows_only_the_calls_of_the_programmes_held(client, call, other_call, paula):
    client.force_login(paula)
    page = client.get(reverse("staff:calls")).content.decode()
    assert call.title_en in page and other_call.title_en not in page


def test_an_application_of_another_programme_is_not_found_by_its_number(
    client, call, other_call, paula, charlie, borealis
):
    theirs = complete_draft(charlie, borealis, other_call.challenges.get())
    client.force_login(paula)
    assert client.get(reverse("staff:application", args=[theirs.pk])).status_code == 404
    assert client.get(f"/api/applications/{theirs.pk}").status_code == 404
    assert not Application.objects.visible_to(paula).filter(pk=theirs.pk).exists()


def test_actions_refuse_a_team_member_of_another_programme(call, other_call, paula, victor):
    with pytest.raises(PermissionDenied):
        check_update_assignment_rules(other_call, paula, {})
    with pytest.raises(PermissionDenied):
        check_run_assignment(other_call, paula)
    with pytest.raises(PermissionDenied):
        check_update_rules(call, victor, {}, {})  # Victor directs the other programme, not this one
    check_update_assignment_rules(call, paula, {"experts_per_application": 2})  # her own programme: allowed


def test_a_director_of_one_programme_decides_there_and_nowhere_else(client, call, other_call, victor):
    client.force_login(victor)
    assert client.get(reverse("selection:rules", args=[other_call.slug])).status_code == 200
    assert client.get(reverse("selection:rules", args=[call.slug])).status_code == 404


def test_has_role_asks_where(call, other_call, paula, stella):
    here, there = call.role_scope, other_call.role_scope
    assert paula.has_role(Role.PROGRAMME_STAFF, scope=call) and paula.has_role(*PROGRAMME_TEAM, scope=here)
    assert not paula.has_role(*PROGRAMME_TEAM, scope=there)
    assert not paula.has_role(*PROGRAMME_TEAM)  # not held globally
    assert paula.has_role(*PROGRAMME_TEAM, scope=ANYWHERE) and paula.is_programme_team
    assert not paula.has_role(*DIRECTORS, scope=here)
    # A global grant behaves exactly as the group membership it replaced: everywhere.
    assert stella.has_role(Role.PROGRAMME_STAFF) and stella.has_role(Role.PROGRAMME_STAFF, scope=there)
    assert stella.grants_held == {(Role.PROGRAMME_STAFF, "", "")}


def test_the_calls_held_are_one_filter_with_no_query_per_call(
    call, other_call, paula, dora, django_assert_num_queries
):
    paula.grants_held  # noqa: B018  # read once per request, as the permission gate does
    with django_assert_num_queries(1):
        assert list(team_calls(paula)) == [call]
    assert set(team_calls(dora, DIRECTORS)) == {call, other_call}
    assert list(Call.objects.for_role(paula, DIRECTORS)) == []


def test_a_role_is_held_only_for_what_it_can_be_held_for(alice, other_programme):
    grant = RoleGrant(user=alice, role=Role.APPLICANT, scope_kind=ScopeKind.PROGRAMME, scope_key="1")
    with pytest.raises(ValidationError):
        grant.full_clean()
    half = RoleGrant(user=alice, role=Role.PROGRAMME_STAFF, scope_kind=ScopeKind.PROGRAMME, scope_key="")
    with pytest.raises(ValidationError):
        half.full_clean()
    RoleGrant(user=alice, role=Role.FUND_TEAM, scope_kind=ScopeKind.FUND, scope_key="1").full_clean()


def test_granting_and_revoking_is_recorded_and_seen_at_once(stella, other_programme, dora):
    scope = Scope.of(ScopeKind.PROGRAMME, other_programme.pk)
    do_grant_roles(stella, Role.PROGRAMME_DIRECTOR, scope=scope, actor=dora)
    assert stella.has_role(*DIRECTORS, scope=scope)
    do_revoke_role(stella, Role.PROGRAMME_DIRECTOR, scope=scope, actor=dora)
    assert not stella.has_role(*DIRECTORS, scope=scope)
    actions = list(
        AuditEvent.objects.filter(object_id=str(stella.pk), actor=dora).values_list("action", flat=True)
    )
    assert sorted(actions) == ["accounts:role_granted", "accounts:role_revoked"]


def test_an_administrator_grants_and_revokes_roles_in_the_admin_through_the_actions(client, paula, call):
    admin = make_user("root@lodestar.example", name="Root")
    admin.is_staff = admin.is_superuser = True
    admin.save()
    client.force_login(admin)
    grant = paula.role_grants.get()
    url = reverse("admin:accounts_user_change", args=[paula.pk])
    form = {
        "email": paula.email,
        "full_name": paula.full_name,
        "language": "en",
        "time_zone": "Europe/Brussels",
        "is_active": "on",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "00:00:00",
        "role_grants-TOTAL_FORMS": "2",
        "role_grants-INITIAL_FORMS": "1",
        "role_grants-0-id": str(grant.pk),
        "role_grants-0-user": str(paula.pk),
        "role_grants-0-role": grant.role,
        "role_grants-0-scope_kind": grant.scope_kind,
        "role_grants-0-scope_key": grant.scope_key,
        "role_grants-0-DELETE": "on",
        "role_grants-1-user": str(paula.pk),
        "role_grants-1-role": Role.EXPERT,
        "role_grants-1-scope_kind": "",
        "role_grants-1-scope_key": "",
    }
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert set(paula.role_grants.values_list("role", "scope_kind")) == {(Role.EXPERT, "")}
    recorded = AuditEvent.objects.filter(object_id=str(paula.pk), actor=admin).values_list(
        "action", flat=True
    )
    assert sorted(recorded) == ["accounts:role_granted", "accounts:role_revoked"]


def test_the_profile_says_what_a_role_is_held_for(client, paula, call):
    client.force_login(paula)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert f"Programme staff (Programme {call.programme_id})" in page


@pytest.mark.django_db(transaction=True)
def test_members_of_the_old_role_groups_hold_the_same_roles_globally_after_migrating():
    """A database made before scoped roles (roles as Django groups) keeps every role."""
    before, after = [("accounts", "0004_rolegrant")], [("accounts", "0005_role_groups_to_grants")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    OldUser, OldGroup = old.get_model("accounts", "User"), old.get_model("auth", "Group")
    director = OldUser.objects.create(email="d@example.org", password="-")
    staff = OldUser.objects.create(email="s@example.org", password="-")
    for user, name in ((director, "programme_director"), (staff, "programme_staff"), (staff, "expert")):
        user.groups.add(OldGroup.objects.get_or_create(name=name)[0])
    staff.groups.add(OldGroup.objects.create(name="editors"))  # not a role: left alone

    executor = MigrationExecutor(connection)
    executor.migrate(after)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    held = set(RoleGrant.objects.values_list("user__email", "role", "scope_kind", "scope_key"))
    assert held == {
        ("d@example.org", "programme_director", "", ""),
        ("s@example.org", "programme_staff", "", ""),
        ("s@example.org", "expert", "", ""),
    }
    assert list(Group.objects.values_list("name", flat=True)) == ["editors"]


def test_a_director_of_the_calls_programme_runs_and_confirms_its_selection(
    call, energy, sensing, alice, aurora, charlie, borealis, victor, django_capture_on_commit_callbacks
):
    """The workflow's moves (every application selected or not, the run confirmed) are checked in the
    call's programme too: Petra passes, Victor (another programme) is refused and changes nothing."""
    from lodestar.applications import workflow as wf
    from lodestar.selection.actions import check_confirm_selection, check_run_selection
    from tests.reviews_selection_fixtures import build_cohort

    cohort = build_cohort(call, energy, sensing, alice, aurora, charlie, borealis)
    petra = make_user("petra2@lodestar.example", name="Petra Programme")
    do_grant_roles(petra, Role.PROGRAMME_DIRECTOR, scope=call.programme.role_scope)
    with pytest.raises(PermissionDenied):
        check_run_selection(call, victor)
    selection = check_run_selection(call, petra)
    with pytest.raises(PermissionDenied):
        check_confirm_selection(selection, victor)
    assert not Application.objects.filter(challenge__call=call, status=wf.SELECTED).exists()
    with django_capture_on_commit_callbacks(execute=False):
        check_confirm_selection(selection, petra)
    assert Application.objects.filter(challenge__call=call, status=wf.SELECTED).count() == len(
        [a for a in cohort.apps.values() if selection.entries.get(application=a).chosen]
    )


def test_staff_of_the_calls_programme_run_and_publish_its_assignment(review_field, call, paula, victor):
    """Publishing moves every application and assignment through the workflow, each checked in the
    call's programme: Paula's own programme, so all move."""
    from lodestar.reviews.actions.assignment import check_publish_assignment
    from lodestar.reviews.models import Assignment

    job = check_run_assignment(call, paula)
    assert job.result["feasible"], job.result
    with pytest.raises(PermissionDenied):
        check_publish_assignment(call, victor)
    assert check_publish_assignment(call, paula) == len(review_field.applications)
    assert not Assignment.objects.filter(status=Assignment.Status.PROPOSED).exists()

"""Cohorts: formed from a confirmed selection, the board (who is late, what is due this week), the
timeline, readiness readings and mentors who pass the conflict checks. The people are in
tests/cohort_fixtures.py."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from lodestar.accelerator import workflow as wf
from lodestar.accelerator.actions import cohorts as actions
from lodestar.accelerator.models import Allowance, Cohort, TrlReading
from lodestar.accelerator.queries import cohorts as queries
from lodestar.core.workflow import history, transition
from lodestar.grants import actions as grant_actions
from lodestar.grants import workflow as gwf
from lodestar.selection.models import Selection

pytest_plugins = ["tests.cohort_fixtures"]


def test_a_cohort_is_formed_from_a_confirmed_selection_and_started_through_its_workflow(
    cohort, arne, selected
):
    assert cohort.status == wf.CohortStatus.RUNNING
    assert {c.application_id for c in cohort.companies.all()} == {a.pk for a in selected}
    event = history(cohort).get()
    assert (event.actor, event.from_state, event.to_state) == (arne, "forming", "running")
    # The declared readiness is the first reading; each company gets a test-day allowance for the year.
    assert TrlReading.objects.filter(company__cohort=cohort).count() == 2
    assert (
        Allowance.objects.filter(
            organisation__in=[a.organisation_id for a in selected], year=cohort.starts_on.year
        ).count()
        == 2
    )


def test_a_proposed_selection_forms_no_cohort(call, dora, selected, arne):
    selection = Selection.objects.create(call=call, rules={}, created_by=dora)
    with pytest.raises(ValidationError, match="confirmed"):
        actions.check_form_cohort(selection, arne)
    assert not Cohort.objects.exists()


def test_a_call_has_one_cohort(cohort, selection, arne):
    with pytest.raises(ValidationError, match="already"):
        actions.check_form_cohort(selection, arne)
    assert Cohort.objects.count() == 1


def test_an_applicant_cannot_form_a_cohort(selection, alice):
    with pytest.raises(PermissionDenied):
        actions.check_form_cohort(selection, alice)
    assert not Cohort.objects.exists()


def test_staff_of_another_programme_cannot_form_it(selection, olga):
    with pytest.raises(PermissionDenied):
        actions.check_form_cohort(selection, olga)


def test_the_board_shows_who_is_late_and_what_is_due_this_week(cohort, selected, dora, arne):
    today = timezone.localdate()
    # Aurora's award started five weeks ago: its first milestone (one month in) is late.
    late_award = grant_actions.check_make_award(selected[0], dora, starts_on=today - timedelta(weeks=5))
    # Borealis' started 28 days ago: its first milestone falls due within the week.
    soon_award = grant_actions.check_make_award(selected[1], dora, starts_on=today - timedelta(days=28))
    board = queries.board(cohort, today)
    rows = {r.company.organisation_id: r for r in board.rows}
    late = rows[late_award.application.organisation_id]
    soon = rows[soon_award.application.organisation_id]
    assert [m.number for m in late.late] == [1] and late.due_soon == []
    assert soon.late == [] and [m.number for m in soon.due_soon] == [1]
    assert [r.company.organisation_id for r in board.late] == [late_award.application.organisation_id]


def test_an_accepted_milestone_is_neither_late_nor_due(cohort, selected, dora, alice, stella):
    today = timezone.localdate()
    award = grant_actions.check_make_award(selected[0], dora, starts_on=today - timedelta(weeks=5))
    milestone = award.milestones.get(number=1)
    transition(milestone, gwf.SUBMITTED, alice)
    transition(milestone, gwf.ACCEPTED, stella)
    row = next(r for r in queries.board(cohort, today).rows if r.award == award)
    assert row.late == [] and row.accepted == 1


def test_the_board_page_reads_at_most_20_queries(client, cohort, arne, django_assert_max_num_queries):
    """Pinned here for a small cohort; bench/cohort_board.py measures it with 74 companies."""
    client.force_login(arne)
    url = reverse("accelerator:cohort", args=[cohort.pk])
    assert client.get(url).status_code == 200
    with django_assert_max_num_queries(20):
        response = client.get(url)
    assert response.status_code == 200
    assert "Aurora" in response.content.decode()


def test_the_board_page_is_in_french_for_a_french_reader(client, cohort, arne):
    client.force_login(arne)
    with translation.override("fr"):
        url = reverse("accelerator:cohort", args=[cohort.pk])
    page = client.get(url).content.decode()
    assert url.startswith("/fr/")
    assert "Chronologie des phases et des jalons" in page


def test_a_cohort_outside_one_s_programme_is_a_404(client, cohort, olga):
    client.force_login(olga)
    assert client.get(reverse("accelerator:cohort", args=[cohort.pk])).status_code == 404


def test_a_company_sees_its_own_place_and_not_another_s(client, cohort, alice, aurora, borealis):
    client.force_login(alice)
    mine = cohort.companies.get(organisation=aurora)
    theirs = cohort.companies.get(organisation=borealis)
    assert client.get(reverse("accelerator:cohort_company", args=[cohort.pk, mine.pk])).status_code == 200
    assert client.get(reverse("accelerator:cohort_company", args=[cohort.pk, theirs.pk])).status_code == 404


def test_readiness_is_recorded_over_time_and_never_in_the_future(cohort, arne, aurora):
    place = cohort.companies.get(organisation=aurora)
    actions.check_record_trl(place, arne, 6, timezone.localdate(), "Field trial at the sea range")
    declared = place.application.trl
    assert list(place.trl_readings.values_list("trl", flat=True)) == [declared, 6]
    with pytest.raises(ValidationError, match="future"):
        actions.check_record_trl(place, arne, 7, timezone.localdate() + timedelta(days=1))
    with pytest.raises(ValidationError, match="1 to 9"):
        actions.check_record_trl(place, arne, 10, timezone.localdate())


def test_a_company_records_its_own_readiness_and_not_another_s(cohort, alice, charlie, aurora, borealis):
    place = cohort.companies.get(organisation=aurora)
    reading = actions.check_record_trl(place, alice, 7, timezone.localdate(), "Bench test passed")
    assert reading.recorded_by == alice
    assert list(place.trl_readings.values_list("trl", flat=True)) == [place.application.trl, 7]
    with pytest.raises(PermissionDenied):
        actions.check_record_trl(place, charlie, 9, timezone.localdate())  # Borealis's member
    with pytest.raises(PermissionDenied):
        actions.check_record_trl(cohort.companies.get(organisation=borealis), alice, 9, timezone.localdate())
    assert place.trl_readings.count() == 2
    event = history(place).get(action="cohort:trl")
    assert event.actor == alice


def test_a_company_records_readiness_through_its_page_and_staff_see_who(client, cohort, alice, arne, aurora):
    place = cohort.companies.get(organisation=aurora)
    url = reverse("accelerator:cohort_company", args=[cohort.pk, place.pk])
    client.force_login(alice)
    page = client.get(url).content.decode()
    assert reverse("accelerator:record_trl", args=[cohort.pk, place.pk]) in page
    response = client.post(
        reverse("accelerator:record_trl", args=[cohort.pk, place.pk]),
        {"trl": 6, "measured_on": timezone.localdate().isoformat(), "note": "Chamber test"},
    )
    assert response.status_code == 302
    # A second reading keeps the first one: the list is the history.
    client.post(
        reverse("accelerator:record_trl", args=[cohort.pk, place.pk]),
        {"trl": 7, "measured_on": timezone.localdate().isoformat(), "note": "Sea trial"},
    )
    assert list(place.trl_readings.order_by("pk").values_list("trl", "recorded_by"))[-2:] == [
        (6, alice.pk),
        (7, alice.pk),
    ]
    # Bad input is a message, not a saved reading nor an error page.
    client.post(reverse("accelerator:record_trl", args=[cohort.pk, place.pk]), {"trl": 12, "measured_on": ""})
    assert place.trl_readings.count() == 3
    page = client.get(url).content.decode()
    who = alice.full_name or alice.email
    assert "recorded by the company" in page
    assert who not in page.split('class="trl-readings"')[1].split("</ul>")[0]  # the company sees no names
    client.force_login(arne)
    page = client.get(url).content.decode()
    readings = page.split('class="trl-readings"')[1].split("</ul>")[0]
    assert readings.count("recorded by the company") == 2
    assert who in readings and "recorded by the programme team" in readings


def test_a_mentor_with_a_conflict_is_refused_with_the_evidence(cohort, arne, aurora, kurt, marta):
    place = cohort.companies.get(organisation=aurora)
    with pytest.raises(ValidationError, match="Aurora"):
        actions.check_assign_mentor(place, kurt, arne)
    mentoring = actions.check_assign_mentor(place, marta, arne, "Energy storage certification")
    assert mentoring.expert == marta
    candidates = dict(actions.candidate_mentors(place))
    assert kurt in candidates and candidates[kurt]  # shown, with why not


def test_a_closed_cohort_takes_no_more_readings(cohort, arne, aurora):
    actions.check_close_cohort(cohort, arne)
    place = cohort.companies.get(organisation=aurora)
    with pytest.raises(ValidationError, match="closed"):
        actions.check_record_trl(place, arne, 6, timezone.localdate())


def test_results_are_shared_with_end_users_only_when_the_company_says_so(cohort, alice, charlie, aurora):
    place = cohort.companies.get(organisation=aurora)
    result = actions.check_write_result(
        place, alice, title="Sea trial", summary="72 h endurance at sea state 4.", language="en"
    )
    assert not result.shared
    with pytest.raises(PermissionDenied):
        actions.check_share_result(result, charlie, True)
    actions.check_share_result(result, alice, True)
    result.refresh_from_db()
    assert result.shared


def test_the_lead_time_target_is_the_programme_s_and_defaults_to_60_to_90_days(cohort, stella, alice):
    programme = cohort.call.programme
    assert (queries.board(cohort, timezone.localdate()).target.min_days, 90) == (60, 90)
    actions.check_set_target(programme, stella, 45, 75)
    assert queries.board(cohort, timezone.localdate()).target.max_days == 75
    with pytest.raises(ValidationError):
        actions.check_set_target(programme, stella, 80, 70)
    with pytest.raises(PermissionDenied):
        actions.check_set_target(programme, alice, 10, 20)


def test_every_late_report_is_counted(cohort, selected, dora):
    """Two six-monthly reports overdue are two, whatever the reports' default ordering."""
    today = timezone.localdate()
    award = grant_actions.check_make_award(
        selected[0], dora, starts_on=today - timedelta(days=400), months=12
    )
    row = next(r for r in queries.board(cohort, today).rows if r.award == award)
    assert row.late_reports == 2


def test_suggestions_explain_themselves_and_skip_conflicted_mentors(cohort, aurora, kurt, marta, settings):
    from lodestar.accelerator.engine_adapter import suggest
    from lodestar.accelerator.models import Capability, Centre, CentreKind
    from lodestar.core.models import EdtArea

    place = cohort.companies.get(organisation=aurora)
    words = place.application.title  # the project's own words, in a centre's and the experts' texts
    operator = aurora  # any organisation will do as the operator here
    centre = Centre.objects.create(
        kind=CentreKind.TEST_CENTRE,
        slug="hydrogen-lab",
        name="Hydrogen lab",
        nation="FR",
        city="Lyon",
        operator=operator,
        description_en=f"Test benches for {words}.",
        description_fr="Bancs d'essai.",
    )
    Capability.objects.create(
        centre=centre,
        area=EdtArea.objects.get_or_create(
            code="energy", defaults={"name_en": "Energy", "name_fr": "Énergie"}
        )[0],
        name_en="Storage bench",
        name_fr="Banc de stockage",
        description_en=words,
    )
    for expert in (kurt, marta):
        expert.expertise = f"{words}; field trials."
        expert.save()
    found = suggest([place])
    assert [s.slug for s in found.centres[place.pk]] == ["hydrogen-lab"]
    assert found.centres[place.pk][0].terms  # the shared words are the evidence
    assert [s.pk for s in found.mentors[place.pk]] == [marta.pk]  # Kurt works at Aurora
    settings.ACCELERATOR_SUGGESTIONS = False
    assert suggest([place]).centres == {}

"""Cohorts: forming one from a confirmed selection, closing it, readiness readings, mentors, the
results a company shares, and the programme's adoption lead-time target.

Every action checks who acts on which cohort (`access.runs_cohort`) and changes state in one
transaction; status changes go through core.workflow.transition().
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lodestar.accelerator import workflow as wf
from lodestar.accelerator.access import runs_cohort
from lodestar.accelerator.engine_adapter import mentor_conflicts
from lodestar.accelerator.models import (
    AdoptionTarget,
    Allowance,
    Cohort,
    CohortCompany,
    Mentoring,
    SharedResult,
    TrlReading,
)
from lodestar.applications import workflow as app_wf
from lodestar.applications.models import Application
from lodestar.core.permissions import may_act
from lodestar.core.roles import ACCELERATOR_TEAM, PROGRAMME_TEAM
from lodestar.core.workflow import ACTION_LABELS, record, transition
from lodestar.experts.models import Expert
from lodestar.grants.actions import add_months
from lodestar.programmes.models import Programme
from lodestar.selection.models import Selection

ACTION_LABELS["cohort:trl"] = gettext_lazy("Readiness level recorded")
ACTION_LABELS["cohort:mentor"] = gettext_lazy("Mentor assigned")
ACTION_LABELS["cohort:mentor_removed"] = gettext_lazy("Mentor removed")
ACTION_LABELS["cohort:target"] = gettext_lazy("Adoption lead-time target changed")

# Phase 1 lasts six months; each company may book this many test days in the cohort's year.
COHORT_MONTHS = 6
DEFAULT_TEST_DAYS = 10
MAX_MENTORS = 3


def may_form_cohort(actor: Any, selection: Selection) -> bool:
    """Accelerator staff (for every cohort) or the team of the selection's programme."""
    return may_act(actor, ACCELERATOR_TEAM, None) or may_act(actor, PROGRAMME_TEAM, selection.call)


def check_form_cohort(
    selection: Selection,
    actor: Any,
    *,
    starts_on: date | None = None,
    months: int = COHORT_MONTHS,
    test_days: int = DEFAULT_TEST_DAYS,
) -> Cohort:
    """Form the cohort of a confirmed selection: one place per selected application, a first
    readiness reading (the level each application declared), a test-day allowance for the cohort's
    year where the company has none, then start it (through the cohort's workflow). Refused for a
    selection not confirmed, or whose call has a cohort already."""
    if not may_form_cohort(actor, selection):
        raise PermissionDenied(_("Only accelerator staff or the programme team may form a cohort."))
    if not 1 <= months <= 36:
        raise ValidationError(_("A cohort runs from one to 36 months."))
    starts_on = starts_on or timezone.localdate()
    with transaction.atomic():
        selection = Selection.objects.select_for_update().select_related("call").get(pk=selection.pk)
        if selection.status != Selection.Status.CONFIRMED:
            raise ValidationError(_("A cohort is formed from a confirmed selection only."))
        if Cohort.objects.filter(call=selection.call).exists():
            raise ValidationError(_("This call has its cohort already."))
        if Cohort.objects.filter(phase_two_call=selection.call).exists():
            raise ValidationError(_("A Phase 2 selection is applied to its cohort; it forms no new one."))
        applications = list(
            Application.objects.filter(
                selection_entries__selection=selection,
                selection_entries__chosen=True,
                status=app_wf.SELECTED,
            )
            .select_related("organisation")
            .order_by("pk")
        )
        if not applications:
            raise ValidationError(_("This selection chose no application that is still selected."))
        call = selection.call
        year = starts_on.year
        try:
            with transaction.atomic():
                cohort = Cohort.objects.create(
                    call=call,
                    selection=selection,
                    name_en=f"Cohort {year} · {call.title_en}",
                    name_fr=f"Cohorte {year} · {call.title_fr}",
                    starts_on=starts_on,
                    ends_on=add_months(starts_on, months),
                    created_by=actor,
                )
        except IntegrityError as exc:  # a second request formed it in the meantime
            raise ValidationError(_("This call has its cohort already.")) from exc
        companies = CohortCompany.objects.bulk_create(
            CohortCompany(cohort=cohort, application=a, organisation=a.organisation) for a in applications
        )
        TrlReading.objects.bulk_create(
            TrlReading(
                company=c,
                trl=a.trl,
                measured_on=starts_on,
                note=_("Declared in the application"),
                recorded_by=actor,
            )
            for c, a in zip(companies, applications, strict=True)
            if a.trl
        )
        have = set(
            Allowance.objects.filter(
                organisation__in=[a.organisation_id for a in applications], year=year
            ).values_list("organisation_id", flat=True)
        )
        Allowance.objects.bulk_create(
            Allowance(organisation_id=oid, year=year, days=test_days)
            for oid in sorted({a.organisation_id for a in applications} - have)
        )
        transition(
            cohort,
            wf.CohortStatus.RUNNING,
            actor,
            note=_("Formed from the selection of %(date)s with %(n)d companies.")
            % {"date": timezone.localtime(selection.created_at).strftime("%Y-%m-%d"), "n": len(companies)},
        )
    return cohort


def check_close_cohort(cohort: Cohort, actor: Any, note: str = "") -> Cohort:
    transition(cohort, wf.CohortStatus.CLOSED, actor, note=note.strip())
    cohort.refresh_from_db()
    return cohort


def _require_runs(company: CohortCompany, actor: Any) -> None:
    if not runs_cohort(actor, company.cohort):
        raise PermissionDenied(_("Only the team running this cohort may do this."))


def _require_open(cohort: Cohort) -> None:
    if cohort.status not in wf.COHORT_WORKFLOW.groups["open"]:
        raise ValidationError(_("This cohort is closed."))


def may_record_trl(company: CohortCompany, actor: Any) -> bool:
    """The cohort's team, or a member of the company (for its own place only)."""
    return runs_cohort(actor, company.cohort) or company.is_member(actor)


def check_record_trl(
    company: CohortCompany, actor: Any, trl: int, measured_on: date, note: str = ""
) -> TrlReading:
    """The team, or a member of the company for its own place, records the company's readiness level
    on a day (not in the future, not before the cohort started). Readings are kept, never edited: the
    list is the company's history, each naming who recorded it."""
    if not may_record_trl(company, actor):
        raise PermissionDenied(
            _("Only the team running this cohort or the company's members record its readiness.")
        )
    _require_open(company.cohort)
    if not 1 <= trl <= 9:
        raise ValidationError(_("A technology readiness level runs from 1 to 9."))
    if measured_on > timezone.localdate():
        raise ValidationError(_("A reading cannot be dated in the future."))
    if measured_on < company.cohort.starts_on:
        raise ValidationError(_("A reading cannot come before the cohort started."))
    with transaction.atomic():
        reading = TrlReading.objects.create(
            company=company, trl=trl, measured_on=measured_on, note=note.strip()[:300], recorded_by=actor
        )
        record(company, action="cohort:trl", actor=actor, note=f"TRL {trl} ({measured_on.isoformat()})")
    return reading


def candidate_mentors(company: CohortCompany, limit: int = 200) -> list[tuple[Expert, list[str]]]:
    """Available experts of the pool with the conflicts each has with the company (empty: none),
    those without conflicts first."""
    experts = list(
        Expert.objects.filter(available=True)
        .exclude(mentorings__company=company)
        .select_related("organisation")
        .prefetch_related("employment", "documents", "declarations")
        .order_by("full_name")[:limit]
    )
    conflicts = mentor_conflicts(company.application, experts)
    return sorted(((e, conflicts.get(e.pk, [])) for e in experts), key=lambda p: (bool(p[1]), p[0].full_name))


def check_assign_mentor(company: CohortCompany, expert: Expert, actor: Any, focus: str = "") -> Mentoring:
    """Assign a mentor from the expert pool, after the conflict checks (refused with the evidence);
    at most three mentors a company."""
    _require_runs(company, actor)
    _require_open(company.cohort)
    if not expert.available:
        raise ValidationError(_("This expert is not available at the moment."))
    expert = (
        Expert.objects.prefetch_related("employment", "documents", "declarations")
        .select_related("organisation")
        .get(pk=expert.pk)
    )
    conflicts = mentor_conflicts(company.application, [expert]).get(expert.pk)
    if conflicts:
        raise ValidationError(
            _("%(expert)s has a conflict of interest with this company: %(evidence)s")
            % {"expert": expert.full_name, "evidence": "; ".join(conflicts)}
        )
    with transaction.atomic():
        CohortCompany.objects.select_for_update().filter(pk=company.pk).get()
        if company.mentorings.filter(expert=expert).exists():
            raise ValidationError(_("This expert mentors this company already."))
        if company.mentorings.count() >= MAX_MENTORS:
            raise ValidationError(_("A company has at most %(n)d mentors.") % {"n": MAX_MENTORS})
        mentoring = Mentoring.objects.create(
            company=company, expert=expert, assigned_by=actor, focus=focus.strip()[:300]
        )
        record(company, action="cohort:mentor", actor=actor, note=expert.full_name)
    return mentoring


def check_remove_mentor(mentoring: Mentoring, actor: Any) -> None:
    _require_runs(mentoring.company, actor)
    with transaction.atomic():
        record(
            mentoring.company, action="cohort:mentor_removed", actor=actor, note=mentoring.expert.full_name
        )
        mentoring.delete()


def check_write_result(
    company: CohortCompany,
    actor: Any,
    *,
    title: str,
    summary: str,
    language: str,
    kind: str = SharedResult.Kind.RESULT,
    shared: bool = False,
) -> SharedResult:
    """A member of the company writes a result or a test report; end users read it once shared."""
    if not company.is_member(actor):
        raise PermissionDenied(_("Only the company's members write its results."))
    if not title.strip() or not summary.strip():
        raise ValidationError(_("Give the result a title and a summary."))
    if language not in ("en", "fr"):
        raise ValidationError(_("Write the result in English or French."))
    if kind not in SharedResult.Kind.values:
        raise ValidationError(_("Choose a kind of result."))
    return SharedResult.objects.create(
        company=company,
        kind=kind,
        title=title.strip()[:200],
        summary=summary.strip(),
        language=language,
        shared=shared,
        written_by=actor,
    )


def check_share_result(result: SharedResult, actor: Any, shared: bool) -> SharedResult:
    """The company shares a result with the nations' end users, or stops sharing it."""
    if not result.company.is_member(actor):
        raise PermissionDenied(_("Only the company's members decide what it shares."))
    SharedResult.objects.filter(pk=result.pk).update(shared=shared)
    result.shared = shared
    return result


def check_set_target(programme: Programme, actor: Any, min_days: int, max_days: int) -> AdoptionTarget:
    """The programme team sets its target for the lead time from first contact to contract."""
    if not may_act(actor, PROGRAMME_TEAM, programme) and not may_act(actor, ACCELERATOR_TEAM, None):
        raise PermissionDenied(_("Only the programme's team sets its target."))
    if not 1 <= min_days <= max_days <= 730:
        raise ValidationError(
            _("Give a target range of days between 1 and 730, the first no larger than the second.")
        )
    with transaction.atomic():
        target, _created = AdoptionTarget.objects.select_for_update().get_or_create(programme=programme)
        target.min_days, target.max_days = min_days, max_days
        target.save(update_fields=["min_days", "max_days"])
        record(programme, action="cohort:target", actor=actor, note=f"{min_days}–{max_days}")
    return target

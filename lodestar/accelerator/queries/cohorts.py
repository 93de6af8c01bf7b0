"""What the cohort pages read: who sees which cohort, the cohort board (who is late, what is due this
week, payments, bookings, readiness, the road to adoption), the timeline of phases and milestones,
and the end users' showcase. The board reads a fixed number of queries, whatever the cohort's size.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet, Sum

from lodestar.accelerator import workflow as wf
from lodestar.accelerator.access import end_user_nations
from lodestar.accelerator.models import (
    AdoptionCase,
    AdoptionTarget,
    Booking,
    Cohort,
    CohortCompany,
    Mentoring,
    SharedResult,
    TrlReading,
    target_of,
)
from lodestar.core.roles import ACCELERATOR_TEAM, PROGRAMME_TEAM, ScopeKind
from lodestar.grants import workflow as gwf
from lodestar.grants.models import Award, Milestone, PaymentOrder, Phase, Report
from lodestar.organisations.models import Membership

DUE_SOON_DAYS = 7


def team_cohorts(user: Any) -> QuerySet[Cohort]:
    """The cohorts `user` runs: accelerator staff's (all, or those held for), and those of the
    programmes whose team it is on."""
    if not getattr(user, "is_authenticated", False):
        return Cohort.objects.none()
    if user.has_role(*ACCELERATOR_TEAM, *PROGRAMME_TEAM):
        return Cohort.objects.all()
    cohorts = [int(k) for k in user.scopes_held(*ACCELERATOR_TEAM, kind=ScopeKind.COHORT)]
    programmes = [int(k) for k in user.scopes_held(*PROGRAMME_TEAM, kind=ScopeKind.PROGRAMME)]
    if not (cohorts or programmes):
        return Cohort.objects.none()
    return Cohort.objects.filter(Q(pk__in=cohorts) | Q(call__programme_id__in=programmes))


def visible_companies(user: Any) -> QuerySet[CohortCompany]:
    """The places a user may open in full: those of the cohorts it runs, and its own company's."""
    if not getattr(user, "is_authenticated", False):
        return CohortCompany.objects.none()
    mine = Membership.objects.filter(user=user).values("organisation_id")
    return CohortCompany.objects.filter(
        Q(cohort__in=team_cohorts(user).values("pk")) | Q(organisation_id__in=mine)
    )


def showcase_cohorts(user: Any) -> QuerySet[Cohort]:
    """The running cohorts an end user browses (the team sees them too)."""
    if not end_user_nations(user) and not team_cohorts(user).exists():
        return Cohort.objects.none()
    return Cohort.objects.filter(status=wf.CohortStatus.RUNNING)


def visible_cases(user: Any) -> QuerySet[AdoptionCase]:
    """Adoption cases: an end user's nations', the company's own, the cohort team's."""
    if not getattr(user, "is_authenticated", False):
        return AdoptionCase.objects.none()
    nations = end_user_nations(user)
    if "*" in nations:
        return AdoptionCase.objects.all()
    mine = Membership.objects.filter(user=user).values("organisation_id")
    return AdoptionCase.objects.filter(
        Q(nation__in=sorted(nations))
        | Q(company__organisation_id__in=mine)
        | Q(company__cohort__in=team_cohorts(user).values("pk"))
    )


@dataclass
class Row:
    """One company on the board."""

    company: CohortCompany
    award: Award | None = None
    late: list[Milestone] = field(default_factory=list)
    due_soon: list[Milestone] = field(default_factory=list)
    accepted: int = 0
    milestones: int = 0
    late_reports: int = 0
    paid: Decimal = Decimal(0)
    approved: Decimal = Decimal(0)
    waiting_payment: Decimal = Decimal(0)
    bookings: int = 0
    test_days: int = 0
    trl_first: int | None = None
    trl_last: int | None = None
    mentors: int = 0
    cases: list[AdoptionCase] = field(default_factory=list)

    @property
    def furthest(self) -> AdoptionCase | None:
        order: dict[str, int] = {state: n for n, (state, _f) in enumerate(wf.ADOPTION_STEPS)}
        live = [c for c in self.cases if c.status in order]
        return max(live, key=lambda c: (order[c.status], -c.interest_on.toordinal()), default=None)

    @property
    def lead_time(self) -> int | None:
        """The shortest lead time from first contact to a signed contract among its cases."""
        times = [c.lead_time_days for c in self.cases if c.lead_time_days is not None]
        return min(times) if times else None


@dataclass
class Board:
    cohort: Cohort
    today: date
    target: AdoptionTarget
    rows: list[Row]

    @property
    def late(self) -> list[Row]:
        return [r for r in self.rows if r.late or r.late_reports]

    @property
    def due_soon(self) -> list[Row]:
        return [r for r in self.rows if r.due_soon]

    @property
    def phase_two(self) -> list[Row]:
        return [r for r in self.rows if r.company.phase == CohortCompany.Phase.TWO]

    @property
    def contracts(self) -> list[Row]:
        return [r for r in self.rows if r.lead_time is not None]

    def verdict(self, days: int | None) -> str:
        """ "within", "over" or "" (no contract yet) against the programme's target."""
        if days is None:
            return ""
        return "within" if days <= self.target.max_days else "over"


def board(cohort: Cohort, today: date) -> Board:
    """Every company of the cohort with its milestones late and due this week, payments, reports,
    bookings, readiness, mentors and adoption cases. Ten queries for any number of companies."""
    companies = list(
        cohort.companies.select_related("organisation", "application__challenge").order_by(
            "organisation__legal_name"
        )
    )
    rows = {c.pk: Row(c) for c in companies}
    by_application = {c.application_id: rows[c.pk] for c in companies}
    by_organisation = {c.organisation_id: rows[c.pk] for c in companies}
    awards = list(Award.objects.filter(application_id__in=list(by_application)))
    by_award = {}
    for award in awards:
        row = by_application[award.application_id]
        row.award = award
        by_award[award.pk] = row
    soon = today + timedelta(days=DUE_SOON_DAYS)
    for milestone in Milestone.objects.filter(award_id__in=list(by_award)).order_by("due_on", "number"):
        row = by_award[milestone.award_id]
        row.milestones += 1
        if milestone.status == gwf.ACCEPTED:
            row.accepted += 1
        elif milestone.due_on < today and milestone.status in gwf.SUBMITTABLE:
            row.late.append(milestone)
        elif today <= milestone.due_on <= soon:
            row.due_soon.append(milestone)
    for award_id, n in (
        Report.objects.filter(award_id__in=list(by_award), due_on__lt=today, status__in=gwf.SUBMITTABLE)
        .order_by()
        .values_list("award_id")
        .annotate(n=Count("pk"))
    ):
        by_award[award_id].late_reports = n
    for award_id, status, total in (
        PaymentOrder.objects.filter(award_id__in=list(by_award))
        .order_by()
        .values_list("award_id", "status")
        .annotate(total=Sum("amount"))
    ):
        row = by_award[award_id]
        if status == gwf.PAID:
            row.paid += total
        elif status == gwf.APPROVED:
            row.approved += total
        elif status == gwf.REQUESTED:
            row.waiting_payment += total
    for organisation_id, n, days in (
        Booking.objects.filter(
            organisation_id__in=list(by_organisation),
            status=wf.BookingStatus.CONFIRMED,
            starts_on__gte=cohort.starts_on,
        )
        .order_by()
        .values_list("organisation_id")
        .annotate(n=Count("pk"), days=Sum("days"))
    ):
        by_organisation[organisation_id].bookings = n
        by_organisation[organisation_id].test_days = int(days or 0)
    for company_id, trl in (
        TrlReading.objects.filter(company_id__in=list(rows))
        .order_by("measured_on", "pk")
        .values_list("company_id", "trl")
    ):
        row = rows[company_id]
        row.trl_first = row.trl_first or trl
        row.trl_last = trl
    for company_id, n in (
        Mentoring.objects.filter(company_id__in=list(rows))
        .order_by()
        .values_list("company_id")
        .annotate(n=Count("pk"))
    ):
        rows[company_id].mentors = n
    for case in AdoptionCase.objects.filter(company_id__in=list(rows)).order_by("interest_on", "pk"):
        rows[case.company_id].cases.append(case)
    return Board(cohort, today, target_of(cohort.call.programme), list(rows.values()))


# --- The timeline chart ---------------------------------------------------------------------------------


@dataclass
class Bar:
    label: str
    y: int
    phases: list[dict[str, Any]]
    marks: list[dict[str, Any]]


MARK_COLOURS = {
    gwf.ACCEPTED: "#1f7a4d",
    gwf.SUBMITTED: "#2f6f9f",
    gwf.RETURNED: "#b54708",
    gwf.PLANNED: "#667085",
}
LATE_COLOUR = "#b42318"
CHART_LEFT, CHART_WIDTH, ROW_HEIGHT = 200, 420, 22


def timeline(cohort: Cohort, rows: list[Row], today: date) -> dict[str, Any]:
    """The SVG timeline: for each company its phases as bars and its milestones as marks coloured
    by state (late ones red), on the cohort's months; plus the month ticks and today's line. Two
    queries (phases; milestones come from the board's rows and one more read)."""
    start = min([cohort.starts_on] + [r.award.starts_on for r in rows if r.award])
    end = max([cohort.ends_on] + [r.award.ends_on for r in rows if r.award])
    span = max((end - start).days, 1)

    def x(day: date) -> int:
        return CHART_LEFT + round(CHART_WIDTH * min(max((day - start).days, 0), span) / span)

    award_ids = [r.award.pk for r in rows if r.award]
    phases: dict[int, list[Phase]] = defaultdict(list)
    for phase in Phase.objects.filter(award_id__in=award_ids).order_by("number"):
        phases[phase.award_id].append(phase)
    milestones: dict[int, list[Milestone]] = defaultdict(list)
    for milestone in Milestone.objects.filter(award_id__in=award_ids).order_by("number"):
        milestones[milestone.award_id].append(milestone)
    bars = []
    for n, row in enumerate(rows):
        award = row.award
        bars.append(
            Bar(
                label=row.company.organisation.legal_name,
                y=30 + ROW_HEIGHT * n,
                phases=[
                    {
                        "x": x(p.starts_on),
                        "width": max(x(p.ends_on) - x(p.starts_on), 2),
                        "name": p.name,
                        "number": p.number,
                    }
                    for p in (phases[award.pk] if award else [])
                ],
                marks=[
                    {
                        "x": x(m.due_on),
                        "title": f"{m.title} · {m.due_on.isoformat()} · {m.status_label}",
                        "colour": LATE_COLOUR
                        if m.due_on < today and m.status in gwf.SUBMITTABLE
                        else MARK_COLOURS.get(m.status, "#667085"),
                    }
                    for m in (milestones[award.pk] if award else [])
                ],
            )
        )
    ticks = []
    month = date(start.year, start.month, 1)
    while month <= end:
        if month >= start:
            ticks.append({"x": x(month), "label": month})
        month = date(month.year + (month.month == 12), 1 if month.month == 12 else month.month + 1, 1)
    return {
        "bars": bars,
        "ticks": ticks,
        "today_x": x(today) if start <= today <= end else None,
        "height": 40 + ROW_HEIGHT * len(rows),
        "right": CHART_LEFT + CHART_WIDTH,
    }


# --- The showcase, for end users ------------------------------------------------------------------------


def showcase(cohort: Cohort) -> list[CohortCompany]:
    """The cohort's public profiles: company, nation, challenge, areas, and only the results the
    company chose to share. Nothing about money. Four queries."""
    return list(
        cohort.companies.select_related("organisation", "application__challenge")
        .prefetch_related(
            "application__areas",
            Prefetch("results", queryset=SharedResult.objects.filter(shared=True), to_attr="shared_results"),
        )
        .order_by("organisation__legal_name")
    )

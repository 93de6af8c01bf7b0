"""The fund's lifecycles, as data (see core/workflow.py): deals on the pipeline board, partners'
notices as they are paid, and ownership findings until a person clears them."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lodestar.core.lifecycle import Transition, Workflow
from lodestar.core.permissions import may_act
from lodestar.core.roles import FUND_TEAM


def is_fund_team(actor: Any, obj: Any) -> bool:
    return may_act(actor, FUND_TEAM, obj)


class DealStatus(models.TextChoices):
    SOURCING = "sourcing", _("Sourcing")
    SCREENING = "screening", pgettext_lazy("a deal", "Screening")
    DUE_DILIGENCE = "due_diligence", _("Due diligence")
    COMMITTEE = "committee", _("Investment committee")
    TERM_SHEET = "term_sheet", _("Term sheet")
    CLOSING = "closing", _("Closing")
    PORTFOLIO = "portfolio", _("Portfolio")
    PASSED = "passed", _("Passed")
    MERGED = "merged", _("Merged into another deal")


PIPELINE = (
    DealStatus.SOURCING,
    DealStatus.SCREENING,
    DealStatus.DUE_DILIGENCE,
    DealStatus.COMMITTEE,
    DealStatus.TERM_SHEET,
    DealStatus.CLOSING,
    DealStatus.PORTFOLIO,
)
# Still moving along the board; a deal in the portfolio or passed is settled.
ACTIVE = frozenset(PIPELINE[:-1])
SETTLED = frozenset({DealStatus.PORTFOLIO, DealStatus.PASSED})

DEAL_WORKFLOW = Workflow(
    name="fund_deal",
    states=dict(DealStatus.choices),
    transitions=(
        *(
            Transition(frozenset({a}), b, _("Move on"), is_fund_team)
            for a, b in zip(PIPELINE, PIPELINE[1:], strict=False)
        ),
        # One step back, when a stage has to be done again (diligence reopened after the committee).
        *(
            Transition(frozenset({b}), a, _("Move back"), is_fund_team)
            for a, b in zip(PIPELINE[:-2], PIPELINE[1:-1], strict=False)
        ),
        Transition(ACTIVE, DealStatus.PASSED, _("Pass"), is_fund_team),
        Transition(frozenset({DealStatus.PASSED}), DealStatus.SOURCING, _("Reopen"), is_fund_team),
        # A duplicate of another deal (the same company typed twice): everything it held moves to the
        # kept deal, and the duplicate stays, read-only, pointing at it (fund.dealroom.check_merge_deals).
        Transition(
            ACTIVE | {DealStatus.PASSED}, DealStatus.MERGED, _("Merge into another deal"), is_fund_team
        ),
    ),
    groups={"active": ACTIVE, "settled": SETTLED, "merged": frozenset({DealStatus.MERGED})},
    initial=frozenset({DealStatus.SOURCING}),
)


class NoticeStatus(models.TextChoices):
    DUE = "due", _("Due")
    PARTLY_PAID = "partly_paid", _("Partly paid")
    PAID = "paid", pgettext_lazy("a notice", "Paid")


UNPAID = frozenset({NoticeStatus.DUE, NoticeStatus.PARTLY_PAID})


def notice_starts(is_call: bool) -> str:
    """A capital call's notice starts due; a distribution's records money the fund pays: paid."""
    return NoticeStatus.DUE if is_call else NoticeStatus.PAID


NOTICE_WORKFLOW = Workflow(
    name="fund_notice",
    states=dict(NoticeStatus.choices),
    transitions=(
        Transition(
            frozenset({NoticeStatus.DUE}), NoticeStatus.PARTLY_PAID, _("Record a part payment"), is_fund_team
        ),
        Transition(UNPAID, NoticeStatus.PAID, _("Record the payment"), is_fund_team),
    ),
    groups={"unpaid": UNPAID},
    initial=frozenset({NoticeStatus.DUE, NoticeStatus.PAID}),  # a distribution notice is paid by the fund
)


class FindingStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("a finding", "Open")
    CLEARED = "cleared", _("Cleared")
    SUPERSEDED = "superseded", _("Superseded")


FINDING_WORKFLOW = Workflow(
    name="fund_finding",
    states=dict(FindingStatus.choices),
    transitions=(
        Transition(
            frozenset({FindingStatus.OPEN}), FindingStatus.CLEARED, _("Clear with a note"), is_fund_team
        ),
        # A new screening replaces the findings nobody has cleared yet.
        Transition(
            frozenset({FindingStatus.OPEN}), FindingStatus.SUPERSEDED, _("Screen again"), is_fund_team
        ),
    ),
    groups={"open": frozenset({FindingStatus.OPEN})},
    initial=frozenset({FindingStatus.OPEN}),
)


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    DECIDED = "decided", _("Decided")


MEETING_WORKFLOW = Workflow(
    name="fund_meeting",
    states=dict(MeetingStatus.choices),
    transitions=(
        # The fund team records the decision once the quorum of members who may vote has voted.
        Transition(
            frozenset({MeetingStatus.SCHEDULED}),
            MeetingStatus.DECIDED,
            _("Record the decision"),
            is_fund_team,
        ),
    ),
    groups={"open": frozenset({MeetingStatus.SCHEDULED})},
    initial=frozenset({MeetingStatus.SCHEDULED}),
)


class TaskStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("a task", "Open")
    DONE = "done", pgettext_lazy("a task", "Done")


TASK_WORKFLOW = Workflow(
    name="fund_task",
    states=dict(TaskStatus.choices),
    transitions=(
        Transition(frozenset({TaskStatus.OPEN}), TaskStatus.DONE, _("Mark done"), is_fund_team),
        Transition(frozenset({TaskStatus.DONE}), TaskStatus.OPEN, _("Reopen"), is_fund_team),
    ),
    groups={"open": frozenset({TaskStatus.OPEN})},
    initial=frozenset({TaskStatus.OPEN}),
)


class ItemStatus(models.TextChoices):
    """A due-diligence checklist item: open until its owner records the evidence (done), or waived
    when it is not required. A done item whose evidence has expired counts as open again."""

    OPEN = "open", pgettext_lazy("a checklist item", "Open")
    DONE = "done", pgettext_lazy("a checklist item", "Done")
    WAIVED = "waived", _("Waived")


ITEM_WORKFLOW = Workflow(
    name="fund_diligence_item",
    states=dict(ItemStatus.choices),
    transitions=(
        Transition(frozenset({ItemStatus.OPEN}), ItemStatus.DONE, _("Record the evidence"), is_fund_team),
        Transition(frozenset({ItemStatus.OPEN}), ItemStatus.WAIVED, _("Waive"), is_fund_team),
        # Evidence renewed once it expired, or a waiver or evidence found wanting.
        Transition(
            frozenset({ItemStatus.DONE, ItemStatus.WAIVED}), ItemStatus.OPEN, _("Reopen"), is_fund_team
        ),
    ),
    groups={"settled": frozenset({ItemStatus.DONE, ItemStatus.WAIVED})},
    initial=frozenset({ItemStatus.OPEN}),
)

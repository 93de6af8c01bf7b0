"""Screening again when shareholders change.

A shareholder added, changed or removed (a directory `organisations.Shareholder`, or a fund
`Shareholding` of one organisation in another) changes the effective ownership of that company and
of every company it holds, directly or through other companies. The receivers below find the deals
on the board or in the portfolio whose company is one of those, and write one `ScreeningCause` per
deal in the same transaction as the change (a change rolled back leaves no cause). When the change is
committed, one re-screening job per fund is queued unless one is already waiting: a waiting job will
take every cause there is when it starts, so a burst of changes queues one job, not one per change.

The job takes the deals with causes one at a time: it locks the deal, reads its causes, screens it
(the `Screening` it records names those causes) and deletes exactly those causes, all in one
transaction. A job that stops anywhere leaves the causes it had not finished for the next run, and a
cause written while a deal is being screened stays for the next pass: nothing is lost, and running
it again screens only what is still waiting. Screening itself is idempotent (fund/actions.py).

Bulk writes (`bulk_create`, `QuerySet.update`) send no signal: the directory's edit form changes
shareholders row by row for this reason (organisations/actions.py)."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils.translation import gettext_noop

from lodestar.core.jobs import Progress, job_runner, start_job
from lodestar.core.models import Job
from lodestar.core.workflow import record
from lodestar.fund import workflow as wf
from lodestar.fund.actions import do_screen_deal
from lodestar.fund.lists import RESCREEN_CHANGES
from lodestar.fund.models import Deal, Fund, Screening, ScreeningCause, Shareholding
from lodestar.organisations.models import Organisation, Shareholder

SCREENED = [*wf.ACTIVE, wf.DealStatus.PORTFOLIO]


def downstream(company_id: int) -> set[int]:
    """The company and every company it holds, directly or through others (cycles followed once)."""
    seen, frontier = {company_id}, [company_id]
    while frontier:
        held = Shareholding.objects.filter(holder_id__in=frontier).values_list("company_id", flat=True)
        frontier = [c for c in set(held) if c not in seen]
        seen.update(frontier)
    return seen


def do_note_change(company_id: int, change: dict[str, Any]) -> int:
    """Write a cause for every deal (on the board or in the portfolio) whose company's ownership the
    change of a holder of `company_id` reaches, and queue the funds' jobs once it is committed.
    Returns the number of deals to screen again."""
    deals = list(
        Deal.objects.filter(organisation_id__in=downstream(company_id), status__in=SCREENED).values_list(
            "pk", "fund_id"
        )
    )
    if not deals:
        return 0
    ScreeningCause.objects.bulk_create(ScreeningCause(deal_id=pk, change=change) for pk, _f in deals)
    for fund_id in sorted({f for _pk, f in deals}):
        transaction.on_commit(partial(queue_rescreen, fund_id))
    return len(deals)


def queue_rescreen(fund_id: int) -> Job | None:
    """Start the fund's re-screening job unless one is waiting to start already (it will take every
    cause there is). The fund row is locked while looking, so two commits at once queue one job."""
    with transaction.atomic():
        if Fund.objects.select_for_update().filter(pk=fund_id).first() is None:
            return None
        waiting = Job.objects.filter(
            kind=RESCREEN_CHANGES, params__fund=fund_id, status=Job.Status.QUEUED
        ).exists()
        if waiting or not ScreeningCause.objects.filter(deal__fund_id=fund_id).exists():
            return None
        return start_job(
            RESCREEN_CHANGES,
            gettext_noop("Screening again the deals whose shareholders changed"),
            {"fund": fund_id},
        )


def do_rescreen_deal(deal_id: int, actor: Any = None) -> str:
    """Screen one deal for the causes waiting on it, and delete them, in one transaction. Returns
    "screened", "refused" (holdings that cannot all be true: the refusal is the run's verdict) or
    "none" (another run took them first, or the deal left the board)."""
    with transaction.atomic():
        locked = Deal.objects.select_for_update(of=("self",), no_key=True)
        deal = locked.select_related("fund").filter(pk=deal_id).first()
        if deal is None:
            return "none"
        causes = list(ScreeningCause.objects.filter(deal=deal).order_by("at", "pk"))
        if not causes:
            return "none"
        changes = [c.change for c in causes]
        outcome = "screened"
        if deal.status in SCREENED:
            try:
                with transaction.atomic():
                    do_screen_deal(deal, actor, changes, system=True)
            except ValidationError as error:
                outcome = "refused"
                refusal = " ".join(error.messages)
                Screening.objects.create(deal=deal, causes=changes, refusal=refusal)
                record(deal, action="fund:deal_screened", actor=actor, note=refusal[:300])
        else:
            outcome = "none"
        ScreeningCause.objects.filter(pk__in=[c.pk for c in causes]).delete()
    return outcome


@job_runner(RESCREEN_CHANGES)
def rescreen_changes(job: Job, progress: Progress) -> dict[str, Any]:
    """Every deal of the fund with causes waiting, oldest cause first, until none is left (causes
    written meanwhile are taken too)."""
    counts = {"screened": 0, "refused": 0, "none": 0}
    done = 0
    while True:
        waiting = list(
            ScreeningCause.objects.filter(deal__fund_id=job.params["fund"])
            .values("deal_id")
            .annotate(last=Max("pk"))
            .order_by("last")
            .values_list("deal_id", flat=True)[:200]
        )
        if not waiting:
            break
        for deal_id in waiting:
            counts[do_rescreen_deal(deal_id, job.created_by)] += 1
            done += 1
            if done % 20 == 0:
                progress(done, done + len(waiting), gettext_noop("Screening deals"))
    return {"deals": counts["screened"] + counts["refused"], **counts}


# --- What changed: the receivers ------------------------------------------------------------------


def _percent(value: Any) -> str:
    return f"{value:.2f}" if value is not None else ""


def _name(organisation_id: int) -> str:
    return Organisation.objects.filter(pk=organisation_id).values_list("legal_name", flat=True).first() or ""


def _before_shareholder(sender: Any, instance: Shareholder, **kwargs: Any) -> None:
    instance._screening_before = (  # type: ignore[attr-defined]
        Shareholder.objects.filter(pk=instance.pk).values("name", "nation", "percentage").first()
        if instance.pk
        else None
    )


def _shareholder_saved(sender: Any, instance: Shareholder, created: bool, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return  # loading fixtures
    before = getattr(instance, "_screening_before", None)
    now = {"name": instance.name, "nation": instance.nation, "percentage": instance.percentage}
    if before is not None and before == now:
        return  # saved without a change that screening sees
    do_note_change(
        instance.organisation_id,
        {
            "change": "added" if created or before is None else "changed",
            "company": _name(instance.organisation_id),
            "holder": instance.name,
            "nation": instance.nation,
            "share": _percent(instance.percentage),
            "before": _percent(before["percentage"]) if before else "",
        },
    )


def _shareholder_deleted(sender: Any, instance: Shareholder, **kwargs: Any) -> None:
    do_note_change(
        instance.organisation_id,
        {
            "change": "removed",
            "company": _name(instance.organisation_id),
            "holder": instance.name,
            "nation": instance.nation,
            "share": _percent(instance.percentage),
            "before": "",
        },
    )


def _before_holding(sender: Any, instance: Shareholding, **kwargs: Any) -> None:
    instance._screening_before = (  # type: ignore[attr-defined]
        Shareholding.objects.filter(pk=instance.pk).values("holder_id", "share").first()
        if instance.pk
        else None
    )


def _holding_saved(sender: Any, instance: Shareholding, created: bool, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return
    before = getattr(instance, "_screening_before", None)
    if before is not None and before == {"holder_id": instance.holder_id, "share": instance.share}:
        return
    do_note_change(
        instance.company_id,
        {
            "change": "added" if created or before is None else "changed",
            "company": _name(instance.company_id),
            "holder": _name(instance.holder_id),
            "nation": "",
            "share": _percent(instance.share * 100),
            "before": _percent(before["share"] * 100) if before else "",
        },
    )


def _holding_deleted(sender: Any, instance: Shareholding, **kwargs: Any) -> None:
    do_note_change(
        instance.company_id,
        {
            "change": "removed",
            "company": _name(instance.company_id),
            "holder": _name(instance.holder_id),
            "nation": "",
            "share": _percent(instance.share * 100),
            "before": "",
        },
    )


def connect() -> None:
    """Called once from FundConfig.ready()."""
    uid = "fund.rescreen"
    pre_save.connect(_before_shareholder, sender=Shareholder, dispatch_uid=f"{uid}.shareholder.pre")
    post_save.connect(_shareholder_saved, sender=Shareholder, dispatch_uid=f"{uid}.shareholder.save")
    post_delete.connect(_shareholder_deleted, sender=Shareholder, dispatch_uid=f"{uid}.shareholder.delete")
    pre_save.connect(_before_holding, sender=Shareholding, dispatch_uid=f"{uid}.holding.pre")
    post_save.connect(_holding_saved, sender=Shareholding, dispatch_uid=f"{uid}.holding.save")
    post_delete.connect(_holding_deleted, sender=Shareholding, dispatch_uid=f"{uid}.holding.delete")

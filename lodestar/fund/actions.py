"""What changes the fund's data: calls and distributions split to the partners, payments recorded,
deals moved along the board, ownership screened and findings cleared. Actions never see the request;
each runs in one transaction with the rows it changes locked."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from lodestar.core.money import format_money
from lodestar.core.permissions import may_act
from lodestar.core.roles import FUND_TEAM
from lodestar.core.workflow import ACTION_LABELS, new_in, record, transition
from lodestar.fund import engine_adapter as adapter
from lodestar.fund import workflow as wf
from lodestar.fund.models import (
    CashEvent,
    ChecklistTemplate,
    Deal,
    DiligenceItem,
    Finding,
    Fund,
    ListedName,
    Notice,
    Screening,
    ScreeningCause,
    Shareholding,
)
from lodestar.organisations.models import Organisation, Shareholder

CENT = Decimal("0.01")

ACTION_LABELS["fund:cash_event_issued"] = gettext_lazy("Capital call or distribution issued")
ACTION_LABELS["fund:payment_recorded"] = gettext_lazy("Payment recorded")
ACTION_LABELS["fund:deal_added"] = gettext_lazy("Deal added to the board")
ACTION_LABELS["fund:deal_screened"] = gettext_lazy("Ownership screened")
ACTION_LABELS["fund:checklist_opened"] = gettext_lazy("Due-diligence checklist opened")


def require_fund_team(actor: Any, on: Any) -> None:
    if not may_act(actor, FUND_TEAM, on):
        raise PermissionDenied(_("Only the fund team may do this."))


def check_issue_cash_event(
    fund: Fund,
    kind: str,
    amount: Decimal,
    on: date,
    due: date,
    purpose: str,
    actor: Any,
    management_fee: Decimal = Decimal(0),
) -> CashEvent:
    """A capital call or a distribution of `amount`, with one notice per partner, split pro rata to
    the commitments exactly to the cent. Calls may not exceed what is left uncalled of the commitments.
    The fund row is locked, so two calls issued at once are numbered and limited one after the other."""
    require_fund_team(actor, fund)
    if kind not in CashEvent.Kind.values:
        raise ValidationError(_("Unknown kind of cash movement."))
    if amount <= 0 or amount != amount.quantize(CENT):
        raise ValidationError(_("The amount must be positive, in whole cents."))
    if not Decimal(0) <= management_fee <= amount:
        raise ValidationError(_("The management fee must be between zero and the amount."))
    if due < on:
        raise ValidationError(_("The due date cannot be before the date of the notice."))
    with transaction.atomic():
        fund = Fund.objects.select_for_update().get(pk=fund.pk)
        partners = list(fund.partners.order_by("pk"))
        if not partners:
            raise ValidationError(_("The fund has no limited partners yet."))
        if kind == CashEvent.Kind.CALL:
            committed = sum((p.commitment for p in partners), Decimal(0))
            called = sum((e.amount for e in fund.cash_events.filter(kind=CashEvent.Kind.CALL)), Decimal(0))
            if called + amount > committed:
                raise ValidationError(
                    _("This call would exceed the commitments: %(left)s is left to call.")
                    % {"left": format_money(committed - called, fund.currency)}
                )
        number = (fund.cash_events.filter(kind=kind).aggregate(n=Max("number"))["n"] or 0) + 1
        event = CashEvent.objects.create(
            fund=fund,
            kind=kind,
            number=number,
            on=on,
            due=due,
            amount=amount,
            purpose=purpose,
            management_fee=management_fee,
            created_by=actor,
        )
        parts = adapter.split_to_partners(amount, {p.pk: p.commitment for p in partners})
        starts = wf.notice_starts(kind == CashEvent.Kind.CALL)
        Notice.objects.bulk_create(
            [
                new_in(
                    Notice,
                    starts,
                    event=event,
                    partner=p,
                    amount=parts[p.pk],
                    paid=parts[p.pk] if starts == wf.NoticeStatus.PAID else Decimal(0),
                )
                for p in partners
            ]
        )
        record(
            event,
            action="fund:cash_event_issued",
            actor=actor,
            note=f"{event.get_kind_display()} {number}: {amount} {fund.currency}",
        )
    return event


def check_record_payment(notice: Notice, amount: Decimal, actor: Any) -> Notice:
    """A partner paid `amount` of its notice: partly paid, or paid when nothing is left. Paying more
    than is outstanding is refused. The notice is locked while its sum is checked and moved."""
    require_fund_team(actor, notice)
    if amount <= 0 or amount != amount.quantize(CENT):
        raise ValidationError(_("The amount must be positive, in whole cents."))
    with transaction.atomic():
        notice = Notice.objects.select_for_update().select_related("event").get(pk=notice.pk)
        if notice.status not in wf.UNPAID:
            raise ValidationError(_("This notice is already paid."))
        if amount > notice.outstanding:
            raise ValidationError(
                _("Only %(left)s is outstanding on this notice.")
                % {"left": format_money(notice.outstanding, notice.event.fund.currency)}
            )
        notice.paid += amount
        to = wf.NoticeStatus.PAID if notice.paid == notice.amount else wf.NoticeStatus.PARTLY_PAID
        if to == notice.status:  # a second part payment: the sum changes, not the state
            notice.save(update_fields=["paid"])
            record(notice, action="fund:payment_recorded", actor=actor, note=str(amount))
        else:
            transition(notice, to, actor, note=str(amount), also_save=["paid"])
    return notice


def check_add_deal(
    fund: Fund,
    organisation: Organisation,
    actor: Any,
    stage: str = Deal.Stage.SEED,
    source: str = Deal.Source.DIRECTORY,
) -> Deal:
    """Put a company of the directory on the board; a company already there is refused (never twice)."""
    require_fund_team(actor, fund)
    if source not in Deal.Source.values:
        raise ValidationError(_("Unknown source of a deal."))
    with transaction.atomic():
        Fund.objects.select_for_update().filter(pk=fund.pk).get()  # one deal per company, checked under lock
        if fund.deals.filter(organisation=organisation).exists():
            raise ValidationError(_("This company is already on the board."))
        deal = Deal.objects.create(
            fund=fund, organisation=organisation, stage=stage, owner=actor, source=source
        )
        record(deal, action="fund:deal_added", actor=actor, note=organisation.legal_name)
    return deal


def do_create_deal(
    organisation: Organisation,
    *,
    source: str,
    by: Any,
    fund: Fund | None = None,
    stage: str = Deal.Stage.SEED,
) -> Deal:
    """The deal for `organisation` on the board of `fund` (the only fund when none is named), created
    when the company is not there yet. Other apps (the radar, the accelerator's alumni) call this to
    feed the deal flow: a company already on the board is returned as it is, never typed twice.
    Keep this name and signature stable."""
    if fund is None:
        fund = Fund.objects.order_by("pk").first()
        if fund is None:
            raise ValidationError(_("There is no fund yet."))
    existing = fund.deals.filter(organisation=organisation).first()
    if existing is not None:
        require_fund_team(by, fund)
        return existing
    try:
        return check_add_deal(fund, organisation, by, stage=stage, source=source)
    except ValidationError:
        # Added by someone else a moment ago: that deal is the one.
        existing = fund.deals.filter(organisation=organisation).first()
        if existing is None:
            raise
        return existing


def committee_blockers(deal: Deal, today: date) -> list[str]:
    """Why the deal cannot go before the committee yet, one reason a line: open ownership findings,
    and required due-diligence items still open or whose evidence has expired."""
    reasons = []
    open_findings = deal.findings.filter(status=wf.FindingStatus.OPEN).count()
    if open_findings:
        reasons.append(
            ngettext("%(n)d ownership finding is open.", "%(n)d ownership findings are open.", open_findings)
            % {"n": open_findings}
        )
    for item in deal.diligence.filter(required=True).exclude(status=wf.ItemStatus.WAIVED):
        if item.status == wf.ItemStatus.OPEN:
            reasons.append(
                _("%(area)s: “%(item)s” is open.") % {"area": item.get_area_display(), "item": item.title}
            )
        elif item.expired(today) and item.expires_on is not None:
            reasons.append(
                _("%(area)s: the evidence of “%(item)s” expired on %(date)s.")
                % {
                    "area": item.get_area_display(),
                    "item": item.title,
                    "date": formats.date_format(item.expires_on, "SHORT_DATE_FORMAT"),
                }
            )
    return reasons


def do_open_checklist(deal: Deal, actor: Any) -> list[DiligenceItem]:
    """Copy the fund's checklist templates that apply to the deal's round onto the deal, each once
    (a template already on the deal is skipped), so running it again adds only new templates."""
    present = set(deal.diligence.exclude(template=None).values_list("template_id", flat=True))
    templates = [
        t
        for t in ChecklistTemplate.objects.filter(fund_id=deal.fund_id).order_by("area", "position", "pk")
        if t.pk not in present and t.applies_to(deal)
    ]
    items = DiligenceItem.objects.bulk_create(
        DiligenceItem(
            deal=deal,
            template=t,
            area=t.area,
            title=t.title,
            guidance=t.guidance,
            required=t.required,
            valid_days=t.valid_days,
            owner=deal.owner,
        )
        for t in templates
    )
    if items:
        record(deal, action="fund:checklist_opened", actor=actor, note=str(len(items)))
    return items


def check_move_deal(deal: Deal, to: str, actor: Any, note: str = "") -> Deal:
    """Move a deal on the board. A deal entering due diligence gets the fund's checklist; it cannot go
    to the investment committee while an ownership finding or a required checklist item is open (or
    its evidence expired): the error lists each reason."""
    require_fund_team(actor, deal)
    with transaction.atomic():
        deal = Deal.objects.select_for_update().get(pk=deal.pk)
        if to == wf.DealStatus.MERGED:
            raise ValidationError(_("Merge a duplicate from the list of possible duplicates."))
        if to == wf.DealStatus.PORTFOLIO:
            # fund.portfolio.check_invest moves it, with its first round: no portfolio deal without money.
            raise ValidationError(_("A deal joins the portfolio when its investment is recorded."))
        if to == wf.DealStatus.COMMITTEE:
            reasons = committee_blockers(deal, timezone.localdate())
            if reasons:
                raise ValidationError(
                    _("Not ready for the committee: %(reasons)s") % {"reasons": " ".join(reasons)}
                )
        transition(deal, to, actor, note=note)
        if to == wf.DealStatus.DUE_DILIGENCE:
            do_open_checklist(deal, actor)
    return deal


def _upstream(company_id: int) -> list[tuple[int, int | None, str, str, Decimal]]:
    """Every holding on a chain into the company, breadth first over holder organisations: the fund's
    organisation-to-organisation holdings and the directory's named shareholders (people, states)."""
    seen, frontier = {company_id}, [company_id]
    rows: list[tuple[int, int | None, str, str, Decimal]] = []
    while frontier:
        chained = list(
            Shareholding.objects.filter(company_id__in=frontier).values_list(
                "company_id", "holder_id", "share"
            )
        )
        named = Shareholder.objects.filter(organisation_id__in=frontier).values_list(
            "organisation_id", "name", "nation", "percentage"
        )
        rows += [(c, h, "", "", share) for c, h, share in chained]
        rows += [(c, None, name, nation, pct / 100) for c, name, nation, pct in named]
        frontier = [h for _c, h, _s in chained if h not in seen]
        seen.update(frontier)
    return rows


def do_screen_deal(
    deal: Deal, actor: Any, causes: list[dict[str, Any]] | None = None, *, system: bool = False
) -> list[Finding]:
    """Screen the deal's company again: effective ownership by nation through its shareholders and
    every holder's name against the screening lists. Open findings raised again stay as they are;
    those no longer raised are superseded; cleared findings stay as they were, with their notes and
    are not raised again. Each run is kept as a `Screening` (the verdict's evidence, what it opened
    and superseded, and `causes`: the changes of shareholders that set it off). Returns the new
    findings (none when nothing changed: idempotent). `system` is the re-screening job's run after a
    change of shareholders, made by the platform rather than by a member of the team."""
    if not system:
        require_fund_team(actor, deal)
    holdings = _upstream(deal.organisation_id)
    org_ids = {deal.organisation_id} | {c for c, *_ in holdings} | {h for _c, h, *_ in holdings if h}
    names = dict(Organisation.objects.filter(pk__in=org_ids).values_list("pk", "legal_name"))
    listed = list(ListedName.objects.values_list("list_name", "entry_id", "name"))
    fund = deal.fund
    try:
        screened = adapter.screen_company(
            deal.organisation_id,
            holdings,
            fund.participating_nations,
            float(fund.rules.get("outside_ownership_limit", "0.25")),
            listed,
            names,
        )
    except ValueError as error:  # holdings that cannot all be true (more than 100 % of a company)
        raise ValidationError(
            _("The declared holdings cannot be screened: %(reason)s") % {"reason": error}
        ) from None
    raised = screened.raised
    with transaction.atomic():
        # A screening covers every change of shareholders made before it: those still waiting for
        # the re-screening job are taken here (the job then finds nothing left for this deal).
        waiting = (
            [] if causes is not None else list(ScreeningCause.objects.filter(deal=deal).order_by("at", "pk"))
        )
        found = {(r.kind, r.explanation) for r in raised}
        still_open = set()
        superseded = []
        for old in Finding.objects.select_for_update().filter(deal=deal, status=wf.FindingStatus.OPEN):
            if (old.kind, old.explanation) in found:
                still_open.add((old.kind, old.explanation))  # raised again: it stays open as it was
            else:
                transition(old, wf.FindingStatus.SUPERSEDED, actor, system=system)
                superseded.append(old.explanation)
        cleared = set(
            deal.findings.filter(status=wf.FindingStatus.CLEARED).values_list("explanation", flat=True)
        )
        new = [
            Finding.objects.create(deal=deal, kind=r.kind, explanation=r.explanation)
            for r in raised
            if r.explanation not in cleared and (r.kind, r.explanation) not in still_open
        ]
        Screening.objects.create(
            deal=deal,
            screened_by=actor if getattr(actor, "is_authenticated", False) else None,
            causes=list(causes) if causes is not None else [c.change for c in waiting],
            ownership={n: round(v, 6) for n, v in screened.by_nation.items()},
            outside=round(screened.outside, 6),
            raised=[[r.kind, r.explanation] for r in raised],
            opened=[f.explanation for f in new],
            superseded=superseded,
        )
        ScreeningCause.objects.filter(pk__in=[c.pk for c in waiting]).delete()
        record(deal, action="fund:deal_screened", actor=actor, note=str(len(new)))
    return new


def check_clear_finding(finding: Finding, note: str, actor: Any) -> Finding:
    """A person clears a finding, saying why in a note (required)."""
    require_fund_team(actor, finding)
    if not note.strip():
        raise ValidationError(_("Say why the finding is cleared."))
    with transaction.atomic():
        finding = Finding.objects.select_for_update().get(pk=finding.pk)
        finding.note = note.strip()
        transition(finding, wf.FindingStatus.CLEARED, actor, note=finding.note, also_save=["note"])
    return finding

"""The portfolio's figures at a date, read once and shared by every page and report that needs them:
each position's invested, received, value, MOIC and IRR; the fund's gross figures over its positions;
its net asset value (positions plus cash); each partner's net figures (its paid calls, its distributions,
its share of the NAV by commitment) and the portfolio's split by nation, EDT area and stage.

Definitions, shown on the pages (lodestar/engine/fund_metrics.py computes them):
DPI = distributed / paid in; RVPI = NAV / paid in; TVPI = DPI + RVPI; MOIC = (received + value) /
invested for one position; IRR = the annual rate (actual/365) that sets the value of the dated flows to
zero. A position not valued yet is held at cost."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import OuterRef, Prefetch, Subquery, Sum
from django.utils.translation import gettext as _

from lodestar.fund import engine_adapter as adapter
from lodestar.fund.models import CashEvent, Fund, Investment, LimitedPartner, Notice, Round, Valuation

ZERO = Decimal(0)


@dataclass(frozen=True)
class Position:
    investment: Investment
    figures: adapter.PositionFigures
    valued_on: date | None  # None: held at cost, no valuation yet
    ownership: Decimal | None
    nation: str
    area: str
    stage: str
    follow_ons: int


@dataclass(frozen=True)
class Snapshot:
    """The fund at `as_of`: positions, pooled gross figures, cash and NAV, and the partners' ledger."""

    fund: Fund
    as_of: date
    positions: list[Position]
    gross: adapter.PositionFigures
    cash: Decimal
    nav: Decimal
    committed: Decimal
    splits: dict[str, list[tuple[str, Decimal, float]]] = field(default_factory=dict)

    @property
    def portfolio_value(self) -> Decimal:
        return sum((p.figures.value for p in self.positions), ZERO)


def snapshot(fund: Fund, as_of: date) -> Snapshot:
    """Everything at `as_of` in a handful of queries, whatever the number of positions and quarters."""
    # Only the last valuation at `as_of` counts: read in the same query (one row per investment
    # through the (investment, on) index), not 60 quarters of history per position.
    last = Valuation.objects.filter(investment=OuterRef("pk"), on__lte=as_of).order_by("-on")
    investments = list(
        Investment.objects.filter(fund=fund)
        .select_related("deal__organisation")
        .annotate(
            last_value=Subquery(last.values("value")[:1]), last_valued_on=Subquery(last.values("on")[:1])
        )
        .prefetch_related(
            Prefetch("rounds", queryset=Round.objects.filter(on__lte=as_of).order_by("on", "pk")),
            "realisations",
            "deal__organisation__areas",
        )
        .order_by("name", "pk")
    )
    positions = []
    pooled_in: list[tuple[date, Decimal]] = []
    pooled_out: list[tuple[date, Decimal]] = []
    for inv in investments:
        rounds = list(inv.rounds.all())
        if not rounds:
            continue
        invested = [(r.on, r.amount) for r in rounds]
        realised = [(r.on, r.amount) for r in inv.realisations.all() if r.on <= as_of]
        if inv.last_valued_on is not None:
            value, valued_on = inv.last_value, inv.last_valued_on
        else:
            value, valued_on = sum((a for _, a in invested), ZERO), None
        figures = adapter.position_figures(invested, realised, value, valued_on or as_of)
        pooled_in += invested
        pooled_out += realised
        if inv.kind == Investment.Kind.DIRECT and inv.deal is not None:
            areas = list(inv.deal.organisation.areas.all())
            area = areas[0].name if areas else _("Other")
            stage = inv.deal.get_stage_display()
        else:
            area = stage = _("Commitments to other funds")
        positions.append(
            Position(
                investment=inv,
                figures=figures,
                valued_on=valued_on,
                ownership=next(
                    (r.ownership_after for r in reversed(rounds) if r.ownership_after is not None), None
                ),
                nation=inv.nation,
                area=area,
                stage=str(stage),
                follow_ons=sum(1 for r in rounds if r.follow_on),
            )
        )
    value = sum((p.figures.value for p in positions), ZERO)
    gross = adapter.position_figures(pooled_in, pooled_out, value, as_of)
    paid = Notice.objects.filter(event__fund=fund, event__on__lte=as_of)
    calls_paid = paid.filter(event__kind=CashEvent.Kind.CALL).aggregate(s=Sum("paid"))["s"] or ZERO
    distributed = paid.filter(event__kind=CashEvent.Kind.DISTRIBUTION).aggregate(s=Sum("amount"))["s"] or ZERO
    fees = sum(
        (e.management_fee for e in fund.cash_events.filter(kind=CashEvent.Kind.CALL, on__lte=as_of)), ZERO
    )
    cash = calls_paid - fees - gross.invested + gross.realised - distributed
    committed = fund.partners.aggregate(s=Sum("commitment"))["s"] or ZERO
    snap = Snapshot(fund, as_of, positions, gross, cash, value + cash, committed)
    snap.splits.update(
        {
            "nation": _split(positions, lambda p: p.nation),
            "area": _split(positions, lambda p: p.area),
            "stage": _split(positions, lambda p: p.stage),
        }
    )
    return snap


def _split(positions: list[Position], key: object) -> list[tuple[str, Decimal, float]]:
    """(label, value, share of the portfolio's value) by the key, the largest first."""
    totals: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for p in positions:
        totals[key(p)] += p.figures.value  # type: ignore[operator]  # a callable
    whole = sum(totals.values(), ZERO)
    rows = [(label, v, float(v / whole) if whole else 0.0) for label, v in totals.items()]
    return sorted(rows, key=lambda r: (-r[1], r[0]))


@dataclass(frozen=True)
class PartnerFigures:
    """A partner's net figures: what it paid in, received, its share of the NAV, and the ratios."""

    partner: LimitedPartner
    share: Decimal
    called: Decimal
    paid_in: Decimal
    distributed: Decimal
    nav: Decimal
    figures: adapter.FundFigures


def partner_figures(partner: LimitedPartner, snap: Snapshot) -> PartnerFigures:
    """The partner's ledger up to the snapshot's date (calls as paid, on the call's date; distributions)
    and its share of the NAV by commitment, through the engine (TVPI, DPI, RVPI, IRR)."""
    notices = [n for n in partner.notices.select_related("event") if n.event.on <= snap.as_of]
    return partner_figures_from(partner, notices, snap)


def partner_figures_from(partner: LimitedPartner, notices: list[Notice], snap: Snapshot) -> PartnerFigures:
    share = partner.commitment / snap.committed if snap.committed else ZERO
    nav = max(ZERO, (snap.nav * share).quantize(Decimal("0.01")))
    lines = [
        adapter.LedgerLine(n.event.on, "call", n.paid)
        for n in notices
        if n.event.kind == CashEvent.Kind.CALL and n.paid
    ]
    lines += [
        adapter.LedgerLine(n.event.on, "distribution", n.amount)
        for n in notices
        if n.event.kind == CashEvent.Kind.DISTRIBUTION
    ]
    lines.append(adapter.LedgerLine(snap.as_of, "nav", nav))
    called = sum((n.amount for n in notices if n.event.kind == CashEvent.Kind.CALL), ZERO)
    figures = adapter.partner_figures(lines)
    return PartnerFigures(
        partner=partner,
        share=share,
        called=called,
        paid_in=figures.multiples.paid_in,
        distributed=figures.multiples.distributed,
        nav=nav,
        figures=figures,
    )

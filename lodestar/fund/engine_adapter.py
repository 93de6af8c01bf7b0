"""The fund's one door to the engine: cash-flow statements read from files or rows, turned into the
engine's plain data, and the figures turned back into something to print or show."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from lodestar.engine.duplicates import Entry, find_duplicates, host
from lodestar.engine.fund_metrics import Flow, FundFigures, LedgerLine, figures, moic, split_pro_rata, xirr
from lodestar.engine.ownership import (
    UNDISCLOSED,
    Holding,
    OwnershipGraph,
    Party,
    effective_ownership,
    screen_ownership,
)
from lodestar.engine.screening import Candidate, ListedName, ScreeningIndex, similarity

KINDS = ("call", "distribution", "nav")


class CashFlowError(ValueError):
    """A row of a cash-flow file that cannot be read; the message names its line."""


def read_cash_flows(lines: Iterable[str]) -> list[LedgerLine]:
    """Rows of `date,kind,amount` (ISO date; call, distribution or nav; a positive amount) after a
    header line saying exactly that. Line numbers in errors count the header as line 1."""
    reader = csv.reader(lines)
    header = next(reader, None)
    if header is None or [h.strip().lower() for h in header] != ["date", "kind", "amount"]:
        raise CashFlowError("line 1: the header must be 'date,kind,amount'")
    out = []
    for row in reader:
        number = reader.line_num
        if not row or all(not cell.strip() for cell in row):
            continue
        if len(row) != 3:
            raise CashFlowError(f"line {number}: expected 3 fields (date,kind,amount), found {len(row)}")
        raw_date, kind, raw_amount = (cell.strip() for cell in row)
        try:
            on = date.fromisoformat(raw_date)
        except ValueError:
            raise CashFlowError(f"line {number}: {raw_date!r} is not an ISO date (YYYY-MM-DD)") from None
        if kind not in KINDS:
            raise CashFlowError(f"line {number}: kind {kind!r} is not one of call, distribution, nav")
        try:
            amount = Decimal(raw_amount)
        except InvalidOperation:
            raise CashFlowError(f"line {number}: amount {raw_amount!r} is not a number") from None
        if not amount.is_finite() or amount < 0:
            raise CashFlowError(f"line {number}: amount {raw_amount!r} must be a positive number")
        out.append(LedgerLine(on, kind, amount))
    if not any(line.kind == "call" for line in out):
        raise CashFlowError("the file has no call: nothing was paid in, so no figure can be computed")
    return out


def figures_of(lines: list[LedgerLine]) -> FundFigures:
    return figures(lines)


def figures_as_json(result: FundFigures) -> dict[str, Any]:
    """The object `lodestar fund-metrics` prints; ratios as numbers, None (null) when undefined."""
    m = result.multiples

    def num(value: Decimal | None) -> float | None:
        return None if value is None else float(value)

    out: dict[str, Any] = {
        "irr": result.irr.rate,
        "tvpi": num(m.tvpi),
        "dpi": num(m.dpi),
        "rvpi": num(m.rvpi),
        "paid_in": float(m.paid_in),
        "distributed": float(m.distributed),
        "nav": float(m.nav),
    }
    if result.irr.reason:
        out["irr_note"] = result.irr.reason
    if len(result.irr.roots) > 1:
        out["irr_roots"] = list(result.irr.roots)
    return out


# --- Capital calls and distributions: pro-rata split ----------------------------------------------


def split_to_partners(amount: Decimal, commitments: dict[int, Decimal]) -> dict[int, Decimal]:
    """`amount` split over partners (by id) in proportion to their commitments, exact to the cent; the
    leftover cents go to the largest fractions, ties to the lower partner id (zero-padded keys keep
    the engine's key order numeric)."""
    keyed = {f"{pk:012d}": commitment for pk, commitment in commitments.items()}
    return {int(key): part for key, part in split_pro_rata(amount, keyed).items()}


def partner_figures(lines: list[LedgerLine]) -> FundFigures:
    return figures(lines)


# --- Ownership screening --------------------------------------------------------------------------


@dataclass(frozen=True)
class Raised:
    """A finding to record: its kind (outside, ring, listed) and its explanation."""

    kind: str
    explanation: str


@dataclass(frozen=True)
class Screened:
    """What screening one company gives: the findings, and their evidence, the company's effective
    ownership by nation (shares in [0, 1]) and the part held from outside the participating nations."""

    raised: list[Raised]
    by_nation: dict[str, float]
    outside: float


def screen_company(
    company_id: int,
    holdings: list[tuple[int, int | None, str, str, Decimal]],
    participating: frozenset[str],
    limit: float,
    listed: list[tuple[str, str, str]],
    names: dict[int, str],
    threshold: float = 90.0,
) -> Screened:
    """Findings for one company, with the ownership by nation they rest on: `holdings` are (company,
    holder organisation or None, holder name, holder nation, share) rows reaching it upstream;
    `listed` (list, entry, name); `names` the organisations' names. Holders named without a nation
    count as undisclosed."""
    companies = {f"o{company_id}"}
    parties: dict[str, Party] = {}
    edges = []
    for company, holder_org, holder_name, nation, share in holdings:
        companies.add(f"o{company}")
        if holder_org is not None:
            holder = f"o{holder_org}"
            companies.add(holder)
        else:
            holder = f"p{holder_name}|{nation}"
            parties.setdefault(holder, Party(holder, holder_name, nation or UNDISCLOSED))
        edges.append(Holding(holder, f"o{company}", float(share)))
    graph = OwnershipGraph(tuple(sorted(companies)), tuple(parties.values()), tuple(edges))
    ownership = effective_ownership(graph)
    raised = [
        Raised(f.kind, f.explanation)
        for f in screen_ownership(ownership, participating, limit, [f"o{company_id}"])
    ]
    if listed:
        index = ScreeningIndex([ListedName(lst, entry, name) for lst, entry, name in listed])
        candidates = [Candidate(p.id, p.name) for p in parties.values()]
        candidates += [Candidate(c, names.get(int(c[1:]), "")) for c in sorted(companies)]
        raised += [Raised("listed", hit.explanation) for hit in index.screen(candidates, threshold)]
    key = f"o{company_id}"
    by_nation = {n: v for n, v in ownership.by_company.get(key, {}).items() if v >= 5e-7}
    return Screened(raised, by_nation, ownership.outside(key, participating))


# --- Duplicates on the board ----------------------------------------------------------------------


@dataclass(frozen=True)
class LikelyDuplicate:
    """Two deals that are probably one company, by the engine's one definition of "same company"
    (lodestar/engine/duplicates.py, as the engagement directory uses it): close names, or the same
    website with names close enough. `website` is the first deal's website host when they share it."""

    first: int
    second: int
    score: float
    same_website: bool
    website: str


def duplicate_deals(deals: list[tuple[int, str, str]]) -> list[LikelyDuplicate]:
    """(deal id, company name, website) rows in, the likely pairs out, strongest first, the lower id
    first in each pair."""
    sites = {pk: site for pk, _name, site in deals}
    # Zero-padded ids: the engine orders a pair by id as text, so "000000000009" comes before "000000000010".
    found = find_duplicates([Entry(f"{pk:012d}", name, site) for pk, name, site in deals])
    out = []
    for d in found:
        first, second = int(d.first_id), int(d.second_id)
        same_site = "same_website" in d.reasons
        shown = host(sites[first]) if same_site else ""
        out.append(LikelyDuplicate(first, second, d.score, same_site, shown))
    return out


# --- Portfolio figures ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PositionFigures:
    """One investment's figures: invested, received, value at the date, MOIC and IRR (None with a reason
    when it does not exist)."""

    invested: Decimal
    realised: Decimal
    value: Decimal
    moic: Decimal | None
    irr: float | None
    irr_note: str


def position_figures(
    invested: list[tuple[date, Decimal]],
    realised: list[tuple[date, Decimal]],
    value: Decimal,
    value_on: date | None,
) -> PositionFigures:
    """Gross figures of a position (or of many, flows pooled): money in is negative, proceeds and the
    value at `value_on` positive, on the engine's XIRR (actual/365)."""
    paid = sum((a for _, a in invested), Decimal(0))
    back = sum((a for _, a in realised), Decimal(0))
    flows = [Flow(on, -float(a)) for on, a in invested] + [Flow(on, float(a)) for on, a in realised]
    if value and value_on is not None:
        flows.append(Flow(value_on, float(value)))
    result = xirr(flows) if flows else None
    return PositionFigures(
        invested=paid,
        realised=back,
        value=value,
        moic=moic(paid, back, value),
        irr=result.rate if result else None,
        irr_note=result.reason if result else "",
    )


def name_similarity(first: str, second: str) -> float:
    """How alike two organisation names are (0-100), legal forms, accents and word order set aside:
    the measure the screening lists use."""
    return similarity(first, second)

"""The fund's money: internal rate of return on dated cash flows, the multiples, pro-rata splits.

Sign convention (the limited partners' side): a capital call is money paid *in* to the fund, so it is
negative for the partners; a distribution is paid *out* to them, positive; the net asset value (NAV)
of what is left is counted as if distributed on its date, positive.

Definitions (shown on the fund's pages too):
- paid-in capital (PIC): the sum of the capital calls paid.
- DPI, distributions to paid-in: distributed / paid-in (what has come back in cash).
- RVPI, residual value to paid-in: NAV / paid-in (what is still held, at its valuation).
- TVPI, total value to paid-in: (distributed + NAV) / paid-in = DPI + RVPI.
- MOIC, multiple on invested capital, for one investment: (proceeds received + current value) /
  amount invested. The same ratio as TVPI seen from one cheque rather than from the partners.
- IRR (XIRR): the annual rate r, with time counted in actual days / 365, such that
  sum(amount_i / (1 + r) ** (days_i / 365)) = 0. It may not exist (all flows of one sign, or an NPV
  that never crosses zero) and it may not be unique (several sign changes): the result says which.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_DOWN, Decimal

import numpy as np
import pyxirr

CENT = Decimal("0.01")
DAYS_PER_YEAR = 365.0
# Where roots are looked for: from -99.99 % to +10,000 % a year. Outside it an "IRR" says nothing a
# partner could use, and the NPV's powers overflow for long funds.
LOWEST_RATE = -0.9999
HIGHEST_RATE = 100.0
SCAN_POINTS = 2000


@dataclass(frozen=True)
class Flow:
    """One dated cash flow, signed from the partners' side (paid in < 0, paid out or NAV > 0)."""

    on: date
    amount: float


@dataclass(frozen=True)
class IrrResult:
    """The IRR, or None with the reason it does not exist; `roots` lists every rate found when several."""

    rate: float | None
    reason: str = ""
    roots: tuple[float, ...] = field(default=())

    @property
    def unique(self) -> bool:
        return self.rate is not None and len(self.roots) <= 1


def npv(rate: float, flows: Sequence[Flow]) -> float:
    """Net present value at `rate`, discounted to the first flow's date on actual/365."""
    start = min(f.on for f in flows)
    base = 1.0 + rate
    return math.fsum(f.amount * base ** (-((f.on - start).days / DAYS_PER_YEAR)) for f in flows)


def _scan_roots(flows: Sequence[Flow]) -> list[tuple[float, float]]:
    """Brackets [lo, hi] where the NPV changes sign, on a grid even in log(1 + r) (numpy, vectorised).

    Two roots closer than one step of the grid (about 0.3 % of 1 + r) cancel out and are not seen.
    """
    start = min(f.on for f in flows)
    years = np.array([(f.on - start).days / DAYS_PER_YEAR for f in flows])
    amounts = np.array([f.amount for f in flows])
    logs = np.linspace(math.log1p(LOWEST_RATE), math.log1p(HIGHEST_RATE), SCAN_POINTS + 1)
    rates = np.expm1(logs)
    with np.errstate(over="ignore", invalid="ignore"):
        values = (amounts[None, :] * np.exp(-np.outer(logs, years))).sum(axis=1)
    signs = np.sign(values)
    brackets: list[tuple[float, float]] = []
    for k in range(1, len(rates)):
        if not (np.isfinite(values[k - 1]) and np.isfinite(values[k])):
            continue
        if signs[k] == 0 or (signs[k - 1] != 0 and signs[k] != signs[k - 1]):
            brackets.append((float(rates[k - 1]), float(rates[k])))
    return brackets


def _bisect(flows: Sequence[Flow], lo: float, hi: float) -> float:
    f_lo = npv(lo, flows)
    for _ in range(200):
        mid = (lo + hi) / 2
        f_mid = npv(mid, flows)
        if f_mid == 0.0 or hi - lo < 1e-15:
            return mid
        if (f_mid > 0) == (f_lo > 0):
            lo, f_lo = mid, f_mid
        else:
            hi = mid
    return (lo + hi) / 2


def _sign_changes(ordered: Sequence[Flow]) -> int:
    """Sign changes of the flows in date order, flows of one date added together first."""
    by_day: dict[date, float] = {}
    for f in ordered:
        by_day[f.on] = by_day.get(f.on, 0.0) + f.amount
    signs = [v > 0 for v in by_day.values() if v != 0]
    return sum(1 for a, b in zip(signs, signs[1:], strict=False) if a != b)


def xirr(flows: Sequence[Flow]) -> IrrResult:
    """The annual IRR of dated flows (actual/365), computed by pyxirr and checked.

    pyxirr (a kept, tested library) finds a root; a scan of the NPV's sign changes over
    [LOWEST_RATE, HIGHEST_RATE] then says whether the root is unique. When pyxirr finds none but the
    scan brackets one (it can miss roots of awkward flows with many sign changes), the root is
    bisected within its bracket. With several roots, the one pyxirr found is returned (else the one
    nearest zero) and all of them are listed in `roots`.
    """
    if not flows:
        return IrrResult(None, "no IRR: there are no cash flows")
    if all(f.amount >= 0 for f in flows) or all(f.amount <= 0 for f in flows):
        return IrrResult(None, "no IRR: every cash flow has the same sign, so the NPV never reaches zero")
    ordered = sorted(flows, key=lambda f: f.on)
    found: float | None
    try:
        found = pyxirr.xirr([f.on for f in ordered], [f.amount for f in ordered], silent=True)
    except (pyxirr.InvalidPaymentsError, ValueError):
        found = None
    if found is not None and (math.isnan(found) or not LOWEST_RATE <= found <= HIGHEST_RATE):
        found = None
    if found is not None and _sign_changes(ordered) == 1:
        # The NPV is a sum of exponentials in log(1 + r); by Descartes' rule of signs for such sums,
        # one sign change in the dated flows allows one root at most: the one found is the IRR, and
        # the scan (the costly part, 2,000 rates) is not needed.
        return IrrResult(found, "", (found,))
    brackets = _scan_roots(ordered)
    roots = sorted(_bisect(ordered, lo, hi) for lo, hi in brackets)
    if found is not None and roots:
        # Polish pyxirr's root within the bracket it falls in, so that it agrees with the scan's.
        near = min(roots, key=lambda r: abs(r - found))  # type: ignore[operator]  # found is a float here
        if abs(near - found) < 1e-6:
            found = near
    if found is None and not roots:
        return IrrResult(
            None,
            "no IRR: the net present value does not reach zero at any rate "
            f"between {LOWEST_RATE:.2%} and {HIGHEST_RATE:.0%} a year",
        )
    if found is None:
        found = min(roots, key=abs)
    if len(roots) > 1:
        listed = ", ".join(f"{r:.4%}" for r in roots)
        return IrrResult(
            found, f"several rates set the NPV to zero ({listed}); the IRR is ambiguous", tuple(roots)
        )
    return IrrResult(found, "", (found,))


@dataclass(frozen=True)
class Multiples:
    """The fund's (or a partner's) figures from its flows: amounts in the fund's currency."""

    paid_in: Decimal
    distributed: Decimal
    nav: Decimal
    tvpi: Decimal | None
    dpi: Decimal | None
    rvpi: Decimal | None


def _ratio(numerator: Decimal, denominator: Decimal) -> Decimal | None:
    return None if denominator == 0 else (numerator / denominator).quantize(Decimal("0.000001"))


def multiples(paid_in: Decimal, distributed: Decimal, nav: Decimal) -> Multiples:
    """TVPI, DPI and RVPI (see the module's docstring); None when nothing was paid in yet."""
    return Multiples(
        paid_in,
        distributed,
        nav,
        tvpi=_ratio(distributed + nav, paid_in),
        dpi=_ratio(distributed, paid_in),
        rvpi=_ratio(nav, paid_in),
    )


def moic(invested: Decimal, proceeds: Decimal, value: Decimal) -> Decimal | None:
    """Multiple on invested capital of one investment: (proceeds + current value) / invested."""
    return _ratio(proceeds + value, invested)


@dataclass(frozen=True)
class LedgerLine:
    """One line of a fund's (or partner's) statement: kind is 'call', 'distribution' or 'nav'."""

    on: date
    kind: str
    amount: Decimal


@dataclass(frozen=True)
class FundFigures:
    irr: IrrResult
    multiples: Multiples
    nav_date: date | None


def figures(lines: Sequence[LedgerLine]) -> FundFigures:
    """IRR and multiples of a statement: calls out, distributions in, and the last NAV in at its date.

    Earlier NAV lines are superseded by the latest one (by date, then by order given).
    """
    paid_in = sum((line.amount for line in lines if line.kind == "call"), Decimal(0))
    distributed = sum((line.amount for line in lines if line.kind == "distribution"), Decimal(0))
    navs = [(line.on, i, line) for i, line in enumerate(lines) if line.kind == "nav"]
    last_nav = max(navs, key=lambda t: (t[0], t[1]))[2] if navs else None
    nav = last_nav.amount if last_nav else Decimal(0)
    flows = [Flow(line.on, -float(line.amount)) for line in lines if line.kind == "call"]
    flows += [Flow(line.on, float(line.amount)) for line in lines if line.kind == "distribution"]
    if last_nav is not None and last_nav.amount:
        flows.append(Flow(last_nav.on, float(last_nav.amount)))
    return FundFigures(xirr(flows), multiples(paid_in, distributed, nav), last_nav.on if last_nav else None)


def split_pro_rata(total: Decimal, weights: Mapping[str, Decimal]) -> dict[str, Decimal]:
    """Split `total` in proportion to `weights`, to the cent, the parts adding up exactly to the total.

    Largest remainder: each part is first rounded down to the cent; the cents left over go one each
    to the parts with the largest fractions cut off, ties broken by key order, so the same input
    always gives the same split. A zero weight gets nothing.
    """
    if total < 0:
        raise ValueError("the amount to split must not be negative")
    if total != total.quantize(CENT):
        raise ValueError("the amount to split must be in whole cents")
    if any(w < 0 for w in weights.values()):
        raise ValueError("weights must not be negative")
    whole = sum(weights.values(), Decimal(0))
    if whole == 0:
        raise ValueError("the weights add up to zero")
    cents = int(total / CENT)
    exact = {key: Decimal(cents) * w / whole for key, w in weights.items()}
    floors = {key: int(v.to_integral_value(rounding=ROUND_DOWN)) for key, v in exact.items()}
    left = cents - sum(floors.values())
    order = sorted(weights, key=lambda key: (-(exact[key] - floors[key]), key))
    for key in order[:left]:
        floors[key] += 1
    return {key: Decimal(floors[key]) * CENT for key in weights}

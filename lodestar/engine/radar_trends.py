"""Signals over time and the test that says one is rising (pure Python; the radar app feeds it counts).

**The burst test.** A signal (an EDT area, a nation, an organisation) is *rising* when its share of the
documents read in the recent window (by default the last 6 months) is higher than its share in the
baseline window before it (the 24 months before), by more than chance would give. Under the hypothesis
"nothing changed", each recent document carries the signal with the baseline's probability ``p0``; the
number of recent documents that carry it is then binomial(n_recent, p0). The one-sided binomial test
gives the probability ``p_value`` of seeing at least as many by chance. The signal is rising when
``p_value < alpha`` (0.01), the recent share is at least ``min_ratio`` (1.5) times the baseline share,
and at least ``min_count`` (5) recent documents carry it, so that one or two articles do not make a trend.
A signal never seen before (``p0 = 0``) uses half a document as its baseline count (a standard
continuity correction), so that something new can rise too. The test compares a signal with its own
past, not with other signals, which is what an analyst asks: "is this more talked about than before?"
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from scipy.stats import binom

ALPHA = 0.01
MIN_RATIO = 1.5
MIN_COUNT = 5
RECENT_MONTHS = 6
BASELINE_MONTHS = 24


@dataclass(frozen=True)
class Burst:
    key: str
    recent: int
    recent_total: int
    baseline: int
    baseline_total: int
    ratio: float  # recent share / baseline share
    p_value: float
    rising: bool


def months_before(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return dt.date(year, month + 1, min(day.day, 28))


def windows(
    reference: dt.date, recent_months: int = RECENT_MONTHS, baseline_months: int = BASELINE_MONTHS
) -> tuple[dt.date, dt.date, dt.date]:
    """(baseline start, recent start, reference): baseline before recent start, recent up to reference."""
    recent_start = months_before(reference, recent_months)
    return months_before(recent_start, baseline_months), recent_start, reference


def burst(
    key: str,
    recent: int,
    recent_total: int,
    baseline: int,
    baseline_total: int,
    alpha: float = ALPHA,
    min_ratio: float = MIN_RATIO,
    min_count: int = MIN_COUNT,
) -> Burst:
    """The burst test for one signal (see the module's docstring)."""
    if recent_total <= 0:
        return Burst(key, recent, recent_total, baseline, baseline_total, 0.0, 1.0, False)
    p0 = max(baseline, 0.5) / baseline_total if baseline_total > 0 else 0.5 / max(recent_total, 1)
    p0 = min(p0, 1.0)
    recent_share = recent / recent_total
    ratio = recent_share / p0 if p0 > 0 else float("inf")
    p_value = float(binom.sf(recent - 1, recent_total, p0)) if recent > 0 else 1.0
    rising = p_value < alpha and ratio >= min_ratio and recent >= min_count
    return Burst(key, recent, recent_total, baseline, baseline_total, round(ratio, 2), p_value, rising)


def bursts(
    recent_counts: dict[str, int],
    recent_total: int,
    baseline_counts: dict[str, int],
    baseline_total: int,
    **options: float,
) -> list[Burst]:
    """The burst test for every signal seen in either window, rising ones first, strongest first."""
    keys = set(recent_counts) | set(baseline_counts)
    results = [
        burst(k, recent_counts.get(k, 0), recent_total, baseline_counts.get(k, 0), baseline_total, **options)  # type: ignore[arg-type]
        for k in keys
    ]
    return sorted(results, key=lambda b: (not b.rising, b.p_value, -b.recent, b.key))


def quarter(day: dt.date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def quarterly(dates: Iterable[dt.date], first: dt.date, last: dt.date) -> list[tuple[str, int]]:
    """Counts per calendar quarter from ``first`` to ``last``, quarters without any included as 0."""
    counts = Counter(quarter(d) for d in dates)
    out = []
    year, q = first.year, (first.month - 1) // 3
    while (year, q) <= (last.year, (last.month - 1) // 3):
        label = f"{year}-Q{q + 1}"
        out.append((label, counts.get(label, 0)))
        year, q = (year + 1, 0) if q == 3 else (year, q + 1)
    return out

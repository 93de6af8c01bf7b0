"""The fund's money: XIRR against an independent bisection on the NPV, multiples, pro-rata splits."""

import math
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lodestar.engine.fund_metrics import (
    HIGHEST_RATE,
    LOWEST_RATE,
    SCAN_POINTS,
    Flow,
    LedgerLine,
    figures,
    moic,
    multiples,
    split_pro_rata,
    xirr,
)

START = date(2020, 1, 1)


# -- the independent computation: plain NPV and bisection, nothing shared with the engine ----------
def npv_by_hand(rate, dated):
    total = 0.0
    for day, amount in dated:
        total += amount / (1.0 + rate) ** (day / 365.0)
    return total


def bisect_by_hand(dated, lo, hi):
    f_lo = npv_by_hand(lo, dated)
    while hi - lo > 1e-13:
        mid = lo + (hi - lo) / 2
        f_mid = npv_by_hand(mid, dated)
        if f_mid == 0:
            return mid
        if (f_mid > 0) == (f_lo > 0):
            lo, f_lo = mid, f_mid
        else:
            hi = mid
    return (lo + hi) / 2


def roots_by_hand(dated):
    """Every sign change of the NPV on the grid the engine documents (even in log(1 + r))."""
    lo_log, hi_log = math.log(1 + LOWEST_RATE), math.log(1 + HIGHEST_RATE)
    grid = [math.exp(lo_log + (hi_log - lo_log) * k / SCAN_POINTS) - 1 for k in range(SCAN_POINTS + 1)]
    values = [npv_by_hand(r, dated) for r in grid]
    return [
        bisect_by_hand(dated, grid[k - 1], grid[k])
        for k in range(1, len(grid))
        if (values[k] > 0) != (values[k - 1] > 0)
    ]


def flows_of(dated):
    return [Flow(START + timedelta(days=day), amount) for day, amount in dated]


dated_flows = st.lists(
    st.tuples(st.integers(0, 15 * 365), st.integers(-1000, 1000).filter(bool).map(float)),
    min_size=2,
    max_size=12,
    unique_by=lambda t: t[0],
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dated_flows)
def test_irr_equals_an_independent_bisection_on_the_npv(dated):
    dated = [(0, -1000.0)] + [(d + 1, a) for d, a in dated]  # the first flow is a call
    result = xirr(flows_of(dated))
    roots = roots_by_hand(dated)
    if not roots:
        assert result.rate is None
        assert result.reason.startswith("no IRR")
        return
    assert result.rate is not None
    assert min(abs(result.rate - r) for r in roots) < 1e-9
    assert len(result.roots) == len(roots)
    for mine, theirs in zip(result.roots, roots, strict=True):
        assert mine == pytest.approx(theirs, abs=1e-9)
    if len(roots) > 1:
        assert "ambiguous" in result.reason


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(-500, 500).filter(bool), min_size=8, max_size=20))
def test_irr_with_many_sign_changes_is_a_root_or_is_declared_missing(amounts):
    # alternate signs on yearly dates: as many sign changes as flows
    dated = [(365 * i, float(abs(a) if i % 2 else -abs(a))) for i, a in enumerate(amounts)]
    result = xirr(flows_of(dated))
    roots = roots_by_hand(dated)
    if result.rate is None:
        assert roots == []
    else:
        assert min(abs(result.rate - r) for r in roots) < 1e-9


def test_a_simple_investment_has_the_textbook_rate():
    result = xirr([Flow(date(2021, 1, 1), -100.0), Flow(date(2022, 1, 1), 110.0)])
    assert result.rate == pytest.approx(0.10, abs=1e-12)
    assert result.unique and result.reason == ""


def test_flows_of_one_sign_have_no_irr_and_say_why():
    result = xirr([Flow(date(2021, 1, 1), -100.0), Flow(date(2022, 1, 1), -5.0)])
    assert result.rate is None
    assert "same sign" in result.reason


def test_two_rates_are_both_listed_and_called_ambiguous():
    result = xirr(
        [Flow(date(2021, 1, 1), -100.0), Flow(date(2022, 1, 1), 230.0), Flow(date(2023, 1, 1), -132.0)]
    )
    assert [round(r, 9) for r in result.roots] == [0.1, 0.2]
    assert not result.unique and "ambiguous" in result.reason


def test_multiples_follow_their_definitions():
    m = multiples(Decimal("100"), Decimal("40"), Decimal("80"))
    assert (m.dpi, m.rvpi, m.tvpi) == (Decimal("0.4"), Decimal("0.8"), Decimal("1.2"))
    assert multiples(Decimal(0), Decimal(0), Decimal(5)).tvpi is None
    assert moic(Decimal("10"), Decimal("5"), Decimal("25")) == Decimal("3")


def test_figures_use_only_the_last_nav():
    lines = [
        LedgerLine(date(2021, 1, 1), "call", Decimal("100")),
        LedgerLine(date(2021, 6, 30), "nav", Decimal("999")),
        LedgerLine(date(2022, 1, 1), "nav", Decimal("110")),
    ]
    out = figures(lines)
    assert out.multiples.nav == Decimal("110") and out.nav_date == date(2022, 1, 1)
    assert out.irr.rate == pytest.approx(0.10, abs=1e-12)


def test_a_split_adds_up_to_the_cent_and_places_the_remainder_by_size_then_key():
    parts = split_pro_rata(Decimal("100.00"), {"b": Decimal(1), "a": Decimal(1), "c": Decimal(1)})
    assert parts == {"a": Decimal("33.34"), "b": Decimal("33.33"), "c": Decimal("33.33")}


@given(
    st.integers(0, 10**11).map(lambda c: Decimal(c) / 100),
    st.dictionaries(
        st.text("ABCDEFGHIJ", min_size=2, max_size=2),
        st.integers(0, 10**9).map(Decimal),
        min_size=1,
        max_size=24,
    ).filter(lambda w: sum(w.values()) > 0),
)
def test_every_split_is_exact_fair_to_a_cent_and_deterministic(total, weights):
    parts = split_pro_rata(total, weights)
    assert sum(parts.values()) == total
    whole = sum(weights.values())
    for key, part in parts.items():
        assert abs(part - total * weights[key] / whole) < Decimal("0.01")
        assert part == part.quantize(Decimal("0.01"))
    assert split_pro_rata(total, dict(reversed(list(weights.items())))) == parts


@pytest.mark.parametrize("total", [Decimal("-1"), Decimal("1.001")])
def test_a_split_refuses_negative_or_fractional_cent_amounts(total):
    with pytest.raises(ValueError):
        split_pro_rata(total, {"a": Decimal(1)})

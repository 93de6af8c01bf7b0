"""Sums of money, issue 12 round 3: ranges and "multimillion-dollar" (sentences written for these tests)."""

from __future__ import annotations

from lodestar.engine.reading.money import find_amounts


def sums(text: str) -> list[tuple[int, str]]:
    return [(a.value, a.currency) for a in find_amounts(text)]


def test_the_first_number_of_a_range_takes_the_second_s_scale_and_currency() -> None:
    assert sums("Un marché de 120 à 180 millions d’euros a été notifié.") == [
        (120_000_000, "EUR"),
        (180_000_000, "EUR"),
    ]
    assert sums("It is worth between 4 and 6 million dollars.") == [(4_000_000, "USD"), (6_000_000, "USD")]


def test_a_year_before_a_sum_is_no_range() -> None:
    assert sums("Over 2021 to 9 million euros were spent.") == [(9_000_000, "EUR")]


def test_multimillion_and_multibillion_dollar_name_no_number() -> None:
    assert sums("The multimillion-dollar deal follows a multibillion-euro plan.") == []
    assert sums("A billion-dollar fund opened.") == [(1_000_000_000, "USD")]

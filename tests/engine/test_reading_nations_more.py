"""Nations, issue 12 round 3: "UK-based" names the UK; "US$" is a currency (sentences written here)."""

from __future__ import annotations

from lodestar.engine.reading.nations import find_nations


def codes(text: str) -> list[str]:
    return [n.code for n in find_nations(text)]


def test_a_nation_before_based_made_or_led_is_named() -> None:
    assert codes("The UK-based fund and a Japanese-made radar joined.") == ["GB", "JP"]
    assert codes("A German-led consortium bid.") == ["DE"]


def test_a_hyphenated_compound_s_middle_is_still_no_nation() -> None:
    assert codes("Franco-German talks went on.") == []


def test_us_dollars_written_us_dollar_sign_name_no_nation() -> None:
    assert codes("The deal is worth US$40 million.") == []
    assert codes("US troops arrived.") == ["US"]

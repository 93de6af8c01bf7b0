"""Sums of money, issue 12 round 5: the forms of both languages (sentences written for these tests)."""

from __future__ import annotations

import pytest

from lodestar.engine.reading.money import find_amounts


def sums(text: str) -> list[tuple[int, str]]:
    return [(a.value, a.currency) for a in find_amounts(text)]


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("Le contrat vaut 1,2 milliard d'euros.", 1_200_000_000, "EUR"),
        ("It won a €1.2bn deal.", 1_200_000_000, "EUR"),
        ("A grant of EUR 1.2 billion was approved.", 1_200_000_000, "EUR"),
        ("The state pays 1.2 billion euros.", 1_200_000_000, "EUR"),
        ("A £2.5m order.", 2_500_000, "GBP"),
        ("Un crédit de CHF 3 millions.", 3_000_000, "CHF"),
        ("Une levée de 3 M€.", 3_000_000, "EUR"),
        ("Une subvention de 500 k€.", 500_000, "EUR"),
        ("Valued at $3.2B, the firm grew.", 3_200_000_000, "USD"),
        ("The fund holds USD 3.2bn.", 3_200_000_000, "USD"),
        ("Toyota spent ¥300 billion.", 300_000_000_000, "JPY"),
        ("Ottawa verse 3 millions de dollars canadiens.", 3_000_000, "CAD"),
        ("Ottawa promet jusqu'à 44 M$ supplémentaires.", 44_000_000, "USD"),
        ("Québec investit 1,2 G$ dans la filière.", 1_200_000_000, "USD"),
        ("It booked US$2.5 bln in orders.", 2_500_000_000, "USD"),
        ("It booked $5400 million in orders.", 5_400_000_000, "USD"),
        ("The order is worth KRW 134.8 billion.", 134_800_000_000, "KRW"),
        ("Le groupe a réalisé 323,7 millions de francs.", 323_700_000, "CHF"),
        ("Le chiffre d'affaires atteint 42,47 milliards de dirhams.", 42_470_000_000, "MAD"),
        ("La BIDC accorde 65 milliards FCFA.", 65_000_000_000, "XOF"),
        ("Il a reçu 15 milliards de francs CFA.", 15_000_000_000, "XOF"),
    ],
)
def test_a_written_form_is_one_sum(text: str, value: int, currency: str) -> None:
    assert sums(text) == [(value, currency)]


def test_the_dollar_signs_of_other_countries() -> None:
    assert sums("It raised US$4 million, C$5 million and A$6 million.") == [
        (4_000_000, "USD"),
        (5_000_000, "CAD"),
        (6_000_000, "AUD"),
    ]


def test_indian_rupees_in_crore_and_lakh_with_indian_grouping() -> None:
    text = "A Rs 500 crore deal, a Rs. 2,49,755 crore plan and ₹1.96 lakh crore in all; Rs 2, 963 crore more."
    assert sums(text) == [
        (5_000_000_000, "INR"),
        (2_497_550_000_000, "INR"),
        (1_960_000_000_000, "INR"),
        (29_630_000_000, "INR"),
    ]


def test_a_stray_space_after_a_thousands_comma() -> None:
    assert sums("Foreign investors put in $210, 869,767 last year.") == [(210_869_767, "USD")]


def test_kenyan_shillings_and_south_african_rand() -> None:
    text = (
        "Kenya's Sh2.1 billion plan gives defence Ksh 157 B; South Africa's R500bn budget, R18-billion levy."
    )
    assert sums(text) == [
        (2_100_000_000, "KES"),
        (157_000_000_000, "KES"),
        (500_000_000_000, "ZAR"),
        (18_000_000_000, "ZAR"),
    ]


def test_a_capital_r_without_a_scale_or_grouped_number_is_no_rand() -> None:
    assert sums("The R2 model and R&D team, but R50 000 was paid.") == [(50_000, "ZAR")]


def test_codes_count_only_in_capitals_and_lookalikes_are_not_codes() -> None:
    assert sums("It cost MAD 5 million.") == [(5_000_000, "MAD")]
    assert sums("That is mad 5 times over; at COP 28, Mrs 5 spoke.") == []


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("He gave two million dollars.", 2_000_000, "USD"),
        ("L'Etat met un milliard d'euros.", 1_000_000_000, "EUR"),
        ("Trois milliards et demi de francs.", 3_500_000_000, "CHF"),
        ("It costs two and a half billion dollars.", 2_500_000_000, "USD"),
        ("Ils ont levé vingt millions d'euros.", 20_000_000, "EUR"),
        ("Quarante-sept millions de francs devraient suffire.", 47_000_000, "CHF"),
        ("Il faut quatre-vingt-dix millions d'euros.", 90_000_000, "EUR"),
        ("Septante millions de francs.", 70_000_000, "CHF"),
        ("They raised twenty-five million dollars.", 25_000_000, "USD"),
        ("Deux cents millions d'euros.", 200_000_000, "EUR"),
        ("Un demi-milliard d'euros sera investi.", 500_000_000, "EUR"),
        ("It costs half a billion dollars.", 500_000_000, "USD"),
    ],
)
def test_numbers_in_words(text: str, value: int, currency: str) -> None:
    assert sums(text) == [(value, currency)]


def test_ranges_after_one_sign_and_ranges_whose_ends_have_their_own_scale() -> None:
    assert sums("The deal is worth $5-7 million.") == [(5_000_000, "USD"), (7_000_000, "USD")]
    assert sums("Un lot de €3 à 5 millions.") == [(3_000_000, "EUR"), (5_000_000, "EUR")]
    assert sums("Des ventes entre 924 millions et 1,8 milliard de dirhams.") == [
        (924_000_000, "MAD"),
        (1_800_000_000, "MAD"),
    ]
    assert sums("Passer d'environ 5 à quelque 7 milliards de francs par an.") == [
        (5_000_000_000, "CHF"),
        (7_000_000_000, "CHF"),
    ]


def test_a_sum_split_over_a_line_break() -> None:
    assert sums("The company raised $2.5\nmillion; l'Etat versera 10 millions de\ndollars.") == [
        (2_500_000, "USD"),
        (10_000_000, "USD"),
    ]


def test_a_bare_sum_takes_the_currency_of_a_sum_a_sentence_or_two_before() -> None:
    text = (
        "Le chiffre d'affaires atteint 7,1 milliards de francs. Le bénéfice net s'est étoffé à 856 millions."
    )
    assert sums(text) == [(7_100_000_000, "CHF"), (856_000_000, "CHF")]
    text = "Bercy vise 4,5 milliards d'euros. Le ministère doit apporter 268 millions d'économies."
    assert sums(text) == [(4_500_000_000, "EUR"), (268_000_000, "EUR")]


def test_a_bare_number_that_counts_things_takes_no_currency() -> None:
    text = (
        "It sold 10.5 million shares for $40 million, and 3 million people use it. "
        "A population of 20 million lives there. La ville a 2 millions d'habitants."
    )
    assert sums(text) == [(40_000_000, "USD")]


def test_a_bare_number_far_from_any_sum_takes_no_currency() -> None:
    text = (
        "It has a budget of €10 million. "
        + "The rest of the story is about drones. " * 10
        + "About 5 million."
    )
    assert sums(text) == [(10_000_000, "EUR")]


def test_years_percentages_quantities_phone_numbers_and_counts_are_not_money() -> None:
    text = (
        "In 2024, 12% of 300 drones flew. Call +41 22 555 12 34 or 0800 123 456. "
        "The 2,674 contracts were worth £23 billion."
    )
    assert sums(text) == [(23_000_000_000, "GBP")]


def test_cents_are_kept() -> None:
    assert sums("L'action gagne 0,64% à 101,40 euros; le titre vaut $12.25.") == [
        (101.4, "EUR"),
        (12.25, "USD"),
    ]


def test_english_grouping_with_a_decimal_and_a_decimal_point_before_an_english_scale() -> None:
    assert sums("Intake rose to £1,954.8m from £1,740.4m.") == [(1954800000, "GBP"), (1740400000, "GBP")]
    assert sums("Its order intake soared from £21.458bn last year.") == [(21458000000, "GBP")]
    assert sums("Revenue was $1,740.4 million.") == [(1740400000, "USD")]
    # French grouping keeps its points and spaces as thousands
    assert sums("Le budget atteint 1 740,5 millions d'euros.") == [(1740500000, "EUR")]
    assert sums("Le chiffre atteint 1.500 millions d'euros.") == [(1500000000, "EUR")]

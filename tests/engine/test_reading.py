"""The radar's reading of English and French documents (lodestar.engine.reading), no database."""

from __future__ import annotations

import datetime as dt

import pytest

from lodestar.engine.reading import read
from lodestar.engine.reading.dates import publication_date
from lodestar.engine.reading.files import UnreadableFile, extract, read_feed
from lodestar.engine.reading.money import find_amounts
from lodestar.engine.reading.names import find_names
from lodestar.engine.reading.nations import find_nations, french_forms
from tests.pdfs import text_pdf

FRENCH_RELEASE = """L'Otan teste des essaims de drones en mer Baltique
Ce mardi (20 février 2024), l'Organisation a présenté ses drones autonomes.
Le ministère des Armées consacrera 1 milliard d'euros aux drones, a déclaré Florence Parly.
Les essaims de drones et les drones de surface intéressent le Japon et les pays baltes.
La société toulousaine Diodon fournit un drone aérien; les forces japonaises observent."""


def test_it_reads_french_dates_in_every_written_form() -> None:
    assert publication_date("Titre\nPublié le 22 octobre 2021")[0] == dt.date(2021, 10, 22)
    assert publication_date("Titre\nCe mardi (20 février 2024), l'OTAN a dit")[0] == dt.date(2024, 2, 20)
    assert publication_date("Title\nPublished on 18 May. 2020 by the desk")[0] == dt.date(2020, 5, 18)
    assert publication_date("Titre\nDernière modification : 10/02/2016")[0] == dt.date(2016, 2, 10)


def test_an_event_date_inside_the_story_is_not_the_publication_date() -> None:
    text = "Titre\n" + "Le texte parle longuement. " * 20 + "Le comité fut créé le 10 janvier 2020."
    assert publication_date(text) == (None, None)


def test_the_address_dates_a_document_when_the_text_does_not() -> None:
    date, _ = publication_date("Title\nNo date here.", "https://example.org/news/2022/05/28/story")
    assert date == dt.date(2022, 5, 28)


def test_metadata_wins_over_the_text() -> None:
    assert publication_date("Title\nPublished on 1 May 2020", metadata=dt.date(2021, 1, 2))[0] == dt.date(
        2021, 1, 2
    )


def test_nations_come_from_names_and_adjectives_in_both_languages() -> None:
    text = (
        "Le Japon, les pays baltes, the United Kingdom, le Royaume-Uni, les forces japonaises, Latvian troops"
    )
    codes = {n.code: [e.words for e in n.evidence] for n in find_nations(text)}
    assert set(codes) == {"JP", "EE", "LV", "LT", "GB"}
    assert codes["JP"] == ["Japon", "japonaises"]
    assert "Latvian" in codes["LV"]


def test_a_language_and_a_lower_case_pronoun_are_not_nations() -> None:
    assert find_nations("Le document existe en français; tell us more.") == ()


def test_french_adjectives_have_their_four_forms() -> None:
    assert french_forms("japonais") == ["japonais", "japonaise", "japonais", "japonaises"]
    assert french_forms("canadien") == ["canadien", "canadienne", "canadiens", "canadiennes"]


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("un budget d'un milliard d'euros", 1_000_000_000, "EUR"),
        ("a grant of EUR 1bn", 1_000_000_000, "EUR"),
        ("a $2.5 million contract", 2_500_000, "USD"),
        ("the £2.5m contract", 2_500_000, "GBP"),
        ("une subvention de 100 000 euros", 100_000, "EUR"),
        ("un budget de 1,2 milliard d'euros", 1_200_000_000, "EUR"),
        ("a roughly 9\u2011million\u2011dollar contract", 9_000_000, "USD"),
        ("the billion-dollar fund", 1_000_000_000, "USD"),
    ],
)
def test_sums_of_money_are_read_with_their_currency(text: str, value: int, currency: str) -> None:
    amounts = find_amounts(text)
    assert [(a.value, a.currency) for a in amounts] == [(value, currency)]
    assert text[amounts[0].evidence[0].start : amounts[0].evidence[0].end] == amounts[0].evidence[0].words


def test_a_bare_sum_takes_the_currency_of_the_sentence() -> None:
    amounts = find_amounts("De 10 millions d'euros par an en 2017, nous y consacrerons 100 millions par an.")
    assert {(a.value, a.currency) for a in amounts} == {(10_000_000, "EUR"), (100_000_000, "EUR")}


def test_percentages_and_years_are_not_money() -> None:
    assert find_amounts("Growth of 12% in 2024, with 300 drones.") == ()


def test_organisations_and_people_are_told_apart_with_acronyms_joined() -> None:
    text = (
        "The Defense Advanced Research Projects Agency (DARPA) hired Dr Arati Prabhakar. "
        "DARPA said Prabhakar would lead it. Thales and Naval Group signed with the ministère des Armées."
    )
    names = find_names(text)
    organisations = [n.name for n in names if n.kind == "organisation"]
    people = [n.name for n in names if n.kind == "person"]
    assert "Defense Advanced Research Projects Agency" in organisations
    assert "DARPA" not in organisations  # the same body
    assert {"Thales", "Naval Group", "ministère des Armées"} <= set(organisations)
    assert people == ["Arati Prabhakar"]
    darpa = next(n for n in names if n.name.startswith("Defense Advanced"))
    assert len(darpa.evidence) == 2


def test_a_french_press_release_is_read_whole_with_evidence() -> None:
    reading = read(FRENCH_RELEASE)
    assert reading.language == "fr"
    assert reading.published == dt.date(2024, 2, 20)
    assert [a.code for a in reading.areas] == ["autonomy"]
    assert reading.areas[0].evidence and "drones" in reading.areas[0].evidence[0].words
    assert {n.code for n in reading.nations} == {"JP", "EE", "LV", "LT"}
    assert [(a.value, a.currency) for a in reading.amounts] == [(1_000_000_000, "EUR")]
    assert "Florence Parly" in [p.name for p in reading.people]
    line = reading.as_json("release.txt")
    assert list(line) == [
        "file",
        "language",
        "published",
        "areas",
        "nations",
        "organisations",
        "people",
        "amounts",
    ]
    for item in line["nations"]:  # type: ignore[attr-defined]
        for evidence in item["evidence"]:
            assert FRENCH_RELEASE[evidence["start"] : evidence["end"]] == evidence["words"]


def test_a_fund_spanning_many_fields_has_no_area() -> None:
    text = (
        "A new fund backs start-ups in artificial intelligence, quantum computing, space and biotechnology."
    )
    assert read(text).areas == ()


def test_html_pages_give_their_main_text_and_date() -> None:
    html = (
        b"<html><head><title>Quantum bet</title>"
        b'<meta property="article:published_time" content="2021-10-22"></head><body><nav>Home | Menu</nav>'
        b"<article><h1>Quantum bet</h1><p>The Ministry of Defence will spend $2.5 million on quantum sensing "
        b"and quantum navigation for the Royal Navy, officials from the United Kingdom said today.</p>"
        b"<p>Quantum clocks and quantum computing follow next year, the ministry added in its statement.</p>"
        b"</article><footer>Cookies</footer></body></html>"
    )
    extracted = extract("page.html", html)
    assert extracted.published == dt.date(2021, 10, 22)
    assert "Home | Menu" not in extracted.text and "quantum sensing" in extracted.text


def test_pdf_reports_give_their_text() -> None:
    extracted = extract("report.pdf", text_pdf(["Quantum sensing", "Published on 25 May 2023"]))
    assert extracted.kind == "pdf" and "Quantum sensing" in extracted.text
    assert read(extracted.text).published == dt.date(2023, 5, 25)


def test_unreadable_files_say_why() -> None:
    with pytest.raises(UnreadableFile, match="PDF"):
        extract("broken.pdf", b"%PDF-1.4 not really")
    with pytest.raises(UnreadableFile):
        extract("empty.txt", b"   ")
    with pytest.raises(UnreadableFile):
        extract("binary.bin", bytes(range(256)) * 4)


def test_feeds_give_one_document_per_entry() -> None:
    feed = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>'
        b"<item><title>Drones at sea</title><link>https://example.org/a</link>"
        b"<pubDate>Tue, 20 Feb 2024 10:00:00 GMT</pubDate>"
        b"<description>NATO tests drone swarms.</description></item>"
        b"<item><title>Essai hypersonique</title><link>https://example.org/b</link>"
        b"<description>La France teste un planeur hypersonique.</description></item></channel></rss>"
    )
    items = read_feed(feed)
    assert [i.title for i in items] == ["Drones at sea", "Essai hypersonique"]
    assert items[0].published == dt.date(2024, 2, 20) and items[0].source == "https://example.org/a"


def test_an_undeclared_acronym_and_a_shortened_name_join_their_organisation() -> None:
    text = (
        "The Strategic Capabilities Office signed with Amazon Web Services. SCO expects results; "
        "AWS agreed. The NATO Innovation Fund invests; the Innovation Fund said so."
    )
    organisations = {n.name: len(n.evidence) for n in find_names(text) if n.kind == "organisation"}
    assert organisations == {
        "Strategic Capabilities Office": 2,
        "Amazon Web Services": 2,
        "NATO Innovation Fund": 2,
    }


def _names(text: str) -> dict[str, str]:
    return {n.name: n.kind for n in find_names(text)}


def test_the_words_around_a_name_say_what_it_names() -> None:
    names = _names(
        "Le drone Marlin a été conçu par Kerwave, une PME bretonne, selon Le Télégramme. "
        "Its sensor was developed by Brightfold Labs and Ostrava Optics, which makes lenses. "
        "Halvard Brennsted, chief executive of Nordvik, told The Harbour Gazette reports were wrong."
    )
    assert names["Kerwave"] == "organisation"  # a maker before it
    assert names["Le Télégramme"] == "organisation"  # a newspaper named as a source keeps its article
    assert names["Ostrava Optics"] == "organisation"  # listed beside an organisation, and a body's verb
    assert names["Nordvik"] == "organisation"  # "chief executive of"
    assert names["Halvard Brennsted"] == "person"  # a first name from the lists and a role after him


def test_programmes_places_fields_and_defined_acronyms_are_not_bodies() -> None:
    names = _names(
        "The Quantum Technology effort at Hill Air Force Base joins the Cyber Defence Pledge. "
        "Trois Unmanned Surface Vehicles (USV) ont été présentés, avec la Direction générale de l'armement."
    )
    assert "Hill Air Force Base" not in names
    assert "Cyber Defence Pledge" not in names
    assert "Quantum Technology" not in names
    assert "USV" not in names
    assert names["Direction générale de l'armement"] == "organisation"


def test_an_acronym_written_as_a_word_joins_its_full_name() -> None:
    names = find_names("The Defense Advanced Research Projects Agency funds it. Darpa said so.")
    organisations = [n.name for n in names if n.kind == "organisation"]
    assert organisations == ["Defense Advanced Research Projects Agency"]


def test_people_are_told_by_their_role_age_or_credit_without_a_known_first_name() -> None:
    names = _names(
        "Le président ukrainien Volodko Marenchuk a reçu Tarvo Siimkaa, 52, who leads the trials. "
        "Photo : AFP / Oyelaran Bakare"
    )
    assert names["Volodko Marenchuk"] == "person"  # a role and a nationality before him
    assert names["Tarvo Siimkaa"] == "person"  # an age and "who" after
    assert names["Oyelaran Bakare"] == "person"  # a photo credit


def test_french_bodies_take_their_adjectives_and_generic_ones_are_left_out() -> None:
    names = _names(
        "L'École polytechnique et la Gendarmerie nationale forment une école d'ingénieurs "
        "et un centre de recherche. Le ministère des Armées les finance."
    )
    assert names["École polytechnique"] == "organisation"
    assert names["Gendarmerie nationale"] == "organisation"
    assert "école d'ingénieurs" not in names and "centre de recherche" not in names
    assert names["ministère des Armées"] == "organisation"


def test_other_names_in_brackets_join_the_body_even_after_a_quote_or_in_a_sentence() -> None:
    names = find_names(
        "Elle cite l’« Agence pour les projets de recherche avancée de défense » (ARPAD), puis l’Office "
        "des sondes (Sensor Office, ou SNO, en anglais). Le SNO et l’Arpad répondent."
    )
    organisations = {n.name: [e.words for e in n.evidence] for n in names if n.kind == "organisation"}
    assert organisations == {  # the later mentions are evidence of the same body
        "Agence pour les projets de recherche avancée de défense": [
            "Agence pour les projets de recherche avancée de défense",
            "Arpad",
        ],
        "Office des sondes": ["Office des sondes", "SNO"],
    }


def test_a_role_s_acronym_is_not_a_body_and_a_body_named_in_a_role_stays_one() -> None:
    names = _names(
        "L’amiral Odile Kerbrat, commandant suprême allié Innovation (CSAI), a parlé. Le CSAI vient. "
        "The director of the Harbour Research Agency (HRA) said the HRA agreed."
    )
    assert "CSAI" not in names
    assert names["Harbour Research Agency"] == "organisation"


def test_a_body_is_read_after_a_french_elision_and_with_a_dotted_nation_before_it() -> None:
    names = _names(
        "Il dirigeait auparavant la branche d’Orvanix, qui fournit des capteurs. "
        "Officials of the U.S. Naval Sensor Directorate met the U.S. Army; the Army agreed."
    )
    assert names["Orvanix"] == "organisation"  # "d’" before, "qui fournit" after
    assert names["U.S. Naval Sensor Directorate"] == "organisation"
    assert names["U.S. Army"] == "organisation" and "Army" not in names  # "the Army" joins it


def test_the_next_sentence_can_say_what_a_name_is() -> None:
    names = _names("Among the first to be funded is Quorvel. The company designs chips for drones.")
    assert names["Quorvel"] == "organisation"


def test_a_sub_unit_written_after_its_parent_and_its_acronym_is_one_body() -> None:
    names = _names("Engineers at the Harbour Systems Command (HSC) Sensors Center built it; HSC paid.")
    assert names["Harbour Systems Command (HSC) Sensors Center"] == "organisation"
    assert "Sensors Center" not in names and "Harbour Systems Command" not in names

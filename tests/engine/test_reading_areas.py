"""The radar's reading of EDT areas: vocabulary, weak words, lists in passing, title, evidence."""

from __future__ import annotations

from lodestar.engine.reading.areas import (
    MIN_SCORE,
    choose,
    find_areas,
    score_areas,
    sentence_terms,
)


def _codes(text: str) -> list[str]:
    return [a.code for a in find_areas(text)]


def _found(sentence: str, language: str = "en") -> dict[str, list[tuple[str, bool]]]:
    found = sentence_terms(sentence, language).found
    return {code: [(" ".join(k), weak) for k, (_, weak) in terms.items()] for code, terms in found.items()}


def test_a_weak_word_alone_does_not_make_an_area() -> None:
    text = (
        "Ministry launches a new fund\n"
        "The ministry launched a new fund for small firms on Monday. "
        "The fund was launched with the support of three banks and will be launched again next year. "
        "Its managers said the launch had drawn strong interest from investors."
    )
    found = _found("The ministry launched a new fund for small firms on Monday.")
    assert found["space"] == [("launch", True)]
    assert "space" not in _codes(text)
    assert score_areas(text, "en").scores.get("space", 0.0) < MIN_SCORE


def test_a_weak_word_beside_a_strong_one_counts() -> None:
    text = (
        "European launcher back in service\n"
        "The rocket will launch two satellites into orbit next month from the spaceport. "
        "The launcher carried a constellation of small satellites on its last flight."
    )
    assert _codes(text) == ["space"]


def test_room_and_people_are_not_space_and_networks() -> None:
    assert "space" not in _found("There is space for dialogue between the two ministries.")
    assert "space" not in _found("Il existe un espace de dialogue entre les deux ministères.", "fr")
    assert "networks" not in _found("The agency relies on a network of partners and on social networks.")
    assert "networks" not in _found(
        "L'agence s'appuie sur les réseaux sociaux et un réseau de partenaires.", "fr"
    )
    assert _found("The operator said its network covers the whole region.")["networks"] == [("network", True)]
    assert "networks" in _found("The operator will build a nationwide 5G network next year.")


def test_a_list_of_technologies_in_passing_gives_no_area() -> None:
    text = (
        "Venture firm closes a defence fund\n"
        "The venture firm announced the first close of its new fund on Tuesday. "
        "It will back start-ups working on artificial intelligence, robotics, quantum computing and space. "
        "The fund plans to invest in about twenty companies from seed to Series B."
    )
    sentence = (
        "It will back start-ups working on artificial intelligence, robotics, quantum computing and space."
    )
    listed = sentence_terms(sentence, "en").listed
    assert listed
    assert _codes(text) == []


def test_a_weak_word_the_document_keeps_coming_back_to_counts() -> None:
    text = (
        "Le renseignement et ses données\n"
        "Le service de renseignement veut exploiter ses données plus vite. "
        "Les données collectées chaque jour sont croisées par un outil américain. "
        "Le contrat porte sur l'analyse de ces données pendant trois ans. "
        "Les élus demandent où ces données sont conservées."
    )
    assert _codes(text) == ["data"]


def test_news_vocabulary_in_french() -> None:
    assert "energy" in _found("Le parc éolien en mer sera mis en service l'an prochain.", "fr")
    assert "energy" in _found("Le gouvernement lance six nouveaux réacteurs nucléaires.", "fr")
    assert "biotech" in _found("Un nouveau cadre pour le soldat augmenté a été publié.", "fr")
    assert "biotech" in _found("Des bactéries modifiées détectent les explosifs.", "fr")
    assert "cyber" in _found("Des pirates ont exigé une rançon à la mairie.", "fr")


def test_the_title_counts_more_than_a_sentence_of_the_body() -> None:
    body = "The company said the results were better than expected and thanked its partners."
    titled = score_areas("New offshore wind farm opens\n" + body, "en").scores.get("energy", 0.0)
    in_body = score_areas("Results of the year\n" + body + " A new offshore wind farm opens.", "en").scores
    assert titled > in_body.get("energy", 0.0)
    assert _codes("Hackers hit the town hall with ransomware\n" + body) == ["cyber"]


def test_every_area_shows_the_sentences_that_show_it() -> None:
    text = (
        "Quantum start-up opens a factory\n"
        "The start-up will build quantum computers in its new plant. "
        "Each machine uses photonic qubits. "
        "The mayor attended the opening."
    )
    (reading,) = find_areas(text)
    assert reading.code == "quantum"
    assert reading.evidence
    for ev in reading.evidence:
        assert text[ev.start : ev.end] == ev.words
    assert any("quantum computers" in ev.words for ev in reading.evidence)
    assert all("mayor" not in ev.words for ev in reading.evidence)


def test_cyber_words_made_at_will_are_cyber() -> None:
    assert _found("CyberPatriot finalists announced")["cyber"] == [("cyberpatriot", False)]
    assert "cyber" in _found("Le cyberespionnage chinois inquiète les services.", "fr")
    assert _codes("CyberPatriot finalists announced\nThe association named the finalists on Monday.") == [
        "cyber"
    ]


def test_a_weak_word_repeated_counts_only_when_it_names_the_area() -> None:
    factory = (
        "Record orders for the aircraft plant\n"
        "The factory will build more aircraft next year. "
        "Workers at the factory welcomed the order. "
        "The factory hired two hundred people in March. "
        "The union said the factory needs more space for parking."
    )
    assert "materials" not in _codes(factory)
    data = (
        "The police and its data\n"
        "The police want to use their data faster. "
        "The data collected every day is matched by an American tool. "
        "The contract covers the data for three years. "
        "Members of parliament ask where the data is kept."
    )
    assert _codes(data) == ["data"]


def test_an_area_named_in_twice_as_many_sentences_leads_a_close_second() -> None:
    scores = {"space": 0.83, "hypersonics": 0.77}
    assert choose(scores, set(), {"space": 6, "hypersonics": 2}) == ["space"]
    assert choose(scores, set(), {"space": 3, "hypersonics": 2}) == []
    assert choose(scores, set()) == []


def test_an_area_word_inside_a_name_is_weak() -> None:
    assert _found("The round was joined by Breakthrough Energy Ventures and two banks.")["energy"] == [
        ("energi", True)
    ]
    assert _found("Unicorns such as Quantum Systems keep growing.")["quantum"] == [("quantum", True)]
    assert _found("The lab built a quantum sensor for submarines.")["quantum"] == [("quantum sensor", False)]
    # A title in title case is not a string of names.
    assert _found("Quantum Start-Up Opens Its First Factory")["quantum"] == [("quantum", False)]


def test_a_title_listing_several_areas_is_a_roundup_with_no_area() -> None:
    body = (
        "Its first investment is a chipmaker that runs large language models. "
        "The firm says its chips make machine learning ten times cheaper. "
        "Its artificial intelligence chips will ship next year."
    )
    assert _codes("Fund backs robots, AI and space start-ups\n" + body) == []
    assert score_areas("Fund backs robots, AI and space start-ups\n" + body, "en").roundup
    assert _codes("Fund backs an AI chipmaker\n" + body) == ["ai"]


def test_nuclear_alone_is_weak_and_a_title_naming_two_areas_in_one_clause_is_no_roundup() -> None:
    assert _found("North Korea tested a nuclear weapon on Sunday.")["energy"] == [("nuclear", True)]
    text = (
        "Hackers accessed nuclear networks\n"
        "Hackers broke into the networks of the nuclear agency, officials said. "
        "The cyberattack used a compromised software update. "
        "Investigators found malware on several servers."
    )
    assert not score_areas(text, "en").roundup
    assert _codes(text) == ["cyber"]

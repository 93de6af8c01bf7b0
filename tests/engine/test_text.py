"""Text analysis: language, words, stems and phrases in English and French."""

from lodestar.engine.text import (
    analyze,
    detect_language,
    stem,
    strip_accents,
    tokenize,
)


def test_detect_language_recognises_a_french_sentence():
    assert detect_language("Stockage d'énergie par batteries pour les bases avancées de l'alliance") == "fr"


def test_detect_language_recognises_an_english_sentence():
    assert (
        detect_language("Energy storage with batteries for the forward operating bases of the alliance")
        == "en"
    )


def test_detect_language_falls_back_to_english_for_empty_or_unclear_text():
    assert detect_language("") == "en"
    assert detect_language("5G 6G QKD") == "en"


def test_accents_alone_tip_a_text_without_function_words_to_french():
    assert detect_language("Cyberdéfense réseaux tactiques sécurisés") == "fr"


def test_tokenize_splits_french_elisions_and_hyphens_and_drops_bare_numbers():
    assert tokenize("L'énergie d'un cyber-système en 2024, 5G") == [
        "l",
        "énergie",
        "d",
        "un",
        "cyber",
        "système",
        "en",
        "5g",
    ]


def test_stemming_joins_singular_and_plural_in_both_languages():
    assert stem(["batteries", "battery"], "en")[0] == stem(["battery"], "en")[0]
    assert stem(["batteries"], "fr") == stem(["batterie"], "fr")


def test_stems_lose_their_accents_so_unaccented_typing_matches():
    assert stem(["énergie"], "fr") == stem(["energie"], "fr")
    assert strip_accents("Défense aérienne") == "Defense aerienne"


def test_british_and_american_spellings_share_a_stem():
    british = stem(["defence", "organisation", "optimising", "centre"], "en")
    american = stem(["defense", "organization", "optimizing", "center"], "en")
    assert british == american


def test_analyze_removes_stop_words_and_keeps_the_words_beside_their_stems():
    analysis = analyze("The storage of energy for the bases")
    assert analysis.language == "en"
    assert analysis.words == ("storage", "energy", "bases")
    assert len(analysis.stems) == 3 and analysis.stems[1] == "energi"


def test_clauses_never_cross_punctuation():
    analysis = analyze("Quantum sensing. Battery storage", "en")
    assert [segment.stems for segment in analysis.segments] == [("quantum", "sens"), ("batteri", "storag")]

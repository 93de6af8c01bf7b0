"""The EDT taxonomy: bilingual areas, classification with confidence and matched terms."""

import numpy as np
import pytest

from lodestar.engine.lexicon import shared_segments
from lodestar.engine.taxonomy import AREA_CODES, AREAS, area, area_vectors, classify
from lodestar.engine.text import analyze

FRENCH_BATTERIES = (
    "Stockage d'énergie par batteries lithium-ion et micro-réseau solaire pour les bases avancées."
)
ENGLISH_BATTERIES = "Lithium-ion battery energy storage and a solar microgrid for forward operating bases."


def codes(text: str) -> list[str]:
    return [m.code for m in classify(text)]


def test_the_eleven_areas_have_the_official_codes_in_order():
    assert AREA_CODES == (
        "ai", "autonomy", "quantum", "biotech", "hypersonics", "space",
        "materials", "energy", "networks", "data", "cyber",
    )  # fmt: skip


def test_areas_are_named_in_both_languages():
    assert area("biotech").name("fr") == "Biotechnologies et amélioration humaine"
    assert area("networks").name("en") == "Next-generation communication networks"
    assert area("cyber").name_fr == "Cyberdéfense"


@pytest.mark.parametrize("a", AREAS, ids=lambda a: a.code)
def test_every_area_has_dozens_of_terms_in_each_language(a):
    assert len(a.terms_en) >= 30 and len(a.terms_fr) >= 30


def test_french_and_english_texts_about_batteries_share_the_energy_area():
    assert codes(FRENCH_BATTERIES)[0] == "energy"
    assert codes(ENGLISH_BATTERIES)[0] == "energy"


def test_a_match_names_the_terms_found_as_written_in_the_text():
    match = classify(FRENCH_BATTERIES)[0]
    assert "batteries" in match.terms
    assert any("bases avancées" in t for t in match.terms)
    assert 0.5 < match.confidence <= 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Un essaim de drones autonomes pour la surveillance des frontières", "autonomy"),
        ("Swarms of unmanned aerial vehicles for persistent surveillance", "autonomy"),
        ("Capteurs quantiques et horloges atomiques pour la navigation sans GPS", "quantum"),
        ("Wearable sensors tracking soldier fatigue, sleep and heat stress", "biotech"),
        ("Un planeur hypersonique et son superstatoréacteur", "hypersonics"),
        ("Synthetic aperture radar imagery from a small satellite constellation", "space"),
        ("Fabrication additive de composites et de céramiques", "materials"),
        ("Mesh networking with software-defined radios resilient to jamming", "networks"),
        ("Maintenance prédictive de la chaîne d'approvisionnement logistique", "data"),
        ("Détection d'intrusion et réponse aux incidents contre les rançongiciels", "cyber"),
        ("Deep learning for object detection in aerial images", "ai"),
    ],
)
def test_texts_about_each_technology_land_in_its_area(text, expected):
    assert codes(text)[0] == expected


def test_the_challenge_theme_secure_information_sharing_is_cyber_in_both_languages():
    assert "cyber" in codes("Secure information sharing between allies with end-to-end encryption")
    assert "cyber" in codes("Partage sécurisé d'informations entre alliés avec chiffrement de bout en bout")


def test_a_longer_phrase_is_counted_once_not_again_as_its_words():
    match = next(m for m in classify("Post-quantum cryptography") if m.code == "quantum")
    assert match.terms == ("post quantum cryptography",)


def test_text_about_nothing_technical_has_no_area():
    assert classify("Nous irons à la plage demain avec les enfants.") == ()


def test_the_area_vector_holds_one_confidence_per_area():
    vector = area_vectors([shared_segments(analyze(ENGLISH_BATTERIES))])[0]
    assert vector.shape == (11,)
    assert int(np.argmax(vector)) == AREA_CODES.index("energy")
    assert np.all((vector >= 0) & (vector < 1))

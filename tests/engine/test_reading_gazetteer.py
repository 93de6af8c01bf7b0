"""Organisations on unseen text (issue 12, round two): the gazetteer of well-known bodies and the
structural cues every news text has, each tested on English and French sentences written for these tests,
with invented or well-known real bodies (none comes from the radar bench)."""

from __future__ import annotations

from pathlib import Path

from lodestar.engine.reading import known_orgs
from lodestar.engine.reading.known_orgs import KNOWN, gazetteer_spans
from tests.engine.names_helpers import orgs, people


def test_the_gazetteer_is_broad_and_holds_no_bare_common_words() -> None:
    assert len(KNOWN) > 500
    for name in ("Lockheed Martin", "Helsing", "Agence France-Presse", "JAXA", "Bundeswehr", "In-Q-Tel"):
        assert name in KNOWN
    for word in ("Total", "Shell", "Bell", "Time", "Parrot", "Gulfstream", "Hadrian", "IDF", "RTX"):
        assert word not in KNOWN


def test_well_known_bodies_are_read_without_any_other_cue() -> None:
    assert orgs("Rheinmetall and Hanwha Aerospace bid; Saronic lost.") == [
        "Rheinmetall",
        "Hanwha Aerospace",
        "Saronic",
    ]
    assert orgs("Kongsberg et Naval Group ont signé avec la JAXA.") == ["Kongsberg", "Naval Group", "JAXA"]


def test_a_known_multi_word_name_is_never_cut_at_a_first_name_or_an_and_inside_it() -> None:
    assert orgs("Alice & Bob raised money.") == ["Alice & Bob"]
    assert people("Alice & Bob raised money.") == []
    assert orgs("Airbus Defence and Space signed the deal.") == ["Airbus Defence and Space"]
    assert orgs("Johns Hopkins University and Carnegie Mellon University won.") == [
        "Johns Hopkins University",
        "Carnegie Mellon University",
    ]


def test_known_names_with_lower_case_words_are_found_whole() -> None:
    text = "Le Commissariat à l'énergie atomique et aux énergies alternatives et la Marine nationale."
    assert [w for w, _ in gazetteer_spans(text)] == [
        "Commissariat à l'énergie atomique et aux énergies alternatives",
        "Marine nationale",
    ]
    assert orgs(text) == [
        "Commissariat à l'énergie atomique et aux énergies alternatives",
        "Marine nationale",
    ]


def test_a_newspaper_keeps_its_article() -> None:
    assert orgs("Sources told The Financial Times and Le Monde on Monday.") == [
        "The Financial Times",
        "Le Monde",
    ]


def test_a_place_before_based_is_not_part_of_the_name() -> None:
    assert orgs("The London-based Kestrelon raised money.") == ["Kestrelon"]
    assert orgs("San Francisco-based Vektor Labs hired staff.") == ["Vektor Labs"]
    assert orgs("La start-up Toulouse-based Brumeo Systems recrute.") == ["Brumeo Systems"]


def test_capitalised_words_around_an_ampersand_are_one_company() -> None:
    assert orgs("Smith & Wesson Brands and Procter & Gamble reported results.") == [
        "Smith & Wesson Brands",
        "Procter & Gamble",
    ]
    assert orgs("Les dépenses de Recherche & Développement augmentent.") == []
    assert orgs("Its Research & Development budget grew.") == []


def test_legal_forms_and_company_words_make_a_name_a_company() -> None:
    assert orgs("Acme Widgets Co. sold parts to Vantor S.A. and Nordvik AB.") == [
        "Acme Widgets Co.",  # as the text writes it (round 3)
        "Vantor S.A.",  # dotted initials keep their last dot, as written (round 6)
        "Nordvik AB",
    ]
    assert orgs("Marlowe Holdings plc bought Bath Iron Works.") == ["Marlowe Holdings", "Bath Iron Works"]
    assert orgs("L'entreprise Sentinelle Systèmes a été choisie.") == ["Sentinelle Systèmes"]


def test_a_role_word_ends_the_company_name_before_the_person() -> None:
    assert orgs("Dassault Aviation PDG Eric Trappier a annoncé la commande.") == ["Dassault Aviation"]
    assert people("Dassault Aviation PDG Eric Trappier a annoncé la commande.") == ["Eric Trappier"]


def test_appositions_credits_and_bylines_name_bodies_and_people() -> None:
    assert orgs("La jeune pousse Quantiq a levé des fonds.") == ["Quantiq"]
    assert orgs("Norvik, a Oslo-based drone maker, raised money.") == ["Norvik"]
    text = "Photo : Jean Dupont / Naval Group"
    assert (orgs(text), people(text)) == (["Naval Group"], ["Jean Dupont"])
    text = "By Jane Smith, Reuters"
    assert (orgs(text), people(text)) == (["Reuters"], ["Jane Smith"])
    assert orgs("© Lockheed Martin") == ["Lockheed Martin"]
    assert orgs("Crédit photo : Armée de l'air et de l'espace") == ["Armée de l'air et de l'espace"]


def test_weapon_systems_programmes_and_measures_in_capitals_are_no_bodies() -> None:
    assert orgs("The army will buy HIMARS and ATACMS; the FCAS and GCAP programmes compete.") == []
    assert orgs("Les VBCI et les CAESAR ont été livrés au régiment.") == []
    assert orgs("Output reached 500 MW and the EV market grew; 48 K9 howitzers arrived.") == []
    assert orgs("The QRX howitzers and the TLV interceptors were tested.") == []


def test_photo_agencies_in_credits_and_the_person_beside_them() -> None:
    text = "Photo by Jane Doe/Getty Images"
    assert (orgs(text), people(text)) == (["Getty Images"], ["Jane Doe"])
    assert orgs("Shutterstock / Alamy") == ["Shutterstock", "Alamy"]


def test_a_nation_after_and_is_not_part_of_the_company_before_it() -> None:
    assert orgs("The Norwegian company Nordic Unmanned and Finland's Patria signed.") == [
        "Nordic Unmanned",
        "Patria",
    ]


def test_a_body_after_a_role_and_an_elided_de() -> None:
    text = "Le patron de Safran, Olivier Andriès, a rencontré le PDG d'Airbus."
    assert (orgs(text), people(text)) == (["Safran", "Airbus"], ["Olivier Andriès"])


def test_french_compound_first_names_make_a_person() -> None:
    assert people("Il a rencontré Jean-Baptiste Lemoyne et Anne-Sophie Marchal.") == [
        "Jean-Baptiste Lemoyne",
        "Anne-Sophie Marchal",
    ]
    assert orgs("Vektor Therapeutics and Orbis Pharmaceuticals joined.") == [
        "Vektor Therapeutics",
        "Orbis Pharmaceuticals",
    ]


def test_a_known_name_written_in_capitals_in_a_credit() -> None:
    assert orgs("Photo : NAVAL GROUP") == ["NAVAL GROUP"]
    assert orgs("© AIRBUS DEFENCE AND SPACE") == ["AIRBUS DEFENCE AND SPACE"]


def test_technology_and_business_acronyms_are_no_bodies() -> None:
    assert orgs("Its SIEM and EDR tools feed the analysts; EBITDA and CAPEX rose.") == []
    assert orgs("Les ONG et la DRH ont salué le COMEX.") == []


def test_initials_before_a_surname_with_a_cue_make_a_person() -> None:
    assert people("The plan works, said J.D. Vance.") == ["J.D. Vance"]
    assert people("According to J. R. Smith, the analyst, it will.") == ["J. R. Smith"]


# Round five: the second, wider list (known_orgs_world.txt), typed from general knowledge.
_WORLD = Path(known_orgs.__file__).with_name("known_orgs_world.txt")
_FIRST = Path(known_orgs.__file__).with_name("known_orgs.txt")
_MORE = Path(known_orgs.__file__).with_name("known_orgs_more.txt")  # round eight, part c: the third list

# Common English and French words and first names a news text capitalises at a sentence's start or in a
# title: none may be a whole entry of the second list (written for this test, not taken from the list).
_COMMON_WORDS = """
    a about above across act action after again against age agency aid air all also and any apple army art
    as at back bank base basic bell best big black blue board body book box brain break bridge bull but
    by call capital care carrier case cast center centre chance change channel circle city clear close
    cloud coast code college colas come command common company conflict core corps council country cross
    cruise dark data dawn day deal deep defence defense delta demos diplomatie direct dragon drive du eagle
    early earth east edge elastic element energy engine equity europe evergreen event express eye faculty
    fair falcon field fire first fleet flight force forum forward free front frontline fund future game
    gate general ghost giant global gold good grand green grip group guard guardian harbor harbour heart
    high hill home horizon house hub ice icon idea image impact imperial independent index industry
    information inside insider institute intelligence inter iron island jet joint journal just key kind
    king kraken land latitude lead league legacy liberty life light line link lion list live local lucid
    magnet main major map mark market marine matrix media memorial mercury mint mission mobile monde
    moon motion must nation national nature navy network new news next nexus north notion nova ocean
    office one open orange orbit order origin pacific panorama parrot partner path peak people phoenix
    pilot pioneer place plan planet play plus point polar post power press prime pro progress project
    prospect protocol pulse quantum quartz quest radar radio rapid raw record red region research ridge
    ring rise river rock roll round royal run runway safe sage salon salt science scout sea secure
    security sentinel service shell shield shift sign signal silver sky slate smart social solar south
    space spark spear sphere spirit square standard star state steel stone storm strategy stream strike
    summit sun swift system talent target team tech tempest the thunder tide tiger time titan today total
    tower trade transport trident trust union unit united unity valley vanguard vector venture vertex
    vice victory view vision voice volt vox wave west white wing wise world xray yes zero zone
    accord actualité affaire affaires agence aide air alerte alliance ami armée armées arme arts atelier
    avenir bleu blanc bourse but cadre campus capitale cap carrefour casino centre ciel cité climat
    code colas comité commande commerce conseil contexte coeur croix défense demain direction dossier
    droit école écho économie éclair élan entreprise espace essentiel état étoile europe express flash
    force forces fort france futur gauche grand groupe horizon humanité ici idée île industrie info
    infos investir jour journal jours lettre libre liberté lien ligne lumière maison marché marine
    matin média mer midi ministère monde nation nord nouveau objectif océan ordre ouest paix paris
    parole pays plan point pôle populaire port presse progrès projet quotidien radio recherche région
    république réseau revue route santé science sciences sécurité service soir soleil sud temps
    terre total tour travail tribune union univers valeur vent vérité vie ville virgule voix vol
    alan alice andra anna bob chris david elia elisa emma iris jack james john julia kari lea lilly
    louis marie mila nina otis paul pierre rai reka rosa sami sarah sid sophie stanford tim victor
"""
_COMMON = set(_COMMON_WORDS.split())


def _entries(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def test_the_world_list_is_wide_holds_no_common_word_and_shares_no_entry_with_the_first() -> None:
    world, first = _entries(_WORLD), _entries(_FIRST)
    assert len(world) > 2000
    # a word written as a word ("Nature", "Salon"); acronyms in capitals ("MAP", "SWIFT") judged one by one
    assert [n for n in world if " " not in n and not n.isupper() and n.casefold() in _COMMON] == []
    assert {n.casefold() for n in world} & {n.casefold() for n in first} == set()
    assert len({n.casefold() for n in world}) == len(world)  # no entry twice, whatever the case
    assert set(world) <= KNOWN and set(first) <= KNOWN  # KNOWN holds the two lists


def test_the_third_list_holds_no_common_word_and_shares_no_entry_with_the_other_two() -> None:
    more, world, first = _entries(_MORE), _entries(_WORLD), _entries(_FIRST)
    assert len(more) > 4000
    assert [n for n in more if " " not in n and not n.isupper() and n.casefold() in _COMMON] == []
    assert {n.casefold() for n in more} & {n.casefold() for n in world + first} == set()
    assert len({n.casefold() for n in more}) == len(more)  # no entry twice, whatever the case
    assert set(first) | set(world) | set(more) == KNOWN  # KNOWN is the union of the three lists
    for word in ("Kremlin", "Matignon", "Bercy", "Oxford", "Tesla", "Nature", "ici", "TVA", "AGI", "GM"):
        assert word not in KNOWN  # a place or metonym, a product or surname, a word, a second meaning


def test_bodies_of_the_world_list_are_read_whole_in_english() -> None:
    text = "Officials from the Institute for the Study of War met Lawrence Livermore National Laboratory."
    assert orgs(text) == [
        "Institute for the Study of War",
        "Lawrence Livermore National Laboratory",
    ]
    assert orgs("Roland Berger and Grant Thornton advised the buyer.") == ["Roland Berger", "Grant Thornton"]
    assert people("Roland Berger and Grant Thornton advised the buyer.") == []
    assert orgs("Bellingcat, Yandex and Ørsted replied; the Knesset and the Sejm voted.") == [
        "Bellingcat",
        "Yandex",
        "Ørsted",
        "Knesset",
        "Sejm",
    ]


def test_bodies_of_the_world_list_are_read_whole_in_french_with_their_lower_case_words() -> None:
    text = (
        "Le Parquet national financier et la Préfecture de police ont saisi "
        "le Service du commissariat des armées."
    )
    assert [w for w, _ in gazetteer_spans(text)] == [
        "Parquet national financier",
        "Préfecture de police",
        "Service du commissariat des armées",
    ]
    assert orgs(text) == [
        "Parquet national financier",
        "Préfecture de police",
        "Service du commissariat des armées",
    ]
    assert orgs("Ce matin, Le Temps et la Tribune de Genève citent Swissinfo et la RTBF.") == [
        "Le Temps",
        "Tribune de Genève",
        "Swissinfo",
        "RTBF",
    ]

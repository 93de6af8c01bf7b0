"""Organisations and people (issue 12, round nine): words the page glued together, initials, funding
rounds, a person and the body they speak for, companies named after a person, French heads and verbs of
speech, public figures named by surname alone. Sentences written for these tests, with invented names
(and well-known public figures where the rule is about them); none comes from a bench set."""

from __future__ import annotations

from lodestar.engine.reading.names_acronyms import initials
from tests.engine.names_helpers import orgs, people


def test_a_small_word_glued_to_a_name_is_no_part_of_it() -> None:
    text = "Intro.\nThe plan will work,” saidLt. Gen. Harold Vantry, director of the office."
    assert people(text) == ["Harold Vantry"]
    assert orgs("Intro.\nDetails, per TheNew York Times, were given.") == ["New York Times"]
    text = "Intro.\nIl parlait à l’occasion duSalon des drones, organisé par Orvalis Systems."
    assert "duSalon" not in " ".join(orgs(text))
    # camel-case names keep their first letters
    assert orgs("Intro.\nThe iCOMAT team met engineers of SeaOwl in May.") == ["iCOMAT", "SeaOwl"]


def test_an_initial_before_a_first_name_is_the_persons() -> None:
    text = "Intro.\nThe army said so. Lt. Gen. L. Neil Marbury, director, spoke."
    assert people(text) == ["L. Neil Marbury"]
    assert people("Intro.\nA photo of the test. (U.S. Army/C. Todd Verlin)") == ["C. Todd Verlin"]


def test_a_funding_rounds_letter_opens_no_name() -> None:
    text = "Levées de fonds\nLe groupe a levé 175 millions en série B. Enfin, Quarrel Industries a levé 3 M€."
    assert orgs(text) == ["Quarrel Industries"]
    text = "Funding news\nThe maker closed a Series F. Trelloway Technologies also raised money."
    assert orgs(text) == ["Trelloway Technologies"]


def test_a_person_for_a_body_is_two_names() -> None:
    assert people("Intro.\nCrédit : Illustration Mr Pavlik pour Horizon Magazine") == ["Pavlik"]
    text = "Intro.\nComme l’explique Mikolaj Trzebny d’Orlen Ventures Fund : « la demande monte »."
    assert people(text) == ["Mikolaj Trzebny"]
    assert orgs(text) == ["Orlen Ventures Fund"]
    text = "Intro.\nSelon Jean Dupré de Thales, la demande monte."
    assert (people(text), orgs(text)) == (["Jean Dupré"], ["Thales"])
    # a name that merely holds a particle stays whole
    assert orgs("Intro.\nCharles de Gaulle University opened a lab.") == ["Charles de Gaulle University"]


def test_two_known_bodies_before_a_verb_of_speech_are_no_person() -> None:
    text = "Intro.\nIn the run-up to the summit, NATO DIANA announced the challenges."
    assert people(text) == []
    assert "NATO" in orgs(text)


def test_a_company_named_after_a_person() -> None:
    text = "Intro.\nThe Navy awarded Harlan Petrosky, Inc. (Petrosky) a contract for a plant."
    assert orgs(text)[-1] == "Harlan Petrosky, Inc."
    assert people(text) == []
    # without the comma, the legal form stays out of the name, as before
    assert orgs("Intro.\nMarlowe Holdings plc bought a yard.") == ["Marlowe Holdings"]


def test_an_acronym_before_its_french_spelling_is_one_body() -> None:
    assert initials("Centre national d’études spatiales") == "CNES"
    text = "Intro.\nIl est conseiller du président du CNES, le Centre national d’études spatiales. La suite."
    assert orgs(text) == ["Centre national d’études spatiales"]


def test_french_services_with_their_adjectives() -> None:
    text = "Intro.\nLe centre s’est imposé, au sein de la Force aérienne, en tant que référence."
    assert orgs(text) == ["Force aérienne"]
    assert orgs("Intro.\nIci, les états-majors des Forces armées françaises cohabitent.") == [
        "Forces armées françaises"
    ]


def test_french_phrases_that_only_describe() -> None:
    text = "Intro.\nLes armées françaises et leur ministère de tutelle sont visés par des attaques."
    assert orgs(text) == []
    text = "Intro.\nLes investissements en direction des innovations quantiques décollent cette année."
    assert orgs(text) == []


def test_a_product_word_on_the_line_before_says_nothing_of_a_name() -> None:
    text = "Intro.\nThe order speeds the fielding of quantum sensors\nPresident Marta Vellacourt signed it."
    assert people(text) == ["Marta Vellacourt"]
    # ... on the same line, it does: "the sensor X" is a product
    assert people("Intro.\nThe army tested the sensor Marta Vellacourt last week.") == []


def test_french_verbs_of_speech_before_the_speaker() -> None:
    text = "Intro.\n« Le tir a pu être forcé », avertit Siemon Walderup, de l’institut de recherche."
    assert people(text) == ["Siemon Walderup"]
    assert people("Intro.\n“It will matter,” added Jorvik Tallaksen, a researcher.") == ["Jorvik Tallaksen"]


def test_public_figures_named_by_surname_alone() -> None:
    text = "Intro.\nMais Biden voulait en distribuer la gestion. Trump voulait un seul fournisseur."
    assert people(text) == ["Biden", "Trump"]
    assert people("Intro.\nHe has advised the Trump administration on drones.") == ["Trump"]
    # a surname not on the list, alone and without a cue, is left out
    assert people("Intro.\nMais Vellacourt voulait en distribuer la gestion.") == []


def test_two_well_known_surnames_joined_by_et_are_two_people() -> None:
    assert people("Intro.\nLes présidents Poutine et Biden se sont vus à Genève.") == ["Poutine", "Biden"]


def test_a_standing_team_and_a_body_of_a_nation_keep_their_whole_name() -> None:
    text = "Intro.\nThe Computer Emergency Response Team of Ukraine thanked Orvalis Systems."
    assert orgs(text) == ["Computer Emergency Response Team of Ukraine", "Orvalis Systems"]
    assert orgs("Intro.\nThe Armed Forces of Ukraine said so.") == ["Armed Forces of Ukraine"]


def test_a_known_newspaper_after_a_lower_case_the() -> None:
    assert orgs("Intro.\nAccording to a report in the Guardian, the plan slipped.") == ["Guardian"]


def test_a_known_acronym_written_as_a_word_after_an_article() -> None:
    assert orgs("Intro.\nSelon un rapport de l’Onu de 2023, la Nasa et l'Esa coopèrent.") == [
        "Onu",
        "Nasa",
        "Esa",
    ]
    # a capitalised common word is not read as an acronym
    assert orgs("Intro.\nSur la Lune, la mission continue.") == []


def test_a_body_inside_a_french_body_name_is_its_own() -> None:
    text = "Intro.\nPasqal est adossée à l'Institut d'optique de l'Université Paris-Saclay, à Palaiseau."
    assert sorted(orgs(text)) == ["Institut d'optique", "Pasqal", "Université Paris-Saclay"]
    # a lower-case nested head stays the name's ("de défense nationale")
    assert orgs("Intro.\nL'Institut des hautes études de défense nationale a parlé.") == [
        "Institut des hautes études de défense nationale"
    ]


def test_any_long_word_glued_to_a_name_and_a_name_glued_to_a_role() -> None:
    text = "Intro.\nSpeaking about defenceAdam Brolin, chief executiveHelsing, said it works."
    assert people(text) == ["Adam Brolin"]
    assert orgs(text) == ["Helsing"]
    assert people("Intro.\nMykhailo FedorovDeputy Prime Minister said so.") == ["Mykhailo Fedorov"]
    # an elided article before a lower-case word opens a sentence
    text = "Intro.\nThe deal went to Airbus Defence and Space L’objectif est clair."
    assert orgs(text) == ["Airbus Defence and Space"]


def test_letters_after_a_persons_name_and_nouns_that_are_no_surname() -> None:
    assert people("Intro.\nThe plan was backed, said Defence Secretary Jon Harrow MP today.") == [
        "Jon Harrow"
    ]
    text = "Intro.\nMeanwhile Allison Transmission (Allison) won a contract."
    assert (orgs(text), people(text)) == (["Allison Transmission"], [])


def test_french_ranks_announce_a_person() -> None:
    assert people("Intro.\n« Il faut avancer », explique l’adjudant Sylvain, réserviste.") == ["Sylvain"]


def test_a_newspaper_after_a_contracted_article() -> None:
    assert orgs("Intro.\nRien n’a fui, a indiqué au Figaro une source gouvernementale.") == ["Figaro"]


def test_bodies_listed_with_commas_are_each_their_own() -> None:
    text = (
        "Intro.\nIt serves Central Command, European Command, Northern Command, and Transportation Command."
    )
    assert orgs(text) == ["Central Command", "European Command", "Northern Command", "Transportation Command"]
    # fields listed in one body's name stay one name
    assert orgs("Intro.\nThe Ministry of Economy, Trade and Industry said so.") == [
        "Ministry of Economy, Trade and Industry"
    ]


def test_an_acronym_after_a_name_keeps_its_role_word() -> None:
    text = "Intro.\nThe Pentagon's Chief Digital and Artificial Intelligence Office (CDAO) awarded it."
    assert orgs(text) == ["Pentagon", "Chief Digital and Artificial Intelligence Office"]
    assert people("Intro.\nSecretary Jane Dorval (SJD) spoke.") == ["Jane Dorval"]


def test_two_bodies_joined_by_a_french_de_la() -> None:
    text = "Intro.\nUne étude de l’Advanced Science Research Center de la City University of New York."
    assert orgs(text) == ["Advanced Science Research Center", "City University of New York"]
    assert orgs("Intro.\nLa Direction Générale de la Sécurité Intérieure a parlé.") == [
        "Direction Générale de la Sécurité Intérieure"
    ]


def test_a_kind_of_body_said_of_a_nation_is_a_description() -> None:
    assert orgs("Intro.\nMaintenant, l’agence française de renseignement scrute les contrats.") == []
    assert orgs("Intro.\nLe ministère russe de la Défense a annoncé un tir.") == [
        "ministère russe de la Défense"
    ]


def test_french_local_bodies_of_a_known_kind() -> None:
    text = "Intro.\nLes étudiants de l'IUT de Vannes et du CHU de Rennes ont parlé."
    assert orgs(text) == ["IUT de Vannes", "CHU de Rennes"]
    assert orgs("Intro.\nDes étudiants de l’Institut d’informatique quantique ont parlé.") == [
        "Institut d’informatique quantique"
    ]


def test_a_newspaper_named_again_by_its_last_word_is_the_same_body() -> None:
    text = "Intro.\nThe Wall Street Journal reported it. According to the Journal, the tests went well."
    assert orgs(text) == ["The Wall Street Journal"]


def test_acronyms_of_things_places_and_states_are_no_bodies() -> None:
    text = "Intro.\nLa base technologique et industrielle importante pour la sécurité (BTIS) de la Suisse."
    assert orgs(text) == []
    text = "Intro.\nIl s’agit du centre d'observation par satellites (CMOS), détaille le porte-parole."
    assert orgs(text) == ["CMOS"]
    assert orgs("Intro.\nThe meeting was held in Arlington, VA on Monday.") == []
    assert orgs("Intro.\nDes panneaux solaires sur la BA 110 ont été posés.") == []
    assert orgs("Intro.\nThey built a 15MW solar PV facility at the base.") == []
    assert people("Intro.\nIt created the position of Chief ZT Officer last year.") == []


def test_a_cue_reads_only_the_owner_of_a_possessive_and_not_a_place_before_based() -> None:
    text = "Intro.\nIn an interview with MakerBot’s Peter Schmehl, the officer learned how printing works."
    assert (orgs(text), people(text)) == (["MakerBot"], ["Peter Schmehl"])
    text = (
        "Six contracts awarded\nThe six companies, including Harrisonburg, Va.-based Tactical & Survival "
        "Specialties Inc. and Wellton Group, won."
    )
    assert orgs(text) == ["Tactical & Survival Specialties Inc.", "Wellton Group"]


def test_a_person_and_a_place_after_a_title_are_not_one_name() -> None:
    text = (
        "Intro.\nDefence Minister Rajnath Singh and Uttar Pradesh Chief Minister Yogi Adityanath opened it."
    )
    assert people(text) == ["Rajnath Singh", "Yogi Adityanath"]


def test_a_post_before_a_name_is_neither_a_person_nor_a_body() -> None:
    assert people("Intro.\nThe UK's Chief Scientific Advisor Angela Marwood said so.") == ["Angela Marwood"]
    assert orgs("Intro.\nLast May the firm said so, and Next Monday it will again.") == []


def test_a_fields_word_alone_makes_no_body() -> None:
    assert orgs("Intro.\nThe army tested its Directed Energy kit and Brain Research tools.") == []
    # with a body's word, or known, the name stands
    assert orgs("Intro.\nThe Naval Research Laboratory and Helsing Energy Systems met.") == [
        "Naval Research Laboratory",
        "Helsing Energy Systems",
    ]


def test_time_zones_and_things_in_apposition_are_no_bodies() -> None:
    assert orgs("Intro.\nPublished: August 30, 2025 at 10:01 PM IST. The minister spoke.") == []
    text = "Intro.\nLes équipes ont préparé CYBERNET, exercice militaire cyber, pendant un mois."
    assert orgs(text) == []
    assert orgs("Intro.\nCette vision inspirée par les romans de SF doit être tempérée.") == []


def test_short_months_and_more_french_tail_adjectives() -> None:
    assert orgs("Intro.\nBy Jane Roe\nFeb. 19, 2014, 5:55 a.m.\nThe department said so.") == []
    text = "Intro.\nL’Office national d’études et de recherches aérospatiales a présenté un drone."
    assert orgs(text) == ["Office national d’études et de recherches aérospatiales"]


def test_kinds_of_firms_weapons_and_an_administration_named_after_its_president() -> None:
    text = "Intro.\nThe Trump Administration said MSMEs and SMEs will gain, as will Carl Gustaf users."
    assert (orgs(text), people(text)) == ([], ["Trump"])
    assert orgs("Intro.\nIl est soigné à l’hôpital\nDans la nuit, rien n’a changé.") == []

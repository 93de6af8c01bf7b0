"""Name rules of issue 12, round 5 (French news: names_french_more, names_french and their hooks): each
tested on sentences written for these tests, with invented bodies and people where the rule allows
(none comes from the radar bench or its tuning sets)."""

from __future__ import annotations

from lodestar.engine.reading.names import find_names
from lodestar.engine.reading.names_french_more import glossed_things, in_gloss, same_person
from tests.engine.names_helpers import orgs, people


def test_a_head_joined_by_et_to_the_next_noun_names_nothing() -> None:
    assert orgs("Des représentants de l’armée et de l’industrie navale étaient là.") == []
    assert orgs("Les centres de commandement et de contrôle seront modernisés.") == []
    # "et" after a first part still joins a second one.
    assert orgs("Le ministère de l’Europe et des Affaires étrangères a réagi.") == [
        "ministère de l’Europe et des Affaires étrangères"
    ]


def test_a_head_after_a_bare_de_qualifies_the_noun_before_it() -> None:
    text = "Les prestataires de service de confiance pour les besoins de la sécurité seront qualifiés."
    assert orgs(text) == []
    assert orgs("Le budget du service de santé des armées augmente.") == ["service de santé des armées"]


def test_pour_and_a_verb_starts_a_clause_not_a_name() -> None:
    assert orgs("L’agence désormais armée pour labelliser les produits de sécurité.") == []
    text = "L’Agence ministérielle pour l’IA de défense recrute."
    assert orgs(text) == ["Agence ministérielle pour l’IA de défense"]


def test_a_head_in_apposition_after_a_name_describes_it() -> None:
    text = "Il dirigeait Brenac Lab, centre de Recherche et Technologie du groupe, depuis 2019."
    assert "centre de Recherche" not in " ".join(orgs(text))


def test_the_gloss_of_an_acronym_is_its_meaning_not_a_second_body() -> None:
    text = "Les 9 membres de la FERA (federation of European Rotor Academies) ont signé."
    assert orgs(text) == ["FERA"]
    assert in_gloss(text, text.index("European"))
    text = "Le marché des HALS (High Altitude Lighter Ships) s’ouvre, selon Brenac Lab."
    assert glossed_things(text) == {"HALS"}
    assert "HALS" not in orgs(text)


def test_one_word_then_de_and_a_known_body_is_the_body_s_place_or_product() -> None:
    assert orgs("Un coup de chapeau au site de Toulon de Naval Group et à ses équipes.") == ["Naval Group"]
    assert orgs("Le Rafale de Dassault Aviation a trouvé un client.") == ["Dassault Aviation"]


def test_an_article_a_known_name_and_a_model_name_a_product() -> None:
    assert orgs("Les moteurs de l’Airbus A330 et de plusieurs hélicoptères sont révisés.") == []
    assert orgs("Airbus a livré trois avions.") == ["Airbus"]


def test_page_rubrics_and_capital_bylines() -> None:
    assert orgs("Une revue de défense\nDEFMAG - SOMMAIRE - Par Lucie Varenne, docteure.") == []
    assert people("Un titre\n- PAR EMMANUEL VARENNE\n\nLe texte commence.") == ["EMMANUEL VARENNE"]


def test_a_byline_alone_on_its_line_names_a_person() -> None:
    assert people("Le titre de l’article\nMickaël Ternois\n\nLe carnet de commandes se remplit.") == [
        "Mickaël Ternois"
    ]
    assert people("Le titre de l’article\nBrenac Lab\n\nLe carnet se remplit.") == []


def test_a_surname_one_letter_off_is_the_same_person_misspelt() -> None:
    assert same_person("Lucie Varenna", ["Lucie Varenne"]) == "Lucie Varenne"
    assert same_person("Lucie Varenne", ["Paul Varenne"]) is None
    assert same_person("Jean Roux", ["Jean Rous"]) is None  # too short to call a typo
    text = "Lucie Varenne a déclaré que tout va bien. Plus tard, Lucie Varenna a ajouté un mot."
    assert people(text) == ["Lucie Varenne"]


def test_a_first_name_in_a_list_of_bodies_is_no_body() -> None:
    assert "Jérôme" not in orgs("Il a travaillé chez Thales, Jérôme (son nom n’est pas donné) le dit.")


def test_known_institutions_written_with_a_lower_case_first_letter() -> None:
    assert orgs("Le texte.\nLa gendarmerie nationale et la police nationale recrutent des analystes.") == [
        "gendarmerie nationale",
        "police nationale",
    ]
    assert orgs("Les valeurs actuelles du secteur ne le permettent pas.") == []


def test_a_known_outlet_runs_on_in_lower_case() -> None:
    assert orgs("Le texte. L’affaire, a révélé Le Canard enchaîné, date de 2019.") == ["Le Canard enchaîné"]


def test_a_fragment_of_a_name_already_read_whole_is_no_second_body() -> None:
    text = "Le texte.\nLa Commission européenne et le Parlement européen ont validé le fonds."
    assert orgs(text) == ["Commission européenne", "Parlement européen"]


def test_a_commission_of_parliament_is_a_body_and_the_senate_is_one() -> None:
    text = "Le Sénat examinera le texte en Commission de la défense la semaine prochaine."
    assert orgs(text) == ["Commission de la défense", "Sénat"]
    assert orgs("Une commission d’enquête sera créée.") == []


def test_a_french_weapon_system_opening_a_chain_is_a_product() -> None:
    assert orgs("Le porte-avions a appareillé avec ses Rafale Marine et deux Tigre HAD.") == []


def test_every_connector_and_article_before_a_name_is_dropped() -> None:
    assert orgs("Le texte. Le Directeur de l’ONERA a salué les équipes.") == ["ONERA"]
    assert orgs("Le texte. Il s’exprimait en présence du Président de la République hier.") == []


def test_a_head_s_adjective_before_its_prepositional_part() -> None:
    text = "Le texte. Le Conseil scientifique de la Défense a rendu un avis."
    assert orgs(text) == ["Conseil scientifique de la Défense"]


def test_a_capitalised_body_of_study_keeps_its_subject() -> None:
    text = "Le texte. Selon l’Institut international de recherche sur la paix de Brenac, tout augmente."
    assert orgs(text) == ["Institut international de recherche sur la paix de Brenac"]
    assert orgs("Le texte. Un centre de recherche sur le cancer ouvrira.") == []


def test_a_summer_school_is_an_event() -> None:
    assert orgs("Le texte. Lors de l’Université d’été de la défense à Brest, il a parlé.") == []


def test_more_tail_adjectives_keep_a_name_whole() -> None:
    text = "Le texte. Ils ont interrogé la Direction générale des Finances publiques hier."
    assert orgs(text) == ["Direction générale des Finances publiques"]
    text = "Le texte. Le Service historique de la Défense conserve les archives."
    assert orgs(text) == ["Service historique de la Défense"]


def test_a_slash_joined_photo_credit() -> None:
    text = "Le texte.\nDans l’usine, le 3 mars. JEAN LORIOT / PIXEL MEDIA / MBDA Ce qui frappe."
    assert orgs(text) == ["PIXEL MEDIA", "MBDA"]
    assert people("Le texte.\nUne chaîne d’assemblage — S.VARENNE/AFP\n\nLe carnet.") == ["S.VARENNE"]
    assert orgs("Le texte. Les systèmes ISR/C4I et C2/ISR sont clés.") == []


def test_camel_case_software_is_a_product() -> None:
    assert orgs("Le texte. Avoir les plus beaux PowerPoint ne suffit pas, ni ChatGPT.") == []


def test_a_participle_opening_a_sentence_is_no_name() -> None:
    text = "Le texte. Contacté, Brenac Lab n’a pas souhaité commenter. Sollicitée par l’AFP, la DGA se tait."
    assert orgs(text) == ["Brenac Lab", "AFP", "DGA"]
    assert people(text) == []


def test_an_ordinal_and_a_unit_s_head_name_a_unit() -> None:
    text = "Le texte. Le colonel Paul Varenne, du 4e régiment de chasseurs alpins (4e RCA), commandait."
    assert orgs(text) == ["4e régiment de chasseurs alpins"]
    assert people(text) == ["Paul Varenne"]
    assert orgs("Le texte. Le 1er régiment commandait l’assaut.") == []


def test_droits_reserves_in_a_credit_is_no_body() -> None:
    assert orgs("Le texte. Photo DR. Le drone vole.") == []


def test_a_company_s_board_names_the_company() -> None:
    text = "Le texte. Le conseil d’administration de Brenac Lab s’est réuni lundi."
    assert orgs(text) == ["Brenac Lab"]


def test_an_adjective_before_a_part_s_noun() -> None:
    text = "Le texte. Il est auditeur de l’Institut des hautes études de défense nationale depuis mai."
    assert orgs(text) == ["Institut des hautes études de défense nationale"]


def test_a_french_body_spelling_out_the_acronym_before_it_is_that_acronym() -> None:
    text = "Le texte. L’IHEDA (Institut des hautes études de défense aérienne) forme des auditeurs."
    assert orgs(text) == ["IHEDA"]


def test_a_common_noun_that_is_a_first_name_elsewhere_opens_no_person() -> None:
    assert people("Le texte. La Ville de Paris a lancé un appel à projets.") == []


def test_french_political_parties() -> None:
    text = "Le texte. Les Républicains et La France insoumise votent contre, le Parti socialiste s’abstient."
    assert orgs(text) == ["La France insoumise", "Parti socialiste", "Les Républicains"]


def test_a_nation_s_adjective_in_lower_case_names_a_company() -> None:
    text = "Le texte. Après le rachat d’Alsir par l’américain Tenaxo, le Français Paul Varenne est parti."
    assert "Tenaxo" in orgs(text)
    assert people(text) == ["Paul Varenne"]


def test_a_capitalised_unit_head_after_an_ordinal() -> None:
    text = "Le texte. Il a été livré au 61e Régiment d’Artillerie [RA] hier."
    assert orgs(text) == ["61e Régiment d’Artillerie"]


def test_a_state_secretary_s_office_keeps_its_remit() -> None:
    text = "Le texte. Le secrétariat d’État au Numérique s’illustre."
    assert orgs(text) == ["secrétariat d’État au Numérique"]


def test_a_french_sentence_opener_does_not_join_the_name_after_it() -> None:
    assert orgs("Le texte. Pourquoi la DGA accélère. Côté Brenac Lab, rien.") == ["DGA", "Brenac Lab"]


def test_a_compound_first_name_in_capitals() -> None:
    assert people("Le texte.\nPhoto d’illustration. JEAN-FRANÇOIS VARENNE / AFP\nLe drone vole.") == [
        "JEAN-FRANÇOIS VARENNE"
    ]


def test_a_french_body_keeps_the_adjective_of_its_nation_or_reach() -> None:
    found = [
        n.name
        for n in find_names(
            "Le ministère de l'Intérieur algérien a réagi, puis le ministère de la Défense nationale."
        )
    ]
    assert "ministère de l'Intérieur algérien" in found and "ministère de la Défense nationale" in found
    # ... but an armed service's adjective only says whose it is: "l'armée de terre française".
    assert "armée de terre" in [
        n.name for n in find_names("Les chars de l'armée de terre française sont arrivés.")
    ]


def test_one_name_written_with_two_kinds_of_apostrophe_is_one_body() -> None:
    found = [n.name for n in find_names("L'armée de l'air a reçu les avions commandés par l’armée de l’air.")]
    assert found == ["armée de l'air"]


def test_french_bodies_read_through_the_adjectives_of_their_fields() -> None:
    found = [n.name for n in find_names("La Commission des marchés publics de l'État a tranché hier.")]
    assert found == ["Commission des marchés publics de l'État"]
    text = "Elle enseigne au Département de génie électrique et de génie informatique de l'université."
    assert "Département de génie électrique et de génie informatique" in [n.name for n in find_names(text)]

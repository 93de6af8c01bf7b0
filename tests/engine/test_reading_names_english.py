"""Round five of the name rules (issue 12): how English news writes what is not a body or a person, and
bodies or people the reader cut, doubled or missed. Each rule is tested on sentences written for these
tests, with invented bodies and people."""

from __future__ import annotations

from tests.engine.names_helpers import orgs, people


def test_a_sentence_opening_adverb_is_no_body() -> None:
    text = "The firm Orlan Dynamics grew. Meanwhile, Brightwater Systems raised $5 million."
    assert "Meanwhile" not in orgs(text) and "Brightwater Systems" in orgs(text)
    text = "Orlan Dynamics grew. Additionally, Brightwater Systems, Corvane Labs and Tessel Robotics won."
    assert "Additionally" not in orgs(text)


def test_a_us_postal_code_after_a_town_is_a_place() -> None:
    text = "Testing was performed at the Halvard Labs site in Pine Bluff, WA. Halvard Labs makes engines."
    found = orgs(text)
    assert "WA" not in found and "Halvard Labs" in found


def test_an_acronym_after_a_or_an_is_a_common_noun() -> None:
    text = "“Ever since I have been an MP, the Cabinet Office has led,” said Jane Porter."
    assert "MP" not in orgs(text) and "Cabinet Office" in orgs(text)


def test_the_topic_of_an_event_is_no_body() -> None:
    text = "Speaking at the Ledger Post’s conference on Data Protection in Financial Services, she agreed."
    assert "Financial Services" not in orgs(text)


def test_a_name_counted_as_the_kind_of_things_is_no_body_but_a_numbered_unit_is() -> None:
    text = "Work will take place at three Nevada Air Force facilities, the Air Force said."
    assert orgs(text) == ["Air Force"]
    text = "The 12 Open Division and 13 Junior Varsity Division teams met the Air Force Association."
    assert "Open Division" not in orgs(text) and "Junior Varsity Division" not in orgs(text)
    text = "Troops of 3 Commando Brigade landed, the Royal Navy said."
    assert "Commando Brigade" in orgs(text)


def test_an_editions_number_ends_no_body_but_a_funds_does() -> None:
    text = "Teams met at the CodeShield IV finals. Orlan Capital Fund III invested in Corvane Labs."
    found = orgs(text)
    assert "CodeShield IV" not in found and "Orlan Capital Fund III" in found


def test_a_post_is_no_body() -> None:
    text = "The Product Manager for Tactical Networks and Systems at the Army said the work was done."
    assert not any(name.startswith("Product Manager") for name in orgs(text))


def test_the_relations_of_two_nations_are_no_body() -> None:
    text = "The Canada-Japan Comprehensive Strategic Partnership was signed by the two leaders."
    assert orgs(text) == []


def test_a_numbered_award_is_no_body() -> None:
    text = "The lab is supported with a Halvard Research Infrastructure Track 2 award from the council."
    assert orgs(text) == []


def test_the_words_of_a_post_are_no_persons_name() -> None:
    text = "The pact was signed by the Chief Defence Scientists of both nations on Monday."
    assert people(text) == []


def test_what_a_person_owns_is_not_a_person() -> None:
    text = "Investors: Corvane Labs, Helix founder Marta Ovidson’s Nine Nine Four, and Orlan Capital."
    assert people(text) == ["Marta Ovidson"]


def test_a_committee_named_after_a_strategy_is_a_committee() -> None:
    text = "The Select Committee on National Resilience Strategy published its report on Tuesday."
    assert "Select Committee on National Resilience Strategy" in orgs(text)
    assert orgs("The National Resilience Strategy was published on Tuesday.") == []


def test_a_first_name_that_is_also_a_heads_word_opens_a_persons_name() -> None:
    text = "“It works,” Corvane CEO Bill Tarrow explained on Monday."
    assert people(text) == ["Bill Tarrow"]


def test_an_unknown_name_listed_before_people_is_a_persons() -> None:
    text = "(from left): Oyelaran Adebisi, Jonathan Weller, Rebecca Stroud and Matt Keane (Photo: Ann Finch)"
    assert "Oyelaran Adebisi" in people(text)
    text = "said Jonathan Weller, New Hartford."
    assert people(text) == ["Jonathan Weller"]


def test_a_post_after_and_opens_a_new_name() -> None:
    text = "It was signed by Prime Minister Lim Tuan Hock and Canadian Prime Minister Paul Beaulieu today."
    found = people(text)
    assert "Lim Tuan Hock" in found and "Paul Beaulieu" in found


def test_a_service_after_and_is_a_name_of_its_own() -> None:
    text = "He commended the firm Corvane and Army personnel for the work."
    assert "Corvane and Army" not in orgs(text)


def test_a_lone_qualifier_and_a_service_name_the_service() -> None:
    text = "The Navy will give support for Joint and Air Force urgent needs with the contract."
    assert "Joint and Air Force" not in orgs(text)


def test_a_short_name_in_capitals_and_the_full_name_it_opens_are_one_company() -> None:
    text = "TARVEN Federal won a contract. TARVEN, which is now part of Orlan Group, bid alone."
    assert [n for n in orgs(text) if n.startswith("TARVEN")] == ["TARVEN Federal"]


def test_a_known_company_with_its_legal_word_is_named_in_full() -> None:
    text = "Saab, Honeywell International and Corvane Labs were chosen."
    assert "Honeywell International" in orgs(text)


def test_the_two_english_orders_of_a_departments_name_are_one_body() -> None:
    text = "The US Energy Department was hacked. The Department of Energy said it was among them."
    assert orgs(text) == ["US Energy Department"]


def test_a_nation_after_of_stays_in_a_universitys_name() -> None:
    text = "He will visit the National University of Singapore and Temasek Laboratories."
    assert "National University of Singapore" in orgs(text)


def test_the_acronym_of_a_station_is_no_body() -> None:
    text = "The capsule docked with the Orbital Research Station (ORS). The ORS crew opened it."
    assert "ORS" not in orgs(text)


def test_a_celestial_body_is_no_organisation() -> None:
    text = "The capsule returned to Earth. The company plans more flights."
    assert orgs(text) == []


def test_told_names_a_news_outlet() -> None:
    text = "“We will fly next year,” cofounder Andy Lapsa told Launchpad. The round was led by Orlan Capital."
    assert "Launchpad" in orgs(text)


def test_a_body_that_holds_a_conference_is_a_body() -> None:
    text = "Speaking at the Ledger Gazette’s conference today, the minister defended the plan."
    assert "Ledger Gazette" in orgs(text)


def test_a_day_or_month_after_on_is_no_part_of_the_name() -> None:
    text = "A paper was published in the online journal Brightwater Letters on February 20."
    assert "Brightwater Letters on February" not in orgs(text)


def test_a_backer_before_backed_is_no_part_of_the_name() -> None:
    text = "Orlan-backed Tessel Robotics raised $20 million on Monday."
    assert "Tessel Robotics" in orgs(text) and "Orlan-backed Tessel Robotics" not in orgs(text)


def test_a_common_acronym_after_and_opens_no_name() -> None:
    text = "It ranks after cloud giant BrightCore and AI model company Tessel Robotics this year."
    assert "BrightCore and AI" not in orgs(text) and "BrightCore" in orgs(text)


def test_a_known_company_and_its_full_legal_name_are_one_body() -> None:
    text = "Raytheon said it won. Raytheon Technologies Co. and Northrop Grumman Corp. were chosen."
    assert orgs(text) == ["Raytheon", "Northrop Grumman Corp."]


def test_malay_honorifics_are_no_names_and_a_shortened_name_is_the_same_person() -> None:
    text = "Its minister Datuk Seri Ahmad Faisal Rahim said the force was needed. Ahmad Faisal said more."
    assert people(text) == ["Ahmad Faisal Rahim"]


def test_two_fields_joined_by_and_stay_in_one_bodys_name() -> None:
    text = "The Marine Research and Development Organisation (MRDO) signed the deal in Pune."
    assert orgs(text) == ["Marine Research and Development Organisation"]


def test_an_acronym_spelled_out_as_a_thing_is_no_body_anywhere_in_the_text() -> None:
    text = "The lab handed over QUILL (Quality Index for Lean Logistics) certificates. QUILL is a benchmark."
    assert "QUILL" not in orgs(text)


def test_the_plural_of_a_common_acronym_and_an_act_are_no_bodies() -> None:
    text = "The firms signed several MoUs. Transfer of Technology of Light Armour Plates to Corvane Labs."
    found = orgs(text)
    assert "MoUs" not in found and not any(name.startswith("Transfer") for name in found)


def test_a_tickers_brackets_do_not_make_a_company_a_thing() -> None:
    text = "ARLEN, Va. -- KORVEX (NASDAQ: KRVX, KRVXW), a leader, won an order. KORVEX will provide support."
    assert "KORVEX" in orgs(text) and "KRVXW" not in orgs(text)


def test_an_acronym_defined_by_common_nouns_is_a_thing_singular_or_plural() -> None:
    text = "The Army will test robotic ground carriers (RGCs) next year. The RGC lead said tests went well."
    assert "RGC" not in orgs(text) and "RGCs" not in orgs(text)


def test_a_modifier_of_a_post_is_no_part_of_the_body_before() -> None:
    text = "Navy Under Secretary Jane Holloway and Corvane Interim President Mark Tiller visited the site."
    found = orgs(text)
    assert "Navy Under" not in found and "Corvane Interim" not in found


def test_a_thing_named_after_a_person_is_not_a_person() -> None:
    text = "The soldiers tested modified Bradley Fighting Vehicles at the range, said Jane Holloway."
    assert people(text) == ["Jane Holloway"]


def test_a_full_month_after_a_byline_is_no_part_of_the_name() -> None:
    text = "Robots shown\nBy Corvane University System Staff May 20, 2019\nThe robots were shown."
    assert "Corvane University System Staff May" not in orgs(text)


def test_a_service_with_its_nation_is_the_service() -> None:
    text = "The Army tested the robots. (U.S. Army/Jane Holloway) The Army will buy them."
    assert orgs(text) == ["Army"]


def test_a_subhead_in_title_case_names_nothing_but_a_lists_lines_do() -> None:
    text = (
        "Navy picks drone makers\n"
        "The Navy picked Corvane Labs for the work, officials said.\n"
        "Strong Demand From Defense Agencies\n"
        "Last month officials told reporters that the fleet of unmanned vessels was growing quickly.\n"
        "The firms chosen are:\n"
        "Halvard Marine Works\n"
        "Tessel Ocean Robotics\n"
    )
    found = orgs(text)
    assert not any("Agencies" in name for name in found)
    assert "Halvard Marine Works" in found and "Tessel Ocean Robotics" in found


def test_a_name_before_a_compound_suffix_is_the_name() -> None:
    text = "The NATO-led mission and the Pentagon-funded study drew crowds in Steve Jobs-style shirts."
    assert "NATO" in orgs(text) and "Pentagon" in orgs(text)
    assert people(text) == ["Steve Jobs"]


def test_a_name_after_dubbed_or_short_for_is_a_projects() -> None:
    text = "The project is dubbed “LARK” — short for Linked Autonomous Robot Systems for Exploration."
    assert orgs(text) == []


def test_a_post_of_a_body_names_the_body_only() -> None:
    text = "Cllr Ann Porter, Leader of Harwick & Dale Council, said the plan was good."
    assert orgs(text) == ["Harwick & Dale Council"]
    text = "“It works,” Minister for Defence Procurement Jane Holloway said."
    assert people(text) == ["Jane Holloway"]


def test_an_mp_is_a_common_noun_and_together_opens_a_sentence() -> None:
    text = "MP backs Corvane Labs deal\nThe firm agreed. Together, Corvane Labs and Orlan will build it."
    found = orgs(text)
    assert "MP" not in found and "Together" not in found


def test_a_states_tech_is_a_university_and_banks_are_no_people() -> None:
    text = "At Louisiana Tech, they agreed; Morgan Stanley analysts said so; Goldman Sachs and Orlan Bank too"
    found = orgs(text)
    assert {"Louisiana Tech", "Morgan Stanley", "Goldman Sachs", "Orlan Bank"} <= set(found)
    assert people(text) == []


def test_two_particles_stay_inside_a_persons_name() -> None:
    text = "Commission President Ursula von der Leyen met Frans van der Berg, the firm said."
    assert people(text) == ["Ursula von der Leyen", "Frans van der Berg"]


def test_a_wire_credit_names_people_and_a_bylines_job_is_no_body() -> None:
    text = "The plan was approved.\n(Reporting by Idrees Alvi in Washington; Editing by Leslie Ardo)"
    assert people(text) == ["Idrees Alvi", "Leslie Ardo"]
    text = "Drones for the fleet\nBy Jane Doe and John Roe, Staff Writers\nThe Navy bought drones."
    assert "Staff Writers" not in orgs(text)


def test_an_ordinal_before_a_unit_is_part_of_its_name() -> None:
    text = "“We are ready,” said Col. Amanda Lee, commander of the 21st Space Wing."
    assert orgs(text) == ["21st Space Wing"]


def test_an_english_noun_in_ment_before_of_is_no_french_adverb() -> None:
    text = "The Department of Harbours, formerly a bureau, awarded Corvane Labs a contract."
    assert "Department of Harbours" in orgs(text)


def test_the_parts_or_people_of_a_body_open_no_name() -> None:
    text = "The market moved. Shares of Corvane Technologies Inc. rose 5% after Members of Congress spoke."
    found = orgs(text)
    assert "Corvane Technologies Inc." in found and "Congress" in found
    assert not any(name.startswith(("Shares", "Members")) for name in found)


def test_an_office_named_after_a_post_keeps_its_post_word() -> None:
    text = "The Chief Digital and Robotics Office (CDRO) picked five vendors, officials said."
    assert orgs(text) == ["Chief Digital and Robotics Office"]


def test_a_syllabic_acronym_reads_through_a_hyphen() -> None:
    text = "Officials from U.S. Indo-Pacific Command watched. INDOPACOM said the test went well."
    assert orgs(text) == ["U.S. Indo-Pacific Command"]


def test_on_ends_a_bodys_name_unless_its_head_takes_a_subject() -> None:
    text = "The Orlan National Space Administration on Tern 6 worked with the Select Committee on Space."
    found = orgs(text)
    assert "Orlan National Space Administration" in found and "Select Committee on Space" in found


def test_a_capitalised_adjective_compound_is_no_name() -> None:
    text = "The Navy agreed. Satellite maker Corvane and Earth-imaging company Tessel Labs supplied images."
    found = orgs(text)
    assert not any("Earth-imaging" in name for name in found) and "Tessel Labs" in found


def test_no_name_opens_with_an_adverb_and_a_member_of_parliament_is_a_post() -> None:
    text = "The grant went to Historically Black Colleges and Universities this year, the Navy said."
    assert orgs(text) == ["Navy"]
    text = "Jane Holloway, Member of Parliament for Harwick, welcomed the Navy contract."
    assert "Navy" in orgs(text) and not any("Parliament" in name for name in orgs(text))


def test_a_persons_surname_that_is_a_month_stays_and_plural_nouns_end_no_persons_name() -> None:
    text = "Prime Minister Theresa May and Chancellor Rachel Reeves met. Grant Funding Opportunities opened."
    assert people(text) == ["Theresa May", "Rachel Reeves"]


def test_a_counted_bodys_people_name_the_body() -> None:
    text = "The Navy agreed. Two Harbour Defence Agency officials said the test went well."
    assert "Harbour Defence Agency" in orgs(text)


def test_a_count_crosses_no_line_and_a_weekday_ends_a_name() -> None:
    text = "Paris, le 27 juin 2014\n\nN°180\n\nBenoît HAMON, ministre, a reçu la commission."
    assert people(text) == ["Benoît HAMON"]
    text = "“We will grow,” he told Ledger TV Tuesday, adding that Corvane Labs agreed."
    assert "Ledger TV" in orgs(text)


def test_a_portfolio_after_a_post_and_a_post_after_and_are_no_bodies() -> None:
    text = "Justice and Correctional Services Minister Ama Boateng agreed, said Kofi Mensah."
    found = orgs(text)
    assert "Justice" not in found and "Correctional Services" not in found
    text = "Vice President Ade Bello and Lagos State Governor, Mr. Tunde Ade, opened the factory."
    assert "Lagos State Governor" not in people(text)


def test_a_known_bodys_first_word_is_no_rank_and_a_portfolio_stays_whole() -> None:
    text = "General Dynamics Corp. won. The Department of Harbours and Human Services agreed, said Ann Kerr."
    found = orgs(text)
    assert "General Dynamics Corp." in found and "Department of Harbours and Human Services" in found
    assert people(text) == ["Ann Kerr"]


def test_a_currency_code_is_no_body() -> None:
    text = "The yard signed a KRW 500 billion deal with the Navy."
    assert orgs(text) == ["Navy"]


def test_a_us_states_word_is_no_first_name_inside_a_bodys_name() -> None:
    text = "It opens at the University of South Carolina College of Journalism Studies in May."
    assert orgs(text) == ["University of South Carolina College of Journalism Studies"]

"""Conflict detection finds ties in the data; people confirm or dismiss them."""

import pytest

from lodestar.engine.conflicts import (
    Conflict,
    ConflictRules,
    ConflictState,
    ConflictType,
    Document,
    Employment,
    ExpertRecord,
    ProposalRecord,
    blocking_pairs,
    detect,
    split_authors,
)

RULES = ConflictRules(current_year=2025, employment_years=3)


def found(experts, proposals, rules=RULES):
    return {(c.proposal, c.expert, c.type) for c in detect(experts, proposals, rules)}


def test_finds_the_same_organisation_whatever_the_accents_case_and_legal_suffix():
    expert = ExpertRecord("e1", "Ana Souza", organisation="SOCIÉTÉ Générale de Robotique SAS")
    proposal = ProposalRecord("p1", "Societe generale de robotique")
    conflicts = detect([expert], [proposal], RULES)
    assert [(c.type, c.state) for c in conflicts] == [
        (ConflictType.SAME_ORGANISATION, ConflictState.SUGGESTED)
    ]
    assert conflicts[0].facts == {"organisation": "Societe generale de robotique"}


def test_finds_an_expert_named_in_the_applicants_team():
    expert = ExpertRecord("e1", "Smith, John")
    proposal = ProposalRecord("p1", "Acme", team=("John Smith", "Jane Roe"))
    assert found([expert], [proposal]) == {("p1", "e1", ConflictType.SAME_ORGANISATION)}


def test_finds_past_employment_within_the_window_only():
    expert = ExpertRecord(
        "e1",
        "Ana",
        employment=(
            Employment("Acme Ltd", 2015, 2023),  # two years ago: within three
            Employment("Old Corp", 2001, 2010),  # long ago: not a conflict
        ),
    )
    proposals = [ProposalRecord("p1", "Acme"), ProposalRecord("p2", "Old Corp")]
    assert found([expert], proposals) == {("p1", "e1", ConflictType.PAST_EMPLOYMENT)}


def test_current_employment_counts_as_the_same_organisation():
    expert = ExpertRecord("e1", "Ana", employment=(Employment("Acme", 2020, None),))
    assert found([expert], [ProposalRecord("p1", "Acme")]) == {("p1", "e1", ConflictType.SAME_ORGANISATION)}


def test_finds_shareholding_and_investment_ties_both_ways():
    holder = ExpertRecord("e1", "Ana", holdings=("Acme GmbH",))
    investor = ExpertRecord("e2", "Bo", organisation="Nordic Deep Tech Fund")
    angel = ExpertRecord("e3", "Cy Young")
    proposal = ProposalRecord("p1", "Acme", shareholders=("Nordic Deep Tech Fund AB", "Young, Cy"))
    assert found([holder, investor, angel], [proposal]) == {
        ("p1", "e1", ConflictType.FINANCIAL_TIE),
        ("p1", "e2", ConflictType.FINANCIAL_TIE),
        ("p1", "e3", ConflictType.FINANCIAL_TIE),
    }


def test_finds_coauthorship_from_the_same_names_on_documents():
    expert = ExpertRecord("e1", "Ana Souza", documents=(Document("Radar arrays", ("Ana Souza", "Jane Roe")),))
    team = ProposalRecord("p1", "Acme", team=("Jane Roe",))
    cited = ProposalRecord("p2", "Beta", documents=(Document("Beta white paper", ("Souza, Ana", "X Y")),))
    unrelated = ProposalRecord("p3", "Gamma", team=("Someone Else",))
    conflicts = detect([expert], [team, cited, unrelated], RULES)
    assert {(c.proposal, c.type) for c in conflicts} == {
        ("p1", ConflictType.CO_AUTHORSHIP),
        ("p2", ConflictType.CO_AUTHORSHIP),
    }
    assert conflicts[0].facts == {"document": "Radar arrays", "coauthor": "Jane Roe"}


def test_same_nation_counts_only_when_the_call_says_so():
    expert = ExpertRecord("e1", "Ana", nation="no")
    proposal = ProposalRecord("p1", "Acme", nation="NO")
    assert found([expert], [proposal]) == set()
    strict = ConflictRules(current_year=2025, same_nation=True)
    assert found([expert], [proposal], strict) == {("p1", "e1", ConflictType.SAME_NATION)}


def test_an_experts_declaration_is_confirmed_and_an_applicants_only_suggested():
    expert = ExpertRecord("e1", "Ana", declared_proposals=("p1",), declared_organisations=("Beta",))
    proposals = [ProposalRecord("p1", "Acme", declared_experts=("e1",)), ProposalRecord("p2", "Beta")]
    states = {(c.proposal, c.type): c.state for c in detect([expert], proposals, RULES)}
    assert states == {
        ("p1", ConflictType.DECLARED_BY_EXPERT): ConflictState.CONFIRMED,
        ("p1", ConflictType.DECLARED_BY_APPLICANT): ConflictState.SUGGESTED,
        ("p2", ConflictType.DECLARED_BY_EXPERT): ConflictState.CONFIRMED,
    }


def test_dismissing_needs_a_note_and_then_no_longer_blocks():
    conflict = Conflict("p1", "e1", ConflictType.SAME_NATION, "Both from NO")
    with pytest.raises(ValueError, match="note"):
        conflict.dismiss("  ")
    dismissed = conflict.dismiss("Different ministries, no working relation")
    assert dismissed.state is ConflictState.DISMISSED and dismissed.note.startswith("Different")
    assert blocking_pairs([conflict, dismissed.confirm()]) == {("p1", "e1")}
    assert blocking_pairs([dismissed]) == frozenset()


def test_splits_author_lines_in_the_usual_styles():
    assert split_authors("A. Smith; B. Jones and C. Doe") == ("A. Smith", "B. Jones", "C. Doe")
    assert split_authors("Smith, John") == ("John Smith",)
    assert split_authors("Marie Curie, Pierre Curie & Paul Langevin") == (
        "Marie Curie",
        "Pierre Curie",
        "Paul Langevin",
    )

"""Effective ownership by nation against brute-force path enumeration; findings; screening names."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lodestar.engine.ownership import (
    UNDISCLOSED,
    Holding,
    OwnershipGraph,
    Party,
    effective_ownership,
    screen_ownership,
)
from lodestar.engine.screening import Candidate, ListedName, ScreeningIndex, normalise

NATIONS = ["DE", "PL", "CN", "US"]


def brute_force(graph, cutoff=1e-14):
    """Sum over every walk from a party to each company of the product of its shares (depth-first,
    a walk round a cycle is followed until its product is negligible)."""
    into = {}
    for h in graph.holdings:
        into.setdefault(h.company, []).append(h)
    nation = {p.id: p.nation for p in graph.parties}
    totals = {c: {} for c in graph.companies}

    def walk(company, product, target):
        for h in into.get(company, []):
            value = product * h.share
            if value < cutoff:
                continue
            if h.holder in nation:
                totals[target][nation[h.holder]] = totals[target].get(nation[h.holder], 0.0) + value
            else:
                walk(h.holder, value, target)

    for company in graph.companies:
        walk(company, 1.0, company)
    return totals


@st.composite
def graphs(draw, acyclic):
    n = draw(st.integers(1, 6))
    companies = [f"c{i}" for i in range(n)]
    count = draw(st.integers(1, 4))
    parties = [Party(f"p{k}", f"Party {k}", draw(st.sampled_from(NATIONS))) for k in range(count)]
    holdings = []
    for j, company in enumerate(companies):
        # holders: parties, and companies (earlier ones only when acyclic), each company at most 90 % held
        # by companies so that no ring is closed
        pool = [p.id for p in parties]
        pool += [c for i, c in enumerate(companies) if (i < j if acyclic else i != j)]
        holders = draw(st.lists(st.sampled_from(pool), unique=True, max_size=4))
        left = 1.0
        in_cycles = 0
        for holder in holders:
            # round a cycle, each company passes on at most 10 %, and at most two companies hold
            # each company, so the walks' total decays fast enough for the brute force to finish
            if not acyclic and holder.startswith("c"):
                in_cycles += 1
                if in_cycles > 2:
                    continue
                share = draw(st.integers(1, 10)) / 100
            else:
                share = draw(st.integers(1, 45)) / 100
            if share > left:
                break
            left -= share
            holdings.append(Holding(holder, company, share))
    return OwnershipGraph(tuple(companies), tuple(parties), tuple(holdings))


@settings(max_examples=200, deadline=None)
@given(graphs(acyclic=True))
def test_acyclic_ownership_equals_the_sum_over_paths(graph):
    solved = effective_ownership(graph).by_company
    expected = brute_force(graph)
    for company in graph.companies:
        for nation in NATIONS:
            expect = expected[company].get(nation, 0.0)
            assert solved[company].get(nation, 0.0) == pytest.approx(expect, abs=1e-12)


@settings(max_examples=100, deadline=None)
@given(graphs(acyclic=False))
def test_ownership_through_cycles_equals_the_sum_over_walks(graph):
    solved = effective_ownership(graph).by_company
    expected = brute_force(graph)
    for company in graph.companies:
        for nation in NATIONS:
            expect = expected[company].get(nation, 0.0)
            assert solved[company].get(nation, 0.0) == pytest.approx(expect, abs=1e-9)
        assert sum(solved[company].values()) == pytest.approx(1.0)  # the rest is undisclosed


def test_a_chain_multiplies_and_parallel_paths_add():
    # DE person holds 60 % of A; A holds 50 % of T; the same person also holds 20 % of T directly
    graph = OwnershipGraph(
        ("A", "T"),
        (Party("p", "P", "DE"), Party("q", "Q", "CN")),
        (Holding("p", "A", 0.6), Holding("q", "A", 0.4), Holding("A", "T", 0.5), Holding("p", "T", 0.2)),
    )
    shares = effective_ownership(graph).by_company["T"]
    assert shares["DE"] == pytest.approx(0.5)
    assert shares["CN"] == pytest.approx(0.2)
    assert shares[UNDISCLOSED] == pytest.approx(0.3)


def test_a_closed_ring_has_no_owner_and_is_a_finding():
    graph = OwnershipGraph(
        ("A", "B", "T"),
        (Party("p", "P", "DE"),),
        (Holding("A", "B", 1.0), Holding("B", "A", 1.0), Holding("B", "T", 0.5), Holding("p", "T", 0.5)),
    )
    ownership = effective_ownership(graph)
    assert ownership.closed_rings == (("A", "B"),)
    assert ownership.by_company["T"]["DE"] == pytest.approx(0.5)
    findings = screen_ownership(ownership, frozenset({"DE"}), 0.25)
    assert {(f.company, f.kind) for f in findings} == {("A", "ring"), ("B", "ring"), ("T", "outside")}


def test_a_finding_names_the_outside_nations_and_the_limit():
    graph = OwnershipGraph(
        ("T",),
        (Party("p", "P", "DE"), Party("q", "Q", "CN")),
        (Holding("p", "T", 0.7), Holding("q", "T", 0.3)),
    )
    [finding] = screen_ownership(effective_ownership(graph), frozenset({"DE", "PL"}), 0.25)
    assert finding.share_outside == pytest.approx(0.3)
    assert finding.explanation == (
        "30.00% held from outside the participating nations (limit 25.00%): CN 30.00%"
    )
    assert screen_ownership(effective_ownership(graph), frozenset({"DE", "PL"}), 0.30) == []


def test_impossible_graphs_are_refused():
    with pytest.raises(ValueError, match="more than 100 %"):
        effective_ownership(
            OwnershipGraph(("T",), (Party("p", "P", "DE"),), (Holding("p", "T", 0.7), Holding("p", "T", 0.4)))
        )
    with pytest.raises(ValueError, match="unknown holder"):
        effective_ownership(OwnershipGraph(("T",), (), (Holding("x", "T", 0.5),)))


def test_names_are_normalised_before_comparison():
    assert normalise("Société Générale S.A.") == "generale societe"
    assert normalise("Ivanov, Petr") == normalise("PETR IVANOV")


def test_each_hit_says_which_name_which_list_and_how_close():
    index = ScreeningIndex(
        [ListedName("EU consolidated", "eu-1", "Petr Ivanov"), ListedName("UN", "un-7", "Acme Trading GmbH")]
    )
    hits = index.screen(
        [Candidate("a", "Petrof Ivanov"), Candidate("b", "Zeta Labs"), Candidate("c", "ACME Trading Ltd")],
        threshold=90,
    )
    assert [(h.candidate.id, h.listed.entry_id) for h in hits] == [("a", "eu-1"), ("c", "un-7")]
    assert hits[0].explanation == (
        "'Petrof Ivanov' resembles 'Petr Ivanov' on the list 'EU consolidated' (entry eu-1): 91.7 % similar"
    )


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.text("abcdefgh ", min_size=4, max_size=16), min_size=1, max_size=15),
    st.lists(st.text("abcdefgh ", min_size=4, max_size=16), min_size=1, max_size=5),
)
def test_blocking_finds_every_pair_that_differs_by_at_most_one_edit_per_word(listed, names):
    from rapidfuzz import fuzz
    from rapidfuzz.distance import Levenshtein

    index = ScreeningIndex([ListedName("L", str(i), n) for i, n in enumerate(listed)])
    found = {
        (h.candidate.id, h.listed.entry_id)
        for h in index.screen([Candidate(str(k), n) for k, n in enumerate(names)], threshold=95)
    }
    for k, name in enumerate(names):
        for i, other in enumerate(listed):
            a, b = normalise(name), normalise(other)
            same_words = (
                a
                and len(a.split()) == len(b.split())
                and any(
                    x == y or (len(x) > 3 and len(y) > 3 and Levenshtein.distance(x, y) <= 1)
                    for x, y in zip(a.split(), b.split(), strict=False)
                )
            )
            if same_words and fuzz.ratio(a, b) >= 95:
                assert (str(k), str(i)) in found

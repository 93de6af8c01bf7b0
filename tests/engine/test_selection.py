"""Cohort selection keeps every rule, finds the best cohort, and says why each close call went as it did."""

import itertools

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from lodestar.engine.selection import Candidate, SelectionProblem, select


def cohort(*rows, **rules):
    """Candidates as (id, merit, cost, challenge, nation, organisation type)."""
    return SelectionProblem([Candidate(*row) for row in rows], **rules)


def explanation(result, proposal):
    return next(e for e in result.explanations if e.proposal == proposal)


def test_takes_the_highest_merit_that_fits_the_budget():
    result = select(cohort(("a", 9, 100), ("b", 8, 100), ("c", 7, 100), budget=200))
    assert result.chosen == ("a", "b") and result.objective == 17 and result.proven_optimal


def test_left_out_for_the_budget_names_who_would_have_to_go():
    result = select(cohort(("a", 9, 100), ("b", 8, 100), ("c", 7, 100), budget=200, explain=1))
    why = explanation(result, "c")
    assert [r.code for r in why.reasons] == ["budget_full", "swap"]
    assert why.reasons[1].params["dropped"] == ["b"]
    assert why.text.startswith("Left out: the budget is used up (200 of 200)")
    assert "dropping b (merit 8.00)" in why.text


def test_taken_ahead_of_higher_ranked_to_meet_a_challenge_minimum():
    result = select(
        cohort(
            ("e1", 9, 1, "Energy"),
            ("d1", 8, 1, "Data"),
            ("d2", 7.5, 1, "Data"),
            ("e2", 5, 1, "Energy"),
            max_selected=3,
            challenge_min={"Energy": 2},
            explain=1,
        )
    )
    assert set(result.chosen) == {"e1", "d1", "e2"}
    why = explanation(result, "e2")
    assert why.reasons[0].code == "challenge_minimum"
    assert (
        why.reasons[0].text
        == "Taken to meet the minimum of 2 for challenge 'Energy', ahead of higher-ranked d2."
    )


def test_left_out_when_its_nation_has_its_maximum_share():
    rows = [(f"n{i}", 10 - i, 1, "", "NO") for i in range(3)] + [
        (f"f{i}", 5 - i, 1, "", "FR") for i in range(5)
    ]
    result = select(cohort(*rows, max_selected=4, max_nation_share=0.5, explain=3))
    assert sorted(result.chosen) == ["f0", "f1", "n0", "n1"]
    share = next(r for r in explanation(result, "n2").reasons if r.code == "nation_share")
    assert share.params == {"nation": "NO", "count": 2, "selected": 4, "max_share": 0.5}
    assert "NO already has 2 of the 4 selected" in share.text


def test_reaches_the_minimum_number_of_nations_and_organisation_types():
    rows = [
        ("a", 9, 1, "", "US", "start-up"),
        ("b", 8, 1, "", "US", "start-up"),
        ("c", 3, 1, "", "NO", "start-up"),
        ("d", 2, 1, "", "US", "university"),
    ]
    result = select(
        cohort(*rows, max_selected=3, min_nations=2, organisation_type_min={"university": 1}, explain=2)
    )
    assert set(result.chosen) == {"a", "c", "d"}
    assert explanation(result, "c").reasons[0].code == "nation_minimum"
    assert explanation(result, "d").reasons[0].code == "organisation_type_minimum"


def test_keeps_out_the_excluded_and_takes_the_forced():
    result = select(
        cohort(
            ("a", 9, 1),
            ("b", 8, 1),
            ("c", 1, 1),
            max_selected=2,
            excluded=frozenset({"a"}),
            forced=frozenset({"c"}),
            explain=3,
        )
    )
    assert set(result.chosen) == {"b", "c"}
    assert explanation(result, "a").reasons[0].code == "excluded"
    assert explanation(result, "c").reasons[0].code == "forced"


def test_diagnoses_rules_that_cannot_be_met():
    too_few = select(cohort(("a", 9, 1, "Energy"), challenge_min={"Energy": 2, "Space": 1}))
    assert not too_few.feasible
    assert [r.code for r in too_few.diagnosis] == ["challenge_too_few", "challenge_too_few"]
    clash = select(cohort(("a", 9, 1, "", "NO"), ("b", 8, 1, "", "NO"), min_selected=2, max_nation_share=0.5))
    assert [r.code for r in clash.diagnosis] == ["rules_clash"]
    assert set(clash.diagnosis[0].params["families"]) == {"count", "nation_share"}


@st.composite
def small_problems(draw):
    n = draw(st.integers(1, 8))
    rows = [
        (
            f"c{i}",
            draw(st.integers(-2, 9)),
            draw(st.sampled_from([1, 1, 2])),
            draw(st.sampled_from("AB")),
            draw(st.sampled_from(["NO", "FR", "US"])),
            draw(st.sampled_from(["start-up", "university"])),
        )
        for i in range(n)
    ]
    rules = {
        "budget": draw(st.one_of(st.none(), st.integers(0, 8))),
        "max_selected": draw(st.one_of(st.none(), st.integers(0, 6))),
        "challenge_min": {"A": draw(st.integers(0, 2))},
        "challenge_max": {"B": draw(st.integers(0, 3))},
        "max_nation_share": draw(st.one_of(st.none(), st.sampled_from([0.34, 0.5, 0.67]))),
        "min_nations": draw(st.integers(0, 2)),
        "organisation_type_min": {"university": draw(st.integers(0, 1))},
        "excluded": frozenset(r[0] for r in rows if draw(st.integers(0, 7)) == 0),
        "forced": frozenset(r[0] for r in rows if draw(st.integers(0, 9)) == 0),
        "explain": 2,
    }
    return rows, rules


def meets(rows, rules, chosen):
    picked = [r for r in rows if r[0] in chosen]
    count = len(picked)

    def per(index, value):
        return sum(1 for r in picked if r[index] == value)

    return (
        (rules["budget"] is None or sum(r[2] for r in picked) <= rules["budget"])
        and (rules["max_selected"] is None or count <= rules["max_selected"])
        and per(3, "A") >= rules["challenge_min"]["A"]
        and per(3, "B") <= rules["challenge_max"]["B"]
        and (
            rules["max_nation_share"] is None
            or all(per(4, n) <= rules["max_nation_share"] * count + 1e-9 for n in ("NO", "FR", "US"))
        )
        and len({r[4] for r in picked}) >= rules["min_nations"]
        and per(5, "university") >= rules["organisation_type_min"]["university"]
        and not (chosen & rules["excluded"])
        and rules["forced"] <= chosen
    )


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_problems())
def test_matches_brute_force_over_every_subset(problem):
    rows, rules = problem
    ids = [r[0] for r in rows]
    best = None
    for size in range(len(ids) + 1):
        for subset in itertools.combinations(ids, size):
            if meets(rows, rules, set(subset)):
                value = sum(r[1] for r in rows if r[0] in subset)
                best = value if best is None else max(best, value)
    result = select(cohort(*rows, **rules))
    event("feasible" if best is not None else "infeasible")
    assert result.feasible == (best is not None)
    if best is None:
        assert result.diagnosis
    else:
        assert abs(result.objective - best) < 1e-6 and meets(rows, rules, set(result.chosen))
        assert all(e.reasons for e in result.explanations)

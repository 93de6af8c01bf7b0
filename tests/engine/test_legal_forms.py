"""One list of company legal forms for the engine's name matchers (duplicates, screening, conflicts)."""

from __future__ import annotations

from lodestar.engine import conflicts, duplicates, screening
from lodestar.engine.legal_forms import LEGAL_FORMS, is_legal_form


def test_a_legal_form_as_the_text_writes_it() -> None:
    for word in ("S.A.", "GmbH", "Ltd.", "ltée", "Oy", "SpA", "OOO", "Lda"):
        assert is_legal_form(word), word
    for word in ("Systems", "Group", "Orbital", "Defence"):
        assert not is_legal_form(word), word


def test_every_matcher_drops_the_shared_forms() -> None:
    # A Russian and a Portuguese form, which only one of the three old lists held each.
    assert screening.normalise("Volga Dynamics OOO") == screening.normalise("Volga Dynamics")
    assert conflicts.organisation_key("Atlantica Robotics Lda") == conflicts.organisation_key(
        "Atlantica Robotics"
    )
    assert duplicates.LEGAL_FORMS >= LEGAL_FORMS and screening.DROPPED >= LEGAL_FORMS
    # Duplicates also drops corporate words that do not tell applicants apart; screening does not.
    assert "holding" in duplicates.LEGAL_FORMS and "holding" not in screening.DROPPED

"""Places a name reader may take for bodies (issue 12, round eight): towns, regions, states, provinces,
départements, bases, ports and straits of the world in English and French, and nations that several words
spell, typed from general knowledge in ``places.txt`` (its header says what is left out and why).

A candidate organisation that is exactly a place is no body ("Casablanca", "Île-de-France", "Burkina
Faso"), nor is the last word of a place's name alone ("Faso", "Aires"); a known body followed by a place
with no "of" between them is that body ("Airbus Toulouse" is Airbus). Bodies named after places keep
their names: only whole names and places after a complete, known body's name count.
"""

from __future__ import annotations

from pathlib import Path

from lodestar.engine.reading.names_context import words

_TEXT = Path(__file__).with_name("places.txt").read_text(encoding="utf-8")
PLACES = frozenset(
    line.strip() for line in _TEXT.splitlines() if line.strip() and not line.lstrip().startswith("#")
)
# Last words of a place's name that are no word on their own and no place either ("Faso" of "Burkina Faso",
# "Aires" of "Buenos Aires"): a reader that keeps only that word has kept part of a place.
PLACE_TAILS = words(
    "Faso Rica Rico Aires Angeles Aviv Ababa Kong Lumpur Janeiro Salaam Penh Dhabi Leone Herzegovina "
    "Barbuda Grenadines Begawan Moresby Khaimah Kinabalu Bahru Vegas Lauderdale Hormuz Pradesh Nadu "
    "Pakhtunkhwa Horizonte Alegre Ossetia Kotte"
)


def is_place(name: str) -> bool:
    """Whether ``name`` is a place's whole name, or the last word of one alone."""
    return name in PLACES or name in PLACE_TAILS


# Schools and universities take their town into their names ("Imperial College London", "ENSTA Paris",
# "INSA Lyon"): a place after one of these, or after an acronym, stays.
_SCHOOLS = words(
    "College School Institute University Polytechnic Université École Ecole Institut Académie Academy"
)


def before_place(name: str, known: tuple[frozenset[str], ...]) -> str | None:
    """The known company's name before a trailing place in ``name`` ("Airbus Toulouse": "Airbus"), or
    None when ``name`` does not end in a place after a known body's whole name, or the body is a school
    or an acronym, whose names often hold their town."""
    tokens = name.split()
    for k in range(min(3, len(tokens) - 1), 0, -1):
        head, tail = " ".join(tokens[:-k]), " ".join(tokens[-k:])
        if tail in PLACES and any(head in names for names in known):
            return None if head.isupper() or tokens[-k - 1] in _SCHOOLS else head
    return None

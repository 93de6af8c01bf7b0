"""A gazetteer of well-known organisations of the radar's field, typed from general knowledge (none taken
from the radar bench): defence and aerospace companies of the alliance and beyond, big tech and AI
companies, news organisations and agencies (English and French), space agencies, ministries, armed
services and agencies of member nations and major partners, EU and NATO bodies, universities and research
organisations, and venture funds active in defence and deep tech.

The names are in ``known_orgs.txt`` and in a second, wider list ``known_orgs_world.txt`` (ministries,
regulators, parliaments and armed services of member nations, partners and rivals in English and French,
international bodies, universities and think tanks worldwide, companies of every field the radar reads,
news organisations and photo agencies in both languages, venture investors) and a third,
``known_orgs_more.txt`` (mid-size and start-up companies of the radar's fields worldwide, newspapers and
broadcasters of member nations, Africa, India, the Gulf and Latin America in their own spelling, agencies
and regulators of more nations, French, Belgian, Swiss and Quebec public bodies, chambres de commerce,
pôles de compétitivité and schools, political parties by full name); no name is in two lists, and
``KNOWN`` is the union of the three. One name a line; ``#`` starts a comment. Words that are also common words
or first names on their own ("Total", "Shell", "Bell", "Draper", "Time", "Parrot"), products and places
("Gulfstream", "Eurofighter", "Hadrian", "Epirus") and acronyms with a second common meaning ("RTX" the
graphics cards, "IDF" Île-de-France, "FOI", "V2X") are left out, or kept only in a longer, unambiguous
form ("RTX Corporation").
``names.py`` takes a capitalised chain that is one of these names as an organisation and never cuts it
inside; ``gazetteer_spans`` finds the names that hold lower-case words ("Commissariat à l'énergie
atomique"), which no chain of capitals covers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

_LISTS = ("known_orgs.txt", "known_orgs_world.txt", "known_orgs_more.txt")
_NAMES = "\n".join(Path(__file__).with_name(f).read_text(encoding="utf-8") for f in _LISTS)

KNOWN = frozenset(
    line.strip() for line in _NAMES.splitlines() if line.strip() and not line.lstrip().startswith("#")
)
_CONNECTORS = frozenset(["of", "for", "and", "&", "de", "du", "des", "la", "le", "les", "l", "d", "à", "aux"])
# Names a chain of capitalised words cannot cover whole: they hold a lower-case word that is no connector.
_LOWER = sorted(
    (n for n in KNOWN if any(w[0].islower() and w not in _CONNECTORS for w in n.split())), key=len
)
_LOWER.reverse()


def _trie_pattern(names: list[str]) -> str:
    """One regular expression for ``names`` as a tree of their letters (fast on a long list), which, like
    an alternation longest first, takes the longest name that ends at a word's end."""
    tree: dict[str, dict] = {}
    for name in names:
        node = tree
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in node.items() if char]
        if "" in node:
            branches.append(r"(?![\w-])")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return pattern(tree)


_LOWER_NAMES = re.compile(r"(?<![\w-])" + _trie_pattern(_LOWER))


def gazetteer_spans(text: str) -> Iterator[tuple[str, int]]:
    """The known names with lower-case words in ``text`` ("Commissariat à l'énergie atomique", "Marine
    nationale"), each as (words, start), longest first at a place."""
    for m in _LOWER_NAMES.finditer(text):
        yield m.group(0), m.start()


def lower_names() -> list[str]:
    """The known names that hold a lower-case word, longest first."""
    return _LOWER

"""Reading a news item or a report in English or French: what the technology radar takes from a document.

``read(text, source="", published=None, directory=()) -> Reading`` gives the document's language, its
publication date, the EDT areas it is about (with a score and the sentences that show each), the nations
it names (ISO 3166 alpha-2), the organisations and people it names, and its sums of money; every item
carries its evidence, the words of the text and their character offsets, so that nothing is asserted
without the text that shows it. ``Reading.as_json(file)`` is the line ``lodestar radar-read`` prints.

Pure Python, no Django: the ``radar`` app calls it through its ``engine_adapter``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lodestar.engine.reading.areas import AreaReading, find_areas
from lodestar.engine.reading.dates import publication_date
from lodestar.engine.reading.evidence import Evidence
from lodestar.engine.reading.money import Amount, find_amounts
from lodestar.engine.reading.nations import NationMention, find_nations
from lodestar.engine.text import analyze

if TYPE_CHECKING:
    from lodestar.engine.reading.names import NameMention

__all__ = ["Reading", "read", "Evidence", "AreaReading", "Amount", "NameMention", "NationMention"]


@dataclass(frozen=True)
class Reading:
    language: str
    published: dt.date | None
    published_evidence: Evidence | None
    areas: tuple[AreaReading, ...]
    nations: tuple[NationMention, ...]
    organisations: tuple[NameMention, ...]
    people: tuple[NameMention, ...]
    amounts: tuple[Amount, ...]

    def as_json(self, file: str | None = None) -> dict[str, object]:
        """The reading in the field names of ``lodestar radar-read`` (and of the bench's labels)."""
        out: dict[str, object] = {}
        if file is not None:
            out["file"] = file
        out.update(
            language=self.language,
            published=self.published.isoformat() if self.published else None,
            areas=[
                {"code": a.code, "score": a.score, "evidence": [e.as_dict() for e in a.evidence]}
                for a in self.areas
            ],
            nations=[{"code": n.code, "evidence": [e.as_dict() for e in n.evidence]} for n in self.nations],
            organisations=[
                {"name": o.name, "evidence": [e.as_dict() for e in o.evidence]} for o in self.organisations
            ],
            people=[{"name": p.name, "evidence": [e.as_dict() for e in p.evidence]} for p in self.people],
            amounts=[
                {"value": a.value, "currency": a.currency, "evidence": [e.as_dict() for e in a.evidence]}
                for a in self.amounts
            ],
        )
        return out


def read(
    text: str, source: str = "", published: dt.date | None = None, directory: Iterable[str] = ()
) -> Reading:
    """Read ``text``; ``source`` is its address (a date in it is a last resort), ``published`` a date
    from the document's own metadata (it wins), ``directory`` the organisation names Lodestar knows."""
    # The name reader compiles its gazetteers and word lists when first needed (about half a second),
    # not when a process that never reads a document (a web worker, a command) imports the radar app.
    from lodestar.engine.reading.names import find_names

    analysis = analyze(text)
    date, date_evidence = publication_date(text, source, published)
    names = find_names(text, directory)
    return Reading(
        language=analysis.language,
        published=date,
        published_evidence=date_evidence,
        areas=find_areas(text, analysis),
        nations=find_nations(text),
        organisations=tuple(n for n in names if n.kind == "organisation"),
        people=tuple(n for n in names if n.kind == "person"),
        amounts=find_amounts(text),
    )


def __getattr__(name: str) -> Any:
    if name == "NameMention":  # imported on demand, with the name reader (see ``read``)
        from lodestar.engine.reading.names import NameMention

        return NameMention
    raise AttributeError(name)

"""Conflicts of interest between experts and proposals, found in the data and decided by people.

Detection suggests; a person confirms or dismisses (with a note), because names and organisations
match falsely often enough that a silent block would waste good experts (HotCRP's weakness: its
users cannot dismiss a false positive). Every conflict carries its type, its evidence in words
and as facts (the web app words it again in French from `type` and `facts`), and its state.

Which conflicts block an assignment: every one not dismissed (`blocking_pairs`). An expert's own
declaration is confirmed at once; an applicant's declaration is only suggested, so that staff can
check that it is not a way to avoid a strict reviewer.

Matching is on normalised text: accents, case, punctuation and legal suffixes ("Ltd", "GmbH",
"SAS"...) do not matter; "Smith, John" equals "John Smith". Detection is indexed (one dictionary
per kind of evidence), so 2,600 proposals x 1,000 experts take well under a second.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TypeVar

from lodestar.engine.legal_forms import LEGAL_FORMS


class ConflictType(StrEnum):
    SAME_ORGANISATION = "same_organisation"
    PAST_EMPLOYMENT = "past_employment"
    FINANCIAL_TIE = "financial_tie"
    CO_AUTHORSHIP = "co_authorship"
    SAME_NATION = "same_nation"
    DECLARED_BY_EXPERT = "declared_by_expert"
    DECLARED_BY_APPLICANT = "declared_by_applicant"


class ConflictState(StrEnum):
    SUGGESTED = "suggested"
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"


@dataclass(frozen=True)
class Document:
    title: str
    authors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Employment:
    organisation: str
    start_year: int | None = None
    end_year: int | None = None  # None: still employed there


@dataclass(frozen=True)
class ExpertRecord:
    """What is known about an expert. `holdings`: organisations it holds shares in or invested in."""

    id: str
    name: str
    organisation: str = ""
    nation: str = ""
    employment: tuple[Employment, ...] = ()
    documents: tuple[Document, ...] = ()
    holdings: tuple[str, ...] = ()
    declared_proposals: tuple[str, ...] = ()
    declared_organisations: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProposalRecord:
    """What is known about a proposal: the applicant organisation, its people, its owners."""

    id: str
    organisation: str
    nation: str = ""
    team: tuple[str, ...] = ()
    shareholders: tuple[str, ...] = ()
    documents: tuple[Document, ...] = ()
    declared_experts: tuple[str, ...] = ()


@dataclass(frozen=True)
class ConflictRules:
    """`employment_years`: past employment within this many years of `current_year` counts."""

    current_year: int
    employment_years: int = 3
    same_nation: bool = False


@dataclass(frozen=True)
class Conflict:
    proposal: str
    expert: str
    type: ConflictType
    evidence: str
    facts: Mapping[str, str] = field(default_factory=dict)
    state: ConflictState = ConflictState.SUGGESTED
    note: str = ""

    @property
    def blocks(self) -> bool:
        return self.state is not ConflictState.DISMISSED

    def confirm(self, note: str = "") -> Conflict:
        return replace(self, state=ConflictState.CONFIRMED, note=note)

    def dismiss(self, note: str) -> Conflict:
        """Dismissing needs a reason on record: a false positive is a decision someone answers for."""
        if not note.strip():
            raise ValueError("dismissing a conflict needs a note saying why")
        return replace(self, state=ConflictState.DISMISSED, note=note)


def detect(
    experts: Sequence[ExpertRecord], proposals: Sequence[ProposalRecord], rules: ConflictRules
) -> list[Conflict]:
    """Every conflict the data shows, one per (proposal, expert, type), in a stable order."""
    found: dict[tuple[str, str, ConflictType], list[tuple[str, dict[str, str]]]] = {}

    def add(p: str, e: str, kind: ConflictType, evidence: str, facts: dict[str, str]) -> None:
        found.setdefault((p, e, kind), []).append((evidence, facts))

    by_org = _index((organisation_key(p.organisation), p) for p in proposals)
    by_member = _index((person_key(name), p) for p in proposals for name in p.team)
    by_owner = _index((key, p) for p in proposals for s in p.shareholders for key in _owner_keys(s))
    by_author = _index((person_key(a), (p, d)) for p in proposals for d in p.documents for a in d.authors)
    by_nation = _index((p.nation.upper(), p) for p in proposals if p.nation)
    known_proposals = {p.id for p in proposals}

    for e in experts:
        me = person_key(e.name)
        current = {
            organisation_key(o): o
            for o in [e.organisation, *(j.organisation for j in e.employment if j.end_year is None)]
            if o
        }
        for org in current:
            for p in by_org.get(org, []):
                add(
                    p.id,
                    e.id,
                    ConflictType.SAME_ORGANISATION,
                    f"Works at {p.organisation}",
                    {"organisation": p.organisation},
                )
        for p in by_member.get(me, []):
            add(
                p.id,
                e.id,
                ConflictType.SAME_ORGANISATION,
                f"Named in the applicant's team ({e.name})",
                {"person": e.name},
            )
        for job in e.employment:
            recent = job.end_year is not None and rules.current_year - job.end_year <= rules.employment_years
            for p in by_org.get(organisation_key(job.organisation), []) if recent else []:
                add(
                    p.id,
                    e.id,
                    ConflictType.PAST_EMPLOYMENT,
                    f"Worked at {p.organisation} until {job.end_year}",
                    {"organisation": p.organisation, "until": str(job.end_year)},
                )
        for holding in e.holdings:
            for p in by_org.get(organisation_key(holding), []):
                add(
                    p.id,
                    e.id,
                    ConflictType.FINANCIAL_TIE,
                    f"Holds shares in or invested in {p.organisation}",
                    {"organisation": p.organisation},
                )
        for owner_key, owner in {me: e.name, **current}.items():
            for p in by_owner.get(owner_key, []):
                add(
                    p.id,
                    e.id,
                    ConflictType.FINANCIAL_TIE,
                    f"{owner} is a shareholder or investor of {p.organisation}",
                    {"organisation": p.organisation, "owner": owner},
                )
        for doc in e.documents:
            for author in doc.authors:
                if person_key(author) == me:
                    continue
                for p in by_member.get(person_key(author), []):
                    add(
                        p.id,
                        e.id,
                        ConflictType.CO_AUTHORSHIP,
                        f"Co-author of “{doc.title}” with {author}",
                        {"document": doc.title, "coauthor": author},
                    )
        for p, doc in by_author.get(me, []):
            add(
                p.id,
                e.id,
                ConflictType.CO_AUTHORSHIP,
                f"Author of the applicant's document “{doc.title}”",
                {"document": doc.title},
            )
        if rules.same_nation and e.nation:
            for p in by_nation.get(e.nation.upper(), []):
                add(
                    p.id,
                    e.id,
                    ConflictType.SAME_NATION,
                    f"Both from {e.nation.upper()}",
                    {"nation": e.nation.upper()},
                )
        for pid in e.declared_proposals:
            if pid in known_proposals:
                add(pid, e.id, ConflictType.DECLARED_BY_EXPERT, "Declared by the expert", {})
        for org in e.declared_organisations:
            for p in by_org.get(organisation_key(org), []):
                add(
                    p.id,
                    e.id,
                    ConflictType.DECLARED_BY_EXPERT,
                    f"Declared by the expert: {p.organisation}",
                    {"organisation": p.organisation},
                )

    expert_ids = {e.id for e in experts}
    for p in proposals:
        for eid in p.declared_experts:
            if eid in expert_ids:
                add(p.id, eid, ConflictType.DECLARED_BY_APPLICANT, "Declared by the applicant", {})

    return [
        Conflict(
            p,
            e,
            kind,
            "; ".join(dict.fromkeys(ev for ev, _ in items)),
            items[0][1],
            ConflictState.CONFIRMED if kind is ConflictType.DECLARED_BY_EXPERT else ConflictState.SUGGESTED,
        )
        for (p, e, kind), items in sorted(found.items())
    ]


def split_authors(authors: str) -> tuple[str, ...]:
    """An author line as stored ("A. Smith; B. Jones and C. Doe") split into names.

    Semicolons, "and", "et" and "&" separate; commas separate too unless the line is a single
    "Surname, Given" name, since both styles occur in the wild.
    """
    parts = re.split(r"\s*(?:;|&|\band\b|\bet\b)\s*", authors.strip())
    names: list[str] = []
    for part in parts:
        pieces = [x.strip() for x in part.split(",") if x.strip()]
        if len(pieces) == 2 and len(parts) == 1 and " " not in pieces[0]:
            names.append(f"{pieces[1]} {pieces[0]}")
        else:
            names.extend(pieces)
    return tuple(n for n in names if n)


def blocking_pairs(conflicts: Iterable[Conflict]) -> frozenset[tuple[str, str]]:
    """The (proposal, expert) pairs the assignment must avoid: every conflict not dismissed."""
    return frozenset((c.proposal, c.expert) for c in conflicts if c.blocks)


def _plain(text: str) -> list[str]:
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return re.sub(r"[^\w]+", " ", ascii_text).split()


def organisation_key(name: str) -> str:
    words = _plain(name)
    while len(words) > 1 and words[-1] in LEGAL_FORMS:
        words.pop()
    return " ".join(words)


def person_key(name: str) -> str:
    """Order-free so that "Smith, John" and "John Smith" agree."""
    return " ".join(sorted(_plain(name)))


def _owner_keys(shareholder: str) -> set[str]:
    """A shareholder may be a person or an organisation; match it either way."""
    return {k for k in (person_key(shareholder), organisation_key(shareholder)) if k}


K = TypeVar("K")
V = TypeVar("V")


def _index(pairs: Iterable[tuple[K, V]]) -> dict[K, list[V]]:
    out: dict[K, list[V]] = {}
    for key, value in pairs:
        if key:
            out.setdefault(key, []).append(value)
    return out

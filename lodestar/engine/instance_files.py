"""Instance files for the command line and the benchmarks: plain CSV and JSON, no database.

Assignment instance (the format of shared/bench/README.md, extended by optional files):
  scores.csv      proposal,expert,score      every listed pair may be assigned, no other
  params.json     {"per_proposal": k, "max_load": L, "min_load": 0}, optionally also
                  "per_proposal_overrides", "min_load_overrides", "max_load_overrides" ({id: n})
                  and "quotas": [{"name": ..., "attribute": "pool", "group": "business",
                  "at_least": 1}, {"name": ..., "attribute": "nation", "same_as_proposal": true,
                  "at_most": 1}]
  conflicts.csv   proposal,expert            optional: never assigned
  forced.csv      proposal,expert            optional: always assigned
  experts.csv     expert,<attribute>,...     optional: the experts' groups, for quotas
  proposals.csv   proposal,<attribute>,...   optional: the proposals' groups, for quotas
The result is written as proposal,expert,score with a header.

Selection instance:
  candidates.csv  proposal,merit[,cost][,challenge][,nation][,organisation_type]
  rules.json      {"budget": 7400000, "min_selected": 0, "max_selected": null,
                   "challenge_min": {"energy": 12}, "challenge_max": {"energy": 18},
                   "max_nation_share": 0.15, "min_nations": 19,
                   "organisation_type_min": {"university": 8},
                   "excluded": ["a0001"], "forced": ["a0002"], "explain": 5, "time_limit": 60}
                  (every key optional)
The result is written as proposal,selected,rank,merit,codes,explanation: every chosen proposal
and every explained one.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from lodestar.engine.assignment import Assignment, AssignmentProblem, Quota
from lodestar.engine.selection import Candidate, Selection, SelectionProblem


def read_assignment_instance(directory: Path, **options: Any) -> AssignmentProblem:
    """The problem in `directory`; `options` (e.g. fair=True) override params.json."""
    params = json.loads((directory / "params.json").read_text(encoding="utf-8"))
    p_index: dict[str, int] = {}
    e_index: dict[str, int] = {}
    pp, pe, score = [], [], []
    for row in _rows(directory / "scores.csv", 3):
        pp.append(p_index.setdefault(row[0], len(p_index)))
        pe.append(e_index.setdefault(row[1], len(e_index)))
        score.append(float(row[2]))
    settings: dict[str, Any] = {
        key: params[key]
        for key in (
            "per_proposal",
            "min_load",
            "max_load",
            "per_proposal_overrides",
            "min_load_overrides",
            "max_load_overrides",
        )
        if key in params
    }
    for name in ("conflicts", "forced"):
        path = directory / f"{name}.csv"
        if path.exists():
            settings[name] = frozenset((r[0], r[1]) for r in _rows(path, 2))
    if params.get("quotas"):
        settings["quotas"] = tuple(_quota(q, directory) for q in params["quotas"])
    settings.update(options)
    return AssignmentProblem(
        tuple(p_index),
        tuple(e_index),
        np.array(pp, dtype=np.int64),
        np.array(pe, dtype=np.int64),
        np.array(score, dtype=np.float64),
        **settings,
    )


def write_assignment(result: Assignment, path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["proposal", "expert", "score"])
        writer.writerows((pair.proposal, pair.expert, repr(pair.score)) for pair in result.pairs)


def read_selection_instance(directory: Path) -> SelectionProblem:
    rules = json.loads((directory / "rules.json").read_text(encoding="utf-8"))
    with (directory / "candidates.csv").open(newline="", encoding="utf-8") as handle:
        candidates = [
            Candidate(
                id=row["proposal"],
                merit=float(row["merit"]),
                cost=float(row.get("cost") or 0),
                challenge=row.get("challenge") or "",
                nation=row.get("nation") or "",
                organisation_type=row.get("organisation_type") or "",
            )
            for row in csv.DictReader(handle)
        ]
    settings = {k: v for k, v in rules.items() if k not in ("excluded", "forced", "explain_also")}
    for key in ("excluded", "forced", "explain_also"):
        if key in rules:
            settings[key] = frozenset(rules[key])
    return SelectionProblem(candidates, **settings)


def write_selection(result: Selection, path: Path, problem: SelectionProblem) -> None:
    merits = {c.id: c.merit for c in problem.candidates}
    ranks = {c.id: r for r, c in enumerate(sorted(problem.candidates, key=lambda c: -c.merit), start=1)}
    explained = {e.proposal: e for e in result.explanations}
    rows = sorted(set(result.chosen) | set(explained), key=lambda p: ranks[p])
    chosen = set(result.chosen)
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["proposal", "selected", "rank", "merit", "codes", "explanation"])
        for p in rows:
            e = explained.get(p)
            writer.writerow(
                [
                    p,
                    "yes" if p in chosen else "no",
                    ranks[p],
                    repr(merits[p]),
                    " ".join(r.code for r in e.reasons) if e else "",
                    e.text if e else "",
                ]
            )


def _rows(path: Path, width: int) -> Iterator[list[str]]:
    """Data rows of a CSV with a header, checked for width so a malformed file fails by line number."""
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        next(reader, None)
        for line, row in enumerate(reader, start=2):
            if not row:
                continue
            if len(row) < width:
                raise ValueError(f"{path.name}, line {line}: expected {width} columns")
            yield row


def _groups(path: Path, attribute: str) -> dict[str, str]:
    if not path.exists():
        raise ValueError(f"a quota on '{attribute}' needs {path.name}")
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        key = (reader.fieldnames or [""])[0]
        return {row[key]: row[attribute] for row in reader if row.get(attribute)}


def _quota(spec: dict[str, Any], directory: Path) -> Quota:
    attribute = spec["attribute"]
    same = bool(spec.get("same_as_proposal"))
    return Quota(
        name=spec.get("name", attribute),
        expert_groups=_groups(directory / "experts.csv", attribute),
        group=None if same else spec["group"],
        proposal_groups=_groups(directory / "proposals.csv", attribute) if same else {},
        at_least=int(spec.get("at_least", 0)),
        at_most=spec.get("at_most"),
    )

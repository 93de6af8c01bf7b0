"""Reading and writing the OpenReview-expertise exchange format.

Public API:

- ``read_submissions(path) -> tuple[Query, ...]``: ``submissions.json``, a JSON object
  ``{paper_id: {"id": ..., "content": {"title": ..., "abstract": ...}}}``.
- ``read_archives(directory) -> tuple[Profile, ...]``: one ``~<expert_id>.jsonl`` file per expert, one
  paper a line in the same shape; the profile id is the file name without ``~`` and ``.jsonl``.
  Experts with no readable paper still get a profile (with no document), so every expert is scored.
- ``write_predictions(path, scores)``: ``{expert_id: {paper_id: score}}`` as JSON.
- ``predictions_from(result) -> dict[str, dict[str, float]]``: every (profile, query) pair of a dense
  ``AffinityResult``, keyed by profile then query as the format wants.
- ``predict(submissions, archives, model="lexical", encoder=None) -> dict[str, dict[str, float]]``: read,
  fit, score every pair (what ``lodestar affinity`` and ``bench/affinity.py`` run).

Content fields may be plain strings or OpenReview API v2 ``{"value": ...}`` objects.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from lodestar.engine.affinity import AffinityModel, ModelName
from lodestar.engine.affinity_types import AffinityResult, Document, Profile, Query
from lodestar.engine.embeddings import TextEncoder


def _field(content: Mapping[str, Any], name: str) -> str:
    value = content.get(name) or ""
    if isinstance(value, Mapping):
        value = value.get("value") or ""
    return str(value).strip()


def _title_and_abstract(record: Mapping[str, Any]) -> tuple[str, str]:
    content = record.get("content") or {}
    return _field(content, "title"), _field(content, "abstract")


def read_submissions(path: Path) -> tuple[Query, ...]:
    """The papers of ``submissions.json`` as queries, in file order."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    queries = []
    for key, record in data.items():
        title, abstract = _title_and_abstract(record)
        queries.append(Query(id=str(record.get("id") or key), text=abstract, title=title))
    return tuple(queries)


def read_archives(directory: Path) -> tuple[Profile, ...]:
    """Every ``*.jsonl`` file of ``directory`` as an expert profile, sorted by expert id."""
    profiles = []
    for path in sorted(Path(directory).glob("*.jsonl")):
        documents = []
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if not line.strip():
                continue
            record = json.loads(line)
            title, abstract = _title_and_abstract(record)
            if title or abstract:
                doc_id = str(record.get("id") or f"{path.stem}#{n}")
                documents.append(Document(id=doc_id, text=abstract, title=title))
        profiles.append(Profile(id=path.stem.removeprefix("~"), documents=tuple(documents)))
    return tuple(sorted(profiles, key=lambda p: p.id))


def predictions_from(result: AffinityResult) -> dict[str, dict[str, float]]:
    """``{profile_id: {query_id: score}}`` for every pair of ``result`` (which must be dense)."""
    matrix = result.dense()
    return {
        pid: {qid: float(matrix[i, j]) for i, qid in enumerate(result.query_ids)}
        for j, pid in enumerate(result.profile_ids)
    }


def write_predictions(path: Path, scores: Mapping[str, Mapping[str, float]]) -> None:
    Path(path).write_text(json.dumps(scores, indent=None, sort_keys=True), encoding="utf-8")


def predict(
    submissions: Path,
    archives: Path,
    model: ModelName = "lexical",
    encoder: TextEncoder | None = None,
) -> dict[str, dict[str, float]]:
    """``{expert_id: {paper_id: score}}`` for every expert of ``archives`` and paper of ``submissions``."""
    queries = read_submissions(submissions)
    profiles = read_archives(archives)
    result = AffinityModel(model, encoder=encoder).fit(profiles).score(queries)
    return predictions_from(result)

"""Staff search on the demo: is every reference found, and how much of what a search should find in
the other language does it find (cross-language recall)?

Twenty pairs of an English term and its French equivalent, taken from the demo's subject matter. An
application is relevant to a pair when its text holds the term of its own language (the English term
in an English text, the French one in a French text); the search is run with the English term, then
with the French one, through `lodestar.applications.queries.search` (what both search boxes use),
over every application staff can see. Recall is counted separately for the texts in the query's own
language and in the other one. The demo's texts are written for the demo; the pairs are checked
against them only by this substring rule, never tuned on the search's output.

    DATABASE_URL=sqlite:////tmp/bench-search.sqlite3 .venv/bin/lodestar migrate
    DATABASE_URL=sqlite:////tmp/bench-search.sqlite3 .venv/bin/lodestar demo-data
    DATABASE_URL=sqlite:////tmp/bench-search.sqlite3 .venv/bin/python bench/search.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lodestar.settings")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from lodestar.applications import queries  # noqa: E402
from lodestar.applications.models import Application  # noqa: E402

PAIRS = (
    ("hydrogen", "hydrogène"),
    ("battery", "batterie"),
    ("microgrid", "micro-réseau"),
    ("solar", "solaire"),
    ("drone", "drone"),
    ("radar", "radar"),
    ("satellite", "satellite"),
    ("sonar", "sonar"),
    ("encryption", "chiffrement"),
    ("quantum", "quantique"),
    ("sepsis", "sepsis"),
    ("wound", "plaie"),
    ("exoskeleton", "exosquelette"),
    ("telemedicine", "télémédecine"),
    ("maintenance", "maintenance"),
    ("spare parts", "pièces détachées"),
    ("supply chain", "chaîne d'approvisionnement"),
    ("camouflage", "camouflage"),
    ("fatigue", "fatigue"),
    ("deepfake", "hypertrucage"),
)


def main() -> None:
    visible = Application.objects.exclude(status="draft")
    rows = visible.values_list("pk", "language", "title", "summary", "description")
    texts = {pk: (language, f"{t}\n{s}\n{d}".casefold()) for pk, language, t, s, d in rows}
    started = time.perf_counter()
    missed = [pk for pk in texts if [f.pk for f in queries.search(visible, f"A-{pk:05d}")] != [pk]]
    per_reference = (time.perf_counter() - started) / max(1, len(texts)) * 1000
    print(f"database: {connection.vendor}; applications searched: {len(texts)}")
    print(f"references found: {len(texts) - len(missed)}/{len(texts)} ({per_reference:.1f} ms each)")
    print()
    print(f"{'query':<28} {'lang':<4} {'same-language':>14} {'other language':>15} {'ms':>6}")
    same_recalls: list[float] = []
    cross_recalls: list[float] = []
    for english, french in PAIRS:
        relevant = {
            "en": {pk for pk, (lang, text) in texts.items() if lang == "en" and english in text},
            "fr": {pk for pk, (lang, text) in texts.items() if lang == "fr" and french in text},
        }
        for query, language in ((english, "en"), (french, "fr")):
            other = "fr" if language == "en" else "en"
            started = time.perf_counter()
            found = {f.pk for f in queries.search(visible, query, limit=2000)}
            ms = (time.perf_counter() - started) * 1000
            cells = []
            for lang, bucket in ((language, same_recalls), (other, cross_recalls)):
                if relevant[lang]:
                    recall = len(found & relevant[lang]) / len(relevant[lang])
                    bucket.append(recall)
                    cells.append(f"{recall:.2f} of {len(relevant[lang]):>3}")
                else:
                    cells.append("—")
            print(f"{query:<28} {language:<4} {cells[0]:>14} {cells[1]:>15} {ms:>6.0f}")
    print()
    for name, values in (("same-language", same_recalls), ("cross-language", cross_recalls)):
        print(f"mean {name} recall: {statistics.mean(values):.3f} over {len(values)} queries")


if __name__ == "__main__":
    main()

"""Affinity quality on the gold-standard reviewer-matching benchmark (shared/bench/README.md).

Runs each model on the ten samples d_20_1 .. d_20_10 with the engine functions that `lodestar affinity`
uses, and prints the loss on the development half (the researchers of evaluations_dev.tsv) and the time.

    .venv/bin/python bench/affinity.py                       # lexical, plus semantic and hybrid if installed
    .venv/bin/python bench/affinity.py --models lexical
    .venv/bin/python bench/affinity.py --sweep               # the parameter sweeps behind the defaults

The data is read where it lives (``../shared/bench`` beside the repository, or ``--data`` or
``$LODESTAR_BENCH_DATA``); it is never copied into the project. Embeddings are cached in
``--embedding-cache`` (default: the engine's default cache), so a second run embeds nothing.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lodestar.engine.affinity import AffinityModel, AffinitySettings, ModelName  # noqa: E402
from lodestar.engine.embeddings import EmbeddingCache, SentenceEncoder, TextEncoder, default_cache_path  # noqa: E402
from lodestar.engine.evaluation import Rating, pairwise_loss, read_ratings  # noqa: E402
from lodestar.engine.openreview import predictions_from, read_archives, read_submissions  # noqa: E402

SAMPLES = [f"d_20_{n}" for n in range(1, 11)]
PUBLISHED = "published on this half: TPMS 0.302, SPECTER+MFR 0.200"


def default_data() -> Path:
    configured = os.environ.get("LODESTAR_BENCH_DATA")
    return Path(configured) if configured else Path(__file__).resolve().parents[2] / "shared" / "bench"


def semantic_installed() -> bool:
    return importlib.util.find_spec("sentence_transformers") is not None


def evaluate(
    data: Path,
    model: ModelName,
    ratings: tuple[Rating, ...],
    settings: AffinitySettings | None = None,
    encoder: TextEncoder | None = None,
) -> tuple[list[float], float]:
    """Per-sample losses and the seconds spent reading, fitting and scoring."""
    losses = []
    started = time.perf_counter()
    for sample in SAMPLES:
        folder = data / "goldstandard" / sample
        queries = read_submissions(folder / "submissions.json")
        profiles = read_archives(folder / "archives")
        result = AffinityModel(model, settings, encoder).fit(profiles).score(queries)
        losses.append(pairwise_loss(predictions_from(result), ratings).loss)
    return losses, time.perf_counter() - started


def line(label: str, losses: list[float], seconds: float | None = None) -> str:
    spread = statistics.pstdev(losses)
    timing = f"  {seconds:6.1f} s" if seconds is not None else ""
    return (
        f"{label:<44} loss {statistics.mean(losses):.4f} (sd {spread:.4f} over {len(losses)} samples){timing}"
    )


def sweep(data: Path, ratings: tuple[Rating, ...], encoder: TextEncoder | None) -> None:
    base = AffinitySettings()
    print("lexical: documents averaged per profile (mean of the best k)")
    for k in (1, 3, 5, 10, 15, 20):
        losses, _ = evaluate(data, "lexical", ratings, replace(base, lexical_top_documents=k))
        print(line(f"  lexical_top_documents={k}", losses))
    print("lexical: weight of the EDT-area overlap")
    for w in (0.0, 0.02, 0.05):
        losses, _ = evaluate(data, "lexical", ratings, replace(base, area_weight=w))
        print(line(f"  area_weight={w}", losses))
    if encoder is None:
        return
    print("semantic: documents averaged per profile")
    for k in (1, 3, 5, 10, 20):
        losses, _ = evaluate(data, "semantic", ratings, replace(base, semantic_top_documents=k), encoder)
        print(line(f"  semantic_top_documents={k}", losses))
    print("hybrid: weight of the semantic score")
    for w in (0.0, 0.25, 0.4, 0.5, 0.6, 0.75, 1.0):
        losses, _ = evaluate(data, "hybrid", ratings, replace(base, semantic_weight=w), encoder)
        print(line(f"  semantic_weight={w}", losses))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=default_data(), help="the shared bench folder")
    parser.add_argument("--models", default=None, help="comma-separated: lexical,semantic,hybrid")
    parser.add_argument("--embedding-cache", type=Path, default=None, help="SQLite file of cached embeddings")
    parser.add_argument("--sweep", action="store_true", help="print the sweeps behind the default parameters")
    args = parser.parse_args()

    ratings = read_ratings(args.data / "goldstandard" / "evaluations_dev.tsv")
    installed = semantic_installed()
    models = (
        args.models.split(",") if args.models else ["lexical", *(["semantic", "hybrid"] if installed else [])]
    )
    encoder = None
    if installed and (args.sweep or {"semantic", "hybrid"} & set(models)):
        encoder = SentenceEncoder(cache=EmbeddingCache(args.embedding_cache or default_cache_path()))
    print(f"gold standard, dev half: {len({r.expert_id for r in ratings})} researchers; {PUBLISHED}")
    if not installed:
        print("(semantic and hybrid skipped: the 'semantic' extra is not installed)")
    if args.sweep:
        sweep(args.data, ratings, encoder)
        return
    for model in models:
        losses, seconds = evaluate(args.data, model, ratings, encoder=encoder)
        print(line(f"{model}", losses, seconds))
        if encoder is not None and model != "lexical":
            print(f"{'':<44} texts embedded (cache misses) so far: {encoder.embedded}")


if __name__ == "__main__":
    main()

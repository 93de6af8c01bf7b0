"""Cross-language matching on the demo's texts: does a French application find its own challenge when
the challenges are described in English only?

The demo generator (lodestar/demo/corpus.py) writes applications to the five challenges of the
2024 call in English and in French; each knows the challenge it was written for. This benchmark
matches every application against the challenges' ENGLISH texts (titles, summaries, descriptions)
with the default lexical model and the challenge settings the app uses, and reports the share whose
top suggestion is its own challenge, by language. `--bilingual-challenges` gives the challenges both
languages, as the app does. No database, no network.

    .venv/bin/python bench/matching_demo.py [--per-language 1000] [--seed 2025] [--bilingual-challenges]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lodestar.demo import corpus  # noqa: E402
from lodestar.engine.affinity import FOR_CHALLENGES, Document, Profile, Query, rank_profiles  # noqa: E402


def challenge_profiles(languages: tuple[str, ...]) -> list[Profile]:
    profiles = []
    for c in corpus.challenges():
        documents = tuple(
            Document(
                id=f"{c.code}-{lang}",
                title=c.title.get(lang),
                text="\n".join((c.title.get(lang), c.summary.get(lang), c.description.get(lang))),
            )
            for lang in languages
        )
        profiles.append(Profile(id=c.code, documents=documents))
    return profiles


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--per-language", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--bilingual-challenges", action="store_true", help="challenges in both languages")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    codes = [c.code for c in corpus.challenges()]
    profiles = challenge_profiles(("en", "fr") if args.bilingual_challenges else ("en",))
    started = time.perf_counter()
    queries: list[Query] = []
    truth: dict[str, tuple[str, str]] = {}
    taken: set[str] = set()
    for language in ("fr", "en"):
        for i in range(args.per_language):
            challenge = codes[i % len(codes)]
            text = corpus.application(rng, challenge, language, taken_titles=taken)
            qid = f"{language}-{i}"
            body = "\n".join((text.title, text.summary, text.description))
            queries.append(Query(id=qid, title=text.title, text=body))
            truth[qid] = (language, challenge)
    generated = time.perf_counter() - started
    started = time.perf_counter()
    background = [q.text for q in queries]
    matches = rank_profiles(queries, profiles, top_k=1, background=background, settings=FOR_CHALLENGES)
    matched = time.perf_counter() - started
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    confusions: Counter[tuple[str, str]] = Counter()
    for qid, (language, challenge) in truth.items():
        totals[language] += 1
        top = matches[qid][0].profile_id if matches.get(qid) else ""
        if top == challenge:
            hits[language] += 1
        else:
            confusions[(challenge, top)] += 1
    print(
        f"applications: {sum(totals.values())} (generated in {generated:.1f} s), matched in {matched:.1f} s"
    )  # noqa: E501
    for language in ("fr", "en"):
        share = 100 * hits[language] / totals[language]
        print(f"{language}: own challenge first for {hits[language]}/{totals[language]} = {share:.1f} %")
    if confusions:
        print("most frequent confusions (written for -> matched):")
        for (wanted, got), n in confusions.most_common(5):
            print(f"  {wanted} -> {got}: {n}")


if __name__ == "__main__":
    main()

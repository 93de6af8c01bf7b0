"""Quality and speed of the technology radar's reading (issue 12), without a database.

Quality: the hand-labelled English and French documents of ``../shared/bench/radar`` (its README says
how they were labelled), read by ``lodestar.engine.reading.read`` with each document's address passed as
its source, as ``lodestar radar-read`` would get it from a page. Prints precision, recall and F1 per field
for the first half of the files (the tuning half) and the second half (held out) separately.

    .venv/bin/python bench/radar.py                 # quality, both halves
    .venv/bin/python bench/radar.py --errors        # ... and every miss and false hit, per document
    .venv/bin/python bench/radar.py --speed         # 1,000 generated documents of ~600 words, half French
    .venv/bin/python bench/radar.py --blind --data ../shared/bench/radar-blind   # the blind set, one column

Scoring: language is right or wrong (P = R = F1 = accuracy). A date counts as found when the reading
gives one and right when it equals the label; the 5 documents whose date came from the page's own date
field in the store (README column "date from" = metadata) have no date in the text or address given to
the reader, so they are scored apart ("date incl. metadata"). Areas, nations and amounts (value and
currency) are sets. Organisations and people match case-insensitively, quotes normalised, any form of
a label (``Full name (ACR)`` and ``Name (other / other)`` give each form), each label matched once.
The data is read where it lives (``--data`` or ``$LODESTAR_RADAR_BENCH``); it is never copied here.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import sys
import time
import unicodedata
from collections.abc import Callable
from multiprocessing import Pool
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lodestar.demo.news import news_items  # noqa: E402
from lodestar.engine.reading import read  # noqa: E402

Counts = list[int]  # true positives, false positives, false negatives
FIELDS = ("language", "date", "date incl. metadata", "areas", "nations", "organisations", "people", "amounts")


def default_data() -> Path:
    configured = os.environ.get("LODESTAR_RADAR_BENCH")
    return Path(configured) if configured else ROOT.parent / "shared" / "bench" / "radar"


def _norm(text: str) -> str:
    return re.sub(r"[’`‘]", "'", unicodedata.normalize("NFC", text)).lower().strip()


def _forms(label: str) -> set[str]:
    forms = {label}
    m = re.match(r"^(.*?)\s*\((.*)\)$", label)
    if m:
        forms |= {m.group(1)} | {part.strip() for part in m.group(2).split("/")}
    return {_norm(f) for f in forms}


def _match_names(got: list[str], gold: list[str]) -> tuple[Counts, list[object], list[object]]:
    forms = [_forms(g) for g in gold]
    used: set[int] = set()
    extra: list[object] = []
    for name in got:
        hit = next((j for j, fs in enumerate(forms) if j not in used and _norm(name) in fs), None)
        if hit is None:
            extra.append(name)
        else:
            used.add(hit)
    missing: list[object] = [gold[j] for j in range(len(gold)) if j not in used]
    return [len(used), len(extra), len(missing)], extra, missing


def _match_sets(got: set[object], gold: set[object]) -> tuple[Counts, list[object], list[object]]:
    return (
        [len(got & gold), len(got - gold), len(gold - got)],
        sorted(got - gold, key=str),
        sorted(gold - got, key=str),
    )


def metadata_dated(data: Path) -> set[str]:
    """Files whose date the README says came from the page's date field (not in text nor address)."""
    found = set()
    for line in (data / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.split("|")]
        if len(cells) > 7 and cells[1].endswith(".txt") and cells[6] == "metadata":
            found.add("docs/" + cells[1])
    return found


def score(data: Path, show_errors: bool) -> dict[str, list[dict[str, Counts]]]:
    labels = [
        json.loads(line) for line in (data / "labels.jsonl").read_text(encoding="utf-8").splitlines() if line
    ]
    from_metadata = metadata_dated(data)
    half = len(labels) // 2
    halves: list[dict[str, Counts]] = [{f: [0, 0, 0] for f in FIELDS} for _ in range(2)]
    for index, label in enumerate(labels):
        text = (data / label["file"]).read_text(encoding="utf-8")
        reading: dict[str, Any] = read(text, source=label["source"]).as_json()
        counts = halves[0 if index < half else 1]
        results: dict[str, tuple[Counts, list[object], list[object]]] = {}
        right = reading["language"] == label["language"]
        results["language"] = ([int(right), int(not right), int(not right)], [], [])
        got_date, gold_date = reading["published"], label["published"]
        date_counts = [
            int(got_date is not None and got_date == gold_date),
            int(got_date is not None and got_date != gold_date),
            int(gold_date is not None and got_date != gold_date),
        ]
        results["date incl. metadata"] = (
            date_counts,
            [got_date] if date_counts[1] else [],
            [gold_date] if date_counts[2] else [],
        )
        if label["file"] not in from_metadata:
            results["date"] = results["date incl. metadata"]
        results["areas"] = _match_sets({a["code"] for a in reading["areas"]}, set(label["areas"]))
        results["nations"] = _match_sets({n["code"] for n in reading["nations"]}, set(label["nations"]))
        results["amounts"] = _match_sets(
            {(a["value"], a["currency"]) for a in reading["amounts"]},
            {(a["value"], a["currency"]) for a in label["amounts"]},
        )
        results["organisations"] = _match_names(
            [o["name"] for o in reading["organisations"]], label["organisations"]
        )
        results["people"] = _match_names([p["name"] for p in reading["people"]], label["people"])
        for field, (c, extra, missing) in results.items():
            for i in range(3):
                counts[field][i] += c[i]
            if show_errors and (extra or missing):
                print(f"{label['file']} {field}: extra {extra} missing {missing}")
    return {"halves": halves}


def prf(c: Counts) -> tuple[float, float, float]:
    tp, fp, fn = c
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def print_quality(data: Path, show_errors: bool, blind: bool = False) -> None:
    halves = score(data, show_errors)["halves"]
    if blind:
        # A set nobody tuned on (../shared/bench/radar-blind): one column, every document.
        print(f"{'field':22} {'blind set, all documents: P / R / F1':>40}")
        for field in FIELDS:
            whole = [halves[0][field][i] + halves[1][field][i] for i in range(3)]
            p, r, f = prf(whole)
            cell = f"{p:.2f} / {r:.2f} / {f:.2f} ({whole[0]}/{whole[1]}/{whole[2]})"
            print(f"{field:22} {cell:>40}")
        print("(tp/fp/fn) in brackets")
        return
    print(f"{'field':22} {'first half (tuning) P / R / F1':>32}   {'second half (held out) P / R / F1':>34}")
    for field in FIELDS:
        cells = []
        for counts in halves:
            p, r, f = prf(counts[field])
            cells.append(
                f"{p:.2f} / {r:.2f} / {f:.2f} ({counts[field][0]}/{counts[field][1]}/{counts[field][2]})"
            )
        print(f"{field:22} {cells[0]:>32}   {cells[1]:>34}")
    print("(tp/fp/fn) in brackets")


def _read_one(text: str) -> int:
    reading = read(text)
    return len(reading.areas) + len(reading.nations) + len(reading.organisations)


def print_speed(documents: int, words: int, processes: int) -> None:
    items = news_items(documents, seed=2024, words=words)
    texts = [item.text for item in items]
    total_words = sum(len(t.split()) for t in texts)
    french = sum(item.language == "fr" for item in items)
    start = time.perf_counter()
    run: Callable[[str], int] = _read_one
    if processes > 1:
        with Pool(processes) as pool:
            list(pool.imap_unordered(run, texts, chunksize=20))
    else:
        for text in texts:
            run(text)
    elapsed = time.perf_counter() - start
    peak = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    print(
        f"{documents} documents ({french} French), {total_words / documents:.0f} words each on average, "
        f"{processes} process(es): {elapsed:.1f} s, {documents / elapsed:.0f} documents/s; "
        f"peak memory of one process {peak / 1024:.0f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=default_data())
    parser.add_argument("--errors", action="store_true", help="print every miss and false hit")
    parser.add_argument(
        "--blind",
        action="store_true",
        help="a set nobody tuned on (--data ../shared/bench/radar-blind): one column for all its documents; "
        "its errors are never printed (--errors is refused) so that it stays unseen",
    )
    parser.add_argument("--speed", action="store_true", help="the speed bench instead of the quality one")
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    if args.speed:
        print_speed(args.documents, args.words, args.processes)
    else:
        if args.blind and args.errors:
            parser.error("--errors would show the blind set's errors: it would no longer be blind")
        print_quality(args.data, args.errors, blind=args.blind)


if __name__ == "__main__":
    main()

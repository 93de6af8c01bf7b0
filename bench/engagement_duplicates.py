"""Duplicates among 20,000 organisations with planted variants: time, precision and recall.

The directory is generated deterministically: made-up brand names (three syllables) with a sector
word and a legal form of their nation, in English or French. Then 1,000 of them get a planted twin,
each of one kind: accents dropped, another legal form, words in another order, the French name of an
English one (or the reverse), capitals and punctuation, or the same website with a shortened name.
Two generated bases whose brands are nearly the same word ("Korvalis" / "Korvamis") are regenerated:
two real companies named that alike are a genuine case for a person to check, not a planted miss.

Precision: planted pairs found / pairs reported. Recall: planted pairs found / planted pairs.

    .venv/bin/python bench/engagement_duplicates.py [--organisations 20000] [--planted 1000] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rapidfuzz.distance import Levenshtein  # noqa: E402

from lodestar.engine.duplicates import Entry, find_duplicates  # noqa: E402

SYLLABLES = [
    "ka",
    "ko",
    "ri",
    "va",
    "lis",
    "tor",
    "men",
    "dra",
    "sel",
    "nor",
    "vik",
    "ha",
    "bel",
    "un",
    "ost",
    "ar",
    "qua",
    "zen",
    "pol",
    "tri",
    "mar",
    "lu",
    "fen",
    "gra",
    "sto",
    "bri",
    "cal",
    "dor",
    "el",
    "fin",
    "jor",
    "kel",
    "lam",
    "nev",
    "or",
    "pra",
    "rus",
    "sam",
    "tal",
    "ul",
    "ver",
    "wyn",
    "xan",
    "yor",
    "zel",
    "ab",
    "ced",
]
SECTORS_EN = (
    "Systems",
    "Robotics",
    "Quantum",
    "Space",
    "Dynamics",
    "Photonics",
    "Materials",
    "Analytics",
    "Aerospace",
    "Energy",
    "Cyber",
    "Sensors",
    "Biotech",
    "Networks",
    "Orbital",
)
SECTORS_FR = {
    "Systems": "Systèmes",
    "Energy": "Énergie",
    "Space": "Spatial",
    "Materials": "Matériaux",
    "Networks": "Réseaux",
    "Robotics": "Robotique",
    "Sensors": "Capteurs",
}
LEGAL = {
    "DE": ("GmbH", "AG"),
    "FR": ("SAS", "SA"),
    "GB": ("Ltd", "plc"),
    "US": ("Inc", "LLC"),
    "PL": ("Sp. z o.o.", "S.A."),
    "IT": ("S.p.A.", "S.r.l."),
    "NL": ("B.V.", "N.V."),
    "SE": ("AB",),
    "NO": ("AS",),
    "FI": ("Oy",),
    "ES": ("S.L.", "S.A."),
    "BE": ("SA", "NV"),
    "CA": ("Inc", "Ltd"),
}
INSTITUTES = (
    ("Institut {b} de recherche spatiale", "{b} Space Research Institute"),
    ("Laboratoire national {b} de robotique", "{b} National Robotics Laboratory"),
    ("Centre {b} de technologies quantiques", "{b} Quantum Technology Center"),
)


def fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def generate(n: int, planted: int, seed: int) -> tuple[list[Entry], set[frozenset[str]]]:
    rng = random.Random(seed)
    brands: list[str] = []
    seen: set[str] = set()
    by_prefix: dict[str, list[str]] = {}
    while len(brands) < n - planted:
        brand = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()
        if brand.lower() in seen:
            continue
        # One edit from a brand already made (same first letters): regenerated (see the docstring).
        near = by_prefix.setdefault(brand.lower()[:2], [])
        if any(Levenshtein.distance(brand.lower(), b) <= 1 for b in near):
            continue
        near.append(brand.lower())
        seen.add(brand.lower())
        brands.append(brand)
    entries: list[Entry] = []
    bases = []
    for i, brand in enumerate(brands):
        nation = rng.choice(sorted(LEGAL))
        if rng.random() < 0.08:
            template = rng.choice(INSTITUTES)
            name = template[0 if nation in {"FR", "BE"} else 1].format(b=brand)
            form = ""
        else:
            sector = rng.choice(SECTORS_EN)
            if nation in {"FR", "BE"} and sector in SECTORS_FR and rng.random() < 0.5:
                name = f"{brand} {SECTORS_FR[sector]}"
            else:
                name = f"{brand} {sector}"
            form = rng.choice(LEGAL[nation])
        site = f"https://www.{brand.lower()}.{nation.lower()}" if rng.random() < 0.6 else ""
        entries.append(Entry(str(i), f"{name} {form}".strip(), site))
        bases.append((brand, name, form, nation, site))
    truth: set[frozenset[str]] = set()
    kinds = ("accents", "legal_form", "word_order", "language", "case", "website")
    for k, index in enumerate(rng.sample(range(len(bases)), planted)):
        brand, name, form, nation, site = bases[index]
        kind = kinds[k % len(kinds)]
        twin_site = ""
        if kind == "accents":
            twin = fold(entries[index].name) if fold(name) != name else f"{name.replace('e', 'é', 1)} {form}"
        elif kind == "legal_form":
            others = [f for f in LEGAL[nation] if f != form] or [""]
            twin = f"{name} {rng.choice(others)}".strip()
        elif kind == "word_order":
            words = name.split()
            twin = " ".join(words[1:] + words[:1]) + (f" {form}" if form else "")
        elif kind == "language":
            for fr, en in INSTITUTES:
                if name in (fr.format(b=brand), en.format(b=brand)):
                    twin = en.format(b=brand) if name == fr.format(b=brand) else fr.format(b=brand)
                    break
            else:
                sector = name.split()[-1]
                french = {v: k for k, v in SECTORS_FR.items()}
                twin = f"{brand} {SECTORS_FR.get(sector) or french.get(sector) or sector}"
        elif kind == "case":
            twin = f"{name.upper().replace(' ', '-')} {form}".strip()
        else:
            twin = f"{brand} Group"
            twin_site = site or f"https://{brand.lower()}.example"
            if not site:
                entries[index] = Entry(str(index), entries[index].name, twin_site)
        entries.append(Entry(str(len(entries)), twin, twin_site))
        truth.add(frozenset((str(index), entries[-1].id)))
    return entries, truth


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--organisations", type=int, default=20_000)
    parser.add_argument("--planted", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    started = time.perf_counter()
    entries, truth = generate(args.organisations, args.planted, args.seed)
    generated = time.perf_counter() - started
    started = time.perf_counter()
    found = find_duplicates(entries)
    elapsed = time.perf_counter() - started
    pairs = {frozenset((d.first_id, d.second_id)) for d in found}
    hits = len(pairs & truth)
    precision = hits / len(pairs) if pairs else 1.0
    recall = hits / len(truth)
    print(f"organisations {len(entries)}, planted pairs {len(truth)} (generated in {generated:.1f} s)")
    print(f"found {len(pairs)} pairs in {elapsed:.2f} s: precision {precision:.3f}, recall {recall:.3f}")
    missed = [sorted(p) for p in truth - pairs][:8]
    for a, b in missed:
        print("  missed:", entries[int(a)].name, "|", entries[int(b)].name)
    wrong = [sorted(p) for p in pairs - truth][:8]
    for a, b in wrong:
        print("  extra: ", entries[int(a)].name, "|", entries[int(b)].name)


if __name__ == "__main__":
    main()

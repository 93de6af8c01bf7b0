"""Specifications of the faster paths of the affinity engine: each gives exactly what the plain path
gives (explanations of many pairs at once, texts mapped to a term space by number, the analysis of a
text with its memoised word table)."""

import dataclasses
import random
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lodestar.engine import affinity, lexical, search, text
from lodestar.engine.affinity import AffinityModel, AffinitySettings, Document, Profile, Query, rank_profiles

WORDS = (
    "battery",
    "storage",
    "energy",
    "microgrid",
    "drone",
    "swarm",
    "radar",
    "satellite",
    "orbit",
    "quantum",
    "sensing",
    "cyber",
    "intrusion",
    "detection",
    "encryption",
    "data",
    "network",
    "learning",
    "machine",
    "model",
    "health",
    "fatigue",
    "soldier",
    "hydrogen",
    "fuel",
    "stockage",
    "énergie",
    "batteries",
    "réseau",
    "données",
    "apprentissage",
    "automatique",
    "capteurs",
    "essaim",
    "satellites",
    "chiffrement",
    "sécurité",
    "santé",
    "the",
    "and",
    "of",
    "for",
    "with",
    "le",
    "la",
    "les",
    "des",
    "pour",
    "avec",
    "a",
    "x",
    "5g",
    "c2",
    "2024",
)


def sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    for k in range(4, n, rng.randint(3, 7)):
        words[k] += rng.choice([".", ",", ";", ""])
    return " ".join(words)


def corpus(seed: int) -> tuple[list[Profile], list[Query]]:
    rng = random.Random(seed)
    profiles = [
        Profile(
            f"p{j}",
            tuple(
                Document(f"p{j}-d{d}", sentence(rng, rng.randint(0, 25)), title=rng.choice(["", "Report"]))
                for d in range(rng.choice([0, 1, 2, 3, 5, 8, 13]))
            ),
        )
        for j in range(12)
    ]
    queries = [Query(f"q{i}", sentence(rng, rng.randint(1, 40))) for i in range(15)]
    return profiles, queries


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("top_documents", [1, 3, 10])
def test_explaining_many_pairs_gives_what_explaining_each_pair_gives(seed, top_documents, monkeypatch):
    profiles, queries = corpus(seed)
    model = AffinityModel(settings=AffinitySettings(lexical_top_documents=top_documents)).fit(profiles)
    result = model.score(queries)
    pairs = [(q.id, p.id, result.score(q.id, p.id)) for q in queries for p in profiles]
    random.Random(seed).shuffle(pairs)
    one_by_one = [result.explain(q, p, s) for q, p, s in pairs]
    assert result.explain_many(pairs) == one_by_one
    # Chunked into pieces of one query and a few entries: the same.
    monkeypatch.setattr(affinity._Explainer, "block_queries", 1)
    monkeypatch.setattr(affinity._Explainer, "block_entries", 7)
    assert model.score(queries).explain_many(pairs) == one_by_one


def test_rank_profiles_explains_with_the_same_explanations_as_explain():
    profiles, queries = corpus(7)
    ranked = rank_profiles(queries, profiles, top_k=4)
    result = AffinityModel().fit(profiles).score(queries, top_k=4)
    for q in queries:
        assert [m.explanation for m in ranked[q.id]] == [
            result.explain(q.id, p, s) for p, s in result.top(q.id)
        ]


def unnumbered(features: list[lexical.TextFeatures]) -> list[lexical.TextFeatures]:
    return [dataclasses.replace(f, term_ids=None, numbers=None) for f in features]


@pytest.mark.parametrize("seed", range(4))
def test_a_term_space_maps_numbered_texts_as_it_maps_them_by_name(seed):
    profiles, queries = corpus(seed)
    documents = lexical.featurize_many([d.full_text for p in profiles for d in p.documents])
    background = lexical.featurize_many([q.full_text for q in queries])
    fast = lexical.TermSpace.fit(documents, background)
    slow = lexical.TermSpace.fit(unnumbered(documents), unnumbered(background))
    assert fast.columns is not None and slow.columns is None
    assert fast.vocabulary == slow.vocabulary and list(fast.vocabulary) == list(slow.vocabulary)
    np.testing.assert_array_equal(fast.idf, slow.idf)
    assert fast.display == slow.display
    assert fast.unseen_idf == slow.unseen_idf
    # Texts read after the fit (terms numbered later) count outside the vocabulary, as by name.
    later = lexical.featurize_many([f"{q.full_text} zyxwv{seed} quokka{seed}" for q in queries])
    for space in (fast, slow):
        expected = slow.vectors(unnumbered(later))
        got = space.vectors(later)
        assert (got != expected).nnz == 0


def test_a_numbering_that_is_full_gives_way_to_a_new_one_and_spaces_still_map_old_texts(monkeypatch):
    old = lexical.featurize_many(["quantum sensing for navigation xylophonic"])
    monkeypatch.setattr(lexical.TermNumbers, "LIMIT", 0)
    new = lexical.featurize_many(["quantum radar for air defence zebraic"])
    assert new[0].numbers is not old[0].numbers
    space = lexical.TermSpace.fit([*old, *new])
    reference = lexical.TermSpace.fit(unnumbered([*old, *new]))
    assert space.vocabulary == reference.vocabulary
    assert (space.vectors([*old, *new]) != reference.vectors(unnumbered([*old, *new]))).nnz == 0


def reference_analyze(source: str, language: str | None = None) -> tuple[str, tuple[text.Segment, ...]]:
    """``analyze`` as it was written before its word table: word by word."""
    raw = [text._WORD.findall(part) for part in text._SEGMENT_BREAK.split(source.lower())]
    lang = language or text._language_of([w for seg in raw for w in seg], source)
    stops = text.STOP_WORDS[lang]
    kept = [[w for w in seg if w not in stops and len(w) > 1] for seg in raw]
    segments = tuple(text.Segment(tuple(text.stem(seg, lang)), tuple(seg)) for seg in kept if seg)
    return lang, segments


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                [*WORDS, "l'énergie", "Déjà", "été", "—", " - ", "(", ")", "\n", ", ", ".", "_x_"]
            ),
            st.text(max_size=6),
        ),
        max_size=30,
    ),
    st.sampled_from([None, "en", "fr"]),
)
def test_analysis_is_the_same_as_word_by_word(parts, language):
    source = " ".join(parts)
    analysis = text.analyze(source, language)
    assert (analysis.language, analysis.segments) == reference_analyze(source, language)


def test_analysis_detects_the_language_by_its_function_words_and_accents():
    assert text.analyze("le stockage de l'énergie et des batteries").language == "fr"
    assert text.analyze("the storage of energy and batteries").language == "en"
    assert text.analyze("énergie été déjà").language == "fr"  # a tie broken by the accents
    assert re.fullmatch("en|fr", text.analyze("").language)


@pytest.mark.parametrize("ratio", [0.5, 3.0, 150.0, 1e9])
def test_the_split_cosine_product_equals_the_sparse_product(ratio):
    profiles, queries = corpus(11)
    left = lexical.featurize_many([q.full_text for q in queries])
    right = lexical.featurize_many([d.full_text for p in profiles for d in p.documents])
    space = lexical.TermSpace.fit(right, left)
    a, b = space.vectors(left), space.vectors(right)
    product = lexical.CosineProduct(a, b, ratio=ratio)
    expected = (a @ b.T).toarray()
    got = np.vstack([product.rows(start, start + 4) for start in range(0, a.shape[0], 4)])
    np.testing.assert_allclose(got, expected, atol=1e-6)


def reference_near_duplicates(documents, threshold):
    """Near-duplicates from the plain sparse product, as they were found before the split product."""
    features = lexical.featurize_many([d.full_text for d in documents])
    vectors = lexical.TermSpace.fit(features).vectors(features)
    block = (vectors @ vectors.T.tocsr()).tocoo()
    keep = (block.col > block.row) & (block.data >= threshold - 1e-6)
    return sorted(
        ((documents[r].id, documents[c].id, round(min(float(v), 1.0), 4)))
        for r, c, v in zip(block.row[keep], block.col[keep], block.data[keep], strict=True)
    )


@pytest.mark.parametrize("threshold", [0.2, 0.5, 0.7])
def test_near_duplicates_are_the_pairs_and_similarities_of_the_sparse_product(threshold):
    rng = random.Random(5)
    texts = [sentence(rng, rng.randint(5, 30)) for _ in range(40)]
    texts += [t + " " + rng.choice(WORDS) for t in texts[:15]]  # lightly edited copies
    documents = [Document(str(i), t) for i, t in enumerate(texts)]
    found = search.find_near_duplicates(documents, threshold=threshold, block_rows=7)
    assert sorted((p.first_id, p.second_id, p.similarity) for p in found) == reference_near_duplicates(
        documents, threshold
    )


def reference_terms(segments):
    """``lexical._terms`` as it was first written: stems, then the unordered pairs of neighbours."""
    terms, words = [], []
    for seg in segments:
        terms.extend(seg.stems)
        words.extend(seg.words)
        for a, b, w0, w1 in zip(seg.stems, seg.stems[1:], seg.words, seg.words[1:], strict=False):
            if a != b:
                terms.append(f"{a} {b}" if a < b else f"{b} {a}")
                words.append(w0 if w0 == w1 else f"{w0} {w1}")
    counts = {}
    for t in terms:
        counts[t] = counts.get(t, 0) + 1
    display = {}
    for t, w in zip(terms, words, strict=True):
        display.setdefault(t, w)
    return counts, display


@pytest.mark.parametrize("seed", range(5))
def test_terms_are_stems_and_pairs_of_neighbours_in_order_of_first_appearance(seed):
    rng = random.Random(seed)
    for _ in range(30):
        analysis = text.analyze(sentence(rng, rng.randint(0, 40)))
        segments = lexical.shared_segments(analysis)
        counts, display = lexical._terms(segments)
        expected_counts, expected_display = reference_terms(segments)
        assert list(counts.items()) == list(expected_counts.items())
        assert display == expected_display

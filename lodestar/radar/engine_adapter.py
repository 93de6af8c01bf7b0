"""The one door between the radar app and the engine's reading (``lodestar.engine.reading``)."""

from __future__ import annotations

from lodestar.engine.reading import Reading, read
from lodestar.engine.reading.files import Extracted, UnreadableFile, extract, read_feed

__all__ = ["Extracted", "Reading", "UnreadableFile", "extract", "read_feed", "read_file", "read_text"]


def read_text(extracted: Extracted, directory: tuple[str, ...] = ()) -> Reading:
    return read(extracted.text, source=extracted.source, published=extracted.published, directory=directory)


def read_file(path: str, data: bytes) -> dict[str, object]:
    """The JSON line of ``lodestar radar-read`` for one file (``UnreadableFile`` when it has no text)."""
    extracted = extract(path, data)
    return read_text(extracted).as_json(path)

"""The organisations and people the name reader finds in a text, by name: what the reading tests compare."""

from __future__ import annotations

from lodestar.engine.reading.names import find_names


def orgs(text: str) -> list[str]:
    return [n.name for n in find_names(text) if n.kind == "organisation"]


def people(text: str) -> list[str]:
    return [n.name for n in find_names(text) if n.kind == "person"]

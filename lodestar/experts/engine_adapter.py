"""What the expert pool asks of the engine: whether two written names are the same organisation."""

from __future__ import annotations

from lodestar.engine.conflicts import organisation_key


def same_organisation(first: str, second: str) -> bool:
    """The engine's reading of organisation names ("Acme S.A." and "ACME SA" are one)."""
    return organisation_key(first) == organisation_key(second)

"""Reasons the engine gives for what it did: a stable code, its parameters and an English sentence.

The web app translates by `code` and `params`; `text` is the English wording for logs, the command
line and tests. Codes never change meaning once published.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Reason:
    code: str
    text: str
    params: Mapping[str, object] = field(default_factory=dict)


def listing(names: Sequence[str], limit: int = 8) -> str:
    """Names joined for a sentence, shortened so a diagnosis over thousands of rows stays readable."""
    shown = ", ".join(names[:limit])
    return shown if len(names) <= limit else f"{shown} and {len(names) - limit} more"

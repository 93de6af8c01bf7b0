"""Reasons the engine gives for what it did: a stable code, its parameters and an English sentence.

The web app translates by `code` and `params`; `text` is the English wording for logs, the command
line and tests. Codes never change meaning once published.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Reason:
    code: str
    text: str
    params: Mapping[str, object] = field(default_factory=dict)


def reason_to_dict(reason: Reason) -> dict[str, Any]:
    """The reason as plain JSON, the form in which adapters keep it on job results and selections."""
    return {"code": reason.code, "params": _plain(reason.params), "text": reason.text}


def _plain(value: Any) -> Any:
    """A JSON-safe copy of engine parameters: numpy scalars (read through `.item()`, so the engine's
    reasons need no numpy import here), tuples and sets become Python numbers and lists."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(v) for v in value]
    if isinstance(value, str | bool | int | float) or value is None:
        return value
    return value.item() if hasattr(value, "item") else str(value)


def listing(names: Sequence[str], limit: int = 8) -> str:
    """Names joined for a sentence, shortened so a diagnosis over thousands of rows stays readable."""
    shown = ", ".join(names[:limit])
    return shown if len(names) <= limit else f"{shown} and {len(names) - limit} more"

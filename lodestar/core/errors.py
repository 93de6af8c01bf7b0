"""How views turn a refused action into the message the person reads."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _


def error_text(exc: Exception) -> str:
    """Every message of a ValidationError, or the reason of a refusal, in the active language."""
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    if isinstance(exc, PermissionDenied):
        return str(exc) or _("You are not allowed to do this.")
    return str(exc)


def parse_id(value: object) -> int | None:
    """A database id typed or posted by someone, or None: only ASCII digits that fit a bigint
    (`"²".isdigit()` is true and `int("²")` fails; 25 digits overflow SQLite)."""
    text = str(value or "").strip()
    if text.isascii() and text.isdigit() and len(text) <= 18:
        return int(text)
    return None

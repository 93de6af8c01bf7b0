"""Helpers for content stored in both official languages (`title_en`, `title_fr`, ...)."""

from __future__ import annotations

from typing import Any

from django.utils import translation

LANGUAGE_CODES = ("en", "fr")


def current_language() -> str:
    code = (translation.get_language() or "en")[:2]
    return code if code in LANGUAGE_CODES else "en"


def localized(obj: Any, field: str, language: str | None = None) -> str:
    """The value of `field` in the active language, falling back to the other one when empty."""
    language = language or current_language()
    other = "fr" if language == "en" else "en"
    return getattr(obj, f"{field}_{language}", "") or getattr(obj, f"{field}_{other}", "") or ""

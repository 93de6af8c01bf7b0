"""What applications ask of the engine: the language an application is written in."""

from __future__ import annotations

from lodestar.applications.models import Application
from lodestar.engine.text import detect_language


def language_of(application: Application) -> str:
    """"en" or "fr", read from the application's own text (title, summary, description)."""
    return detect_language(application.text_for_matching())

"""Every user-visible string has its French, and pages are served in both languages."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "lodestar"
CATALOGUE = PACKAGE / "locale" / "fr" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[sdfr]|%%|\{\{\s*[\w.|:\"]+\s*\}\}")
# What `make catalogue` passes to makemessages: demo content and the engine hold no interface strings.
MAKEMESSAGES_ARGS = ["-l", "fr", "--no-location", "--ignore", "demo/*", "--ignore", "engine/*"]


def entries():
    return [e for e in polib.pofile(str(CATALOGUE)) if not e.obsolete]


def test_every_string_of_the_french_catalogue_is_translated():
    missing = [e.msgid for e in entries() if not e.translated() or "fuzzy" in e.flags]
    assert missing == []


def test_translations_keep_the_placeholders_of_their_source():
    wrong = []
    for e in entries():
        translations = list(e.msgstr_plural.values()) if e.msgid_plural else [e.msgstr]
        source = sorted(PLACEHOLDER.findall(e.msgid_plural or e.msgid))
        for text in translations:
            found = sorted(PLACEHOLDER.findall(text))
            if set(found) - set(source) or (
                not e.msgid_plural and found != sorted(PLACEHOLDER.findall(e.msgid))
            ):
                wrong.append((e.msgid, text))
    assert wrong == []


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext is needed to extract strings")
def test_the_catalogue_holds_every_string_marked_in_the_code(tmp_path):
    """Extract the strings again from a copy of the code: none may be missing from the catalogue."""
    copy = tmp_path / "lodestar"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    subprocess.run(
        [sys.executable, "-m", "lodestar", "makemessages", *MAKEMESSAGES_ARGS],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    extracted = {
        e.msgid for e in polib.pofile(str(copy / "locale/fr/LC_MESSAGES/django.po")) if not e.obsolete
    }
    committed = {e.msgid for e in entries()}
    assert sorted(extracted - committed) == []


@pytest.mark.django_db
def test_pages_are_served_in_french_under_fr_and_english_under_en(client, call):
    french = client.get(f"/fr/calls/{call.slug}/").content.decode()
    english = client.get(f"/en/calls/{call.slug}/").content.decode()
    assert "Appel à défis 2026" in french and "Date limite" in french
    assert "2026 challenge call" in english and "Deadline" in english


@pytest.mark.django_db
def test_the_language_switcher_keeps_the_page(client, call):
    path = f"/en/calls/{call.slug}/"
    response = client.post("/i18n/setlang/", {"language": "fr", "next": path})
    assert response["Location"] == f"/fr/calls/{call.slug}/"

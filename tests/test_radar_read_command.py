"""`lodestar radar-read PATH...`: one JSON line per readable file, a message on stderr for the others."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.pdfs import text_pdf


def test_it_prints_one_json_line_per_file_and_reports_the_unreadable(tmp_path: Path) -> None:
    release = tmp_path / "communique.txt"
    release.write_text(
        "L'Otan lance un fonds\nPublié le 22 octobre 2021\nLe Japon investit 1 milliard d'euros dans "
        "l'intelligence artificielle et l'apprentissage automatique, a déclaré Florence Parly.",
        encoding="utf-8",
    )
    report = tmp_path / "report.pdf"
    report.write_bytes(text_pdf(["Quantum sensing for the Royal Navy", "Published on 25 May 2023"]))
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 nothing here")
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError):
        call_command(
            "radar_read",
            str(release),
            str(broken),
            str(tmp_path / "missing.txt"),
            str(report),
            stdout=out,
            stderr=err,
        )
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [line["file"] for line in lines] == [str(release), str(report)]
    first = lines[0]
    assert first["language"] == "fr" and first["published"] == "2021-10-22"
    assert [n["code"] for n in first["nations"]] == ["JP"]
    assert first["amounts"][0]["value"] == 1_000_000_000 and first["amounts"][0]["currency"] == "EUR"
    assert first["areas"][0]["code"] == "ai"
    assert lines[1]["published"] == "2023-05-25"
    assert "broken.pdf" in err.getvalue() and "missing.txt" in err.getvalue()

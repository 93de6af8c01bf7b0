"""Documents out as PDF (core/pdf.py): reproducible bytes, French and the euro sign, text kept as typed."""

from __future__ import annotations

import base64
import re
import zlib

from lodestar.core.pdf import Facts, Grid, Heading, PdfDocument, Signatures, Text, render_pdf, sha256


def agreement(amount: str = "100 000,00 €") -> PdfDocument:
    return PdfDocument(
        title="Accord de subvention",
        subtitle="Programme d’accélération, phase 1",
        language="fr",
        footer="A-00042",
        blocks=(
            Heading("Parties"),
            Facts((("Bénéficiaire", "Borealis Énergie SAS"), ("Montant", amount))),
            Text("Le bénéficiaire s’engage à <b>rendre compte</b> tous les six mois."),
            Grid(("Tranche", "Montant"), (("À la signature", "40 000,00 €"),), numeric=frozenset({1})),
            Signatures((("Claire Martin", "Présidente"), ("Dan Director", ""))),
        ),
    )


def page_text(pdf: bytes) -> bytes:
    """The decompressed content streams, where the drawn strings are."""
    streams = re.findall(rb"stream\r?\n(.*?)endstream", pdf, re.S)
    out = b""
    for s in streams:
        data = s.strip()
        if data.endswith(b"~>"):  # ReportLab writes ASCII85 over Flate
            data = base64.a85decode(data[:-2].replace(b"\n", b""))
        try:
            out += zlib.decompress(data)
        except zlib.error:
            out += data
    return out


def test_the_same_document_gives_the_same_bytes_and_fingerprint():
    first, second = render_pdf(agreement()), render_pdf(agreement())
    assert first.startswith(b"%PDF-") and first == second
    assert sha256(first) == sha256(second)
    assert sha256(render_pdf(agreement("100 000,01 €"))) != sha256(first)


def drawn(text: str) -> bytes:
    """How a string appears in a content stream: WinAnsi bytes, those above ASCII as octal escapes."""
    return b"".join(bytes([c]) if c < 128 else b"\\%o" % c for c in text.encode("cp1252"))


def test_french_text_and_the_euro_sign_are_drawn_and_markup_is_shown_as_typed():
    text = page_text(render_pdf(agreement()))
    assert drawn("Bénéficiaire") in text
    assert drawn("100 000,00 €") in text
    # What a user typed is drawn as typed, not read as markup.
    assert drawn("<b>rendre compte</b>") in b"".join(re.findall(rb"\((.*?)\) Tj", text))
    assert b"A-00042" in text

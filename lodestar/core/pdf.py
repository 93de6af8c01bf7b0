"""Documents out as PDF: agreements, notices, letters and reports, in the reader's language.

Apps describe a document as plain blocks (headings, paragraphs, key-value lists, tables, signature
lines) already translated into the reader's language; this module lays them out with ReportLab. The
output is deterministic: the same document gives the same bytes, so a signed agreement's SHA-256 can be
recomputed and checked later. The built-in fonts use WinAnsi encoding, which covers French and the
euro sign, so nothing but the pip package is needed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Text:
    """A paragraph of plain text (no markup: what a user typed is shown as typed)."""

    text: str


@dataclass(frozen=True)
class Facts:
    """Label and value pairs, such as the parties of an agreement or the figures of a notice."""

    rows: Sequence[tuple[str, str]]


@dataclass(frozen=True)
class Grid:
    """A table with a header row; numeric columns are right-aligned."""

    header: Sequence[str]
    rows: Sequence[Sequence[str]]
    numeric: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Signatures:
    """Signature lines: one per signer, with the name and the capacity in which they sign."""

    signers: Sequence[tuple[str, str]]


Block = Heading | Text | Facts | Grid | Signatures


@dataclass(frozen=True)
class PdfDocument:
    title: str
    blocks: Sequence[Block]
    language: str = "en"
    subtitle: str = ""
    footer: str = ""
    author: str = "Lodestar"
    keywords: Sequence[str] = field(default_factory=tuple)


def _styles() -> dict[str, ParagraphStyle]:
    sheet = getSampleStyleSheet()
    return {
        "title": ParagraphStyle("title", parent=sheet["Title"], fontSize=16, leading=20, spaceAfter=4),
        "subtitle": ParagraphStyle("subtitle", parent=sheet["Normal"], textColor=colors.grey, spaceAfter=10),
        "heading": ParagraphStyle("heading", parent=sheet["Heading2"], fontSize=12, spaceBefore=10),
        "body": ParagraphStyle("body", parent=sheet["BodyText"], fontSize=10, leading=13),
        "cell": ParagraphStyle("cell", parent=sheet["BodyText"], fontSize=9, leading=11),
        "cell_number": ParagraphStyle("cell_number", parent=sheet["BodyText"], fontSize=9, alignment=2),
    }


def _text(value: str, style: ParagraphStyle) -> Paragraph:
    # WinAnsi has no narrow no-break space (French groups digits with it: "100 000 €"): the no-break
    # space it has keeps the figure on one line all the same.
    return Paragraph(escape(value.replace("\u202f", "\u00a0")).replace("\n", "<br/>"), style)


def _flowables(doc: PdfDocument, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    out: list[Flowable] = [_text(doc.title, styles["title"])]
    if doc.subtitle:
        out.append(_text(doc.subtitle, styles["subtitle"]))
    rule = TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.25, colors.lightgrey),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
    )
    for block in doc.blocks:
        if isinstance(block, Heading):
            out.append(_text(block.text, styles["heading"]))
        elif isinstance(block, Text):
            out.append(_text(block.text, styles["body"]))
        elif isinstance(block, Facts):
            rows = [[_text(k, styles["cell"]), _text(v, styles["cell"])] for k, v in block.rows]
            table = Table(rows, colWidths=[55 * mm, 115 * mm])
            table.setStyle(rule)
            out.append(table)
        elif isinstance(block, Grid):
            header = [_text(h, styles["cell"]) for h in block.header]
            body = [
                [
                    _text(cell, styles["cell_number"] if i in block.numeric else styles["cell"])
                    for i, cell in enumerate(row)
                ]
                for row in block.rows
            ]
            table = Table([header, *body], repeatRows=1)
            table.setStyle(rule)
            table.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke)]))
            out.append(table)
        elif isinstance(block, Signatures):
            for name, capacity in block.signers:
                out.append(Spacer(1, 14 * mm))
                out.append(_text("_" * 40, styles["body"]))
                out.append(_text(f"{name}, {capacity}" if capacity else name, styles["body"]))
        out.append(Spacer(1, 3 * mm))
    return out


def render_pdf(doc: PdfDocument) -> bytes:
    """The document as PDF bytes; the same document always gives the same bytes."""
    buffer = BytesIO()
    styles = _styles()

    def footer(canvas: object, template: SimpleDocTemplate) -> None:
        if not doc.footer:
            return
        canvas.saveState()  # type: ignore[attr-defined]  # ReportLab's canvas has no type stubs
        canvas.setFont("Helvetica", 8)  # type: ignore[attr-defined]
        canvas.setFillColor(colors.grey)  # type: ignore[attr-defined]
        canvas.drawString(20 * mm, 10 * mm, f"{doc.footer} · {template.page}")  # type: ignore[attr-defined]
        canvas.restoreState()  # type: ignore[attr-defined]

    template = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=doc.title,
        author=doc.author,
        subject=doc.subtitle,
        keywords=list(doc.keywords),
        lang=doc.language,
        invariant=True,  # no creation date or random id in the file: reproducible bytes
    )
    template.build(_flowables(doc, styles), onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def sha256(data: bytes) -> str:
    """The fingerprint recorded with a signed or sent document."""
    return hashlib.sha256(data).hexdigest()

"""The text of a document file (plain text, HTML or PDF) and of a feed (RSS or Atom).

- HTML: trafilatura keeps the article's main text and drops navigation, banners and link lists, and
  reads the page's own publication date from its metadata (its ``htmldate``), which a plain tag
  stripper cannot; it installs from PyPI with its pure-Python dependencies and lxml's wheels.
- PDF: pypdf, pure Python, reads the text layer (a scanned PDF without one gives no text).
- Feeds: feedparser reads RSS 0.9x/1.0/2.0 and Atom alike; each entry's title, link, date and summary
  become one document.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_FEED_SUFFIXES = (".rss", ".atom", ".xml")


class UnreadableFile(ValueError):
    """A file that gives no text: its message says why (in English, for the command line), its ``code``
    which reason it is, so that the web app can say it in the reader's language."""

    def __init__(self, message: str, code: str = "unreadable", kind: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.kind = kind


@dataclass(frozen=True)
class Extracted:
    title: str
    text: str  # the title on the first line, then the body (the layout the reader expects)
    published: dt.date | None = None
    source: str = ""
    kind: str = "text"


def kind_of(name: str, data: bytes) -> str:
    lowered = name.lower()
    head = data[:512].lstrip().lower()
    if lowered.endswith(".pdf") or data.startswith(b"%PDF"):
        return "pdf"
    if (
        lowered.endswith(_FEED_SUFFIXES)
        or head.startswith(b"<?xml")
        and (b"<rss" in head or b"<feed" in head)
    ):
        return "feed"
    if lowered.endswith(_HTML_SUFFIXES) or head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"


def _decode(data: bytes) -> str:
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile("not text in UTF-8 or Windows-1252", "encoding")


def extract(name: str, data: bytes) -> Extracted:
    """The text of one document file; ``UnreadableFile`` when there is none to read."""
    kind = kind_of(name, data)
    if kind == "pdf":
        result = _pdf(data)
    elif kind == "html":
        result = _html(data)
    elif kind == "feed":
        raise UnreadableFile("a feed holds many documents: read it with read_feed()", "feed")
    else:
        text = _decode(data).replace("\r\n", "\n").strip()
        if "\x00" in text:
            raise UnreadableFile("binary content, not text", "binary")
        result = Extracted(title=text.split("\n", 1)[0][:300], text=text)
    if not result.text.strip():
        raise UnreadableFile(f"no text found in this {kind} file", "empty", kind)
    return result


def _pdf(data: bytes) -> Extracted:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
        title = str(reader.metadata.title or "").strip() if reader.metadata else ""
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise UnreadableFile(f"not a readable PDF ({error})", "pdf") from error
    body = "\n".join(p.strip() for p in pages if p.strip())
    title = title or body.split("\n", 1)[0][:300]
    text = body if body.startswith(title) else f"{title}\n{body}"
    return Extracted(title=title, text=text if body else "", kind="pdf")


def _html(data: bytes) -> Extracted:
    import json

    import trafilatura

    html = _decode(data)
    found = trafilatura.extract(
        html, output_format="json", with_metadata=True, include_comments=False, favor_precision=True
    )
    if not found:
        raise UnreadableFile("no main text found in this HTML page", "html")
    document = json.loads(found)
    body = str(document.get("text") or "").strip()
    title = str(document.get("title") or "").strip() or body.split("\n", 1)[0][:300]
    published = None
    if document.get("date"):
        try:
            published = dt.date.fromisoformat(str(document["date"])[:10])
        except ValueError:
            published = None
    text = body if body.startswith(title) else f"{title}\n{body}"
    return Extracted(
        title=title,
        text=text if body else "",
        published=published,
        source=str(document.get("source") or ""),
        kind="html",
    )


def read_feed(data: bytes) -> list[Extracted]:
    """Each entry of an RSS or Atom feed as a document (title, link, date, summary or content)."""
    import feedparser

    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        raise UnreadableFile("not a readable RSS or Atom feed", "not_feed")
    items = []
    for entry in feed.entries:
        title = str(entry.get("title", "")).strip()
        content = entry.get("content") or [{}]
        html = str(content[0].get("value") or entry.get("summary", ""))
        body = _strip_tags(html)
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None
        if title or body:
            items.append(
                Extracted(
                    title=title,
                    text=f"{title}\n{body}".strip(),
                    published=published,
                    source=str(entry.get("link", "")),
                    kind="feed",
                )
            )
    return items


def _strip_tags(html: str) -> str:
    import lxml.html

    if "<" not in html:
        return html.strip()
    try:
        return str(lxml.html.fromstring(html).text_content()).strip()
    except (ValueError, lxml.etree.ParserError):
        return html.strip()

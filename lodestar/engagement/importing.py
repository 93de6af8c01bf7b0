"""Reading a directory import (CSV or XLSX): every row checked before anything is saved.

`parse_organisations` touches no table but the EDT areas it reads: it returns the rows ready to save,
or every refusal with its row number (the header is row 1) and reason, so that the officer fixes the
file in one pass. Saving, all or nothing, is `actions.directory.check_import_organisations`.

Columns (a header row; order free): legal_name, nation, kind, year_founded, employees, website,
space_segment, areas (EDT codes separated by ";"), capabilities (separated by ";"), description.
legal_name, nation, kind, year_founded and employees are required.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from lodestar.core.models import EdtArea
from lodestar.core.nations import NATION_NAMES
from lodestar.engagement.models import SpaceSegment
from lodestar.organisations.models import OrganisationType

COLUMNS = (
    "legal_name",
    "nation",
    "kind",
    "year_founded",
    "employees",
    "website",
    "space_segment",
    "areas",
    "capabilities",
    "description",
)
REQUIRED = ("legal_name", "nation", "kind", "year_founded", "employees")
MAX_ROWS = 25_000
MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class OrganisationRow:
    row: int
    legal_name: str
    nation: str
    kind: str
    year_founded: int
    employees: int
    website: str = ""
    space_segment: str = ""
    areas: tuple[str, ...] = ()
    capabilities: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class Refusal:
    row: int
    reason: str


class ImportRefused(ValidationError):
    """The file was refused: `refusals` says which row and why; nothing was saved."""

    def __init__(self, refusals: list[Refusal]) -> None:
        self.refusals = refusals
        super().__init__(
            [_("Row %(row)d: %(reason)s") % {"row": r.row, "reason": r.reason} for r in refusals[:200]]
        )


def read_table(name: str, content: bytes) -> list[dict[str, str]]:
    """The rows of a CSV or XLSX file as dicts of text, by the header's (lower-cased) names."""
    if len(content) > MAX_BYTES:
        raise ImportRefused([Refusal(0, _("The file is larger than 20 MB."))])
    if name.lower().endswith(".xlsx"):
        return _read_xlsx(content)
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRefused([Refusal(0, _("The file is not UTF-8 text (save it as CSV UTF-8)."))]) from exc
    reader = csv.DictReader(io.StringIO(text))
    return [{(k or "").strip().lower(): (v or "").strip() for k, v in row.items()} for row in reader]


def _read_xlsx(content: bytes) -> list[dict[str, str]]:
    from openpyxl import load_workbook  # imported here: only imports of XLSX files need it

    try:
        sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).worksheets[0]
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, IndexError) as exc:
        raise ImportRefused([Refusal(0, _("The file is not a readable XLSX workbook."))]) from exc
    rows = sheet.iter_rows(values_only=True)
    header = [str(c or "").strip().lower() for c in next(rows, ())]
    return [
        {header[i]: _cell(v) for i, v in enumerate(values) if i < len(header)}
        for values in rows
        if any(v not in (None, "") for v in values)
    ]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def parse_organisations(name: str, content: bytes) -> list[OrganisationRow]:
    table = read_table(name, content)
    if not table:
        raise ImportRefused([Refusal(1, _("The file holds no row."))])
    missing = [c for c in REQUIRED if c not in table[0]]
    if missing:
        raise ImportRefused(
            [Refusal(1, _("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})]
        )
    if len(table) > MAX_ROWS:
        raise ImportRefused([Refusal(0, _("At most %(n)d rows at a time.") % {"n": MAX_ROWS})])
    areas = set(EdtArea.objects.values_list("code", flat=True))
    rows: list[OrganisationRow] = []
    refusals: list[Refusal] = []
    seen: dict[tuple[str, str], int] = {}
    url = URLValidator()
    for number, cells in enumerate(table, start=2):
        reasons = []
        for column in REQUIRED:
            if not cells.get(column):
                reasons.append(_("%(column)s is empty.") % {"column": column})
        nation = cells.get("nation", "").upper()
        if nation and nation not in NATION_NAMES:
            reasons.append(_("“%(code)s” is not a known nation code.") % {"code": nation})
        kind = cells.get("kind", "").lower()
        if kind and kind not in OrganisationType.values:
            reasons.append(_("“%(kind)s” is not a kind of organisation.") % {"kind": kind})
        year = _whole(cells.get("year_founded", ""), 1800, 2100)
        if cells.get("year_founded") and year is None:
            reasons.append(_("year_founded must be a year between 1800 and 2100."))
        employees = _whole(cells.get("employees", ""), 0, 10_000_000)
        if cells.get("employees") and employees is None:
            reasons.append(_("employees must be a whole number."))
        website = cells.get("website", "")
        if website and not website.startswith(("http://", "https://")):
            website = f"https://{website}"
        if website:
            try:
                url(website)
            except ValidationError:
                reasons.append(_("“%(site)s” is not a web address.") % {"site": cells.get("website")})
        segment = cells.get("space_segment", "").lower()
        if segment and segment not in SpaceSegment.values:
            reasons.append(_("“%(segment)s” is not a space segment.") % {"segment": segment})
        codes = tuple(c.strip().lower() for c in cells.get("areas", "").split(";") if c.strip())
        unknown = [c for c in codes if c not in areas]
        if unknown:
            reasons.append(_("Unknown EDT areas: %(codes)s.") % {"codes": ", ".join(unknown)})
        legal_name = cells.get("legal_name", "")
        if len(legal_name) > 200:
            reasons.append(_("legal_name is longer than 200 characters."))
        key = (legal_name.lower(), nation)
        if legal_name and key in seen:
            reasons.append(_("The same name and nation as row %(row)d.") % {"row": seen[key]})
        seen.setdefault(key, number)
        if reasons:
            refusals.extend(Refusal(number, reason) for reason in reasons)
            continue
        assert year is not None and employees is not None
        rows.append(
            OrganisationRow(
                row=number,
                legal_name=legal_name,
                nation=nation,
                kind=kind,
                year_founded=year,
                employees=employees,
                website=website,
                space_segment=segment,
                areas=codes,
                capabilities=tuple(c.strip() for c in cells.get("capabilities", "").split(";") if c.strip()),
                description=cells.get("description", ""),
            )
        )
    if refusals:
        raise ImportRefused(refusals)
    return rows


def _whole(text: str, low: int, high: int) -> int | None:
    try:
        value = int(text)
    except ValueError:
        return None
    return value if low <= value <= high else None

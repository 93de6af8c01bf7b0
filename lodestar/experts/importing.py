"""Reading a CSV file of experts: every row checked before anything is saved.

`parse_experts_csv` touches no database: it returns either the rows, ready to save, or every error
found, each with its row number (the header is row 1), so that staff fix the file in one pass. The
saving, all or nothing, is `lodestar.experts.actions.check_import_experts`.

Format (UTF-8, comma-separated, a header row; column order is free):

    email,full_name,nation,pool,organisation,expertise,keywords,max_load,languages,areas

`email`, `full_name` and `nation` are required. `nation` is an ISO 3166 alpha-2 code (FR, DE...),
`pool` one of technical / business / operational, `max_load` a whole number from 0 to 100,
`languages` the languages reviewed in (en, fr) and `areas` EDT area codes, both separated by `;`.
An empty cell leaves an existing expert's value as it was (a new expert gets the default).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Collection
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from lodestar.core.errors import parse_id
from lodestar.core.nations import NATION_NAMES
from lodestar.experts.models import Expert

COLUMNS = (
    "email",
    "full_name",
    "nation",
    "pool",
    "organisation",
    "expertise",
    "keywords",
    "max_load",
    "languages",
    "areas",
)
REQUIRED = ("email", "full_name", "nation")
POOLS = tuple(Expert.Pool.values)
LANGUAGES = ("en", "fr")
MAX_ROWS = 5000
MAX_LOAD = 100
# Longest values the Expert model stores (reviews/models/experts.py).
LIMITS = {"email": 254, "full_name": 150, "organisation": 200, "keywords": 400}

_SEPARATORS = re.compile(r"[;,\s]+")


@dataclass(frozen=True)
class ExpertRow:
    """One valid row. Empty strings, `None` and empty tuples mean "not given" (keep or default)."""

    row: int
    email: str
    full_name: str
    nation: str
    pool: str = ""
    organisation: str = ""
    expertise: str = ""
    keywords: str = ""
    max_load: int | None = None
    languages: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()


@dataclass(frozen=True)
class RowError:
    row: int  # 0: the file as a whole
    message: str

    def __str__(self) -> str:
        if self.row == 0:
            return self.message
        return _("Row %(row)s: %(message)s") % {"row": self.row, "message": self.message}


@dataclass
class ParsedImport:
    rows: list[ExpertRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)


def _split(value: str) -> list[str]:
    return [part for part in _SEPARATORS.split(value.strip()) if part]


def parse_experts_csv(
    content: bytes | str, *, area_codes: Collection[str], max_rows: int = MAX_ROWS
) -> ParsedImport:
    """Check every row of `content`; `area_codes` are the EDT area codes that exist."""
    result = ParsedImport()
    if isinstance(content, bytes):
        try:
            text = content.decode("utf-8-sig")  # spreadsheets often write a byte-order mark
        except UnicodeDecodeError:
            result.errors.append(
                RowError(0, _("The file is not UTF-8 text. Save it as “CSV UTF-8” and try again."))
            )
            return result
    else:
        text = content.removeprefix("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        result.errors.append(RowError(0, _("The file is empty.")))
        return result
    except csv.Error as exc:
        result.errors.append(RowError(1, _("The header cannot be read (%(error)s).") % {"error": exc}))
        return result
    unknown = [h for h in header if h not in COLUMNS]
    missing = [c for c in REQUIRED if c not in header]
    if unknown:
        result.errors.append(
            RowError(
                1,
                _("unknown column(s) %(columns)s; the columns are %(known)s.")
                % {"columns": ", ".join(unknown), "known": ", ".join(COLUMNS)},
            )
        )
    if missing:
        result.errors.append(
            RowError(1, _("missing column(s) %(columns)s.") % {"columns": ", ".join(missing)})
        )
    if len(set(header)) != len(header):
        result.errors.append(RowError(1, _("a column appears twice in the header.")))
    if result.errors:
        return result

    areas = set(area_codes)
    first_row_of: dict[str, int] = {}
    seen = 0
    try:
        for number, cells in enumerate(reader, start=2):
            if not any(c.strip() for c in cells):
                continue
            seen += 1
            if seen > max_rows:
                result.errors.append(
                    RowError(number, _("a file holds at most %(n)s experts.") % {"n": max_rows})
                )
                break
            if len(cells) > len(header):
                result.errors.append(RowError(number, _("this row has more cells than the header.")))
                continue
            values = {name: (cells[i].strip() if i < len(cells) else "") for i, name in enumerate(header)}
            row_errors, row = _check_row(number, values, areas)
            if row is not None:
                earlier = first_row_of.get(row.email)
                if earlier is not None:
                    row_errors.append(
                        _("the e-mail address %(email)s already appears on row %(row)s.")
                        % {"email": row.email, "row": earlier}
                    )
                else:
                    first_row_of[row.email] = number
            if row_errors:
                result.errors.extend(RowError(number, message) for message in row_errors)
            elif row is not None:
                result.rows.append(row)
    except csv.Error as exc:
        result.errors.append(RowError(0, _("The file cannot be read as CSV (%(error)s).") % {"error": exc}))
    if not result.rows and not result.errors:
        result.errors.append(RowError(0, _("The file has a header but no expert.")))
    return result


def _check_row(number: int, v: dict[str, str], areas: set[str]) -> tuple[list[str], ExpertRow | None]:
    """The row's errors, and the row itself when its e-mail address is usable (for duplicate checks)."""
    errors: list[str] = []
    email = v.get("email", "").lower()
    usable_email = False
    if not email:
        errors.append(_("the e-mail address is missing."))
    else:
        try:
            validate_email(email)
        except ValidationError:
            errors.append(_("“%(value)s” is not a valid e-mail address.") % {"value": email})
        else:
            usable_email = True
    if not v.get("full_name"):
        errors.append(_("the full name is missing."))
    nation = v.get("nation", "").upper()
    if not nation:
        errors.append(_("the nation is missing."))
    elif nation not in NATION_NAMES:
        errors.append(
            _("“%(value)s” is not a known nation code (use two letters, e.g. FR or DE).") % {"value": nation}
        )
    pool = v.get("pool", "").lower()
    if pool and pool not in POOLS:
        errors.append(
            _("“%(value)s” is not a pool; use one of %(pools)s.") % {"value": pool, "pools": ", ".join(POOLS)}
        )
    max_load: int | None = None
    raw_load = v.get("max_load", "")
    if raw_load:
        if parse_id(raw_load) is None:
            errors.append(_("max_load “%(value)s” is not a whole number.") % {"value": raw_load})
        elif int(raw_load) > MAX_LOAD:
            errors.append(_("max_load must be at most %(n)s.") % {"n": MAX_LOAD})
        else:
            max_load = int(raw_load)
    languages = [code.lower() for code in _split(v.get("languages", ""))]
    wrong = [code for code in languages if code not in LANGUAGES]
    if wrong:
        errors.append(
            _("unknown review language(s) %(codes)s; use en and/or fr.") % {"codes": ", ".join(wrong)}
        )
    area_list = [code.lower() for code in _split(v.get("areas", ""))]
    wrong = [code for code in area_list if code not in areas]
    if wrong:
        errors.append(
            _("unknown EDT area code(s) %(codes)s; the codes are %(known)s.")
            % {"codes": ", ".join(wrong), "known": ", ".join(sorted(areas))}
        )
    for name, limit in LIMITS.items():
        if len(v.get(name, "")) > limit:
            errors.append(_("%(column)s is longer than %(n)s characters.") % {"column": name, "n": limit})
    row = ExpertRow(
        row=number,
        email=email,
        full_name=v.get("full_name", ""),
        nation=nation,
        pool=pool,
        organisation=v.get("organisation", ""),
        expertise=v.get("expertise", ""),
        keywords=v.get("keywords", ""),
        max_load=max_load,
        languages=tuple(dict.fromkeys(languages)),
        areas=tuple(dict.fromkeys(area_list)),
    )
    return errors, row if usable_email else None

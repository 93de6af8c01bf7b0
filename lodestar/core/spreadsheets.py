"""Cells of CSV and XLSX exports: text typed by applicants, made safe for spreadsheets."""

from __future__ import annotations

import re
from typing import Any

# What XML 1.0, and so XLSX, cannot hold: openpyxl raises on these (\x0b, \x1b, \x07...), which made
# one applicant's title break the whole call's export. Tab, line feed and carriage return are kept.
UNSTORABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: Any) -> Any:
    """`value` as an export cell: characters spreadsheets refuse removed, and a text a spreadsheet
    would run as a formula (=, +, -, @...) prefixed with an apostrophe (CSV/formula injection).
    Numbers, dates and None pass unchanged."""
    if not isinstance(value, str):
        return value
    value = UNSTORABLE.sub("", value)
    if value[:1] in FORMULA_STARTS:
        return "'" + value
    return value

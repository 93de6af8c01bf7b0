"""The fund's one door to the engine: cash-flow statements read from files or rows, turned into the
engine's plain data, and the figures turned back into something to print or show."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from lodestar.engine.fund_metrics import FundFigures, LedgerLine, figures

KINDS = ("call", "distribution", "nav")


class CashFlowError(ValueError):
    """A row of a cash-flow file that cannot be read; the message names its line."""


def read_cash_flows(lines: Iterable[str]) -> list[LedgerLine]:
    """Rows of `date,kind,amount` (ISO date; call, distribution or nav; a positive amount) after a
    header line saying exactly that. Line numbers in errors count the header as line 1."""
    reader = csv.reader(lines)
    header = next(reader, None)
    if header is None or [h.strip().lower() for h in header] != ["date", "kind", "amount"]:
        raise CashFlowError("line 1: the header must be 'date,kind,amount'")
    out = []
    for row in reader:
        number = reader.line_num
        if not row or all(not cell.strip() for cell in row):
            continue
        if len(row) != 3:
            raise CashFlowError(f"line {number}: expected 3 fields (date,kind,amount), found {len(row)}")
        raw_date, kind, raw_amount = (cell.strip() for cell in row)
        try:
            on = date.fromisoformat(raw_date)
        except ValueError:
            raise CashFlowError(f"line {number}: {raw_date!r} is not an ISO date (YYYY-MM-DD)") from None
        if kind not in KINDS:
            raise CashFlowError(f"line {number}: kind {kind!r} is not one of call, distribution, nav")
        try:
            amount = Decimal(raw_amount)
        except InvalidOperation:
            raise CashFlowError(f"line {number}: amount {raw_amount!r} is not a number") from None
        if not amount.is_finite() or amount < 0:
            raise CashFlowError(f"line {number}: amount {raw_amount!r} must be a positive number")
        out.append(LedgerLine(on, kind, amount))
    if not any(line.kind == "call" for line in out):
        raise CashFlowError("the file has no call: nothing was paid in, so no figure can be computed")
    return out


def figures_of(lines: list[LedgerLine]) -> FundFigures:
    return figures(lines)


def figures_as_json(result: FundFigures) -> dict[str, Any]:
    """The object `lodestar fund-metrics` prints; ratios as numbers, None (null) when undefined."""
    m = result.multiples

    def num(value: Decimal | None) -> float | None:
        return None if value is None else float(value)

    out: dict[str, Any] = {
        "irr": result.irr.rate,
        "tvpi": num(m.tvpi),
        "dpi": num(m.dpi),
        "rvpi": num(m.rvpi),
        "paid_in": float(m.paid_in),
        "distributed": float(m.distributed),
        "nav": float(m.nav),
    }
    if result.irr.reason:
        out["irr_note"] = result.irr.reason
    if len(result.irr.roots) > 1:
        out["irr_roots"] = list(result.irr.roots)
    return out

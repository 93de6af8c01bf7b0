"""Approved payment orders out: CSV and XLSX for finance, SEPA credit-transfer XML for the bank.

Names and references come from companies, so spreadsheet cells are defused against formula
injection as the application exports are. The SEPA file is built by sepaxml, which validates it
against the pain.001 schema; IBAN and BIC were checked on entry (banking.py) and are checked again
here, since a file the bank rejects is found out days later.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from sepaxml import SepaTransfer

from lodestar.core.spreadsheets import spreadsheet_cell
from lodestar.grants.banking import check_bank_details
from lodestar.grants.models import BankAccount, PaymentOrder


def safe_cell(value: Any) -> Any:
    """Unstorable characters removed, formulas neutralised (core/spreadsheets.py)."""
    return spreadsheet_cell(value)


def columns() -> list[str]:
    return [
        _("Reference"),
        _("Organisation"),
        _("Amount"),
        _("Currency"),
        _("Account holder"),
        _("IBAN"),
        _("BIC"),
        _("Approved on"),
        _("Approved by"),
    ]


def _account(order: PaymentOrder) -> BankAccount | None:
    try:
        return order.award.application.organisation.bank_account
    except BankAccount.DoesNotExist:
        return None


def rows(orders: Iterable[PaymentOrder]) -> list[list[Any]]:
    out = []
    for order in orders:
        account = _account(order)
        out.append(
            [
                order.reference,
                order.award.application.organisation.legal_name,
                order.amount,
                order.award.currency,
                account.holder if account else "",
                account.iban if account else "",
                account.bic if account else "",
                order.approved_at.date().isoformat() if order.approved_at else "",
                str(order.approved_by or ""),
            ]
        )
    return out


def as_csv(orders: Iterable[PaymentOrder]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns())
    for row in rows(orders):
        writer.writerow([safe_cell(str(v)) for v in row])
    return buffer.getvalue().encode("utf-8")


def as_xlsx(orders: Iterable[PaymentOrder]) -> bytes:
    from openpyxl import Workbook  # imported here: only exports need it

    book = Workbook()
    sheet = book.active
    sheet.title = _("Payments")[:31]
    sheet.append(columns())
    for row in rows(orders):
        sheet.append([safe_cell(v) if not isinstance(v, Decimal) else v for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def as_sepa(orders: Iterable[PaymentOrder], execution_date: dt.date) -> bytes:
    """One pain.001.001.03 credit transfer for `orders`; refuses an order in another currency than
    EUR or to an organisation without valid bank details, naming it."""
    payer = settings.GRANTS_PAYER
    transfer = SepaTransfer(
        {"name": payer["name"], "IBAN": payer["IBAN"], "BIC": payer["BIC"], "batch": True, "currency": "EUR"},
        clean=True,
    )
    count = 0
    for order in orders:
        name = order.award.application.organisation.legal_name
        if order.award.currency != "EUR":
            raise ValidationError(_("%(name)s: SEPA pays in euros only.") % {"name": name})
        account = _account(order)
        if account is None:
            raise ValidationError(_("%(name)s has no bank details yet.") % {"name": name})
        iban, bic = check_bank_details(account.iban, account.bic)
        transfer.add_payment(
            {
                "name": account.holder,
                "IBAN": iban,
                "BIC": bic,
                "amount": int(order.amount * 100),  # sepaxml counts in cents
                "execution_date": execution_date,
                "description": order.reference,
                "endtoend_id": order.reference.replace("-", "")[:35],
            }
        )
        count += 1
    if not count:
        raise ValidationError(_("There is no approved payment to export."))
    return bytes(transfer.export(validate=True))

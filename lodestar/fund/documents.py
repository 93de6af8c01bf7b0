"""A partner's notice as a PDF, in the partner's language (core/pdf.py)."""

from __future__ import annotations

from decimal import Decimal

from django.utils import formats, translation
from django.utils.translation import gettext as _

from lodestar.core.nations import nation_name
from lodestar.core.pdf import Facts, PdfDocument, Text, render_pdf
from lodestar.fund.models import CashEvent, Notice


def money(amount: Decimal, currency: str) -> str:
    return f"{formats.number_format(amount, 2, use_l10n=True, force_grouping=True)} {currency}"


def notice_pdf(notice: Notice) -> bytes:
    event, partner = notice.event, notice.partner
    fund = event.fund
    with translation.override(partner.language):
        is_call = event.kind == CashEvent.Kind.CALL
        title = _("Capital call notice") if is_call else _("Distribution notice")
        doc = PdfDocument(
            title=f"{title} {event.number}",
            subtitle=fund.name,
            language=partner.language,
            blocks=[
                Facts(
                    [
                        (_("Limited partner"), f"{partner.name} ({nation_name(partner.nation)})"),
                        (_("Commitment"), money(partner.commitment, fund.currency)),
                        (_("Date"), formats.date_format(event.on, "DATE_FORMAT")),
                        (_("Due date"), formats.date_format(event.due, "DATE_FORMAT")),
                        (_("Total of this notice for all partners"), money(event.amount, fund.currency)),
                        (_("Your share"), money(notice.amount, fund.currency)),
                        (_("Paid"), money(notice.paid, fund.currency)),
                    ]
                ),
                Text(_("Purpose: %(purpose)s") % {"purpose": event.purpose}),
                Text(
                    _(
                        "Each partner's share is proportional to its commitment, rounded to the cent; "
                        "the shares add up exactly to the total."
                    )
                ),
            ],
        )
        return render_pdf(doc)

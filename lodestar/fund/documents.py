"""A partner's notice as a PDF, in the partner's language (core/pdf.py)."""

from __future__ import annotations

from decimal import Decimal

from django.utils import formats, translation
from django.utils.translation import gettext as _

from lodestar.core.money import format_money
from lodestar.core.nations import nation_name
from lodestar.core.pdf import Facts, PdfDocument, Text, render_pdf
from lodestar.fund.models import CashEvent, Notice


def notice_pdf(notice: Notice) -> bytes:
    event, partner = notice.event, notice.partner
    fund = event.fund

    def sum_of(amount: Decimal) -> str:
        return format_money(amount, fund.currency, partner.language, cents=True)

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
                        (_("Commitment"), sum_of(partner.commitment)),
                        (_("Date"), formats.date_format(event.on, "DATE_FORMAT")),
                        (_("Due date"), formats.date_format(event.due, "DATE_FORMAT")),
                        (_("Total of this notice for all partners"), sum_of(event.amount)),
                        (_("Your share"), sum_of(notice.amount)),
                        (_("Paid"), sum_of(notice.paid)),
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

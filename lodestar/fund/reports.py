"""A partner nation's quarterly statement: its capital account for the quarter and since the start, in
ILPA's capital-account terms (commitment, contributions, management fees, distributions, unfunded
commitment, ending net asset value), its performance (TVPI, DPI, RVPI, IRR) and its share of the portfolio
by nation, EDT area and stage, as PDF in the partner's language and as XLSX."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils import formats, translation
from django.utils.translation import gettext as _

from lodestar.core.money import format_money
from lodestar.core.nations import nation_name
from lodestar.core.pdf import Facts, Grid, Heading, PdfDocument, Text, render_pdf
from lodestar.core.spreadsheets import spreadsheet_cell
from lodestar.fund.models import CashEvent, LimitedPartner, Notice
from lodestar.fund.performance import PartnerFigures, Snapshot, partner_figures_from, snapshot


def quarter_of(day: date) -> tuple[date, date]:
    """First and last day of the calendar quarter holding `day`."""
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = date(day.year, first_month, 1)
    end = date(day.year + (first_month + 2) // 12, (first_month + 2) % 12 + 1, 1)
    return start, date.fromordinal(end.toordinal() - 1)


@dataclass(frozen=True)
class Statement:
    partner: LimitedPartner
    start: date
    end: date
    contributions: Decimal
    contributions_to_date: Decimal
    fees: Decimal
    fees_to_date: Decimal
    distributions: Decimal
    distributions_to_date: Decimal
    called_to_date: Decimal
    unpaid: Decimal
    performance: PartnerFigures | None = None
    splits: dict[str, list[tuple[str, Decimal, float]]] | None = None

    @property
    def nav(self) -> Decimal | None:
        return None if self.performance is None else self.performance.nav

    @property
    def unfunded(self) -> Decimal:
        return self.partner.commitment - self.called_to_date

    @property
    def dpi(self) -> Decimal | None:
        paid = self.contributions_to_date
        return None if not paid else (self.distributions_to_date / paid).quantize(Decimal("0.0001"))


def _fee_share(notice: Notice) -> Decimal:
    event = notice.event
    return (
        (event.management_fee * notice.amount / event.amount).quantize(Decimal("0.01"))
        if event.amount
        else Decimal(0)
    )


def statement(partner: LimitedPartner, end: date, snap: Snapshot | None = None) -> Statement:
    """The partner's capital account for the quarter ending on or around `end` and since the start.
    Contributions count what the partner paid against calls dated up to the quarter's end. `snap`, the
    fund's portfolio at the quarter's end, is read once and shared when many partners are reported."""
    start, end = quarter_of(end)
    if snap is None or snap.as_of != end:
        snap = snapshot(partner.fund, end)
    notices: list[Notice] = list(partner.notices.filter(event__on__lte=end).select_related("event"))
    calls = [n for n in notices if n.event.kind == CashEvent.Kind.CALL]
    outs = [n for n in notices if n.event.kind == CashEvent.Kind.DISTRIBUTION]
    in_quarter = [n for n in calls if n.event.on >= start]
    return Statement(
        partner=partner,
        start=start,
        end=end,
        contributions=sum((n.paid for n in in_quarter), Decimal(0)),
        contributions_to_date=sum((n.paid for n in calls), Decimal(0)),
        fees=sum((_fee_share(n) for n in in_quarter), Decimal(0)),
        fees_to_date=sum((_fee_share(n) for n in calls), Decimal(0)),
        distributions=sum((n.amount for n in outs if n.event.on >= start), Decimal(0)),
        distributions_to_date=sum((n.amount for n in outs), Decimal(0)),
        called_to_date=sum((n.amount for n in calls), Decimal(0)),
        unpaid=sum((n.outstanding for n in calls), Decimal(0)),
        performance=partner_figures_from(partner, notices, snap),
        splits={
            key: [(label, (value * share).quantize(Decimal("0.01")), part) for label, value, part in rows]
            for key, rows in snap.splits.items()
        }
        if (share := (partner.commitment / snap.committed if snap.committed else Decimal(0)))
        else {},
    )


def _rows(s: Statement) -> list[tuple[str, Decimal, Decimal | None]]:
    """(label, this quarter, since the start) in ILPA's capital-account order."""
    return [
        (_("Commitment"), s.partner.commitment, None),
        (_("Contributions"), s.contributions, s.contributions_to_date),
        (_("of which management fees"), s.fees, s.fees_to_date),
        (_("Distributions"), s.distributions, s.distributions_to_date),
        (_("Called, not yet paid"), s.unpaid, None),
        (_("Unfunded commitment"), s.unfunded, None),
        *([(_("Net asset value at the end of the quarter"), s.nav, None)] if s.nav is not None else []),
    ]


def ratio(value: Decimal | None) -> str:
    return "—" if value is None else formats.number_format(value, 2) + "×"


def rate(value: float | None) -> str:
    return "—" if value is None else formats.number_format(round(value * 100, 2), 2) + " %"


def _performance(s: Statement) -> list[tuple[str, str]]:
    if s.performance is None:
        return []
    m, irr = s.performance.figures.multiples, s.performance.figures.irr
    return [
        (_("Total value to paid-in (TVPI)"), ratio(m.tvpi)),
        (_("Distributions to paid-in (DPI)"), ratio(m.dpi)),
        (_("Residual value to paid-in (RVPI)"), ratio(m.rvpi)),
        (
            _("Internal rate of return (IRR, net)"),
            rate(irr.rate) if irr.rate is not None else _("does not exist"),
        ),
    ]


def statement_pdf(s: Statement) -> bytes:
    fund = s.partner.fund
    with translation.override(s.partner.language):
        first, last = (formats.date_format(d, "SHORT_DATE_FORMAT") for d in (s.start, s.end))
        period = f"{first} – {last}"
        rows = [
            [
                label,
                format_money(q, fund.currency, s.partner.language, cents=True),
                format_money(c, fund.currency, s.partner.language, cents=True) if c is not None else "",
            ]
            for label, q, c in _rows(s)
        ]
        return render_pdf(
            PdfDocument(
                title=_("Quarterly statement"),
                subtitle=f"{fund.name} · {s.partner.name} ({nation_name(s.partner.nation)}) · {period}",
                language=s.partner.language,
                blocks=[
                    Heading(_("Capital account")),
                    Grid(
                        [_("Item"), _("This quarter"), _("Since the start")], rows, numeric=frozenset({1, 2})
                    ),
                    Facts(_performance(s)),
                    Text(
                        _(
                            "DPI is what has come back to the partner in cash divided by what it has "
                            "paid in; RVPI is its share of the net asset value divided by what it has "
                            "paid in; TVPI is their sum. The IRR is the annual rate (actual/365) that "
                            "sets the value of the partner's dated payments, distributions and ending "
                            "net asset value to zero."
                        )
                    ),
                    *_split_blocks(s),
                ],
            )
        )


def _split_blocks(s: Statement) -> list[Heading | Grid]:
    titles = {
        "nation": _("Share of the portfolio by nation"),
        "area": _("By EDT area"),
        "stage": _("By stage"),
    }
    fund = s.partner.fund
    blocks: list[Heading | Grid] = []
    for key, rows in (s.splits or {}).items():
        if not rows:
            continue
        label = (lambda c: nation_name(c)) if key == "nation" else (lambda c: c)
        blocks += [
            Heading(titles[key]),
            Grid(
                [_("Part"), _("Value (your share)"), _("Share")],
                [
                    [
                        label(name),
                        format_money(value, fund.currency, s.partner.language, cents=True),
                        rate(part),
                    ]
                    for name, value, part in rows
                ],
                numeric=frozenset({1, 2}),
            ),
        ]
    return blocks


# ILPA quarterly reporting template, capital account statement: the columns that these data fill.
XLSX_COLUMNS = (
    "Limited partner",
    "Nation",
    "Period start",
    "Period end",
    "Currency",
    "Total commitment",
    "Contributions (period)",
    "Contributions (inception to date)",
    "Management fees (period)",
    "Management fees (inception to date)",
    "Distributions (period)",
    "Distributions (inception to date)",
    "Unfunded commitment",
    "Called, unpaid",
    "Ending NAV",
    "TVPI",
    "DPI",
    "RVPI",
    "Net IRR",
)


def statement_xlsx(s: Statement) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Capital account"
    sheet.append(list(XLSX_COLUMNS))
    sheet.append(
        [
            spreadsheet_cell(s.partner.name),
            s.partner.nation,
            s.start,
            s.end,
            s.partner.fund.currency,
            s.partner.commitment,
            s.contributions,
            s.contributions_to_date,
            s.fees,
            s.fees_to_date,
            s.distributions,
            s.distributions_to_date,
            s.unfunded,
            s.unpaid,
            s.nav,
            *_ratios_for_sheet(s),
        ]
    )
    for cell in sheet[2][5:]:
        cell.number_format = "#,##0.00"
    if s.splits:
        split_sheet = book.create_sheet("Portfolio split")
        split_sheet.append(["Dimension", "Part", "Value (partner's share)", "Share of portfolio"])
        for key, rows in s.splits.items():
            for name, value, part in rows:
                split_sheet.append([key, name, value, part])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _ratios_for_sheet(s: Statement) -> list[float | None]:
    if s.performance is None:
        return [None, None, None, None]
    m = s.performance.figures.multiples
    return [
        *(None if v is None else float(v) for v in (m.tvpi, m.dpi, m.rvpi)),
        s.performance.figures.irr.rate,
    ]

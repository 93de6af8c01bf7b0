"""The agreement as a bilingual PDF: the English text, then the French, from one template of blocks.

Both languages go into one document because both parties sign one thing; each half is built under
`translation.override`, so the template is the gettext catalogue and nothing is written twice.
Dates and amounts are written in a fixed form (ISO dates, amounts with two decimals) so that the same
agreement gives the same bytes and the same SHA-256 whoever generates it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from lodestar.core.pdf import Block, Facts, Grid, Heading, PdfDocument, Signatures, Text, render_pdf
from lodestar.grants.models import Award, Milestone, Phase, Tranche


def _money(amount: object, currency: str) -> str:
    return f"{currency} {amount:,.2f}".replace(",", " ")


@dataclass(frozen=True)
class _Terms:
    """The award's call, programme, phases, milestones and tranches, read once for both halves."""

    call: Any
    programme: Any
    phases: list[Phase]
    milestones: list[Milestone]
    tranches: list[Tranche]


def _half(award: Award, version: int, note: str, terms: _Terms) -> list[Block]:
    org = award.organisation
    call = terms.call
    blocks: list[Block] = [
        Heading(_("Grant agreement, version %(n)d") % {"n": version}),
        Facts(
            [
                (_("Programme"), str(terms.programme)),
                (_("Call"), str(call)),
                (_("Grantee"), org.legal_name),
                (_("Amount"), _money(award.amount, award.currency)),
                (_("Period"), f"{award.starts_on.isoformat()} – {award.ends_on.isoformat()}"),
            ]
        ),
        Text(
            _(
                "The programme grants the amount above to the grantee for the project of its application. "
                "The programme takes no equity in the grantee and no rights in its intellectual property."
            )
        ),
    ]
    if note:
        blocks.append(Text(_("Amendment: %(note)s") % {"note": note}))
    phases = terms.phases
    if phases:
        blocks += [
            Heading(_("Phases and budgets")),
            Grid(
                [_("Phase"), _("From"), _("To"), _("Budget")],
                [
                    [p.name, p.starts_on.isoformat(), p.ends_on.isoformat(), _money(p.budget, award.currency)]
                    for p in phases
                ],
                numeric=frozenset({3}),
            ),
        ]
    milestones = terms.milestones
    if milestones:
        blocks += [
            Heading(_("Milestones")),
            Grid(
                [_("No."), _("Milestone"), _("Due on")],
                [[str(m.number), m.title, m.due_on.isoformat()] for m in milestones],
            ),
        ]
    tranches = terms.tranches
    if tranches:
        blocks += [
            Heading(_("Payments")),
            Grid(
                [_("Share"), _("Condition"), _("Amount")],
                [
                    [
                        f"{t.percent} %",
                        str(t.get_trigger_display()) + (f" {t.milestone.number}" if t.milestone else ""),
                        _money(t.amount, award.currency),
                    ]
                    for t in tranches
                ],
                numeric=frozenset({2}),
            ),
        ]
    blocks.append(
        Signatures(
            [(_("For the grantee"), org.legal_name), (_("For the programme"), _("Programme director"))]
        )
    )
    return blocks


def agreement_pdf(award: Award, version: int, note: str = "") -> bytes:
    blocks: list[Block] = []
    call = award.call
    terms = _Terms(
        call,
        call.programme,
        list(award.phases.order_by("number")),
        list(award.milestones.order_by("number")),
        list(award.tranches.select_related("milestone").order_by("number")),
    )
    for language in ("en", "fr"):
        with translation.override(language):
            blocks += _half(award, version, note, terms)
    return render_pdf(
        PdfDocument(
            title=f"Grant agreement / Convention de subvention — {award.organisation.legal_name}",
            blocks=blocks,
            language="en",
            subtitle=f"v{version}",
        )
    )

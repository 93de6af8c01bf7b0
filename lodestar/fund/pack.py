"""The committee pack of a meeting, as PDF in the reader's language: the company and the deal, the
due-diligence checklist with its evidence, the ownership findings with how each was cleared, and who
sits at the meeting (recused members and why). The team's notes on the deal are not in it: they are
read by the fund team only."""

from __future__ import annotations

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from lodestar.core.nations import nation_name
from lodestar.core.pdf import Facts, Grid, Heading, PdfDocument, Text, render_pdf
from lodestar.fund import workflow as wf
from lodestar.fund.models import DiligenceItem, Meeting


def committee_pack(meeting: Meeting, language: str) -> bytes:
    deal = meeting.deal
    org = deal.organisation
    today = timezone.localdate()
    items = list(deal.diligence.select_related("owner", "document"))
    findings = list(deal.findings.exclude(status=wf.FindingStatus.SUPERSEDED))
    seats = list(meeting.seats.select_related("member"))

    def item_state(item: DiligenceItem) -> str:
        return _("expired") if item.expired(today) else str(item.get_status_display())

    blocks: list[Heading | Text | Facts | Grid] = [
        Heading(_("The company")),
        Facts(
            [
                (_("Company"), org.legal_name),
                (_("Nation"), nation_name(org.headquarters_nation)),
                (_("Round"), str(deal.get_stage_display())),
                (_("Source"), str(deal.get_source_display())),
                (_("Date of the meeting"), formats.date_format(meeting.held_on, "DATE_FORMAT")),
                (_("Quorum"), str(meeting.quorum)),
            ]
        ),
        Text(org.description or "—"),
        Heading(_("Due diligence")),
        Grid(
            [_("Area"), _("Item"), _("Status"), _("Evidence")],
            [
                [
                    str(i.get_area_display()),
                    i.title + (" *" if i.required else ""),
                    item_state(i),
                    i.evidence or "—",
                ]
                for i in items
            ]
            or [["—", _("No checklist item."), "", ""]],
        ),
        Text(_("* required before the committee.")),
        Heading(_("Ownership screening")),
        Grid(
            [_("Finding"), _("Status"), _("Note")],
            [
                [f"{f.get_kind_display()}: {f.explanation}", str(f.get_status_display()), f.note or "—"]
                for f in findings
            ]
            or [[_("No finding."), "", ""]],
        ),
        Heading(_("Members")),
        Grid(
            [_("Member"), _("Seat")],
            [
                [str(s.member), _("Recused: %(why)s") % {"why": s.conflict} if s.recused else _("Votes")]
                for s in seats
            ],
        ),
    ]
    return render_pdf(
        PdfDocument(
            title=_("Committee pack"),
            subtitle=f"{org.legal_name} · {formats.date_format(meeting.held_on, 'DATE_FORMAT')}",
            language=language,
            blocks=blocks,
        )
    )

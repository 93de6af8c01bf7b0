"""What the fund team does on a deal besides moving it: notes, tasks with owners and due dates, the
private data room, the due-diligence checklist (owners, evidence, expiry, waivers), and merging a
duplicate deal into the one kept with nothing lost. Actions never see the request; each runs in one
transaction with the rows it changes locked."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from pathlib import PurePosixPath
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lodestar.core.permissions import may_act
from lodestar.core.roles import FUND_TEAM
from lodestar.core.workflow import ACTION_LABELS, record, transition
from lodestar.fund import workflow as wf
from lodestar.fund.actions import require_fund_team
from lodestar.fund.models import (
    ChecklistTemplate,
    Deal,
    DealDocument,
    DealNote,
    DealTask,
    DiligenceItem,
    Finding,
    Fund,
    Meeting,
)
from lodestar.fund.models.dealroom import Area

ACTION_LABELS["fund:note_added"] = gettext_lazy("Note added")
ACTION_LABELS["fund:task_added"] = gettext_lazy("Task added")
ACTION_LABELS["fund:document_added"] = gettext_lazy("Document added to the data room")
ACTION_LABELS["fund:item_assigned"] = gettext_lazy("Checklist item assigned")
ACTION_LABELS["fund:template_added"] = gettext_lazy("Checklist template item added")
ACTION_LABELS["fund:deal_merged"] = gettext_lazy("Duplicate deal merged in")

# What the data room accepts, by extension, and how each kind of file starts (its magic number), so a
# renamed executable is refused. Office files are ZIP containers.
_ZIP = b"PK\x03\x04"
DATA_ROOM_TYPES: dict[str, tuple[bytes, ...]] = {
    ".pdf": (b"%PDF-",),
    ".docx": (_ZIP,),
    ".xlsx": (_ZIP,),
    ".pptx": (_ZIP,),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".csv": (),
    ".txt": (),
}
_TEXT_TYPES = {".csv", ".txt"}


def _live(deal: Deal) -> Deal:
    """The deal locked, refused when it was merged into another (its papers live there now)."""
    locked = Deal.objects.select_for_update().get(pk=deal.pk)
    if locked.status == wf.DealStatus.MERGED:
        raise ValidationError(_("This deal was merged into another; work on the kept deal."))
    return locked


def _require_team_member(user: Any, fund: Fund) -> None:
    if user is None or not may_act(user, FUND_TEAM, fund):
        raise ValidationError(_("The owner must be a member of the fund team."))


# --- Notes and tasks ------------------------------------------------------------------------------


def check_add_note(deal: Deal, text: str, actor: Any) -> DealNote:
    """A note on the deal, read by the fund team only."""
    require_fund_team(actor, deal)
    text = text.strip()
    if not text:
        raise ValidationError(_("Write the note first."))
    if len(text) > 4000:
        raise ValidationError(_("A note may be at most 4,000 characters."))
    with transaction.atomic():
        deal = _live(deal)
        note = DealNote.objects.create(deal=deal, author=actor, text=text)
        record(deal, action="fund:note_added", actor=actor, note=text[:200])
    return note


def check_add_task(deal: Deal, title: str, owner: Any, due: date, actor: Any) -> DealTask:
    """A task on the deal for one member of the fund team, due on a date."""
    require_fund_team(actor, deal)
    title = title.strip()
    if not title:
        raise ValidationError(_("Say what the task is."))
    with transaction.atomic():
        deal = _live(deal)
        _require_team_member(owner, deal.fund)
        task = DealTask.objects.create(deal=deal, title=title, owner=owner, due=due, created_by=actor)
        record(deal, action="fund:task_added", actor=actor, note=f"{title} · {owner} · {due.isoformat()}")
    return task


def check_set_task_status(task: DealTask, to: str, actor: Any) -> DealTask:
    """Mark a task done, or open it again."""
    require_fund_team(actor, task)
    with transaction.atomic():
        task = DealTask.objects.select_for_update().get(pk=task.pk)
        transition(task, to, actor)
    return task


# --- The data room --------------------------------------------------------------------------------


def check_upload(upload: Any) -> str:
    """Refuse a file the data room does not take (kind, size, content not matching its name); return
    its SHA-256."""
    suffix = PurePosixPath(upload.name or "").suffix.lower()
    if suffix not in DATA_ROOM_TYPES:
        raise ValidationError(
            _(
                "“%(name)s” cannot go in the data room: use PDF, Word, Excel, PowerPoint, CSV, "
                "text, PNG or JPEG."
            )
            % {"name": upload.name}
        )
    limit = settings.ATTACHMENT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s; documents may be at most %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."))
    upload.seek(0)
    head = upload.read(1024)
    magics = DATA_ROOM_TYPES[suffix]
    if magics and not any(head.startswith(m) or (m == b"%PDF-" and m in head) for m in magics):
        raise ValidationError(_("“%(name)s” is not what its name says it is.") % {"name": upload.name})
    if suffix in _TEXT_TYPES and b"\x00" in head:
        raise ValidationError(_("“%(name)s” is not a text file.") % {"name": upload.name})
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def check_add_document(deal: Deal, upload: Any, description: str, actor: Any) -> DealDocument:
    """A file into the deal's data room (private storage; served only to the deal's fund team)."""
    require_fund_team(actor, deal)
    digest = check_upload(upload)
    with transaction.atomic():
        deal = _live(deal)
        document = DealDocument(
            deal=deal,
            original_name=PurePosixPath(upload.name).name[-200:],
            description=description.strip()[:300],
            size=upload.size,
            sha256=digest,
            uploaded_by=actor,
        )
        document.file.save(PurePosixPath(upload.name).name[-100:], upload, save=False)
        document.save()
        record(deal, action="fund:document_added", actor=actor, note=document.original_name)
    return document


# --- The due-diligence checklist ------------------------------------------------------------------


def check_add_template(
    fund: Fund,
    area: str,
    title: str,
    actor: Any,
    *,
    guidance: str = "",
    required: bool = True,
    valid_days: int | None = None,
    rounds: list[str] | None = None,
) -> ChecklistTemplate:
    """An item of the fund's checklist; deals entering due diligence from now on get it (and those
    in due diligence already, when the team opens their checklist again)."""
    require_fund_team(actor, fund)
    if area not in Area.values:
        raise ValidationError(_("Choose legal, technical, financial or security."))
    if not title.strip():
        raise ValidationError(_("Name the checklist item."))
    if any(r not in Deal.Stage.values for r in rounds or []):
        raise ValidationError(_("Unknown round."))
    position = fund.checklist.filter(area=area).count()
    template = ChecklistTemplate.objects.create(
        fund=fund,
        area=area,
        title=title.strip(),
        guidance=guidance.strip(),
        required=required,
        valid_days=valid_days,
        rounds=list(rounds or []),
        position=position,
    )
    record(fund, action="fund:template_added", actor=actor, note=str(template))
    return template


def check_assign_item(item: DiligenceItem, owner: Any, actor: Any) -> DiligenceItem:
    require_fund_team(actor, item)
    with transaction.atomic():
        item = DiligenceItem.objects.select_for_update().select_related("deal__fund").get(pk=item.pk)
        _require_team_member(owner, item.deal.fund)
        item.owner = owner
        item.save(update_fields=["owner"])
        record(item, action="fund:item_assigned", actor=actor, note=str(owner))
    return item


def check_complete_item(
    item: DiligenceItem,
    evidence: str,
    actor: Any,
    document: DealDocument | None = None,
    today: date | None = None,
) -> DiligenceItem:
    """Record the evidence of an item (words, and optionally a document of the same deal's data room):
    it is done, and expires after the template's number of days."""
    require_fund_team(actor, item)
    evidence = evidence.strip()
    if not evidence:
        raise ValidationError(_("Describe the evidence."))
    if document is not None and document.deal_id != item.deal_id:
        raise ValidationError(_("The document must be in this deal's data room."))
    today = today or timezone.localdate()
    with transaction.atomic():
        item = DiligenceItem.objects.select_for_update().get(pk=item.pk)
        item.evidence, item.document, item.done_on = evidence, document, today
        item.expires_on = today + timedelta(days=item.valid_days) if item.valid_days else None
        transition(
            item,
            wf.ItemStatus.DONE,
            actor,
            note=evidence[:200],
            also_save=["evidence", "document", "done_on", "expires_on"],
        )
    return item


def check_waive_item(item: DiligenceItem, reason: str, actor: Any) -> DiligenceItem:
    """Waive an item that is not required, saying why (the reason is its evidence)."""
    require_fund_team(actor, item)
    if not reason.strip():
        raise ValidationError(_("Say why the item is waived."))
    with transaction.atomic():
        item = DiligenceItem.objects.select_for_update().get(pk=item.pk)
        if item.required:
            raise ValidationError(_("A required item cannot be waived: record its evidence."))
        item.evidence = reason.strip()
        transition(item, wf.ItemStatus.WAIVED, actor, note=item.evidence[:200], also_save=["evidence"])
    return item


def check_reopen_item(item: DiligenceItem, actor: Any, note: str = "") -> DiligenceItem:
    """Open an item again (expired evidence to renew, a waiver taken back); its old evidence stays in
    the audit trail."""
    require_fund_team(actor, item)
    with transaction.atomic():
        item = DiligenceItem.objects.select_for_update().get(pk=item.pk)
        item.done_on = item.expires_on = None
        transition(item, wf.ItemStatus.OPEN, actor, note=note, also_save=["done_on", "expires_on"])
    return item


# --- Merging duplicates ---------------------------------------------------------------------------


def check_merge_deals(kept: Deal, duplicate: Deal, actor: Any, note: str = "") -> Deal:
    """`duplicate` is the same company as `kept`: its notes, tasks, data room, checklist, findings and
    committee meetings (with their seats and votes) move to `kept`; the duplicate stays, merged and
    read-only, pointing at `kept`, with its own audit trail. Both rows are locked (lower id first, so
    two merges at once cannot deadlock)."""
    require_fund_team(actor, kept)
    if kept.pk == duplicate.pk:
        raise ValidationError(_("A deal cannot be merged into itself."))
    with transaction.atomic():
        locked = {
            d.pk: d
            for d in Deal.objects.select_for_update().filter(pk__in=[kept.pk, duplicate.pk]).order_by("pk")
        }
        kept, duplicate = locked[kept.pk], locked[duplicate.pk]
        if kept.fund_id != duplicate.fund_id:
            raise ValidationError(_("Both deals must be on the same fund's board."))
        if kept.status == wf.DealStatus.MERGED:
            raise ValidationError(_("The deal to keep was itself merged into another."))
        if duplicate.status not in wf.ACTIVE | {wf.DealStatus.PASSED}:
            raise ValidationError(_("Only a deal still on the board or passed can be merged into another."))
        moved = {
            "notes": DealNote.objects.filter(deal=duplicate).update(deal=kept),
            "tasks": DealTask.objects.filter(deal=duplicate).update(deal=kept),
            "documents": DealDocument.objects.filter(deal=duplicate).update(deal=kept),
            "findings": Finding.objects.filter(deal=duplicate).update(deal=kept),
            "meetings": Meeting.objects.filter(deal=duplicate).update(deal=kept),
            "checklist": _merge_checklists(kept, duplicate),
        }
        fill = [f for f in ("owner_id", "sector") if not getattr(kept, f) and getattr(duplicate, f)]
        for field in fill:
            setattr(kept, field, getattr(duplicate, field))
        if fill:
            kept.save(update_fields=[f.removesuffix("_id") for f in fill])
        duplicate.merged_into = kept
        transition(
            duplicate,
            wf.DealStatus.MERGED,
            actor,
            note=_("Merged into %(kept)s (#%(id)d). %(note)s") % {"kept": kept, "id": kept.pk, "note": note},
            also_save=["merged_into"],
        )
        summary = ", ".join(f"{name} {count}" for name, count in moved.items())
        record(
            kept,
            action="fund:deal_merged",
            actor=actor,
            note=f"{duplicate} (#{duplicate.pk}): {summary}. {note}".strip(),
        )
    return kept


def _merge_checklists(kept: Deal, duplicate: Deal) -> int:
    """Move the duplicate's checklist items over. Where both deals hold an item of the same template, an
    open item with no evidence is dropped in favour of the other (nothing is lost with it); two items
    that both carry evidence are both kept."""
    mine = {i.template_id: i for i in kept.diligence.exclude(template=None)}
    moved = 0
    for item in duplicate.diligence.all():
        twin = mine.get(item.template_id) if item.template_id else None
        if twin is not None and _empty(item):
            item.delete()
            continue
        if twin is not None and _empty(twin):
            twin.delete()
        item.deal = kept
        item.save(update_fields=["deal"])
        moved += 1
    return moved


def _empty(item: DiligenceItem) -> bool:
    return item.status == wf.ItemStatus.OPEN and not item.evidence and item.document_id is None

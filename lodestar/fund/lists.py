"""Screening lists imported from files, and the background job that screens the pipeline and the
portfolio again when a list changes.

Two formats: CSV with a header holding `name` (and optionally `id` and `aliases`, aliases separated by
`;`), and the FollowTheMoney JSON lines that public sanctions data is published in (OpenSanctions and
others): one entity a line, `{"id", "schema", "properties": {"name": [...], "alias": [...]}}`. Only the
schemas that name a party (Person, Organization, Company, LegalEntity, PublicBody) are kept; addresses,
sanctions and other statements are not names and are skipped.

The `followthemoney` library is not used: reading this format takes the `json` module and a dozen
lines, while the library brings its whole data model (schemata, a type system, and compiled
dependencies such as PyICU) to read two properties. It would be worth it to validate or write FtM data,
which Lodestar does not do.

A list is replaced as a whole in one transaction (its old names go only when the new ones are in), then
a job screens every deal on the board and in the portfolio again. Screening is idempotent: an open
finding that is raised again stays as it was, a cleared one is not raised again, so running the job
twice changes nothing the second time."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from lodestar.core.jobs import Progress, job_runner, start_job
from lodestar.core.models import Job
from lodestar.core.permissions import may_act
from lodestar.core.roles import FUND_TEAM
from lodestar.core.workflow import ACTION_LABELS, record
from lodestar.fund import workflow as wf
from lodestar.fund.actions import do_screen_deal, require_fund_team
from lodestar.fund.models import Deal, Fund, ListedName

ACTION_LABELS["fund:list_imported"] = gettext_lazy("Screening list imported")

PARTY_SCHEMAS = frozenset({"Person", "Organization", "Company", "LegalEntity", "PublicBody"})
MAX_NAMES = 500_000
RESCREEN = "fund_rescreen"
RESCREEN_CHANGES = "fund_rescreen_changes"  # after a change of shareholders (fund/rescreen.py)


def read_csv_list(text: str) -> list[tuple[str, str]]:
    """(entry id, name) rows, one per name and alias; a row without an id gets its line number."""
    reader = csv.DictReader(io.StringIO(text))
    fields = [f.strip().lower() for f in reader.fieldnames or []]
    if "name" not in fields:
        raise ValidationError(
            _("Line 1: the header must have a “name” column (and may have “id” and “aliases”).")
        )
    reader.fieldnames = fields
    out: list[tuple[str, str]] = []
    for row in reader:
        line = reader.line_num
        name = (row.get("name") or "").strip()
        if not name:
            raise ValidationError(_("Line %(line)d: the name is empty.") % {"line": line})
        entry = (row.get("id") or "").strip() or f"line-{line}"
        out.append((entry[:100], name[:300]))
        for alias in (row.get("aliases") or "").split(";"):
            if alias.strip():
                out.append((entry[:100], alias.strip()[:300]))
    return out


def read_ftm_list(text: str) -> list[tuple[str, str]]:
    """(entity id, name) rows from FollowTheMoney JSON lines: every name and alias of every party."""
    out: list[tuple[str, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entity = json.loads(line)
        except json.JSONDecodeError:
            raise ValidationError(_("Line %(line)d is not a JSON object.") % {"line": number}) from None
        if not isinstance(entity, dict) or not isinstance(entity.get("properties", {}), dict):
            raise ValidationError(_("Line %(line)d is not a FollowTheMoney entity.") % {"line": number})
        if entity.get("schema") not in PARTY_SCHEMAS:
            continue
        entry = str(entity.get("id") or f"line-{number}")[:100]
        props = entity.get("properties", {})
        names = [
            n for key in ("name", "alias") for n in props.get(key, []) if isinstance(n, str) and n.strip()
        ]
        if not names:
            raise ValidationError(_("Line %(line)d: the entity has no name.") % {"line": number})
        out += [(entry, n.strip()[:300]) for n in names]
    return out


def check_import_list(fund: Fund, list_name: str, fmt: str, data: bytes, actor: Any) -> tuple[int, Job]:
    """Replace the names of `list_name` with those of the file, then start the re-screening job.
    Nothing is changed when the file cannot be read (the error names its line)."""
    require_fund_team(actor, fund)
    list_name = list_name.strip()[:100]
    if not list_name:
        raise ValidationError(_("Name the list."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(_("The file must be UTF-8 text.")) from None
    if fmt == "csv":
        rows = read_csv_list(text)
    elif fmt == "ftm":
        rows = read_ftm_list(text)
    else:
        raise ValidationError(_("Choose CSV or FollowTheMoney JSON lines."))
    if not rows:
        raise ValidationError(_("The file holds no name."))
    if len(rows) > MAX_NAMES:
        raise ValidationError(_("A list may hold at most %(n)s names.") % {"n": f"{MAX_NAMES:,}"})
    with transaction.atomic():
        Fund.objects.select_for_update().get(pk=fund.pk)  # one import of a list at a time
        ListedName.objects.filter(list_name=list_name).delete()
        ListedName.objects.bulk_create(
            (ListedName(list_name=list_name, entry_id=e, name=n) for e, n in rows), batch_size=5000
        )
        record(fund, action="fund:list_imported", actor=actor, note=f"{list_name}: {len(rows)}")
    return len(rows), start_rescreen(fund, actor)


def start_rescreen(fund: Fund, actor: Any) -> Job:
    return start_job(
        RESCREEN, gettext_noop("Screening the pipeline and the portfolio again"), {"fund": fund.pk}, actor
    )


@job_runner(RESCREEN)
def rescreen(job: Job, progress: Progress) -> dict[str, Any]:
    """Screen again every deal on the board (not passed or merged) and in the portfolio."""
    deals = list(
        Deal.objects.filter(fund_id=job.params["fund"], status__in=[*wf.ACTIVE, wf.DealStatus.PORTFOLIO])
        .select_related("fund", "organisation")
        .order_by("pk")
    )
    raised = 0
    for n, deal in enumerate(deals):
        raised += len(do_screen_deal(deal, job.created_by))
        if n % 20 == 0:
            progress(n, len(deals), gettext_noop("Screening deals"))
    return {"deals": len(deals), "new_findings": raised}


def fund_job_reader(user: Any, job: Job) -> bool:
    """The fund team of the job's fund follows its re-screening (after a list or a change of holders)."""
    if job.kind not in (RESCREEN, RESCREEN_CHANGES):
        return False
    fund = Fund.objects.filter(pk=job.params.get("fund")).first()
    return fund is not None and may_act(user, FUND_TEAM, fund)

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from lodestar.core.workflow import ACTION_LABELS, record
from lodestar.programmes.eligibility import DEFAULT_RULES
from lodestar.programmes.models import Call, EligibilityRule

ACTION_LABELS["call:created"] = _("Call created")


@transaction.atomic
def do_create_call(actor: Any, **fields: Any) -> Call:
    """Create a call with the accelerator's default eligibility rules (each can be edited later)."""
    call = Call(**fields)
    call.full_clean()
    call.save()
    EligibilityRule.objects.bulk_create(
        EligibilityRule(call=call, code=code, when_failed=outcome, message_en=en, message_fr=fr, position=i)
        for i, (code, outcome, en, fr) in enumerate(DEFAULT_RULES, start=1)
    )
    record(call, action="call:created", actor=actor)
    return call

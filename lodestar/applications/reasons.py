"""What an applicant reads about its own application's eligibility, in the reader's language: the
verdict the rules give a draft before it is sent, and the reasons of a "not eligible" decision.

Only what the applicant may read: the rules' own messages (the call's published criteria) and a
screening note that staff chose to share. An internal note never appears here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from lodestar.applications import workflow as wf
from lodestar.applications.models import Application
from lodestar.core.i18n import current_language
from lodestar.core.models import Audience
from lodestar.core.workflow import describe_note, history
from lodestar.programmes import eligibility
from lodestar.programmes.models import EligibilityRule


@dataclass(frozen=True)
class Verdict:
    code: str  # "eligible", "review" or "ineligible" (eligibility.Verdict)
    label: str
    messages: list[str]  # the message of each rule not met, with its detail


def _message(outcome: dict[str, Any]) -> str:
    text = outcome.get("message_fr" if current_language() == "fr" else "message_en") or outcome.get(
        "message_en", ""
    )
    detail = eligibility.describe(outcome)
    return f"{text} ({detail})" if detail else str(text)


def eligibility_preview(application: Application) -> Verdict:
    """The verdict the call's rules give the draft as it stands, before it is sent: the applicant
    sees a refusal (and a flag for staff review) with the rule's message while it can still act."""
    report = eligibility.evaluate(application.call, application.organisation, application.requested_amount)
    messages = [_message(outcome.__dict__) for outcome in report.outcomes if not outcome.met]
    return Verdict(report.verdict, str(eligibility.Verdict(report.verdict).label), messages)


def ineligibility_reasons(application: Application) -> list[str]:
    """Why the application was found not eligible, for the applicant: each refusing rule's message,
    then the screening note if staff shared it. Empty for an application in any other state."""
    if application.status != wf.INELIGIBLE:
        return []
    reasons = [
        _message(outcome)
        for outcome in application.eligibility_report or []
        if not outcome.get("met", True) and outcome.get("outcome") == EligibilityRule.Outcome.REFUSE
    ]
    decision = (
        history(application).filter(action=f"application:{wf.INELIGIBLE}", audience=Audience.SHARED).first()
    )
    if decision is not None and (note := describe_note(decision, shared_only=True)):
        reasons.append(_("From the programme team: %(note)s") % {"note": note})
    return reasons

"""The decision letters before they go out: each member of an organisation reads, in their own
language, exactly what the confirmation will send them (`actions.decision_letter` is the one recipe
of both, `core.mail.render_letter` the one writer)."""

from __future__ import annotations

from lodestar.applications import workflow as wf
from lodestar.applications.models import Application
from lodestar.core.mail import Rendered, letters_about, render_letter
from lodestar.core.models import Letter
from lodestar.organisations.models import Membership
from lodestar.reviews.models.rules import review_rules
from lodestar.selection import engine_adapter as adapter
from lodestar.selection.actions import LETTER_TEMPLATES, decision_letter, submitted_reviews
from lodestar.selection.models import Selection, SelectionEntry

PREVIEW_CHOICES = 5  # applications offered on each side of the line


def will_be_selected(entry: SelectionEntry) -> bool:
    """Which letter the application gets: its decision once confirmed, the run's choice before."""
    status = entry.application.status
    if status in (wf.SELECTED, wf.REJECTED):
        return status == wf.SELECTED
    return entry.chosen


def preview_decision_letters(selection: Selection, entry: SelectionEntry) -> list[Rendered]:
    """The decision letter of `entry`'s application as each member of its organisation will read it."""
    application = entry.application
    setup = review_rules(selection.call)
    reviews = submitted_reviews([application.pk]) if setup.share_comments else {}
    grant = adapter.default_grant(selection.call)
    members = Membership.objects.filter(organisation_id=application.organisation_id).select_related("user")
    previews = []
    for membership in members.order_by("user__email"):
        user = membership.user
        template, context = decision_letter(
            application, will_be_selected(entry), setup, grant, reviews, user.language
        )
        previews.append(render_letter(user, template, context))
    return previews


def sent_decision_letters(application: Application) -> list[Letter]:
    """The decision letters already written about `application` (sent or refused by the mail server)."""
    return list(letters_about(application).filter(template__in=LETTER_TEMPLATES))


def preview_choices(selection: Selection) -> list[SelectionEntry]:
    """A few applications on each side of the line, best ranked first, to preview the two letters."""
    entries = selection.entries.select_related("application").order_by("rank")
    return [
        *entries.filter(chosen=True)[:PREVIEW_CHOICES],
        *entries.filter(chosen=False)[:PREVIEW_CHOICES],
    ]

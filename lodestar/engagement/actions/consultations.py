"""Consultations: opening them, contributions (submitted, matched, moderated), what became of each,
and follow-up actions with their reminders."""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lodestar.core.mail import send_letter
from lodestar.core.workflow import ACTION_LABELS, record, transition
from lodestar.engagement import engine_adapter
from lodestar.engagement import workflow as wf
from lodestar.engagement.access import is_officer, require_officer
from lodestar.engagement.actions.people import person_for_user
from lodestar.engagement.models import Consultation, Contribution, Event, FollowUp
from lodestar.organisations.models import Organisation, is_member

ACTION_LABELS.update(
    {
        "consultation:created": gettext_lazy("Consultation created"),
        "consultation:matching": gettext_lazy("Matching switched"),
        "contribution:submitted": gettext_lazy("Contribution submitted"),
        "contribution:outcome": gettext_lazy("Outcome written"),
        "follow_up:created": gettext_lazy("Follow-up action created"),
    }
)

# Reminders go to owners of actions due within this many days, or late (once a week at most).
REMIND_AHEAD_DAYS = 7
REMIND_EVERY_DAYS = 7


def check_create_consultation(actor: Any, **fields: Any) -> Consultation:
    require_officer(actor)
    consultation = Consultation(**fields)
    consultation.full_clean()
    with transaction.atomic():
        consultation.save()
        record(consultation, action="consultation:created", actor=actor)
    return consultation


def check_move_consultation(consultation: Consultation, to: str, actor: Any) -> Consultation:
    transition(consultation, to, actor)
    return consultation


def check_switch_matching(consultation: Consultation, actor: Any, enabled: bool) -> Consultation:
    """Switch the matching aid on or off for a consultation (responsible AI: governability)."""
    require_officer(actor)
    consultation.matching_enabled = enabled
    consultation.save(update_fields=["matching_enabled"])
    record(consultation, action="consultation:matching", actor=actor, note="on" if enabled else "off")
    if not enabled:
        for contribution in consultation.contributions.all():
            contribution.challenge_matches.all().delete()
    return consultation


def check_contribute(
    consultation: Consultation,
    user: Any,
    *,
    kind: str,
    title: str,
    body: str,
    language: str,
    show_author: bool,
    organisation: Organisation | None = None,
) -> Contribution:
    """A signed-in person sends an idea or a position to an open consultation (for their
    organisation only when they are one of its members). It waits for moderation; when the
    consultation asks for it, it is matched at once to the open challenges and the radar's areas."""
    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied(_("Sign in to contribute."))
    if consultation.status != wf.ConsultationStatus.OPEN or consultation.closes_on < timezone.localdate():
        raise ValidationError(_("This consultation is closed."))
    if organisation is not None and not is_member(organisation.pk, user):
        raise PermissionDenied(_("You may speak only for an organisation you are a member of."))
    contribution = Contribution(
        consultation=consultation,
        author=user,
        person=person_for_user(user),
        organisation=organisation,
        kind=kind,
        title=title.strip(),
        body=body.strip(),
        language=language,
        show_author=show_author,
    )
    contribution.full_clean()
    if len(contribution.body) < 20:
        raise ValidationError(_("Say a little more: at least 20 characters."))
    with transaction.atomic():
        contribution.save()
        record(contribution, action="contribution:submitted", actor=user)
    if consultation.matching_enabled:
        engine_adapter.match_contribution(contribution)
    return contribution


def check_moderate(contribution: Contribution, actor: Any, publish: bool, reason: str = "") -> Contribution:
    """Publish a contribution, or hide it with a reason that its author reads."""
    if publish:
        transition(contribution, wf.ContributionStatus.PUBLISHED, actor)
        return contribution
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Say why it is hidden: its author reads the reason."))
    contribution.hidden_reason = reason
    transition(contribution, wf.ContributionStatus.HIDDEN, actor, reason, also_save=["hidden_reason"])
    return contribution


def check_set_outcome(contribution: Contribution, actor: Any, outcome: str) -> Contribution:
    require_officer(actor)
    contribution.outcome = outcome.strip()
    contribution.save(update_fields=["outcome"])
    record(contribution, action="contribution:outcome", actor=actor)
    return contribution


def check_rematch(contribution: Contribution, actor: Any) -> int:
    require_officer(actor)
    if not contribution.consultation.matching_enabled:
        raise ValidationError(_("Matching is switched off for this consultation."))
    return engine_adapter.match_contribution(contribution)


def check_add_follow_up(
    actor: Any,
    *,
    title: str,
    owner_email: str,
    due_on: date,
    event: Event | None = None,
    contribution: Contribution | None = None,
) -> FollowUp:
    """An action promised at a dialogue or in answer to a contribution, owned by a user."""
    require_officer(actor)
    if event is None and contribution is None:
        raise ValidationError(_("A follow-up action comes from an event or a contribution."))
    owner = get_user_model().objects.filter(email__iexact=owner_email.strip()).first()
    if owner is None:
        raise ValidationError(_("No user has this e-mail address."))
    follow_up = FollowUp(
        title=title.strip(), owner=owner, due_on=due_on, event=event, contribution=contribution
    )
    follow_up.full_clean()
    with transaction.atomic():
        follow_up.save()
        record(follow_up, action="follow_up:created", actor=actor)
    return follow_up


def check_move_follow_up(follow_up: FollowUp, to: str, actor: Any, note: str = "") -> FollowUp:
    transition(follow_up, to, actor, note)
    return follow_up


def do_send_follow_up_reminders(today: date | None = None) -> int:
    """Remind owners of pending actions due within a week or late, in their language; an action is
    reminded at most once a week. Returns the number of letters."""
    today = today or timezone.localdate()
    due = (
        FollowUp.objects.filter(
            status__in=wf.FOLLOW_UP_PENDING, due_on__lte=today + timedelta(days=REMIND_AHEAD_DAYS)
        )
        .exclude(reminded_on__gt=today - timedelta(days=REMIND_EVERY_DAYS))
        .select_related("owner", "event", "contribution")
    )
    sent = 0
    for follow_up in due:
        with transaction.atomic():
            claimed = (
                FollowUp.objects.filter(pk=follow_up.pk)
                .exclude(reminded_on__gt=today - timedelta(days=REMIND_EVERY_DAYS))
                .update(reminded_on=today)
            )
            if not claimed:
                continue  # another run reminded it meanwhile
            transaction.on_commit(partial(_remind, follow_up, today))
            sent += 1
    return sent


def _remind(follow_up: FollowUp, today: date) -> None:
    send_letter(follow_up.owner, "follow_up_reminder", {"follow_up": follow_up, "today": today})


def may_see_contribution_author(contribution: Contribution, user: Any) -> bool:
    return is_officer(user) or contribution.show_author

"""Reminders of six-monthly reports, each in the recipient's language (core.mail.send_letter)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from lodestar.core.mail import send_letter
from lodestar.grants import workflow as wf
from lodestar.grants.models import Report
from lodestar.organisations.models import Membership

# A report is announced this many days before it is due, and reminded again every week after.
NOTICE_DAYS = 14
REPEAT_DAYS = 7


def do_remind_reports(today: dt.date) -> int:
    """Write to every member of each company whose report is due within NOTICE_DAYS (or late) and
    not yet sent, at most once every REPEAT_DAYS. Returns the number of letters sent. Running it
    twice on one day sends nothing the second time."""
    due = (
        Report.objects.filter(
            status__in=wf.SUBMITTABLE,
            due_on__lte=today + dt.timedelta(days=NOTICE_DAYS),
            award__status__in=wf.AWARD_RUNNING,
        )
        .exclude(reminded_on__gt=today - dt.timedelta(days=REPEAT_DAYS))
        .select_related("award__application__organisation", "award__application__challenge__call")
    )
    sent = 0
    for report in due:
        with transaction.atomic():
            locked = Report.objects.select_for_update().get(pk=report.pk)
            if locked.reminded_on and locked.reminded_on > today - dt.timedelta(days=REPEAT_DAYS):
                continue
            members = Membership.objects.filter(
                organisation_id=report.award.application.organisation_id
            ).select_related("user")
            for membership in members:
                send_letter(
                    membership.user,
                    "grant_report_due",
                    {"report": report, "award": report.award, "late": report.due_on < today},
                )
                sent += 1
            Report.objects.filter(pk=report.pk).update(reminded_on=today)
    return sent

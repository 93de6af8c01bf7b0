"""Reminders of six-monthly reports, in each recipient's language. Alice owns Aurora, whose award is
signed, and reads French; Bob, a member of Aurora, reads English."""

from __future__ import annotations

import datetime as dt

from django.core import mail
from django.core.management import call_command

from lodestar.grants import actions
from lodestar.grants.reminders import do_remind_reports

pytest_plugins = ["tests.grants_fixtures"]


def test_a_report_due_soon_is_reminded_once_in_each_members_language(signed_award, alice, bob):
    report = signed_award.reports.get()
    assert do_remind_reports(report.due_on - dt.timedelta(days=30)) == 0  # not yet
    mail.outbox.clear()
    assert do_remind_reports(report.due_on - dt.timedelta(days=3)) == 2
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects[bob.email] == "Report 1 of your grant is due soon"
    assert subjects[alice.email] == "Le rapport 1 de votre subvention est attendu bientôt"
    assert f"/fr/grants/{signed_award.pk}/" in next(m.body for m in mail.outbox if m.to == [alice.email])
    assert do_remind_reports(report.due_on - dt.timedelta(days=2)) == 0  # once a week at most


def test_a_late_report_says_so_and_a_sent_one_is_not_reminded(signed_award, alice):
    report = signed_award.reports.get()
    assert do_remind_reports(report.due_on + dt.timedelta(days=1)) == 1
    assert mail.outbox[-1].subject == "Le rapport 1 de votre subvention est en retard"
    actions.check_submit_report(report, alice, "Done")
    assert do_remind_reports(report.due_on + dt.timedelta(days=20)) == 0


def test_the_command_takes_a_day(signed_award, capsys):
    report = signed_award.reports.get()
    call_command("remind_reports", today=(report.due_on - dt.timedelta(days=1)).isoformat())
    assert "1 reminder(s) sent" in capsys.readouterr().out

"""`lodestar remind-reports`: write to the companies whose six-monthly report is due soon or late."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from lodestar.grants.reminders import do_remind_reports


class Command(BaseCommand):
    help = "Remind companies of six-monthly reports due within two weeks or late, in each person's language."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", help="the day to act as (YYYY-MM-DD); default: today")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            today = dt.date.fromisoformat(options["today"]) if options["today"] else timezone.localdate()
        except ValueError as exc:
            raise CommandError("--today must read YYYY-MM-DD") from exc
        sent = do_remind_reports(today)
        self.stdout.write(f"{sent} reminder(s) sent")

"""`lodestar send-review-reminders [--days N]`: remind experts of reviews due soon or late.

Run it daily (cron, a scheduler): each expert gets at most one letter a day, in its language.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from lodestar.reviews.actions.reviewing import do_send_review_reminders


class Command(BaseCommand):
    help = (
        "E-mail each expert whose unsubmitted reviews are due within N days, or late, in its language; "
        "at most once a day per expert."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=3, help="remind of reviews due within N days (3)")

    def handle(self, *args: Any, **options: Any) -> None:
        reminded = do_send_review_reminders(days=max(0, options["days"]))
        self.stdout.write(f"{reminded} expert(s) reminded")

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from lodestar.engagement.actions.consultations import do_send_follow_up_reminders


class Command(BaseCommand):
    help = "Remind owners of follow-up actions due within a week or late, in their language (for cron)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", type=date.fromisoformat, default=None, help="YYYY-MM-DD")

    def handle(self, *args: Any, **options: Any) -> None:
        sent = do_send_follow_up_reminders(options["today"])
        self.stdout.write(f"{sent} reminders sent")

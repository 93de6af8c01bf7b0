"""Compile the French catalogue (.po -> .mo) with polib, so no GNU gettext is needed to build."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Compile every .po catalogue under LOCALE_PATHS into its .mo file."
    requires_system_checks: list[str] = []

    def handle(self, *args: Any, **options: Any) -> None:
        compiled = 0
        for root in settings.LOCALE_PATHS:
            for po_path in Path(root).glob("*/LC_MESSAGES/*.po"):
                catalogue = polib.pofile(str(po_path))
                if catalogue.percent_translated() < 100 or catalogue.fuzzy_entries():
                    untranslated = [e.msgid for e in catalogue.untranslated_entries()][:5]
                    raise CommandError(f"{po_path} is incomplete; untranslated: {untranslated}")
                catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
                compiled += 1
        self.stdout.write(f"{compiled} catalogue(s) compiled.")

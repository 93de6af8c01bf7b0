"""`lodestar radar-read PATH...`: read documents (text, HTML, PDF) and print one JSON line for each.

Each line: {"file", "language", "published", "areas", "nations", "organisations", "people", "amounts"},
every item with its evidence. A file that cannot be read gets a message on stderr, the others are still
read, and the command ends with status 1 if any file was unreadable.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from lodestar.radar.engine_adapter import read_file


class Command(BaseCommand):
    help = "Read documents (text, HTML or PDF) and print what the technology radar finds, one JSON line each."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH")

    def handle(self, *args: Any, **options: Any) -> None:
        failures = 0
        for path in options["paths"]:
            try:
                data = Path(path).read_bytes()
                line = read_file(path, data)
            except (OSError, ValueError) as error:
                failures += 1
                self.stderr.write(f"radar-read: {path}: cannot read: {error}")
                continue
            self.stdout.write(json.dumps(line, ensure_ascii=False))
        if failures:
            raise CommandError(f"{failures} file(s) could not be read", returncode=1)

"""`lodestar worker --batch` whose matching engine stalls in the middle of ranking experts, for
tests/test_jobs_worker_kill.py to kill there with SIGKILL. It writes the file named by
LODESTAR_STALL_MARKER when it reaches that point. Run as a script with the test database's
DATABASE_URL; never imported by the suite."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lodestar.settings")
django.setup()

from django.core.management import call_command  # noqa: E402

from lodestar.matching import engine_adapter  # noqa: E402


def stalled(*args: Any, **kwargs: Any) -> Any:
    Path(os.environ["LODESTAR_STALL_MARKER"]).write_text("ranking experts")
    time.sleep(600)  # killed long before this ends
    raise SystemExit("not killed")


engine_adapter.rank_profiles = stalled
call_command("worker", "--batch")

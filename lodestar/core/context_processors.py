from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from lodestar.core.roles import ACCELERATOR_TEAM, ANYWHERE, END_USERS, PROGRAMME_TEAM, RADAR_READERS


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    signed_in = user.is_authenticated
    return {
        "is_programme_team": signed_in and user.is_programme_team,  # type: ignore[union-attr]
        "is_expert": signed_in and user.is_expert,  # type: ignore[union-attr]
        "path_without_language": _strip_language(request.path),
        "is_radar_reader": signed_in and user.has_role(*RADAR_READERS, scope=ANYWHERE),  # type: ignore[union-attr]
        # The accelerator's cohorts (their team) and its showcase (the nations' end users).
        "runs_cohorts": signed_in and user.has_role(*ACCELERATOR_TEAM, *PROGRAMME_TEAM, scope=ANYWHERE),  # type: ignore[union-attr]
        "is_end_user": signed_in and user.has_role(*END_USERS, scope=ANYWHERE),  # type: ignore[union-attr]
    }


def _strip_language(path: str) -> str:
    for code in ("en", "fr"):
        prefix = f"/{code}/"
        if path.startswith(prefix):
            return "/" + path[len(prefix) :]
    return path

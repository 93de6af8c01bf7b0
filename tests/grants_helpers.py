"""Helpers for the grants tests that are not fixtures (importable without registering a plugin)."""

from __future__ import annotations

from lodestar.applications import actions as app_actions
from lodestar.applications import workflow as app_wf
from lodestar.applications.models import Application
from lodestar.core.workflow import transition
from tests.conftest import complete_draft


def selected_application(owner, organisation, challenge, staff, director) -> Application:
    application = complete_draft(owner, organisation, challenge)
    app_actions.check_submit(application, owner)
    app_actions.check_screen(application, staff, "accept")
    transition(application, app_wf.UNDER_REVIEW, staff)
    transition(application, app_wf.SELECTED, director)
    return application

"""schemathesis against the API's own OpenAPI schema, as staff, as an applicant and anonymously.

For every operation it generates valid requests and invalid ones (wrong types, out-of-range
numbers, odd characters) and checks that the answer is never a server error and always a status
the schema documents. The number of examples is bounded (SCHEMATHESIS_EXAMPLES, 6 by default: about
half a minute per role) so that `make test` stays short; raise it for a deeper run.
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import status_code_conformance

from lodestar.accounts.actions import do_create_api_token
from lodestar.applications import actions
from lodestar.wsgi import application as wsgi_application

EXAMPLES = int(os.environ.get("SCHEMATHESIS_EXAMPLES", "6"))
CHECKS = [not_a_server_error, status_code_conformance]


@pytest.fixture
def world(call, aurora_draft, alice, stella):
    """A call with a submitted application (Alice's, for Aurora) and staff (Stella) to read it."""
    actions.check_submit(aurora_draft, alice)
    return {"staff": stella, "applicant": alice, "anonymous": None}


def probe(operation, mode, headers: dict[str, str], failures: list[str]) -> None:
    """Runs the examples of one operation in one mode; a failed check is added to `failures`."""
    label = f"{operation.label} [{mode.value}]"

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    def examples(case):
        response = case.call(headers=headers)
        try:
            case.validate_response(response, checks=CHECKS)
        except Exception as exc:  # schemathesis raises a group of the failures it found
            found = getattr(exc, "exceptions", [exc])
            failures.append(f"{label}: " + "; ".join(str(e)[:400] for e in found))
            raise

    recorded = len(failures)
    try:
        examples()
    except Unsatisfiable:
        pass  # nothing to make invalid (an operation with no parameter and no body)
    except Exception:
        if len(failures) == recorded:
            raise  # not a failed check: something broke in the test itself
        # otherwise recorded, with the operation's name; the next operation is tried


def run_schemathesis(headers: dict[str, str]) -> list[str]:
    failures: list[str] = []
    # The WSGI handler closes the database connection at the end of each request; the test's data
    # lives in an open transaction on it, so, as Django's own test client does, it stays open.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        schema = schemathesis.openapi.from_wsgi("/api/openapi.json", wsgi_application)
        for result in schema.get_all_operations():
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                probe(result.ok(), mode, headers, failures)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return failures


@pytest.mark.parametrize("role", ["staff", "applicant", "anonymous"])
def test_no_server_error_and_no_undocumented_status(world, role):
    user = world[role]
    headers = {}
    if user is not None:
        _token, key = do_create_api_token(user, "schemathesis")
        headers["Authorization"] = f"Bearer {key}"
    failures = run_schemathesis(headers)
    assert not failures, "\n\n".join(failures)

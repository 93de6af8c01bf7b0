"""Hostile input gets a clear 4xx in the reader's language, never a server error, and loses nothing.

Each case here answered 500 before the edge (core/edge.py) or the bounds on the API: integers of
2^63 and more (SQLite's driver and PostgreSQL's bigint overflow), NUL characters (PostgreSQL refuses
them in text), lone surrogates (not UTF-8), control characters, bodies over 5 MB. Runs on SQLite and,
with DATABASE_URL, on PostgreSQL. Stella is staff, Alice owns Aurora's draft, Erin is an expert."""

from __future__ import annotations

import csv
import io
import json

import pytest
from openpyxl import load_workbook

from lodestar.accounts.actions import do_create_api_token
from lodestar.applications import actions
from lodestar.applications.models import Application

HUGE = str(2**63)


def bearer(user) -> dict[str, str]:
    _token, key = do_create_api_token(user, "tests")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


@pytest.fixture
def submitted(aurora_draft, alice):
    actions.check_submit(aurora_draft, alice)
    return aurora_draft


@pytest.mark.parametrize("query", ["limit=0", "offset=-1", "limit=100000", "offset=1000000001"])
def test_limit_and_offset_out_of_bounds_are_a_422(client, call, submitted, stella, query):
    response = client.get(f"/api/calls/{call.slug}/applications?{query}", **bearer(stella))
    assert response.status_code == 422
    assert "detail" in response.json()


@pytest.mark.parametrize("query", [f"limit={HUGE}", f"offset={HUGE}", f"offset=-{HUGE}1"])
def test_limit_and_offset_of_two_to_the_63_are_refused_at_the_edge(client, call, submitted, stella, query):
    response = client.get(f"/api/calls/{call.slug}/applications?{query}", **bearer(stella))
    assert response.status_code == 400
    assert "too large" in response.json()["detail"]


def test_a_huge_integer_in_an_api_query_string_is_a_400(client, call, submitted, stella):
    response = client.get(f"/api/calls/{call.slug}/applications?challenge={'9' * 30}", **bearer(stella))
    assert response.status_code == 400
    assert "too large" in response.json()["detail"]


@pytest.mark.parametrize(
    "path",
    [f"/api/applications/{HUGE}", f"/api/me/reviews/{HUGE}", f"/api/applications/{'9' * 40}/screening"],
)
def test_an_id_of_two_to_the_63_in_an_api_path_is_not_found(client, submitted, stella, path):
    method = client.post if path.endswith("screening") else client.get
    response = method(path, data={}, content_type="application/json", **bearer(stella))
    assert response.status_code == 404


@pytest.mark.parametrize(
    "path", [f"/en/review/my/{HUGE}/", f"/en/applications/{HUGE}/", f"/en/applications/1/attachments/{HUGE}/"]
)
def test_an_id_of_two_to_the_63_in_a_page_address_is_not_found(client, alice, path):
    client.force_login(alice)
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    ("note", "says"),
    [
        ("ok\x00then", "NUL character"),
        ("ok\ud800then", "lone surrogate"),
        ("bell\x07", "control character"),
    ],
)
def test_unstorable_characters_in_api_text_are_a_400_and_nothing_changes(
    client, submitted, stella, note, says
):
    body = json.dumps({"decision": "eligible", "note": note})  # \ud800 travels as the JSON escape
    response = client.post(
        f"/api/applications/{submitted.pk}/screening", body, content_type="application/json", **bearer(stella)
    )
    assert response.status_code == 400
    assert says in response.json()["detail"]
    before = submitted.status
    submitted.refresh_from_db()
    assert submitted.screening_note == "" and submitted.status == before


def test_the_refusal_is_in_the_callers_language(client, submitted, stella):
    body = json.dumps({"decision": "eligible", "note": "a\x00b"})
    response = client.post(
        f"/api/applications/{submitted.pk}/screening",
        body,
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="fr",
        **bearer(stella),
    )
    assert response.status_code == 400
    assert "caractère NUL" in response.json()["detail"]


def test_a_huge_integer_in_a_json_body_is_a_400(client, stella, call):
    body = json.dumps(
        {"centre": "x", "organisation": 2**64, "starts_on": "2026-01-05", "ends_on": "2026-01-06"}
    )
    response = client.post("/api/bookings", body, content_type="application/json", **bearer(stella))
    assert response.status_code == 400


def test_a_nul_in_a_page_query_string_is_a_400_page_in_french(client, call, stella):
    client.force_login(stella)
    response = client.get(f"/fr/staff/calls/{call.slug}/screening/", {"q": "energy\x00"})
    assert response.status_code == 400
    assert "caractère NUL" in response.content.decode()


def test_a_control_character_in_a_posted_form_is_refused_and_the_draft_is_kept(client, aurora_draft, alice):
    client.force_login(alice)
    before = aurora_draft.title
    response = client.post(f"/en/applications/{aurora_draft.pk}/edit/", {"title": "New\x1b[31m title"})
    assert response.status_code == 400
    assert "control character" in response.content.decode()
    assert Application.objects.get(pk=aurora_draft.pk).title == before


def test_a_body_over_five_megabytes_is_a_413(client, submitted, stella):
    body = json.dumps({"decision": "eligible", "note": "x" * (5 * 1024 * 1024)})
    response = client.post(
        f"/api/applications/{submitted.pk}/screening", body, content_type="application/json", **bearer(stella)
    )
    assert response.status_code == 413
    assert "too large" in response.json()["detail"]


def test_api_comments_have_a_maximum_length(client, submitted, stella):
    body = json.dumps({"decision": "eligible", "note": "x" * 4001})
    response = client.post(
        f"/api/applications/{submitted.pk}/screening", body, content_type="application/json", **bearer(stella)
    )
    assert response.status_code == 422


def test_an_application_description_has_a_maximum_length(aurora_draft):
    from django.core.exceptions import ValidationError

    aurora_draft.description = "x" * 10001
    with pytest.raises(ValidationError):
        aurora_draft.full_clean()


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_exports_strip_characters_that_spreadsheets_refuse(client, call, energy, alice, aurora, stella, fmt):
    from tests.conftest import complete_draft

    # Stored before the edge existed (or by a script): \x0b, \x1b and \x07 made openpyxl raise.
    draft = complete_draft(alice, aurora, energy)
    Application.objects.filter(pk=draft.pk).update(title="Vertical\x0btab, escape\x1b and bell\x07 =SUM(A1)")
    client.force_login(stella)
    response = client.get(f"/en/staff/calls/{call.slug}/screening/applications.{fmt}")
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if fmt == "xlsx":
        rows = list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))
    else:
        rows = list(csv.reader(io.StringIO(content.decode())))
    titles = [cell for row in rows for cell in row if isinstance(cell, str) and "Vertical" in cell]
    assert titles == ["Verticaltab, escape and bell =SUM(A1)"]


def test_pages_carry_a_content_security_policy_without_inline_script(client, call):
    response = client.get("/en/")
    policy = response["Content-Security-Policy"]
    assert (
        "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    )
    assert "camera=()" in response["Permissions-Policy"]
    assert "<script>" not in response.content.decode()


def test_every_character_a_spreadsheet_refuses_is_stripped_and_formulas_stay_text():
    from openpyxl import Workbook

    from lodestar.core.spreadsheets import spreadsheet_cell

    every_control = "".join(chr(c) for c in range(32)) + "\x7f"
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append([spreadsheet_cell(f"a{every_control}b"), spreadsheet_cell("=1+1"), spreadsheet_cell(7)])
    book.save(io.BytesIO())  # openpyxl raised here on \x0b, \x1b, \x07 before they were stripped
    assert spreadsheet_cell(f"a{every_control}b") == "a\t\n\rb"
    assert spreadsheet_cell("=1+1") == "'=1+1" and spreadsheet_cell(7) == 7

"""Screening lists imported from CSV and FollowTheMoney JSON lines, and the background job that screens
the board and the portfolio again, idempotently.

Fred is on the fund team; Lena represents Germany (a limited partner): lists are not hers."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lodestar.fund import actions, lists
from lodestar.fund import workflow as wf
from lodestar.fund.models import Finding, ListedName
from tests.test_fund import holding, orbital  # noqa: F401  # fixtures: a company held through a chain

FTM = "\n".join(
    json.dumps(e)
    for e in (
        {
            "id": "os-1",
            "schema": "Person",
            "properties": {"name": ["Petr Ivanov"], "alias": ["Pyotr Ivanov"]},
        },
        {"id": "os-2", "schema": "Address", "properties": {"full": ["1 Red Square"]}},
        {"id": "os-3", "schema": "Company", "properties": {"name": ["Volkov Industrial Group"]}},
    )
)


def test_a_ftm_file_gives_every_name_and_alias_of_its_parties_only():
    assert lists.read_ftm_list(FTM) == [
        ("os-1", "Petr Ivanov"),
        ("os-1", "Pyotr Ivanov"),
        ("os-3", "Volkov Industrial Group"),
    ]
    with pytest.raises(ValidationError, match="Line 2 is not a JSON object"):
        lists.read_ftm_list('{"id": "a", "schema": "Person", "properties": {"name": ["A"]}}\n{oops')


def test_a_csv_file_needs_a_name_column_and_says_which_line_is_wrong():
    assert lists.read_csv_list("id,name,aliases\nEU-1,Dragon Harbour Capital,DHC;Dragon Harbor\n") == [
        ("EU-1", "Dragon Harbour Capital"),
        ("EU-1", "DHC"),
        ("EU-1", "Dragon Harbor"),
    ]
    with pytest.raises(ValidationError, match="“name” column"):
        lists.read_csv_list("id,title\n1,x\n")
    with pytest.raises(ValidationError, match="Line 3: the name is empty"):
        lists.read_csv_list("name\nA\n\n,\n".replace("\n\n", "\n"))


def test_importing_a_list_replaces_it_and_screens_the_board_again_once(fund, fred, lena, orbital, holding):  # noqa: F811
    deal = actions.check_add_deal(fund, orbital, fred)
    ListedName.objects.create(list_name="EU", entry_id="old", name="Someone Else")
    count, job = lists.check_import_list(fund, "EU", "ftm", FTM.encode(), fred)
    assert count == 3 and set(ListedName.objects.values_list("entry_id", flat=True)) == {"os-1", "os-3"}
    job.refresh_from_db()
    assert job.status == "done", job.error
    listed = deal.findings.filter(kind=Finding.Kind.LISTED, status=wf.FindingStatus.OPEN)
    assert listed.count() == 1 and "Petr Ivanov" in listed.get().explanation
    before = list(deal.findings.values_list("pk", "status"))
    lists.start_rescreen(fund, fred)  # again: nothing changes
    assert list(deal.findings.values_list("pk", "status")) == before
    with pytest.raises(PermissionDenied):
        lists.check_import_list(fund, "EU", "ftm", FTM.encode(), lena)
    with pytest.raises(ValidationError, match="UTF-8"):
        lists.check_import_list(fund, "EU", "csv", "name\nIvanov\n".encode("utf-16"), fred)
    assert ListedName.objects.filter(list_name="EU").count() == 3  # a refused file changed nothing


def test_the_lists_page_imports_and_shows_the_jobs_progress(client, fund, fred, lena):
    client.force_login(fred)
    upload = SimpleUploadedFile("eu.csv", b"id,name\nEU-1,Dragon Harbour Capital\n")
    response = client.post(reverse("fund:screening_lists"), {"list_name": "EU", "fmt": "csv", "file": upload})
    assert response.status_code == 302 and "/jobs/" in response.url
    assert client.get(response.url).status_code == 200
    assert "Dragon" not in client.get(reverse("fund:screening_lists")).content.decode()  # names stay private
    assert "EU" in client.get(reverse("fund:screening_lists")).content.decode()
    bad = SimpleUploadedFile("eu.csv", b"title\nx\n")
    client.post(reverse("fund:screening_lists"), {"list_name": "EU", "fmt": "csv", "file": bad})
    assert ListedName.objects.filter(list_name="EU").count() == 1
    client.force_login(lena)
    assert client.get(reverse("fund:screening_lists")).status_code == 403

"""Importing experts from CSV: all or nothing, every problem named with its row.

Stella (programme staff) imports; the parser is a pure function, tested without the database first.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lodestar.core.models import AuditEvent
from lodestar.experts.actions import check_import_experts
from lodestar.experts.importing import ExpertRow, parse_experts_csv
from lodestar.experts.models import Expert

AREAS = ["ai", "energy", "quantum"]
HEADER = "email,full_name,nation,pool,organisation,expertise,keywords,max_load,languages,areas\n"
GOOD = (
    HEADER
    + "ada@lab.example,Ada Lovelace,GB,technical,Analytical Lab,Machine learning.,"
    + '"ml, ai",8,en;fr,ai;quantum\n'
    + "jean@lab.example,Jean Dupont,FR,business,Fonds Alpha,Capital-risque.,,5,fr,energy\n"
)


def test_a_valid_file_gives_its_rows():
    parsed = parse_experts_csv(GOOD.encode(), area_codes=AREAS)
    assert parsed.ok
    ada, jean = parsed.rows
    assert ada == ExpertRow(
        row=2,
        email="ada@lab.example",
        full_name="Ada Lovelace",
        nation="GB",
        pool="technical",
        organisation="Analytical Lab",
        expertise="Machine learning.",
        keywords="ml, ai",
        max_load=8,
        languages=("en", "fr"),
        areas=("ai", "quantum"),
    )
    assert (jean.row, jean.languages, jean.areas) == (3, ("fr",), ("energy",))


def test_a_byte_order_mark_and_only_the_required_columns_are_fine():
    parsed = parse_experts_csv(
        "\ufeffEmail,Full_Name,Nation\nA@Lab.example,Ann,de\n".encode(), area_codes=AREAS
    )
    assert parsed.ok
    [row] = parsed.rows
    assert (row.email, row.nation, row.pool, row.max_load, row.languages) == (
        "a@lab.example",
        "DE",
        "",
        None,
        (),
    )


def test_every_bad_row_is_named_with_its_reason():
    content = (
        HEADER
        + "ok@lab.example,Ok Person,FR,technical,,,,3,en,\n"
        + "not-an-email,Bad Mail,FR,,,,,,,\n"
        + "x@lab.example,Bad Nation,XX,,,,,,,\n"
        + "y@lab.example,Bad Pool,FR,wizards,,,,,,\n"
        + "ok@lab.example,Twice,FR,,,,,,,\n"
        + "z@lab.example,Bad Load,FR,,,,,lots,,\n"
        + "w@lab.example,Bad Language,FR,,,,,,de,\n"
        + "v@lab.example,Bad Area,FR,,,,,,,teleportation\n"
        + ",,FR,,,,,,,\n"
    )
    parsed = parse_experts_csv(content.encode(), area_codes=AREAS)
    messages = [str(e) for e in parsed.errors]
    assert not parsed.ok
    expected = [
        "Row 3: “not-an-email” is not a valid e-mail address.",
        "Row 4: “XX” is not a known nation code",
        "Row 5: “wizards” is not a pool",
        "Row 6: the e-mail address ok@lab.example already appears on row 2.",
        "Row 7: max_load “lots” is not a whole number.",
        "Row 8: unknown review language(s) de",
        "Row 9: unknown EDT area code(s) teleportation",
        "Row 10: the e-mail address is missing.",
        "Row 10: the full name is missing.",
    ]
    for text in expected:
        assert any(m.startswith(text) for m in messages), (text, messages)
    assert len(messages) == len(expected)


def test_a_file_that_is_not_utf8_or_lacks_columns_is_refused_as_a_whole():
    latin1 = parse_experts_csv(
        (HEADER + "e@lab.example,Émile,FR,,,,,,,\n").encode("latin-1"), area_codes=AREAS
    )
    assert "not UTF-8" in str(latin1.errors[0])
    missing = parse_experts_csv(b"email,name\na@b.example,Ann\n", area_codes=AREAS)
    assert [str(e) for e in missing.errors] == [
        "Row 1: unknown column(s) name; the columns are "
        "email, full_name, nation, pool, organisation, expertise, keywords, max_load, languages, areas.",
        "Row 1: missing column(s) full_name, nation.",
    ]
    assert not parse_experts_csv(b"", area_codes=AREAS).ok
    assert not parse_experts_csv(HEADER.encode(), area_codes=AREAS).ok


IMPORT = reverse("experts:import")


def upload(client, content: str | bytes):
    data = content.encode() if isinstance(content, str) else content
    return client.post(IMPORT, {"file": SimpleUploadedFile("experts.csv", data, content_type="text/csv")})


def test_the_import_page_documents_the_format(client, stella):
    client.force_login(stella)
    content = client.get(IMPORT).content.decode()
    assert "email,full_name,nation,pool,organisation,expertise,keywords,max_load,languages,areas" in content
    assert "All or nothing" in content


def test_staff_import_new_experts_and_update_known_ones_saying_so(client, stella):
    known = Expert.objects.create(
        full_name="Jean D.", email="jean@lab.example", nation="BE", expertise="Old text.", keywords="keep"
    )
    client.force_login(stella)
    response = upload(client, GOOD)
    assert response.status_code == 200
    content = response.content.decode()
    assert "1 new expert." in content and "1 existing expert updated (same e-mail address)." in content
    ada = Expert.objects.get(email="ada@lab.example")
    assert (ada.full_name, ada.nation, ada.max_load, ada.review_languages) == (
        "Ada Lovelace",
        "GB",
        8,
        ["en", "fr"],
    )
    assert sorted(a.code for a in ada.areas.all()) == ["ai", "quantum"]
    known.refresh_from_db()
    assert (known.full_name, known.nation, known.pool, known.expertise) == (
        "Jean Dupont",
        "FR",
        "business",
        "Capital-risque.",
    )
    assert known.keywords == "keep"  # an empty cell leaves the value as it was
    assert AuditEvent.objects.filter(action="expert:imported", object_id=str(ada.pk)).exists()
    assert AuditEvent.objects.filter(action="expert:updated_by_import", object_id=str(known.pk)).exists()


def test_an_import_replaces_the_areas_a_row_gives_and_keeps_the_others(stella):
    from lodestar.core.models import EdtArea

    areas = {a.code: a for a in EdtArea.objects.filter(code__in=("ai", "quantum", "energy"))}
    given = Expert.objects.create(full_name="Given", email="given@lab.example", nation="FR", expertise="x")
    kept = Expert.objects.create(full_name="Kept", email="kept@lab.example", nation="FR", expertise="x")
    given.areas.set([areas["ai"], areas["energy"]])
    kept.areas.set([areas["quantum"]])
    rows = [
        ExpertRow(row=2, email="given@lab.example", full_name="Given", nation="FR", areas=("quantum", "ai")),
        ExpertRow(row=3, email="kept@lab.example", full_name="Kept", nation="DE"),
        ExpertRow(row=4, email="new@lab.example", full_name="New", nation="NL", areas=("energy",)),
    ]
    summary = check_import_experts(rows, stella)
    assert [e.email for e in summary.updated] == ["given@lab.example", "kept@lab.example"]
    assert [e.email for e in summary.created] == ["new@lab.example"]
    assert sorted(given.areas.values_list("code", flat=True)) == ["ai", "quantum"]
    assert list(kept.areas.values_list("code", flat=True)) == ["quantum"]
    assert Expert.objects.get(email="kept@lab.example").nation == "DE"
    new = Expert.objects.get(email="new@lab.example")
    assert list(new.areas.values_list("code", flat=True)) == ["energy"]
    assert list(
        AuditEvent.objects.filter(object_id__in=[str(given.pk), str(new.pk)], action__startswith="expert:")
        .order_by("action")
        .values_list("action", "actor_id")
    ) == [("expert:imported", stella.pk), ("expert:updated_by_import", stella.pk)]


def test_a_failed_import_changes_nothing_and_says_which_row_and_why(client, stella):
    known = Expert.objects.create(
        full_name="Jean D.", email="jean@lab.example", nation="BE", expertise="Old."
    )
    client.force_login(stella)
    bad = GOOD + "eve@lab.example,Eve,ZZ,technical,,,,,,\n"
    response = upload(client, bad)
    assert response.status_code == 400
    content = response.content.decode()
    assert "Nothing was imported" in content
    assert "Row 4: “ZZ” is not a known nation code" in content
    assert Expert.objects.count() == 1
    known.refresh_from_db()
    assert (known.full_name, known.nation) == ("Jean D.", "BE")


def test_the_action_saves_all_rows_or_none(stella):
    rows = [
        ExpertRow(row=2, email="a@lab.example", full_name="Ann", nation="FR"),
        ExpertRow(row=3, email="b@lab.example", full_name="Ben", nation="FR", areas=("vanished",)),
    ]
    with pytest.raises(ValidationError, match="Row 3"):
        check_import_experts(rows, stella)
    assert not Expert.objects.filter(email="a@lab.example").exists()


def test_only_staff_import(client, alice, erin, fred):
    for user in (alice, erin, fred):
        client.force_login(user)
        assert upload(client, GOOD).status_code == 403
    assert not Expert.objects.exists()

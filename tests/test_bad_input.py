"""Ids typed or posted by people: anything that is not one gets a page or a 404, never an error 500."""

import pytest

from lodestar.core.errors import parse_id


@pytest.mark.parametrize("value", ["abc", "²", "1" * 25, "-3", "", None, "1.5", " 7x"])
def test_parse_id_refuses_what_is_not_a_database_id(value):
    assert parse_id(value) is None


def test_parse_id_reads_a_plain_number():
    assert parse_id(" 42 ") == 42


def test_staff_pages_survive_odd_ids_in_forms_and_links(client, stella, call):
    client.force_login(stella)
    slug = call.slug
    for url in (
        f"/en/staff/calls/{slug}/screening/?challenge=²",
        f"/en/staff/calls/{slug}/assignment/?challenge=²",
        f"/en/staff/calls/{slug}/ranking/?challenge=" + "9" * 25,
    ):
        assert client.get(url).status_code == 200, url
    for url, data in (
        (f"/en/staff/calls/{slug}/assignment/add/", {"application": "abc", "expert": "1"}),
        (f"/en/staff/calls/{slug}/assignment/remove/", {"assignment": "²"}),
        (f"/en/staff/calls/{slug}/assignment/swap/", {"assignment": "9" * 25, "expert": "x"}),
        (f"/en/staff/calls/{slug}/conflicts/confirm/", {"ids": ["²", "abc"]}),
    ):
        assert client.post(url, data).status_code in (302, 400, 404), url

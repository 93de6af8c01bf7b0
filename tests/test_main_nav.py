"""The main navigation is rendered once per process for each language and set of menus
(core/templatetags/lodestar.py, `main_nav`): whoever reads a page after someone else still gets the
menus of their own roles, in their own language."""

from __future__ import annotations

import re

from lodestar.core.templatetags import lodestar as tags


def _nav(client, url: str) -> str:
    page = client.get(url).content.decode()
    found = re.search(r'<nav aria-label="[^"]+">.*?</nav>', page, re.S)
    assert found, page[:500]
    return found.group(0)


def test_each_reader_gets_the_menus_of_their_roles_after_another_reader(client, stella, charlie):
    tags._NAV.clear()
    client.force_login(stella)
    staff_nav = _nav(client, "/en/")
    assert "Programme staff" in staff_nav and "My applications" in staff_nav
    assert len(tags._NAV) == 1  # rendered once, then kept
    assert _nav(client, "/en/calls/") == staff_nav

    client.force_login(charlie)
    applicant_nav = _nav(client, "/en/")
    assert "My applications" in applicant_nav and "Programme staff" not in applicant_nav
    assert "Administration" not in applicant_nav

    client.logout()
    anonymous_nav = _nav(client, "/en/")
    assert "Calls" in anonymous_nav and "My applications" not in anonymous_nav
    assert len(tags._NAV) == 3


def test_the_navigation_follows_the_language_of_the_page(client, stella):
    tags._NAV.clear()
    client.force_login(stella)
    english, french = _nav(client, "/en/calls/"), _nav(client, "/fr/calls/")
    assert "My applications" in english and 'href="/en/calls/"' in english
    assert "Mes candidatures" in french and 'href="/fr/calls/"' in french
    assert "My applications" not in french

"""One pager for every list: its links keep the list's filters and change only the page."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory


def pager(url: str, number: int, count: int = 120) -> str:
    request = RequestFactory().get(url)
    request.user = AnonymousUser()  # the context processors read it
    page = Paginator(range(count), 50).get_page(number)
    return render_to_string("core/_pager.html", {"page": page}, request=request)


def test_the_pager_links_keep_the_filters_and_replace_the_page():
    html = pager("/en/staff/calls/c/screening/?status=eligible&q=hydrogen&page=2", 2)
    assert 'href="?status=eligible&amp;q=hydrogen&amp;page=1"' in html
    assert 'href="?status=eligible&amp;q=hydrogen&amp;page=3"' in html
    assert "Page 2 of 3" in html


def test_the_first_page_has_no_previous_link_and_the_last_no_next():
    assert "Previous" not in pager("/?q=x", 1) and "Next" in pager("/?q=x", 1)
    assert "Next" not in pager("/?q=x", 3) and "Previous" in pager("/?q=x", 3)


def test_a_list_on_one_page_shows_no_pager():
    assert pager("/", 1, count=10).strip() == ""


def test_filters_typed_into_the_address_are_escaped():
    html = pager('/?q="><script>x</script>', 1)
    assert "<script>" not in html

"""Old addresses of pages that moved. Each answers with one permanent redirect (301) to the page's
new home, keeping its query string, so bookmarks and links in sent e-mails keep working."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponsePermanentRedirect
from django.http.response import HttpResponseBase
from django.urls import Resolver404, resolve, reverse

View = Callable[..., HttpResponseBase]


def _keep_query(url: str, request: HttpRequest) -> str:
    query = request.META.get("QUERY_STRING", "")
    return f"{url}?{query}" if query else url


def moved(name: str, lookup: Callable[..., dict[str, Any]] | None = None) -> View:
    """A view for an old address of the page named `name`. Its URL arguments are passed on as they
    are, or through `lookup(request, **arguments)`, which turns them into the new page's (for example
    an object's id into its call's slug). A `lookup` reads objects, so wrap such a view in the page's
    own permission check and look the object up among those the user may reach: an old address must
    not tell an outsider more than the new one does."""

    def view(request: HttpRequest, **kwargs: Any) -> HttpResponseBase:
        if lookup is not None:
            kwargs = lookup(request, **kwargs)
        return HttpResponsePermanentRedirect(_keep_query(reverse(name, kwargs=kwargs), request))

    view.moved_to = name  # type: ignore[attr-defined]  # marks it for moved_prefix's single hop
    return view


def moved_prefix(old: str, new: str) -> View:
    """A view for a whole family of old addresses, `old` + rest becoming `new` + rest. When the new
    address is itself an old one that moved again, the answer goes straight to the final page, so
    an old link takes one hop, not two."""

    def view(request: HttpRequest, rest: str) -> HttpResponseBase:
        path = request.path.replace(old, new, 1)
        try:
            match = resolve(path)
        except Resolver404:
            match = None
        if match is not None and hasattr(match.func, "moved_to"):
            response = match.func(request, *match.args, **match.kwargs)
            if response.status_code == 301:
                return response
        return HttpResponsePermanentRedirect(_keep_query(path, request))

    return view

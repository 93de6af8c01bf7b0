"""The edge: input that no page or endpoint could store or read is refused before any view runs.

Every view and API endpoint validates its own fields; what they cannot see coming is input that
breaks the database driver or the file formats underneath them, whichever field it arrives in:

- NUL characters (PostgreSQL refuses them in text: a server error), other C0 control characters
  (spreadsheets refuse them, nobody types them), lone UTF-16 surrogates (`"\\ud800"` in JSON: not
  encodable as UTF-8, so neither database stores them);
- integers outside a signed 64-bit column (an id of 2^63 overflows SQLite's driver and PostgreSQL's
  bigint) in a URL's path, in an API query string or in a JSON body;
- bodies larger than the site accepts (5 MB of form or JSON; a file upload up to the attachment
  limit), answered 413 from the Content-Length before anything is read.

Two control characters are not refused but mended in what people type into the pages' forms (posted
fields and query strings): a vertical tab (\\x0b, Word's manual line break) and a form feed (\\x0c, a
page break) arrive in text pasted from word processors and PDFs, where the writer meant a line
break; they become one (\\n), so the paste is kept rather than refused over a character nobody can see.
Every other control character is refused as before: none comes from ordinary text (an escape
sequence, a bell), and removing one silently could change what was meant. The API, read by programs,
is strict: there a vertical tab is refused like the others.

Each refusal is a 4xx with a message in the reader's language (this middleware runs after the
locale is chosen): JSON `{"detail": ...}` under /api/, a page elsewhere. Nothing is stored, so
nothing is half-saved.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
# Tab, line feed and carriage return are text; every other C0 character, and DEL, is not.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# What pasted text means by a vertical tab or a form feed: a line break (see the module's docstring).
_PASTED_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})
_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
_INTEGER = re.compile(r"[+-]?\d+")
# Room around an uploaded file for the other fields and the multipart boundaries.
_MULTIPART_MARGIN = 1024 * 1024


def text_problem(value: str) -> str | None:
    """Why `value` cannot be stored as text, in the active language, or None when it can."""
    if "\x00" in value:
        return _("The text contains a NUL character, which cannot be stored. Remove it and try again.")
    if _SURROGATE.search(value):
        return _("The text contains an invalid character (a lone surrogate). Remove it and try again.")
    if _CONTROL.search(value):
        return _("The text contains a control character, which cannot be stored. Remove it and try again.")
    return None


def mend_pasted_breaks(query: QueryDict) -> QueryDict:
    """`query` with each vertical tab and form feed in its keys and values turned into a line break
    (itself when there is none: most requests pay one scan and no copy)."""
    if not any("\x0b" in text or "\x0c" in text for key, values in query.lists() for text in [key, *values]):
        return query
    mended = QueryDict(mutable=True, encoding=query.encoding)
    for key, values in query.lists():
        mended.setlist(key.translate(_PASTED_BREAKS), [value.translate(_PASTED_BREAKS) for value in values])
    mended._mutable = False  # as Django hands it over: read-only
    return mended


def integer_problem(value: int) -> str | None:
    if INT64_MIN <= value <= INT64_MAX:
        return None
    return _("The number %(number)s is too large: numbers must lie between %(low)s and %(high)s.") % {
        "number": str(value)[:30] + ("…" if len(str(value)) > 30 else ""),
        "low": INT64_MIN,
        "high": INT64_MAX,
    }


def _json_values(value: Any) -> Iterator[Any]:
    """Every key and scalar of a decoded JSON document, depth first, without recursion."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        else:
            yield item


def json_problem(body: bytes) -> str | None:
    try:
        document = json.loads(body)
    except (ValueError, RecursionError):
        return None  # not JSON at all: the endpoint answers with its own validation error
    for item in _json_values(document):
        if isinstance(item, bool):
            continue
        if isinstance(item, int):
            problem = integer_problem(item)
        elif isinstance(item, str):
            problem = text_problem(item)
        else:
            continue
        if problem:
            return problem
    return None


class EdgeValidationMiddleware:
    """Refuses unstorable input with a 4xx before any view runs (see the module's docstring).

    Placed after LocaleMiddleware (messages in the reader's language) and AuthenticationMiddleware
    (the refusal page shows the navigation of who is signed in)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        too_large = self._too_large(request)
        if too_large:
            return self.refuse(request, too_large, status=413)
        if not _is_api(request):
            self._mend_forms(request)
        problem = self._query_problem(request) or self._body_problem(request)
        if problem:
            return self.refuse(request, problem, status=400)
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Any, view_args: Any, view_kwargs: dict[str, Any]
    ) -> HttpResponse | None:
        # An id in the path that no row can have is simply not there: a 404, as for any unknown id.
        for value in list(view_args) + list(view_kwargs.values()):
            number = value if isinstance(value, int) else None
            if isinstance(value, str) and value.isascii() and _INTEGER.fullmatch(value):
                number = int(value)
            if number is not None and not isinstance(number, bool) and integer_problem(number):
                if _is_api(request):
                    return JsonResponse({"detail": _("Not found.")}, status=404)
                raise Http404(_("Not found."))
        return None

    @staticmethod
    def _mend_forms(request: HttpRequest) -> None:
        """Line breaks for the vertical tabs and form feeds of pasted text, in what a page's form sent."""
        # django-stubs type these as an immutable subclass; the mended copy is read-only as well.
        request.GET = mend_pasted_breaks(request.GET)  # type: ignore[assignment]
        form = request.META.get("CONTENT_TYPE", "").startswith(_FORM_TYPES)
        if form and request.method not in ("GET", "HEAD", "OPTIONS"):
            request.POST = mend_pasted_breaks(request.POST)  # type: ignore[assignment]

    @staticmethod
    def _too_large(request: HttpRequest) -> str | None:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return None  # Django refuses a malformed length itself
        content_type = request.META.get("CONTENT_TYPE", "")
        if content_type.startswith("multipart/form-data"):
            limit = settings.ATTACHMENT_MAX_BYTES + _MULTIPART_MARGIN
        else:
            limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if length <= limit:
            return None
        return _("The request is too large (%(size)s); at most %(limit)s are accepted.") % {
            "size": filesizeformat(length),
            "limit": filesizeformat(limit),
        }

    @staticmethod
    def _query_problem(request: HttpRequest) -> str | None:
        api = _is_api(request)
        for key, values in request.GET.lists():
            for text in [key, *values]:
                problem = text_problem(text)
                # API query parameters are typed: an integer no column holds is refused here.
                if not problem and api and text.isascii() and _INTEGER.fullmatch(text.strip()):
                    problem = integer_problem(int(text))
                if problem:
                    return problem
        return text_problem(request.path)

    @staticmethod
    def _body_problem(request: HttpRequest) -> str | None:
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return None
        content_type = request.META.get("CONTENT_TYPE", "")
        if content_type.startswith("application/json"):
            return json_problem(request.body)
        if content_type.startswith(_FORM_TYPES):
            for key, values in request.POST.lists():
                for text in [key, *values]:
                    problem = text_problem(text)
                    if problem:
                        return problem
        return None

    @staticmethod
    def refuse(request: HttpRequest, message: str, status: int) -> HttpResponse:
        if _is_api(request):
            return JsonResponse({"detail": message}, status=status)
        return render(request, "core/refused.html", {"message": message}, status=status)


def _is_api(request: HttpRequest) -> bool:
    return request.path_info.startswith("/api/")

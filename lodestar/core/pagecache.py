"""Public pages kept rendered for visitors who are not signed in, one copy per language.

A visitor's page of the calls is the same for every visitor but for one thing: the CSRF token of its
forms (the language switch) and of htmx's header, which is each visitor's own. So the page is
rendered once, its token replaced by a placeholder, and kept in the site's cache (shared by every
process and machine: the database's cache table, or Redis); each later visitor gets the kept body
with a token of their own put back by Django's `get_token()`, which also sets their CSRF cookie as a
rendered page would. CSRF protection is unchanged: every visitor's token is masked afresh and checked
against their own cookie.

A page is served from, and kept in, the cache only when all of these hold (otherwise the view runs
as usual and nothing is kept):
- a GET with no query string (so random query strings cannot fill the cache), nobody signed in, no
  flash message waiting for the visitor;
- the view answered 200 and set no cookie itself.
Signed-in users never read or fill it: their pages show their name, their own work and their menus.
The key holds the language, the time zone, the host, the scheme and the path.

Freshness: a kept page carries the *generation* of the public content it was rendered from. Saving
or deleting a model registered with `depends_on()` (the calls, challenges, programmes, EDT areas...)
starts a new generation (again when its transaction commits), so every kept page is out of date.
What sends no signal (`QuerySet.update()`, `transition_many()`) and what the clock changes (a call
that closes, "3 days left") is covered by a short life: PUBLIC_PAGE_SECONDS (60 s by default), cut
to the next moment the view says its content changes by itself (`fresh_until`). PUBLIC_PAGE_SECONDS=0
turns the cache off.
"""

from __future__ import annotations

import functools
import hashlib
import re
import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH, get_token
from django.utils import timezone
from django.utils.translation import get_language

GENERATION_KEY = "publicpage:generation"
# Stands for the visitor's CSRF token in a kept body; a NUL byte never appears in a rendered page.
PLACEHOLDER = b"\x00csrf-token\x00"
# A masked CSRF token as Django writes it into pages: 64 letters and digits.
_TOKEN = re.compile(rb"(?<![A-Za-z0-9])[A-Za-z0-9]{%d}(?![A-Za-z0-9])" % (2 * CSRF_SECRET_LENGTH))

View = Callable[..., HttpResponse]


def _seconds() -> int:
    return int(getattr(settings, "PUBLIC_PAGE_SECONDS", 60))


def _unmask(token: str) -> str:
    """The secret a masked token carries (as django.middleware.csrf does it, which keeps it private)."""
    mask, cipher = token[:CSRF_SECRET_LENGTH], token[CSRF_SECRET_LENGTH:]
    chars = CSRF_ALLOWED_CHARS
    return "".join(chars[chars.index(c) - chars.index(m)] for c, m in zip(cipher, mask, strict=True))


def _without_token(body: bytes, secret: str) -> bytes:
    """`body` with every CSRF token of `secret` replaced by the placeholder (other 64-character
    words, which do not unmask to the secret, are left as they are)."""

    def replace(match: re.Match[bytes]) -> bytes:
        return PLACEHOLDER if _unmask(match.group(0).decode()) == secret else match.group(0)

    return _TOKEN.sub(replace, body)


def _key(request: HttpRequest) -> str:
    where = "|".join(
        [
            request.scheme or "",
            request.get_host(),
            get_language() or "",
            timezone.get_current_timezone_name(),
            request.path,
        ]
    )
    return "publicpage:" + hashlib.sha256(where.encode()).hexdigest()


def _cacheable_request(request: HttpRequest) -> bool:
    if request.method != "GET" or request.META.get("QUERY_STRING") or _seconds() <= 0:
        return False
    if request.user.is_authenticated:
        return False
    # len() does not mark the messages as read: the view still shows them.
    return not len(get_messages(request))


def _current_generation() -> str:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY)
    return str(generation)


def cached_for_visitors(
    view: View | None = None, *, fresh_until: Callable[[], datetime | None] | None = None
) -> Any:
    """Serve the view's page from the cache to visitors who are not signed in (module docstring).

    `fresh_until`, called when a page is kept, gives the next moment its content changes with the
    clock alone (a call opening or closing), or None; the page is kept no later than that."""

    def decorate(view: View) -> View:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not _cacheable_request(request):
                return view(request, *args, **kwargs)
            key = _key(request)
            found = cache.get_many([GENERATION_KEY, key])
            generation = found.get(GENERATION_KEY)
            kept = found.get(key)
            if generation is not None and kept is not None and kept[0] == generation:
                return _from_kept(request, kept)
            response = view(request, *args, **kwargs)
            _keep(request, key, response, generation or _current_generation(), fresh_until)
            return response

        return wrapped

    return decorate(view) if view is not None else decorate


def _from_kept(request: HttpRequest, kept: tuple[str, list[tuple[str, str]], bytes]) -> HttpResponse:
    _generation, headers, body = kept
    if PLACEHOLDER in body:
        body = body.replace(PLACEHOLDER, get_token(request).encode())
    response = HttpResponse(body)
    for name, value in headers:
        response[name] = value
    return response


def _keep(
    request: HttpRequest,
    key: str,
    response: HttpResponse,
    generation: str,
    fresh_until: Callable[[], datetime | None] | None,
) -> None:
    if response.status_code != 200 or response.streaming or response.cookies:
        return
    if hasattr(response, "render") and not getattr(response, "is_rendered", True):
        return  # a TemplateResponse not rendered yet: its body is not known here
    seconds = _seconds()
    if fresh_until is not None:
        until = fresh_until()
        if until is not None:
            seconds = min(seconds, int((until - timezone.now()).total_seconds()))
    if seconds <= 0:
        return
    body = response.content
    secret = request.META.get("CSRF_COOKIE")
    if secret:
        body = _without_token(body, secret)
    cache.set(key, (generation, list(response.items()), body), timeout=seconds)


def _new_generation() -> None:
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def content_changed(**_kwargs: Any) -> None:
    """Every kept page is out of date: a new generation now and, inside a transaction, another once
    it commits. The database's cache writes the first inside the transaction; a cache outside the
    database (Redis) shows it at once, so a page rendered from the data before the commit could be
    kept under it: the second makes such a page out of date too."""
    _new_generation()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_new_generation)


def depends_on(*model_classes: type[models.Model]) -> None:
    """The public pages show these models: saving or deleting one (or changing one of their
    many-to-many relations) makes every kept page out of date. Call from AppConfig.ready()."""
    for model in model_classes:
        uid = f"publicpage:{model._meta.label}"
        post_save.connect(content_changed, sender=model, dispatch_uid=uid, weak=False)
        post_delete.connect(content_changed, sender=model, dispatch_uid=uid, weak=False)
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(content_changed, sender=through, dispatch_uid=uid, weak=False)

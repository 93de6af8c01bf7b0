"""Fetching a news feed by its address: HTTP(S) only, a time limit on the whole download, a size limit,
and no address inside the network (nor a redirect to one) unless the settings allow it.

The radar's feed job (``actions._fetch_feeds``) calls ``fetch()``; the feed's entries are then read by
the engine like an uploaded feed file. Errors come back as ``FeedError`` with a message for the analyst.
"""

from __future__ import annotations

import ipaddress
import socket
import time
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

TIMEOUT_SECONDS = 10  # for the whole download, not only for each read
MAX_BYTES = 5 * 1024 * 1024
CHUNK = 64 * 1024
USER_AGENT = "Lodestar technology radar (feed reader)"
ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"


class FeedError(Exception):
    """Why a feed could not be read, in the words shown to the analyst."""


def _allow_private() -> bool:
    """Feeds inside the network (loopback, private ranges) are refused in production, so that an address
    typed on the radar cannot reach the platform's own services; tests and intranet set this to True."""
    return bool(getattr(settings, "RADAR_FEEDS_ALLOW_PRIVATE", False))


def check_address(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FeedError(_("Only http:// and https:// addresses can be read."))
    if _allow_private():
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    except (socket.gaierror, UnicodeError):
        raise FeedError(_("The address's host name could not be found.")) from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise FeedError(_("The address points inside the network; only public feeds are read."))


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Every address a redirect leads to is checked like the first one."""

    def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str) -> Any:
        check_address(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, timeout: float | None = None, limit: int | None = None) -> bytes:
    """The bytes of the feed at ``url``, or ``FeedError`` saying why not (limits: the module's own)."""
    timeout = TIMEOUT_SECONDS if timeout is None else timeout
    limit = MAX_BYTES if limit is None else limit
    check_address(url)
    opener = urllib.request.build_opener(_CheckedRedirects())
    # check_address() allowed http and https only
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": ACCEPT})  # noqa: S310
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise FeedError(_too_large(limit))
            chunks: list[bytes] = []
            size = 0
            while True:
                if time.monotonic() > deadline:
                    raise FeedError(_timed_out(timeout))
                chunk = response.read(CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > limit:
                    raise FeedError(_too_large(limit))
                chunks.append(chunk)
            return b"".join(chunks)
    except urllib.error.HTTPError as error:
        raise FeedError(_("The server answered %(code)d.") % {"code": error.code}) from None
    except TimeoutError:
        raise FeedError(_timed_out(timeout)) from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, FeedError):
            raise error.reason from None
        if isinstance(error.reason, TimeoutError):
            raise FeedError(_timed_out(timeout)) from None
        raise FeedError(_("The server could not be reached.")) from None
    except (ValueError, OSError):
        raise FeedError(_("The server could not be reached.")) from None


def _timed_out(timeout: float) -> str:
    return _("No complete answer within %(seconds)d seconds.") % {"seconds": timeout}


def _too_large(limit: int) -> str:
    return _("The feed is larger than %(mb)d MB.") % {"mb": limit // (1024 * 1024)}

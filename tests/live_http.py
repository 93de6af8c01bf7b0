"""Real HTTP requests to a live server from many threads at once (tests/test_races_*.py, bench/races.py).

Standard library only. A `Session` carries a logged-in user's session cookie and a CSRF secret that
it sends as both cookie and form field, as a browser's form does; each request opens its own
connection, so N threads are N clients.
"""

from __future__ import annotations

import secrets
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # a redirect is an answer here (the page the action sends the user to)


_OPENER = urllib.request.build_opener(_NoRedirect)


@dataclass
class Session:
    base: str
    sessionid: str
    csrf: str = field(default_factory=lambda: secrets.token_hex(16))  # 32 characters: an unmasked secret

    def _headers(self, content_type: str) -> dict[str, str]:
        return {
            "Cookie": f"sessionid={self.sessionid}; csrftoken={self.csrf}",
            "Content-Type": content_type,
            "Referer": self.base + "/",
        }

    def post(self, path: str, data: dict[str, Any], files: dict[str, tuple[str, bytes]] | None = None) -> int:
        """POST a form (multipart when `files` is given); returns the status (a redirect counts as one)."""
        fields = {"csrfmiddlewaretoken": self.csrf, **data}
        if files:
            boundary = secrets.token_hex(12)
            body = b""
            for name, value in fields.items():
                for one in value if isinstance(value, list) else [value]:
                    body += (
                        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{one}\r\n'
                    ).encode()
            for name, (filename, content) in files.items():
                body += (
                    (
                        f"--{boundary}\r\nContent-Disposition: form-data; "
                        f'name="{name}"; filename="{filename}"\r\n'
                        "Content-Type: application/pdf\r\n\r\n"
                    ).encode()
                    + content
                    + b"\r\n"
                )
            body += f"--{boundary}--\r\n".encode()
            content_type = f"multipart/form-data; boundary={boundary}"
        else:
            body = urllib.parse.urlencode(fields, doseq=True).encode()
            content_type = "application/x-www-form-urlencoded"
        # The live server's own http:// address, never a scheme from input.
        request = urllib.request.Request(self.base + path, data=body, headers=self._headers(content_type))  # noqa: S310
        try:
            with _OPENER.open(request, timeout=60) as response:
                return int(response.status)
        except urllib.error.HTTPError as exc:
            return int(exc.code)


def session_for(client: Any, user: Any, base: str) -> Session:
    """A session of `user` on the live server at `base`, logged in through Django's test client."""
    client.force_login(user)
    return Session(base=base, sessionid=client.cookies["sessionid"].value)


def all_at_once(calls: list[Callable[[], Any]], timeout: float = 120) -> list[Any]:
    """Run every call in its own thread, released together by a barrier; their results (or the
    exception each raised) in order."""
    barrier = threading.Barrier(len(calls))
    results: list[Any] = [None] * len(calls)

    def run(index: int, call: Callable[[], Any]) -> None:
        try:
            barrier.wait(timeout)
            results[index] = call()
        except Exception as exc:
            results[index] = exc

    threads = [threading.Thread(target=run, args=(n, c)) for n, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    return results

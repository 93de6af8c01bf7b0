"""Response headers that tell the browser what a Lodestar page may do.

Django 5.2 has no Content-Security-Policy of its own (6.0 adds one), so this middleware sets the
policy and the Permissions-Policy from settings. The policy allows scripts from this site only: no
inline script, no `eval`, no other origin; pages carry no inline script or event handler (htmx is a
static file, configured through a meta tag). Style attributes stay allowed (`style-src-attr`): the
charts and bars size themselves with them, and a style attribute cannot run code.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        policy = settings.CONTENT_SECURITY_POLICY
        if policy and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = policy
        if settings.PERMISSIONS_POLICY and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = settings.PERMISSIONS_POLICY
        return response

"""Lodestar's REST API (django-ninja): the same permission rules as the pages, the same actions.

Served at /api/ with its OpenAPI schema at /api/openapi.json and interactive docs at /api/docs.
Staff-only reads answer 403 to others; an object outside what the caller may see answers 404.

Each app keeps its endpoints and their schemas in its own `api.py` (one Router each); this module
only builds the API, its authentication and the error handlers they share, and mounts the routers.
The pager and the role checks that routers use are in core/api.py.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.operation import Operation

from lodestar.accelerator import api as accelerator
from lodestar.api.auth import AUTH
from lodestar.api.errors import document_errors
from lodestar.applications import api as applications
from lodestar.core.errors import error_text
from lodestar.core.workflow import TransitionNotAllowed
from lodestar.engagement import api as engagement
from lodestar.experts import api as experts
from lodestar.fund import api as fund
from lodestar.grants import api as grants
from lodestar.partnerships import api as partnerships
from lodestar.programmes import api as programmes
from lodestar.radar import api as radar
from lodestar.reviews import api as reviews
from lodestar.selection import api as selection


class LodestarAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation: Operation) -> str:
        # Operation ids used to be made from the one module that held every endpoint; clients
        # generated from the schema know them by those names, so they stay the same wherever an
        # endpoint now lives (each view function's name is unique across the API, as its URL name).
        return f"lodestar_api_main_{operation.view_func.__name__}"

    def get_openapi_schema(self, **kwargs: Any) -> Any:
        # Every operation documents its error answers (api/errors.py), not only its 200.
        return document_errors(super().get_openapi_schema(**kwargs))


api = LodestarAPI(
    title="Lodestar API",
    version="1",
    description="Calls, applications, experts, assignments, reviews, rankings and selections.",
    urls_namespace="api",
    auth=AUTH,
)


@api.exception_handler(PermissionDenied)
def forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc) or "Forbidden"}, status=403)


@api.exception_handler(ValidationError)
def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return api.create_response(request, {"detail": error_text(exc)}, status=400)


@api.exception_handler(TransitionNotAllowed)
def not_allowed(request: HttpRequest, exc: TransitionNotAllowed) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc)}, status=409)


# Paths name resources, not apps: a call's applications are /calls/{slug}/applications whichever app
# serves them. So every router is mounted at the root of the API and spells its full paths, which
# stay as they were before the API was split by app.
for router in (
    programmes.router,
    applications.router,
    experts.router,
    reviews.router,
    selection.router,
    radar.router,
    grants.router,
    fund.router,
    accelerator.router,
    engagement.router,
    partnerships.router,
):
    api.add_router("", router)


__all__ = ["api"]

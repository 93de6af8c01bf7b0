"""What every app's API router shares: who is calling, the role checks, and the one pager.

These live in core, not in `lodestar.api`, because each app's `api.py` needs them and `lodestar.api`
sits on top of the apps (it mounts their routers): an app importing it would make a cycle. The
authentication itself (tokens, the session) and the error handlers stay in `lodestar.api`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Annotated, Any, overload

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination, paginate
from pydantic import StringConstraints

from lodestar.core.roles import ANYWHERE, DIRECTORS, PROGRAMME_TEAM

# Text the API accepts, bounded (a longer one is a 422 that names the field and the bound): a note on
# a decision or a booking, a reviewer's comment on one criterion, an overall comment, a short code.
Note = Annotated[str, StringConstraints(max_length=4000)]
Comment = Annotated[str, StringConstraints(max_length=4000)]
LongComment = Annotated[str, StringConstraints(max_length=20000)]
Code = Annotated[str, StringConstraints(max_length=100)]
Title = Annotated[str, StringConstraints(max_length=300)]
Address = Annotated[str, StringConstraints(max_length=500)]


class BoundedLimitOffset(LimitOffsetPagination):
    """?limit= from 1 to 1000 and ?offset= from 0 to a billion: anything else is a 422 that says which
    bound, never an integer the database cannot hold (2^63 overflowed SQLite and PostgreSQL)."""

    class Input(Schema):
        limit: int = Field(100, ge=1, le=1000, description="How many items (1 to 1000).")
        offset: int = Field(0, ge=0, le=1_000_000_000, description="How many items to skip.")


# Every list of the API pages the same way: ?limit=&offset=, answering {"items": [...], "count": n}.
paged = paginate(BoundedLimitOffset)


def caller(request: HttpRequest) -> Any:
    """The authenticated user of an API request (set by the API's authentication)."""
    return request.auth  # type: ignore[attr-defined]


def require_staff(request: HttpRequest) -> Any:
    """On the team of some programme; each endpoint then finds its call among the user's own
    (`programmes.queries.team_call`), so another programme's call is a 404."""
    user = caller(request)
    if not user.has_role(*PROGRAMME_TEAM, scope=ANYWHERE):
        raise PermissionDenied
    return user


def require_director(request: HttpRequest) -> Any:
    """A director of some programme (the endpoint narrows to the programmes directed)."""
    user = caller(request)
    if not user.has_role(*DIRECTORS, scope=ANYWHERE):
        raise PermissionDenied
    return user


class Rows(Sequence[dict[str, Any]]):
    """A queryset read lazily for the pager: only the requested page is fetched and shaped, and the
    total is one COUNT, however large the call."""

    def __init__(self, queryset: QuerySet[Any], shape: Callable[[Any], dict[str, Any]]) -> None:
        self.queryset, self.shape = queryset, shape

    def __len__(self) -> int:
        return self.queryset.count()

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...
    @overload
    def __getitem__(self, index: slice) -> list[dict[str, Any]]: ...
    def __getitem__(self, index: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        if isinstance(index, slice):
            return [self.shape(row) for row in self.queryset[index]]
        return self.shape(self.queryset[index])

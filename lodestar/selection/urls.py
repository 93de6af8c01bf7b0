from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import URLPattern, URLResolver, path

from lodestar.accounts.users import signed_in_user
from lodestar.core.moved import moved
from lodestar.core.permissions import staff_only
from lodestar.programmes.queries import team_calls
from lodestar.selection import views
from lodestar.selection.models import Selection, SelectionEntry

app_name = "selection"


def _run_address(request: HttpRequest, pk: int) -> dict[str, object]:
    runs = Selection.objects.filter(call__in=team_calls(signed_in_user(request)))
    return {"slug": get_object_or_404(runs.select_related("call"), pk=pk).call.slug, "pk": pk}


def _entry_address(request: HttpRequest, pk: int) -> dict[str, object]:
    entries = SelectionEntry.objects.filter(selection__call__in=team_calls(signed_in_user(request)))
    entry = get_object_or_404(entries.select_related("selection__call"), pk=pk)
    return {"slug": entry.selection.call.slug, "pk": pk}


urlpatterns: list[URLPattern | URLResolver] = [
    path("staff/calls/<slug:slug>/selection/", views.overview, name="overview"),
    path("staff/calls/<slug:slug>/selection/rules/", views.rules, name="rules"),
    path("staff/calls/<slug:slug>/selection/run/", views.run, name="run"),
    path("staff/calls/<slug:slug>/selection/runs/<int:pk>/", views.selection_detail, name="selection"),
    path("staff/calls/<slug:slug>/selection/runs/<int:pk>/confirm/", views.confirm, name="confirm"),
    path("staff/calls/<slug:slug>/selection/runs/<int:pk>/letters/", views.send_letters, name="send_letters"),
    path(
        "staff/calls/<slug:slug>/selection/runs/<int:pk>/letters/preview/",
        views.preview_letters,
        name="preview_letters",
    ),
    path("staff/calls/<slug:slug>/selection/entries/<int:pk>/override/", views.override, name="override"),
    # Old addresses by object id: staff only, so that an id tells an outsider no call's slug.
    path(
        "staff/selections/<int:pk>/", staff_only(moved("selection:selection", _run_address)), name="old_run"
    ),
    path(
        "staff/selections/<int:pk>/confirm/",
        staff_only(moved("selection:confirm", _run_address)),
        name="old_confirm",
    ),
    path(
        "staff/selections/entries/<int:pk>/override/",
        staff_only(moved("selection:override", _entry_address)),
        name="old_override",
    ),
]

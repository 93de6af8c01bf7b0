from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import URLPattern, URLResolver, path

from lodestar.accounts.users import signed_in_user
from lodestar.applications.models import Application
from lodestar.core.moved import moved
from lodestar.core.permissions import staff_only
from lodestar.core.roles import PROGRAMME_TEAM
from lodestar.reviews.views import assignment, conflicts, ranking, reviewing

app_name = "reviews"


def _reviews_address(request: HttpRequest, pk: int) -> dict[str, object]:
    team = Application.objects.for_role(signed_in_user(request), PROGRAMME_TEAM)
    application = get_object_or_404(team.select_related("challenge__call"), pk=pk)
    return {"slug": application.call.slug, "pk": pk}


urlpatterns: list[URLPattern | URLResolver] = [
    # Programme staff: conflicts of interest
    path("staff/calls/<slug:slug>/conflicts/", conflicts.queue, name="conflicts"),
    path("staff/calls/<slug:slug>/conflicts/run/", conflicts.run, name="conflicts_run"),
    path("staff/calls/<slug:slug>/conflicts/confirm/", conflicts.confirm, name="conflicts_confirm"),
    path("staff/calls/<slug:slug>/conflicts/<int:pk>/dismiss/", conflicts.dismiss, name="conflict_dismiss"),
    # Programme staff: assignment of experts
    path("staff/calls/<slug:slug>/assignment/", assignment.overview, name="overview"),
    path("staff/calls/<slug:slug>/assignment/setup/", assignment.edit_setup, name="setup"),
    path("staff/calls/<slug:slug>/assignment/run/", assignment.run, name="run"),
    path("staff/calls/<slug:slug>/assignment/add/", assignment.add, name="add"),
    path("staff/calls/<slug:slug>/assignment/remove/", assignment.remove, name="remove"),
    path("staff/calls/<slug:slug>/assignment/swap/", assignment.swap, name="swap"),
    path("staff/calls/<slug:slug>/assignment/publish/", assignment.publish, name="publish"),
    path(
        "staff/calls/<slug:slug>/assignment/applications/<int:pk>/",
        assignment.application,
        name="application",
    ),
    path(
        "staff/calls/<slug:slug>/assignment/applications/<int:pk>/reassign/",
        assignment.reassign,
        name="reassign",
    ),
    # Programme staff: the reviewing stage (its criteria, its progress, each application's reviews)
    path("staff/calls/<slug:slug>/reviewing/", ranking.progress, name="progress"),
    path("staff/calls/<slug:slug>/reviewing/remind/<int:expert_pk>/", ranking.remind, name="remind_expert"),
    path(
        "staff/calls/<slug:slug>/reviewing/remind/<int:expert_pk>/preview/",
        ranking.preview_remind,
        name="preview_remind",
    ),
    path("staff/calls/<slug:slug>/reviewing/rubric/", assignment.edit_rubric, name="rubric"),
    path(
        "staff/calls/<slug:slug>/reviewing/applications/<int:pk>/",
        ranking.reviews_page,
        name="application_reviews",
    ),
    # Programme staff: ranking
    path("staff/calls/<slug:slug>/ranking/", ranking.ranking, name="ranking"),
    path("staff/calls/<slug:slug>/ranking/recompute/", ranking.recompute, name="recompute"),
    # Experts: their published assignments, reviews and declarations
    path("review/my/", reviewing.mine, name="mine"),
    path("review/my/<int:assignment_pk>/", reviewing.review, name="review"),
    path("review/my/<int:assignment_pk>/decline/", reviewing.decline, name="decline"),
    path(
        "review/declarations/applications/<int:pk>/", conflicts.declare_assignment, name="declare_assignment"
    ),
    # Applicants: people and organisations they do not want as reviewers
    path(
        "review/applications/<int:pk>/declarations/",
        conflicts.applicant_declarations,
        name="applicant_declarations",
    ),
    path(
        "review/applications/<int:pk>/declarations/<int:declaration_id>/remove/",
        conflicts.remove_applicant_declaration,
        name="applicant_declaration_remove",
    ),
    # Old addresses of staff pages; by application id: staff only, so that an id tells nobody a slug
    path("staff/calls/<slug:slug>/progress/", moved("reviews:progress"), name="old_progress"),
    path("staff/calls/<slug:slug>/rubric/", moved("reviews:rubric"), name="old_rubric"),
    path(
        "staff/applications/<int:pk>/reviews/",
        staff_only(moved("reviews:application_reviews", _reviews_address)),
        name="old_application_reviews",
    ),
]

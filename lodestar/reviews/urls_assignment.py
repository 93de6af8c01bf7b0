from django.urls import URLPattern, URLResolver, path

from lodestar.reviews.views import assignment, ranking, reviewing

app_name = "reviews_assignment"
urlpatterns: list[URLPattern | URLResolver] = [
    # Staff: assignment of experts
    path("staff/calls/<slug:slug>/assignment/", assignment.overview, name="overview"),
    path("staff/calls/<slug:slug>/assignment/setup/", assignment.edit_setup, name="setup"),
    path("staff/calls/<slug:slug>/rubric/", assignment.edit_rubric, name="rubric"),
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
    # Experts: their published assignments and reviews
    path("my/", reviewing.mine, name="mine"),
    path("my/<int:assignment_pk>/", reviewing.review, name="review"),
    path("my/<int:assignment_pk>/decline/", reviewing.decline, name="decline"),
    # Staff: follow-up
    path("staff/calls/<slug:slug>/progress/", ranking.progress, name="progress"),
    path("staff/calls/<slug:slug>/ranking/", ranking.ranking, name="ranking"),
    path("staff/calls/<slug:slug>/ranking/recompute/", ranking.recompute, name="recompute"),
    path("staff/applications/<int:pk>/reviews/", ranking.reviews_page, name="application_reviews"),
]

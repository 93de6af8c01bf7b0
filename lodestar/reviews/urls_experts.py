from django.urls import URLPattern, URLResolver, path

from lodestar.reviews.views import conflicts, experts

app_name = "reviews_experts"
urlpatterns: list[URLPattern | URLResolver] = [
    # Staff
    path("staff/experts/", experts.expert_list, name="expert_list"),
    path("staff/experts/invite/", experts.invite, name="invite"),
    path("staff/experts/import/", experts.import_experts, name="import"),
    path("staff/experts/<int:pk>/", experts.expert_detail, name="expert_detail"),
    path("staff/experts/<int:pk>/edit/", experts.expert_edit, name="expert_edit"),
    path("staff/calls/<slug:slug>/conflicts/", conflicts.queue, name="conflicts"),
    path("staff/calls/<slug:slug>/conflicts/run/", conflicts.run, name="conflicts_run"),
    path("staff/calls/<slug:slug>/conflicts/confirm/", conflicts.confirm, name="conflicts_confirm"),
    path("staff/calls/<slug:slug>/conflicts/<int:pk>/dismiss/", conflicts.dismiss, name="conflict_dismiss"),
    # Experts
    path("invitation/<str:token>/", experts.invitation, name="invitation"),
    path("profile/", experts.profile, name="profile"),
    path("declarations/organisations/", experts.declare_organisation, name="declare_organisation"),
    path("declarations/applications/<int:pk>/", conflicts.declare_assignment, name="declare_assignment"),
    # Applicants
    path(
        "applications/<int:pk>/declarations/", conflicts.applicant_declarations, name="applicant_declarations"
    ),
    path(
        "applications/<int:pk>/declarations/<int:declaration_id>/remove/",
        conflicts.remove_applicant_declaration,
        name="applicant_declaration_remove",
    ),
]

from django.urls import URLPattern, URLResolver, path

from lodestar.experts import views

app_name = "experts"
urlpatterns: list[URLPattern | URLResolver] = [
    # Programme staff: the expert pool
    path("staff/experts/", views.expert_list, name="expert_list"),
    path("staff/experts/invite/", views.invite, name="invite"),
    path("staff/experts/import/", views.import_experts, name="import"),
    path("staff/experts/<int:pk>/", views.expert_detail, name="expert_detail"),
    path("staff/experts/<int:pk>/edit/", views.expert_edit, name="expert_edit"),
    # Experts: their invitation, profile and declared ties (links in sent e-mails keep these paths)
    path("review/invitation/<str:token>/", views.invitation, name="invitation"),
    path("review/profile/", views.profile, name="profile"),
    path("review/declarations/organisations/", views.declare_organisation, name="declare_organisation"),
]

from django.urls import path

from lodestar.applications import staff_views as views
from lodestar.core.moved import moved

app_name = "staff"
urlpatterns = [
    path("calls/", views.call_list, name="calls"),
    path("calls/<slug:slug>/", views.dashboard, name="dashboard"),
    # The screening stage: /staff/calls/<slug>/<stage>/ like every stage (programmes/stages.py)
    path("calls/<slug:slug>/screening/", views.application_list, name="applications"),
    path("calls/<slug:slug>/screening/applications.<str:fmt>", views.export, name="export"),
    # One application's own page spans every stage, so it is addressed by the application alone.
    path("applications/<int:pk>/", views.application_detail, name="application"),
    path("applications/<int:pk>/screen/", views.screen, name="screen"),
    # Old addresses
    path("calls/<slug:slug>/applications/", moved("staff:applications"), name="old_applications"),
    path("calls/<slug:slug>/applications.<str:fmt>", moved("staff:export"), name="old_export"),
]

from django.urls import path

from lodestar.applications import staff_views as views

app_name = "staff"
urlpatterns = [
    path("calls/", views.call_list, name="calls"),
    path("calls/<slug:slug>/", views.dashboard, name="dashboard"),
    path("calls/<slug:slug>/applications/", views.application_list, name="applications"),
    path("calls/<slug:slug>/applications.<str:fmt>", views.export, name="export"),
    path("applications/<int:pk>/", views.application_detail, name="application"),
    path("applications/<int:pk>/screen/", views.screen, name="screen"),
]

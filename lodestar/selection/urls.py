from django.urls import URLPattern, URLResolver, path

from lodestar.selection import views

app_name = "selection"
urlpatterns: list[URLPattern | URLResolver] = [
    path("staff/calls/<slug:slug>/selection/", views.overview, name="overview"),
    path("staff/calls/<slug:slug>/selection/rules/", views.rules, name="rules"),
    path("staff/calls/<slug:slug>/selection/run/", views.run, name="run"),
    path("staff/selections/<int:pk>/", views.selection_detail, name="selection"),
    path("staff/selections/<int:pk>/confirm/", views.confirm, name="confirm"),
    path("staff/selections/entries/<int:pk>/override/", views.override, name="override"),
]

from django.urls import path

from lodestar.matching import views

app_name = "matching"
urlpatterns = [
    path("search/", views.search, name="search"),
    path("calls/<slug:slug>/matching/", views.overview, name="overview"),
    path("calls/<slug:slug>/matching/run/", views.run, name="run"),
    path("calls/<slug:slug>/matching/switch/", views.switch, name="switch"),
]

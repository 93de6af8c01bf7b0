from django.urls import path

from lodestar.programmes import views

app_name = "calls"
urlpatterns = [
    path("", views.call_list, name="list"),
    path("<slug:slug>/", views.call_detail, name="detail"),
    path("<slug:slug>/<slug:challenge>/", views.challenge_detail, name="challenge"),
]

from django.urls import path

from lodestar.programmes import setup_views as views

app_name = "setup"
urlpatterns = [
    path("", views.home, name="home"),
    path("programmes/new/", views.programme_new, name="programme_new"),
    path("programmes/<slug:slug>/", views.programme_edit, name="programme"),
    path("programmes/<slug:slug>/calls/new/", views.call_new, name="call_new"),
    path("calls/<slug:slug>/", views.call_edit, name="call"),
    path("calls/<slug:slug>/challenges/", views.challenges, name="challenges"),
    path("calls/<slug:slug>/challenges/new/", views.challenge_edit, name="challenge_new"),
    path("calls/<slug:slug>/challenges/<int:pk>/", views.challenge_edit, name="challenge"),
    path("calls/<slug:slug>/rules/", views.rules, name="rules"),
    path("calls/<slug:slug>/form/", views.form_builder, name="form"),
    path("calls/<slug:slug>/form/<int:pk>/", views.question_edit, name="question"),
    path("calls/<slug:slug>/form/<int:pk>/<slug:change>/", views.question_change, name="question_change"),
]

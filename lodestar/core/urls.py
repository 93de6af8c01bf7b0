from django.urls import path

from lodestar.core import views

app_name = "core"
urlpatterns = [
    path("jobs/<int:pk>/", views.job_progress, name="job_progress"),
    path("letters/", views.my_letters, name="my_letters"),
    path("letters/<int:pk>/", views.letter, name="letter"),
]

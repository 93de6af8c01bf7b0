from django.urls import path

from lodestar.accounts import views

app_name = "accounts"
urlpatterns = [path("profile/", views.profile, name="profile")]

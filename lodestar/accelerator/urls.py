from django.urls import path

from lodestar.accelerator import views

app_name = "accelerator"

urlpatterns = [
    path("centres/", views.directory, name="directory"),
    path("centres/<slug:slug>/", views.centre, name="centre"),
    path("centres/<slug:slug>/book/", views.book, name="book"),
    path("centres/<slug:slug>/feed/<str:token>.ics", views.feed, name="feed"),
    path("bookings/", views.my_bookings, name="my_bookings"),
    path("bookings/<int:pk>/invitation.ics", views.invitation, name="invitation"),
    path("bookings/<int:pk>/cancel/", views.cancel, name="cancel"),
    path("bookings/<int:pk>/decide/", views.decide, name="decide"),
    path("operator/", views.queue, name="queue"),
    path("utilisation/", views.utilisation, name="utilisation"),
]

from django.urls import path

from lodestar.applications import views

app_name = "applications"
urlpatterns = [
    path("", views.my_applications, name="mine"),
    path("start/<int:challenge_id>/", views.start, name="start"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/submit/", views.submit, name="submit"),
    path("<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("<int:pk>/reopen/", views.reopen, name="reopen"),
    path("<int:pk>/attachments/", views.upload, name="upload"),
    path("<int:pk>/attachments/<int:attachment_id>/", views.download, name="download"),
    path(
        "<int:pk>/attachments/<int:attachment_id>/remove/", views.remove_attachment, name="remove_attachment"
    ),
]

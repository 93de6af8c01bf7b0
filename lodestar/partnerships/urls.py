from django.urls import URLPattern, URLResolver, path

from lodestar.partnerships import views

app_name = "partnerships"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.calls, name="calls"),
    path("calls/<slug:slug>/", views.call_detail, name="call"),
    path("calls/<slug:slug>/propose/", views.start, name="start"),
    path("proposals/", views.mine, name="mine"),
    path("proposals/<int:pk>/", views.proposal_detail, name="proposal"),
    path("proposals/<int:pk>/edit/", views.proposal_edit, name="edit"),
    path("proposals/<int:pk>/submit/", views.proposal_submit, name="submit"),
    path("proposals/<int:pk>/withdraw/", views.proposal_withdraw, name="withdraw"),
    path("proposals/<int:pk>/screen/", views.proposal_screen, name="screen"),
    path("proposals/<int:pk>/committee/", views.proposal_to_committee, name="to_committee"),
    path("proposals/<int:pk>/vote/", views.proposal_vote, name="vote"),
    path("proposals/<int:pk>/decision/", views.proposal_decide, name="decide"),
    path("proposals/<int:pk>/grant/", views.proposal_grant, name="grant"),
    path("proposals/<int:pk>/event/", views.open_event, name="open_event"),
    path("staff/partner-calls/<slug:slug>/", views.staff_call, name="staff_call"),
    path("committee/", views.committee_list, name="committee"),
]

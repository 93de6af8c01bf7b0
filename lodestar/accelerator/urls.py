from django.urls import path

from lodestar.accelerator.views import adoption, cohorts
from lodestar.accelerator.views import bookings as views

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
    # Cohorts: the team's pages, and a company's own page.
    path("cohorts/", cohorts.cohorts, name="cohorts"),
    path("cohorts/form/<int:pk>/", cohorts.form_cohort, name="form_cohort"),
    path("cohorts/<int:pk>/", cohorts.cohort, name="cohort"),
    path("cohorts/<int:pk>/close/", cohorts.close, name="close_cohort"),
    path("cohorts/<int:pk>/target/", cohorts.target, name="target"),
    path("cohorts/<int:pk>/phase-2/", cohorts.open_phase_two, name="open_phase_two"),
    path("cohorts/<int:pk>/phase-2/apply/", cohorts.apply_phase_two, name="apply_phase_two"),
    path("cohorts/<int:pk>/companies/<int:company>/", cohorts.company, name="cohort_company"),
    path("cohorts/<int:pk>/companies/<int:company>/trl/", cohorts.record_trl, name="record_trl"),
    path("cohorts/<int:pk>/companies/<int:company>/mentors/", cohorts.assign_mentor, name="assign_mentor"),
    path(
        "cohorts/<int:pk>/companies/<int:company>/mentors/<int:mentoring>/remove/",
        cohorts.remove_mentor,
        name="remove_mentor",
    ),
    path("cohorts/<int:pk>/companies/<int:company>/results/", cohorts.write_result, name="write_result"),
    path(
        "cohorts/<int:pk>/companies/<int:company>/results/<int:result>/share/",
        cohorts.share_result,
        name="share_result",
    ),
    path("cohorts/<int:pk>/demo-days/new/", adoption.plan_demo_day, name="plan_demo_day"),
    # The road to adoption: end users' showcase, cases, demo days.
    path("showcase/", adoption.showcase, name="showcase"),
    path("showcase/<int:pk>/", adoption.showcase_cohort, name="showcase_cohort"),
    path("showcase/companies/<int:company>/interest/", adoption.interest, name="interest"),
    path("adoption/", adoption.cases, name="cases"),
    path("adoption/<int:pk>/", adoption.case, name="case"),
    path("adoption/<int:pk>/advance/", adoption.advance, name="advance"),
    path("demo-days/<int:pk>/", adoption.demo_day, name="demo_day"),
    path("demo-days/<int:pk>/invite/", adoption.invite, name="invite"),
    path("demo-days/<int:pk>/answer/", adoption.answer, name="answer"),
]

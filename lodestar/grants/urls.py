from django.urls import URLPattern, URLResolver, path

from lodestar.grants import views

app_name = "grants"

urlpatterns: list[URLPattern | URLResolver] = [
    path("grants/", views.my_awards, name="my_awards"),
    path("grants/<int:pk>/", views.award, name="award"),
    path("grants/<int:pk>/agreements/<int:version>/", views.agreement_pdf, name="agreement_pdf"),
    path("grants/<int:pk>/agreements/<int:version>/signed/", views.signed_copy, name="signed_copy"),
    path("grants/<int:pk>/agreements/<int:version>/sign/", views.sign, name="sign"),
    path("grants/<int:pk>/amend/", views.amend, name="amend"),
    path("grants/<int:pk>/terminate/", views.terminate, name="terminate"),
    path("grants/<int:pk>/milestones/<int:number>/", views.milestone, name="milestone"),
    path(
        "grants/<int:pk>/milestones/<int:number>/evidence/<int:evidence_id>/", views.evidence, name="evidence"
    ),
    path("grants/<int:pk>/reports/<int:number>/", views.report, name="report"),
    path("grants/<int:pk>/bank-account/", views.bank_account, name="bank_account"),
    path("staff/calls/<slug:slug>/awards/", views.call_awards, name="call_awards"),
    path("staff/calls/<slug:slug>/awards/make/<int:application_id>/", views.make_award, name="make_award"),
    path("staff/payments/", views.payment_orders, name="payments"),
    path("staff/payments/<int:pk>/<slug:move>/", views.payment_move, name="payment_move"),
    path("staff/payments/export.<slug:fmt>", views.export, name="export"),
]

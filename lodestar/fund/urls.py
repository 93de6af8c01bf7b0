from django.urls import URLPattern, URLResolver, path

from lodestar.fund import deal_views, portfolio_views, views

app_name = "fund"

urlpatterns: list[URLPattern | URLResolver] = [
    path("fund/deals/", views.board, name="board"),
    path("fund/deals/<int:pk>/", views.deal_detail, name="deal"),
    path("fund/deals/<int:pk>/move/", views.deal_move, name="deal_move"),
    path("fund/deals/<int:pk>/screen/", views.deal_screen, name="deal_screen"),
    path("fund/deals/<int:pk>/findings/<int:finding>/clear/", views.finding_clear, name="finding_clear"),
    path("fund/deals/duplicates/", deal_views.duplicates, name="duplicates"),
    path("fund/deals/merge/", deal_views.merge, name="merge"),
    path("fund/deals/<int:pk>/notes/", deal_views.note_add, name="note_add"),
    path("fund/deals/<int:pk>/tasks/", deal_views.task_add, name="task_add"),
    path("fund/deals/<int:pk>/tasks/<int:task>/", deal_views.task_status, name="task_status"),
    path("fund/deals/<int:pk>/documents/", deal_views.document_add, name="document_add"),
    path("fund/deals/<int:pk>/documents/<int:document>/", deal_views.document_download, name="document"),
    path("fund/deals/<int:pk>/checklist/", deal_views.checklist_open, name="checklist_open"),
    path("fund/deals/<int:pk>/checklist/<int:item>/", deal_views.item_update, name="item_update"),
    path("fund/checklist/", deal_views.checklist, name="checklist"),
    path("fund/screening-lists/", deal_views.screening_lists, name="screening_lists"),
    path("fund/deals/<int:pk>/meeting/", views.meeting_schedule, name="meeting_schedule"),
    path("fund/meetings/<int:pk>/", views.meeting_detail, name="meeting"),
    path("fund/meetings/<int:pk>/pack.pdf", views.meeting_pack, name="meeting_pack"),
    path("fund/meetings/<int:pk>/vote/", views.meeting_vote, name="meeting_vote"),
    path("fund/meetings/<int:pk>/decision/", views.meeting_decide, name="meeting_decide"),
    path("fund/deals/<int:pk>/invest/", portfolio_views.invest, name="invest"),
    path("fund/portfolio/", portfolio_views.dashboard, name="portfolio"),
    path("fund/portfolio/commit/", portfolio_views.commit, name="commit"),
    path("fund/investments/<int:pk>/", portfolio_views.investment_detail, name="investment"),
    path("fund/investments/<int:pk>/rounds/", portfolio_views.round_add, name="round_add"),
    path("fund/investments/<int:pk>/proceeds/", portfolio_views.proceeds_add, name="proceeds_add"),
    path("fund/investments/<int:pk>/valuations/", portfolio_views.valuation_add, name="valuation_add"),
    path("fund/partners/", portfolio_views.partners, name="partners"),
    path("fund/partners/<str:nation>/", portfolio_views.partner_detail, name="partner"),
    path("fund/notices/", views.notices, name="notices"),
    path("fund/notices/issue/", views.issue, name="issue"),
    path("fund/notices/<int:pk>/pay/", views.notice_pay, name="notice_pay"),
    path("fund/notices/<int:pk>/pdf/", views.notice_document, name="notice_pdf"),
    path("fund/statements/<str:nation>.<str:fmt>", views.statement_document, name="statement"),
]

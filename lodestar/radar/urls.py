from django.urls import URLPattern, URLResolver, path

from lodestar.radar import views

app_name = "radar"

urlpatterns: list[URLPattern | URLResolver] = [
    path("radar/", views.home, name="home"),
    path("radar/documents/", views.documents, name="documents"),
    path("radar/documents/<int:pk>/", views.document, name="document"),
    path("radar/feeds/", views.add_feed, name="add_feed"),
    path("radar/feeds/fetch/", views.fetch_feeds, name="fetch_feeds"),
    path("radar/feeds/<int:pk>/active/", views.feed_active, name="feed_active"),
    path("radar/signals/<str:kind>/", views.signals, name="signals"),
    path("radar/blip-from-signal/<str:kind>/<path:key>", views.blip_from_signal, name="blip_from_signal"),
    path("radar/signals/<str:kind>/<path:key>/", views.signal, name="signal"),
    path("radar/organisations/<int:pk>/deal-flow/", views.add_to_deal_flow, name="add_to_deal_flow"),
    path("radar/editions/", views.editions, name="editions"),
    path("radar/editions/<int:pk>/", views.edition, name="edition"),
    path("radar/editions/<int:pk>/publish/", views.publish, name="publish"),
    path("radar/blips/<int:pk>/", views.blip, name="blip"),
    path("radar/blips/<int:pk>/edit/", views.edit_blip, name="edit_blip"),
    path("radar/blips/<int:pk>/remove/", views.remove_blip, name="remove_blip"),
    path("radar/suggestions/", views.suggestions, name="suggestions"),
    path("radar/suggestions/<int:pk>/decide/", views.decide, name="decide"),
]

from django.urls import URLPattern, URLResolver

app_name = "reviews_selection"
urlpatterns: list[URLPattern | URLResolver] = []

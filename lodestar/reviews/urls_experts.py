from django.urls import URLPattern, URLResolver

app_name = "reviews_experts"
urlpatterns: list[URLPattern | URLResolver] = []

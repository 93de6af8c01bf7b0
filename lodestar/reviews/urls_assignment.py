from django.urls import URLPattern, URLResolver

app_name = "reviews_assignment"
urlpatterns: list[URLPattern | URLResolver] = []

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path
from django.views.i18n import set_language

from lodestar.api.main import api
from lodestar.applications.home import home
from lodestar.core.moved import moved_prefix

urlpatterns: list[URLPattern | URLResolver] = [
    path("i18n/setlang/", set_language, name="set_language"),
    path("api/", api.urls),
]

urlpatterns += i18n_patterns(
    path("", home, name="home"),
    path("", include("lodestar.core.urls")),
    path("accounts/", include("allauth.urls")),
    path("account/", include("lodestar.accounts.urls")),
    path("organisations/", include("lodestar.organisations.urls")),
    path("calls/", include("lodestar.programmes.urls")),
    path("applications/", include("lodestar.applications.urls")),
    path("staff/", include("lodestar.applications.staff_urls")),
    path("staff/setup/", include("lodestar.programmes.setup_urls")),
    path("staff/", include("lodestar.matching.urls")),
    path("", include("lodestar.experts.urls")),
    path("", include("lodestar.reviews.urls")),
    path("", include("lodestar.selection.urls")),
    path("", include("lodestar.radar.urls")),
    path("", include("lodestar.grants.urls")),
    path("", include("lodestar.fund.urls")),
    path("accelerator/", include("lodestar.accelerator.urls")),
    path("engagement/", include("lodestar.engagement.urls")),
    path("partnerships/", include("lodestar.partnerships.urls")),
    # Staff pages of review and selection used to live under /review/staff/; old links still land.
    path("review/staff/<path:rest>", moved_prefix("/review/staff/", "/staff/")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "lodestar.reviews"
    verbose_name = _("Expert review")

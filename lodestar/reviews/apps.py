from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "lodestar.reviews"
    verbose_name = _("Expert review")

    def ready(self) -> None:
        # Registers each stage's job runners and audit labels in every process, the worker included.
        from lodestar.reviews.actions import (  # noqa: F401
            assignment,
            conflicts,
            ranking,
            reviewing,
            rubric,
        )

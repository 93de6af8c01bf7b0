from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "lodestar.matching"
    verbose_name = _("Matching")

    def ready(self) -> None:
        from lodestar.matching import (
            actions,  # noqa: F401  # registers the matching job runner
            panels,
        )

        panels.register()  # the insights on the staff application page

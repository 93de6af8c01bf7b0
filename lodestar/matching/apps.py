from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "lodestar.matching"
    verbose_name = _("Matching")

    def ready(self) -> None:
        # Importing the actions registers the matching job runner.
        from lodestar.matching import actions, panels, stages  # noqa: F401

        panels.register()  # the insights on the staff application page
        stages.register()

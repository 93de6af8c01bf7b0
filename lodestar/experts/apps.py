from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExpertsConfig(AppConfig):
    name = "lodestar.experts"
    verbose_name = _("The expert pool")

    def ready(self) -> None:
        # Registers the app's job runners and audit labels in every process, the worker included.
        from lodestar.experts import actions  # noqa: F401

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RadarConfig(AppConfig):
    name = "lodestar.radar"
    verbose_name = _("Technology radar")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Registers the ingestion job's runner in every process, the worker included.
        from lodestar.radar import actions  # noqa: F401

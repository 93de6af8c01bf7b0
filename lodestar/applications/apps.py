from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "lodestar.applications"
    verbose_name = _("Applications")

    def ready(self) -> None:
        from lodestar.applications import panels, stages

        panels.register()  # the apply button under each challenge of the public call pages
        stages.register()  # screening, the first stage of a call

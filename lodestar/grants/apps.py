from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GrantsConfig(AppConfig):
    name = "lodestar.grants"
    verbose_name = _("Grants")

    def ready(self) -> None:
        # The "awards" stage of a call, registered in every process (the dashboard reads it).
        from lodestar.grants import stages

        stages.register()

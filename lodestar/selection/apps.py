from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SelectionConfig(AppConfig):
    name = "lodestar.selection"
    verbose_name = _("Selection")

    def ready(self) -> None:
        # Registers the app's job runners and audit labels in every process, the worker included.
        from lodestar.selection import (
            actions,  # noqa: F401
            stages,
        )

        stages.register()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AcceleratorConfig(AppConfig):
    name = "lodestar.accelerator"
    verbose_name = _("Accelerator")

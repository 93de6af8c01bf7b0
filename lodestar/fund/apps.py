from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundConfig(AppConfig):
    name = "lodestar.fund"
    verbose_name = _("Deep-tech fund")

    def ready(self) -> None:
        from lodestar.core.jobs import JOB_READERS
        from lodestar.fund import (
            lists,  # registers the re-screening job
            rescreen,  # registers the job after a change of shareholders
        )

        JOB_READERS.append(lists.fund_job_reader)
        rescreen.connect()

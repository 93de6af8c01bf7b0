from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "lodestar.programmes"
    verbose_name = _("Programmes")

    def ready(self) -> None:
        # The team of a call's programme follows the call's stage jobs (core/views.job_progress).
        from lodestar.core.jobs import JOB_READERS
        from lodestar.programmes.queries import reads_call_job

        if reads_call_job not in JOB_READERS:
            JOB_READERS.append(reads_call_job)

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
        # The public pages of calls and challenges (kept for visitors, core/pagecache.py) show this
        # app's models and the EDT areas: a change to any of them makes the kept pages out of date.
        from lodestar.core.models import EdtArea
        from lodestar.core.pagecache import depends_on

        depends_on(*self.get_models(), EdtArea)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "lodestar.reviews"
    verbose_name = _("Expert review")

    def ready(self) -> None:
        # Registers each stage's job runners and audit labels in every process, the worker included.
        from lodestar.applications.models import READERS
        from lodestar.experts.actions import organisation_declared
        from lodestar.reviews import panels, stages
        from lodestar.reviews.actions import (  # noqa: F401
            assignment,
            conflicts,
            ranking,
            reviewing,
            rubric,
        )
        from lodestar.reviews.workflow import expert_reads

        # The pool records an expert's declared ties; this stage turns them into conflicts.
        organisation_declared.connect(conflicts.on_organisation_declared, dispatch_uid="reviews.conflicts")
        panels.register()  # the reviews on the application page, the conflicts on the expert page
        stages.register()  # conflicts, assignment, reviewing, ranking
        # Experts open the applications published to them (applications cannot import reviews).
        if expert_reads not in READERS:
            READERS.append(expert_reads)

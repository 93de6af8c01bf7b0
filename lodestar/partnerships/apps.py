from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    name = "lodestar.partnerships"
    verbose_name = _("Partner science grants")

    def ready(self) -> None:
        # A partner proposal's application is edited and sent from the proposal's page only (both stages and
        # their rules live there), never from the applications pages or API.
        from lodestar.applications.actions import EDIT_GUARDS, SUBMISSION_GUARDS, SUBMISSION_GUARDS_MANY
        from lodestar.partnerships.sending import (
            edited_from_its_proposal,
            sent_from_its_proposal,
            sent_from_their_proposals,
        )

        if sent_from_its_proposal not in SUBMISSION_GUARDS:
            SUBMISSION_GUARDS.append(sent_from_its_proposal)
        SUBMISSION_GUARDS_MANY[sent_from_its_proposal] = sent_from_their_proposals
        if edited_from_its_proposal not in EDIT_GUARDS:
            EDIT_GUARDS.append(edited_from_its_proposal)

        # A funded workshop's event is run by its organisers as well as by the engagement officers.
        from lodestar.engagement.workflow import EVENT_ORGANISERS
        from lodestar.partnerships.events import runs_event

        if runs_event not in EVENT_ORGANISERS:
            EVENT_ORGANISERS.append(runs_event)

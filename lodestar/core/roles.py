"""The roles of shared/DESIGN.md. A user holds any number of them (a Django group each)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    APPLICANT = "applicant", _("Applicant")
    EXPERT = "expert", _("Expert")
    PROGRAMME_STAFF = "programme_staff", _("Programme staff")
    PROGRAMME_DIRECTOR = "programme_director", _("Programme director")
    ACCELERATOR_STAFF = "accelerator_staff", _("Accelerator staff")
    FUND_TEAM = "fund_team", _("Fund team")
    ENGAGEMENT_OFFICER = "engagement_officer", _("Engagement officer")
    ADMINISTRATOR = "administrator", _("Administrator")


# Named sets of roles, used by permission checks instead of lists repeated in views.
PROGRAMME_TEAM = frozenset({Role.PROGRAMME_STAFF, Role.PROGRAMME_DIRECTOR, Role.ADMINISTRATOR})

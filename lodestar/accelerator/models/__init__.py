"""The accelerator's models: the network of sites and test centres and their bookings, cohorts and
their companies, and the road to adoption (each in a module of its own)."""

from lodestar.accelerator.models.adoption import AdoptionCase, DemoDay, DemoDayInvitation
from lodestar.accelerator.models.bookings import Allowance, Booking, BookingDay
from lodestar.accelerator.models.centres import Blackout, Capability, Centre, CentreKind
from lodestar.accelerator.models.cohorts import (
    AdoptionTarget,
    Cohort,
    CohortCompany,
    Mentoring,
    SharedResult,
    TrlReading,
    target_of,
)

__all__ = [
    "AdoptionCase",
    "AdoptionTarget",
    "Allowance",
    "Blackout",
    "Booking",
    "BookingDay",
    "Capability",
    "Centre",
    "CentreKind",
    "Cohort",
    "CohortCompany",
    "DemoDay",
    "DemoDayInvitation",
    "Mentoring",
    "SharedResult",
    "TrlReading",
    "target_of",
]

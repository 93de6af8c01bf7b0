"""The accelerator's models: the network of sites and test centres and their bookings (cohorts,
Phase 2 and adoption join them here later, each in a module of its own)."""

from lodestar.accelerator.models.bookings import Allowance, Booking, BookingDay
from lodestar.accelerator.models.centres import Blackout, Capability, Centre, CentreKind

__all__ = ["Allowance", "Blackout", "Booking", "BookingDay", "Capability", "Centre", "CentreKind"]

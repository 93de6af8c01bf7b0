"""What the accelerator's pages and API read: bookings and the network (bookings.py), cohorts and
their board (cohorts.py). Each reads in a fixed number of queries, whatever the size."""

from lodestar.accelerator.queries.bookings import (
    UNDER_USED,
    Day,
    Use,
    company_bookings,
    default_period,
    directory,
    month_calendar,
    operator_queue,
    utilisation,
    visible_bookings,
)

__all__ = [
    "UNDER_USED",
    "Day",
    "Use",
    "company_bookings",
    "default_period",
    "directory",
    "month_calendar",
    "operator_queue",
    "utilisation",
    "visible_bookings",
]

"""The accelerator's actions, one module per meaning: bookings of test days, cohorts, the road to
adoption. Actions never see the request; every state change is atomic and goes through
core.workflow.transition()."""

from lodestar.accelerator.actions.bookings import (
    check_booking_rules,
    check_cancel_booking,
    check_confirm_booking,
    check_refuse_booking,
    check_request_booking,
    days_left,
    do_promote_waitlist,
)

__all__ = [
    "check_booking_rules",
    "check_cancel_booking",
    "check_confirm_booking",
    "check_refuse_booking",
    "check_request_booking",
    "days_left",
    "do_promote_waitlist",
]

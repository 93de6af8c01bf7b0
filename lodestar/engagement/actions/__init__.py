"""Changes in the engagement app, one home per operation (views, the API, commands and other apps
call these; none takes a request). Split by meaning: people, directory, events, consultations."""

from lodestar.engagement.actions.events import (
    check_add_agenda_item,
    check_cancel_registration,
    check_create_event,
    check_decide_registration,
    check_enrol,
    check_invite,
    check_move_event,
    check_record_attendance,
    check_register,
    check_remove_agenda_item,
    check_save_minutes,
    check_update_event,
    do_create_event,
    may_read_minutes,
)
from lodestar.engagement.actions.people import (
    check_create_person,
    check_erase_person,
    check_record_consents,
    check_save_person,
    current_consents,
    do_export_person,
    person_for_user,
)

__all__ = [
    "check_add_agenda_item",
    "check_cancel_registration",
    "check_create_event",
    "check_create_person",
    "check_decide_registration",
    "check_enrol",
    "check_erase_person",
    "check_invite",
    "check_move_event",
    "check_record_attendance",
    "check_record_consents",
    "check_register",
    "check_remove_agenda_item",
    "check_save_minutes",
    "check_save_person",
    "check_update_event",
    "current_consents",
    "do_create_event",
    "do_export_person",
    "may_read_minutes",
    "person_for_user",
]

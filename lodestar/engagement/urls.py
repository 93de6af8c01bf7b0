from django.urls import path

from lodestar.engagement.views import consultations, directory, events

app_name = "engagement"

urlpatterns = [
    # Events
    path("events/", events.event_list, name="events"),
    path("events/<int:pk>/", events.event_detail, name="event"),
    path("events/<int:pk>/register/", events.register, name="register"),
    path("my/", events.my_registrations, name="my_registrations"),
    path("registrations/<int:pk>/cancel/", events.cancel_registration, name="cancel_registration"),
    path("registrations/<int:pk>/invitation.ics", events.invitation, name="invitation"),
    path("staff/events/new/", events.new_event, name="new_event"),
    path("staff/events/<int:pk>/", events.manage_event, name="manage_event"),
    path("staff/events/<int:pk>/edit/", events.edit_event, name="edit_event"),
    path("staff/events/<int:pk>/move/", events.move_event, name="move_event"),
    path("staff/events/<int:pk>/attendance/", events.attendance, name="attendance"),
    path("staff/events/<int:pk>/minutes/", events.minutes, name="minutes"),
    path("staff/events/<int:pk>/invite/", events.invite, name="invite"),
    path("staff/events/<int:pk>/agenda/", events.add_agenda_item, name="add_agenda_item"),
    path("staff/events/<int:pk>/enrol/", events.enrol, name="enrol"),
    path(
        "staff/events/<int:pk>/agenda/<int:item>/remove/",
        events.remove_agenda_item,
        name="remove_agenda_item",
    ),
    path("staff/events/<int:pk>/follow-ups/", consultations.add_event_follow_up, name="add_event_follow_up"),
    path("staff/registrations/<int:pk>/decide/", events.decide_registration, name="decide_registration"),
    # Directory and people
    path("directory/", directory.directory_list, name="directory"),
    path("organisations/<int:pk>/", directory.organisation, name="organisation"),
    path("staff/organisations/<int:pk>/profile/", directory.save_profile, name="save_profile"),
    path("staff/organisations/<int:pk>/relationships/", directory.add_relationship, name="add_relationship"),
    path("staff/relationships/<int:pk>/remove/", directory.remove_relationship, name="remove_relationship"),
    path("staff/import/", directory.import_organisations, name="import"),
    path("staff/duplicates/", directory.duplicates, name="duplicates"),
    path("staff/duplicates/find/", directory.find_duplicates, name="find_duplicates"),
    path("staff/duplicates/<int:pk>/", directory.decide_duplicate, name="decide_duplicate"),
    path("staff/people/", directory.people, name="people"),
    path("me/", directory.my_record, name="my_record"),
    path("people/<int:pk>/", directory.person, name="person"),
    path("people/<int:pk>/export.json", directory.export_person, name="export_person"),
    path("people/<int:pk>/erase/", directory.erase_person, name="erase_person"),
    # Consultations, contributions and follow-ups
    path("consultations/", consultations.consultation_list, name="consultations"),
    path("consultations/<int:pk>/", consultations.consultation, name="consultation"),
    path("consultations/<int:pk>/contribute/", consultations.contribute, name="contribute"),
    path("consultations/<int:pk>/outcomes/", consultations.outcomes, name="outcomes"),
    path("contributions/<int:pk>/", consultations.contribution, name="contribution"),
    path("staff/consultations/new/", consultations.new_consultation, name="new_consultation"),
    path("staff/consultations/<int:pk>/", consultations.moderation, name="moderation"),
    path("staff/consultations/<int:pk>/move/", consultations.move_consultation, name="move_consultation"),
    path("staff/consultations/<int:pk>/matching/", consultations.switch_matching, name="switch_matching"),
    path("staff/contributions/<int:pk>/moderate/", consultations.moderate, name="moderate"),
    path("staff/contributions/<int:pk>/outcome/", consultations.set_outcome, name="set_outcome"),
    path("staff/contributions/<int:pk>/rematch/", consultations.rematch, name="rematch"),
    path(
        "staff/contributions/<int:pk>/follow-ups/",
        consultations.add_contribution_follow_up,
        name="add_contribution_follow_up",
    ),
    path("follow-ups/", consultations.follow_ups, name="follow_ups"),
    path("follow-ups/<int:pk>/move/", consultations.move_follow_up, name="move_follow_up"),
]

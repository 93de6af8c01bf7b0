from django.urls import path

from lodestar.engagement.views import events

app_name = "engagement"

urlpatterns = [
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
    path(
        "staff/events/<int:pk>/agenda/<int:item>/remove/",
        events.remove_agenda_item,
        name="remove_agenda_item",
    ),
    path("staff/registrations/<int:pk>/decide/", events.decide_registration, name="decide_registration"),
]

"""A funded workshop's agenda and participants move from partnerships to an engagement event.

Each proposal that has agenda items or participants gets an event (a workshop, or a course for the
study institutes and training courses), with the co-directors' body as its partner: every participant
becomes a person of the directory (their affiliation kept as their role, their organisation found when
the directory holds one of that exact name) registered for the event; every session becomes an agenda
item of an hour (or up to the next session of that day), its speaker the participant of that name or a
new person. The event is open for registration, or held when it is over. Nothing is lost: the old
rows are removed by the next migration only.
"""

from datetime import datetime, time, timedelta

from django.db import migrations
from django.utils import timezone


def _person(Person, Organisation, full_name, affiliation="", nation=""):
    organisation = (
        Organisation.objects.filter(legal_name__iexact=affiliation).order_by("pk").first()
        if affiliation
        else None
    )
    return Person.objects.create(
        full_name=full_name[:150], role=affiliation[:150], nation=nation, organisation=organisation
    )


def forward(apps, schema_editor):
    Proposal = apps.get_model("partnerships", "Proposal")
    OldAgenda = apps.get_model("partnerships", "AgendaItem")
    OldParticipant = apps.get_model("partnerships", "Participant")
    Event = apps.get_model("engagement", "Event")
    AgendaItem = apps.get_model("engagement", "AgendaItem")
    Person = apps.get_model("engagement", "Person")
    Registration = apps.get_model("engagement", "Registration")
    Organisation = apps.get_model("organisations", "Organisation")
    zone = timezone.get_default_timezone()
    now = timezone.now()
    ids = set(OldAgenda.objects.values_list("proposal_id", flat=True))
    ids |= set(OldParticipant.objects.values_list("proposal_id", flat=True))
    proposals = Proposal.objects.filter(pk__in=ids, event__isnull=True).select_related(
        "mechanism", "application"
    )
    for proposal in proposals.order_by("pk"):
        sessions = list(OldAgenda.objects.filter(proposal=proposal).order_by("day", "starts_at", "id"))
        people = list(OldParticipant.objects.filter(proposal=proposal).order_by("full_name", "id"))
        first = proposal.starts_on or (sessions[0].day if sessions else (proposal.decided_at or now).date())
        starts = [datetime.combine(s.day, s.starts_at, tzinfo=zone) for s in sessions]
        starts_at = min([datetime.combine(first, time(9, 0), tzinfo=zone), *starts])
        days = max((proposal.days or 1) - 1, 0)
        last = max([first + timedelta(days=days), *(s.day for s in sessions)])
        ends_at = max(
            [datetime.combine(last, time(17, 0), tzinfo=zone), *(s + timedelta(hours=1) for s in starts)]
        )
        title = proposal.application.title[:200]
        event = Event.objects.create(
            kind="workshop" if "workshop" in proposal.mechanism.code else "course",
            title_en=title,
            title_fr=title,
            starts_at=starts_at,
            ends_at=ends_at,
            venue=proposal.venue,
            partner_id=proposal.organisation_id,
            capacity=max(len(people), 1),
            status="held" if ends_at < now else "published",
            created_by_id=proposal.created_by_id,
        )
        by_name = {}
        for p in people:
            person = _person(Person, Organisation, p.full_name, p.affiliation, p.nation)
            by_name.setdefault(p.full_name.strip().lower(), person)
            Registration.objects.create(event=event, person=person, status="registered", note="")
        for i, session in enumerate(sessions):
            begins = starts[i]
            following = [s for s in starts[i + 1 :] if s.date() == begins.date() and s > begins]
            ends = min([begins + timedelta(hours=1), *following])
            item = AgendaItem.objects.create(
                event=event, starts_at=begins, ends_at=ends, title_en=session.title, title_fr=session.title
            )
            if session.speaker.strip():
                key = session.speaker.strip().lower()
                if key not in by_name:
                    by_name[key] = _person(Person, Organisation, session.speaker.strip())
                item.speakers.add(by_name[key])
        Proposal.objects.filter(pk=proposal.pk).update(event=event)


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0003_proposal_event"),
        ("engagement", "0002_alter_event_kind"),
        ("organisations", "__latest__"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]

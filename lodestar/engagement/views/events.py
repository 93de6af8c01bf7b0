"""Event pages: the public list and page (behind their gates), registering and cancelling, one's own
registrations, the calendar file; for officers, creating and running an event."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lodestar.accounts.users import signed_in_user
from lodestar.core.errors import parse_id
from lodestar.engagement import actions
from lodestar.engagement import workflow as wf
from lodestar.engagement.access import is_officer, may_run_event
from lodestar.engagement.forms import (
    AgendaItemForm,
    EnrolForm,
    EventForm,
    InviteForm,
    MinutesForm,
    RegisterForm,
)
from lodestar.engagement.invitations import invitation_ics
from lodestar.engagement.models import AgendaItem, Event, EventKind, Person, Registration
from lodestar.engagement.queries import own_registrations, reachable_registrations, visible_events
from lodestar.engagement.views.common import acting, cleaned, form_page, officer_only


def _event_url(pk: int, *_args: object) -> str:
    return reverse("engagement:event", args=[pk])


def _manage_url(pk: int, *_args: object) -> str:
    return reverse("engagement:manage_event", args=[pk])


def _run(request: HttpRequest, pk: int) -> Event:
    """An event its organisers run (the officers, and a partner grant's organisers for its
    workshop); anyone else gets 403."""
    event = get_object_or_404(Event.objects.select_related("partner"), pk=pk)
    if not may_run_event(event, request.user):
        raise PermissionDenied
    return event


# The officer's list of registrations: a page at a time, so a big event's page costs what a small
# one's does (bench/engagement_pages.py).
REGISTRATIONS_PER_PAGE = 50


def event_list(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", "")
    events = (
        visible_events(request.user)
        .select_related("partner")
        .annotate(held=Count("registrations", filter=Q(registrations__status__in=wf.HOLDING)))
        .order_by("-starts_at")
    )
    if kind in EventKind.values:
        events = events.filter(kind=kind)
    page = Paginator(events, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "engagement/events.html",
        {
            "page": page,
            "kinds": EventKind.choices,
            "kind": kind,
            "officer": is_officer(request.user),
        },
    )


def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(visible_events(request.user).select_related("partner"), pk=pk)
    agenda = event.agenda.prefetch_related(
        Prefetch("speakers", queryset=Person.objects.select_related("organisation"))
    )
    mine = None
    if request.user.is_authenticated:
        mine = own_registrations(request.user).filter(event=event, status__in=wf.ACTIVE).first()
    held = event.registrations.filter(status__in=wf.HOLDING).count()
    return render(
        request,
        "engagement/event.html",
        {
            "event": event,
            "agenda": agenda,
            "mine": mine,
            "places_left": max(event.capacity - held, 0),
            "form": RegisterForm(),
            "minutes": event.minutes if actions.may_read_minutes(event, request.user) else "",
            "officer": is_officer(request.user),
            "runs": may_run_event(event, request.user),
            "follow_ups": event.follow_ups.exclude(status=wf.FollowUpStatus.DROPPED)
            if is_officer(request.user)
            else [],
        },
    )


@require_POST
@login_required
@acting(_event_url)
def register(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    event = get_object_or_404(visible_events(user), pk=pk)
    data = cleaned(RegisterForm(request.POST), _("The note is too long (1,000 characters at most)."))
    registration = actions.check_register(event, user, note=data["note"])
    messages.success(
        request, _("Your registration: %(status)s.") % {"status": registration.get_status_display()}
    )
    return redirect("engagement:event", pk=event.pk)


def _back_to_mine(*_args: object) -> str:
    return reverse("engagement:my_registrations")


@require_POST
@login_required
@acting(_back_to_mine)
def cancel_registration(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    registration = get_object_or_404(reachable_registrations(user), pk=pk)
    actions.check_cancel_registration(registration, user)
    messages.success(request, _("The registration is cancelled."))
    return redirect("engagement:my_registrations")


@login_required
def my_registrations(request: HttpRequest) -> HttpResponse:
    registrations = own_registrations(request.user).select_related("event").order_by("-event__starts_at")
    return render(request, "engagement/my_registrations.html", {"registrations": registrations})


@login_required
def invitation(request: HttpRequest, pk: int) -> HttpResponse:
    registration = get_object_or_404(
        reachable_registrations(request.user).select_related("event", "user"), pk=pk
    )
    response = HttpResponse(invitation_ics(registration), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="event-{registration.event_id}.ics"'
    return response


@officer_only
def new_event(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    return form_page(
        request,
        EventForm(request.POST or None),
        lambda data: actions.check_create_event(user, **data),
        saved=_("The event is created as a draft."),
        then=lambda event: _manage_url(event.pk),
        template="engagement/event_form.html",
        context={"event": None},
    )


@login_required
def edit_event(request: HttpRequest, pk: int) -> HttpResponse:
    event = _run(request, pk)
    user = signed_in_user(request)
    return form_page(
        request,
        EventForm(request.POST or None, instance=Event.objects.get(pk=pk)),
        lambda data: actions.check_update_event(event, user, data),
        saved=_("The event is saved."),
        then=lambda _saved: _manage_url(event.pk),
        template="engagement/event_form.html",
        context={"event": event},
    )


@login_required
def manage_event(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    event = _run(request, pk)
    status = request.GET.get("status", "")
    registrations = event.registrations.select_related("person", "person__organisation").order_by(
        "created_at", "pk"
    )
    if status in wf.RegistrationStatus.values:
        registrations = registrations.filter(status=status)
    else:
        status = ""
    page = Paginator(registrations, REGISTRATIONS_PER_PAGE).get_page(request.GET.get("page"))
    counts = dict.fromkeys(wf.RegistrationStatus.values, 0)
    for state, n in event.registrations.values_list("status").annotate(n=Count("pk")).order_by():
        counts[state] = n
    return render(
        request,
        "engagement/manage_event.html",
        {
            "event": event,
            "page": page,
            "status": status,
            "counts": [(s, wf.RegistrationStatus(s).label, n) for s, n in counts.items()],
            "moves": wf.EVENT_WORKFLOW.available(event, user),
            "agenda": event.agenda.prefetch_related("speakers"),
            "agenda_form": AgendaItemForm(),
            "enrol_form": EnrolForm(),
            "invite_form": InviteForm(),
            "minutes_form": MinutesForm(instance=event),
            "invitations": event.invitations.order_by("email"),
            "officer": is_officer(user),
        },
    )


@require_POST
@login_required
@acting(_manage_url)
def move_event(request: HttpRequest, pk: int) -> HttpResponse:
    event = _run(request, pk)
    actions.check_move_event(event, request.POST.get("to", ""), signed_in_user(request))
    messages.success(
        request,
        _("The event is now: %(status)s.") % {"status": Event.objects.get(pk=pk).get_status_display()},
    )
    return redirect("engagement:manage_event", pk=pk)


def _registration_event_url(pk: int, *_args: object) -> str:
    registration = Registration.objects.filter(pk=pk).first()
    return _manage_url(registration.event_id) if registration else reverse("engagement:events")


@require_POST
@login_required
@acting(_registration_event_url)
def decide_registration(request: HttpRequest, pk: int) -> HttpResponse:
    registration = get_object_or_404(Registration.objects.select_related("event"), pk=pk)
    if not may_run_event(registration.event, request.user):
        raise PermissionDenied
    decision = request.POST.get("decision")
    if decision not in {"approve", "decline"}:
        raise ValidationError(_("Choose to approve or to decline."))
    registration = actions.check_decide_registration(
        registration, signed_in_user(request), decision == "approve", request.POST.get("note", "")[:1000]
    )
    messages.success(
        request, _("The registration is now: %(status)s.") % {"status": registration.get_status_display()}
    )
    return redirect("engagement:manage_event", pk=registration.event_id)


@require_POST
@login_required
@acting(_manage_url)
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    event = _run(request, pk)
    ids = [i for v in request.POST.getlist("present") if (i := parse_id(v)) is not None]
    # The page of registrations the organiser saw; without it (an older form) every one is set.
    shown = [i for v in request.POST.getlist("shown") if (i := parse_id(v)) is not None]
    n = actions.check_record_attendance(
        event, signed_in_user(request), ids, shown if "shown" in request.POST else None
    )
    messages.success(request, _("Attendance saved: %(n)d present.") % {"n": n})
    return redirect("engagement:manage_event", pk=pk)


@require_POST
@login_required
@acting(_manage_url)
def minutes(request: HttpRequest, pk: int) -> HttpResponse:
    event = _run(request, pk)
    data = cleaned(
        MinutesForm(request.POST, instance=Event.objects.get(pk=pk)), _("The minutes could not be read.")
    )
    actions.check_save_minutes(event, signed_in_user(request), data["minutes_en"], data["minutes_fr"])
    messages.success(request, _("The minutes are saved."))
    return redirect("engagement:manage_event", pk=pk)


@require_POST
@login_required
@acting(_manage_url)
def invite(request: HttpRequest, pk: int) -> HttpResponse:
    event = _run(request, pk)
    data = cleaned(InviteForm(request.POST), _("Give at least one e-mail address."))
    made = actions.check_invite(event, signed_in_user(request), data["emails"].replace(",", "\n").split())
    messages.success(request, _("%(n)d invitations added.") % {"n": len(made)})
    return redirect("engagement:manage_event", pk=pk)


@require_POST
@login_required
@acting(_manage_url)
def add_agenda_item(request: HttpRequest, pk: int) -> HttpResponse:
    event = _run(request, pk)
    form = AgendaItemForm(request.POST)
    if not form.is_valid():
        raise ValidationError(
            " ".join(f"{form.fields[f].label}: {' '.join(str(m) for m in e)}" for f, e in form.errors.items())
        )
    data = form.cleaned_data
    ids = [i for v in data["speakers"].split(",") if (i := parse_id(v.strip())) is not None]
    speakers = list(Person.objects.filter(pk__in=ids, erased_at__isnull=True))
    if len(speakers) != len(set(ids)):
        raise ValidationError(_("Some speaker numbers are not in the directory."))
    actions.check_add_agenda_item(
        event,
        signed_in_user(request),
        starts_at=data["starts_at"],
        ends_at=data["ends_at"],
        title_en=data["title_en"],
        title_fr=data["title_fr"],
        speakers=speakers,
    )
    messages.success(request, _("The agenda item is added."))
    return redirect("engagement:manage_event", pk=pk)


@require_POST
@login_required
def remove_agenda_item(request: HttpRequest, pk: int, item: int) -> HttpResponse:
    event = _run(request, pk)
    item_row = get_object_or_404(AgendaItem, pk=item, event=event)
    actions.check_remove_agenda_item(item_row, signed_in_user(request))
    messages.success(request, _("The agenda item is removed."))
    return redirect("engagement:manage_event", pk=pk)


@require_POST
@login_required
@acting(_manage_url)
def enrol(request: HttpRequest, pk: int) -> HttpResponse:
    """The organisers register someone of the directory (by their number in the directory)."""
    event = _run(request, pk)
    data = cleaned(EnrolForm(request.POST), _("Give the person's number in the directory."))
    person = Person.objects.filter(pk=data["person"], erased_at__isnull=True).first()
    if person is None:
        raise ValidationError(_("There is no such person in the directory."))
    registration = actions.check_enrol(event, signed_in_user(request), person, data["note"])
    messages.success(
        request,
        _("%(name)s: %(status)s.")
        % {"name": person.display_name, "status": registration.get_status_display()},
    )
    return redirect("engagement:manage_event", pk=pk)

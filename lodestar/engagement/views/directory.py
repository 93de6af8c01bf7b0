"""Directory pages: the list of organisations, an organisation's profile and history; for officers
the import, relationships, the profile's edit and duplicates; for everyone their own record."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lodestar.accounts.users import signed_in_user
from lodestar.core.errors import parse_id
from lodestar.engagement import actions
from lodestar.engagement import workflow as wf
from lodestar.engagement.access import is_officer
from lodestar.engagement.actions import directory as directory_actions
from lodestar.engagement.forms import ConsentForm, DirectoryFilter, ImportForm, PersonForm, RelationshipForm
from lodestar.engagement.importing import ImportRefused, Refusal
from lodestar.engagement.models import DuplicatePair, Profile, Relationship, SpaceSegment
from lodestar.engagement.queries import directory, organisation_history, reachable_people
from lodestar.engagement.views.common import acting, cleaned, officer_only
from lodestar.organisations.models import Organisation


@login_required
def directory_list(request: HttpRequest) -> HttpResponse:
    form = DirectoryFilter(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    organisations = directory(filters).prefetch_related("areas")
    page = Paginator(organisations, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "engagement/directory.html",
        {
            "form": form,
            "page": page,
            "officer": is_officer(request.user),
        },
    )


def _organisation_url(pk: int, *_args: object) -> str:
    return reverse("engagement:organisation", args=[pk])


@login_required
def organisation(request: HttpRequest, pk: int) -> HttpResponse:
    org = get_object_or_404(Organisation.objects.select_related("directory_profile"), pk=pk)
    user = signed_in_user(request)
    profile = Profile.objects.filter(organisation=org).first()
    return render(
        request,
        "engagement/organisation.html",
        {
            "organisation": org,
            "profile": profile,
            "areas": org.areas.all(),
            "relationships_out": Relationship.objects.filter(source=org).select_related("target"),
            "relationships_in": Relationship.objects.filter(target=org).select_related("source"),
            "history": organisation_history(org, user),
            "officer": is_officer(user),
            "relationship_form": RelationshipForm(),
            "segments": SpaceSegment.choices,
        },
    )


@require_POST
@officer_only
@acting(_organisation_url)
def save_profile(request: HttpRequest, pk: int) -> HttpResponse:
    org = get_object_or_404(Organisation, pk=pk)
    segment = request.POST.get("space_segment", "")
    if segment and segment not in SpaceSegment.values:
        raise ValidationError(_("Choose a space segment from the list."))
    directory_actions.check_save_profile(
        org,
        signed_in_user(request),
        space_segment=segment,
        capabilities=request.POST.get("capabilities", "")[:4000],
        partner=bool(request.POST.get("partner")),
    )
    messages.success(request, _("The profile is saved."))
    return redirect("engagement:organisation", pk=pk)


@require_POST
@officer_only
@acting(_organisation_url)
def add_relationship(request: HttpRequest, pk: int) -> HttpResponse:
    org = get_object_or_404(Organisation, pk=pk)
    data = cleaned(
        RelationshipForm(request.POST), _("Choose a relationship and give the other organisation's number.")
    )
    target = Organisation.objects.filter(pk=data["target"]).first()
    if target is None:
        raise ValidationError(_("No organisation has this number."))
    directory_actions.check_add_relationship(
        org, target, data["kind"], signed_in_user(request), data["since"]
    )
    messages.success(request, _("The relationship is added."))
    return redirect("engagement:organisation", pk=pk)


@require_POST
@officer_only
def remove_relationship(request: HttpRequest, pk: int) -> HttpResponse:
    relationship = get_object_or_404(Relationship, pk=pk)
    source = relationship.source_id
    directory_actions.check_remove_relationship(relationship, signed_in_user(request))
    messages.success(request, _("The relationship is removed."))
    return redirect("engagement:organisation", pk=source)


@officer_only
def import_organisations(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    refusals: list[Refusal] = []
    status = 200
    if request.method == "POST":
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                made = directory_actions.check_import_organisations(
                    upload.name, upload.read(), signed_in_user(request)
                )
            except ImportRefused as exc:
                refusals, status = exc.refusals, 400
            else:
                messages.success(request, _("%(n)d organisations imported.") % {"n": len(made)})
                return redirect("engagement:directory")
        else:
            status = 400
    return render(request, "engagement/import.html", {"form": form, "refusals": refusals}, status=status)


@officer_only
def duplicates(request: HttpRequest) -> HttpResponse:
    pairs = DuplicatePair.objects.filter(status=wf.DuplicateStatus.OPEN).select_related("first", "second")
    page = Paginator(pairs, 50).get_page(request.GET.get("page"))
    return render(request, "engagement/duplicates.html", {"page": page, "officer": True})


def _duplicates_url(*_args: object) -> str:
    return reverse("engagement:duplicates")


@require_POST
@officer_only
def find_duplicates(request: HttpRequest) -> HttpResponse:
    n = directory_actions.check_find_duplicates(signed_in_user(request))
    messages.success(request, _("%(n)d possible duplicates found.") % {"n": n})
    return redirect("engagement:duplicates")


@require_POST
@officer_only
@acting(_duplicates_url)
def decide_duplicate(request: HttpRequest, pk: int) -> HttpResponse:
    pair = get_object_or_404(DuplicatePair, pk=pk)
    user = signed_in_user(request)
    keep = parse_id(request.POST.get("keep"))
    if keep is None:
        directory_actions.check_dismiss_duplicate(pair, user)
        messages.success(request, _("Marked as not a duplicate."))
        return redirect("engagement:duplicates")
    kept = directory_actions.check_merge(pair, get_object_or_404(Organisation, pk=keep), user)
    messages.success(request, _("Merged into %(name)s, with every link.") % {"name": kept.legal_name})
    return redirect("engagement:organisation", pk=kept.pk)


# --- People ------------------------------------------------------------------------------------------


@officer_only
def people(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:100]
    found = reachable_people(request.user).select_related("organisation")
    if q:
        found = found.filter(full_name__icontains=q)
    page = Paginator(found, 50).get_page(request.GET.get("page"))
    return render(request, "engagement/people.html", {"page": page, "q": q, "officer": True})


def _record_url(pk: int, *_args: object) -> str:
    return reverse("engagement:person", args=[pk])


@login_required
def my_record(request: HttpRequest) -> HttpResponse:
    person = actions.person_for_user(signed_in_user(request))
    return redirect("engagement:person", pk=person.pk)


@login_required
def person(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    record = get_object_or_404(reachable_people(user).select_related("organisation"), pk=pk)
    form = PersonForm(request.POST or None, instance=record)
    consents = actions.current_consents(record)
    consent_form = ConsentForm(request.POST or None, current=consents)
    status = 200
    if request.method == "POST":
        if form.is_valid() and consent_form.is_valid():
            try:
                fields = {k: form.cleaned_data[k] for k in PersonForm.Meta.fields}
                actions.check_save_person(record, user, fields)
                actions.check_record_consents(record, user, consent_form.cleaned_data)
            except ValidationError as exc:
                form.add_error(None, exc)
                status = 400
            else:
                messages.success(request, _("Saved."))
                return redirect("engagement:person", pk=record.pk)
        else:
            status = 400
    return render(
        request,
        "engagement/person.html",
        {
            "record": record,
            "form": form,
            "consent_form": consent_form,
            "history": record.consents.order_by("-at", "-pk")[:100],
            "registrations": record.registrations.select_related("event")[:50],
            "officer": is_officer(user),
        },
        status=status,
    )


@login_required
def export_person(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    record = get_object_or_404(reachable_people(user), pk=pk)
    data = actions.do_export_person(record, user)
    response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="my-data-{record.pk}.json"'
    return response


@require_POST
@login_required
@acting(_record_url)
def erase_person(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    record = get_object_or_404(reachable_people(user), pk=pk)
    if request.POST.get("confirm") != "erase":
        raise ValidationError(_("Tick the box to confirm the erasure."))
    actions.check_erase_person(record, user)
    messages.success(request, _("The personal data are erased."))
    return redirect("engagement:people" if is_officer(user) else "engagement:events")

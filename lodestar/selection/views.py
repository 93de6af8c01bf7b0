"""Pages of cohort selection: the cohort with its reasons, the rules, overrides and confirmation.

Programme staff read the cohort; only the programme director (or an administrator) sets the rules,
runs, overrides and confirms. Each page parses its input and calls lodestar/reviews/actions/selection.py.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lodestar.accounts.users import signed_in_user
from lodestar.applications.models import Application
from lodestar.core.errors import error_text, parse_id
from lodestar.core.job_views import run_stage_job
from lodestar.core.money import format_money
from lodestar.core.nations import nation_name
from lodestar.core.permissions import director_only, may_act, staff_only
from lodestar.core.roles import DIRECTORS
from lodestar.organisations.models import OrganisationType
from lodestar.programmes.models import Call
from lodestar.programmes.queries import team_call
from lodestar.reviews.models.rules import review_rules
from lodestar.selection import actions as actions
from lodestar.selection import engine_adapter as adapter
from lodestar.selection import letters
from lodestar.selection.forms import OverrideForm, SelectionRulesForm
from lodestar.selection.models import Selection, SelectionEntry, selection_rules

PAGE_SIZE = 50


def _entries(selection: Selection) -> Any:
    return selection.entries.select_related("application__organisation", "application__challenge")


def _with_amounts(entries: Any, grant: Decimal) -> list[SelectionEntry]:
    rows = list(entries)
    for entry in rows:
        entry.amount = adapter.cost_of(entry.application, grant)
    return rows


def _summary(chosen: list[SelectionEntry], challenges: list[Any]) -> dict[str, Any]:
    per_challenge = {c.pk: {"challenge": c, "entries": [], "amount": Decimal(0)} for c in challenges}
    for entry in chosen:
        group = per_challenge[entry.application.challenge_id]
        group["entries"].append(entry)
        group["amount"] += entry.amount  # type: ignore[attr-defined]
    nations = Counter(e.application.organisation.headquarters_nation for e in chosen)
    types = Counter(e.application.organisation.kind for e in chosen)
    return {
        "groups": list(per_challenge.values()),
        "nations": [
            (code, nation_name(code), n) for code, n in sorted(nations.items(), key=lambda i: (-i[1], i[0]))
        ],
        "nation_count": len([code for code in nations if code]),
        "types": [
            (OrganisationType(code).label if code in OrganisationType.values else code, n)
            for code, n in types.most_common()
        ],
    }


def _rules_view(rules: dict[str, Any]) -> list[tuple[str, str]]:
    """The rules a run used, as (label, value) for the page."""
    none = _("none")
    share = rules.get("max_nation_share")
    types = rules.get("min_per_type") or {}
    return [
        (_("Budget"), format_money(rules.get("budget") or 0)),
        (
            _("Per challenge"),
            _("%(low)s to %(high)s")
            % {
                "low": rules.get("min_per_challenge") or 0,
                "high": rules.get("max_per_challenge") if rules.get("max_per_challenge") is not None else "∞",
            },
        ),
        (
            _("Maximum share of one nation"),
            _("%(share)s%%") % {"share": number_format(Decimal(share), 0, use_l10n=True)}
            if share is not None
            else none,
        ),
        (_("Minimum number of nations"), str(rules.get("min_nations") or 0)),
        (
            _("Minimum per organisation type"),
            ", ".join(
                f"{OrganisationType(k).label if k in OrganisationType.values else k}: {n}"
                for k, n in types.items()
            )
            or none,
        ),
    ]


def _cohort(request: HttpRequest, call: Call, selection: Selection | None) -> HttpResponse:
    setup = selection_rules(call)
    user = signed_in_user(request)
    context: dict[str, Any] = {
        "call": call,
        "review_rules": review_rules(call),
        "selection": selection,
        "job": actions.latest_job(call),
        "can_decide": may_act(user, DIRECTORS, call),
        "history": call.selections.select_related("created_by", "confirmed_by").annotate(
            chosen_count=Count("entries", filter=Q(entries__chosen=True))
        )[:20],
    }
    if selection is None:
        return render(request, "selection/cohort.html", context)
    grant = adapter.default_grant(call)
    challenges = list(call.challenges.all())
    chosen = _with_amounts(_entries(selection).filter(chosen=True).order_by("rank"), grant)
    near = _with_amounts(_entries(selection).filter(near_line=True).order_by("rank"), grant)
    diagnosis = selection.rules.get("diagnosis") or []
    words = adapter.vocabulary(call, [r for e in near for r in e.reasons] + diagnosis)
    for entry in near:
        entry.described = adapter.describe_reasons(  # type: ignore[attr-defined]
            entry.reasons, words, overridden=bool(entry.override)
        )
    others = _entries(selection).filter(chosen=False, near_line=False).order_by("rank")
    page = Paginator(others, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = _with_amounts(page.object_list, grant)
    latest = call.selections.order_by("-created_at", "-id").values_list("pk", flat=True).first()
    budget = Decimal(selection.rules.get("budget") or 0)
    rules_now = adapter.rules_of(setup)
    context.update(
        {
            "chosen": chosen,
            "summary": _summary(chosen, challenges),
            "near_in": [e for e in near if e.chosen],
            "near_out": [e for e in near if not e.chosen],
            "page": page,
            "diagnosis": adapter.describe_reasons(diagnosis, words),
            "budget": budget,
            "budget_percent": round(100 * selection.cost / budget) if budget else 0,
            "rules": _rules_view(selection.rules),
            "rules_changed": any(selection.rules.get(k) != v for k, v in rules_now.items()),
            "is_latest": latest == selection.pk,
            "can_change": context["can_decide"]
            and selection.status == Selection.Status.PROPOSED
            and latest == selection.pk,
            # Once confirmed: the letters' job, and how many members still have no letter.
            "letters_job": actions.latest_letters_job(selection)
            if selection.status == Selection.Status.CONFIRMED
            else None,
            "unsent_letters": actions.unsent_letters(selection),
        }
    )
    return render(request, "selection/cohort.html", context)


@staff_only
def overview(request: HttpRequest, slug: str) -> HttpResponse:
    call = team_call(signed_in_user(request), slug)
    return _cohort(request, call, actions.latest_selection(call))


@staff_only
def selection_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    call = team_call(signed_in_user(request), slug)
    selection = get_object_or_404(
        Selection.objects.select_related("call", "created_by", "confirmed_by"), pk=pk, call=call
    )
    return _cohort(request, call, selection)


@director_only
def rules(request: HttpRequest, slug: str) -> HttpResponse:
    call = team_call(signed_in_user(request), slug, DIRECTORS)
    setup = selection_rules(call)
    types = list(
        dict.fromkeys([*(call.eligible_org_types or OrganisationType.values), *(setup.min_per_type or {})])
    )
    form = SelectionRulesForm(request.POST or None, instance=setup, types=types)
    if request.method == "POST" and form.is_valid():
        try:
            actions.check_update_rules(
                call, signed_in_user(request), form.rule_fields(), form.type_minimums()
            )
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, error_text(exc))
        else:
            messages.success(request, _("The selection rules are saved; the next run uses them."))
            return redirect("selection:overview", slug=call.slug)
    return render(request, "selection/rules.html", {"call": call, "form": form})


@director_only
@require_POST
def run(request: HttpRequest, slug: str) -> HttpResponse:
    call = team_call(signed_in_user(request), slug, DIRECTORS)
    return run_stage_job(
        request,
        lambda actor: actions.check_start_selection(call, actor),
        actions.latest_job(call),
        reverse("selection:overview", args=[call.slug]),
        _("The selection is running; this page shows its progress."),
    )


@director_only
def override(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    call = team_call(signed_in_user(request), slug, DIRECTORS)
    entry = get_object_or_404(
        SelectionEntry.objects.select_related(
            "selection__call", "application__organisation", "application__challenge"
        ),
        pk=pk,
        selection__call=call,
    )
    form = OverrideForm(request.POST or None, initial={"override": entry.override or None})
    if request.method == "POST" and form.is_valid():
        user = signed_in_user(request)
        try:
            actions.check_override_and_rerun(entry, user, form.chosen_override(), form.cleaned_data["reason"])
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, error_text(exc))
        else:
            messages.success(request, _("Your decision is recorded; the selection runs again with it."))
            return redirect("selection:overview", slug=call.slug)
    words = adapter.vocabulary(call, entry.reasons)
    return render(
        request,
        "selection/override.html",
        {
            "call": call,
            "entry": entry,
            "amount": adapter.cost_of(entry.application, adapter.default_grant(call)),
            "described": adapter.describe_reasons(entry.reasons, words, overridden=bool(entry.override)),
            "form": form,
        },
    )


@director_only
@require_POST
def send_letters(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Send the decision letters not sent yet (the mail server refused some): nobody gets two."""
    call = team_call(signed_in_user(request), slug, DIRECTORS)
    selection = get_object_or_404(Selection.objects.select_related("call"), pk=pk, call=call)
    return run_stage_job(
        request,
        lambda actor: actions.check_send_unsent_letters(selection, actor),
        actions.latest_letters_job(selection),
        reverse("selection:selection", args=[call.slug, selection.pk]),
        _("The unsent letters are on their way."),
    )


@staff_only
def preview_letters(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The decision letter of one application of the run, as each member of its organisation will
    read it (or read it: after the confirmation, the letters sent are listed too). Nothing is sent."""
    call = team_call(signed_in_user(request), slug)
    selection = get_object_or_404(Selection.objects.select_related("call"), pk=pk, call=call)
    choices = letters.preview_choices(selection)
    entries = selection.entries.select_related("application__organisation", "application__challenge__call")
    wanted = parse_id(request.GET.get("application"))
    entry = (
        get_object_or_404(entries, application_id=wanted)
        if wanted is not None
        else entries.filter(pk=choices[0].pk).first()
        if choices
        else None
    )
    if entry is None:
        raise Http404
    base = reverse("selection:preview_letters", args=[call.slug, selection.pk])
    return render(
        request,
        "core/letter_preview.html",
        {
            "title": _("Decision letter of %(reference)s") % {"reference": entry.application.reference},
            "intro": (
                _("This application is in the cohort: its members get the letter of a selected proposal.")
                if letters.will_be_selected(entry)
                else _("This application is not in the cohort: its members get the letter of a refusal.")
            ),
            "previews": letters.preview_decision_letters(selection, entry),
            "sent": letters.sent_decision_letters(entry.application),
            "choices": [
                {
                    "url": f"{base}?application={choice.application_id}",
                    "label": f"{choice.application.reference} ("
                    + (_("in the cohort") if letters.will_be_selected(choice) else _("not in the cohort"))
                    + ")",
                    "current": choice.application_id == entry.application_id,
                }
                for choice in choices
            ],
            "back_url": reverse("selection:selection", args=[call.slug, selection.pk]),
            "back_label": _("Back to the cohort"),
        },
    )


@director_only
def confirm(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    call = team_call(signed_in_user(request), slug, DIRECTORS)
    selection = get_object_or_404(Selection.objects.select_related("call"), pk=pk, call=call)
    if request.method == "POST":
        reason = request.POST.get("reason", "")[:2000]
        try:
            actions.check_confirm_selection(selection, signed_in_user(request), reason=reason)
        except ValidationError as exc:
            messages.error(request, error_text(exc))
            # Back to the form, the reason kept: nothing typed is lost.
            return render(request, "selection/confirm.html", _confirm_context(call, selection, reason))
        except PermissionDenied as exc:
            messages.error(request, error_text(exc))
        else:
            messages.success(request, _("The cohort is confirmed; the decision letters are on their way."))
        return redirect("selection:overview", slug=call.slug)
    return render(request, "selection/confirm.html", _confirm_context(call, selection, ""))


def _confirm_context(call: Any, selection: Selection, reason: str) -> dict[str, Any]:
    chosen = selection.entries.filter(chosen=True).count()
    deciding = Application.objects.filter(challenge__call=call, status__in=adapter.CANDIDATE_STATES).count()
    return {
        "call": call,
        "selection": selection,
        "chosen": chosen,
        "others": max(deciding - chosen, 0),
        "review_rules": review_rules(call),
        "open_reviews": actions.open_reviews(call),
        "reason": reason,
    }

"""Set-up pages for programme staff: their programmes and calls, each call's texts, dates, conditions
and phases, its challenges, its eligibility rules and its own application form, in both languages,
without the Django admin. Every page looks its programme or call up among those the user works for
(404 otherwise); the actions check the role again for the object they change."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lodestar.accounts.users import signed_in_user
from lodestar.core.errors import error_text
from lodestar.core.permissions import may_act, staff_only
from lodestar.core.roles import DIRECTORS, PROGRAMME_TEAM, ScopeKind, for_role
from lodestar.programmes import actions
from lodestar.programmes.forms import (
    CallForm,
    ChallengeForm,
    PhaseFormSet,
    ProgrammeForm,
    QuestionForm,
    RuleForm,
)
from lodestar.programmes.models import Challenge, EligibilityRule, Programme, Question
from lodestar.programmes.queries import team_call

CALL_FIELDS = [f for f in CallForm.Meta.fields if f != "slug"]


def _programmes(user: Any) -> Any:
    return for_role(Programme.objects.all(), user, PROGRAMME_TEAM, kind=ScopeKind.PROGRAMME, via="pk")


@staff_only
def home(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    programmes = list(_programmes(user).prefetch_related("calls").order_by("slug"))
    return render(
        request,
        "programmes/setup/home.html",
        {
            "programmes": programmes,
            "may_create_programme": may_act(user, DIRECTORS, None),
            "directs": {p.pk for p in programmes if may_act(user, DIRECTORS, p)},
        },
    )


@staff_only
def programme_new(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    if not may_act(user, DIRECTORS, None):
        raise PermissionDenied(_("Only a director of every programme may create one."))
    form = ProgrammeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.check_create_programme(user, form.cleaned_data)
        except (ValidationError, PermissionDenied) as exc:
            form.add_error(None, error_text(exc))
        else:
            messages.success(request, _("Programme created."))
            return redirect("setup:home")
    return render(request, "programmes/setup/programme.html", {"form": form})


@staff_only
def programme_edit(request: HttpRequest, slug: str) -> HttpResponse:
    user = signed_in_user(request)
    programme = get_object_or_404(_programmes(user), slug=slug)
    if not may_act(user, DIRECTORS, programme):
        raise PermissionDenied(_("Only the programme's director may change it."))
    form = ProgrammeForm(request.POST or None, instance=programme)
    form.fields["slug"].disabled = True
    if request.method == "POST" and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k != "slug"}
        try:
            actions.check_update_programme(programme, user, fields)
        except (ValidationError, PermissionDenied) as exc:
            form.add_error(None, error_text(exc))
        else:
            messages.success(request, _("Programme saved."))
            return redirect("setup:home")
    return render(request, "programmes/setup/programme.html", {"form": form, "programme": programme})


@staff_only
def call_new(request: HttpRequest, slug: str) -> HttpResponse:
    user = signed_in_user(request)
    programme = get_object_or_404(_programmes(user), slug=slug)
    form = CallForm(request.POST or None, initial={"is_published": False})
    if request.method == "POST" and form.is_valid():
        try:
            call = actions.check_create_call(programme, user, form.cleaned_data)
        except (ValidationError, PermissionDenied) as exc:
            form.add_error(None, error_text(exc))
        else:
            messages.success(
                request, _("Call created with the default eligibility rules. Add its challenges.")
            )
            return redirect("setup:call", call.slug)
    return render(request, "programmes/setup/call.html", {"form": form, "programme": programme})


@staff_only
def call_edit(request: HttpRequest, slug: str) -> HttpResponse:
    user = signed_in_user(request)
    call = team_call(user, slug)
    form = CallForm(request.POST or None, instance=call)
    phases = PhaseFormSet(request.POST or None, instance=call, prefix="phases")
    if request.method == "POST" and form.is_valid() and phases.is_valid():
        rows = [
            actions.PhaseRow(
                pk=f.instance.pk,
                fields={k: v for k, v in f.cleaned_data.items() if k not in ("id", "call", "DELETE")},
                delete=bool(f.cleaned_data.get("DELETE")),
            )
            for f in phases.forms
            if f.has_changed() or f.instance.pk
        ]
        try:
            actions.check_update_call(call, user, {k: form.cleaned_data[k] for k in CALL_FIELDS}, rows)
        except (ValidationError, PermissionDenied) as exc:
            form.add_error(None, error_text(exc))
        else:
            messages.success(request, _("Call saved."))
            return redirect("setup:call", call.slug)
    return render(
        request,
        "programmes/setup/call.html",
        {"form": form, "phases": phases, "call": call, "programme": call.programme},
    )


@staff_only
def challenges(request: HttpRequest, slug: str) -> HttpResponse:
    call = team_call(signed_in_user(request), slug)
    items = call.challenges.prefetch_related("areas").order_by("position", "id")
    return render(request, "programmes/setup/challenges.html", {"call": call, "challenges": items})


@staff_only
def challenge_edit(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    user = signed_in_user(request)
    call = team_call(user, slug)
    challenge = get_object_or_404(Challenge, pk=pk, call=call) if pk is not None else None
    initial = {"position": call.challenges.count() + 1} if challenge is None else None
    form = ChallengeForm(request.POST or None, instance=challenge, initial=initial)
    if request.method == "POST" and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k != "areas"}
        try:
            actions.check_save_challenge(call, user, fields, form.cleaned_data["areas"], challenge)
        except (ValidationError, PermissionDenied) as exc:
            form.add_error(None, error_text(exc))
        else:
            messages.success(request, _("Challenge saved."))
            return redirect("setup:challenges", call.slug)
    return render(
        request, "programmes/setup/challenge.html", {"form": form, "call": call, "challenge": challenge}
    )


@staff_only
def rules(request: HttpRequest, slug: str) -> HttpResponse:
    user = signed_in_user(request)
    call = team_call(user, slug)
    saved = {r.code: r for r in call.rules.all()}
    forms = []
    # "Invited" is set with the organisations it invites (a Phase 2 call), not switched on here; a
    # saved one is kept as it is (check_save_rules changes only the codes it is given).
    for code, label in EligibilityRule.Code.choices:
        if code == EligibilityRule.Code.INVITED:
            continue
        rule = saved.get(code) or EligibilityRule(call=call, code=code)
        form = RuleForm(request.POST or None, instance=rule, prefix=code, initial={"enabled": code in saved})
        forms.append((code, label, form))
    if request.method == "POST" and all(f.is_valid() for _c, _l, f in forms):
        rows = [
            actions.RuleRow(
                code=code,
                enabled=f.cleaned_data["enabled"],
                when_failed=f.cleaned_data["when_failed"],
                message_en=f.cleaned_data["message_en"],
                message_fr=f.cleaned_data["message_fr"],
            )
            for code, _label, f in forms
        ]
        try:
            actions.check_save_rules(call, user, rows)
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, error_text(exc))
        else:
            messages.success(
                request,
                _("Eligibility rules saved. Applications submitted from now on are checked against them."),
            )
            return redirect("setup:rules", call.slug)
    return render(request, "programmes/setup/rules.html", {"call": call, "forms": forms})


@staff_only
def form_builder(request: HttpRequest, slug: str) -> HttpResponse:
    user = signed_in_user(request)
    call = team_call(user, slug)
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.check_save_question(call, user, form.cleaned_data)
        except (ValidationError, PermissionDenied) as exc:
            form.add_error(None, error_text(exc))
        else:
            messages.success(request, _("Question added to the form."))
            return redirect("setup:form", call.slug)
    return render(
        request,
        "programmes/setup/form.html",
        {"call": call, "questions": call.questions.order_by("position", "id"), "form": form},
    )


@staff_only
def question_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    call = team_call(user, slug)
    question = get_object_or_404(Question, pk=pk, call=call)
    form = QuestionForm(request.POST or None, instance=question)
    if request.method == "POST" and form.is_valid():
        try:
            actions.check_save_question(call, user, form.cleaned_data, question)
        except (ValidationError, PermissionDenied) as exc:
            form.add_error(None, error_text(exc))
        else:
            messages.success(request, _("Question saved."))
            return redirect("setup:form", call.slug)
    return render(
        request, "programmes/setup/question.html", {"call": call, "question": question, "form": form}
    )


@staff_only
@require_POST
def question_change(request: HttpRequest, slug: str, pk: int, change: str) -> HttpResponse:
    """Remove a question, or move it up or down."""
    user = signed_in_user(request)
    call = team_call(user, slug)
    question = get_object_or_404(Question, pk=pk, call=call)
    try:
        if change == "remove":
            actions.check_remove_question(call, user, question)
            messages.success(request, _("Question removed."))
        elif change in ("up", "down"):
            actions.check_move_question(call, user, question, -1 if change == "up" else 1)
        else:
            raise ValidationError(_("Unknown change."))
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, error_text(exc))
    return redirect("setup:form", call.slug)

"""Pages of partner science grants: the open partner calls (anyone), proposals (their co-directors'
organisation, the programme team, the committee for what is before it), staff screening, the
committee of nations' votes and decision, the grant, and opening a funded workshop's event (run then
from the engagement app's event pages). Each page parses its input and calls actions.py,
committee.py or events.py; the POST pages share one shape (`_acted`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lodestar.accounts.users import signed_in_user
from lodestar.core.errors import error_text
from lodestar.core.lifecycle import TransitionNotAllowed
from lodestar.core.nations import nation_name
from lodestar.core.permissions import director_only, may_act, role_required, staff_only
from lodestar.core.roles import DIRECTORS, PROGRAMME_TEAM, Role
from lodestar.core.workflow import history
from lodestar.organisations.models import Organisation
from lodestar.partnerships import actions, committee
from lodestar.partnerships import eligibility as rules
from lodestar.partnerships import events as funded_events
from lodestar.partnerships import workflow as wf
from lodestar.partnerships.forms import (
    OpenEventForm,
    ProposalForm,
    ScreenForm,
    StartForm,
    VoteForm,
)
from lodestar.partnerships.models import Mechanism, Proposal, committee_nations
from lodestar.partnerships.queries import (
    committee_queue,
    published_calls,
    readable_proposals,
    team_calls,
    team_proposals,
)

committee_only = role_required(Role.COMMITTEE_MEMBER)


def calls(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "partnerships/calls.html",
        {"calls": published_calls(), "mechanisms": Mechanism.objects.all()},
    )


def call_detail(request: HttpRequest, slug: str) -> HttpResponse:
    partner_call = get_object_or_404(published_calls(), call__slug=slug)
    return render(
        request,
        "partnerships/call.html",
        {
            "pc": partner_call,
            "call": partner_call.call,
            "topics": partner_call.call.challenges.all(),
            "rules": partner_call.rules.all(),
            "is_team": team_calls(request.user).filter(pk=partner_call.pk).exists(),
        },
    )


def _bodies(user: Any, kinds: list[str]) -> Any:
    return Organisation.objects.filter(memberships__user=user, kind__in=kinds).order_by("legal_name")


@login_required
def start(request: HttpRequest, slug: str) -> HttpResponse:
    """Start a proposal: the topic, the mechanism, the body, then the co-directors and the text."""
    user = signed_in_user(request)
    pc = get_object_or_404(published_calls(), call__slug=slug)
    bodies = _bodies(user, pc.eligible_body_kinds)
    start_form = StartForm(
        request.POST or None,
        topics=pc.call.challenges.all(),
        mechanisms=pc.mechanisms.all(),
        organisations=bodies,
    )
    form = ProposalForm(request.POST or None)
    context = {
        "pc": pc,
        "call": pc.call,
        "start_form": start_form,
        "form": form,
        "bodies": bodies,
        **form.layout(),
    }
    if request.method != "POST":
        return render(request, "partnerships/form.html", context)
    if start_form.is_valid() and form.is_valid():
        try:
            proposal = actions.check_create_proposal(
                user,
                pc,
                bodies.get(pk=start_form.cleaned_data["organisation"]),
                pc.call.challenges.get(pk=start_form.cleaned_data["challenge"]),
                start_form.cleaned_data["mechanism"],
                form.data_for_action(),
            )
        except (ValidationError, PermissionDenied) as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Your proposal is saved as a draft."))
            return redirect("partnerships:proposal", pk=proposal.pk)
    return render(request, "partnerships/form.html", context, status=400)


def _form_errors(form: Any, exc: Exception) -> None:
    if isinstance(exc, ValidationError) and hasattr(exc, "error_dict"):
        for name, errors in exc.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error_text(exc))


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    proposals = readable_proposals(user).filter(organisation__memberships__user=user).distinct()
    return render(request, "partnerships/mine.html", {"proposals": proposals})


def _proposal(request: HttpRequest, pk: int) -> Proposal:
    return get_object_or_404(readable_proposals(signed_in_user(request)), pk=pk)


def _own_proposal(request: HttpRequest, pk: int) -> Proposal:
    """A proposal its organisation's members act on: others who may read it get 403."""
    proposal = _proposal(request, pk)
    if not proposal.is_member(signed_in_user(request)):
        raise PermissionDenied
    return proposal


@login_required
def proposal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    proposal = _proposal(request, pk)
    is_team = may_act(user, PROGRAMME_TEAM, proposal)
    is_member = proposal.is_member(user)
    # A draft's rules are checked as it stands; a sent proposal shows the report saved with it.
    report = (
        rules.evaluate(proposal).as_json() if proposal.status in wf.EDITABLE else proposal.eligibility_report
    )
    outcomes = [
        {
            **o,
            "label": o["message_fr"] if request.LANGUAGE_CODE == "fr" else o["message_en"],
            "found": rules.describe(o),
        }
        for o in report
    ]
    voting = committee.nations_for(proposal, user) if proposal.status in wf.BEFORE_COMMITTEE else []
    award = getattr(proposal.application, "award", None)
    sees_votes = is_team or bool(committee_nations(user)) or proposal.status in wf.DECIDED
    return render(
        request,
        "partnerships/proposal.html",
        {
            "proposal": proposal,
            "application": proposal.application,
            "co_directors": proposal.co_directors.all(),
            "end_users": proposal.end_users.all(),
            "outcomes": outcomes,
            "is_team": is_team,
            "is_member": is_member,
            "is_director": may_act(user, DIRECTORS, proposal),
            "screen_form": ScreenForm() if is_team and proposal.status in wf.SCREENABLE else None,
            "vote_form": VoteForm(nations=[(n, nation_name(n)) for n in voting]) if voting else None,
            "votes": proposal.votes.select_related("voter") if sees_votes else None,
            "tally": committee.tally(proposal),
            "reviews": committee.reviews_submitted(proposal) if (is_team or voting) else None,
            "award": award,
            "funds_event": funded_events.organises(proposal),
            "event": proposal.event,
            "event_runner": funded_events.may_organise(proposal, user),
            "event_form": OpenEventForm(initial={"title_en": proposal.title, "title_fr": proposal.title})
            if funded_events.organises(proposal)
            and proposal.event_id is None
            and funded_events.may_organise(proposal, user)
            else None,
            "events": history(proposal) if is_team else None,
            "in_committee": proposal.status in wf.FOR_COMMITTEE,
            "withdrawable": proposal.status in wf.WITHDRAWABLE,
        },
    )


@login_required
def proposal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    proposal = _own_proposal(request, pk)
    if proposal.status not in wf.EDITABLE:
        messages.info(request, _("This proposal has been sent and can no longer be edited."))
        return redirect("partnerships:proposal", pk=proposal.pk)
    form = ProposalForm(request.POST or None, initial=ProposalForm.initial_for(proposal))
    context = {
        "proposal": proposal,
        "pc": proposal.partner_call,
        "call": proposal.partner_call.call,
        "form": form,
        **form.layout(),
    }
    if request.method == "POST":
        if form.is_valid():
            try:
                actions.check_update_proposal(proposal, user, form.data_for_action())
                if "submit" in request.POST:
                    actions.check_submit_proposal(proposal, user)
                    messages.success(request, _("Your proposal has been sent."))
                else:
                    messages.success(request, _("Your changes are saved."))
                return redirect("partnerships:proposal", pk=proposal.pk)
            except (ValidationError, PermissionDenied, TransitionNotAllowed) as exc:
                _form_errors(form, exc)
        return render(request, "partnerships/form.html", context, status=400)
    return render(request, "partnerships/form.html", context)


def _acted(
    request: HttpRequest,
    proposal: Proposal,
    act: Callable[[], object],
    done: Callable[[], str] | str,
    *,
    form: Any = None,
    invalid: str = "",
    then: Callable[[Any], HttpResponse] | None = None,
) -> HttpResponse:
    """The shape of every POST page here: read the form (400 with `invalid` when it cannot be read),
    act, say what happened (or the refusal, in the user's language) and go back to the proposal, or
    to `then(result)` when the act succeeded."""
    if form is not None and not form.is_valid():
        return HttpResponse(invalid, status=400)
    try:
        result = act()
    except (ValidationError, PermissionDenied, TransitionNotAllowed) as exc:
        messages.error(request, error_text(exc))
        return redirect("partnerships:proposal", pk=proposal.pk)
    messages.success(request, done() if callable(done) else done)
    if then is not None:
        return then(result)
    return redirect("partnerships:proposal", pk=proposal.pk)


@require_POST
@login_required
def proposal_submit(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    proposal = _own_proposal(request, pk)
    return _acted(
        request,
        proposal,
        lambda: actions.check_submit_proposal(proposal, user),
        _("Your proposal has been sent."),
    )


@require_POST
@login_required
def proposal_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    proposal = _own_proposal(request, pk)
    note = request.POST.get("note", "")[:2000]
    return _acted(
        request,
        proposal,
        lambda: actions.check_withdraw_proposal(proposal, user, note),
        _("Proposal withdrawn."),
    )


@staff_only
def staff_call(request: HttpRequest, slug: str) -> HttpResponse:
    user = signed_in_user(request)
    pc = get_object_or_404(team_calls(user), call__slug=slug)
    proposals = list(
        pc.proposals.select_related("application", "mechanism", "organisation").order_by("status", "-id")
    )
    columns = [(label, [p for p in proposals if p.status == state]) for state, label in wf.STATES.items()]
    return render(
        request,
        "partnerships/staff_call.html",
        {"pc": pc, "call": pc.call, "columns": [c for c in columns if c[1]], "total": len(proposals)},
    )


def _team_proposal(request: HttpRequest, pk: int) -> Proposal:
    return get_object_or_404(team_proposals(signed_in_user(request)), pk=pk)


@require_POST
@staff_only
def proposal_screen(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    proposal = _team_proposal(request, pk)
    form = ScreenForm(request.POST)
    return _acted(
        request,
        proposal,
        lambda: actions.check_screen_proposal(
            proposal, user, form.cleaned_data["decision"], form.cleaned_data["note"]
        ),
        _("Screening recorded."),
        form=form,
        invalid=_("Choose a screening decision."),
    )


@require_POST
@staff_only
def proposal_to_committee(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    proposal = _team_proposal(request, pk)
    return _acted(
        request,
        proposal,
        lambda: committee.check_put_before_committee(proposal, user),
        _("The proposal is before the committee of nations."),
    )


@require_POST
@director_only
def proposal_decide(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    proposal = _team_proposal(request, pk)
    return _acted(
        request,
        proposal,
        lambda: committee.check_decide(proposal, user),
        _("The committee's decision is recorded."),
    )


@require_POST
@director_only
def proposal_grant(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    proposal = _team_proposal(request, pk)
    return _acted(
        request,
        proposal,
        lambda: committee.check_make_grant(proposal, user),
        _("The grant is made."),
        then=lambda award: redirect("grants:award", pk=award.pk),
    )


@committee_only
def committee_list(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    queue = committee_queue(user)
    return render(
        request,
        "partnerships/committee.html",
        {
            "waiting": [p for p in queue if p.status in wf.BEFORE_COMMITTEE],
            "decided": [p for p in queue if p.status in wf.DECIDED],
            "nations": sorted(committee_nations(user)),
        },
    )


@require_POST
@committee_only
def proposal_vote(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    proposal = get_object_or_404(committee_queue(user), pk=pk)
    nations = [(n, nation_name(n)) for n in sorted(committee_nations(user))]
    form = VoteForm(request.POST, nations=nations)
    return _acted(
        request,
        proposal,
        lambda: committee.check_vote(
            proposal, user, form.cleaned_data["nation"], form.cleaned_data["choice"]
        ),
        lambda: (
            _("The vote of %(nation)s is recorded.") % {"nation": nation_name(form.cleaned_data["nation"])}
        ),
        form=form,
        invalid=_("Choose the nation and the vote."),
    )


@require_POST
@login_required
def open_event(request: HttpRequest, pk: int) -> HttpResponse:
    """The organisers of an approved workshop or course open its event, then run it from there."""
    user = signed_in_user(request)
    proposal = _proposal(request, pk)
    if not funded_events.may_organise(proposal, user):
        raise PermissionDenied
    form = OpenEventForm(request.POST)
    return _acted(
        request,
        proposal,
        lambda: funded_events.check_open_event(proposal, user, **form.cleaned_data),
        _("The event is open for registration: run it from its page."),
        form=form,
        invalid=_("Give the event's start, end and number of places."),
        then=lambda event: redirect("engagement:manage_event", pk=event.pk),
    )

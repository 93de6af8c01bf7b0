"""Between cohort selection's models and the engine (lodestar/engine/selection.py).

`build_problem()` turns a call's ranked applications, its SelectionRules and the director's overrides
into the engine's frozen `SelectionProblem`; `save_selection()` stores what the engine returned as a
`Selection` with one `SelectionEntry` per candidate. The engine's reasons are kept as data
({code, params, text}); `describe_reasons()` puts them back into words in the active language.

A candidate's engine id is its application's reference (A-00042), so the engine's English text,
the command line and the logs name proposals the way staff do; a challenge is its slug.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lodestar.applications import workflow as wf
from lodestar.applications.models import Application
from lodestar.core.money import format_money
from lodestar.core.nations import nation_name
from lodestar.engine import selection as engine
from lodestar.engine.reasons import reason_to_dict
from lodestar.organisations.models import OrganisationType
from lodestar.programmes.models import Call
from lodestar.selection.models import Selection, SelectionEntry, SelectionRules

# Applications still in competition once reviewed: the ones a selection decides about.
CANDIDATE_STATES = frozenset({wf.UNDER_REVIEW, wf.SHORTLISTED})


def candidate_id(application: Application) -> str:
    return application.reference


def application_pk(candidate: str) -> int | None:
    """The application behind an engine id written by `candidate_id` (None for anything else)."""
    number = candidate.removeprefix("A-")
    return int(number) if number != candidate and number.isdigit() else None


def default_grant(call: Call) -> Decimal:
    """What a proposal costs when it names no amount: the first phase's grant, else the call's maximum."""
    phase = call.phases.filter(grant__gt=0).order_by("position").first()
    return phase.grant if phase is not None else call.max_grant


def cost_of(application: Application, default: Decimal) -> Decimal:
    return application.requested_amount if application.requested_amount is not None else default


def candidates(call: Call) -> QuerySet[Application]:
    """The applications a selection decides about: under review or shortlisted, with a ranking."""
    return (
        Application.objects.filter(challenge__call=call, status__in=CANDIDATE_STATES, ranking__isnull=False)
        .select_related("organisation", "challenge", "ranking")
        .order_by("ranking__rank", "pk")
    )


@dataclass(frozen=True)
class Overrides:
    """The director's decisions carried from one run to the next: application pk -> reason."""

    forced: Mapping[int, str] = field(default_factory=dict)
    excluded: Mapping[int, str] = field(default_factory=dict)

    @classmethod
    def of(cls, selection: Selection | None) -> Overrides:
        if selection is None:
            return cls()
        rows = selection.entries.exclude(override="").values_list(
            "application_id", "override", "override_reason"
        )
        forced = {pk: reason for pk, kind, reason in rows if kind == SelectionEntry.Override.FORCE_IN}
        excluded = {pk: reason for pk, kind, reason in rows if kind == SelectionEntry.Override.FORCE_OUT}
        return cls(forced, excluded)

    def kind(self, pk: int) -> str:
        if pk in self.forced:
            return SelectionEntry.Override.FORCE_IN
        return SelectionEntry.Override.FORCE_OUT if pk in self.excluded else ""

    def reason(self, pk: int) -> str:
        return self.forced.get(pk) or self.excluded.get(pk) or ""


def solve(problem: engine.SelectionProblem) -> engine.Selection:
    """The cohort of maximum merit under the rules, with the reasons near the line (can take seconds)."""
    return engine.select(problem)


def rules_of(setup: SelectionRules) -> dict[str, Any]:
    """The selection rules as JSON (a Selection keeps the snapshot it ran with)."""
    return {
        "budget": str(setup.budget),
        "min_per_challenge": setup.min_per_challenge,
        "max_per_challenge": setup.max_per_challenge,
        "max_nation_share": None if setup.max_nation_share is None else str(setup.max_nation_share),
        "min_nations": setup.min_nations,
        "min_per_type": {k: int(v) for k, v in sorted((setup.min_per_type or {}).items()) if int(v) > 0},
    }


def build_problem(
    call: Call, setup: SelectionRules, overrides: Overrides
) -> tuple[engine.SelectionProblem, list[Application]]:
    """The engine's problem for `call`, and the candidate applications in the problem's order."""
    applications = list(candidates(call))
    grant = default_grant(call)
    ids = {a.pk: candidate_id(a) for a in applications}
    slugs = list(call.challenges.values_list("slug", flat=True))
    share = setup.max_nation_share
    problem = engine.SelectionProblem(
        candidates=[
            engine.Candidate(
                id=ids[a.pk],
                merit=float(a.ranking.calibrated),
                cost=float(cost_of(a, grant)),
                challenge=a.challenge.slug,
                nation=a.organisation.headquarters_nation,
                organisation_type=a.organisation.kind,
            )
            for a in applications
        ],
        budget=float(setup.budget),
        challenge_min=dict.fromkeys(slugs, setup.min_per_challenge) if setup.min_per_challenge else {},
        challenge_max={}
        if setup.max_per_challenge is None
        else dict.fromkeys(slugs, setup.max_per_challenge),
        max_nation_share=None if share is None else float(share) / 100,
        min_nations=setup.min_nations,
        organisation_type_min={k: int(v) for k, v in (setup.min_per_type or {}).items() if int(v) > 0},
        excluded=frozenset(ids[pk] for pk in overrides.excluded if pk in ids),
        forced=frozenset(ids[pk] for pk in overrides.forced if pk in ids),
        # The director wants to read why an overridden proposal ended where it did.
        explain_also=frozenset(ids[pk] for pk in (*overrides.forced, *overrides.excluded) if pk in ids),
    )
    return problem, applications


def save_selection(
    call: Call,
    actor: Any,
    rules: dict[str, Any],
    applications: Sequence[Application],
    result: engine.Selection,
    overrides: Overrides,
) -> Selection:
    """Store the engine's answer. The caller holds the transaction and supersedes older runs."""
    chosen = set(result.chosen)
    explained = {e.proposal: e for e in result.explanations}
    grant = default_grant(call)
    snapshot = {
        **rules,
        "forced": sorted(candidate_id(a) for a in applications if a.pk in overrides.forced),
        "excluded": sorted(candidate_id(a) for a in applications if a.pk in overrides.excluded),
    }
    if not result.feasible:
        # Structured, so the page can say it in the reader's language; `diagnosis` keeps the English.
        snapshot["diagnosis"] = [reason_to_dict(r) for r in result.diagnosis]
    selection = Selection.objects.create(
        call=call,
        rules=snapshot,
        feasible=result.feasible,
        proven_optimal=result.proven_optimal,
        objective=result.objective,
        cost=sum((cost_of(a, grant) for a in applications if candidate_id(a) in chosen), Decimal(0)),
        diagnosis=" ".join(r.text for r in result.diagnosis),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    # Rank by merit, ties in ranking order: the same order the engine uses.
    order = sorted(range(len(applications)), key=lambda i: (-applications[i].ranking.calibrated, i))
    rank = {applications[i].pk: position for position, i in enumerate(order, start=1)}
    SelectionEntry.objects.bulk_create(
        SelectionEntry(
            selection=selection,
            application=a,
            merit=a.ranking.calibrated,
            rank=rank[a.pk],
            chosen=candidate_id(a) in chosen,
            near_line=candidate_id(a) in explained,
            reasons=[reason_to_dict(r) for r in explained[candidate_id(a)].reasons]
            if candidate_id(a) in explained
            else [],
            override=overrides.kind(a.pk),
            override_reason=overrides.reason(a.pk),
        )
        for a in applications
    )
    return selection


# --- The engine's reasons in the reader's language ------------------------------------------------
# One sentence per engine code (lodestar/engine/selection_reasons.py); an unknown code falls back to
# the engine's English text, so a new engine reason is never lost, only untranslated.

REASON_TEXTS: dict[str, str | Promise] = {
    "excluded": gettext_lazy("Left out by the director."),
    "budget_full": gettext_lazy("the budget is used up (%(used)s of %(budget)s) and it costs %(cost)s."),
    "max_selected": gettext_lazy("the maximum of %(maximum)s selected is reached."),
    "challenge_full": gettext_lazy("the challenge “%(challenge)s” already has its maximum of %(maximum)s."),
    "nation_share": gettext_lazy(
        "%(nation)s already has %(count)s of the %(selected)s selected; "
        "one more would exceed the maximum share of %(max_share)s%%."
    ),
    "swap": gettext_lazy("Taking it would mean dropping %(dropped)s, %(loss)s less merit in total."),
    "swap_added": gettext_lazy(
        "Taking it would mean dropping %(dropped)s and also taking %(added)s, %(loss)s less merit in total."
    ),
    "cannot_be_taken": gettext_lazy("No selection that includes it meets all the rules."),
    "no_gain": gettext_lazy("Left out: its merit (%(merit)s) adds nothing."),
    "forced": gettext_lazy("Taken by the director."),
    "challenge_minimum": gettext_lazy(
        "Taken to meet the minimum of %(minimum)s for the challenge “%(challenge)s”."
    ),
    "organisation_type_minimum": gettext_lazy(
        "Taken to meet the minimum of %(minimum)s for the organisation type “%(organisation_type)s”."
    ),
    "nation_minimum": gettext_lazy(
        "Taken as the only proposal from %(nation)s, needed to reach %(minimum)s nations."
    ),
    "min_selected": gettext_lazy("Taken to reach the minimum of %(minimum)s selected."),
    "ahead_of": gettext_lazy("Taken ahead of higher-ranked %(ahead_of)s, which could not be added: %(why)s"),
    "merit": gettext_lazy("Taken on merit: ranked %(rank)s of %(of)s."),
    "replacement": gettext_lazy(
        "Without it the best selection would take %(instead)s instead, %(loss)s less merit in total."
    ),
    "indispensable": gettext_lazy("Without it no selection meets all the rules."),
    "time_limit": gettext_lazy("No selection was found within %(time_limit)s s; one may exist."),
    "rules_clash": gettext_lazy(
        "The rules cannot all be met together; a selection exists without %(families)s."
    ),
    "rules_clash_all": gettext_lazy(
        "The rules cannot all be met together, even with any one family of rules set aside."
    ),
    "forced_and_excluded": gettext_lazy("Both taken and left out by the director: %(proposals)s."),
    "forced_over_budget": gettext_lazy(
        "The proposals taken by the director cost %(cost)s, more than the budget of %(budget)s."
    ),
    "budget_below_minimums": gettext_lazy(
        "Meeting every challenge's minimum costs at least %(cost)s, more than the budget of %(budget)s."
    ),
    "challenge_too_few": gettext_lazy(
        "The challenge “%(challenge)s” needs at least %(minimum)s but has %(available)s candidates."
    ),
    "organisation_type_too_few": gettext_lazy(
        "The organisation type “%(organisation_type)s” needs at least %(minimum)s "
        "but has %(available)s candidates."
    ),
    "too_few_nations": gettext_lazy(
        "At least %(minimum)s nations are required but candidates come from %(available)s."
    ),
    "minimums_over_maximum": gettext_lazy(
        "The minimums add up to %(minimums)s, more than the maximum of %(maximum)s selected."
    ),
}

# Reasons that say which rule adding a proposal would break; the engine leads with "Left out:".
BLOCKING = frozenset({"budget_full", "max_selected", "challenge_full", "nation_share"})
# Short words for `ahead_of`'s `blocked_by`: why the higher-ranked proposal did not fit.
BLOCKED_WORDS: dict[str, str | Promise] = {
    "budget_full": gettext_lazy("the budget was used up."),
    "max_selected": gettext_lazy("the maximum number selected was reached."),
    "challenge_full": gettext_lazy("its challenge was full."),
    "nation_share": gettext_lazy("its nation was at its maximum share."),
    "": gettext_lazy("it does not fit the rules as well."),
}
FAMILY_WORDS: dict[str, str | Promise] = {
    "budget": gettext_lazy("the budget"),
    "count": gettext_lazy("the limits on how many are selected"),
    "challenge_min": gettext_lazy("the per-challenge minimums"),
    "challenge_max": gettext_lazy("the per-challenge maximums"),
    "nation_share": gettext_lazy("the maximum share per nation"),
    "min_nations": gettext_lazy("the minimum number of nations"),
    "organisation_type_min": gettext_lazy("the minimums per organisation type"),
    "forced": gettext_lazy("the proposals taken by the director"),
}
AHEAD_SUFFIX = gettext_lazy("%(reason)s It comes ahead of higher-ranked %(ahead_of)s.")


@dataclass(frozen=True)
class Vocabulary:
    """How to name what the engine's parameters refer to: proposals and challenges by their ids."""

    proposals: Mapping[str, str] = field(default_factory=dict)
    challenges: Mapping[str, str] = field(default_factory=dict)

    def proposal(self, candidate: object) -> str:
        return self.proposals.get(str(candidate), str(candidate))

    def listing(self, candidates: Any, limit: int = 8) -> str:
        names = [self.proposal(c) for c in (candidates if isinstance(candidates, list) else [candidates])]
        if not names:
            return _("nobody")
        shown = ", ".join(names[:limit])
        if len(names) <= limit:
            return shown
        return _("%(names)s and %(n)s more") % {"names": shown, "n": len(names) - limit}


def _decimal(value: Any, places: int = 2) -> str:
    return number_format(float(value), places, use_l10n=True)


def _organisation_type(code: Any) -> str:
    return str(OrganisationType(code).label) if code in OrganisationType.values else str(code)


def describe_reason(reason: Mapping[str, Any], words: Vocabulary, position: int = 0) -> str:
    """One reason in the active language; `position` is its place in its list (the first blocking
    reason reads "Left out: ...", the next ones "Also, ...", as the engine writes them)."""
    code = str(reason.get("code", ""))
    p = dict(reason.get("params") or {})
    text = str(reason.get("text", ""))
    try:
        return _describe(code, p, text, words, position)
    except (KeyError, TypeError, ValueError):
        # Parameters the table does not expect (a newer engine): its English is better than nothing.
        return text


def _describe(code: str, p: dict[str, Any], text: str, words: Vocabulary, position: int) -> str:
    if code not in REASON_TEXTS:
        return text
    values: dict[str, Any] = {}
    if "challenge" in p:
        values["challenge"] = words.challenges.get(str(p["challenge"]), str(p["challenge"]))
    if "nation" in p:
        values["nation"] = nation_name(str(p["nation"]))
    if "organisation_type" in p:
        values["organisation_type"] = _organisation_type(p["organisation_type"])
    for key in ("used", "budget", "cost"):
        if key in p:
            values[key] = format_money(p[key])
    for key in ("maximum", "minimum", "count", "selected", "rank", "of", "available", "minimums"):
        if key in p:
            values[key] = p[key]
    if "loss" in p:
        values["loss"] = _decimal(p["loss"])
    if "merit" in p:
        values["merit"] = _decimal(p["merit"])
    if "max_share" in p:
        values["max_share"] = number_format(float(p["max_share"]) * 100, 0, use_l10n=True)
    if "time_limit" in p:
        values["time_limit"] = p["time_limit"]
    for key in ("dropped", "added", "instead", "proposals"):
        if key in p:
            values[key] = words.listing(p[key])
    if code == "swap" and p.get("added"):
        code = "swap_added"
    if code == "rules_clash":
        # Both outcomes of the diagnosis share the code; only the wording tells "any one set aside".
        if "even with" in text:
            return str(REASON_TEXTS["rules_clash_all"])
        family_words = [str(FAMILY_WORDS.get(f, f)) for f in p["families"]]
        phrase = family_words[0]
        for following in family_words[1:]:
            phrase = _("%(families)s or without %(family)s") % {"families": phrase, "family": following}
        values["families"] = phrase
    if code == "ahead_of":
        values["ahead_of"] = words.proposal(p["ahead_of"])
        values["why"] = BLOCKED_WORDS.get(str(p.get("blocked_by", "")), BLOCKED_WORDS[""])
    sentence = str(REASON_TEXTS[code]) % values
    if code in BLOCKING:
        lead = _("Left out: %(reason)s") if position == 0 else _("Also, %(reason)s")
        sentence = lead % {"reason": sentence}
    if code in {"challenge_minimum", "organisation_type_minimum", "nation_minimum"} and p.get("ahead_of"):
        sentence = str(AHEAD_SUFFIX) % {"reason": sentence, "ahead_of": words.listing(p["ahead_of"], 3)}
    return sentence


# Said by the override's own badge ("Taken by the director"): not repeated among the reasons.
OVERRIDE_CODES = frozenset({"forced", "excluded"})


def describe_reasons(
    reasons: Iterable[Mapping[str, Any]], words: Vocabulary, *, overridden: bool = False
) -> list[str]:
    """The reasons in words; for an `overridden` entry, without the line its badge already says."""
    described, blocking = [], 0
    for reason in reasons:
        if overridden and reason.get("code") in OVERRIDE_CODES:
            continue
        is_blocking = reason.get("code") in BLOCKING
        described.append(describe_reason(reason, words, blocking if is_blocking else 0))
        blocking += int(is_blocking)
    return described


def referenced_proposals(reasons: Iterable[Mapping[str, Any]]) -> set[str]:
    """The engine ids a list of reasons names (to look their names up in one query)."""
    found: set[str] = set()
    for reason in reasons:
        for key in ("dropped", "added", "instead", "ahead_of", "proposals"):
            value = (reason.get("params") or {}).get(key)
            if isinstance(value, str) and value:
                found.add(value)
            elif isinstance(value, list):
                found.update(str(v) for v in value)
    return found


def vocabulary(call: Call, reasons: Iterable[Mapping[str, Any]]) -> Vocabulary:
    """Names for what `reasons` refer to: proposals as "A-00042 (Company)", challenges by title."""
    pks = {pk for pk in (application_pk(c) for c in referenced_proposals(reasons)) if pk is not None}
    proposals = {
        candidate_id(a): f"{candidate_id(a)} ({a.organisation.legal_name})"
        for a in Application.objects.filter(pk__in=pks, challenge__call=call).select_related("organisation")
    }
    challenges = {c.slug: c.title for c in call.challenges.all()}
    return Vocabulary(proposals, challenges)

"""The one rule for "may this expert review this application".

Four places ask it and all four ask here: the optimiser's input (`engine_adapter.assignment`), the
hand add and swap (`actions.assignment.check_can_take`), the reassignment of one application
(`engine_adapter.assignment.choose_replacements`) and the candidate lists of the staff pages
(`views.assignment`). An expert may review an application when, in this order (a refusal names the
first clause that fails):

1. the expert is available for reviews;
2. it does not hold the application already (an assignment that stands) ...
3. ... and did not decline it;
4. no conflict of interest between them blocks it (a confirmed one, or a suggestion nobody has
   dismissed yet: `reviews.queries.blocking_pairs`, written by the conflicts stage);
5. it reviews in the application's language (an application whose language is unknown has no
   language rule);
6. the same-nation rule: when the expert is of the applicant's nation, the application holds fewer
   experts of that nation than the call allows (`max_same_nation`; empty means no limit);
7. its load in the call is below its cap (the call's maximum, or its own when lower).

What "stands" depends on the asker: for a change by hand, a proposed or published assignment; for
the optimiser, only published ones (its run replaces the proposed ones). `context_for` reads what
the rule needs beyond the two rows in three queries for a whole call; `ineligibility_codes` then
answers for every pair of many applications and experts at once, with numpy and no query.
`reviewer_ineligibility` is that same computation on one pair, so the single and the bulk answers
cannot disagree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

import numpy as np
from django.conf import settings
from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lodestar.applications.models import Application
from lodestar.core.nations import nation_name
from lodestar.experts.models import Expert
from lodestar.programmes.models import Call
from lodestar.reviews import workflow as rwf
from lodestar.reviews.models import Assignment, AssignmentRules
from lodestar.reviews.queries import blocking_pairs


class Reason(IntEnum):
    """Why an expert may not review an application; the order is the order of the rule."""

    ELIGIBLE = 0
    UNAVAILABLE = 1
    ASSIGNED = 2
    DECLINED = 3
    CONFLICT = 4
    LANGUAGE = 5
    SAME_NATION = 6
    FULL = 7


def expert_cap(setup: AssignmentRules, expert: Expert) -> int:
    """The most applications of this call the expert may hold: the call's maximum, or its own if lower."""
    return min(setup.max_load, expert.max_load)


def held_loads(call: Call, statuses: Iterable[str]) -> dict[int, int]:
    """Assignments per expert in `call` with one of `statuses`."""
    rows = (
        Assignment.objects.filter(application__challenge__call=call, status__in=list(statuses))
        .values_list("expert_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    return dict(rows)


@dataclass(frozen=True)
class Context:
    """What the rule reads besides the expert and the application rows, read once (`context_for`)."""

    max_load: int
    max_same_nation: int | None
    loads: Mapping[int, int]  # expert -> assignments of the call that stand (against its cap)
    assigned: frozenset[tuple[int, int]]  # (application, expert) with an assignment that stands
    declined: frozenset[tuple[int, int]]
    blocked: frozenset[tuple[int, int]]  # a conflict of interest not dismissed
    same_nation: Mapping[int, int]  # application -> experts of the applicant's nation that stand


def context_for(
    call: Call,
    setup: AssignmentRules,
    standing: Iterable[str],
    applications: Iterable[Application] | None = None,
) -> Context:
    """The rule's context for `call` (three queries); `standing` names the assignment statuses that
    hold a place, `applications` narrows the pairs read to those (all of the call's by default)."""
    standing = set(standing)
    rows = Assignment.objects.filter(application__challenge__call=call)
    ids = None if applications is None else {a.pk for a in applications}
    if ids is not None:
        rows = rows.filter(application_id__in=ids)
    assigned, declined = set(), set()
    same_nation: Counter[int] = Counter()
    for application_id, expert_id, status, expert_nation, applicant_nation in rows.values_list(
        "application_id",
        "expert_id",
        "status",
        "expert__nation",
        "application__organisation__headquarters_nation",
    ):
        if status not in rwf.LIVE:  # no longer live: the expert declined it
            declined.add((application_id, expert_id))
        elif status in standing:
            assigned.add((application_id, expert_id))
            if expert_nation and expert_nation == applicant_nation:
                same_nation[application_id] += 1
    blocked = blocking_pairs(call)
    if ids is not None:
        blocked = {(a, e) for a, e in blocked if a in ids}
    return Context(
        max_load=setup.max_load,
        max_same_nation=setup.max_same_nation,
        loads=held_loads(call, standing),
        assigned=frozenset(assigned),
        declined=frozenset(declined),
        blocked=frozenset(blocked),
        same_nation=dict(same_nation),
    )


def expert_codes(experts: Sequence[Expert], context: Context) -> np.ndarray:
    """The clauses that depend on the expert alone (available, room left), one code per expert."""
    available = np.fromiter((e.available for e in experts), dtype=bool, count=len(experts))
    cap = np.fromiter(
        (min(context.max_load, e.max_load) for e in experts), dtype=np.int64, count=len(experts)
    )
    load = np.fromiter((context.loads.get(e.pk, 0) for e in experts), dtype=np.int64, count=len(experts))
    codes = np.zeros(len(experts), dtype=np.int8)
    codes[load >= cap] = Reason.FULL
    codes[~available] = Reason.UNAVAILABLE
    return codes


def _scatter(
    pairs: frozenset[tuple[int, int]], rows: Mapping[int, int], columns: Mapping[int, int], shape: Any
) -> np.ndarray:
    mask = np.zeros(shape, dtype=bool)
    for a, e in pairs:
        if a in rows and e in columns:
            mask[rows[a], columns[e]] = True
    return mask


def ineligibility_codes(
    applications: Sequence[Application], experts: Sequence[Expert], context: Context
) -> np.ndarray:
    """The rule for every pair: an int8 matrix (applications x experts), 0 where the expert may
    review the application, else the `Reason` code of the first clause that forbids it. Reads no
    database: the applications come with their organisation, the rest is in `context`."""
    shape = (len(applications), len(experts))
    rows = {a.pk: i for i, a in enumerate(applications)}
    columns = {e.pk: j for j, e in enumerate(experts)}
    codes = np.zeros(shape, dtype=np.int8)
    by_expert = expert_codes(experts, context)
    # Assigned from the last clause to the first, so that the first failing clause is the one kept.
    codes[:, by_expert == Reason.FULL] = Reason.FULL
    if context.max_same_nation is not None:
        applicant = [a.organisation.headquarters_nation for a in applications]
        nations = {code: n for n, code in enumerate(sorted({*applicant, *(e.nation for e in experts)}))}
        app_nation = np.array([nations[n] for n in applicant], dtype=np.int64)
        exp_nation = np.array([nations[e.nation] for e in experts], dtype=np.int64)
        limit = context.max_same_nation
        at_limit = np.array([context.same_nation.get(a.pk, 0) >= limit for a in applications], dtype=bool)
        same = (app_nation[:, None] == exp_nation[None, :]) & at_limit[:, None]
        codes[same] = Reason.SAME_NATION
    languages = sorted({a.language for a in applications if a.language})
    if languages:
        # reads[j, k]: expert j reviews in language k; an expert who named none reviews in English.
        reads = np.array(
            [[lang in (e.review_languages or ["en"]) for lang in languages] for e in experts], dtype=bool
        ).reshape(len(experts), len(languages))
        index = {lang: k for k, lang in enumerate(languages)}
        wanted = np.array([index.get(a.language, -1) for a in applications], dtype=np.int64)
        known = wanted >= 0
        cannot = np.zeros(shape, dtype=bool)
        cannot[known] = ~reads[:, wanted[known]].T
        codes[cannot] = Reason.LANGUAGE
    codes[_scatter(context.blocked, rows, columns, shape)] = Reason.CONFLICT
    codes[_scatter(context.declined, rows, columns, shape)] = Reason.DECLINED
    codes[_scatter(context.assigned, rows, columns, shape)] = Reason.ASSIGNED
    codes[:, by_expert == Reason.UNAVAILABLE] = Reason.UNAVAILABLE
    return codes


@dataclass(frozen=True)
class Ineligibility:
    """Why one expert may not review one application, and the sentence that says so to staff."""

    reason: Reason
    text: str


def reviewer_ineligibility(
    expert: Expert, application: Application, context: Context
) -> Ineligibility | None:
    """None when `expert` may review `application`, else the reason in the active language."""
    reason = Reason(int(ineligibility_codes([application], [expert], context)[0, 0]))
    if reason == Reason.ELIGIBLE:
        return None
    return Ineligibility(reason, describe(reason, expert, application, context))


def describe(reason: Reason, expert: Expert, application: Application, context: Context) -> str:
    """The refusal in the active language, with the facts that make it."""
    names = {"name": expert.full_name, "ref": application.reference}
    if reason == Reason.UNAVAILABLE:
        return _("%(name)s is not available for reviews.") % names
    if reason == Reason.ASSIGNED:
        return _("%(name)s is already assigned to %(ref)s.") % names
    if reason == Reason.DECLINED:
        return _("%(name)s declined %(ref)s.") % names
    if reason == Reason.CONFLICT:
        return (
            _(
                "%(name)s has a conflict of interest with %(ref)s: a conflict that is not dismissed is "
                "never assigned."
            )
            % names
        )
    if reason == Reason.LANGUAGE:
        language = dict(settings.LANGUAGES).get(application.language, application.language)
        return _("%(name)s does not review in %(language)s, the language of %(ref)s.") % {
            **names,
            "language": language,
        }
    if reason == Reason.SAME_NATION:
        limit = context.max_same_nation or 0
        return ngettext(
            "%(name)s is from %(nation)s, like the applicant of %(ref)s: the call allows at most %(n)d "
            "expert of the applicant's nation.",
            "%(name)s is from %(nation)s, like the applicant of %(ref)s: the call allows at most %(n)d "
            "experts of the applicant's nation.",
            limit,
        ) % {**names, "nation": nation_name(expert.nation), "n": limit}
    cap = min(context.max_load, expert.max_load)
    held = context.loads.get(expert.pk, 0)
    return _("%(name)s already has %(held)d applications of this call, the most they may take (%(cap)d).") % {
        **names,
        "held": held,
        "cap": cap,
    }

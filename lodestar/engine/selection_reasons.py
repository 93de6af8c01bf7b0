"""Why a proposal near the line is in or out, and why no cohort exists, in words a director can pass on.

For a proposal left out, the rules that adding it would break are read off the chosen cohort
(budget, maximum count, a challenge's maximum, a nation's share); each is then checked against the
model: solved again with that rule alone relaxed, the proposal must be taken, or the rule is not
what keeps it out and is not named (rows side by side then never contradict each other: a proposal
is "left out for the budget" only if more budget would have taken it). The model is also solved
with the proposal forced in: the best cohort that includes it names who would have to go and what
the total merit would lose. For a proposal taken, the minimums that removing it would break are
read off the same way (a challenge's minimum, an organisation type's minimum, the number of
nations), and the model is solved with it forced out to name its best replacement.

Every reason is a `Reason` (code, params, English text); codes:
out: excluded, budget_full, max_selected, challenge_full, nation_share, swap, cannot_be_taken, no_gain;
in: forced, challenge_minimum, organisation_type_minimum, nation_minimum, min_selected, ahead_of,
merit, replacement, indispensable; diagnosis: see `diagnose`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from lodestar.engine.reasons import Reason, listing
from lodestar.engine.selection_model import FAMILIES, Model

# Re-solves for explanations are small; this bounds the worst case of a pathological instance.
EXPLAIN_TIME_LIMIT = 10.0

FAMILY_WORDS = {
    "budget": "the budget",
    "count": "the limits on how many are selected",
    "challenge_min": "the per-challenge minimums",
    "challenge_max": "the per-challenge maximums",
    "nation_share": "the maximum share per nation",
    "min_nations": "the minimum number of nations",
    "organisation_type_min": "the minimums per organisation type",
    "forced": "the forced proposals",
}


@dataclass(frozen=True)
class Explanation:
    """Why one proposal is in or out: structured `reasons` (translate by code) and English text."""

    proposal: str
    selected: bool
    rank: int
    merit: float
    reasons: tuple[Reason, ...]

    @property
    def text(self) -> str:
        return " ".join(r.text for r in self.reasons)


@dataclass(frozen=True, eq=False)
class _Cohort:
    """Counts of the chosen cohort, per rule."""

    chosen: np.ndarray
    count: int
    used: float
    merit: float
    per_challenge: np.ndarray
    per_nation: np.ndarray
    per_type: np.ndarray
    nations: int

    @classmethod
    def of(cls, model: Model, chosen: np.ndarray) -> _Cohort:
        per_nation = np.bincount(model.nation[chosen], minlength=len(model.nations))
        named = np.array([bool(code) for code in model.nations], dtype=bool)
        return cls(
            chosen,
            int(chosen.sum()),
            float(model.cost[chosen].sum()),
            float(model.merit[chosen].sum()),
            np.bincount(model.challenge[chosen], minlength=len(model.challenges)),
            per_nation,
            np.bincount(model.org_type[chosen], minlength=len(model.org_types)),
            int(((per_nation > 0) & named).sum()),
        )


def explain(model: Model, chosen: np.ndarray) -> list[Explanation]:
    """Explanations for the proposals near the line, best rank first."""
    p = model.problem
    cohort = _Cohort.of(model, chosen)
    excluded = np.zeros(len(model.ids), dtype=bool)
    excluded[model.index(p.excluded)] = True
    by_rank = np.argsort(model.rank)
    out = [i for i in by_rank if not chosen[i]]
    taken = [i for i in by_rank if chosen[i]]
    contenders = [i for i in out if not excluded[i]]
    targets = set(out[: p.explain]) | set(taken[len(taken) - p.explain :] if p.explain else [])
    targets |= set(model.index(p.explain_also))
    explanations = []
    relaxed = Relaxed(model)
    for i in sorted(targets, key=lambda i: model.rank[i]):
        reasons = (
            _why_in(model, cohort, i, contenders)
            if chosen[i]
            else _why_out(model, cohort, i, excluded[i], relaxed)
        )
        explanations.append(
            Explanation(
                model.ids[i], bool(chosen[i]), int(model.rank[i]), float(model.merit[i]), tuple(reasons)
            )
        )
    return explanations


def _blocked(model: Model, cohort: _Cohort, i: int) -> list[Reason]:
    """The rules that adding proposal i to the cohort, as it is, would break."""
    p, reasons = model.problem, []
    cost = float(model.cost[i])
    if p.budget is not None and cohort.used + cost > p.budget + 1e-9:
        reasons.append(
            Reason(
                "budget_full",
                f"the budget is used up ({cohort.used:,.0f} of {p.budget:,.0f}) and it costs {cost:,.0f}.",
                {"used": cohort.used, "budget": p.budget, "cost": cost},
            )
        )
    if p.max_selected is not None and cohort.count + 1 > p.max_selected:
        reasons.append(
            Reason(
                "max_selected",
                f"the maximum of {p.max_selected} selected is reached.",
                {"maximum": p.max_selected},
            )
        )
    challenge = model.challenges[model.challenge[i]]
    if (
        challenge in p.challenge_max
        and cohort.per_challenge[model.challenge[i]] + 1 > p.challenge_max[challenge]
    ):
        reasons.append(
            Reason(
                "challenge_full",
                f"challenge '{challenge}' already has its maximum of {p.challenge_max[challenge]}.",
                {"challenge": challenge, "maximum": p.challenge_max[challenge]},
            )
        )
    nation = model.nations[model.nation[i]]
    share = p.max_nation_share
    have = int(cohort.per_nation[model.nation[i]])
    if share is not None and nation and have + 1 > share * (cohort.count + 1) + 1e-9:
        reasons.append(
            Reason(
                "nation_share",
                f"{nation} already has {have} of the {cohort.count} selected; "
                f"one more would exceed the maximum share of {share:.0%}.",
                {"nation": nation, "count": have, "selected": cohort.count, "max_share": share},
            )
        )
    return reasons


# The family of rules (selection_model.FAMILIES) behind each reason a proposal is left out.
BLOCKING_FAMILY = {
    "budget_full": "budget",
    "max_selected": "count",
    "challenge_full": "challenge_max",
    "nation_share": "nation_share",
}


class Relaxed:
    """The best cohort with one family of rules relaxed, solved once per family for every proposal
    explained (the relaxed problem does not depend on the proposal): at most four more solves."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self.cohorts: dict[str, np.ndarray | None] = {}

    def takes(self, i: int, code: str) -> bool:
        """Whether the rule behind `code` is what keeps proposal i out: with that rule alone
        relaxed, the best cohort takes i."""
        family = BLOCKING_FAMILY[code]
        if family not in self.cohorts:
            _, self.cohorts[family] = self.model.solve(
                drop=frozenset({family}), time_limit=EXPLAIN_TIME_LIMIT
            )
        relaxed = self.cohorts[family]
        return relaxed is not None and bool(relaxed[i])


def _why_out(model: Model, cohort: _Cohort, i: int, excluded: bool, relaxed: Relaxed) -> list[Reason]:
    if excluded:
        return [Reason("excluded", "Left out: excluded by the programme.", {})]
    # Only the rules the model confirms are binding; the swap below says the rest (what taking it
    # would cost), so a rule that merely happens to be full is never given as the reason.
    reasons = [
        Reason(r.code, ("Left out: " if n == 0 else "Also, ") + r.text, r.params)
        for n, r in enumerate(r for r in _blocked(model, cohort, i) if relaxed.takes(i, r.code))
    ]
    _, alternative = model.solve(force_in=[i], time_limit=EXPLAIN_TIME_LIMIT)
    if alternative is None:
        reasons.append(Reason("cannot_be_taken", "No selection that includes it meets all the rules.", {}))
        return reasons
    dropped = [int(j) for j in np.flatnonzero(cohort.chosen & ~alternative)]
    added = [int(j) for j in np.flatnonzero(alternative & ~cohort.chosen) if j != i]
    loss = cohort.merit - float(model.merit[alternative].sum())
    if not reasons and model.merit[i] <= 0:
        reasons.append(
            Reason(
                "no_gain",
                f"Left out: its merit ({model.merit[i]:.2f}) adds nothing.",
                {"merit": float(model.merit[i])},
            )
        )
    text = "Taking it would mean dropping " + (listing(_named(model, dropped)) if dropped else "nobody")
    if added:
        text += f" and also taking {listing(_named(model, added))}"
    reasons.append(
        Reason(
            "swap",
            f"{text}, {loss:.2f} less merit in total.",
            {
                "dropped": [model.ids[j] for j in dropped],
                "added": [model.ids[j] for j in added],
                "loss": loss,
            },
        )
    )
    return reasons


def _why_in(model: Model, cohort: _Cohort, i: int, contenders: list[int]) -> list[Reason]:
    """Why i is in: forced, on merit (nobody better is left out), or the rule a swap would break.

    At the optimum, swapping i for a better-ranked proposal q that was left out must break a rule
    (or it would raise the total), so naming that rule is the exact reason i is ahead of q.
    """
    if model.ids[i] in model.problem.forced:
        return [Reason("forced", "Taken: required by the programme.", {})]
    higher = [j for j in contenders if model.rank[j] < model.rank[i]]
    if not higher:
        merit = Reason(
            "merit",
            f"Taken on merit: ranked {model.rank[i]} of {len(model.ids)}.",
            {"rank": int(model.rank[i]), "of": len(model.ids)},
        )
        return [merit, *_replacement(model, cohort, i)]
    q = higher[0]
    reasons = _swap_breaks(model, cohort, i, q)
    if not reasons:
        reasons = [
            Reason("merit", f"Taken: its merit equals that of {model.ids[q]}.", {"tied_with": model.ids[q]})
        ]
    return reasons + _replacement(model, cohort, i)


def _swap_breaks(model: Model, cohort: _Cohort, i: int, q: int) -> list[Reason]:
    """The rules that taking q instead of i would break, worded from i's side."""
    p, reasons = model.problem, []
    other = model.ids[q]
    ahead = f", ahead of higher-ranked {other}"
    params = {"ahead_of": other}
    challenge, q_challenge = model.challenges[model.challenge[i]], model.challenges[model.challenge[q]]
    minimum = p.challenge_min.get(challenge, 0)
    if challenge != q_challenge and cohort.per_challenge[model.challenge[i]] - 1 < minimum:
        reasons.append(
            Reason(
                "challenge_minimum",
                f"Taken to meet the minimum of {minimum} for challenge '{challenge}'{ahead}.",
                {"challenge": challenge, "minimum": minimum, **params},
            )
        )
    kind, q_kind = model.org_types[model.org_type[i]], model.org_types[model.org_type[q]]
    type_minimum = p.organisation_type_min.get(kind, 0)
    if kind != q_kind and cohort.per_type[model.org_type[i]] - 1 < type_minimum:
        reasons.append(
            Reason(
                "organisation_type_minimum",
                f"Taken to meet the minimum of {type_minimum} for organisation type '{kind}'{ahead}.",
                {"organisation_type": kind, "minimum": type_minimum, **params},
            )
        )
    nation, q_nation = model.nations[model.nation[i]], model.nations[model.nation[q]]
    if nation != q_nation and p.min_nations:
        after = cohort.nations - (1 if nation and cohort.per_nation[model.nation[i]] == 1 else 0)
        after += 1 if q_nation and cohort.per_nation[model.nation[q]] == 0 else 0
        if after < p.min_nations:
            reasons.append(
                Reason(
                    "nation_minimum",
                    f"Taken as the only proposal from {nation}, needed to reach {p.min_nations} nations"
                    f"{ahead}.",
                    {"nation": nation, "minimum": p.min_nations, **params},
                )
            )
    blocked = []
    freed = cohort.used - float(model.cost[i])
    if p.budget is not None and freed + float(model.cost[q]) > p.budget + 1e-9:
        blocked.append(
            Reason(
                "budget_full",
                f"{other} costs {model.cost[q]:,.0f} and the budget left without this one is "
                f"{p.budget - freed:,.0f}.",
                {"cost": float(model.cost[q]), "left": p.budget - freed},
            )
        )
    maximum = p.challenge_max.get(q_challenge)
    if (
        q_challenge != challenge
        and maximum is not None
        and cohort.per_challenge[model.challenge[q]] + 1 > maximum
    ):
        blocked.append(
            Reason(
                "challenge_full",
                f"challenge '{q_challenge}' already has its maximum of {p.challenge_max[q_challenge]}.",
                {"challenge": q_challenge, "maximum": p.challenge_max[q_challenge]},
            )
        )
    share = p.max_nation_share
    have = int(cohort.per_nation[model.nation[q]])
    if share is not None and q_nation and q_nation != nation and have + 1 > share * cohort.count + 1e-9:
        blocked.append(
            Reason(
                "nation_share",
                f"{q_nation} already has {have} of the {cohort.count} selected, the most its maximum share "
                f"of {share:.0%} allows.",
                {"nation": q_nation, "count": have, "selected": cohort.count, "max_share": share},
            )
        )
    for reason in blocked:
        reasons.append(
            Reason(
                "ahead_of",
                f"Taken ahead of higher-ranked {other}, which does not fit in its place: {reason.text}",
                {"ahead_of": other, "blocked_by": reason.code, **reason.params},
            )
        )
    return reasons


def _replacement(model: Model, cohort: _Cohort, i: int) -> list[Reason]:
    """What the best cohort without proposal i would take instead, and what it would lose."""
    _, alternative = model.solve(force_out=[i], time_limit=EXPLAIN_TIME_LIMIT)
    if alternative is None:
        return [Reason("indispensable", "Without it no selection meets all the rules.", {})]
    instead = [int(j) for j in np.flatnonzero(alternative & ~cohort.chosen)]
    loss = cohort.merit - float(model.merit[alternative].sum())
    taken = listing(_named(model, instead)) if instead else "nobody"
    return [
        Reason(
            "replacement",
            f"Without it the best selection would take {taken} instead, {loss:.2f} less merit in total.",
            {"instead": [model.ids[j] for j in instead], "loss": loss},
        )
    ]


def _named(model: Model, indices: list[int]) -> list[str]:
    return [
        f"{model.ids[j]} (merit {model.merit[j]:.2f})" for j in sorted(indices, key=lambda j: model.rank[j])
    ]


def diagnose(model: Model, status: str) -> list[Reason]:
    """Why no cohort was found: rules that fail on their own, then families that clash."""
    p = model.problem
    if status == "time_limit":
        return [
            Reason(
                "time_limit",
                f"No selection was found within {p.time_limit} s; one may exist.",
                {"time_limit": p.time_limit},
            )
        ]
    reasons = _local(model)
    if reasons:
        return reasons
    active = [f for f in FAMILIES if _active(model, f)]
    freeing = [
        f for f in active if model.solve(drop=frozenset({f}), time_limit=EXPLAIN_TIME_LIMIT)[1] is not None
    ]
    if freeing:
        words = [FAMILY_WORDS[f] for f in freeing]
        return [
            Reason(
                "rules_clash",
                "The rules cannot all be met together; a selection exists without "
                f"{' or without '.join(words)}.",
                {"families": freeing},
            )
        ]
    return [
        Reason(
            "rules_clash",
            "The rules cannot all be met together, even with any one family of rules set aside.",
            {"families": active},
        )
    ]


def _active(model: Model, family: str) -> bool:
    p = model.problem
    return {
        "budget": p.budget is not None,
        "count": bool(p.min_selected) or p.max_selected is not None,
        "challenge_min": bool(p.challenge_min),
        "challenge_max": bool(p.challenge_max),
        "nation_share": p.max_nation_share is not None,
        "min_nations": p.min_nations > 0,
        "organisation_type_min": bool(p.organisation_type_min),
        "forced": bool(p.forced),
    }[family]


def _local(model: Model) -> list[Reason]:
    """Rules that cannot be met even on their own."""
    p, reasons = model.problem, []
    open_ = np.ones(len(model.ids), dtype=bool)
    open_[model.index(p.excluded)] = False
    both = sorted(p.forced & p.excluded)
    if both:
        reasons.append(
            Reason("forced_and_excluded", f"Both forced and excluded: {listing(both)}.", {"proposals": both})
        )
    forced = model.index(p.forced)
    forced_cost = float(model.cost[forced].sum())
    if p.budget is not None and forced_cost > p.budget + 1e-9:
        reasons.append(
            Reason(
                "forced_over_budget",
                f"The forced proposals cost {forced_cost:,.0f}, more than the budget of {p.budget:,.0f}.",
                {"cost": forced_cost, "budget": p.budget},
            )
        )
    if p.budget is not None and p.challenge_min:
        cheapest = 0.0
        for challenge, minimum in p.challenge_min.items():
            costs = np.sort(model.cost[open_ & (model.challenge == _code(model.challenges, challenge))])
            cheapest += float(costs[:minimum].sum())
        if cheapest > p.budget + 1e-9:
            reasons.append(
                Reason(
                    "budget_below_minimums",
                    f"Meeting every challenge's minimum costs at least {cheapest:,.0f}, more than "
                    f"the budget of {p.budget:,.0f}.",
                    {"cost": cheapest, "budget": p.budget},
                )
            )
    for challenge, minimum in p.challenge_min.items():
        available = int((open_ & (model.challenge == _code(model.challenges, challenge))).sum())
        if available < minimum:
            reasons.append(
                Reason(
                    "challenge_too_few",
                    f"Challenge '{challenge}' needs at least {minimum} but has {available} candidates.",
                    {"challenge": challenge, "minimum": minimum, "available": available},
                )
            )
    for kind, minimum in p.organisation_type_min.items():
        available = int((open_ & (model.org_type == _code(model.org_types, kind))).sum())
        if available < minimum:
            reasons.append(
                Reason(
                    "organisation_type_too_few",
                    f"Organisation type '{kind}' needs at least {minimum} but has {available} candidates.",
                    {"organisation_type": kind, "minimum": minimum, "available": available},
                )
            )
    nations = len({model.nations[model.nation[i]] for i in np.flatnonzero(open_)} - {""})
    if nations < p.min_nations:
        reasons.append(
            Reason(
                "too_few_nations",
                f"At least {p.min_nations} nations are required but candidates come from {nations}.",
                {"minimum": p.min_nations, "available": nations},
            )
        )
    minimums = sum(p.challenge_min.values())
    if p.max_selected is not None and max(minimums, p.min_selected) > p.max_selected:
        reasons.append(
            Reason(
                "minimums_over_maximum",
                f"The minimums add up to {max(minimums, p.min_selected)}, more than the maximum of "
                f"{p.max_selected} selected.",
                {"minimums": minimums, "maximum": p.max_selected},
            )
        )
    return reasons


def _code(labels: tuple[str, ...], label: str) -> int:
    """The code of a label, or -1 (matching nobody) when no candidate carries it."""
    return labels.index(label) if label in labels else -1

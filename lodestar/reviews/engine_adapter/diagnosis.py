"""The assignment engine's reasons in the reader's language.

The engine words its reasons in English for logs and tests (lodestar/engine/assignment_diagnosis.py);
staff read them again from `code` and `params`, with application references and expert names instead
of ids, and with what they can change in the set-up to make an assignment possible.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

BUSINESS = "business"
NATION = "nation"

LISTED = 8


def _listing(items: Sequence[str]) -> str:
    shown = ", ".join(items[:LISTED])
    if len(items) <= LISTED:
        return shown
    return _("%(shown)s and %(n)d more") % {"shown": shown, "n": len(items) - LISTED}


def _reference(application_id: Any) -> str:
    try:
        return f"A-{int(application_id):05d}"
    except (TypeError, ValueError):
        return str(application_id)


def _rule_name(quota: str, rules: dict[str, Any]) -> str:
    if quota == BUSINESS:
        return _("at least %(n)s from the business pool") % {"n": rules.get("min_business")}
    if quota == NATION:
        return _("at most %(n)s from the applicant's nation") % {"n": rules.get("max_same_nation")}
    return quota


def expert_ids_in(reasons: Iterable[dict[str, Any]]) -> set[int]:
    ids: set[int] = set()
    for reason in reasons:
        params = reason.get("params", {})
        for key in ("experts", "experts_below_min_load"):
            value = params.get(key)
            if isinstance(value, list):
                ids.update(int(x) for x in value if str(x).isdigit())
    return ids


def no_applications_text(counts: dict[str, Any]) -> str:
    """Why no application waits for experts, from `reviews.queries.nothing_to_assign` counts: the
    applications still to screen, or those that already have their experts; never "screen first"
    to a call whose applications are all in review."""
    submitted, in_review = int(counts.get("submitted", 0)), int(counts.get("in_review", 0))
    if submitted:
        return ngettext(
            "No eligible application waits for experts: %(n)s submitted application still needs "
            "screening. Screen it first; eligible applications then get their experts.",
            "No eligible application waits for experts: %(n)s submitted applications still need "
            "screening. Screen them first; eligible applications then get their experts.",
            submitted,
        ) % {"n": submitted}
    if in_review:
        return ngettext(
            "Every eligible application already has its experts (%(n)s in review or decided): there "
            "is nothing left to assign. To change one application's experts, open it from the list.",
            "Every eligible application already has its experts (%(n)s in review or decided): there "
            "is nothing left to assign. To change one application's experts, open it from the list.",
            in_review,
        ) % {"n": in_review}
    return _(
        "No eligible application waits for experts: none has been submitted and found eligible yet, "
        "so there is nothing to assign."
    )


def describe_reasons(
    reasons: Iterable[dict[str, Any]], rules: dict[str, Any], expert_names: dict[int, str] | None = None
) -> list[str]:
    """One sentence per reason, with what staff can change to make an assignment possible."""
    names = expert_names or {}

    def expert(value: Any) -> str:
        return names.get(int(value), str(value)) if str(value).isdigit() else str(value)

    return [
        _describe(r.get("code", ""), r.get("params", {}), r.get("text", ""), rules, expert) for r in reasons
    ]


def _describe(
    code: str, p: dict[str, Any], text: str, rules: dict[str, Any], expert: Callable[[Any], str]
) -> str:
    k = rules.get("k")
    if code == "no_applications":
        return no_applications_text(p)
    if code == "no_experts":
        return _(
            "No available expert can take another application: invite experts, mark them available "
            "or raise the maximum load."
        )
    if code == "no_replacement":
        return _(
            "No available expert is free of conflicts, has room in their load and reads the "
            "application's language."
        )
    if code == "too_few_candidates":
        rows = p.get("proposals", [])
        parts = [
            _("%(ref)s (%(available)s of %(needed)s, %(removed)s removed by conflicts or declines)")
            % {
                "ref": _reference(r["proposal"]),
                "available": r["available"],
                "needed": r["needed"],
                "removed": r.get("removed_by_conflicts", 0),
            }
            for r in rows
        ]
        return ngettext(
            "%(n)d application has fewer eligible experts than it needs: %(list)s. Experts are eligible "
            "when they read the application's language, have no conflict with it and have room in "
            "their load. Invite more experts or lower the number of experts per application (%(k)s).",
            "%(n)d applications have fewer eligible experts than they need: %(list)s. Experts are "
            "eligible when they read the application's language, have no conflict with it and have "
            "room in their load. Invite more experts or lower the number of experts per application "
            "(%(k)s).",
            len(rows),
        ) % {"n": len(rows), "list": _listing(parts), "k": k}
    if code in ("min_load_above_max_load", "expert_too_few_candidates"):
        experts = [expert(e) for e in p.get("experts", [])]
        if code == "min_load_above_max_load":
            message = _(
                "%(n)d expert(s) have a minimum load above their own maximum: %(list)s. Lower the "
                "minimum load per expert."
            )
        else:
            message = _(
                "%(n)d expert(s) cannot reach the minimum load: too few applications they may review: "
                "%(list)s. Lower the minimum load per expert."
            )
        return message % {"n": len(experts), "list": _listing(experts)}
    if code == "demand_exceeds_capacity":
        return _(
            "The applications need %(demand)s reviews in all, but the available experts can take at "
            "most %(capacity)s (each expert's maximum load, capped by the applications it may review). "
            "Raise the maximum load per expert (%(max)s), invite more experts, or lower the number of "
            "experts per application (%(k)s)."
        ) % {"demand": p.get("demand"), "capacity": p.get("capacity"), "max": rules.get("max_load"), "k": k}
    if code == "min_load_exceeds_demand":
        return _(
            "The experts' minimum loads add up to %(min)s reviews, but the applications need only "
            "%(demand)s. Lower the minimum load per expert."
        ) % {"min": p.get("min_load"), "demand": p.get("demand")}
    if code == "quota_pool_too_small":
        refs = [_reference(x) for x in p.get("proposals", [])]
        return _(
            "Rule “%(rule)s”: %(n)d application(s) have too few eligible experts in the group: %(list)s. "
            "Invite experts to the group or relax the rule."
        ) % {"rule": _rule_name(p.get("quota", ""), rules), "n": len(refs), "list": _listing(refs)}
    if code == "quota_cap_too_tight":
        refs = [_reference(x) for x in p.get("proposals", [])]
        return _(
            "Rule “%(rule)s”: %(n)d application(s) cannot find enough experts outside the group: "
            "%(list)s. Invite experts from other nations or relax the rule."
        ) % {"rule": _rule_name(p.get("quota", ""), rules), "n": len(refs), "list": _listing(refs)}
    if code == "quota_pool_capacity":
        return _(
            "Rule “%(rule)s”: the applications need at least %(needed)s reviews from the group, but its "
            "%(experts)s eligible expert(s) can take at most %(capacity)s. Invite experts to the group, "
            "raise the maximum load or relax the rule."
        ) % {
            "rule": _rule_name(p.get("quota", ""), rules),
            "needed": p.get("needed"),
            "experts": p.get("experts"),
            "capacity": p.get("capacity"),
        }
    if code == "proposals_cannot_be_covered":
        refs = [_reference(x) for x in p.get("proposals", [])]
        return _(
            "No assignment exists: the applications %(list)s (%(n)d in all) still need %(needed)s "
            "reviews between them, but the experts who may review them can take only %(capacity)s more. "
            "Raise the maximum load, or invite experts who know their subjects and read their language."
        ) % {"list": _listing(refs), "n": len(refs), "needed": p.get("needed"), "capacity": p.get("capacity")}
    if code == "quotas_clash":
        refs = [_reference(x) for x in p.get("proposals", [])]
        rule_names = [_rule_name(q, rules) for q in p.get("quotas", [])]
        return _(
            "%(n)d application(s) cannot meet the rules %(rules)s together with their eligible experts: "
            "%(list)s."
        ) % {"n": len(refs), "rules": ", ".join(rule_names), "list": _listing(refs)}
    if code == "quotas_exceed_loads":
        rule_names = [_rule_name(q, rules) for q in p.get("quotas", [])]
        return _(
            "Each application can meet the rules %(rules)s on its own, but not all at once within the "
            "experts' loads: relax a rule or raise the maximum load."
        ) % {"rules": ", ".join(rule_names)}
    if code == "time_limit":
        return _(
            "No assignment was found within the time limit of %(s)s seconds; one may still exist. "
            "Run it again, or switch the fairness mode off."
        ) % {"s": p.get("time_limit")}
    # A reason this page does not know yet: the engine's own English sentence, never nothing.
    return text or code

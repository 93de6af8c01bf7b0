"""Eligibility of a partner proposal: each rule of the partner call is checked by the function its
code names, against the proposal's co-directors, end users and the mechanism's limits. A rule not
met makes the proposal ineligible; the report keeps the message in both languages and what was found.

The rules are data (`PartnerRule` rows, one per code per call, each with its own message); a call
starts with `DEFAULT_RULES` (shared/FACTS.md) and staff may reword or remove them in the admin.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lodestar.partnerships.models import CoDirector, PartnerCall, PartnerRule, Proposal


@dataclass(frozen=True)
class RuleOutcome:
    code: str
    met: bool
    message_en: str
    message_fr: str
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Report:
    outcomes: tuple[RuleOutcome, ...]

    @property
    def eligible(self) -> bool:
        return all(o.met for o in self.outcomes)

    def as_json(self) -> list[dict[str, Any]]:
        return [asdict(o) for o in self.outcomes]


Check = Callable[[PartnerCall, Proposal], tuple[bool, dict[str, Any]]]


def _side(proposal: Proposal, side: str) -> CoDirector | None:
    return next((c for c in proposal.co_directors.all() if c.side == side), None)


def _anchored(person: CoDirector | None, nations: set[str]) -> tuple[bool, dict[str, Any]]:
    """A national of, resident in and employed in the same nation, one of `nations`."""
    if person is None:
        return False, {"missing": True}
    places = {person.nationality, person.residence, person.employer_nation}
    failed = [
        name
        for name, code in (
            ("nationality", person.nationality),
            ("residence", person.residence),
            ("employer_nation", person.employer_nation),
        )
        if code not in nations
    ]
    return len(places) == 1 and not failed, {
        "name": person.full_name,
        "nationality": person.nationality,
        "residence": person.residence,
        "employer_nation": person.employer_nation,
        "failed": failed,
    }


def _member(call: PartnerCall, proposal: Proposal) -> tuple[bool, dict[str, Any]]:
    return _anchored(_side(proposal, CoDirector.Side.MEMBER), set(call.call.eligible_nations))


def _partner(call: PartnerCall, proposal: Proposal) -> tuple[bool, dict[str, Any]]:
    partners = {n.code for n in call.partner_nations.all()}
    return _anchored(_side(proposal, CoDirector.Side.PARTNER), partners)


def _body(call: PartnerCall, proposal: Proposal) -> tuple[bool, dict[str, Any]]:
    kinds = set(call.eligible_body_kinds)
    refused = [c.employer for c in proposal.co_directors.all() if c.employer_kind not in kinds]
    if proposal.organisation.kind not in kinds:
        refused.append(proposal.organisation.legal_name)
    return not refused, {"refused": sorted(set(refused))}


def _end_user(call: PartnerCall, proposal: Proposal) -> tuple[bool, dict[str, Any]]:
    count = len(proposal.end_users.all())
    return count >= 1, {"count": count}


def _amount(call: PartnerCall, proposal: Proposal) -> tuple[bool, dict[str, Any]]:
    mechanism, amount = proposal.mechanism, proposal.application.requested_amount
    if amount is None:
        return False, {"missing": True}
    low, high = mechanism.min_amount, mechanism.max_amount
    ok = (low is None or amount >= low) and (high is None or amount <= high)
    return ok, {
        "requested": float(amount),
        "minimum": float(low) if low is not None else None,
        "maximum": float(high) if high is not None else None,
    }


def _duration(call: PartnerCall, proposal: Proposal) -> tuple[bool, dict[str, Any]]:
    mechanism = proposal.mechanism
    if mechanism.is_project:
        value, low, high, unit = proposal.months, mechanism.min_months, mechanism.max_months, "months"
    else:
        value, low, high, unit = proposal.days, mechanism.min_days, mechanism.max_days, "days"
    if value is None:
        return False, {"missing": True, "unit": unit}
    ok = (low is None or value >= low) and (high is None or value <= high)
    return ok, {"value": value, "minimum": low, "maximum": high, "unit": unit}


CHECKS: dict[str, Check] = {
    PartnerRule.Code.MEMBER_CO_DIRECTOR: _member,
    PartnerRule.Code.PARTNER_CO_DIRECTOR: _partner,
    PartnerRule.Code.BODY: _body,
    PartnerRule.Code.END_USER: _end_user,
    PartnerRule.Code.AMOUNT: _amount,
    PartnerRule.Code.DURATION: _duration,
}


def evaluate(proposal: Proposal) -> Report:
    call = proposal.partner_call
    outcomes = []
    for rule in call.rules.all():
        met, detail = CHECKS[rule.code](call, proposal)
        outcomes.append(RuleOutcome(rule.code, met, rule.message_en, rule.message_fr, detail))
    return Report(tuple(outcomes))


DEFAULT_RULES: tuple[tuple[str, str, str], ...] = (
    (
        PartnerRule.Code.MEMBER_CO_DIRECTOR,
        "One co-director must be a national of, resident in and employed in the same member nation.",
        "L'un des codirecteurs doit avoir la nationalité d'une même nation membre, y résider "
        "et y travailler.",
    ),
    (
        PartnerRule.Code.PARTNER_CO_DIRECTOR,
        "The other co-director must be a national of, resident in and employed in the same partner "
        "nation of the call.",
        "L'autre codirecteur doit avoir la nationalité d'une même nation partenaire de l'appel, y résider "
        "et y travailler.",
    ),
    (
        PartnerRule.Code.BODY,
        "Only government, academic and non-profit bodies may take part; companies may not.",
        "Seuls les organismes publics, universitaires et à but non lucratif peuvent participer ; "
        "les entreprises ne le peuvent pas.",
    ),
    (
        PartnerRule.Code.END_USER,
        "Name at least one end user of the results.",
        "Indiquez au moins un utilisateur final des résultats.",
    ),
    (
        PartnerRule.Code.AMOUNT,
        "The requested grant must be within the mechanism's range.",
        "La subvention demandée doit rester dans la fourchette du mécanisme.",
    ),
    (
        PartnerRule.Code.DURATION,
        "The duration must be within the mechanism's range.",
        "La durée doit rester dans la fourchette du mécanisme.",
    ),
)


def describe(outcome: dict[str, Any]) -> str:
    """A one-line account of what was found, in the active language."""
    detail = outcome.get("detail", {})
    if detail.get("missing"):
        return _("not given")
    if "failed" in detail:
        return (
            _(
                "%(name)s: national of %(nationality)s, resident in %(residence)s, employed in "
                "%(employer_nation)s"
            )
            % detail
        )
    if detail.get("refused"):
        return _("not eligible: %(names)s") % {"names": ", ".join(detail["refused"])}
    if "count" in detail:
        return ngettext("%(count)d named", "%(count)d named", detail["count"]) % detail
    if "requested" in detail:
        amount = number_format(detail["requested"], 0, force_grouping=True)
        return _("EUR %(requested)s requested") % {"requested": amount}
    if detail.get("unit") == "months":
        return ngettext("%(value)d month", "%(value)d months", detail["value"]) % detail
    if detail.get("unit") == "days":
        return ngettext("%(value)d working day", "%(value)d working days", detail["value"]) % detail
    return ""

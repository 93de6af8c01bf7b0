"""After the awards: the cohort of a confirmed selection, taken some months along, through the same
actions as the pages.

Used by `lodestar simulate` (a timed stage) and by the demo (the cohort of two years ago's call).
Companies' readiness rises over the months; half of them write a result or a test report, most of
which they share with end users; the nations' end users express interest in a third of the
companies and take a few of them far along the road to adoption (some to a signed contract, within
or over the programme's target, one stopped); a demo day is planned with its invitations.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from lodestar.accelerator import workflow as wf
from lodestar.accelerator.actions import adoption
from lodestar.accelerator.actions import cohorts as actions
from lodestar.accelerator.models import AdoptionCase, Cohort
from lodestar.grants.models import Award
from lodestar.programmes.models import Call
from lodestar.selection.models import Selection

S = wf.AdoptionStatus

# (kind, language, title, summary): what companies write about their work.
RESULTS = (
    (
        "test_report",
        "en",
        "Sea trial at the naval test range",
        "Three days at sea state 3 to 4: the system held its link for 71 of 72 hours and met the "
        "endurance target; the signed range report is attached to milestone 2.",
    ),
    (
        "result",
        "en",
        "Field demonstration to a brigade's logistics staff",
        "Demonstrated the prototype in a two-day exercise; operators rated set-up time and "
        "usability; the next version reduces weight by 18 %.",
    ),
    (
        "test_report",
        "fr",
        "Essais en chambre climatique",
        "Fonctionnement vérifié de -30 °C à +55 °C pendant 96 heures ; aucune dérive des capteurs "
        "au-delà de la tolérance ; rapport signé du centre d'essais.",
    ),
    (
        "result",
        "fr",
        "Preuve de valeur auprès d'une base aérienne",
        "Le prototype a tourné six semaines sur la base ; le temps d'intervention a baissé de 23 % "
        "sur les tâches suivies.",
    ),
    (
        "test_report",
        "en",
        "Electromagnetic compatibility pre-scan",
        "Pre-compliance scan against MIL-STD-461G radiated emissions: two peaks fixed by shielding; "
        "full qualification booked for next quarter.",
    ),
    (
        "result",
        "fr",
        "Démonstration au centre de commandement d'une division",
        "Le tableau de situation partagé a été utilisé pendant un exercice de cinq jours ; les "
        "opérateurs ont gagné en moyenne 11 minutes par compte rendu.",
    ),
    (
        "test_report",
        "en",
        "Cold-weather trial in the far north",
        "Ten days at -25 °C with a battalion's signal platoon: batteries kept 82 % of their capacity; "
        "one connector froze and has been redesigned.",
    ),
    (
        "test_report",
        "fr",
        "Campagne de vibrations et de chocs",
        "Profils de transport routier et aéroporté appliqués selon la norme : aucune casse, une vis "
        "desserrée corrigée par un frein-filet ; rapport du laboratoire joint.",
    ),
    (
        "result",
        "en",
        "Pilot with a medical evacuation unit",
        "Four weeks of use on training evacuations: triage data reached the receiving hospital in "
        "under a minute in 37 of 40 runs.",
    ),
    (
        "result",
        "fr",
        "Essai de cybersécurité en environnement représentatif",
        "Un audit d'intrusion de deux semaines n'a trouvé aucune faille critique ; trois points "
        "moyens sont corrigés dans la version 1.3.",
    ),
    (
        "test_report",
        "en",
        "Range trial of the counter-drone sensor",
        "Detection of small quadcopters out to 2.4 km in clear weather and 1.6 km in rain; false "
        "alarms fell to two an hour after the filter update.",
    ),
    (
        "result",
        "fr",
        "Retour d'expérience d'un régiment du génie",
        "Le prototype a servi à inspecter onze ouvrages ; le temps de reconnaissance a été divisé "
        "par trois et les relevés sont exportés vers le système du régiment.",
    ),
)
NEEDS = {
    "en": (
        "Energy autonomy for forward operating bases without fuel resupply for 14 days.",
        "Secure data exchange between coalition units on disconnected networks.",
        "Persistent monitoring of harbour approaches with a small crew.",
        "Faster casualty data from the point of injury to the field hospital.",
        "Detecting small drones around a deployed headquarters.",
    ),
    "fr": (
        "Autonomie énergétique des bases avancées sans ravitaillement pendant 14 jours.",
        "Échange sécurisé de données entre unités alliées sur des réseaux déconnectés.",
        "Surveillance permanente des approches portuaires avec un équipage réduit.",
        "Transmission plus rapide des données des blessés jusqu'à l'hôpital de campagne.",
        "Détection des petits drones autour d'un poste de commandement déployé.",
    ),
}
# What a company writes when it records its own readiness level, in its language.
SELF_ASSESSED = {
    "en": "Self-assessed after the latest trial; the test report is attached to the milestone.",
    "fr": "Auto-évaluation après le dernier essai ; le rapport d'essai est joint au jalon.",
}
# How far each case goes, in turn: a few to a contract, one stopped, the rest on the way.
REACH = (
    S.CONTRACT_SIGNED,
    S.FIELD_TEST,
    S.ROUTE_CHOSEN,
    S.CONTRACT_SIGNED,
    S.PILOT_AGREED,
    S.STOPPED,
    S.INTEREST,
)
ORDER = [state for state, _field in wf.ADOPTION_STEPS]
ROUTES = ("innovation_partnership", "prototype_agreement", "pre_commercial", "framework")


def run_cohort(call: Call, staff: Any, end_users: dict[str, Any], *, seed: int, today: dt.date) -> str:
    """Form the cohort of the call's confirmed selection and take it some months along. `end_users`
    maps a nation to an end user who speaks for it. Returns a one-line summary."""
    rng = random.Random(seed)
    selection = Selection.objects.filter(call=call, status=Selection.Status.CONFIRMED).latest("created_at")
    starts_on = Award.objects.filter(application__challenge__call=call).values_list(
        "starts_on", flat=True
    ).first() or today - dt.timedelta(weeks=20)
    cohort = actions.check_form_cohort(selection, staff, starts_on=starts_on)
    places = list(
        cohort.companies.select_related("organisation", "application")
        .prefetch_related("organisation__memberships__user")
        .order_by("pk")
    )
    readings = results = 0
    for i, place in enumerate(places):
        level = place.application.trl or 4
        members = [m.user for m in place.organisation.memberships.all()]
        for months in (2, 4):
            day = starts_on + dt.timedelta(days=30 * months)
            if day <= today and rng.random() < 0.6 and level < 9:
                level += 1
                # The team assesses at the milestone review; later, most companies record their own.
                if months == 4 and members and i % 4:
                    note = SELF_ASSESSED.get(members[0].language, SELF_ASSESSED["en"])
                    actions.check_record_trl(place, members[0], level, day, note)
                else:
                    actions.check_record_trl(place, staff, level, day, "Assessed at the milestone review")
                readings += 1
        if members and i % 2 == 0:
            kind, language, title, summary = RESULTS[(i // 2) % len(RESULTS)]
            actions.check_write_result(
                place,
                members[0],
                title=title,
                summary=summary,
                language=language,
                kind=kind,
                shared=i % 6 != 4,
            )
            results += 1
    cases = _adoption(cohort, places, end_users, rng, starts_on, today)
    _demo_day(cohort, staff, sorted(end_users), today)
    return f"cohort of {len(places)} companies, {readings} readiness readings, {results} results, {cases}"


def _adoption(
    cohort: Cohort,
    places: list[Any],
    end_users: dict[str, Any],
    rng: random.Random,
    start: dt.date,
    today: dt.date,
) -> str:
    if not end_users:
        return "no adoption cases"
    nations = sorted(end_users)
    signed = 0
    count = max(3, len(places) // 3)
    for i, place in enumerate(places[:count]):
        nation = nations[i % len(nations)]
        user = end_users[nation]
        language = getattr(user, "language", "en") or "en"
        on = start + dt.timedelta(days=rng.randint(5, 30))
        need = NEEDS[language][i % len(NEEDS[language])]
        case = adoption.check_express_interest(place, user, nation, need, on=on)
        reach = REACH[i % len(REACH)]
        targets = ORDER[1 : ORDER.index(reach) + 1] if reach in ORDER else ORDER[1:2]
        for step in targets:
            on = on + dt.timedelta(days=rng.randint(8, 26))
            if on > today:
                break
            case = adoption.check_advance(
                case,
                user,
                step,
                on=on,
                route=ROUTES[i % len(ROUTES)] if step == S.ROUTE_CHOSEN else "",
                contract_value=Decimal(rng.randrange(150_000, 900_000, 25_000))
                if step == S.CONTRACT_SIGNED
                else None,
            )
        if reach == S.STOPPED and case.status in wf.ADOPTION_OPEN:
            adoption.check_advance(
                case,
                user,
                S.STOPPED,
                on=min(today, on + dt.timedelta(days=10)),
                note="Requirement withdrawn.",
            )
        signed += case.status == S.CONTRACT_SIGNED
    cases = AdoptionCase.objects.filter(company__cohort=cohort).count()
    return f"{cases} adoption cases ({signed} contracts signed)"


def _demo_day(cohort: Cohort, staff: Any, nations: list[str], today: dt.date) -> None:
    day = adoption.check_plan_demo_day(
        cohort,
        staff,
        title_en=f"{cohort.name_en}: demo day",
        title_fr=f"{cohort.name_fr} : journée de démonstration",
        held_on=today + dt.timedelta(days=21),
        place="Brussels, Résidence Palace",
        description_en="Each company presents in eight minutes, then meets end users at its stand.",
        description_fr="Chaque entreprise présente en huit minutes, puis rencontre les utilisateurs finaux "
        "à son stand.",
    )
    if nations:
        adoption.check_invite(day, staff, nations)


def forget_cohorts(calls: list[Call]) -> int:
    """Delete the cohorts of `calls` with their companies, readings, results, adoption cases and demo
    days (a cohort protects its call, selection and applications): for the demo's reset."""
    return Cohort.objects.filter(call__in=calls).delete()[1].get("accelerator.Cohort", 0)

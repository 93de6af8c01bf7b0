"""Between the conflict engine (`lodestar.engine.conflicts`) and the database.

Builds the engine's frozen records from experts (organisation, nation, employment, documents with
their authors, organisations declared) and from a call's applications in competition (organisation,
nation, team, shareholders, names the applicant declared), runs `detect`, and saves the result over
the previous run: a person's decision survives every re-run (see `save_detected`).

Names are compared with the engine's keys (`person_key`, `organisation_key`): accents, case, word
order of a person's name and legal suffixes ("SAS", "Ltd") do not matter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_noop

from lodestar.applications import workflow as wf
from lodestar.applications.models import Application, TeamMember
from lodestar.engine import conflicts as engine
from lodestar.experts.models import ConflictDeclaration, Expert
from lodestar.organisations.models import Shareholder
from lodestar.programmes.models import Call
from lodestar.reviews.models import Conflict
from lodestar.reviews.models.rules import conflict_rules

Progress = Callable[[int, int, str], None]

# Statuses whose applications may still be reviewed: conflicts matter for them only.
REVIEWABLE = wf.IN_COMPETITION


def _expert_organisations(expert: Expert) -> list[str]:
    """Where the expert works now: its organisation and every job without an end."""
    names = [expert.organisation_name or (expert.organisation.legal_name if expert.organisation else "")]
    names.extend(j.organisation_name for j in expert.employment.all() if j.end_year is None)
    return [n for n in names if n]


def expert_record(expert: Expert) -> engine.ExpertRecord:
    """Expects `employment`, `documents` and `declarations` prefetched."""
    return engine.ExpertRecord(
        id=str(expert.pk),
        name=expert.full_name,
        organisation=expert.organisation_name
        or (expert.organisation.legal_name if expert.organisation else ""),
        nation=expert.nation,
        employment=tuple(
            engine.Employment(j.organisation_name, j.start_year, j.end_year) for j in expert.employment.all()
        ),
        documents=tuple(
            engine.Document(d.title, engine.split_authors(d.authors))
            for d in expert.documents.all()
            if d.authors
        ),
        declared_organisations=tuple(d.name for d in expert.declarations.all()),
    )


@dataclass
class ExpertNameIndex:
    """Experts found by a declared name: the person's name, or the organisation it works at now."""

    by_person: dict[str, list[int]]
    by_organisation: dict[str, list[int]]

    @classmethod
    def build(cls, experts: Iterable[Expert]) -> ExpertNameIndex:
        index = cls({}, {})
        for e in experts:
            index.by_person.setdefault(engine.person_key(e.full_name), []).append(e.pk)
            for org in dict.fromkeys(engine.organisation_key(o) for o in _expert_organisations(e)):
                if org:
                    index.by_organisation.setdefault(org, []).append(e.pk)
        return index

    def find(self, name: str) -> list[int]:
        found = self.by_person.get(engine.person_key(name), []) + self.by_organisation.get(
            engine.organisation_key(name), []
        )
        return list(dict.fromkeys(found))


def _experts_for_matching() -> list[Expert]:
    return list(
        Expert.objects.select_related("organisation")
        .prefetch_related("employment", "documents", "declarations")
        .order_by("pk")
    )


def declared_experts(names: Iterable[str], index: ExpertNameIndex) -> dict[int, str]:
    """expert id -> the declared name that points at it."""
    out: dict[int, str] = {}
    for name in names:
        for expert_id in index.find(name):
            out.setdefault(expert_id, name)
    return out


@dataclass(frozen=True)
class ApplicationFacts:
    """What detection needs of an application, read as plain values (no model instances: a call
    has thousands of applications, each with a team and shareholders)."""

    pk: int
    organisation: str
    nation: str
    team: tuple[str, ...] = ()
    shareholders: tuple[str, ...] = ()
    declared: tuple[str, ...] = ()


def application_facts(applications: QuerySet[Application]) -> list[ApplicationFacts]:
    rows = list(
        applications.order_by("pk").values_list(
            "pk", "organisation_id", "organisation__legal_name", "organisation__headquarters_nation"
        )
    )
    ids = [pk for pk, *_rest in rows]
    team: dict[int, list[str]] = {}
    for application_id, name in TeamMember.objects.filter(application_id__in=ids).values_list(
        "application_id", "name"
    ):
        team.setdefault(application_id, []).append(name)
    owners: dict[int, list[str]] = {}
    for organisation_id, name in Shareholder.objects.filter(
        organisation_id__in={org for _pk, org, *_rest in rows}
    ).values_list("organisation_id", "name"):
        owners.setdefault(organisation_id, []).append(name)
    declared: dict[int, list[str]] = {}
    for application_id, name in ConflictDeclaration.objects.filter(application_id__in=ids).values_list(
        "application_id", "name"
    ):
        declared.setdefault(application_id, []).append(name)
    return [
        ApplicationFacts(
            pk=pk,
            organisation=legal_name,
            nation=nation,
            team=tuple(team.get(pk, ())),
            shareholders=tuple(owners.get(organisation_id, ())),
            declared=tuple(declared.get(pk, ())),
        )
        for pk, organisation_id, legal_name, nation in rows
    ]


def proposal_record(facts: ApplicationFacts, declared: Iterable[int]) -> engine.ProposalRecord:
    return engine.ProposalRecord(
        id=str(facts.pk),
        organisation=facts.organisation,
        nation=facts.nation,
        team=facts.team,
        shareholders=facts.shareholders,
        declared_experts=tuple(str(e) for e in declared),
    )


@dataclass
class SaveCounts:
    created: int = 0
    updated: int = 0
    removed: int = 0
    kept: int = 0

    def as_dict(self) -> dict[str, int]:
        return {"created": self.created, "updated": self.updated, "removed": self.removed, "kept": self.kept}


def save_detected(
    call: Call, detected: Sequence[engine.Conflict], declared_names: dict[tuple[int, int], str]
) -> SaveCounts:
    """Replace the call's conflicts with `detected`, keeping every decision a person took.

    A pair decided before keeps its state, note and decider with fresh evidence, even when the data
    no longer shows it (a dismissal's note is the record of a decision someone answers for); a new
    finding is added (a declaration by the expert as confirmed, everything else as suggested); a
    suggestion the data no longer shows is removed.
    """
    counts = SaveCounts()
    now = timezone.now()
    with transaction.atomic():
        existing = {
            (c.application_id, c.expert_id, c.kind): c
            for c in Conflict.objects.filter(application__challenge__call=call).only(
                "id", "application_id", "expert_id", "kind", "state", "evidence", "facts"
            )
        }
        seen: set[tuple[int, int, str]] = set()
        to_create: list[Conflict] = []
        to_update: list[Conflict] = []
        for found in detected:
            application_id, expert_id = int(found.proposal), int(found.expert)
            key = (application_id, expert_id, str(found.type))
            seen.add(key)
            facts, evidence = dict(found.facts), found.evidence
            if found.type is engine.ConflictType.DECLARED_BY_APPLICANT:
                # The engine knows expert ids only; keep the words the applicant wrote.
                name = declared_names.get((application_id, expert_id), "")
                facts, evidence = {"declared": name}, f"Declared by the applicant: {name}"
            old = existing.get(key)
            if old is None:
                confirmed = found.state is engine.ConflictState.CONFIRMED
                to_create.append(
                    Conflict(
                        application_id=application_id,
                        expert_id=expert_id,
                        kind=str(found.type),
                        evidence=evidence,
                        facts=facts,
                        state=Conflict.State.CONFIRMED if confirmed else Conflict.State.SUGGESTED,
                        decided_at=now if confirmed else None,
                        created_at=now,
                    )
                )
            elif old.evidence != evidence or old.facts != facts:
                old.evidence, old.facts = evidence, facts
                to_update.append(old)
        stale = [
            c.pk for key, c in existing.items() if key not in seen and c.state == Conflict.State.SUGGESTED
        ]
        counts.kept = sum(
            1 for key, c in existing.items() if key not in seen and c.state != Conflict.State.SUGGESTED
        )
        for start in range(0, len(stale), 500):
            Conflict.objects.filter(pk__in=stale[start : start + 500]).delete()
        Conflict.objects.bulk_create(to_create, batch_size=1000)
        Conflict.objects.bulk_update(to_update, ["evidence", "facts"], batch_size=1000)
        counts.created, counts.updated, counts.removed = len(to_create), len(to_update), len(stale)
    return counts


def run_detection(call: Call, progress: Progress) -> dict[str, Any]:
    """Detect and save the conflicts of `call`; repeatable (a re-run replaces its own suggestions)."""
    rules = conflict_rules(call)
    progress(0, 4, gettext_noop("reading experts and applications"))
    experts = _experts_for_matching()
    applications = application_facts(Application.objects.filter(challenge__call=call, status__in=REVIEWABLE))
    index = ExpertNameIndex.build(experts)
    declared_names: dict[tuple[int, int], str] = {}
    proposals = []
    for facts in applications:
        declared = declared_experts(facts.declared, index)
        declared_names.update({(facts.pk, e): name for e, name in declared.items()})
        proposals.append(proposal_record(facts, declared))
    progress(1, 4, gettext_noop("detecting"))
    detected = engine.detect(
        [expert_record(e) for e in experts],
        proposals,
        engine.ConflictRules(current_year=timezone.now().year, same_nation=rules.same_nation),
    )
    progress(2, 4, gettext_noop("saving"))
    counts = save_detected(call, detected, declared_names)
    progress(4, 4, gettext_noop("done"))
    return {
        "applications": len(applications),
        "experts": len(experts),
        "found": len(detected),
        **counts.as_dict(),
    }


# --- Declarations, applied at once (detection reads them again on every run) ---------------------


def applications_of_organisation(name: str) -> list[Application]:
    """Applications still in review, in any call, of an organisation called `name`."""
    key = engine.organisation_key(name)
    if not key:
        return []
    candidates = Application.objects.filter(status__in=REVIEWABLE).values_list(
        "pk", "organisation__legal_name"
    )
    ids = [pk for pk, legal_name in candidates if engine.organisation_key(legal_name) == key]
    return list(Application.objects.filter(pk__in=ids).select_related("organisation"))


def sync_applicant_declarations(application: Application) -> list[Conflict]:
    """Make the application's applicant-declared suggestions match its declared names now: add the
    experts newly named, drop suggestions whose name was removed; decided ones stay. Returns the new."""
    index = ExpertNameIndex.build(_experts_for_matching())
    wanted = declared_experts(application.conflict_declarations.values_list("name", flat=True), index)
    kind = Conflict.Kind.DECLARED_BY_APPLICANT
    existing = {c.expert_id: c for c in Conflict.objects.filter(application=application, kind=kind)}
    Conflict.objects.filter(
        pk__in=[c.pk for e, c in existing.items() if e not in wanted and c.state == Conflict.State.SUGGESTED]
    ).delete()
    return Conflict.objects.bulk_create(
        Conflict(
            application=application,
            expert_id=expert_id,
            kind=kind,
            evidence=f"Declared by the applicant: {name}",
            facts={"declared": name},
        )
        for expert_id, name in wanted.items()
        if expert_id not in existing
    )

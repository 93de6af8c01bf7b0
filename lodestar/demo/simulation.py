"""A whole call, from applications to a confirmed cohort, at the real programme's scale.

`Simulation.run()` builds a closed call with generated applications (both languages, from the demo
generator) and generated experts, then takes it through every stage with the same actions the pages
call: screening, matching, conflict detection, optimal assignment and its publication, reviews by
lenient, harsh and fair experts, calibrated ranking, selection and its confirmation with decision
letters. Each step is timed. The applications' true merit is known here (the reviews are drawn from
it), so the run also measures how well calibration recovers it compared with the raw mean.
"""

from __future__ import annotations

import math
import random
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from lodestar.accounts.actions import do_grant_roles
from lodestar.accounts.models import User
from lodestar.applications import workflow as wf
from lodestar.applications.actions import (
    Screening,
    TeamMemberData,
    check_create_draft,
    check_screen,
    check_submit,
)
from lodestar.applications.models import Application
from lodestar.core.jobs import create_job, execute_job
from lodestar.core.models import EdtArea, Job
from lodestar.core.roles import Role
from lodestar.demo import corpus
from lodestar.demo.awards import award_cohort
from lodestar.demo.calls import create_challenges, create_phases
from lodestar.experts.actions import check_import_experts
from lodestar.experts.importing import ExpertRow
from lodestar.experts.models import Employment, Expert, ExpertDocument
from lodestar.matching.actions import JOB_KIND as MATCHING_JOB
from lodestar.organisations.actions import ShareholderData, check_create_organisation
from lodestar.programmes.actions import do_create_call
from lodestar.programmes.models import Call, Programme
from lodestar.reviews.actions.assignment import (
    check_publish_assignment,
    check_run_assignment,
    check_update_assignment_rules,
)
from lodestar.reviews.actions.conflicts import check_run_detection
from lodestar.reviews.actions.ranking import do_compute_ranking
from lodestar.reviews.actions.reviewing import ReviewData, check_submit_review
from lodestar.reviews.actions.rubric import check_update_review_rules
from lodestar.reviews.models import Assignment, Conflict, RankingEntry
from lodestar.reviews.models.rules import review_rules
from lodestar.selection.actions import (
    check_confirm_selection,
    check_run_selection,
    check_update_rules,
)

Echo = Callable[[str], None]

PROGRAMME_SLUG = "simulation"


@dataclass
class StepTime:
    name: str
    seconds: float
    detail: str = ""


@dataclass
class Report:
    call: Call
    steps: list[StepTime] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)

    @property
    def total(self) -> float:
        return sum(s.seconds for s in self.steps)


def _spearman(xs: list[float], ys: list[float]) -> float:
    def ranks(values: list[float]) -> list[float]:
        order = sorted(range(len(values)), key=values.__getitem__)
        out = [0.0] * len(values)
        for rank, index in enumerate(order):
            out[index] = float(rank)
        return out

    rx, ry = ranks(xs), ranks(ys)
    n = len(xs)
    mx, my = sum(rx) / n, sum(ry) / n
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    sx = math.sqrt(sum((a - mx) ** 2 for a in rx))
    sy = math.sqrt(sum((b - my) ** 2 for b in ry))
    return cov / (sx * sy) if sx and sy else 0.0


@dataclass(frozen=True)
class Stage:
    """Where a simulated call lives and how far it goes (the demo's closed call stops after reviews)."""

    programme: Programme | None = None
    slug: str = ""
    title_en: str = ""
    title_fr: str = ""
    published: bool = False
    staff: User | None = None
    director: User | None = None
    # An expert login whose reviews are left to write by hand in the demo.
    reviewer: User | None = None
    stop_after: str = ""
    # Finance, who approves the awards' payment orders (a simulated one when not given).
    finance: User | None = None


def keyword_line(keywords: tuple[str, ...], limit: int = 400) -> str:
    """As many whole keywords as the profile's field holds (the CSV import checks the same limit)."""
    line = ""
    for word in keywords:
        candidate = f"{line}, {word}" if line else word
        if len(candidate) > limit:
            break
        line = candidate
    return line


class Simulation:
    def __init__(
        self,
        applications: int,
        experts: int,
        seed: int = 2025,
        echo: Echo | None = None,
        stage: Stage | None = None,
    ) -> None:
        self.n_applications = applications
        self.n_experts = experts
        self.seed = seed
        self.rng = random.Random(seed)
        self.echo = echo or (lambda line: None)
        self.now = timezone.now()
        self.stage = stage or Stage()
        self.slug = self.stage.slug or f"simulation-{seed}-{applications}x{experts}"
        self.password = make_password(None)  # simulated people never sign in
        self.merit: dict[int, float] = {}
        self.leniency: dict[int, float] = {}

    # --- running and timing -------------------------------------------------------------------
    @contextmanager
    def step(self, report: Report, name: str) -> Iterator[dict[str, str]]:
        self.echo(f"{name}...")
        started = time.perf_counter()
        detail: dict[str, str] = {"text": ""}
        yield detail
        seconds = time.perf_counter() - started
        report.steps.append(StepTime(name, seconds, detail["text"]))
        self.echo(f"  {seconds:6.1f} s  {detail['text']}")

    def run(self) -> Report:
        # Letters go nowhere and jobs run in this process: the simulation measures the work itself.
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
            TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
        ):
            return self._run()

    def _run(self) -> Report:
        staff = self.stage.staff or self.person(
            "simulation-staff@lodestar.example", "Simulation Staff", Role.PROGRAMME_STAFF
        )
        director = self.stage.director or self.person(
            "simulation-director@lodestar.example", "Simulation Director", Role.PROGRAMME_DIRECTOR
        )
        call = self.call(staff)
        report = Report(call=call)
        with self.step(report, "applications (create, submit)") as d:
            d["text"] = self.applications(call)
        with self.step(report, "eligibility screening") as d:
            d["text"] = self.screening(call, staff)
        with self.step(report, "experts (import, documents)") as d:
            d["text"] = self.experts(staff)
        with self.step(report, "matching") as d:
            d["text"] = self.matching(call)
        with self.step(report, "conflicts") as d:
            job = check_run_detection(call, staff)
            d["text"] = self.job_text(
                job, f"{Conflict.objects.filter(application__challenge__call=call).count()} conflicts"
            )
        with self.step(report, "assignment (optimise, publish)") as d:
            d["text"] = self.assignment(call, staff)
        with self.step(report, "reviews") as d:
            d["text"] = self.reviews(call)
        if self.stage.stop_after == "reviews":
            return report
        with self.step(report, "calibration and ranking") as d:
            d["text"] = f"{do_compute_ranking(call, staff)} applications ranked"
        with self.step(report, "selection (run, confirm, letters)") as d:
            d["text"] = self.selection(call, director)
        with self.step(report, "awards (agreements, milestones, payments)") as d:
            finance = self.stage.finance or self.person(
                "simulation-finance@lodestar.example", "Simulation Finance", Role.FINANCE
            )
            started = (self.now - timedelta(weeks=20)).date()
            d["text"] = award_cohort(call, director, staff, finance, seed=self.seed, starts_on=started)
        report.summary = self.summary(call)
        return report

    @staticmethod
    def job_text(job: Job, ok: str) -> str:
        job.refresh_from_db()
        if job.status != Job.Status.DONE:
            raise RuntimeError(f"{job.label} failed:\n{job.error}")
        return ok

    # --- building -----------------------------------------------------------------------------
    def person(self, email: str, name: str, *roles: str) -> User:
        user, _created = User.objects.get_or_create(
            email=email, defaults={"full_name": name, "password": self.password}
        )
        do_grant_roles(user, *roles)
        return user

    def call(self, staff: User) -> Call:
        if Call.objects.filter(slug=self.slug).exists():
            raise ValueError(f"a simulation call {self.slug!r} already exists: pass another --seed")
        programme = (
            self.stage.programme
            or Programme.objects.get_or_create(
                slug=PROGRAMME_SLUG,
                defaults={"name_en": "Simulated programme", "name_fr": "Programme simulé"},
            )[0]
        )
        self.opened = self.now - timedelta(weeks=10)
        self.closed = self.now - timedelta(weeks=4)
        call = do_create_call(
            staff,
            programme=programme,
            slug=self.slug,
            title_en=self.stage.title_en
            or f"Simulated call ({self.n_applications} applications, {self.n_experts} experts)",
            title_fr=self.stage.title_fr
            or f"Appel simulé ({self.n_applications} candidatures, {self.n_experts} experts)",
            description_en="Generated by lodestar simulate.",
            description_fr="Généré par lodestar simulate.",
            opens_at=self.opened,
            closes_at=self.closed,
            max_grant=Decimal(100_000),
            is_published=self.stage.published,
        )
        create_phases(call)
        create_challenges(call)
        return call

    def applications(self, call: Call) -> str:
        challenges = list(call.challenges.all())
        areas = EdtArea.objects.in_bulk(field_name="code")
        submit_at = self.opened + timedelta(days=10)
        titles: set[str] = set()
        slugs: set[str] = set()
        languages: Counter[str] = Counter()
        with transaction.atomic():
            for i in range(self.n_applications):
                challenge = challenges[i % len(challenges)]
                nation = corpus.choose_nation(self.rng)
                org_text = corpus.organisation(self.rng, nation, challenge=challenge.slug, taken=slugs)
                owner = User.objects.create(
                    email=f"sim{self.seed}-{i}@{org_text.slug}.example",
                    full_name=org_text.contact.name,
                    language=org_text.language,
                    password=self.password,
                )
                organisation = check_create_organisation(
                    owner,
                    fields={
                        "legal_name": org_text.legal_name,
                        "headquarters_nation": org_text.nation,
                        "kind": org_text.kind,
                        "year_founded": org_text.year_founded,
                        "employees": org_text.employees,
                        "website": org_text.website,
                        "description": org_text.description,
                    },
                    areas=[areas[c] for c in org_text.areas if c in areas],
                    shareholders=[
                        ShareholderData(s.name, s.nation, Decimal(str(s.percentage)))
                        for s in org_text.shareholders
                    ],
                )
                text = corpus.application(
                    self.rng,
                    challenge.slug,
                    org_text.language,
                    nation=nation,
                    lead=org_text.contact,
                    taken_titles=titles,
                )
                application = check_create_draft(
                    owner,
                    organisation,
                    challenge,
                    {
                        "title": text.title,
                        "summary": text.summary,
                        "description": text.description,
                        "trl": text.trl,
                        "requested_amount": Decimal(100_000),
                    },
                    areas=[areas[c] for c in text.areas if c in areas],
                    team=[TeamMemberData(m.name, m.role, m.nation, m.expertise) for m in text.team],
                    now=submit_at,
                )
                check_submit(application, owner, now=submit_at)
                self.merit[application.pk] = self.rng.gauss(0.0, 1.0)
                languages[application.language] += 1
        return f"{self.n_applications} applications ({languages['en']} English, {languages['fr']} French)"

    def screening(self, call: Call, staff: User) -> str:
        outcome: Counter[str] = Counter()
        with transaction.atomic():
            for application in Application.objects.filter(
                challenge__call=call, status=wf.SUBMITTED
            ).select_related("challenge__call"):
                if application.eligibility_verdict in ("eligible", "ineligible"):
                    check_screen(application, staff, Screening.ACCEPT)
                else:  # flagged for ownership: staff looked and found the investor acceptable
                    check_screen(
                        application, staff, Screening.ELIGIBLE, note="Ownership reviewed: acceptable."
                    )
                outcome[application.status] += 1
        return f"{outcome[wf.ELIGIBLE]} eligible, {outcome[wf.INELIGIBLE]} not eligible"

    def experts(self, staff: User) -> str:
        texts = []
        rows = []
        tag = f"sim{self.seed}"
        reviewer = self.stage.reviewer
        for i in range(self.n_experts):
            language = "fr" if self.rng.random() < 0.25 else "en"
            text = corpus.expert_profile(self.rng, language)
            texts.append(text)
            pool = "business" if i % 5 == 0 else "operational" if i % 7 == 0 else "technical"
            rows.append(
                ExpertRow(
                    row=i + 2,
                    email=reviewer.email if reviewer and i == 0 else f"{tag}-expert-{i}@reviewers.example",
                    full_name=reviewer.full_name if reviewer and i == 0 else text.name,
                    nation=text.nation,
                    pool=pool,
                    organisation=text.organisation,
                    expertise=text.statement,
                    keywords=keyword_line(text.keywords),
                    max_load=self.expert_load(),
                    languages=tuple(text.languages),
                    areas=tuple(text.areas),
                )
            )
        with transaction.atomic():
            summary = check_import_experts(rows, staff)
            experts = {e.email: e for e in [*summary.created, *summary.updated]}
            users = User.objects.bulk_create(
                User(email=row.email, full_name=row.full_name, password=self.password, language=text.language)
                for row, text in zip(
                    rows[1:] if reviewer else rows, texts[1:] if reviewer else texts, strict=True
                )
            )
            if reviewer is not None:  # the demo's expert login takes the first generated profile
                users.insert(0, reviewer)
            for user in users:
                do_grant_roles(user, Role.EXPERT)
            documents: list[ExpertDocument] = []
            jobs: list[Employment] = []
            for row, text, user in zip(rows, texts, users, strict=True):
                expert = experts[row.email]
                expert.user = user
                # Lenient, harsh or fair: the bias that calibration must take out of the ranking.
                self.leniency[expert.pk] = self.rng.choice((-0.9, -0.4, 0.0, 0.0, 0.0, 0.4, 0.9))
                documents.extend(
                    ExpertDocument(
                        expert=expert,
                        kind=ExpertDocument.Kind.PROJECT
                        if p.kind == "project"
                        else ExpertDocument.Kind.PUBLICATION,
                        title=p.title[:300],
                        abstract=p.abstract,
                        year=p.year,
                        authors=text.name,
                    )
                    for p in text.publications[:20]
                )
                jobs.append(
                    Employment(
                        expert=expert, organisation_name=text.organisation, start_year=self.now.year - 6
                    )
                )
            Expert.objects.bulk_update(list(experts.values()), ["user"])
            ExpertDocument.objects.bulk_create(documents, batch_size=1000)
            Employment.objects.bulk_create(jobs, batch_size=1000)
        return f"{self.n_experts} experts, {len(documents)} documents"

    def expert_load(self) -> int:
        """What each expert accepts: three reviews per application with a quarter to spare."""
        return max(4, math.ceil(1.25 * 3 * self.n_applications / max(self.n_experts, 1)))

    def matching(self, call: Call) -> str:
        job = execute_job(create_job(MATCHING_JOB, "Simulated matching", params={"call": call.pk}).pk)
        return self.job_text(
            job,
            f"{job.result.get('misfiled', 0)} possibly misfiled, "
            f"{job.result.get('duplicates', 0)} near-duplicate pairs, "
            f"{job.result.get('suggestions', 0)} suggestions",
        )

    def assignment(self, call: Call, staff: User) -> str:
        eligible = Application.objects.filter(challenge__call=call, status=wf.ELIGIBLE).count()
        k = 3
        # Room for every eligible application with some slack, as staff would set it.
        max_load = max(self.expert_load(), math.ceil(1.25 * k * eligible / max(self.n_experts, 1)))
        check_update_assignment_rules(
            call,
            staff,
            {"experts_per_application": k, "max_load": max_load, "min_business": 0, "max_same_nation": 1},
        )
        check_update_review_rules(call, staff, {"review_deadline": self.now + timedelta(weeks=3)})
        job = check_run_assignment(call, staff)
        job.refresh_from_db()
        if job.status != Job.Status.DONE or not job.result.get("feasible", False):
            raise RuntimeError(f"assignment failed: {job.result or job.error}")
        published = check_publish_assignment(call, staff)
        weak = job.result.get("weak", "")
        return f"k={k}, max load {max_load}: {published} applications sent to review" + (
            f", {weak} weak" if weak else ""
        )

    def reviews(self, call: Call) -> str:
        codes = review_rules(call).criterion_codes
        count = 0
        assignments = Assignment.objects.filter(
            application__challenge__call=call, status=Assignment.Status.ACTIVE
        ).select_related("expert__user", "application__challenge__call")
        with transaction.atomic():
            for assignment in assignments:
                merit = self.merit.get(assignment.application_id, 0.0)
                bias = self.leniency.get(assignment.expert_id, 0.0)
                scores = {
                    code: min(5, max(1, round(3 + 0.9 * merit + bias + self.rng.gauss(0, 0.45))))
                    for code in codes
                }
                mean = sum(scores.values()) / len(scores)
                data = ReviewData(
                    scores=scores,
                    comments=dict.fromkeys(codes, ""),
                    overall="Simulated review.",
                    recommendation="strong_yes" if mean >= 4.2 else "yes" if mean >= 3 else "no",
                )
                if self.stage.reviewer is not None and assignment.expert.user_id == self.stage.reviewer.pk:
                    continue  # left for the person who signs in as this expert
                check_submit_review(assignment, assignment.expert.user, data)
                count += 1
        return f"{count} reviews by {len(self.leniency)} experts (lenient, harsh and fair)"

    def selection(self, call: Call, director: User) -> str:
        # The 2024 call took 74 of about 2,600; a small simulation still takes one per challenge.
        target = max(call.challenges.count(), round(self.n_applications * 74 / 2600))
        check_update_rules(
            call,
            director,
            {
                "budget": Decimal(100_000) * target,
                "min_per_challenge": target // 10,
                "max_per_challenge": None,
                "max_nation_share": Decimal(20),
                "min_nations": 0,
            },
            type_minimums={},
        )
        selection = check_run_selection(call, director)
        if not selection.feasible:
            raise RuntimeError(f"selection infeasible: {selection.diagnosis}")
        check_confirm_selection(selection, director)
        selection.refresh_from_db()
        return (
            f"{selection.entries.filter(chosen=True).count()} selected, EUR {selection.cost:,.0f} of "
            f"EUR {Decimal(100_000) * target:,.0f}, proven optimal: {selection.proven_optimal}"
        )

    # --- what came out ------------------------------------------------------------------------
    def summary(self, call: Call) -> dict[str, Any]:
        selected = list(
            Application.objects.filter(challenge__call=call, status=wf.SELECTED).select_related(
                "challenge", "organisation"
            )
        )
        ranking = list(RankingEntry.objects.filter(call=call))
        truth = [self.merit.get(r.application_id, 0.0) for r in ranking]
        return {
            "selected": len(selected),
            "budget_used": sum((a.requested_amount or Decimal(0)) for a in selected),
            "per_challenge": Counter(a.challenge.title_en for a in selected),
            "per_nation": Counter(a.organisation.headquarters_nation for a in selected),
            "calibrated_vs_truth": _spearman([r.calibrated for r in ranking], truth) if ranking else 0.0,
            "mean_vs_truth": _spearman([r.mean for r in ranking], truth) if ranking else 0.0,
        }


__all__ = ["Report", "Simulation", "StepTime"]

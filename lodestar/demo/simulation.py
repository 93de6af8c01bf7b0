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

from lodestar.accounts.actions import do_grant_role_many, do_grant_roles
from lodestar.accounts.models import User
from lodestar.applications import workflow as wf
from lodestar.applications.actions import Screening, TeamMemberData
from lodestar.applications.bulk import Draft, check_create_drafts, check_screen_many, check_submit_many
from lodestar.applications.models import Application
from lodestar.core.jobs import create_job, execute_job
from lodestar.core.models import EdtArea, Job
from lodestar.core.roles import Role
from lodestar.demo import corpus
from lodestar.demo import radar as radar_demo
from lodestar.demo.awards import award_cohort
from lodestar.demo.bookings_sim import simulate_bookings
from lodestar.demo.calls import create_challenges, create_phases
from lodestar.demo.cohort import run_cohort
from lodestar.demo.engagement import simulate_events
from lodestar.demo.fund_sim import make_fund, simulate_deal_flow
from lodestar.demo.profiling import measure
from lodestar.experts.actions import check_import_experts
from lodestar.experts.importing import ExpertRow
from lodestar.experts.models import Employment, Expert, ExpertDocument
from lodestar.matching.actions import JOB_KIND as MATCHING_JOB
from lodestar.organisations.actions import Registration, ShareholderData, check_create_organisations
from lodestar.programmes.actions import do_create_call
from lodestar.programmes.models import Call, Programme
from lodestar.reviews.actions.assignment import (
    check_publish_assignment,
    check_run_assignment,
    check_update_assignment_rules,
)
from lodestar.reviews.actions.conflicts import check_run_detection
from lodestar.reviews.actions.ranking import do_compute_ranking
from lodestar.reviews.actions.reviewing import ReviewData, check_submit_reviews_many
from lodestar.reviews.actions.rubric import check_update_review_rules
from lodestar.reviews.models import Assignment, Conflict, RankingEntry
from lodestar.reviews.models.rules import review_rules
from lodestar.selection.actions import (
    check_confirm_selection,
    check_run_selection,
    check_update_rules,
    latest_letters_job,
)

Echo = Callable[[str], None]

PROGRAMME_SLUG = "simulation"
# Rows per bulk action: a fixed number of queries each, and memory bounded at ten times the scale.
CHUNK = 1000


@dataclass
class StepTime:
    name: str
    seconds: float
    detail: str = ""
    cpu: float = 0.0  # CPU seconds of this process (see profiling.py)
    queries: int = 0  # SQL statements the stage ran
    peak_mb: float = 0.0  # the process's resident peak during the stage (see profiling.py)


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
    # The call's public text; the simulation's own call says where it comes from.
    description_en: str = "Generated by lodestar simulate."
    description_fr: str = "Généré par lodestar simulate."
    published: bool = False
    staff: User | None = None
    director: User | None = None
    # An expert login whose reviews are left to write by hand in the demo.
    reviewer: User | None = None
    stop_after: str = ""
    # Finance, who approves the awards' payment orders (a simulated one when not given).
    finance: User | None = None
    # End users by nation, who take the cohort's companies along the road to adoption (a simulated
    # one for every nation when not given).
    end_users: dict[str, User] | None = None
    # How many applications the selection takes (by default, the 2024 call's share: 74 of 2,600).
    selected: int = 0


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
        radar_documents: int = 0,
        scale: int = 1,
    ) -> None:
        self.n_applications = applications
        self.n_experts = experts
        # How many times the real programme (the command's --scale): the experts' loads grow with it.
        self.scale = max(1, scale)
        self.radar_documents = radar_documents  # the radar's ingestion stage reads this many news items
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
        detail: dict[str, str] = {"text": ""}
        with measure() as cost:
            yield detail
        report.steps.append(
            StepTime(name, cost.seconds, detail["text"], cost.cpu, cost.queries, cost.peak_mb)
        )
        # As it goes, so that a run stopped half-way (ten times the scale) still says where time went.
        self.echo(
            f"  {cost.seconds:6.1f} s ({cost.cpu:.1f} s CPU, {cost.queries} queries, "
            f"peak {cost.peak_mb:.0f} MiB)  {detail['text']}"
        )

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
        with self.step(report, "cohort (form, readiness, results, adoption, demo day)") as d:
            end_users = self.stage.end_users
            if end_users is None:
                someone = self.person(
                    "simulation-end-user@lodestar.example", "Simulation End User", Role.END_USER
                )
                end_users = dict.fromkeys(("DE", "FR", "NL", "PL"), someone)
            d["text"] = run_cohort(call, staff, end_users, seed=self.seed, today=self.now.date())
        # The demo's calls leave the fund to the demo's own (demo/fund.py): one fund on its pages.
        if self.stage.programme is None:
            self.deal_flow(report, call)
        if self.radar_documents:
            with self.step(report, "radar ingestion (feed job, reading)") as d:
                analyst = self.person(
                    "simulation-analyst@lodestar.example", "Simulation Analyst", Role.ANALYST
                )
                d["text"] = radar_demo.simulate_ingestion(analyst, self.radar_documents, self.seed)
        with self.step(report, "events (registrations, waitlist, attendance)") as d:
            d["text"] = simulate_events(min(self.n_applications, 1000), self.seed, self.now, self.password)
        report.summary = self.summary(call)
        return report

    def deal_flow(self, report: Report, call: Call) -> None:
        with self.step(report, "test-centre bookings (requests, approvals, waitlist)") as d:
            d["text"] = simulate_bookings(call, self.person, self.seed, self.now.date())
        with self.step(report, "fund deal flow (board, screening, diligence)") as d:
            fund = make_fund(call, self.seed, (self.now - timedelta(weeks=52)).date())
            team = self.person("simulation-fund@lodestar.example", "Simulation Fund Team")
            do_grant_roles(team, Role.FUND_TEAM, scope=fund.role_scope)
            d["text"] = simulate_deal_flow(call, fund, team, self.seed, self.now.date())

    @staticmethod
    def job_text(job: Job, ok: str) -> str:
        job.refresh_from_db()
        if job.status != Job.Status.DONE:
            raise RuntimeError(f"{job.label} failed: {job.failure}\n{job.error}")
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
            description_en=self.stage.description_en,
            description_fr=self.stage.description_fr,
            opens_at=self.opened,
            closes_at=self.closed,
            max_grant=Decimal(100_000),
            is_published=self.stage.published,
        )
        create_phases(call)
        create_challenges(call)
        return call

    def applications(self, call: Call) -> str:
        """Each applicant signs up, registers its company, writes a draft and sends it: the bulk
        variants of the pages' actions, a thousand applicants at a time."""
        challenges = list(call.challenges.all())
        areas = EdtArea.objects.in_bulk(field_name="code")
        submit_at = self.opened + timedelta(days=10)
        titles: set[str] = set()
        slugs: set[str] = set()
        languages: Counter[str] = Counter()
        # One transaction per thousand applicants: their confirmations go out as each commits, so
        # memory does not grow with the call (at ten times the scale, 26,000 letters held back).
        for start in range(0, self.n_applications, CHUNK):
            with transaction.atomic():
                owners: list[User] = []
                registrations: list[Registration] = []
                texts = []
                merits = []
                for i in range(start, min(start + CHUNK, self.n_applications)):
                    challenge = challenges[i % len(challenges)]
                    nation = corpus.choose_nation(self.rng)
                    org_text = corpus.organisation(self.rng, nation, challenge=challenge.slug, taken=slugs)
                    owners.append(
                        User(
                            email=f"sim{self.seed}-{i}@{org_text.slug}.example",
                            full_name=org_text.contact.name,
                            language=org_text.language,
                            password=self.password,
                        )
                    )
                    registrations.append(
                        Registration(
                            owners[-1],
                            fields={
                                "legal_name": org_text.legal_name,
                                "headquarters_nation": org_text.nation,
                                "kind": org_text.kind,
                                "year_founded": org_text.year_founded,
                                "employees": org_text.employees,
                                "website": org_text.website,
                                "description": org_text.description,
                            },
                            areas=tuple(areas[c] for c in org_text.areas if c in areas),
                            shareholders=tuple(
                                ShareholderData(s.name, s.nation, Decimal(str(s.percentage)))
                                for s in org_text.shareholders
                            ),
                        )
                    )
                    text = corpus.application(
                        self.rng,
                        challenge.slug,
                        org_text.language,
                        nation=nation,
                        lead=org_text.contact,
                        taken_titles=titles,
                    )
                    texts.append((challenge, text))
                    merits.append(self.rng.gauss(0.0, 1.0))
                User.objects.bulk_create(owners, batch_size=500)
                organisations = check_create_organisations(registrations)
                drafts = check_create_drafts(
                    [
                        Draft(
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
                            areas=tuple(areas[c] for c in text.areas if c in areas),
                            team=tuple(
                                TeamMemberData(m.name, m.role, m.nation, m.expertise) for m in text.team
                            ),
                        )
                        for owner, organisation, (challenge, text) in zip(
                            owners, organisations, texts, strict=True
                        )
                    ],
                    now=submit_at,
                )
                check_submit_many(list(zip(drafts, owners, strict=True)), now=submit_at)
                for application, merit in zip(drafts, merits, strict=True):
                    self.merit[application.pk] = merit
                    languages[application.language] += 1
        return f"{self.n_applications} applications ({languages['en']} English, {languages['fr']} French)"

    def screening(self, call: Call, staff: User) -> str:
        decisions = [
            (application, Screening.ACCEPT, "")
            if application.eligibility_verdict in ("eligible", "ineligible")
            # Flagged for ownership: staff looked and found the investor acceptable.
            else (application, Screening.ELIGIBLE, "Ownership reviewed: acceptable.")
            for application in Application.objects.filter(challenge__call=call, status=wf.SUBMITTED)
            .order_by("pk")
            .only("pk", "eligibility_verdict")
        ]
        outcome: Counter[str] = Counter()
        for start in range(0, len(decisions), CHUNK):
            for application in check_screen_many(decisions[start : start + CHUNK], staff):
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
            do_grant_role_many(users, Role.EXPERT)
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
        """What each expert accepts: three reviews per application with a quarter to spare, and more
        room as the scale grows (twice at ten times the programme). With 60 candidate experts kept
        per application, the pool's popular experts are everyone's candidates while many others are
        few applications' candidates: at 26,000 x 6,000 a load of 17 gave room for 68,882 of the
        78,000 reviews, so the popular experts take more."""
        per_expert = 1.25 * 3 * self.n_applications / max(self.n_experts, 1)
        return max(4, math.ceil(per_expert * (1 + math.log10(self.scale))))

    def expert_minimum(self) -> int:
        """Beyond the real programme's size, every expert reviews at least one application: the
        assignment then keeps candidates for each expert too (not only each application's 60 best),
        so that no expert of the larger pool is left out of reach."""
        return 1 if self.scale > 1 else 0

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
            {
                "experts_per_application": k,
                "max_load": max_load,
                "min_load": self.expert_minimum(),
                "min_business": 0,
                "max_same_nation": 1,
            },
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
        submissions: list[tuple[Assignment, User | None, ReviewData]] = []
        with transaction.atomic():
            for assignment in assignments.order_by("pk"):
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
                submissions.append((assignment, assignment.expert.user, data))
            for start in range(0, len(submissions), CHUNK):
                count += len(check_submit_reviews_many(submissions[start : start + CHUNK]))
        return f"{count} reviews by {len(self.leniency)} experts (lenient, harsh and fair)"

    def selection(self, call: Call, director: User) -> str:
        # The 2024 call took 74 of about 2,600; a small simulation still takes one per challenge.
        target = self.stage.selected or max(call.challenges.count(), round(self.n_applications * 74 / 2600))
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
        # A reason, used only if some review is still open (confirming closes it).
        check_confirm_selection(selection, director, reason="The committee decides on the reviews in hand.")
        selection.refresh_from_db()
        letters = latest_letters_job(selection)  # a letter that could not go out fails the step
        if letters is not None:
            self.job_text(letters, "")
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

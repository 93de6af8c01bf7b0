"""Lifecycles as data: every model with a status declares its workflow, and every move goes through
`transition()` or `transition_many()`, checked and audited.

Stella is programme staff, Dora the programme director; Eva and Hugo are experts of the small
reviewed call (tests/reviews_assignment_fixtures.py). Real concurrency is in test_workflow_races.py.
"""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.db import connection, models
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lodestar.applications import workflow as wf
from lodestar.applications.models import Application
from lodestar.core.models import AuditEvent, Job
from lodestar.core.roles import Role
from lodestar.core.workflow import (
    Transition,
    TransitionNotAllowed,
    Workflow,
    history,
    transition,
    transition_many,
)
from lodestar.reviews.models import Assignment, Conflict, Review
from lodestar.selection.models import Selection
from tests.conftest import make_user

pytest_plugins = ["tests.reviews_assignment_fixtures"]

STATE_FIELD_NAMES = {"status", "state"}
MODELS = [Application, Assignment, Review, Conflict, Selection, Job]


def test_every_transition_of_the_application_workflow_names_known_states():
    for move in wf.APPLICATION_WORKFLOW.transitions:
        assert move.target in wf.STATES
        assert move.source <= set(wf.STATES)


def test_a_workflow_with_an_unknown_state_is_refused_when_declared():
    with pytest.raises(ValueError, match="unknown states"):
        Workflow(name="broken", states={"a": "A"}, transitions=(Transition(frozenset({"a"}), "b", "to b"),))


def test_transition_moves_the_object_and_writes_an_audit_event(aurora_draft, stella, alice):
    transition(aurora_draft, wf.SUBMITTED, alice, note="ready")
    aurora_draft.refresh_from_db()
    assert aurora_draft.status == wf.SUBMITTED
    event = history(aurora_draft).first()
    assert (event.actor, event.from_state, event.to_state, event.note) == (
        alice,
        wf.DRAFT,
        wf.SUBMITTED,
        "ready",
    )


def test_a_move_the_workflow_does_not_allow_is_refused_and_nothing_changes(aurora_draft, stella):
    before = AuditEvent.objects.count()
    with pytest.raises(TransitionNotAllowed):
        transition(aurora_draft, wf.SELECTED, stella)
    aurora_draft.refresh_from_db()
    assert aurora_draft.status == wf.DRAFT
    assert AuditEvent.objects.count() == before


def test_an_actor_without_the_right_may_not_take_an_allowed_move(aurora_draft, charlie, borealis):
    with pytest.raises(TransitionNotAllowed):
        transition(aurora_draft, wf.SUBMITTED, charlie)
    assert Application.objects.get(pk=aurora_draft.pk).status == wf.DRAFT


def test_applicants_cannot_screen_their_own_application(aurora_draft, alice):
    transition(aurora_draft, wf.SUBMITTED, alice)
    with pytest.raises(TransitionNotAllowed):
        transition(aurora_draft, wf.ELIGIBLE, alice)


def test_the_state_is_reread_so_a_stale_object_cannot_repeat_a_move(aurora_draft, alice):
    stale = Application.objects.get(pk=aurora_draft.pk)
    transition(aurora_draft, wf.SUBMITTED, alice)
    with pytest.raises(TransitionNotAllowed):
        transition(stale, wf.SUBMITTED, alice)


# --- Every lifecycle is declared --------------------------------------------------------------------


def state_fields():
    """(model, field) for every Lodestar model's status or state field with choices. Models of the
    packages Lodestar uses (django-tasks' task results) keep their own lifecycle."""
    return [
        (model, f)
        for model in apps.get_models()
        if model.__module__.startswith("lodestar.")
        for f in model._meta.concrete_fields
        if f.name in STATE_FIELD_NAMES and isinstance(f, models.CharField) and f.choices
    ]


def test_every_model_with_a_status_declares_a_workflow_with_exactly_its_states():
    found = state_fields()
    assert {model for model, _f in found} >= set(MODELS), "the walk must see the known lifecycles"
    for model, f in found:
        workflow = getattr(model, "workflow", None)
        assert isinstance(workflow, Workflow), f"{model.__name__}.{f.name} has no declared workflow"
        assert workflow.field_name == f.name, model
        assert set(workflow.states) == {value for value, _label in f.choices}, model
        assert f.default in workflow.initial, f"{model.__name__} starts in a state its workflow does not"


def test_every_state_is_reachable_or_a_start_and_every_group_is_named_states():
    for model in MODELS:
        workflow = model.workflow
        reached = set(workflow.initial) | {m.target for m in workflow.transitions}
        assert reached == set(workflow.states), model
        for name, group in workflow.groups.items():
            assert isinstance(group, frozenset) and group <= set(workflow.states), (model, name)


# A status written past transition(): an assignment to it, or a bulk update of it.
DIRECT_WRITE = re.compile(r"\.(status|state) *=[^=]|update\([^)]*\b(status|state)=")


def test_no_status_is_written_outside_the_workflow_module():
    """The closing check of issue 8, kept: only core/workflow.py writes a state. Creating a row in
    one of its workflow's `initial` states is not a move; the engine holds no models."""
    package = Path(__file__).resolve().parents[1] / "lodestar"
    found = [
        f"{path.relative_to(package)}:{n}: {line.strip()}"
        for path in package.rglob("*.py")
        if "migrations" not in path.parts and path.parts[-2:] != ("core", "workflow.py")
        if "engine" not in path.relative_to(package).parts[:1]
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if DIRECT_WRITE.search(line)
    ]
    assert found == []


# --- Every move is checked and audited ---------------------------------------------------------------


@pytest.fixture
def one_of_each(review_field, call):
    """One row of each model with a lifecycle, on the small reviewed call."""
    application = review_field.applications[0]
    expert = review_field.experts["eva"]
    assignment = Assignment.objects.create(application=application, expert=expert)
    return {
        Application: application,
        Assignment: assignment,
        Review: Review.objects.create(assignment=assignment),
        Conflict: Conflict.objects.create(
            application=application,
            expert=expert,
            kind=Conflict.Kind.PAST_EMPLOYMENT,
            evidence="Worked there.",
        ),
        Selection: Selection.objects.create(call=call),
        Job: Job.objects.create(kind="test", label="A test job"),
    }


def put(obj, state):
    """Arrange: the row in `state`, written past the workflow as only a test may."""
    type(obj).objects.filter(pk=obj.pk).update(**{obj.workflow.field_name: state})
    obj.refresh_from_db()


def state_of(obj):
    return type(obj).objects.values_list(obj.workflow.field_name, flat=True).get(pk=obj.pk)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_each_workflow_refuses_every_move_it_does_not_declare(model, one_of_each, stella):
    obj = one_of_each[model]
    workflow = model.workflow
    illegal = [(s, t) for s in workflow.states for t in workflow.states if workflow.find(s, t) is None]
    assert illegal
    for source, target in illegal:
        put(obj, source)
        before = AuditEvent.objects.count()
        with pytest.raises(TransitionNotAllowed):
            transition(obj, target, stella, system=True)
        assert state_of(obj) == source and AuditEvent.objects.count() == before


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_each_declared_move_is_made_and_audited_with_who_from_and_to(model, one_of_each, stella):
    obj = one_of_each[model]
    workflow = model.workflow
    moves = [(s, m.target) for m in workflow.transitions for s in sorted(m.source)]
    for source, target in moves:
        put(obj, source)
        last = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        transition(obj, target, stella, note="because", system=True)
        assert state_of(obj) == target
        events = history(obj).filter(pk__gt=last)
        events = events.filter(action=f"{workflow.name}:{target}", from_state=source, to_state=target)
        if workflow.audited:
            assert [(e.actor, e.note) for e in events] == [(stella, "because")], (source, target)
        else:
            assert not events.exists()
    assert not workflow.audited or history(obj).count() >= len(moves)


def test_a_job_is_moved_by_the_platform_only_and_not_audited(one_of_each, admin):
    job = one_of_each[Job]
    with pytest.raises(TransitionNotAllowed):
        transition(job, Job.Status.RUNNING, admin)  # not even an administrator, by hand
    assert transition(job, Job.Status.RUNNING, None, system=True) is None
    assert state_of(job) == Job.Status.RUNNING and not history(job).exists()


@pytest.fixture
def admin(db):
    return make_user("ada@lodestar.example", Role.ADMINISTRATOR, name="Ada Admin")


# (model, from, to, who, allowed): who may take each move (the actions check more, with messages).
WHO = [
    (Assignment, "proposed", "active", "stella", True),
    (Assignment, "proposed", "active", "eva", False),  # an expert never publishes itself
    (Assignment, "active", "declined", "eva", True),  # the expert declines its own
    (Assignment, "active", "declined", "hugo", False),  # ...never another's
    (Assignment, "active", "declined", "stella", True),  # staff decline for it
    (Review, "draft", "submitted", "eva", True),
    (Review, "draft", "submitted", "hugo", False),
    (Review, "draft", "submitted", "stella", False),  # staff never submit an expert's review
    (Conflict, "suggested", "confirmed", "eva", True),  # an expert declares a conflict about itself
    (Conflict, "suggested", "confirmed", "hugo", False),
    (Conflict, "suggested", "confirmed", "stella", True),
    (Conflict, "suggested", "dismissed", "eva", False),  # an expert never dismisses
    (Conflict, "suggested", "dismissed", "stella", True),
    (Selection, "proposed", "confirmed", "dora", True),
    (Selection, "proposed", "confirmed", "stella", False),  # the director decides
    (Selection, "proposed", "superseded", "stella", False),
]


@pytest.mark.parametrize(("model", "source", "target", "who", "allowed"), WHO)
def test_who_may_take_each_move(model, source, target, who, allowed, one_of_each, review_field, stella, dora):
    people = {"stella": stella, "dora": dora, **{k: e.user for k, e in review_field.experts.items()}}
    obj = one_of_each[model]
    put(obj, source)
    if allowed:
        transition(obj, target, people[who])
        assert state_of(obj) == target
    else:
        with pytest.raises(TransitionNotAllowed, match="not allowed"):
            transition(obj, target, people[who])
        assert state_of(obj) == source


def test_staff_cannot_dismiss_an_expert_s_own_declaration(one_of_each, stella):
    conflict = one_of_each[Conflict]
    Conflict.objects.filter(pk=conflict.pk).update(kind=Conflict.Kind.DECLARED_BY_EXPERT)
    conflict.refresh_from_db()
    with pytest.raises(TransitionNotAllowed):
        transition(conflict, Conflict.State.DISMISSED, stella)


# --- Bulk moves ------------------------------------------------------------------------------------


@pytest.fixture
def many_proposed(review_field):
    """Thirty proposed assignments: every expert on every application."""
    rows = [
        Assignment(application=a, expert=e)
        for a in review_field.applications
        for e in review_field.experts.values()
    ]
    Assignment.objects.bulk_create(rows)
    return Assignment.objects.filter(application__in=review_field.applications).order_by("pk")


def test_a_bulk_move_writes_one_audit_event_per_row_with_its_values(many_proposed, stella):
    now = timezone.now()
    moved = transition_many(
        many_proposed, Assignment.Status.ACTIVE, stella, note="published", values={"published_at": now}
    )
    assert len(moved) == 30 and {a.status for a in moved} == {Assignment.Status.ACTIVE}
    assert set(Assignment.objects.values_list("status", "published_at")) == {(Assignment.Status.ACTIVE, now)}
    events = AuditEvent.objects.filter(action="assignment:active")
    assert sorted(int(e.object_id) for e in events) == sorted(a.pk for a in moved)
    assert {(e.actor, e.from_state, e.to_state, e.note) for e in events} == {
        (stella, "proposed", "active", "published")
    }


def test_a_bulk_move_takes_the_same_queries_for_three_rows_or_thirty(many_proposed, stella):
    pks = list(many_proposed.values_list("pk", flat=True))
    with CaptureQueriesContext(connection) as few:
        transition_many(Assignment.objects.filter(pk__in=pks[:3]), Assignment.Status.ACTIVE, stella)
    with CaptureQueriesContext(connection) as more:
        transition_many(Assignment.objects.filter(pk__in=pks[3:]), Assignment.Status.ACTIVE, stella)
    assert len(few) == len(more) <= 6  # (savepoint) lock, update, audit insert (release)


def test_a_bulk_move_with_one_illegal_row_moves_none(many_proposed, stella):
    pks = list(many_proposed.values_list("pk", flat=True))
    transition(Assignment.objects.get(pk=pks[7]), Assignment.Status.DECLINED, stella)
    before = AuditEvent.objects.count()
    with pytest.raises(TransitionNotAllowed, match="nothing was changed"):
        transition_many(many_proposed, Assignment.Status.ACTIVE, stella)
    assert Assignment.objects.filter(status=Assignment.Status.PROPOSED).count() == 29
    assert AuditEvent.objects.count() == before


def test_a_bulk_move_the_actor_may_not_take_moves_none(many_proposed, review_field):
    eva = review_field.experts["eva"].user
    with pytest.raises(TransitionNotAllowed, match="not allowed"):
        transition_many(many_proposed, Assignment.Status.ACTIVE, eva)
    assert not Assignment.objects.exclude(status=Assignment.Status.PROPOSED).exists()
    assert not AuditEvent.objects.filter(action="assignment:active").exists()


def test_a_bulk_move_gives_each_row_its_own_note_and_nothing_for_no_rows(many_proposed, stella):
    first, second = many_proposed[:2]
    transition_many(
        many_proposed.filter(pk__in=[first.pk, second.pk]),
        Assignment.Status.DECLINED,
        stella,
        note="default",
        notes={first.pk: "own note"},
    )
    assert history(first).get().note == "own note" and history(second).get().note == "default"
    assert transition_many(many_proposed.none(), Assignment.Status.ACTIVE, stella) == []


def test_a_row_may_be_created_only_in_a_declared_starting_state():
    from lodestar.reviews.models import Review

    assert Review.workflow.starting("draft") == "draft"
    with pytest.raises(ValueError, match="cannot start"):
        Review.workflow.starting("submitted")

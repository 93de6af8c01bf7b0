import pytest

from lodestar.applications import workflow as wf
from lodestar.applications.models import Application
from lodestar.core.models import AuditEvent
from lodestar.core.workflow import Transition, TransitionNotAllowed, Workflow, history, transition


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

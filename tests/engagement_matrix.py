"""The engagement app's rows of the permission matrix (tests/test_permission_matrix.py).

The world: a public industry day (Alice registered) and an invitation-only dialogue (Alice invited,
her registration awaiting approval); an open consultation with Charlie's published contribution and
Alice's contribution awaiting moderation; a follow-up owned by Emma, the engagement officer; a pair
of possible duplicates. Emma keeps the directory and the events; everyone else reaches only their
own record and registrations, and nobody but Alice and Emma learns that the dialogue exists.
"""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from lodestar.engagement import actions
from lodestar.engagement.actions import consultations as consulting
from lodestar.engagement.models import AgendaItem, DuplicatePair, Relationship

IDEA = "Persistent surveillance from space would gain from pooling national and commercial imagery."


def engagement_world(alice, charlie, emma, aurora, borealis) -> dict[str, object]:
    start = timezone.now() + timedelta(days=30)
    event = actions.do_create_event(
        kind="industry_day",
        title_en="Space industry day",
        title_fr="Journée de l'industrie spatiale",
        starts_at=start,
        ends_at=start + timedelta(hours=8),
        capacity=50,
        actor=emma,
        starts_in="published",
    )
    item = AgendaItem.objects.create(
        event=event,
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        title_en="Opening",
        title_fr="Ouverture",
    )
    secret = actions.do_create_event(
        kind="strategic_dialogue",
        title_en="Dialogue",
        title_fr="Dialogue",
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        capacity=10,
        invitation_only=True,
        needs_approval=True,
        actor=emma,
        starts_in="published",
    )
    actions.check_invite(secret, emma, [alice.email])
    registration = actions.check_register(event, alice)
    pending = actions.check_register(secret, alice)
    consultation = consulting.check_create_consultation(
        emma,
        title_en="Space",
        title_fr="Espace",
        question_en="How?",
        question_fr="Comment ?",
        closes_on=timezone.localdate() + timedelta(days=20),
        status="open",
        matching_enabled=False,
    )
    published = consulting.check_contribute(
        consultation, charlie, kind="idea", title="Pool imagery", body=IDEA, language="en", show_author=True
    )
    consulting.check_moderate(published, emma, publish=True)
    waiting = consulting.check_contribute(
        consultation, alice, kind="position", title="Mine", body=IDEA, language="fr", show_author=False
    )
    follow_up = consulting.check_add_follow_up(
        emma, title="Answer", owner_email=emma.email, due_on=timezone.localdate(), contribution=published
    )
    pair = DuplicatePair.objects.create(first=aurora, second=borealis, score=91.0, reasons=["similar_name"])
    relationship = Relationship.objects.create(source=aurora, target=borealis, kind="partner")
    return {
        "event": event,
        "item": item,
        "secret": secret,
        "registration": registration,
        "pending": pending,
        "person": actions.person_for_user(alice),
        "consultation": consultation,
        "published": published,
        "waiting": waiting,
        "follow_up": follow_up,
        "pair": pair,
        "relationship": relationship,
        "aurora": aurora,
    }


def engagement_rows(e, audience, Row, OK) -> dict[str, object]:  # noqa: N803 (the matrix's own types)
    public = audience(OK)
    signed_in = audience(OK, anonymous=302)
    officer = audience(403, anonymous=302, emma=OK)
    own = audience(404, anonymous=302, alice=OK, emma=OK)
    ev, secret, reg, person = e["event"].pk, e["secret"].pk, e["registration"].pk, e["person"].pk
    consultation, published, waiting = e["consultation"].pk, e["published"].pk, e["waiting"].pk
    r = reverse
    return {
        "engagement:events": Row("get", r("engagement:events"), public),
        "engagement:event": Row("get", r("engagement:event", args=[ev]), public),
        "engagement:event (invitation only)": Row(
            "get", r("engagement:event", args=[secret]), audience(404, alice=OK, emma=OK)
        ),
        "engagement:register": Row("post", r("engagement:register", args=[ev]), signed_in),
        "engagement:my_registrations": Row("get", r("engagement:my_registrations"), signed_in),
        "engagement:invitation": Row("get", r("engagement:invitation", args=[reg]), own),
        "engagement:cancel_registration": Row("post", r("engagement:cancel_registration", args=[reg]), own),
        "engagement:new_event": Row("get", r("engagement:new_event"), officer),
        "engagement:manage_event": Row("get", r("engagement:manage_event", args=[ev]), officer),
        "engagement:edit_event": Row("get", r("engagement:edit_event", args=[ev]), officer),
        "engagement:attendance": Row("post", r("engagement:attendance", args=[ev]), officer),
        "engagement:minutes": Row(
            "post", r("engagement:minutes", args=[ev]), officer, {"minutes_en": "Done."}
        ),
        "engagement:invite": Row("post", r("engagement:invite", args=[ev]), officer),
        "engagement:add_agenda_item": Row("post", r("engagement:add_agenda_item", args=[ev]), officer),
        "engagement:enrol": Row("post", r("engagement:enrol", args=[ev]), officer),
        "engagement:remove_agenda_item": Row(
            "post", r("engagement:remove_agenda_item", args=[ev, e["item"].pk]), officer
        ),
        "engagement:add_event_follow_up": Row(
            "post", r("engagement:add_event_follow_up", args=[ev]), officer
        ),
        "engagement:decide_registration": Row(
            "post", r("engagement:decide_registration", args=[e["pending"].pk]), officer
        ),
        "engagement:directory": Row("get", r("engagement:directory"), signed_in),
        "engagement:organisation": Row("get", r("engagement:organisation", args=[e["aurora"].pk]), signed_in),
        "engagement:save_profile": Row("post", r("engagement:save_profile", args=[e["aurora"].pk]), officer),
        "engagement:add_relationship": Row(
            "post", r("engagement:add_relationship", args=[e["aurora"].pk]), officer
        ),
        "engagement:import": Row("get", r("engagement:import"), officer),
        "engagement:duplicates": Row("get", r("engagement:duplicates"), officer),
        "engagement:decide_duplicate": Row(
            "post", r("engagement:decide_duplicate", args=[e["pair"].pk]), officer
        ),
        # After the decision: looking again drops open pairs it no longer finds (this one).
        "engagement:find_duplicates": Row("post", r("engagement:find_duplicates"), officer),
        "engagement:people": Row("get", r("engagement:people"), officer),
        # One's own record: a redirect to it (the login page for visitors).
        "engagement:my_record": Row("get", r("engagement:my_record"), audience(302)),
        "engagement:person": Row("get", r("engagement:person", args=[person]), own),
        "engagement:export_person": Row("get", r("engagement:export_person", args=[person]), own),
        # Not confirmed: refused with a message, nothing erased.
        "engagement:erase_person": Row("post", r("engagement:erase_person", args=[person]), own),
        "engagement:consultations": Row("get", r("engagement:consultations"), public),
        "engagement:consultation": Row("get", r("engagement:consultation", args=[consultation]), public),
        "engagement:contribute": Row("post", r("engagement:contribute", args=[consultation]), signed_in),
        "engagement:outcomes": Row("get", r("engagement:outcomes", args=[consultation]), public),
        "engagement:contribution": Row("get", r("engagement:contribution", args=[published]), public),
        "engagement:contribution (awaiting moderation)": Row(
            "get", r("engagement:contribution", args=[waiting]), audience(404, alice=OK, emma=OK)
        ),
        "engagement:new_consultation": Row("get", r("engagement:new_consultation"), officer),
        "engagement:moderation": Row("get", r("engagement:moderation", args=[consultation]), officer),
        "engagement:moderate": Row("post", r("engagement:moderate", args=[waiting]), officer),
        "engagement:set_outcome": Row("post", r("engagement:set_outcome", args=[published]), officer),
        "engagement:rematch": Row("post", r("engagement:rematch", args=[published]), officer),
        "engagement:add_contribution_follow_up": Row(
            "post", r("engagement:add_contribution_follow_up", args=[published]), officer
        ),
        "engagement:switch_matching": Row(
            "post", r("engagement:switch_matching", args=[consultation]), officer, {"enabled": "0"}
        ),
        "engagement:move_consultation": Row(
            "post", r("engagement:move_consultation", args=[consultation]), officer
        ),
        "engagement:follow_ups": Row("get", r("engagement:follow_ups"), signed_in),
        "engagement:move_follow_up": Row(
            "post",
            r("engagement:move_follow_up", args=[e["follow_up"].pk]),
            audience(404, anonymous=302, emma=OK),
            {"to": "under_way"},
        ),
        # Last: closing registration would change what the rows above meet.
        "engagement:move_event": Row(
            "post", r("engagement:move_event", args=[ev]), officer, {"to": "closed"}
        ),
        "engagement:remove_relationship": Row(
            "post", r("engagement:remove_relationship", args=[e["relationship"].pk]), officer
        ),
    }


def engagement_api_rows(e, audience, Row, OK) -> dict[str, object]:  # noqa: N803
    signed_in = audience(OK, anonymous=401)
    own = audience(404, anonymous=401, alice=OK, emma=OK)
    start = timezone.now() + timedelta(days=3)
    return {
        "api:list_organisations": Row("get", "/api/organisations", signed_in),
        "api:get_organisation": Row("get", f"/api/organisations/{e['aurora'].pk}", signed_in),
        "api:list_people": Row("get", "/api/people", signed_in),
        "api:get_person": Row("get", f"/api/people/{e['person'].pk}", own),
        "api:list_events": Row("get", "/api/events", signed_in),
        "api:get_event": Row("get", f"/api/events/{e['secret'].pk}", own),
        # Ends before it starts: refused with a message to the officer (400), to others at once (403).
        "api:create_event": Row(
            "post",
            "/api/events",
            audience(403, anonymous=401, emma=OK),
            {
                "kind": "workshop",
                "title_en": "W",
                "title_fr": "A",
                "capacity": 5,
                "starts_at": start.isoformat(),
                "ends_at": (start - timedelta(hours=1)).isoformat(),
            },
        ),
        "api:list_registrations": Row("get", "/api/registrations", signed_in),
        # The dialogue: the uninvited find nothing; Alice is registered already; Emma may register.
        "api:register": Row(
            "post",
            f"/api/events/{e['secret'].pk}/registrations",
            audience(404, anonymous=401, alice=400, emma=201),
        ),
        "api:cancel_registration": Row(
            "post", f"/api/registrations/{e['registration'].pk}/cancellation", own
        ),
        "api:decide_registration": Row(
            "post",
            f"/api/registrations/{e['pending'].pk}/decision",
            audience(404, anonymous=401, alice=409, emma=OK),
            {"approve": True},
        ),
        "api:list_contributions": Row("get", "/api/contributions", audience(OK)),
        "api:get_contribution": Row("get", f"/api/contributions/{e['waiting'].pk}", own),
        "api:contribute": Row(
            "post",
            f"/api/consultations/{e['consultation'].pk}/contributions",
            signed_in,
            {"kind": "rumour", "title": "t", "body": "b"},
        ),
    }

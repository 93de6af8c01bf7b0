"""Every URL and API endpoint, tried by every kind of person, with the status each must get.

The world: Aurora (Alice) and Borealis (Charlie) each applied; both applications are under review.
Erin is the expert assigned to Aurora's; Xavier has a confirmed conflict with it (and reviews
Borealis' instead); Nora is an expert with nothing assigned. Stella is staff, Dora the director (both
of every programme); Petra directs this call's programme only, Olga is staff of another programme
only. Fred (fund team), Arne (accelerator staff) and Emma (engagement officer) hold roles of the
second half, which open none of these staff pages (Fred reads the technology radar; Rita, an analyst,
curates it). A selection was run. The fund has a deal with an open finding and a capital call: Fred
(fund team) reaches all of it; Lena represents Germany, a limited partner, and reads Germany's notice
only, never Belgium's. A test fails when a URL of
the project is missing from the table, so a new page cannot ship without its row.

Expected statuses: 200 (or, for a POST, anything that is not a refusal: 200, 302 or 400), 302 to the
login page for anonymous visitors, 401 for the API without credentials, 403 for a role that may not
act, 404 for an object outside what the person may see.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from lodestar.accounts.actions import do_create_api_token
from lodestar.applications import actions as app_actions
from lodestar.applications import workflow as wf
from lodestar.applications.models import Application
from lodestar.core.jobs import create_job
from lodestar.core.models import Letter
from lodestar.core.roles import Role
from lodestar.experts.actions import invitation_token
from lodestar.experts.models import ConflictDeclaration, Expert
from lodestar.fund import actions as fund_actions
from lodestar.fund import committee, dealroom
from lodestar.fund import portfolio as fund_portfolio
from lodestar.fund.models import Finding
from lodestar.grants import actions as grant_actions
from lodestar.matching.actions import JOB_KIND
from lodestar.reviews.models import Assignment, Conflict, RankingEntry, Review, ReviewRules
from lodestar.selection.models import Selection, SelectionEntry
from tests.conftest import complete_draft, make_user
from tests.engagement_matrix import engagement_api_rows, engagement_rows, engagement_world
from tests.grants_helpers import selected_application
from tests.partnerships_helpers import partner_world
from tests.pdfs import MINIMAL_PDF

pytest_plugins = ["tests.accelerator_fixtures"]

PEOPLE = (
    "anonymous",
    "alice",
    "charlie",
    "erin",
    "xavier",
    "nora",
    "stella",
    "dora",
    "petra",
    "olga",
    "fred",
    "arne",
    "emma",
    "rita",
    "fiona",
    "lena",
    "cora",
    "oscar",
    "ulla",
)
OK = "ok"  # 200 for GET; for POST any of 200, 302, 400 (handled, not refused)


@dataclass
class Row:
    method: str
    url: str
    expected: dict[str, object] = field(default_factory=dict)
    data: dict[str, object] = field(default_factory=dict)
    data: dict[str, object] = field(default_factory=dict)


def audience(default: object, **people: object) -> dict[str, object]:
    return {person: people.get(person, default) for person in PEOPLE}


def staff_only(anonymous: object = 302, olga: object = 404) -> dict[str, object]:
    """Pages of this call or its applications: Olga (another programme's staff) passes the first gate
    but finds nothing (404); `olga=OK` for pages that belong to no programme (the expert pool)."""
    return audience(403, anonymous=anonymous, stella=OK, dora=OK, petra=OK, olga=olga)


def director_only(anonymous: object = 302) -> dict[str, object]:
    return audience(403, anonymous=anonymous, dora=OK, petra=OK)


MOVED = 301  # an old address of a page that moved (tests/test_stage_urls.py checks where each lands)


def moved_for_staff() -> dict[str, object]:
    """An old address by object id: it tells only staff of the object's programme where its page is
    now (another programme's staff find nothing, as on the new page)."""
    return audience(403, anonymous=302, stella=MOVED, dora=MOVED, petra=MOVED, olga=404)


@pytest.fixture
def network(open_day, oscar, toulon, oslo, aurora, alice, borealis, charlie, allowances):
    """Oscar operates the Toulon range (tests/accelerator_fixtures.py); Aurora asked for a day there.
    Borealis has a day at Oslo, which Oscar does not operate. Arne (accelerator staff) runs the network."""
    from lodestar.accelerator.actions import check_request_booking

    day = open_day(toulon)
    at_toulon = check_request_booking(toulon, aurora, alice, day, day)
    at_oslo = check_request_booking(oslo, borealis, charlie, open_day(oslo), open_day(oslo))
    return {"oscar": oscar, "toulon": toulon, "at_toulon": at_toulon, "at_oslo": at_oslo}


@pytest.fixture
def cohorts(call, alice, aurora, charlie, borealis, stella, dora, arne):
    """A cohort of the programme (its own call): Aurora and Borealis, formed by Arne. Ulla, an end user
    for France, expressed France's interest in Aurora and is invited to the demo day; Aurora wrote a
    result; Erin-like Marta mentors Aurora."""
    from lodestar.accelerator.actions import adoption
    from lodestar.accelerator.actions import cohorts as cohort_actions
    from lodestar.accelerator.models import Mentoring
    from lodestar.accounts.actions import do_grant_roles
    from lodestar.core.roles import Scope, ScopeKind
    from lodestar.core.workflow import transition
    from lodestar.programmes.actions import do_create_call
    from lodestar.programmes.models import Challenge

    now = timezone.now()
    second = do_create_call(
        None,
        programme=call.programme,
        slug="call-2025",
        title_en="2025 challenge call",
        title_fr="Appel à défis 2025",
        description_en="Earlier call.",
        description_fr="Appel précédent.",
        opens_at=now - timedelta(days=20),
        closes_at=now + timedelta(days=10),
        max_grant=Decimal(100_000),
    )
    challenge = Challenge.objects.create(
        call=second,
        slug="energy-2025",
        position=1,
        title_en="Energy",
        title_fr="Énergie",
        summary_en="s",
        summary_fr="s",
        description_en="d",
        description_fr="d",
    )
    chosen = [
        selected_application(alice, aurora, challenge, stella, dora),
        selected_application(charlie, borealis, challenge, stella, dora),
    ]
    selection = Selection.objects.create(call=second, rules={}, created_by=dora)
    for rank, application in enumerate(chosen, start=1):
        SelectionEntry.objects.create(
            selection=selection, application=application, merit=3.0, rank=rank, chosen=True
        )
    transition(selection, Selection.Status.CONFIRMED, dora)
    cohort = cohort_actions.check_form_cohort(selection, arne)
    place = cohort.companies.get(organisation=aurora)
    ulla = make_user("ulla@defense.example", language="fr", name="Ulla Utilisatrice")
    do_grant_roles(ulla, Role.END_USER, scope=Scope.of(ScopeKind.NATION, "FR"))
    case = adoption.check_express_interest(place, ulla, "FR", "Harbour energy")
    result = cohort_actions.check_write_result(
        place, alice, title="Sea trial", summary="Passed.", language="en"
    )
    mentor = Expert.objects.create(
        full_name="Marta Mentor", email="marta@mentors.example", nation="BE", expertise="x"
    )
    mentoring = Mentoring.objects.create(company=place, expert=mentor, assigned_by=arne)
    day = adoption.check_plan_demo_day(
        cohort, arne, title_en="Demo day", title_fr="Journée", held_on=timezone.localdate(), place="Brussels"
    )
    adoption.check_invite(day, arne, ["FR"])
    return {
        "cohort": cohort,
        "selection": selection,
        "place": place,
        "ulla": ulla,
        "case": case,
        "result": result,
        "mentoring": mentoring,
        "day": day,
    }


def cohort_rows(c) -> dict[str, Row]:
    """Cohorts: Arne (accelerator staff) and the programme's team run them; Olga (another programme)
    finds nothing. Alice reaches her company's place and writes its results; Ulla (an end user for
    France) browses the showcase, follows France's case and answers her invitation."""
    place, pk = c["place"], c["cohort"].pk
    team = {"arne": OK, "stella": OK, "dora": OK, "petra": OK}
    runners = audience(403, anonymous=302, olga=404, **team)
    place_args = [pk, place.pk]
    in_place = audience(404, anonymous=302, alice=OK, **team)
    team_in_place = {**in_place, "alice": 403}
    member_in_place = {**audience(404, anonymous=302, alice=OK), **dict.fromkeys(team, 403)}
    case_seen = audience(404, anonymous=302, alice=OK, ulla=OK, **team)
    return {
        "accelerator:cohorts": Row(
            "get", reverse("accelerator:cohorts"), audience(403, anonymous=302, olga=OK, **team)
        ),
        # The cohort exists already: the request is refused with a message (302) for those who may form it.
        "accelerator:form_cohort": Row(
            "post",
            reverse("accelerator:form_cohort", args=[c["selection"].pk]),
            audience(403, anonymous=302, **team),
        ),
        "accelerator:cohort": Row("get", reverse("accelerator:cohort", args=[pk]), runners),
        "accelerator:target": Row("post", reverse("accelerator:target", args=[pk]), runners),
        # Without dates the Phase 2 call is refused with a message; without one, applying it too.
        "accelerator:open_phase_two": Row("post", reverse("accelerator:open_phase_two", args=[pk]), runners),
        "accelerator:apply_phase_two": Row(
            "post", reverse("accelerator:apply_phase_two", args=[pk]), runners
        ),
        "accelerator:cohort_company": Row(
            "get", reverse("accelerator:cohort_company", args=place_args), in_place
        ),
        # The team, and the company's own members, record its readiness.
        "accelerator:record_trl": Row("post", reverse("accelerator:record_trl", args=place_args), in_place),
        "accelerator:assign_mentor": Row(
            "post", reverse("accelerator:assign_mentor", args=place_args), team_in_place
        ),
        "accelerator:remove_mentor": Row(
            "post", reverse("accelerator:remove_mentor", args=[*place_args, c["mentoring"].pk]), team_in_place
        ),
        "accelerator:write_result": Row(
            "post", reverse("accelerator:write_result", args=place_args), member_in_place
        ),
        "accelerator:share_result": Row(
            "post", reverse("accelerator:share_result", args=[*place_args, c["result"].pk]), member_in_place
        ),
        "accelerator:plan_demo_day": Row("get", reverse("accelerator:plan_demo_day", args=[pk]), runners),
        "accelerator:showcase": Row(
            "get", reverse("accelerator:showcase"), audience(403, anonymous=302, olga=OK, ulla=OK, **team)
        ),
        "accelerator:showcase_cohort": Row(
            "get",
            reverse("accelerator:showcase_cohort", args=[pk]),
            audience(403, anonymous=302, olga=404, ulla=OK, **team),
        ),
        "accelerator:interest": Row(
            "post", reverse("accelerator:interest", args=[place.pk]), audience(403, anonymous=302, ulla=OK)
        ),
        "accelerator:cases": Row("get", reverse("accelerator:cases"), audience(OK, anonymous=302)),
        "accelerator:case": Row("get", reverse("accelerator:case", args=[c["case"].pk]), case_seen),
        "accelerator:advance": Row(
            "post", reverse("accelerator:advance", args=[c["case"].pk]), {**case_seen, "alice": 403}
        ),
        "accelerator:demo_day": Row(
            "get",
            reverse("accelerator:demo_day", args=[c["day"].pk]),
            audience(403, anonymous=302, ulla=OK, **team),
        ),
        "accelerator:invite": Row(
            "post", reverse("accelerator:invite", args=[c["day"].pk]), audience(403, anonymous=302, **team)
        ),
        "accelerator:answer": Row(
            "post", reverse("accelerator:answer", args=[c["day"].pk]), audience(404, anonymous=302, ulla=OK)
        ),
        # Last: closing ends the cohort's running pages for the rest of the walk.
        "accelerator:close_cohort": Row("post", reverse("accelerator:close_cohort", args=[pk]), runners),
    }


@pytest.fixture
def world(
    call,
    energy,
    sensing,
    alice,
    aurora,
    charlie,
    borealis,
    stella,
    dora,
    petra,
    olga,
    fred,
    arne,
    emma,
    rita,
    fund,
    lena,
    cora,
    network,
    cohorts,
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    a = complete_draft(alice, aurora, energy)
    attachment = app_actions.check_add_attachment(a, alice, SimpleUploadedFile("a.pdf", MINIMAL_PDF))
    b = complete_draft(charlie, borealis, sensing)
    for application, owner in ((a, alice), (b, charlie)):
        app_actions.check_submit(application, owner)
        app_actions.check_screen(application, stella, "accept")
        Application.objects.filter(pk=application.pk).update(status=wf.UNDER_REVIEW)
    setup = ReviewRules.objects.create(call=call, review_deadline=timezone.now() + timedelta(days=10))
    people = {}
    for name in ("erin", "xavier", "nora"):
        user = make_user(f"{name}@experts.example", Role.EXPERT, name=name.title())
        people[name] = user
        Expert.objects.create(
            user=user, full_name=name.title(), email=user.email, nation="DK", expertise="Batteries"
        )
    erin_expert, xavier_expert = people["erin"].expert, people["xavier"].expert
    invited = Expert.objects.create(
        full_name="Ulla Invited", email="ulla@experts.example", nation="SE", expertise="x"
    )
    mine = Assignment.objects.create(application=a, expert=erin_expert, status=Assignment.Status.ACTIVE)
    Review.objects.create(assignment=mine)
    xavier_on_b = Assignment.objects.create(
        application=b, expert=xavier_expert, status=Assignment.Status.ACTIVE
    )
    conflict = Conflict.objects.create(
        application=a,
        expert=xavier_expert,
        kind="same_organisation",
        evidence="Xavier advises Aurora",
        state="confirmed",
    )
    suggested = Conflict.objects.create(
        application=b, expert=people["nora"].expert, kind="same_nation", evidence="Same nation"
    )
    declaration = ConflictDeclaration.objects.create(application=a, name="Rival Corp", declared_by=alice)
    for position, application in enumerate((a, b), start=1):
        RankingEntry.objects.create(
            call=call,
            application=application,
            rank=position,
            raw_rank=position,
            calibrated=4.0 - position,
            lower=3.0 - position,
            upper=5.0 - position,
            mean=4.0 - position,
            median=4.0 - position,
            reviews=1,
        )
    selection = Selection.objects.create(call=call, rules={}, created_by=dora)
    entry = SelectionEntry.objects.create(selection=selection, application=a, merit=3.0, rank=1, chosen=True)
    SelectionEntry.objects.create(selection=selection, application=b, merit=2.0, rank=2, chosen=False)
    job = create_job(JOB_KIND, "Matching", params={"call": call.pk}, user=stella)
    # The letter Aurora's submission sent Alice, kept in full: she and the call's team read it.
    letter = Letter.objects.create(
        about=a,
        recipient=alice,
        email=alice.email,
        template="application_submitted",
        language="fr",
        subject="Candidature reçue",
        body="Bonjour Alice,",
        sent_at=timezone.now(),
    )
    # Alice invited Charlie to join Aurora; he has not answered (only he may, only Aurora withdraws it).
    from lodestar.organisations.actions import check_invite_member

    invitation = check_invite_member(aurora, charlie.email, alice)
    # Aurora's second application (to the sensing challenge) was selected and awarded; its agreement is
    # signed (Alice uploaded the counter-signed copy), so the signature tranche raised a payment order.
    # Fiona is finance for every programme.
    people["fiona"] = make_user("fiona@lodestar.example", Role.FINANCE, name="Fiona Finance")
    people["ulla"] = cohorts["ulla"]
    award = grant_actions.check_make_award(selected_application(alice, aurora, sensing, stella, dora), dora)
    agreement = award.current_agreement()
    grant_actions.check_sign_agreement(agreement, alice, upload=SimpleUploadedFile("s.pdf", MINIMAL_PDF))
    agreement.refresh_from_db()
    grant_actions.check_sign_agreement(agreement, dora)
    evidence = grant_actions.check_add_evidence(
        award.milestones.get(number=1), alice, SimpleUploadedFile("e.pdf", MINIMAL_PDF)
    )
    tokens = {
        name: do_create_api_token(user, "matrix")[1]
        for name, user in {
            "alice": alice,
            "charlie": charlie,
            **people,
            "stella": stella,
            "dora": dora,
            "petra": petra,
            "olga": olga,
            "fred": fred,
            "arne": arne,
            "emma": emma,
            "rita": rita,
            "lena": lena,
            "cora": cora,
            "oscar": network["oscar"],
        }.items()
    }
    radar = radar_world(rita, aurora)
    partner = partner_world(alice, stella, dora, cora, people["erin"])
    radar["fund"] = fund
    deal = fund_actions.check_add_deal(fund, aurora, fred)
    finding = Finding.objects.create(deal=deal, kind=Finding.Kind.OUTSIDE, explanation="40 % from outside")
    deal_b = fund_actions.check_add_deal(fund, borealis, fred)
    for to in ("screening", "due_diligence", "committee"):
        deal_b = fund_actions.check_move_deal(deal_b, to, fred)
    meeting = committee.check_schedule_meeting(deal_b, date(2026, 3, 2), [cora], 1, fred)
    # The deal's room: a data-room file, a task and a checklist item (fund team only).
    fund_doc = dealroom.check_add_document(deal, SimpleUploadedFile("cap.pdf", MINIMAL_PDF), "", fred)
    fund_task = dealroom.check_add_task(deal, "Call the CFO", fred, date(2026, 3, 1), fred)
    dealroom.check_add_template(fund, "legal", "Cap table verified", fred)
    [fund_item] = fund_actions.do_open_checklist(deal_b, fred)
    fund_position = fund_portfolio.check_commit_to_fund(fund, "Nordic Tech II", "FI", Decimal(1000), fred)
    cash = fund_actions.check_issue_cash_event(
        fund, "call", Decimal("600.00"), date(2026, 1, 15), date(2026, 2, 15), "Fees", fred
    )
    return {
        "network": network,
        "cohorts": cohorts,
        "call": call,
        "a": a,
        "b": b,
        "attachment": attachment,
        "mine": mine,
        "xavier_on_b": xavier_on_b,
        "conflict": conflict,
        "suggested": suggested,
        "declaration": declaration,
        "selection": selection,
        "entry": entry,
        "job": job,
        "letter": letter,
        "invitation": invitation,
        "people": people,
        "setup": setup,
        "tokens": tokens,
        "erin_expert": erin_expert,
        "invited": invited,
        "energy": energy,
        "radar": radar,
        "award": award,
        "evidence": evidence,
        "order": award.payments.get(),
        "deal": deal,
        "deal_b": deal_b,
        "fund_doc": fund_doc,
        "fund_task": fund_task,
        "fund_item": fund_item,
        "fund_position": fund_position,
        "engagement": engagement_world(alice, charlie, emma, aurora, borealis),
        "meeting": meeting,
        "finding": finding,
        "notice_de": cash.notices.get(partner__nation="DE"),
        "notice_be": cash.notices.get(partner__nation="BE"),
        "partner": partner,
    }


def radar_world(analyst, company) -> dict[str, object]:
    """A document read by the radar (naming ``company`` of the directory), a draft edition with one
    blip, an open suggestion and a paused feed."""
    from lodestar.radar import actions as radar_actions
    from lodestar.radar.engine_adapter import Extracted
    from lodestar.radar.models import Suggestion

    document, _ = radar_actions.do_add_document(
        Extracted(
            title="Quantum sensing",
            text="Quantum sensing\nPublished on 2 May 2024\nThe Royal Navy tests "
            "quantum sensing and quantum navigation with Japan.",
        )
    )
    edition = radar_actions.check_create_edition("2024 H1", analyst)
    blip = radar_actions.check_save_blip(
        edition, analyst, name="Quantum sensing", area="quantum", ring="assess", rationale="Trials at sea."
    )
    suggestion = Suggestion.objects.create(kind="area", key="quantum", area="quantum", reason="Rising")
    from lodestar.radar.models import Feed

    feed = Feed.objects.create(url="https://news.example/rss", active=False)  # paused: nothing fetched
    document.signals.create(kind="organisation", key=company.legal_name, organisation=company)
    return {
        "document": document,
        "edition": edition,
        "blip": blip,
        "suggestion": suggestion,
        "feed": feed,
        "company": company,
    }


def table(w) -> dict[str, Row]:
    call, a = w["call"], w["a"]
    slug = call.slug
    owner = audience(404, anonymous=302, alice=OK)  # applicant pages: the organisation's members only
    signed_in = audience(OK, anonymous=302)
    expert_self = audience(404, anonymous=302, erin=OK, xavier=OK, nora=OK)
    # Review pages: 403 for people who are not experts at all, 404 for experts not assigned.
    reviewer_only = audience(403, anonymous=302, erin=OK, xavier=404, nora=404)
    nora = w["people"]["nora"].expert
    rows = {
        "home": Row("get", reverse("home"), audience(OK)),
        # A call's job: its creator (Stella) and the teams of the call's programme follow it.
        "core:job_progress": Row(
            "get",
            reverse("core:job_progress", args=[w["job"].pk]),
            audience(404, anonymous=403, stella=OK, dora=OK, petra=OK),
        ),
        # A letter: its recipient (Alice) and the team of its application's programme; nobody else.
        "core:letter": Row(
            "get",
            reverse("core:letter", args=[w["letter"].pk]),
            audience(404, anonymous=302, alice=OK, stella=OK, dora=OK, petra=OK),
        ),
        "core:my_letters": Row("get", reverse("core:my_letters"), signed_in),
        "selection:preview_letters": Row(
            "get", reverse("selection:preview_letters", args=[slug, w["selection"].pk]), staff_only()
        ),
        "reviews:preview_remind": Row(
            "get", reverse("reviews:preview_remind", args=[slug, w["mine"].expert_id]), staff_only()
        ),
        "calls:list": Row("get", reverse("calls:list"), audience(OK)),
        "calls:detail": Row("get", reverse("calls:detail", args=[slug]), audience(OK)),
        "calls:challenge": Row("get", reverse("calls:challenge", args=[slug, "energy"]), audience(OK)),
        "accounts:profile": Row("get", reverse("accounts:profile"), signed_in),
        "accounts:create_token": Row("post", reverse("accounts:create_token"), signed_in),
        "accounts:revoke_token": Row(
            "post", reverse("accounts:revoke_token", args=[999_999]), audience(404, anonymous=302)
        ),
        "organisations:list": Row("get", reverse("organisations:list"), signed_in),
        "organisations:create": Row("get", reverse("organisations:create"), signed_in),
        "organisations:detail": Row(
            "get",
            reverse("organisations:detail", args=[a.organisation_id]),
            audience(404, anonymous=302, alice=OK, stella=OK, dora=OK, petra=OK),
        ),
        "organisations:edit": Row("get", reverse("organisations:edit", args=[a.organisation_id]), owner),
        "organisations:add_member": Row(
            "post", reverse("organisations:add_member", args=[a.organisation_id]), owner
        ),
        "organisations:revoke_invitation": Row(
            "post",
            reverse("organisations:revoke_invitation", args=[a.organisation_id, w["invitation"].pk]),
            owner,
        ),
        "organisations:answer_invitation": Row(
            "post",
            reverse("organisations:answer_invitation", args=[w["invitation"].pk]),
            audience(404, anonymous=302, charlie=OK),  # the invitee only: to anyone else it does not exist
        ),
        "applications:mine": Row("get", reverse("applications:mine"), signed_in),
        # With a company: the form; without one: to the company form first. Never refused.
        "applications:start": Row(
            # Oscar may start one too: he is a member of the DGA, the Toulon range's operator.
            "get",
            reverse("applications:start", args=[w["energy"].pk]),
            audience(302, alice=OK, charlie=OK, oscar=OK),
        ),
        "applications:detail": Row("get", reverse("applications:detail", args=[a.pk]), owner),
        "applications:edit": Row(
            "get", reverse("applications:edit", args=[a.pk]), audience(404, anonymous=302, alice=302)
        ),  # sent: back to its status page
        "applications:submit": Row("post", reverse("applications:submit", args=[a.pk]), owner),
        "applications:withdraw": Row("post", reverse("applications:withdraw", args=[a.pk]), owner),
        "applications:reopen": Row("post", reverse("applications:reopen", args=[a.pk]), owner),
        "applications:upload": Row("post", reverse("applications:upload", args=[a.pk]), owner),
        "applications:download": Row(
            "get",
            reverse("applications:download", args=[a.pk, w["attachment"].pk]),
            audience(404, anonymous=302, alice=OK, erin=OK, stella=OK, dora=OK, petra=OK),
        ),
        "applications:remove_attachment": Row(
            "post", reverse("applications:remove_attachment", args=[a.pk, w["attachment"].pk]), owner
        ),
        "staff:calls": Row("get", reverse("staff:calls"), staff_only(olga=OK)),  # her own calls only
        "staff:dashboard": Row("get", reverse("staff:dashboard", args=[slug]), staff_only()),
        "staff:applications": Row("get", reverse("staff:applications", args=[slug]), staff_only()),
        "staff:export": Row("get", reverse("staff:export", args=[slug, "csv"]), staff_only()),
        "staff:application": Row("get", reverse("staff:application", args=[a.pk]), staff_only()),
        "staff:screen": Row("post", reverse("staff:screen", args=[a.pk]), staff_only()),
        "matching:search": Row("get", reverse("matching:search") + "?q=battery", staff_only(olga=OK)),
        "matching:overview": Row("get", reverse("matching:overview", args=[slug]), staff_only()),
        "matching:run": Row("post", reverse("matching:run", args=[slug]), staff_only()),
        "matching:switch": Row("post", reverse("matching:switch", args=[slug]), staff_only()),
        "experts:expert_list": Row("get", reverse("experts:expert_list"), staff_only(olga=OK)),
        "experts:invite": Row("get", reverse("experts:invite"), staff_only(olga=OK)),
        "experts:import": Row("get", reverse("experts:import"), staff_only(olga=OK)),
        "experts:expert_detail": Row(
            "get", reverse("experts:expert_detail", args=[w["erin_expert"].pk]), staff_only(olga=OK)
        ),
        "experts:expert_edit": Row(
            "get", reverse("experts:expert_edit", args=[w["erin_expert"].pk]), staff_only(olga=OK)
        ),
        "reviews:conflicts": Row("get", reverse("reviews:conflicts", args=[slug]), staff_only()),
        "reviews:conflicts_run": Row("post", reverse("reviews:conflicts_run", args=[slug]), staff_only()),
        "reviews:conflicts_confirm": Row(
            "post", reverse("reviews:conflicts_confirm", args=[slug]), staff_only()
        ),
        "reviews:conflict_dismiss": Row(
            "post", reverse("reviews:conflict_dismiss", args=[slug, w["conflict"].pk]), staff_only()
        ),
        "experts:invitation": Row(
            "get",
            reverse("experts:invitation", args=[invitation_token(w["invited"])]),
            audience(OK),
        ),
        "experts:profile": Row("get", reverse("experts:profile"), expert_self),
        "experts:declare_organisation": Row("post", reverse("experts:declare_organisation"), expert_self),
        "reviews:declare_assignment": Row(
            "get",
            reverse("reviews:declare_assignment", args=[a.pk]),
            audience(404, anonymous=302, erin=OK),
        ),
        "reviews:applicant_declarations": Row(
            "get", reverse("reviews:applicant_declarations", args=[a.pk]), owner
        ),
        "reviews:applicant_declaration_remove": Row(
            "post",
            reverse("reviews:applicant_declaration_remove", args=[a.pk, w["declaration"].pk]),
            owner,
        ),
        "reviews:overview": Row("get", reverse("reviews:overview", args=[slug]), staff_only()),
        "reviews:setup": Row("get", reverse("reviews:setup", args=[slug]), staff_only()),
        "reviews:rubric": Row("get", reverse("reviews:rubric", args=[slug]), staff_only()),
        "reviews:run": Row("post", reverse("reviews:run", args=[slug]), staff_only()),
        "reviews:add": Row(
            "post",
            reverse("reviews:add", args=[slug]),
            staff_only(),
            data={"application": a.pk, "expert": nora.pk},
        ),
        "reviews:remove": Row(
            "post",
            reverse("reviews:remove", args=[slug]),
            staff_only(),
            data={"assignment": w["mine"].pk},
        ),
        "reviews:swap": Row(
            "post",
            reverse("reviews:swap", args=[slug]),
            staff_only(),
            data={"assignment": w["mine"].pk, "expert": nora.pk},
        ),
        "reviews:publish": Row("post", reverse("reviews:publish", args=[slug]), staff_only()),
        "reviews:application": Row("get", reverse("reviews:application", args=[slug, a.pk]), staff_only()),
        "reviews:reassign": Row("post", reverse("reviews:reassign", args=[slug, a.pk]), staff_only()),
        "reviews:mine": Row(
            "get",
            reverse("reviews:mine"),
            audience(403, anonymous=302, erin=OK, xavier=OK, nora=OK),
        ),
        "reviews:review": Row(
            "get",
            reverse("reviews:review", args=[w["mine"].pk]),
            reviewer_only,
        ),
        "reviews:decline": Row(
            "get",
            reverse("reviews:decline", args=[w["mine"].pk]),
            reviewer_only,
        ),
        "reviews:progress": Row("get", reverse("reviews:progress", args=[slug]), staff_only()),
        "reviews:remind_expert": Row(
            "post", reverse("reviews:remind_expert", args=[slug, w["mine"].expert_id]), staff_only()
        ),
        "reviews:ranking": Row("get", reverse("reviews:ranking", args=[slug]), staff_only()),
        "reviews:recompute": Row("post", reverse("reviews:recompute", args=[slug]), staff_only()),
        "reviews:application_reviews": Row(
            "get", reverse("reviews:application_reviews", args=[slug, a.pk]), staff_only()
        ),
        "selection:overview": Row("get", reverse("selection:overview", args=[slug]), staff_only()),
        "selection:selection": Row(
            "get", reverse("selection:selection", args=[slug, w["selection"].pk]), staff_only()
        ),
        "selection:rules": Row("get", reverse("selection:rules", args=[slug]), director_only()),
        "selection:run": Row("post", reverse("selection:run", args=[slug]), director_only()),
        "selection:override": Row(
            "get", reverse("selection:override", args=[slug, w["entry"].pk]), director_only()
        ),
        "selection:confirm": Row(
            "get", reverse("selection:confirm", args=[slug, w["selection"].pk]), director_only()
        ),
        "selection:send_letters": Row(
            "post", reverse("selection:send_letters", args=[slug, w["selection"].pk]), director_only()
        ),
        **radar_rows(w["radar"]),
        # Partner grants: the proposal before the committee is read by its body (Alice), the staff and
        # the committee (Cora sits for France); only its body sends it, only Cora votes, for France.
        **partner_rows(w["partner"]),
        # Grants: the company's own award, its programme's team and finance; outsiders find nothing.
        **grant_rows(w),
        **setup_rows(w),
        # The network of centres: any signed-in person reads the directory and a centre's month; a
        # company member books; a company sees its own bookings, an operator its centres' (Arne runs
        # the network); the feed's secret address is its permission.
        **network_rows(w["network"]),
        **engagement_rows(w["engagement"], audience, Row, OK),
        # Old addresses, kept as permanent redirects
        "staff:old_applications": Row("get", f"/en/staff/calls/{slug}/applications/", audience(MOVED)),
        "staff:old_export": Row("get", f"/en/staff/calls/{slug}/applications.csv", audience(MOVED)),
        "reviews:old_progress": Row("get", f"/en/staff/calls/{slug}/progress/", audience(MOVED)),
        "reviews:old_rubric": Row("get", f"/en/staff/calls/{slug}/rubric/", audience(MOVED)),
        "reviews:old_application_reviews": Row(
            "get", f"/en/staff/applications/{a.pk}/reviews/", moved_for_staff()
        ),
        "selection:old_run": Row("get", f"/en/staff/selections/{w['selection'].pk}/", moved_for_staff()),
        "selection:old_confirm": Row(
            "get", f"/en/staff/selections/{w['selection'].pk}/confirm/", moved_for_staff()
        ),
        "selection:old_override": Row(
            "get", f"/en/staff/selections/entries/{w['entry'].pk}/override/", moved_for_staff()
        ),
    }
    deal, fund_team = w["deal"].pk, audience(403, anonymous=302, fred=OK)
    fund_readers = audience(403, anonymous=302, fred=OK, lena=OK)
    rows |= {
        "fund:board": Row("get", reverse("fund:board"), fund_team),
        "fund:deal": Row("get", reverse("fund:deal", args=[deal]), fund_team),
        "fund:deal_move": Row("post", reverse("fund:deal_move", args=[deal]), fund_team, {"to": "screening"}),
        "fund:deal_screen": Row("post", reverse("fund:deal_screen", args=[deal]), fund_team),
        "fund:finding_clear": Row(
            "post", reverse("fund:finding_clear", args=[deal, w["finding"].pk]), fund_team, {"note": "Sold."}
        ),
        "fund:notices": Row("get", reverse("fund:notices"), fund_readers),
        # Cora sits on the committee: she reads and votes on her meeting, and nothing else of the fund.
        "fund:meeting_schedule": Row(
            "post", reverse("fund:meeting_schedule", args=[w["deal_b"].pk]), fund_team, {"quorum": "1"}
        ),
        "fund:meeting": Row(
            "get",
            reverse("fund:meeting", args=[w["meeting"].pk]),
            audience(403, anonymous=302, fred=OK, cora=OK),
        ),
        "fund:meeting_vote": Row(
            "post",
            reverse("fund:meeting_vote", args=[w["meeting"].pk]),
            audience(403, anonymous=302, fred=OK, cora=OK),
            {"vote": "for"},
        ),
        "fund:duplicates": Row("get", reverse("fund:duplicates"), fund_team),
        "fund:merge": Row("post", reverse("fund:merge"), fund_team, {"keep": deal, "duplicate": deal}),
        "fund:note_add": Row("post", reverse("fund:note_add", args=[deal]), fund_team, {"text": "Met."}),
        "fund:task_add": Row("post", reverse("fund:task_add", args=[deal]), fund_team, {"title": "Call"}),
        "fund:task_status": Row(
            "post", reverse("fund:task_status", args=[deal, w["fund_task"].pk]), fund_team, {"to": "done"}
        ),
        "fund:document_add": Row("post", reverse("fund:document_add", args=[deal]), fund_team),
        # a data-room file: the deal's fund team only; nobody else, not even the committee
        "fund:document": Row("get", reverse("fund:document", args=[deal, w["fund_doc"].pk]), fund_team),
        "fund:checklist": Row("get", reverse("fund:checklist"), fund_team),
        "fund:screening_lists": Row("get", reverse("fund:screening_lists"), fund_team),
        "fund:checklist_open": Row("post", reverse("fund:checklist_open", args=[w["deal_b"].pk]), fund_team),
        "fund:item_update": Row(
            "post",
            reverse("fund:item_update", args=[w["deal_b"].pk, w["fund_item"].pk]),
            fund_team,
            {"do": "complete", "evidence": "Register extract"},
        ),
        "fund:portfolio": Row("get", reverse("fund:portfolio"), fund_team),
        "fund:commit": Row("post", reverse("fund:commit"), fund_team, {"name": "X"}),
        "fund:invest": Row("post", reverse("fund:invest", args=[deal]), fund_team, {"label": "Seed"}),
        **{
            name: Row(method, reverse(name, args=[w["fund_position"].pk]), fund_team)
            for name, method in (
                ("fund:investment", "get"),
                ("fund:round_add", "post"),
                ("fund:proceeds_add", "post"),
                ("fund:valuation_add", "post"),
            )
        },
        # Lena's list of partners is her own nation's dashboard (a redirect to it).
        "fund:partners": Row(
            "get", reverse("fund:partners"), audience(403, anonymous=302, fred=OK, lena=302)
        ),
        "fund:partner": Row("get", reverse("fund:partner", args=["DE"]), fund_readers),
        "fund:partner (Belgium's)": Row(
            "get", reverse("fund:partner", args=["BE"]), audience(403, anonymous=302, fred=OK, lena=404)
        ),
        "fund:meeting_pack": Row(
            "get",
            reverse("fund:meeting_pack", args=[w["meeting"].pk]),
            audience(403, anonymous=302, fred=OK, cora=OK),
        ),
        "fund:meeting_decide": Row("post", reverse("fund:meeting_decide", args=[w["meeting"].pk]), fund_team),
        "fund:issue": Row("post", reverse("fund:issue"), fund_team, {"kind": "call"}),
        "fund:notice_pay": Row(
            "post", reverse("fund:notice_pay", args=[w["notice_de"].pk]), fund_team, {"amount": "1.00"}
        ),
        "fund:notice_pdf": Row("get", reverse("fund:notice_pdf", args=[w["notice_de"].pk]), fund_readers),
        "fund:statement": Row("get", reverse("fund:statement", args=["DE", "xlsx"]), fund_readers),
        "fund:statement (Belgium's)": Row(
            "get",
            reverse("fund:statement", args=["BE", "pdf"]),
            audience(403, anonymous=302, fred=OK, lena=404),
        ),
        # Another nation's notice is not Lena's: it is not there for her.
        "fund:notice_pdf (Belgium's)": Row(
            "get",
            reverse("fund:notice_pdf", args=[w["notice_be"].pk]),
            audience(403, anonymous=302, fred=OK, lena=404),
        ),
    }
    rows |= cohort_rows(w["cohorts"])
    return rows


def radar_rows(r) -> dict[str, Row]:
    """The radar: its readers see every page; only the analyst (or an administrator) acts."""
    readers = audience(403, anonymous=302, stella=OK, dora=OK, petra=OK, olga=OK, fred=OK, rita=OK)
    analyst = audience(403, anonymous=302, rita=OK)
    return {
        "radar:home": Row("get", reverse("radar:home"), readers),
        "radar:documents": Row("get", reverse("radar:documents"), readers),
        "radar:document": Row("get", reverse("radar:document", args=[r["document"].pk]), readers),
        "radar:signals": Row("get", reverse("radar:signals", args=["area"]), readers),
        "radar:signal": Row("get", reverse("radar:signal", args=["area", "quantum"]), readers),
        "radar:editions": Row("get", reverse("radar:editions"), readers),
        "radar:edition": Row("get", reverse("radar:edition", args=[r["edition"].pk]), readers),
        "radar:suggestions": Row("get", reverse("radar:suggestions"), readers),
        "radar:decide": Row(
            "post", reverse("radar:decide", args=[r["suggestion"].pk]), analyst, data={"decision": "dismiss"}
        ),
        "radar:blip": Row("get", reverse("radar:blip", args=[r["blip"].pk]), readers),
        "radar:edit_blip": Row(
            "post",
            reverse("radar:edit_blip", args=[r["blip"].pk]),
            analyst,
            data={"name": "At sea", "area": "quantum", "ring": "trial", "rationale": "Trials at sea."},
        ),
        "radar:remove_blip": Row("post", reverse("radar:remove_blip", args=[r["blip"].pk]), analyst),
        "radar:publish": Row("post", reverse("radar:publish", args=[r["edition"].pk]), analyst),
        # The address is inside the network: refused before any fetch, so no request leaves the test.
        "radar:add_feed": Row(
            "post", reverse("radar:add_feed"), analyst, data={"url": "http://127.0.0.1/rss"}
        ),
        "radar:fetch_feeds": Row("post", reverse("radar:fetch_feeds"), analyst),
        "radar:blip_from_signal": Row(
            "post",
            reverse("radar:blip_from_signal", args=["area", "quantum"]),
            analyst,
            data={"edition": r["edition"].pk, "name": "At sea", "ring": "trial", "rationale": "Trials."},
        ),
        # The fund team only: the company is already on the fund's board, so Fred's press links it.
        "radar:add_to_deal_flow": Row(
            "post",
            reverse("radar:add_to_deal_flow", args=[r["company"].pk]),
            audience(403, anonymous=302, fred=OK),
            data={"fund": r["fund"].pk},
        ),
        "radar:feed_active": Row(
            "post", reverse("radar:feed_active", args=[r["feed"].pk]), analyst, data={"active": "0"}
        ),
    }


def setup_rows(w) -> dict[str, Row]:
    """Set-up of programmes and calls: the programme team of the call; programmes for directors."""
    from lodestar.programmes.models import Question

    call = w["call"]
    slug = call.slug
    question, _ = Question.objects.get_or_create(
        call=call,
        label_en="Which end user?",
        defaults={"label_fr": "Quel utilisateur final ?", "kind": "short_text"},
    )
    challenge = call.challenges.order_by("pk").first()
    return {
        "setup:home": Row("get", reverse("setup:home"), staff_only(olga=OK)),
        "setup:programme_new": Row(
            "get", reverse("setup:programme_new"), audience(403, anonymous=302, dora=OK)
        ),
        "setup:programme": Row(
            "get",
            reverse("setup:programme", args=[call.programme.slug]),
            audience(403, anonymous=302, dora=OK, petra=OK, olga=404),
        ),
        "setup:call_new": Row("get", reverse("setup:call_new", args=[call.programme.slug]), staff_only()),
        "setup:call": Row("get", reverse("setup:call", args=[slug]), staff_only()),
        "setup:challenges": Row("get", reverse("setup:challenges", args=[slug]), staff_only()),
        "setup:challenge_new": Row("get", reverse("setup:challenge_new", args=[slug]), staff_only()),
        "setup:challenge": Row("get", reverse("setup:challenge", args=[slug, challenge.pk]), staff_only()),
        "setup:rules": Row("get", reverse("setup:rules", args=[slug]), staff_only()),
        "setup:form": Row("get", reverse("setup:form", args=[slug]), staff_only()),
        "setup:question": Row("get", reverse("setup:question", args=[slug, question.pk]), staff_only()),
        "setup:question_change": Row(
            "post", reverse("setup:question_change", args=[slug, question.pk, "down"]), staff_only()
        ),
    }


def partner_rows(p) -> dict[str, Row]:
    pk, slug = p["proposal"].pk, p["call"].call.slug
    readers = audience(404, anonymous=302, alice=OK, stella=OK, dora=OK, cora=OK)
    own = {**readers, "stella": 403, "dora": 403, "cora": 403}
    staff = audience(403, anonymous=302, stella=OK, dora=OK, petra=404, olga=404)
    director = audience(403, anonymous=302, dora=OK, petra=404)
    return {
        "partnerships:calls": Row("get", reverse("partnerships:calls"), audience(OK)),
        "partnerships:call": Row("get", reverse("partnerships:call", args=[slug]), audience(OK)),
        "partnerships:start": Row(
            "get", reverse("partnerships:start", args=[slug]), audience(OK, anonymous=302)
        ),
        "partnerships:mine": Row("get", reverse("partnerships:mine"), audience(OK, anonymous=302)),
        "partnerships:proposal": Row("get", reverse("partnerships:proposal", args=[pk]), readers),
        # Sent already: its body is sent back to the proposal's page.
        "partnerships:edit": Row("get", reverse("partnerships:edit", args=[pk]), {**own, "alice": 302}),
        "partnerships:submit": Row("post", reverse("partnerships:submit", args=[pk]), own),
        "partnerships:withdraw": Row("post", reverse("partnerships:withdraw", args=[pk]), own),
        "partnerships:screen": Row("post", reverse("partnerships:screen", args=[pk]), staff),
        "partnerships:to_committee": Row("post", reverse("partnerships:to_committee", args=[pk]), staff),
        "partnerships:vote": Row(
            "post",
            reverse("partnerships:vote", args=[pk]),
            audience(403, anonymous=302, cora=OK),
            {"nation": "FR", "choice": "for"},
        ),
        "partnerships:decide": Row("post", reverse("partnerships:decide", args=[pk]), director),
        "partnerships:grant": Row("post", reverse("partnerships:grant", args=[pk]), director),
        # The organisers of a funded event: the co-directors' body and the programme team (the
        # proposal here is not approved, so they are told so; tests/test_partnerships_events.py).
        "partnerships:open_event": Row(
            "post", reverse("partnerships:open_event", args=[pk]), {**readers, "cora": 403}
        ),
        "partnerships:staff_call": Row("get", reverse("partnerships:staff_call", args=[slug]), staff),
        "partnerships:committee": Row(
            "get", reverse("partnerships:committee"), audience(403, anonymous=302, cora=OK)
        ),
    }


def partner_api_rows(p) -> dict[str, Row]:
    pk, slug = p["proposal"].pk, p["call"].call.slug
    readers = audience(404, anonymous=401, alice=OK, stella=OK, dora=OK, cora=OK)
    return {
        "api:list_partner_calls": Row("get", "/api/partner-calls", audience(OK, anonymous=401)),
        "api:get_partner_call": Row("get", f"/api/partner-calls/{slug}", audience(OK, anonymous=401)),
        "api:list_partner_proposals": Row("get", "/api/partner-proposals", audience(OK, anonymous=401)),
        "api:get_partner_proposal": Row("get", f"/api/partner-proposals/{pk}", readers),
        "api:submit_partner_proposal": Row(
            "post",
            f"/api/partner-proposals/{pk}/submission",
            {**readers, "stella": 403, "dora": 403, "cora": 403},
        ),
        "api:screen_partner_proposal": Row(
            "post",
            f"/api/partner-proposals/{pk}/screening",
            # Before the committee already: staff may screen, but no longer this one (409).
            audience(403, anonymous=401, stella=409, dora=409, petra=404, olga=404),
            data={"decision": "invite"},
        ),
        # Alice reads it but sits for no nation; Cora votes for France.
        "api:vote_partner_proposal": Row(
            "post",
            f"/api/partner-proposals/{pk}/votes",
            {**readers, "alice": 403, "stella": 403, "dora": 403},
            data={"nation": "FR", "choice": "for"},
        ),
        "api:decide_partner_proposal": Row(
            "post",
            f"/api/partner-proposals/{pk}/decision",
            audience(403, anonymous=401, dora=OK, petra=404),
        ),
        "api:list_partner_grants": Row("get", "/api/partner-grants", audience(OK, anonymous=401)),
    }


def grant_rows(w) -> dict[str, Row]:
    award, slug = w["award"], w["call"].slug
    pk = award.pk
    seen = audience(404, anonymous=302, alice=OK, stella=OK, dora=OK, petra=OK, fiona=OK)
    finance = audience(403, anonymous=302, fiona=OK)
    return {
        "grants:my_awards": Row("get", reverse("grants:my_awards"), audience(OK, anonymous=302)),
        "grants:award": Row("get", reverse("grants:award", args=[pk]), seen),
        "grants:agreement_pdf": Row("get", reverse("grants:agreement_pdf", args=[pk, 1]), seen),
        "grants:signed_copy": Row("get", reverse("grants:signed_copy", args=[pk, 1]), seen),
        # Signed already: a second signature is refused with a message (302), outsiders get 404.
        "grants:sign": Row("post", reverse("grants:sign", args=[pk, 1]), seen),
        "grants:amend": Row(
            "post",
            reverse("grants:amend", args=[pk]),
            {**seen, "alice": 403, "stella": 403, "fiona": 403},
        ),
        # No reason given: the director's request is refused with a message (302); others may not.
        "grants:terminate": Row(
            "post",
            reverse("grants:terminate", args=[pk]),
            {**seen, "alice": 403, "stella": 403, "fiona": 403},
        ),
        "grants:milestone": Row("post", reverse("grants:milestone", args=[pk, 1]), seen),
        "grants:evidence": Row("get", reverse("grants:evidence", args=[pk, 1, w["evidence"].pk]), seen),
        "grants:report": Row("post", reverse("grants:report", args=[pk, 1]), seen),
        "grants:bank_account": Row(
            "get",
            reverse("grants:bank_account", args=[pk]),
            {**seen, "stella": 403, "dora": 403, "petra": 403, "fiona": 403},
        ),
        "grants:call_awards": Row("get", reverse("grants:call_awards", args=[slug]), staff_only()),
        "grants:make_award": Row(
            "post", reverse("grants:make_award", args=[slug, w["a"].pk]), director_only()
        ),
        "grants:payments": Row("get", reverse("grants:payments"), {**staff_only(olga=OK), "fiona": OK}),
        # Requested, not approved: marking it paid is refused with a message; only finance gets there.
        "grants:payment_move": Row(
            "post", reverse("grants:payment_move", args=[w["order"].pk, "paid"]), finance
        ),
        "grants:export": Row("get", reverse("grants:export", args=["csv"]), finance),
    }


def grant_api_rows(w) -> dict[str, Row]:
    pk = w["award"].pk
    seen = audience(404, anonymous=401, alice=OK, stella=OK, dora=OK, petra=OK, fiona=OK)
    return {
        "api:list_awards": Row("get", "/api/awards", audience(OK, anonymous=401)),
        "api:get_award": Row("get", f"/api/awards/{pk}", seen),
        "api:list_milestones": Row("get", f"/api/awards/{pk}/milestones", seen),
        # Milestone 1 is not submitted: staff may decide milestones, but not this one yet (409).
        "api:decide_milestone": Row(
            "post",
            f"/api/awards/{pk}/milestones/1/decision",
            {**seen, "alice": 403, "fiona": 403, "stella": 409, "dora": 409, "petra": 409},
            data={"accept": True},
        ),
        "api:list_award_payments": Row("get", f"/api/awards/{pk}/payments", seen),
        "api:list_payments": Row(
            "get",
            "/api/payments",
            audience(403, anonymous=401, stella=OK, dora=OK, petra=OK, olga=OK, fiona=OK),
        ),
        # Dora's act raised the order: finance approves it; the company and staff may not (403).
        "api:approve_payment": Row(
            "post",
            f"/api/payments/{w['order'].pk}/approval",
            {**seen, "alice": 403, "stella": 403, "dora": 403, "petra": 403},
        ),
    }


def network_rows(n) -> dict[str, Row]:
    signed_in = audience(OK, anonymous=302)
    booking = n["at_toulon"].pk
    company_or_operator = audience(404, anonymous=302, alice=OK, oscar=OK, arne=OK)
    operators = audience(403, anonymous=302, oscar=OK, arne=OK)
    members = audience(403, anonymous=302, alice=OK, charlie=OK, oscar=OK)  # Oscar is a member of the DGA
    return {
        "accelerator:directory": Row("get", reverse("accelerator:directory"), signed_in),
        "accelerator:centre": Row("get", reverse("accelerator:centre", args=[n["toulon"].slug]), signed_in),
        "accelerator:book": Row("get", reverse("accelerator:book", args=[n["toulon"].slug]), members),
        "accelerator:my_bookings": Row("get", reverse("accelerator:my_bookings"), signed_in),
        "accelerator:invitation": Row(
            "get", reverse("accelerator:invitation", args=[booking]), company_or_operator
        ),
        "accelerator:queue": Row("get", reverse("accelerator:queue"), operators),
        "accelerator:utilisation": Row("get", reverse("accelerator:utilisation"), operators),
        "accelerator:feed": Row(
            "get", reverse("accelerator:feed", args=[n["toulon"].slug, n["toulon"].feed_token]), audience(OK)
        ),
        "accelerator:decide": Row(
            "post",
            reverse("accelerator:decide", args=[booking]),
            audience(404, anonymous=302, oscar=OK, arne=OK),
            data={"decision": "confirm"},
        ),
        "accelerator:cancel": Row("post", reverse("accelerator:cancel", args=[booking]), company_or_operator),
    }


def network_api_rows(n) -> dict[str, Row]:
    booking = n["at_toulon"].pk
    return {
        "api:list_centres": Row("get", "/api/centres", audience(OK, anonymous=401)),
        "api:get_centre": Row("get", f"/api/centres/{n['toulon'].slug}", audience(OK, anonymous=401)),
        "api:list_bookings": Row("get", "/api/bookings", audience(OK, anonymous=401)),
        "api:get_booking": Row(
            "get", f"/api/bookings/{booking}", audience(404, anonymous=401, alice=OK, oscar=OK, arne=OK)
        ),
        "api:request_booking": Row(
            "post",
            "/api/bookings",
            audience(404, anonymous=401, alice=OK),
            data={
                "centre": n["toulon"].slug,
                "organisation": n["at_toulon"].organisation_id,
                "starts_on": "2020-01-06",
                "ends_on": "2020-01-06",
            },
        ),
        "api:decide_booking": Row(
            "post",
            f"/api/bookings/{booking}/decision",
            audience(404, anonymous=401, oscar=OK, arne=OK),
            data={"confirm": True},
        ),
        "api:cancel_booking": Row(
            "post",
            f"/api/bookings/{booking}/cancellation",
            audience(404, anonymous=401, alice=OK, oscar=OK, arne=OK),
        ),
    }


def cohort_api_rows(c) -> dict[str, Row]:
    """The cohort board and milestones for the team that runs the cohort; adoption cases for a nation's
    end users, the company and the team. Alice sees France's case about her company but may not move
    it (409: the workflow refuses her)."""
    pk, case = c["cohort"].pk, c["case"].pk
    team = {"arne": OK, "stella": OK, "dora": OK, "petra": OK}
    runners = audience(403, anonymous=401, olga=404, **team)
    return {
        "api:list_cohorts": Row("get", "/api/cohorts", audience(403, anonymous=401, olga=OK, **team)),
        "api:get_cohort": Row("get", f"/api/cohorts/{pk}", runners),
        "api:list_cohort_milestones": Row("get", f"/api/cohorts/{pk}/milestones", runners),
        # A company's readiness: the team and the company's members (Alice); a level of 12 is refused
        # with a message (400) for those who may record one, others find nothing (404).
        "api:list_readiness": Row(
            "get",
            f"/api/cohorts/{pk}/companies/{c['place'].pk}/readiness",
            audience(404, anonymous=401, alice=OK, **team),
        ),
        "api:record_readiness": Row(
            "post",
            f"/api/cohorts/{pk}/companies/{c['place'].pk}/readiness",
            audience(404, anonymous=401, alice=OK, **team),
            data={"trl": 12},
        ),
        "api:list_cases": Row("get", "/api/adoption", audience(OK, anonymous=401)),
        # France expressed its interest already: Ulla's second request is refused with a message (400).
        "api:express_interest": Row(
            "post",
            f"/api/cohorts/{pk}/companies/{c['place'].pk}/interest",
            audience(404, anonymous=401, ulla=OK, **dict.fromkeys(team, 403)),
            data={"nation": "FR"},
        ),
        "api:take_step": Row(
            "post",
            f"/api/adoption/{case}/steps",
            audience(404, anonymous=401, ulla=OK, alice=409, **team),
            data={"to": "pilot_agreed"},
        ),
    }


def api_table(w) -> dict[str, Row]:
    slug, a = w["call"].slug, w["a"]
    api_staff = audience(403, anonymous=401, stella=OK, dora=OK, petra=OK, olga=404)
    api_pool = audience(403, anonymous=401, stella=OK, dora=OK, petra=OK, olga=OK)
    api_radar = audience(403, anonymous=401, stella=OK, dora=OK, petra=OK, olga=OK, fred=OK, rita=OK)
    api_fund_team = audience(403, anonymous=401, fred=OK)
    return {
        "api:list_calls": Row("get", "/api/calls", audience(OK)),
        "api:get_call": Row("get", f"/api/calls/{slug}", audience(OK)),
        "api:openapi-json": Row("get", "/api/openapi.json", audience(OK)),
        "api:openapi-view": Row("get", "/api/docs", audience(OK)),
        "api:list_applications": Row("get", f"/api/calls/{slug}/applications", api_staff),
        "api:get_application": Row(
            "get",
            f"/api/applications/{a.pk}",
            audience(404, anonymous=401, alice=OK, erin=OK, stella=OK, dora=OK, petra=OK),
        ),
        # Its history and reasons: the applicant (shared notes only) and staff; not the expert.
        "api:application_history": Row(
            "get",
            f"/api/applications/{a.pk}/history",
            audience(404, anonymous=401, alice=OK, stella=OK, dora=OK, petra=OK),
        ),
        "api:list_experts": Row("get", "/api/experts", api_pool),
        "api:get_expert": Row("get", f"/api/experts/{w['erin_expert'].pk}", api_pool),
        "api:my_expert_profile": Row(
            "get", "/api/experts/me", audience(404, anonymous=401, erin=OK, xavier=OK, nora=OK)
        ),
        "api:list_assignments": Row("get", f"/api/calls/{slug}/assignments", api_staff),
        "api:my_assignments": Row("get", "/api/me/assignments", audience(OK, anonymous=401)),
        "api:list_reviews": Row("get", f"/api/calls/{slug}/reviews", api_staff),
        "api:my_review": Row("get", f"/api/me/reviews/{w['mine'].pk}", audience(404, anonymous=401, erin=OK)),
        "api:ranking": Row("get", f"/api/calls/{slug}/ranking", api_staff),
        "api:latest_selection": Row("get", f"/api/calls/{slug}/selection", api_staff),
        "api:screen_application": Row(
            "post", f"/api/applications/{a.pk}/screening", api_staff, data={"decision": "accept"}
        ),
        "api:write_my_review": Row(
            "put",
            f"/api/me/reviews/{w['mine'].pk}",
            audience(404, anonymous=401, erin=OK),
            data={"scores": {}},
        ),
        **grant_api_rows(w),
        **partner_api_rows(w["partner"]),
        **network_api_rows(w["network"]),
        **cohort_api_rows(w["cohorts"]),
        **engagement_api_rows(w["engagement"], audience, Row, OK),
        "api:run_selection": Row(
            "post", f"/api/calls/{slug}/selection", audience(403, anonymous=401, dora=OK, petra=OK)
        ),
        "api:list_radar_documents": Row("get", "/api/radar/documents", api_radar),
        "api:get_radar_document": Row("get", f"/api/radar/documents/{w['radar']['document'].pk}", api_radar),
        "api:add_radar_document": Row(
            "post",
            "/api/radar/documents",
            audience(403, anonymous=401, rita=OK),
            data={"title": "T", "text": "x y"},
        ),
        "api:list_radar_signals": Row("get", "/api/radar/signals/area", api_radar),
        "api:list_radar_editions": Row("get", "/api/radar/editions", api_radar),
        "api:get_radar_edition": Row("get", f"/api/radar/editions/{w['radar']['edition'].pk}", api_radar),
        "api:get_radar_blip": Row("get", f"/api/radar/blips/{w['radar']['blip'].pk}", api_radar),
        "api:edit_radar_blip": Row(
            "patch",
            f"/api/radar/blips/{w['radar']['blip'].pk}",
            audience(403, anonymous=401, rita=OK),
            data={"ring": "trial"},
        ),
        "api:list_deals": Row("get", "/api/fund/deals", api_fund_team),
        "api:get_deal": Row("get", f"/api/fund/deals/{w['deal'].pk}", api_fund_team),
        "api:move_deal": Row(
            "post", f"/api/fund/deals/{w['deal'].pk}/move", api_fund_team, {"to": "screening"}
        ),
        # the finding is cleared before a new screening would supersede it
        "api:clear_finding": Row(
            "post", f"/api/fund/findings/{w['finding'].pk}/clearance", api_fund_team, {"note": "Sold."}
        ),
        "api:screen_deal": Row("post", f"/api/fund/deals/{w['deal'].pk}/screening", api_fund_team),
        "api:list_notices": Row("get", "/api/fund/notices", audience(403, anonymous=401, fred=OK, lena=OK)),
        # Cora sits at her meeting: she reads it and votes; the team reads every meeting.
        "api:list_meetings": Row("get", "/api/fund/meetings", audience(403, anonymous=401, fred=OK, cora=OK)),
        "api:get_meeting": Row(
            "get", f"/api/fund/meetings/{w['meeting'].pk}", audience(403, anonymous=401, fred=OK, cora=OK)
        ),
        "api:vote": Row(
            "post",
            f"/api/fund/meetings/{w['meeting'].pk}/vote",
            audience(403, anonymous=401, cora=OK),  # the team reads the meeting but holds no seat
            {"vote": "for"},
        ),
        "api:list_investments": Row("get", "/api/fund/investments", api_fund_team),
        "api:get_report": Row("get", "/api/fund/reports/DE", audience(403, anonymous=401, fred=OK, lena=OK)),
        "api:get_report (Belgium's)": Row(
            "get", "/api/fund/reports/BE", audience(403, anonymous=401, fred=OK, lena=404)
        ),
        "api:confirm_selection": Row(
            "post",
            f"/api/selections/{w['selection'].pk}/confirmation",
            audience(403, anonymous=401, dora=OK, petra=OK),
        ),
    }


def project_url_names() -> set[str]:
    names: set[str] = set()

    def walk(patterns: list, namespace: str = "") -> None:
        for p in patterns:
            if isinstance(p, URLResolver):
                if p.namespace in ("admin",) or (p.app_name or "").startswith("allauth"):
                    continue
                walk(p.url_patterns, f"{namespace}{p.namespace}:" if p.namespace else namespace)
            elif isinstance(p, URLPattern) and p.name and not p.name.startswith("account_"):
                names.add(namespace + p.name)

    walk(get_resolver().url_patterns)
    return names - {"set_language", "api:api-root"}


def test_every_url_of_the_project_has_a_row(world):
    covered = set(table(world)) | set(api_table(world))
    assert sorted(project_url_names() - covered) == []


def accepted(method: str, status: int) -> bool:
    return status == 200 if method == "get" else status in (200, 302, 400)


@pytest.mark.parametrize("person", PEOPLE)
def test_each_person_gets_the_expected_status_on_every_page(client, world, person, request):
    if person != "anonymous":
        user = world["people"].get(person) or request.getfixturevalue(person)
        client.force_login(user)
    wrong = []
    for name, row in table(world).items():
        response = client.get(row.url) if row.method == "get" else client.post(row.url, row.data)
        expected = row.expected[person]
        if expected == OK:
            good = accepted(row.method, response.status_code)
        elif expected == 302 and person == "anonymous":
            good = response.status_code == 302 and "/accounts/login/" in response["Location"]
        else:
            good = response.status_code == expected
        if not good:
            wrong.append((name, expected, response.status_code))
    assert wrong == [], "\n".join(map(str, wrong))


@pytest.mark.parametrize("person", PEOPLE)
def test_each_person_gets_the_expected_status_on_every_api_endpoint(client, world, person):
    headers = {} if person == "anonymous" else {"HTTP_AUTHORIZATION": f"Bearer {world['tokens'][person]}"}
    wrong = []
    for name, row in api_table(world).items():
        if row.method == "get":
            response = client.get(row.url, **headers)
        else:
            response = getattr(client, row.method)(
                row.url, row.data, content_type="application/json", **headers
            )
        expected = row.expected[person]
        good = (
            accepted(row.method, response.status_code) if expected == OK else response.status_code == expected
        )
        if not good:
            wrong.append((name, expected, response.status_code))
    assert wrong == [], "\n".join(map(str, wrong))


def test_refused_requests_changed_nothing(client, world, request):
    """After every outsider tried every page, the applications and reviews are as they were."""
    for person in ("charlie", "xavier", "nora", "olga", "fred", "arne", "emma", "lena", "cora"):
        client.force_login(world["people"].get(person) or request.getfixturevalue(person))
        for row in table(world).values():
            if row.expected[person] != OK:
                client.get(row.url) if row.method == "get" else client.post(row.url, row.data)
    a = Application.objects.get(pk=world["a"].pk)
    assert a.status == wf.UNDER_REVIEW and a.attachments.count() == 1
    assert Review.objects.get(assignment=world["mine"]).status == Review.Status.DRAFT
    assert Conflict.objects.get(pk=world["suggested"].pk).state == Conflict.State.SUGGESTED
    assert Selection.objects.get(pk=world["selection"].pk).status == Selection.Status.PROPOSED
    booking = world["network"]["at_toulon"]
    assert type(booking).objects.get(pk=booking.pk).status == "requested"

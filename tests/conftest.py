"""Shared fixtures: a call with two challenges and named people, each commented with what they may see.

The database is real (SQLite or PostgreSQL through DATABASE_URL); nothing is mocked.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone, translation

from lodestar.accounts.actions import do_grant_roles
from lodestar.accounts.models import User
from lodestar.applications.actions import TeamMemberData, check_create_draft
from lodestar.core.models import EdtArea
from lodestar.core.roles import Role
from lodestar.organisations.actions import check_create_organisation
from lodestar.programmes.actions import do_create_call
from lodestar.programmes.models import Challenge, Programme

PASSWORD = "correct-horse-battery-staple"

DESCRIPTION = (
    "Forward operating bases still depend on diesel generators that are loud, easy to detect and hard to "
    "resupply. Our solid-state hydrogen storage modules store energy at low pressure, charge from solar "
    "panels during the day and power the camp at night with no thermal signature."
)


@pytest.fixture(autouse=True)
def _english_by_default():
    """A request under /fr/ leaves French active in the thread; each test starts in English."""
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def make_user(email: str, *roles: str, language: str = "en", name: str = "") -> User:
    user = User.objects.create_user(email=email, password=PASSWORD, full_name=name, language=language)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    do_grant_roles(user, *roles)
    return user


def make_organisation(owner: User, name: str, nation: str = "FR", kind: str = "startup", shareholders=()):
    return check_create_organisation(
        owner,
        fields={
            "legal_name": name,
            "headquarters_nation": nation,
            "kind": kind,
            "year_founded": 2019,
            "employees": 12,
            "website": "https://example.org",
            "description": "A deep-tech company.",
        },
        areas=EdtArea.objects.filter(code="energy"),
        shareholders=shareholders,
    )


@pytest.fixture
def call(db):
    now = timezone.now()
    programme = Programme.objects.create(
        slug="dia", name_en="Defence Innovation Accelerator", name_fr="Accélérateur d'innovation de défense"
    )
    call = do_create_call(
        None,
        programme=programme,
        slug="call-2026",
        title_en="2026 challenge call",
        title_fr="Appel à défis 2026",
        description_en="Five challenges.",
        description_fr="Cinq défis.",
        opens_at=now - timedelta(days=20),
        closes_at=now + timedelta(days=10),
        max_grant=Decimal(100_000),
    )
    for position, (slug, en, fr) in enumerate(
        [
            ("energy", "Energy and power", "Énergie et puissance"),
            ("sensing", "Sensing and surveillance", "Détection et surveillance"),
        ],
        start=1,
    ):
        Challenge.objects.create(
            call=call,
            slug=slug,
            position=position,
            title_en=en,
            title_fr=fr,
            summary_en=f"{en} summary",
            summary_fr=f"Résumé {fr}",
            description_en=f"{en} description",
            description_fr=f"Description {fr}",
        )
    return call


@pytest.fixture
def energy(call):
    return call.challenges.get(slug="energy")


@pytest.fixture
def sensing(call):
    return call.challenges.get(slug="sensing")


@pytest.fixture
def alice(db):
    """Alice founded Aurora Énergie (France): she sees and edits her company's applications."""
    return make_user("alice@aurora.example", Role.APPLICANT, language="fr", name="Alice Martin")


@pytest.fixture
def aurora(alice):
    return make_organisation(alice, "Aurora Énergie SAS", "FR")


@pytest.fixture
def bob(aurora):
    """Bob is on Alice's team at Aurora: he sees and edits Aurora's applications too."""
    from lodestar.organisations.actions import do_add_member

    bob = make_user("bob@aurora.example", Role.APPLICANT, name="Bob Durand")
    do_add_member(aurora, bob, bob)
    return bob


@pytest.fixture
def charlie(db):
    """Charlie runs Borealis Sensing (Norway): he must never reach Aurora's applications or files."""
    return make_user("charlie@borealis.example", Role.APPLICANT, name="Charlie Hansen")


@pytest.fixture
def borealis(charlie):
    return make_organisation(charlie, "Borealis Sensing AS", "NO")


@pytest.fixture
def stella(db):
    """Stella is programme staff: she sees every application of every call and screens them."""
    return make_user("stella@lodestar.example", Role.PROGRAMME_STAFF, name="Stella Staff")


@pytest.fixture
def dora(db):
    """Dora is the programme director: she sees everything staff see."""
    return make_user("dora@lodestar.example", Role.PROGRAMME_DIRECTOR, name="Dora Director")


@pytest.fixture
def erin(db):
    """Erin is an expert with nothing assigned: she sees no application at all."""
    return make_user("erin@lodestar.example", Role.EXPERT, name="Erin Expert")


@pytest.fixture
def fred(db):
    """Fred is on the fund team: programme applications are not his to see."""
    return make_user("fred@lodestar.example", Role.FUND_TEAM, name="Fred Fund")


@pytest.fixture
def arne(db):
    """Arne is accelerator staff: the first half's staff pages are not his (his role opens nothing yet)."""
    return make_user("arne@lodestar.example", Role.ACCELERATOR_STAFF, name="Arne Accelerator")


@pytest.fixture
def emma(db):
    """Emma is an engagement officer: she reaches none of the first half's staff pages either."""
    return make_user("emma@lodestar.example", Role.ENGAGEMENT_OFFICER, name="Emma Engagement")


@pytest.fixture
def other_programme(db):
    return Programme.objects.create(slug="nif", name_en="Innovation Fund", name_fr="Fonds d'innovation")


@pytest.fixture
def olga(other_programme):
    """Olga is programme staff for another programme only: she works in the staff pages, but the call
    of this programme and its applications do not exist for her (404)."""
    user = make_user("olga@lodestar.example", name="Olga Other")
    do_grant_roles(user, Role.PROGRAMME_STAFF, scope=other_programme.role_scope)
    return user


@pytest.fixture
def petra(call):
    """Petra directs this call's programme only: on its pages she may do all that Dora may."""
    user = make_user("petra@lodestar.example", name="Petra Programme")
    do_grant_roles(user, Role.PROGRAMME_DIRECTOR, scope=call.programme.role_scope)
    return user


def complete_draft(actor, organisation, challenge, **overrides):
    fields = {
        "title": "Solid-state hydrogen storage for forward bases",
        "summary": "Silent, low-pressure hydrogen storage that powers camps at night.",
        "description": DESCRIPTION,
        "trl": 5,
        "requested_amount": Decimal(100_000),
        **overrides,
    }
    return check_create_draft(
        actor,
        organisation,
        challenge,
        fields,
        team=[TeamMemberData(name="Alice Martin", role="CEO", nation="FR")],
    )


@pytest.fixture
def aurora_draft(alice, aurora, energy):
    return complete_draft(alice, aurora, energy)


@pytest.fixture
def rita(db):
    """Rita is an analyst: she curates the technology radar and sees nothing of the programmes."""
    return make_user("rita@lodestar.example", Role.ANALYST, name="Rita Radar")


# --- The fund (tests/test_fund.py, the permission matrix) -------------------------------------


@pytest.fixture
def fund(db):
    """A fund with three partner nations, committing 300, 200 and 100 million."""
    from lodestar.fund.models import Fund, LimitedPartner

    fund = Fund.objects.create(
        name="Deep-tech fund", size=Decimal("1000000000.00"), first_close=date(2023, 8, 1)
    )
    for nation, language, commitment in (("DE", "en", "300"), ("PL", "en", "200"), ("BE", "fr", "100")):
        LimitedPartner.objects.create(
            fund=fund,
            nation=nation,
            language=language,
            name=f"Republic {nation}",
            commitment=Decimal(commitment) * 1_000_000,
        )
    return fund


@pytest.fixture
def lena(db):
    """Lena represents Germany, a limited partner: she reads Germany's notices and nothing else."""
    from lodestar.accounts.actions import do_grant_roles
    from lodestar.core.roles import Scope, ScopeKind

    user = make_user("lena@bund.example", name="Lena Partner")
    do_grant_roles(user, Role.LIMITED_PARTNER, scope=Scope.of(ScopeKind.NATION, "DE"))
    return user


@pytest.fixture
def bruno(db):
    """Bruno represents Belgium (reads French): his notices are in French."""
    from lodestar.accounts.actions import do_grant_roles
    from lodestar.core.roles import Scope, ScopeKind

    user = make_user("bruno@belgium.example", language="fr", name="Bruno Partenaire")
    do_grant_roles(user, Role.LIMITED_PARTNER, scope=Scope.of(ScopeKind.NATION, "BE"))
    return user


@pytest.fixture
def cora(db):
    """Cora sits on the fund's investment committee: she reads and votes on the meetings she sits at."""
    return make_user("cora@committee.example", Role.COMMITTEE_MEMBER, name="Cora Committee")

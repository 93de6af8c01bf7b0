"""The demo's logins: one or more per role, some in French, some held for one nation or programme.
`lodestar demo-data` creates them and prints them; `lodestar demo-data --reset` deletes them."""

from __future__ import annotations

from dataclasses import dataclass

from lodestar.core.roles import Role, Scope, ScopeKind


@dataclass(frozen=True)
class DemoLogin:
    email: str
    role: str
    name: str
    language: str = "en"
    superuser: bool = False
    scope: Scope | None = None  # held for one thing (a partner's nation), else globally


DEMO_LOGINS = (
    DemoLogin("applicant@lodestar.example", Role.APPLICANT, "Oliver Bennett"),
    DemoLogin("candidat@lodestar.example", Role.APPLICANT, "Geneviève Lavoie", language="fr"),
    DemoLogin("expert@lodestar.example", Role.EXPERT, "Ingrid Solberg"),
    DemoLogin("staff@lodestar.example", Role.PROGRAMME_STAFF, "Elena Kowalska"),
    DemoLogin("director@lodestar.example", Role.PROGRAMME_DIRECTOR, "Marco Bianchi"),
    DemoLogin("accelerator@lodestar.example", Role.ACCELERATOR_STAFF, "Tom Peeters"),
    DemoLogin("fund@lodestar.example", Role.FUND_TEAM, "Sarah Mitchell"),
    DemoLogin("engagement@lodestar.example", Role.ENGAGEMENT_OFFICER, "Camille Girard", language="fr"),
    DemoLogin("finance@lodestar.example", Role.FINANCE, "Lena Vogel"),
    DemoLogin("admin@lodestar.example", Role.ADMINISTRATOR, "Jonas Weber", superuser=True),
    DemoLogin("analyst@lodestar.example", Role.ANALYST, "Astrid Lindqvist"),
    DemoLogin("committee@lodestar.example", Role.COMMITTEE_MEMBER, "Anders Holm"),
    DemoLogin(
        "partner.de@lodestar.example",
        Role.LIMITED_PARTNER,
        "Katrin Vogel",
        scope=Scope(ScopeKind.NATION, "DE"),
    ),
    DemoLogin("operator@lodestar.example", Role.CENTRE_OPERATOR, "Léa Dubois", language="fr"),
    # The nations' end users: they browse the cohort, express interest and run pilots towards a contract.
    DemoLogin(
        "utilisateur.fr@lodestar.example",
        Role.END_USER,
        "Claire Fontaine",
        language="fr",
        scope=Scope(ScopeKind.NATION, "FR"),
    ),
    DemoLogin(
        "enduser.de@lodestar.example", Role.END_USER, "Jan Becker", scope=Scope(ScopeKind.NATION, "DE")
    ),
    # Partner science grants (demo/partnerships.py): two co-directors and France's seat on the committee.
    DemoLogin("codirector@lodestar.example", Role.APPLICANT, "Anna Kowalczyk"),
    DemoLogin("codirectrice@lodestar.example", Role.APPLICANT, "Claire Martin", language="fr"),
    DemoLogin(
        "committee.fr@lodestar.example",
        Role.COMMITTEE_MEMBER,
        "Isabelle Fontaine",
        language="fr",
        scope=Scope(ScopeKind.NATION, "FR"),
    ),
)

from __future__ import annotations

from django.contrib.auth.models import Group

from lodestar.accounts.models import User
from lodestar.accounts.roles import Role


def do_grant_roles(user: User, *roles: str) -> None:
    for code in roles:
        group, _created = Group.objects.get_or_create(name=Role(code).value)
        user.groups.add(group)
    user.__dict__.pop("roles", None)


def do_revoke_role(user: User, role: str) -> None:
    user.groups.remove(*Group.objects.filter(name=role))
    user.__dict__.pop("roles", None)

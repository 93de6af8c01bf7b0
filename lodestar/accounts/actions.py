from __future__ import annotations

import hashlib
import secrets

from django.contrib.auth.models import Group
from django.utils import timezone

from lodestar.accounts.models import ApiToken, User
from lodestar.core.roles import Role


def do_grant_roles(user: User, *roles: str) -> None:
    for code in roles:
        group, _created = Group.objects.get_or_create(name=Role(code).value)
        user.groups.add(group)
    user.__dict__.pop("roles", None)


def do_revoke_role(user: User, role: str) -> None:
    user.groups.remove(*Group.objects.filter(name=role))
    user.__dict__.pop("roles", None)


def do_create_api_token(user: User, name: str) -> tuple[ApiToken, str]:
    """Create a token and return it with its key, which is never stored and cannot be shown again."""
    key = "lsk_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name[:100], prefix=key[:12], key_hash=hash_key(key))
    return token, key


def do_revoke_api_token(token: ApiToken) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def user_for_api_key(key: str) -> User | None:
    token = (
        ApiToken.objects.filter(key_hash=hash_key(key), revoked_at__isnull=True, user__is_active=True)
        .select_related("user")
        .first()
    )
    if token is None:
        return None
    # Written at most once a minute: a busy client must not turn every read into a write.
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user

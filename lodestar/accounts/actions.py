from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from typing import Any, cast

from django.utils import timezone
from django.utils.functional import LazyObject, empty
from django.utils.translation import gettext_lazy

from lodestar.accounts.models import ApiToken, RoleGrant, User
from lodestar.core.roles import Role, Scope
from lodestar.core.workflow import ACTION_LABELS, record, record_many

ACTION_LABELS.update(
    {
        "accounts:role_granted": gettext_lazy("Role granted"),
        "accounts:role_revoked": gettext_lazy("Role revoked"),
    }
)


def _instance(user: Any) -> User:
    """The model instance behind `request.user`, a lazy proxy: the grants cached on the instance must
    be cleared there, and the audit trail records the instance's model, not the proxy's class."""
    if isinstance(user, LazyObject):
        proxy: Any = user  # the stubs do not declare the proxy's internals
        if proxy._wrapped is empty:
            proxy._setup()
        return cast(User, proxy._wrapped)
    return user


def _describe(role: str, scope: Scope | None) -> str:
    return f"{role} ({scope.kind} {scope.key})" if scope else role


def do_grant_roles(user: User, *roles: str, scope: Scope | None = None, actor: Any = None) -> None:
    """Give `user` each of `roles`, globally or for `scope`; a role already held there stays as it
    is. Each new grant is recorded in the user's history."""
    user = _instance(user)
    kind, key = (scope.kind, scope.key) if scope else ("", "")
    for code in roles:
        _grant, created = RoleGrant.objects.get_or_create(
            user=user, role=Role(code).value, scope_kind=kind, scope_key=key
        )
        if created:
            record(user, action="accounts:role_granted", actor=actor, note=_describe(code, scope))
    user.__dict__.pop("grants_held", None)


def do_grant_role_many(
    users: Sequence[User], role: str, scope: Scope | None = None, actor: Any = None
) -> None:
    """`do_grant_roles` of one role to many users at once (an import's hundreds of experts): the same
    grants and the same events in the users' histories, with three queries whatever their number.
    Call it inside a transaction when the users may gain the role elsewhere at the same moment (a
    grant made in between makes the insert fail, and the whole batch with it)."""
    people = list({u.pk: u for u in (_instance(user) for user in users)}.values())
    kind, key = (scope.kind, scope.key) if scope else ("", "")
    code = Role(role).value
    held = set(
        RoleGrant.objects.filter(
            user__in=[u.pk for u in people], role=code, scope_kind=kind, scope_key=key
        ).values_list("user_id", flat=True)
    )
    new = [u for u in people if u.pk not in held]
    RoleGrant.objects.bulk_create(
        (RoleGrant(user=u, role=code, scope_kind=kind, scope_key=key) for u in new), batch_size=1000
    )
    record_many(new, action="accounts:role_granted", actors=[actor] * len(new), note=_describe(role, scope))
    for user in people:
        user.__dict__.pop("grants_held", None)


def do_revoke_role(user: User, role: str, scope: Scope | None = None, actor: Any = None) -> None:
    """Take `role` held globally or for `scope` away from `user`; the revocation is recorded."""
    user = _instance(user)
    kind, key = (scope.kind, scope.key) if scope else ("", "")
    deleted, _rows = RoleGrant.objects.filter(user=user, role=role, scope_kind=kind, scope_key=key).delete()
    if deleted:
        record(user, action="accounts:role_revoked", actor=actor, note=_describe(role, scope))
    user.__dict__.pop("grants_held", None)


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

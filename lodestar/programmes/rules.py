"""The rules each stage applies to a call (conflicts, assignment, review, selection): one row per call
and stage, each model kept by the app of its stage, each a OneToOne to `Call`.

A row exists only once someone changed that stage's rules; until then the stage runs on the
defaults its model declares. So pages read with `saved_or_default`, which never writes, and only
the actions that change rules write, through `for_change`.

Why rows are not created with the call: this app sits below the apps that own the rules, so it
would need a signal or an upward import to create them; and calls made before a stage's rules
existed, or by the admin, fixtures and imports, would lack rows all the same, so readers need the
default path anyway.
"""

from __future__ import annotations

from typing import TypeVar

from django.db import models

from lodestar.programmes.models import Call

R = TypeVar("R", bound=models.Model)


def saved_or_default(model: type[R], call: Call) -> R:
    """The call's saved rules of `model`, or an unsaved instance with the defaults. Never writes."""
    return model._default_manager.filter(call=call).first() or model(call=call)


def for_change(model: type[R], call: Call) -> R:
    """The call's rules of `model`, locked until the caller's transaction ends, created with the
    defaults the first time. Call inside `transaction.atomic()`: two staff saving at once then
    change one row in turn (a concurrent first creation is resolved by `get_or_create`)."""
    rules, _created = model._default_manager.select_for_update().get_or_create(call=call)
    return rules

"""When a centre is open: its weekdays, its nation's public holidays and its blackout periods.

National holidays come from the `holidays` library (pinned in pyproject.toml) rather than tables of
our own: 28 nations' movable feasts (Easter Monday, Whit Monday, Orthodox Easter in Greece, North
Macedonia and Montenegro...) are kept up to date by its maintainers, year by year.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

import holidays
from django.utils.translation import gettext as _

from lodestar.core.i18n import current_language


@lru_cache(maxsize=512)
def national_holidays(nation: str, year: int, language: str = "en") -> dict[date, str]:
    """The public holidays of `nation` in `year`, named in `language` where the library has that
    translation for the nation (French names for France, Belgium, Canada...), else in English."""
    try:
        return dict(holidays.country_holidays(nation, years=year, language=language))
    except NotImplementedError:  # a nation the library does not know: no holidays, not an error
        return {}


def days_between(starts_on: date, ends_on: date) -> list[date]:
    return [starts_on + timedelta(days=n) for n in range((ends_on - starts_on).days + 1)]


def closed_reason(centre: Any, day: date, blackouts: Iterable[Any]) -> str | None:
    """Why `centre` takes no booking on `day`, or None when it is open."""
    if not centre.is_open_weekday(day):
        return _("closed on this weekday")
    if centre.observes_holidays:
        holiday = national_holidays(centre.nation, day.year, current_language()).get(day)
        if holiday:
            return _("national holiday: %(name)s") % {"name": holiday}
    for blackout in blackouts:
        if blackout.starts_on <= day <= blackout.ends_on:
            return _("blackout: %(reason)s") % {"reason": blackout.reason or _("no bookings")}
    return None


def open_days(
    centre: Any, starts_on: date, ends_on: date, blackouts: Iterable[Any] | None = None
) -> list[date]:
    """The days between `starts_on` and `ends_on` (both included) on which `centre` takes bookings."""
    if blackouts is None:
        blackouts = list(centre.blackouts.filter(ends_on__gte=starts_on, starts_on__lte=ends_on))
    periods = list(blackouts)
    return [day for day in days_between(starts_on, ends_on) if closed_reason(centre, day, periods) is None]


@lru_cache(maxsize=256)
def _regular_open_days(
    nation: str, weekdays: str, observes_holidays: bool, starts_on: date, ends_on: date
) -> frozenset[date]:
    closed: set[date] = set()
    if observes_holidays:
        for year in range(starts_on.year, ends_on.year + 1):
            closed |= set(national_holidays(nation, year))
    return frozenset(
        d for d in days_between(starts_on, ends_on) if str(d.weekday()) in weekdays and d not in closed
    )


def count_open_days(centre: Any, starts_on: date, ends_on: date, blackouts: Iterable[Any]) -> int:
    """How many days between the two dates `centre` is open: the same days as `open_days`, counted
    for many centres at once (centres of one nation with the same weekdays share the work)."""
    regular = _regular_open_days(
        centre.nation, centre.open_weekdays, centre.observes_holidays, starts_on, ends_on
    )
    shut = {d for b in blackouts for d in days_between(max(b.starts_on, starts_on), min(b.ends_on, ends_on))}
    return len(regular - shut)

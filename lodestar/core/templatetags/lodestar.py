from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from lodestar.core import job_text
from lodestar.core.i18n import current_language
from lodestar.core.models import AuditEvent, Job
from lodestar.core.money import format_money
from lodestar.core.nations import nation_name as _nation_name
from lodestar.core.panels import Panel
from lodestar.core.workflow import describe_event, describe_note

register = template.Library()


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.filter
def nation_name(code: str) -> str:
    return _nation_name(code)


@register.filter
def colon(label: str) -> str:
    """A label followed by a colon, with French typography (a non-breaking space before it)."""
    return f"{label}\u00a0:" if current_language() == "fr" else f"{label}:"


@register.filter
def event_label(event: AuditEvent) -> str:
    """What an audit event means, in the active language. A filter rather than a property of the
    model: the labels live with the workflows (core/workflow.py), which import the model."""
    return describe_event(event)


@register.filter
def job_title(job: Job) -> str:
    """A job's title in the active language (core/job_text.py)."""
    return job_text.job_title(job)


@register.filter
def job_outcome(job: Job) -> str:
    """What a finished job came to, in the active language ("" while it runs)."""
    return job_text.job_outcome(job)


@register.filter
def event_note(event: AuditEvent) -> str:
    """The note of an event for staff, who read every note, in the active language."""
    return describe_note(event)


@register.filter
def shared_note(event: AuditEvent) -> str:
    """The note of an event for an applicant: shared notes only (an internal note is "")."""
    return describe_note(event, shared_only=True)


@register.simple_tag(takes_context=True)
def render_panel(context: template.Context, panel: Panel) -> str:
    """Render a registered panel (core/panels.py) inside the page's context, its own context on top."""
    assert context.template is not None  # a tag always renders inside a template
    panel_template = context.template.engine.get_template(panel.template)
    with context.push(panel.context):
        return panel_template.render(context)


@register.simple_tag(takes_context=True)
def page_query(context: dict[str, Any], number: int) -> str:
    """The current query string with `page` set to `number`: the pager keeps the list's filters."""
    query = context["request"].GET.copy()
    query["page"] = number
    return str(query.urlencode())


@register.filter
def money(amount: Any, currency: str = "EUR") -> str:
    """A sum in the reader's language: `{{ award.amount|money:award.currency }}` gives "€100,000" in
    English and "100 000 €" in French."""
    return format_money(amount, currency)


# The main navigation's HTML for each (language, script prefix, menus) met by this process: at most
# 2 languages x 2^7 menu combinations. It holds links and labels only, no data, so it never goes stale
# while the process lives (a new translation or URL means a new process).
_NAV: dict[tuple[Any, ...], str] = {}
_NAV_FLAGS = ("runs_cohorts", "is_end_user", "is_programme_team", "is_expert", "is_radar_reader")


@register.simple_tag(takes_context=True)
def main_nav(context: template.Context) -> str:
    """base.html's main navigation, rendered once per process for each language and set of menus
    (about 0.5 ms of every page otherwise: two dozen URL reversals and translations)."""
    user = context.get("user")
    signed_in = bool(user is not None and user.is_authenticated)
    flags = {
        "signed_in": signed_in,
        "is_staff": signed_in and bool(getattr(user, "is_staff", False)),
        **{name: signed_in and bool(context.get(name)) for name in _NAV_FLAGS},
    }
    key = (get_language(), get_script_prefix(), *flags.values())
    html = _NAV.get(key)
    if html is None:
        html = render_to_string("core/_nav.html", flags)
        if not settings.DEBUG:  # in development a template edit shows at once
            _NAV[key] = html
    return mark_safe(html)  # noqa: S308 - rendered by the template engine, which escaped it

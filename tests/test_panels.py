"""Panels (core/panels.py): how a higher app shows its part on a lower app's page without the lower
app importing it, so that the layers of pyproject.toml hold."""

from types import SimpleNamespace

from django.template import engines
from django.test import RequestFactory

from lodestar.applications.panels import staff_application
from lodestar.core.panels import Panel, PanelSlot
from lodestar.experts.panels import staff_expert
from lodestar.programmes.panels import challenge_actions


def test_panels_come_in_their_order_and_a_panel_without_context_is_hidden():
    slot = PanelSlot[str]("a test page")
    slot.register("b.second", "b.html", lambda request, obj: {"n": 2}, order=20)
    slot.register("a.hidden", "a.html", lambda request, obj: None, order=5)
    slot.register("c.first", "c.html", lambda request, obj: {"n": obj}, order=10)
    request = RequestFactory().get("/")
    assert slot.panels(request, "x") == [
        Panel("c.first", "c.html", {"n": "x"}),
        Panel("b.second", "b.html", {"n": 2}),
    ]


def test_registering_the_same_name_again_replaces_the_panel():
    # AppConfig.ready() may run more than once (the test runner, a reloaded worker).
    slot = PanelSlot[str]("a test page")
    slot.register("a.one", "old.html", lambda request, obj: {})
    slot.register("a.one", "new.html", lambda request, obj: {})
    assert [p.template for p in slot.panels(RequestFactory().get("/"), "x")] == ["new.html"]


def test_a_panel_renders_inside_the_page_with_its_own_context_on_top():
    page = engines["django"].from_string(
        "{% load lodestar %}{% for panel in panels %}{% render_panel panel %}{% endfor %}"
    )
    # The page gives the call and the challenge; the panel adds the user's own applications.
    call = SimpleNamespace(is_open=False, has_closed=True)
    panel = Panel("applications.apply", "applications/_apply.html", {"my_applications": {}})
    html = page.render({"panels": [panel], "call": call, "challenge": SimpleNamespace(pk=1)})
    assert "This call is closed." in html


def test_the_higher_apps_register_their_panels_when_django_starts():
    registered = {
        slot.description: sorted(slot._registrations)
        for slot in (staff_application, staff_expert, challenge_actions)
    }
    assert registered == {
        "the staff page of an application": ["applications.letters", "matching.insights", "reviews.reviews"],
        "the staff page of an expert": ["reviews.conflicts"],
        "the actions under each challenge of a call": ["applications.apply"],
    }

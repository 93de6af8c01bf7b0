"""The technology radar in a real browser, in French: an analyst uploads a French press release, sees
its signals with their evidence, puts a blip on a draft edition from a signal, reads it on the
interactive chart (drawn by the vendored d3-selection under a strict Content-Security-Policy), and
publishes the edition. The chart still fits a 390-pixel-wide screen."""

from __future__ import annotations

import re

import pytest

from lodestar.core.roles import Role
from lodestar.radar.models import Blip, Document, Edition
from tests.conftest import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

RELEASE = (
    "Essaims de drones : l'Otan teste ses drones autonomes en mer Baltique\n"
    "Ce mardi (20 février 2024), l'Alliance a présenté à Tallinn ses drones autonomes, ses drones de surface "
    "et ses robots sous-marins, conçus par Kerwave, une PME bretonne, et par Naval Group.\n"
    "Le ministère des Armées consacrera 1 milliard d'euros aux essaims de drones d'ici 2030, a déclaré "
    "Florence Parly. Le Japon et les pays baltes suivent de près ces essais de drones autonomes.\n"
)


def test_an_analyst_reads_a_french_release_and_publishes_a_blip_drawn_from_its_signal(
    page, live_server, tmp_path
):
    base = live_server.url
    make_user("rita@lodestar.example", Role.ANALYST, language="fr", name="Rita Radar")
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda e: refused.append(str(e)))

    page.goto(f"{base}/fr/accounts/login/")
    page.fill("input[name=login]", "rita@lodestar.example")
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()

    # Upload the French press release.
    release = tmp_path / "communique.txt"
    release.write_text(RELEASE, encoding="utf-8")
    page.goto(f"{base}/fr/radar/documents/")
    page.set_input_files("input[name=documents]", str(release))
    page.get_by_role("button", name="Lire les fichiers").click()
    page.wait_for_url(re.compile(r"/fr/radar/documents/"))
    page.get_by_role("link", name=re.compile("Essaims de drones")).click()

    # Its signals, each with the words that show it.
    page.wait_for_url(re.compile(r"/fr/radar/documents/\d+/"))
    content = page.content()
    assert "20 février 2024" in content or "2024" in content
    assert "Japon" in content and "Florence Parly" in content and "1000000000 EUR" in content
    assert "drones autonomes" in content  # the evidence sentence of the autonomy area
    document = Document.objects.get()
    assert document.language == "fr"

    # A draft edition, then a blip drawn from the autonomy signal.
    page.goto(f"{base}/fr/radar/editions/")
    page.fill("input[name=name]", "Radar 2026 · S1")
    page.get_by_role("button", name="Commencer une nouvelle édition").click()
    page.wait_for_url(re.compile(r"/fr/radar/editions/\d+/"))
    page.goto(f"{base}/fr/radar/signals/area/autonomy/")
    page.fill("input[name=name]", "Essaims de drones en mer")
    page.select_option("select[name=ring]", "trial")
    page.fill("textarea[name=rationale]", "Essais de l'Alliance en Baltique ; financement national annoncé.")
    page.get_by_role("button", name="Ajouter le point").click()
    page.wait_for_url(re.compile(r"/fr/radar/editions/\d+/"))
    blip = Blip.objects.get()
    assert blip.area == "autonomy" and blip.ring == "trial" and list(blip.documents.all()) == [document]

    # The interactive chart: the blip is a button; choosing it shows why and the evidence.
    chart_blip = page.locator("svg.radar-interactive g.radar-blip")
    assert chart_blip.count() == 1
    assert page.locator("svg.radar-static").count() == 0  # the script replaced the server's drawing
    chart_blip.click()
    detail = page.locator(".radar-detail")
    assert "Essaims de drones en mer" in detail.inner_text()
    assert "financement national" in detail.inner_text()
    assert detail.get_by_role("link", name=re.compile("Essaims de drones")).count() == 1
    page.get_by_role("button", name="Essayer", exact=True).click()  # hide the trial ring
    assert page.locator("svg.radar-interactive g.radar-blip[hidden]").count() == 1
    assert "Aucun point" in page.locator(".radar-empty").inner_text()
    page.get_by_role("button", name="Essayer", exact=True).click()
    chart_blip.focus()
    page.keyboard.press("Enter")
    assert "Essaims de drones en mer" in detail.inner_text()

    # On a phone: nothing wider than the screen but the table, which scrolls in its own box.
    page.set_viewport_size({"width": 390, "height": 800})
    assert (
        page.evaluate("document.querySelector('svg.radar-interactive').getBoundingClientRect().width") <= 390
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    # Publish.
    page.get_by_role("button", name="Publier cette édition").click()
    page.wait_for_load_state()
    assert Edition.objects.get().status == "published"
    assert "Publiée" in page.content()
    assert refused == []  # no script refused by the Content-Security-Policy, no script error

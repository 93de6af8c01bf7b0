"""Browser tests: Playwright driving Debian's Chromium against a live server.

Without /usr/bin/chromium they are skipped, unless LODESTAR_REQUIRE_BROWSER is set (CI sets it),
in which case they fail: CI must never pass with the browser tests silently skipped.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("LODESTAR_CHROMIUM", "/usr/bin/chromium"))

# Playwright's sync API runs an event loop in the test thread; the ORM calls made by the test
# itself (fixtures, assertions) are plain synchronous code, so Django's async guard is lifted here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("LODESTAR_REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} is missing but LODESTAR_REQUIRE_BROWSER is set")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture(autouse=True)
def _reference_data(transactional_db):
    """Transactional tests end with a flush that also empties the data migrations' rows (the EDT
    areas); serialized rollback does not always bring them back when other tests ran before, so
    each browser test loads them again, as the migration does."""
    from importlib import import_module

    from django.apps import apps

    import_module("lodestar.core.migrations.0002_edt_areas").load(apps, None)

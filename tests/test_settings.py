"""The settings module runs with nothing set, and production mode is safe or refuses to start."""

import os
import subprocess
import sys

import pytest

GOOD_KEY = "k" * 20 + "-a-long-random-production-secret-0123456789"


def lodestar(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "LODESTAR_MODE", "DEBUG", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    return subprocess.run(
        [sys.executable, "-m", "lodestar", *args],
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_development_mode_needs_no_environment():
    result = lodestar("check")
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_mode_refuses_the_development_secret_key():
    result = lodestar("check", LODESTAR_MODE="production", ALLOWED_HOSTS="lodestar.example")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.parametrize("key", ["short-key"])
def test_production_mode_refuses_a_short_secret_key(key):
    result = lodestar("check", LODESTAR_MODE="production", SECRET_KEY=key, ALLOWED_HOSTS="lodestar.example")
    assert result.returncode != 0


def test_check_deploy_passes_in_production_mode_with_a_real_key():
    result = lodestar(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        LODESTAR_MODE="production",
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="lodestar.example",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_database_comes_from_database_url():
    code = "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])"
    result = subprocess.run(
        [sys.executable, "-c", f"import django, os; django.setup(); {code}"],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "lodestar.settings",
            "DATABASE_URL": "postgres://u:p@db.example:5432/lodestar",
        },
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "django.db.backends.postgresql"


def test_every_asset_the_base_template_links_is_found_by_the_static_finders():
    from django.contrib.staticfiles import finders

    for asset in ("lodestar/lodestar.css", "lodestar/favicon.svg", "vendor/htmx-2.0.11.min.js"):
        assert finders.find(asset), asset

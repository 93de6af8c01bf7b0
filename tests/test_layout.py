"""The house keeps its shape (issue 8): modules small enough to read in one sitting, and every app with
the same rooms, so that the second half copies a good example."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "lodestar"
MAX_LINES = 600


def test_no_module_is_over_600_lines():
    long = {
        str(path.relative_to(PACKAGE)): n
        for path in PACKAGE.rglob("*.py")
        if "migrations" not in path.parts
        and (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}, "split these by meaning"


def test_every_app_with_models_has_actions_views_urls_and_admin():
    apps = [p.parent for p in PACKAGE.glob("*/models.py")] + [
        p.parent.parent for p in PACKAGE.glob("*/models/__init__.py")
    ]
    missing = {
        app.name: sorted(room for room in ("actions", "views", "urls", "admin") if not _has_room(app, room))
        for app in apps
        if app.name not in {"core"}  # the ground floor holds machinery, not a domain
    }
    assert {app: rooms for app, rooms in missing.items() if rooms} == {}


def _has_room(app: Path, room: str) -> bool:
    return (app / f"{room}.py").exists() or (app / room / "__init__.py").exists()

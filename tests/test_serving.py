"""Production serving: PostgreSQL connections are bounded by psycopg's pool (sized to gunicorn's
threads), the gunicorn configuration is valid, and `lodestar check --deploy` stays clean."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PRINT_DATABASE = (
    "import json, django; from django.conf import settings; django.setup(); "
    "d = settings.DATABASES['default']; print(json.dumps({'options': d.get('OPTIONS', {}), "
    "'conn_max_age': d['CONN_MAX_AGE']}, default=str))"
)


def database_settings(**env: str) -> dict:
    base = {k: v for k, v in os.environ.items() if not k.startswith("DATABASE")}
    result = subprocess.run(
        [sys.executable, "-c", PRINT_DATABASE],
        env={**base, "DJANGO_SETTINGS_MODULE": "lodestar.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout)


def test_postgresql_connections_go_through_a_bounded_pool():
    found = database_settings(DATABASE_URL="postgres://u@127.0.0.1:5432/x", DATABASE_POOL_MAX_SIZE="6")
    assert found["options"]["pool"] == {"min_size": 1, "max_size": 6, "timeout": 10.0}
    assert found["conn_max_age"] == 0  # the pool keeps connections; Django must not keep its own


def test_the_pool_can_be_switched_off_for_an_external_pooler():
    found = database_settings(DATABASE_URL="postgres://u@127.0.0.1:5432/x", DATABASE_POOL="0")
    assert "pool" not in found["options"]


def test_sqlite_has_no_pool():
    assert "pool" not in database_settings()["options"]


def test_sqlite_keeps_its_connection_between_requests():
    """Opening a SQLite connection costs Django about 2 ms of CPU, as much as a public page from the
    cache (bench/load.py --cost): a process keeps its connection 60 s unless told otherwise."""
    assert database_settings()["conn_max_age"] == 60
    assert database_settings(DATABASE_CONN_MAX_AGE="0")["conn_max_age"] == 0


def _gunicorn_settings(**env: str) -> dict:
    """The names gunicorn.conf.py defines with `env` set, and the pool size it leaves for settings.py."""
    saved = {k: os.environ.get(k) for k in ("GUNICORN_THREADS", "WEB_CONCURRENCY", "DATABASE_POOL_MAX_SIZE")}
    namespace: dict = {}
    try:
        for key in saved:
            os.environ.pop(key, None)
        os.environ.update(env)
        exec(compile((ROOT / "gunicorn.conf.py").read_text(), "gunicorn.conf.py", "exec"), namespace)  # noqa: S102
        namespace["pool_max_size"] = os.environ["DATABASE_POOL_MAX_SIZE"]
    finally:
        for key, value in saved.items():
            os.environ.pop(key, None)
            if value is not None:
                os.environ[key] = value
    return namespace


def test_the_gunicorn_configuration_is_valid_and_sizes_the_pool_to_its_threads():
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_POOL_MAX_SIZE"}
    for threads in ("1", "3"):
        result = subprocess.run(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "-c",
                "gunicorn.conf.py",
                "--check-config",
                "lodestar.wsgi:application",
            ],
            cwd=ROOT,
            env={**env, "GUNICORN_THREADS": threads},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
    threaded = _gunicorn_settings(GUNICORN_THREADS="3")
    assert threaded["worker_class"] == "gthread" and threaded["threads"] == 3
    assert threaded["pool_max_size"] == "3"


def test_by_default_gunicorn_runs_one_single_threaded_process_per_core():
    """Requests are CPU-bound Python: processes that take a connection only when free (sync workers)
    spread the load over every core; a threaded process keeps every keep-alive connection it accepts,
    and more processes than cores only take turns on them (BENCHMARKS.md, "Load"). One database
    connection per process."""
    default = _gunicorn_settings()
    assert default["worker_class"] == "sync" and default["threads"] == 1
    assert default["workers"] == multiprocessing.cpu_count()
    assert default["pool_max_size"] == "1"
    assert _gunicorn_settings(WEB_CONCURRENCY="3")["workers"] == 3

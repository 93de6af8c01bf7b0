"""gunicorn's settings for Lodestar's web processes (`make serve-prod`; README, "Deploying").

Threaded workers: a request mostly waits on PostgreSQL, so each process runs several threads and
holds a pool of as many connections (settings.py, DATABASE_POOL_MAX_SIZE = threads). Connections to
the database are therefore bounded by WEB_CONCURRENCY x GUNICORN_THREADS per machine, whatever the
number of clients: the 51st client waits in gunicorn's backlog instead of opening a connection.
Every value can be set from the environment.
"""

import multiprocessing
import os

bind = os.environ.get("LODESTAR_BIND", "127.0.0.1:8000")
# Processes: one or two per core is the usual count for threaded workers (2 x cores + 1 for sync).
workers = int(os.environ.get("WEB_CONCURRENCY", str(max(2, multiprocessing.cpu_count()))))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# The pool of each process matches its threads unless set otherwise (read by settings.py).
os.environ.setdefault("DATABASE_POOL_MAX_SIZE", str(threads))
# A stuck request is ended after this many seconds; long work runs in `lodestar worker`, not here.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
# A process is replaced after this many requests (with jitter), so slow leaks never accumulate.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = 500
backlog = 2048
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "warning").lower()
# X-Forwarded-Proto is trusted only from the load balancer in front (settings: SECURE_PROXY_SSL_HEADER).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

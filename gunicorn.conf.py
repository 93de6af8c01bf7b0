"""gunicorn's settings for Lodestar's web processes (`make serve-prod`; README, "Deploying").

A Lodestar request is mostly Python work (templates, the ORM, the API's schemas: 5 to 35 ms of CPU
in the web process for 1 to 25 short queries, `bench/load.py --cost`), and Python runs one thread of a
process at a time, so the cores are used by processes, not threads: one process per core. By default
each process is a
`sync` worker: it takes a connection only when it is free, so the kernel's listen queue hands the
next request to whichever process is idle and every core gets its share. (Threaded `gthread`
workers accept every connection that comes and keep it: under 50 keep-alive clients one of two
processes held 46 connections and the other 4, leaving a core idle while requests queued.) A sync
worker serves one request per connection (no keep-alive): put a buffering reverse proxy in front,
as for TLS anyway, so slow clients never hold a process.

`GUNICORN_THREADS` above 1 switches to threaded workers (for a deployment whose requests wait on a
remote database), each process holding a pool of as many PostgreSQL connections (settings.py,
DATABASE_POOL_MAX_SIZE = threads). Connections to the database are bounded by
WEB_CONCURRENCY x GUNICORN_THREADS per machine, whatever the number of clients: the next client
waits in gunicorn's backlog instead of opening a connection. Every value can be set from the
environment.
"""

import multiprocessing
import os

bind = os.environ.get("LODESTAR_BIND", "127.0.0.1:8000")
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# Sync workers: one process per core. A request is CPU work with short waits on the database (on
# the same machine here, and PostgreSQL needs the cores for the queries too), so more processes only
# take turns on the same cores: measured with bench/load.py on 2 cores and PostgreSQL (50 clients),
# the server's CPU per request was 12.3 ms with 2 processes, 13.7 ms with 3 and 14.6 ms with 5
# (gunicorn's "2 x cores + 1"), and the database's 3.1, 3.4 and 3.5 ms (1 December 2026, a machine
# shared with other jobs: compare CPU per request, not latency).
# With the database on another machine (network round trips), set WEB_CONCURRENCY to about
# 2 x cores + 1 so that a core does not idle while a process waits. Threaded workers: one or two per core.
_cores = multiprocessing.cpu_count()
workers = int(os.environ.get("WEB_CONCURRENCY", str(_cores if threads == 1 else max(2, _cores))))
worker_class = "sync" if threads == 1 else "gthread"
# The pool of each process matches its threads unless set otherwise (read by settings.py).
os.environ.setdefault("DATABASE_POOL_MAX_SIZE", str(threads))
# A stuck request is ended after this many seconds; long work runs in `lodestar worker`, not here.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5  # threaded workers only
# A process is replaced after this many requests (with jitter), so slow leaks never accumulate.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = 500
backlog = 2048
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "warning").lower()
# X-Forwarded-Proto is trusted only from the load balancer in front (settings: SECURE_PROXY_SSL_HEADER).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

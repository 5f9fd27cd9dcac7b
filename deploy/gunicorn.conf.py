"""gunicorn for production: `gunicorn --config deploy/gunicorn.conf.py` from the project folder
(deploy/systemd/adviesvolger-web.service). Everything per machine comes from the environment
(deploy/adviesvolger.env.example); the defaults suit a machine with a few cores behind a
reverse proxy (nginx, Apache, HAProxy) on the same machine that ends TLS.

Sync workers, one request at a time each: most public requests are served from the shared
cache in a millisecond or two, and the slow work (mail, the sent letter's PDF) runs in the
task worker, not here. `benchmarks/bench_load.py` measured sync and gthread workers on the
same stack (README, "Production"); set GUNICORN_WORKER_CLASS=gthread and GUNICORN_THREADS to
try the other.
"""

import multiprocessing
import os
from pathlib import Path

wsgi_app = "consult.wsgi:application"
chdir = str(Path(__file__).resolve().parent.parent)  # the project folder

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")
# (2 x cores) + 1, gunicorn's rule of thumb; each worker holds one database connection.
workers = int(os.environ.get("GUNICORN_WORKERS", str(multiprocessing.cpu_count() * 2 + 1)))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync")
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# Behind a proxy that buffers slow clients; connections queue here while workers are busy.
backlog = int(os.environ.get("GUNICORN_BACKLOG", "2048"))

timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))  # a stuck worker is replaced
graceful_timeout = 30  # a restart lets running requests finish
keepalive = 5  # only gthread keeps connections open (to the proxy)
# A worker is replaced after this many requests (with jitter, not all at once): memory that
# creeps up in a long-running process is given back.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10

# Import Django once, in the master, then fork: a faster start and shared memory.
preload_app = True

# The proxy's X-Forwarded-For/-Proto are trusted from these addresses only.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Logs: one JSON object per line (operations/logs.py) on stdout/stderr, for journald.
accesslog = "-" if os.environ.get("GUNICORN_ACCESS_LOG", "1") != "0" else None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
logger_class = "operations.gunicorn_logging.JsonLogger"

control_socket_disable = True  # gunicorn 25+: no control socket in the service's home
proc_name = "adviesvolger"


def pre_fork(server, worker):
    # No database connection opened in the master may be shared by the forked workers.
    from django.db import connections

    connections.close_all()

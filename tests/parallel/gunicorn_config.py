"""gunicorn settings for the parallel-write tests (bind, workers and logs come from the command
line in ``server.py``). Settings an older gunicorn does not know are ignored by it."""

worker_class = "sync"  # one request at a time per worker process, as in a plain deployment
timeout = 90  # a worker stuck longer than this is killed (the client gives up after 60 s)
graceful_timeout = 3  # the session is over: workers need not finish slowly
preload_app = True  # import Django once, in the master, then fork: a faster start
control_socket_disable = True  # gunicorn 25+: no shared ~/.gunicorn/gunicorn.ctl between runs


def pre_fork(server, worker):
    # No database connection may be shared between the forked workers.
    from django.db import connections

    connections.close_all()


def worker_exit(server, worker):
    # A process of this server that has finished its work hangs for seconds in the
    # interpreter's final clean-up (in C code, not in Python) before it ends; nothing is left
    # to flush (stderr is unbuffered, the database is committed), so it ends at once instead.
    import os

    os._exit(0)


def on_exit(server):
    # The master, after its workers have gone: the same slow clean-up as above.
    import os

    os._exit(0)

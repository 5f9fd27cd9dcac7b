"""How many public reads per second does the production stack serve, against a static file
served by the same stack in the same run?

Starts the whole stack on loopback, for this run only: a throwaway PostgreSQL cluster (as
``scripts/with-postgres`` does; ``--sqlite`` for SQLite instead) and a throwaway
``redis-server``; migrates, loads the demo (``manage.py load_demo``) and adds 1,000 sent
letters with 10,000 recommendations, replies and progress (bulk inserts); runs
``collectstatic``; then starts gunicorn with ``deploy/gunicorn.conf.py`` and the production
settings (``consult.settings.production``, Redis as the shared cache, the public page cache
on), exactly as the README's "Production" recipe does, only on 127.0.0.1.

Then simulated readers, each one request after the other (a new connection per request,
no pause between them), for a fixed time (taken in three turns each, alternating, so that
both kinds see the same noise from anything else running on the machine):

- mixed public reads: the home page, the tracker with filters, a letter, a recommendation,
  a sent letter's PDF, the CSV export (filtered), a feed — each kind equally often, over
  several URLs of each kind; every URL is read once before the clock starts, as on a site
  that has been up for a while;
- a static file (the site's CSS, through WhiteNoise), with the same number of readers.

It prints requests/s, p50/p95/p99 latency and errors of each, and their ratio, first with 4
readers (latency) and then with ``--readers`` (throughput). Targets (issue 11): 0 errors, and
mixed reads at a third or more of the static file's throughput; the script exits non-zero
when either is missed. The load generator runs on the same cores as the server and takes
its share of them: the figures are lower than a separate client would measure, for both
kinds alike.

Run with `make bench`, or on its own:
    .venv/bin/python benchmarks/bench_load.py [--readers 200] [--seconds 20] [--sqlite]
Needs Debian's `postgresql` (unless --sqlite) and `redis-server`. As root, PostgreSQL runs
as the postgres user.
"""

import argparse
import asyncio
import json
import os
import random
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
TARGET_RATIO = 1 / 3
REQUEST_TIMEOUT = 30  # seconds; a request that takes longer counts as an error
LIGHT_READERS = 4
LIGHT_SECONDS = 6
SLICES = 3  # mixed and static take turns, this many slices each
LETTERS = 1_000
PER_LETTER = 10


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def say(message):
    print(message, flush=True)


# -- the stack ------------------------------------------------------------------------------


class Stack:
    """PostgreSQL (or SQLite), Redis and gunicorn, each started here and stopped at the end."""

    def __init__(self, args):
        self.args = args
        self.workdir = Path(tempfile.mkdtemp(prefix="adviesvolger-bench-load-"))
        self.processes = []  # (name, Popen), stopped in reverse order
        self.pg = None  # (pg_ctl, data directory, run as postgres?)
        self.pg_dir = None
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.env = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()

    # PostgreSQL, as scripts/with-postgres starts it.
    def start_postgres(self):
        initdb = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
        initdb = str(initdb[-1]) if initdb else shutil.which("initdb")
        if not initdb:
            sys.exit("bench_load: no PostgreSQL (apt-get install postgresql), or use --sqlite")
        pgbin = Path(initdb).parent
        as_root = os.geteuid() == 0
        self.pg_dir = Path(tempfile.mkdtemp(prefix="adviesvolger-bench-pg-", dir="/tmp"))
        prefix = ["runuser", "-u", "postgres", "--"] if as_root else []
        if as_root:
            shutil.chown(self.pg_dir, "postgres", "postgres")
        data = self.pg_dir / "data"
        port = free_port()
        subprocess.run(
            [*prefix, initdb, "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8",
             "--locale=C.UTF-8"],
            check=True, capture_output=True,
        )  # fmt: skip
        # Not durable (as scripts/with-postgres): the cluster is deleted afterwards, and the
        # load only reads. Setting it up (migrate, bulk inserts) is several times faster.
        options = (
            f"-h 127.0.0.1 -p {port} -k {self.pg_dir} -c max_connections=200 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off"
        )
        subprocess.run(
            [*prefix, pgbin / "pg_ctl", "-D", data, "-l", self.pg_dir / "server.log", "-w",
             "-t", "60", "-o", options, "start"],
            check=True, capture_output=True,
        )  # fmt: skip
        self.pg = ([*prefix, str(pgbin / "pg_ctl")], data)
        version = subprocess.run(
            [pgbin / "postgres", "--version"], capture_output=True, text=True
        ).stdout.strip()
        return f"postgres://postgres@127.0.0.1:{port}/postgres", version

    def start_redis(self):
        executable = shutil.which("redis-server")
        if not executable:
            sys.exit("bench_load: no redis-server (apt-get install redis-server)")
        port = free_port()
        # The settings the README recommends: a cache, never written to disk, evicting the
        # least recently used keys when full.
        process = subprocess.Popen(
            [executable, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.workdir), "--maxmemory", "256mb",
             "--maxmemory-policy", "allkeys-lru"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self.processes.append(("redis-server", process))
        wait_for_port(port, process, "redis-server")
        version = subprocess.run(
            [executable, "--version"], capture_output=True, text=True
        ).stdout.split()[2]
        return f"redis://127.0.0.1:{port}/0", f"Redis {version.removeprefix('v=')}"

    def environment(self, database_url, redis_url):
        env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
        env.update(
            DJANGO_SETTINGS_MODULE="consult.settings.production",
            DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
            DJANGO_ALLOWED_HOSTS="127.0.0.1",
            DJANGO_SECURE_SSL_REDIRECT="0",
            DATABASE_URL=database_url,
            DJANGO_REDIS_URL=redis_url,
            DJANGO_MEDIA_ROOT=str(self.workdir / "media"),
            DJANGO_STATIC_ROOT=str(self.workdir / "static"),
            GUNICORN_BIND=f"127.0.0.1:{self.port}",
            PYTHONUNBUFFERED="1",
        )
        if self.args.workers:
            env["GUNICORN_WORKERS"] = str(self.args.workers)
        if self.args.worker_class:
            env["GUNICORN_WORKER_CLASS"] = self.args.worker_class
        if self.args.threads:
            env["GUNICORN_THREADS"] = str(self.args.threads)
        self.env = env
        return env

    def manage(self, *args, settings=None, script=None):
        env = dict(self.env)
        if settings:
            env["DJANGO_SETTINGS_MODULE"] = settings
        command = [PYTHON, script] if script else [PYTHON, "manage.py"]
        result = subprocess.run(
            [*command, *args], cwd=ROOT, env=env, capture_output=True, text=True
        )
        if result.returncode != 0:
            sys.exit(f"bench_load: {' '.join(map(str, args))} failed:\n{result.stderr[-4000:]}")
        return result.stdout

    def start_manage(self, *args):
        return subprocess.Popen(
            [PYTHON, "manage.py", *args], cwd=ROOT, env=self.env,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip

    def finish_manage(self, process, name):
        _out, err = process.communicate()
        if process.returncode != 0:
            sys.exit(f"bench_load: {name} failed:\n{err[-4000:]}")

    def start_gunicorn(self):
        log = open(self.workdir / "gunicorn.log", "wb")  # noqa: SIM115 (closed with the stack)
        process = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "--config", "deploy/gunicorn.conf.py"],
            cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        self.processes.append(("gunicorn", process))
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if process.poll() is not None:
                sys.exit(f"bench_load: gunicorn exited:\n{self.gunicorn_log_tail()}")
            try:
                status, body, _hit = asyncio.run(fetch(self.port, "/gezondheid/"))
            except OSError:
                time.sleep(0.3)
                continue
            if status != 200:
                sys.exit(f"bench_load: /gezondheid/ answered {status}: {body[:2000]!r}")
            return json.loads(body)
        sys.exit(f"bench_load: gunicorn did not answer:\n{self.gunicorn_log_tail()}")

    def gunicorn_log_tail(self):
        path = self.workdir / "gunicorn.log"
        return path.read_bytes()[-4000:].decode("utf-8", "replace") if path.exists() else ""

    def stop(self):
        for _name, process in reversed(self.processes):
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    try:
                        os.killpg(process.pid, signal.SIGKILL)
                    except ProcessLookupError:
                        pass
                    process.wait(timeout=10)
        if self.pg:
            pg_ctl, data = self.pg
            subprocess.run([*pg_ctl, "-D", data, "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(self.workdir, ignore_errors=True)
        if self.pg_dir:
            shutil.rmtree(self.pg_dir, ignore_errors=True)


def wait_for_port(port, process, name):
    deadline = time.monotonic() + 20
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                sys.exit(f"bench_load: {name} did not start")
            time.sleep(0.05)


# -- filling the database (run in a subprocess with the development settings, so that the
#    demo's letters are sent and their PDFs rendered at once, without a task worker) -------


def fill(output):
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()

    from django.core.management import call_command
    from django.db import connection

    from advices.models import (
        AdviceLetter,
        Recommendation,
    )
    from advices.models.archive import SentLetterPdf
    from advices.pages import AdviceIndexPage, RecommendationIndexPage
    from benchmarks.volume import add_sent_letters
    from home.models import Theme

    call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    themes = list(Theme.objects.order_by("pk"))
    letters = add_sent_letters(themes, LETTERS, PER_LETTER)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # what autovacuum does soon after a bulk load

    index = AdviceIndexPage.objects.live().get()
    tracker = RecommendationIndexPage.objects.live().get()
    slugs = [theme.slug for theme in themes]
    sample = [letters[n] for n in (10, 250, 500, 750, 990)]
    demo_sent = list(
        AdviceLetter.objects.filter(reference__startswith="PR-20", sent_at__isnull=False)
        .exclude(pk__in=[letter.pk for letter in letters])
        .order_by("reference")
    )
    pdfs = [
        index.pdf_url(record.letter)
        for record in SentLetterPdf.objects.select_related("letter").order_by("pk")
    ]
    urls = {
        "home": ["/"],
        "tracker, filtered": [
            f"{tracker.url}?status=in-uitvoering",
            f"{tracker.url}?thema={slugs[0]}",
            f"{tracker.url}?thema={slugs[1 % len(slugs)]}&status=in-uitvoering",
            f"{tracker.url}?status=wacht-op-reactie&pagina=2",
            f"{tracker.url}?q=mantelzorg",
        ],
        "letter": [index.letter_url(letter) for letter in demo_sent + sample],
        "recommendation": [
            index.recommendation_url(letter, number)
            for letter in demo_sent[:1] + sample
            for number in (1, 4)
        ],
        "PDF": pdfs,
        "CSV, filtered": [
            f"/open-data/aanbevelingen.csv?thema={slugs[0]}&status=in-uitvoering",
            "/open-data/aanbevelingen.csv?jaar=2022",
        ],
        "feed": ["/feeds/adviezen/", "/feeds/status/"],
    }
    counts = {
        "letters": AdviceLetter.objects.filter(sent_at__isnull=False).count(),
        "recommendations": Recommendation.objects.count(),
    }
    Path(output).write_text(json.dumps({"urls": urls, "counts": counts}))


# -- the load -------------------------------------------------------------------------------


async def fetch(port, path):
    """(status, body, served from the page cache?) of one GET on a new connection."""
    reader, writer = await asyncio.wait_for(
        asyncio.open_connection("127.0.0.1", port), REQUEST_TIMEOUT
    )
    try:
        writer.write(
            f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUser-Agent: bench_load\r\n"
            "Connection: close\r\n\r\n".encode()
        )
        await writer.drain()
        data = await asyncio.wait_for(reader.read(), REQUEST_TIMEOUT)
    finally:
        writer.close()
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split()[1]) if lines and len(lines[0].split()) > 1 else 0
    hit = any(line.lower() == b"x-page-cache: hit" for line in lines[1:])
    return status, body, hit


class Results:
    def __init__(self):
        self.latencies = []
        self.errors = 0
        self.hits = 0
        self.by_kind = {}
        self.first_error = None
        self.elapsed = 0.0

    def add(self, kind, seconds, ok, hit, error=None):
        self.latencies.append(seconds)
        entry = self.by_kind.setdefault(kind, [[], 0])
        entry[0].append(seconds)
        if not ok:
            self.errors += 1
            entry[1] += 1
            self.first_error = self.first_error or error
        self.hits += hit


async def run_load(port, choose, readers, seconds, results):
    deadline = time.perf_counter() + seconds

    async def reader(number):
        rng = random.Random(number)
        while time.perf_counter() < deadline:
            kind, path = choose(rng)
            started = time.perf_counter()
            try:
                status, _body, hit = await fetch(port, path)
                error = None if status == 200 else f"{path} answered {status}"
            except (OSError, TimeoutError, ValueError, IndexError) as exc:
                status, hit, error = 0, False, f"{path}: {type(exc).__name__} {exc}"
            results.add(kind, time.perf_counter() - started, status == 200, hit, error)

    started = time.perf_counter()
    await asyncio.gather(*(reader(number) for number in range(readers)))
    results.elapsed += time.perf_counter() - started


def percentiles(values):
    if len(values) < 2:
        value = values[0] * 1000 if values else 0.0
        return value, value, value
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return cuts[49] * 1000, cuts[94] * 1000, cuts[98] * 1000


def row(name, readers, results):
    count = len(results.latencies)
    rate = count / results.elapsed
    p50, p95, p99 = percentiles(results.latencies)
    hits = f"{100 * results.hits / count:.0f}%" if count else "-"
    say(
        f"{name:<22}{readers:>8}{count:>10}{rate:>9.1f}{p50:>9.1f}{p95:>9.1f}{p99:>9.1f}"
        f"{results.errors:>8}{hits:>8}"
    )
    return rate


def header():
    say(
        f"{'':<22}{'readers':>8}{'requests':>10}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}"
        f"{'p99 ms':>9}{'errors':>8}{'cached':>8}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--readers", type=int, default=200, help="simulated readers (200)")
    parser.add_argument("--seconds", type=float, default=18, help="seconds per phase (18)")
    parser.add_argument("--sqlite", action="store_true", help="SQLite instead of PostgreSQL")
    parser.add_argument("--workers", type=int, help="gunicorn workers (the config's default)")
    parser.add_argument("--worker-class", help="sync (the config's default) or gthread")
    parser.add_argument("--threads", type=int, help="threads per gthread worker")
    parser.add_argument("--fill", help=argparse.SUPPRESS)  # internal: the fill subprocess
    args = parser.parse_args()
    if args.fill:
        fill(args.fill)
        return 0

    # Stopped from outside (a timeout): still stop the servers and delete their files.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.perf_counter()
    with Stack(args) as stack:
        if args.sqlite:
            database_url, database = f"sqlite:///{stack.workdir}/bench.sqlite3", "SQLite"
        else:
            database_url, database = stack.start_postgres()
        redis_url, redis = stack.start_redis()
        stack.environment(database_url, redis_url)
        say(f"Stack: {database}, {redis}; filling (migrate, demo, {LETTERS * PER_LETTER:,} "
            "recommendations, collectstatic)...")  # fmt: skip
        # collectstatic (compressing every file) needs no database: it runs meanwhile.
        collect = stack.start_manage("collectstatic", "--noinput")
        step = time.perf_counter()
        stack.manage("migrate", "--noinput")
        migrated = time.perf_counter() - step
        step = time.perf_counter()
        stack.manage("--fill", str(stack.workdir / "urls.json"), settings="consult.settings.dev",
                     script=str(Path(__file__).resolve()))  # fmt: skip
        filled_in = time.perf_counter() - step
        stack.finish_manage(collect, "collectstatic")
        say(
            f"  migrate {migrated:.0f} s, demo and volume data {filled_in:.0f} s, "
            f"collectstatic alongside, done after {time.perf_counter() - started:.0f} s"
        )
        filled = json.loads((stack.workdir / "urls.json").read_text())
        manifest = json.loads((stack.workdir / "static" / "staticfiles.json").read_text())
        static_url = "/static/" + manifest["paths"]["css/site.css"]
        health = stack.start_gunicorn()
        workers = stack.env.get("GUNICORN_WORKERS", f"{(os.cpu_count() or 1) * 2 + 1} (default)")
        worker_class = stack.env.get("GUNICORN_WORKER_CLASS", "sync")
        threads = stack.env.get("GUNICORN_THREADS", "1")
        say(
            f"Ready in {time.perf_counter() - started:.0f} s: {filled['counts']['letters']:,} "
            f"sent letters, {filled['counts']['recommendations']:,} recommendations; gunicorn "
            f"{workers} {worker_class} workers x {threads} thread(s); health {health['status']}"
        )

        mix = [(kind, path) for kind, paths in filled["urls"].items() for path in paths]
        kinds = list(filled["urls"])

        def choose_mixed(rng):
            kind = rng.choice(kinds)
            return kind, rng.choice(filled["urls"][kind])

        def choose_static(_rng):
            return "static", static_url

        # Every URL read once: a site that has been up a while (and a check that all work).
        for kind, path in mix:
            status, _body, _hit = asyncio.run(fetch(stack.port, path))
            if status != 200:
                sys.exit(f"bench_load: {path} ({kind}) answered {status}")

        say(
            f"\nLoad on 127.0.0.1, a new connection per request, {len(mix)} URLs in the mix. "
            f"The load generator shares the machine's {os.cpu_count()} cores with the server."
        )
        header()
        runs = {}  # (name, readers) -> (req/s, Results)
        for readers, seconds in ((LIGHT_READERS, LIGHT_SECONDS), (args.readers, args.seconds)):
            phases = (("mixed public reads", choose_mixed), ("static file", choose_static))
            results = {name: Results() for name, _choose in phases}
            # Taken in turns, a slice of each at a time, so that both see the same noise
            # from whatever else runs on the machine.
            for _slice in range(SLICES):
                for name, choose in phases:
                    asyncio.run(
                        run_load(stack.port, choose, readers, seconds / SLICES, results[name])
                    )
            for name, _choose in phases:
                runs[(name, readers)] = (row(name, readers, results[name]), results[name])

        mixed_rate, mixed = runs[("mixed public reads", args.readers)]
        static_rate, static = runs[("static file", args.readers)]
        say(f"\nMixed reads at {args.readers} readers, by kind:")
        for kind in kinds:
            times, errors = mixed.by_kind.get(kind, [[], 0])
            p50, p95, _p99 = percentiles(times)
            say(f"  {kind:<20}{len(times):>8} requests  p50 {p50:>7.1f} ms  p95 {p95:>7.1f} ms"
                f"  errors {errors}")  # fmt: skip

        ratio = mixed_rate / static_rate if static_rate else 0
        errors = sum(results.errors for _rate, results in runs.values())
        ratio_ok, errors_ok = ratio >= TARGET_RATIO, errors == 0
        say(
            f"\nMixed / static throughput at {args.readers} readers: {mixed_rate:.0f} / "
            f"{static_rate:.0f} req/s = {ratio:.2f} (target >= {TARGET_RATIO:.2f}): "
            f"{'ok' if ratio_ok else 'BELOW TARGET'}"
        )
        say(f"Errors: {errors} (target 0): {'ok' if errors_ok else 'ABOVE TARGET'}")
        for _rate, results in runs.values():
            if results.first_error:
                say(f"  first error: {results.first_error}")
                break
        say(f"Whole run: {time.perf_counter() - started:.0f} s")
        return 0 if ratio_ok and errors_ok else 1


if __name__ == "__main__":
    sys.exit(main())

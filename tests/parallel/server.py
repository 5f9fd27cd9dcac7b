"""A real WSGI server (gunicorn, several worker processes) on a database of its own.

Django's ``live_server`` runs the site in a thread of the test process, on the test
database inside the test's transaction: parallel requests there do not meet the way they do
in production. Here every request is handled by a separate gunicorn worker process with its
own database connection, exactly as in production, and the tests look at the database
afterwards with a plain connection of their own.

The database follows the suite's: with DATABASE_URL unset or SQLite, a fresh SQLite file in
a temporary folder (with the project's SQLite settings: immediate transactions, busy timeout,
WAL); with DATABASE_URL on PostgreSQL, a fresh database created on that server and dropped at
the end. It is migrated and seeded once, by subprocesses, like a deployment would be.
"""

import email
import email.policy
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import dj_database_url
import requests

BASE_DIR = Path(os.path.abspath(__file__)).parents[2]  # the project folder
SETTINGS = "consult.settings.test"  # DEBUG off, plain static storage, fast password hashing
WORKERS = 4
STARTUP_TIMEOUT = 60  # seconds for gunicorn to answer its first request
SUBPROCESS_TIMEOUT = 300  # seconds for migrate and for the seed script


class ServerError(Exception):
    """The server could not be set up; the message holds what the subprocess said."""


class Database:
    """The server's own database, and a plain connection to it for the tests' checks."""

    def __init__(self, workdir, source_url=None):
        self._connection = None
        source_url = source_url if source_url is not None else os.environ.get("DATABASE_URL", "")
        engine = dj_database_url.parse(source_url)["ENGINE"] if source_url else "sqlite3"
        if engine.endswith("sqlite3"):
            self.vendor = "sqlite"
            self.path = Path(workdir) / "parallel.sqlite3"
            self.url = f"sqlite:///{self.path}"
        elif engine.endswith("postgresql"):
            self.vendor = "postgresql"
            self.name = f"adviesvolger_parallel_{os.getpid()}"
            self.maintenance_url = source_url
            parts = urlsplit(source_url)
            self.url = urlunsplit(parts._replace(path=f"/{self.name}"))
        else:
            raise ServerError(f"the parallel tests support SQLite and PostgreSQL, not {engine}")

    def __str__(self):
        return self.url if self.vendor == "sqlite" else f"PostgreSQL database {self.name}"

    def create(self):
        if self.vendor == "postgresql":
            self._maintenance(f'DROP DATABASE IF EXISTS "{self.name}"')
            self._maintenance(f'CREATE DATABASE "{self.name}"')

    def drop(self):
        self.close()
        if self.vendor == "postgresql":
            # FORCE (PostgreSQL 13+) ends the connections a killed worker may have left.
            self._maintenance(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def _maintenance(self, statement):
        import psycopg

        with psycopg.connect(self._libpq_url(self.maintenance_url), autocommit=True) as conn:
            conn.execute(statement)

    @staticmethod
    def _libpq_url(url):
        # dj-database-url also accepts schemes that libpq does not (pgsql://, postgis://).
        parts = urlsplit(url)
        return urlunsplit(parts._replace(scheme="postgresql"))

    def query(self, sql, params=()):
        """Rows of ``sql`` (with ``%s`` placeholders), read in a connection of its own."""
        return self._read(sql, params)[1]

    def records(self, sql, params=()):
        """Rows of ``sql`` as dicts, column name -> value."""
        names, rows = self._read(sql, params)
        return [dict(zip(names, row, strict=True)) for row in rows]

    def _read(self, sql, params):
        # One connection, in autocommit: every statement sees what the server has committed.
        if self._connection is None:
            if self.vendor == "sqlite":
                self._connection = sqlite3.connect(self.path, timeout=20, isolation_level=None)
            else:
                import psycopg

                self._connection = psycopg.connect(self._libpq_url(self.url), autocommit=True)
        if self.vendor == "sqlite":
            sql = sql.replace("%s", "?")
        cursor = self._connection.execute(sql, params)
        return [column[0] for column in cursor.description], cursor.fetchall()

    def close(self):
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class ServerProcess:
    """gunicorn in a process group of its own, on a database of its own.

    ``prepare()`` creates, migrates and seeds the database (the slow part, which the conftest
    starts in the background as soon as the tests are collected); ``launch()`` starts gunicorn
    and waits until it answers; ``stop()`` ends the process group, drops the database and
    removes the working folder, and may be called more than once.
    """

    def __init__(self, workdir=None):
        self.workdir = Path(workdir or tempfile.mkdtemp(prefix="adviesvolger-parallel-"))
        self.database = Database(self.workdir)
        self.port = None
        self.base_url = None
        self.stderr_path = self.workdir / "server-stderr.log"
        self.mail_dir = self.workdir / "mail"  # every mail the server sends, one file a send
        self.access_log = self.workdir / "access.log"
        self.process = None
        self.seed = None
        self._child = None  # migrate or the seed script, while it runs
        self._created = False
        self._stopped = False

    def environment(self):
        env = dict(os.environ)
        tmp = self.workdir / "tmp"  # consult.settings.test makes its media folder in TMPDIR
        tmp.mkdir(exist_ok=True)
        env.update(
            DATABASE_URL=self.database.url,
            DJANGO_SETTINGS_MODULE=SETTINGS,
            TMPDIR=str(tmp),
            PYTHONUNBUFFERED="1",
            # Each worker keeps its database connection between requests, as a production
            # server would; a new PostgreSQL connection per request made a round 2-3x slower.
            DATABASE_CONN_MAX_AGE="60",
            # Mail goes to files (consult/settings/test.py), so a test can count it.
            DJANGO_TEST_EMAIL_FILE_PATH=str(self.mail_dir),
        )
        return env

    def run(self, *args):
        """Run a Python subprocess in the project folder; its output is shown if it fails."""
        if self._stopped:
            raise ServerError("the server was stopped before it was ready")
        with subprocess.Popen(
            [sys.executable, *args],
            cwd=BASE_DIR,
            env=self.environment(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        ) as child:
            self._child = child  # stop() ends it, if the session ends first
            try:
                stdout, stderr = child.communicate(timeout=SUBPROCESS_TIMEOUT)
            except subprocess.TimeoutExpired as error:
                child.kill()
                child.communicate()
                raise ServerError(f"{' '.join(args)} took over {SUBPROCESS_TIMEOUT} s") from error
            finally:
                self._child = None
        if child.returncode != 0:
            raise ServerError(
                f"{' '.join(args)} failed ({child.returncode}) on {self.database}:\n"
                f"{stdout[-3000:]}\n{stderr[-6000:]}"
            )

    def prepare(self):
        self._created = True  # from here on, stop() drops the database
        self.database.create()
        self.run("manage.py", "migrate", "--noinput", "--skip-checks")
        seed_file = self.workdir / "seed.json"
        self.run("-m", "tests.parallel.seed", str(seed_file))
        self.seed = json.loads(seed_file.read_text(encoding="utf-8"))

    def launch(self):
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        with open(self.stderr_path, "wb") as stderr, open(self.workdir / "stdout.log", "wb") as out:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "--config",
                    str(Path(__file__).with_name("gunicorn_config.py")),
                    "--workers",
                    str(WORKERS),
                    "--bind",
                    f"127.0.0.1:{self.port}",
                    "--access-logfile",
                    str(self.access_log),
                    "consult.wsgi:application",
                ],
                cwd=BASE_DIR,
                env=self.environment(),
                stdout=out,
                stderr=stderr,
                stdin=subprocess.DEVNULL,
                start_new_session=True,  # its own process group, so stop() reaches every worker
            )
        self._wait_until_ready()

    def _wait_until_ready(self):
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerError(
                    f"gunicorn exited with {self.process.returncode}:\n{self.stderr_tail()}"
                )
            try:
                response = requests.get(f"{self.base_url}/admin/login/", timeout=5)
            except requests.RequestException:
                time.sleep(0.2)
                continue
            if response.status_code == 200:
                return
            raise ServerError(
                f"the login page answered {response.status_code}:\n{self.stderr_tail()}"
            )
        raise ServerError(
            f"gunicorn did not answer within {STARTUP_TIMEOUT} s:\n{self.stderr_tail()}"
        )

    def stop(self):
        if self._stopped:
            return
        self._stopped = True
        try:
            child = self._child
            if child is not None and child.poll() is None:
                child.kill()
            if self.process is not None and self.process.poll() is None:
                # To the master only: it stops its workers (gunicorn's quick shutdown).
                self.process.send_signal(signal.SIGTERM)
                try:
                    self.process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self._signal_group(signal.SIGKILL)
                    self.process.wait(timeout=10)
        finally:
            try:
                if self._created:
                    self.database.drop()
            finally:
                shutil.rmtree(self.workdir, ignore_errors=True)

    def _signal_group(self, signum):
        try:
            os.killpg(self.process.pid, signum)
        except ProcessLookupError:
            pass

    # -- what the server mailed ---------------------------------------------------

    def mails(self):
        """Every mail the server has sent so far, as ``email.message.EmailMessage`` objects
        (headers decoded).
        Django's file backend writes the messages of one send to one file, each followed by
        a line of 79 dashes."""
        separator = "\n" + "-" * 79 + "\n"
        messages = []
        for path in sorted(self.mail_dir.glob("*.log")) if self.mail_dir.exists() else []:
            for chunk in path.read_text(encoding="utf-8").split(separator):
                if chunk.strip():
                    messages.append(email.message_from_string(chunk, policy=email.policy.default))
        return messages

    # -- what the server said -----------------------------------------------------

    def stderr_mark(self):
        """A position in the server's stderr; ``stderr_since`` returns what came after."""
        return self.stderr_path.stat().st_size if self.stderr_path.exists() else 0

    def stderr_since(self, mark):
        with open(self.stderr_path, "rb") as file:
            file.seek(mark)
            text = file.read().decode("utf-8", "replace")
        # gunicorn's own INFO lines (workers booting) say nothing about the requests.
        return "\n".join(line for line in text.splitlines() if "[INFO]" not in line)

    def stderr_tail(self, size=8000):
        if not self.stderr_path.exists():
            return "(no stderr)"
        return self.stderr_path.read_bytes()[-size:].decode("utf-8", "replace")

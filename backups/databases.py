"""The database part of a backup, per vendor: a consistent copy out, and back in.

SQLite: Python's ``sqlite3`` online backup API (``Connection.backup``) copies the live
database page by page while the site keeps running. It copies through Django's own connection
inside one read transaction, so the copy, the counts in the manifest and the list of applied
migrations all see the same moment (in WAL mode readers never block writers).

PostgreSQL: ``pg_dump --format=custom --no-owner --no-acl``, restored with ``pg_restore
--single-transaction``: all or nothing. The dump runs on a snapshot exported from the
transaction that also counts the rows, so the manifest describes exactly what was dumped. The
password goes to the tools through the environment (``PGPASSWORD``), never on the command
line, where every user of the machine could read it.
"""

import glob
import os
import shutil
import sqlite3
import subprocess
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

VENDOR_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
MEMBERS = {"sqlite": "database/db.sqlite3", "postgresql": "database/postgresql.dump"}

# Long enough for a council's database on a slow disk; a hanging tool should not hang a timer.
TOOL_TIMEOUT = 60 * 60


class BackupError(Exception):
    """The backup or restore cannot go on; the message (Dutch) says why and what to do."""


def vendor_name(vendor):
    return VENDOR_NAMES.get(vendor, vendor)


def supported(connection):
    if connection.vendor not in MEMBERS:
        raise BackupError(
            _("Back-ups worden alleen ondersteund voor SQLite en PostgreSQL, niet voor %(vendor)s.")
            % {"vendor": connection.vendor}
        )


def describe(connection):
    """Where the configured database is, for the operator (no password)."""
    data = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"SQLite {data['NAME']}"
    host = data.get("HOST") or "localhost"
    port = data.get("PORT") or 5432
    return f"PostgreSQL {data['NAME']} op {host}:{port}"


def server_version(connection):
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        return sqlite3.sqlite_version
    version = connection.pg_version  # e.g. 150018
    return f"{version // 10000}.{version % 10000}"


# -- a consistent moment -------------------------------------------------------------------


@contextmanager
def snapshot(connection):
    """One read-only moment of the database: everything read inside sees the same data, and
    the dump made inside (``dump``) too. Yields a PostgreSQL snapshot id, or None."""
    if connection.in_atomic_block:
        # The copy must show committed data only, and SQLite's backup would wait forever for
        # a write transaction on its own connection to end.
        raise BackupError(_("Een back-up kan niet binnen een lopende transactie worden gemaakt."))
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        raw = connection.connection
        # DEFERRED: a read transaction. Django's own ``atomic`` would take the write lock
        # (transaction_mode IMMEDIATE) and make the site's writers wait for the backup.
        raw.execute("BEGIN DEFERRED")
        try:
            yield None
        finally:
            raw.execute("ROLLBACK")  # nothing was written
        return
    with transaction.atomic(using=connection.alias):
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            yield cursor.fetchone()[0]


def dump(connection, path, snapshot_id=None):
    """Write the database to ``path`` (inside ``snapshot``); return a short description of
    the tool used, for the manifest."""
    if connection.vendor == "sqlite":
        copy = sqlite3.connect(path)
        try:
            connection.connection.backup(copy)
            # A file that stands alone: no write-ahead log beside it.
            copy.execute("PRAGMA journal_mode=DELETE")
        finally:
            copy.close()
        return f"sqlite3 online backup (SQLite {sqlite3.sqlite_version})"
    tool = pg_tool("pg_dump")
    command = [tool, "--format=custom", "--no-owner", "--no-acl", f"--file={path}"]
    if snapshot_id:
        command.append(f"--snapshot={snapshot_id}")
    _run(command, connection, _("pg_dump kon de database niet opslaan"))
    return _run([tool, "--version"], connection, "pg_dump --version").strip()


# -- empty or not ---------------------------------------------------------------------------


def table_names(connection):
    with connection.cursor() as cursor:
        return connection.introspection.table_names(cursor)


def make_empty(connection):
    """Remove everything from the configured database (``restore --force``)."""
    if connection.vendor == "sqlite":
        return  # the online backup API replaces the whole file, page by page
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute(
            "SELECT format('DROP VIEW IF EXISTS %I.%I CASCADE', schemaname, viewname)"
            " FROM pg_views WHERE schemaname = current_schema()"
            " UNION ALL"
            " SELECT format('DROP TABLE IF EXISTS %I.%I CASCADE', schemaname, tablename)"
            " FROM pg_tables WHERE schemaname = current_schema()"
        )
        for (statement,) in cursor.fetchall():
            cursor.execute(statement)
        # What is left after the tables: free sequences and functions (migration 0010's).
        cursor.execute(
            "SELECT format('DROP SEQUENCE IF EXISTS %I.%I CASCADE', schemaname, sequencename)"
            " FROM pg_sequences WHERE schemaname = current_schema()"
            " UNION ALL"
            " SELECT format('DROP FUNCTION IF EXISTS %s CASCADE', p.oid::regprocedure)"
            " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
            " WHERE n.nspname = current_schema() AND p.prokind = 'f'"
        )
        for (statement,) in cursor.fetchall():
            cursor.execute(statement)


# -- back in --------------------------------------------------------------------------------


def restore(connection, path):
    """Load the dump at ``path`` into the configured (empty) database."""
    if connection.vendor == "sqlite":
        _restore_sqlite(connection, path)
    else:
        connection.close()  # pg_restore works in a session of its own
        _run(
            [
                pg_tool("pg_restore"),
                "--no-owner",
                "--no-acl",
                "--exit-on-error",
                "--single-transaction",
                f"--dbname={connection.settings_dict['NAME']}",
                str(path),
            ],
            connection,
            _("pg_restore kon de database niet terugzetten"),
        )
    connection.close()  # the next query opens a fresh connection that sees the restored data


def _restore_sqlite(connection, path):
    source = sqlite3.connect(path)
    try:
        if connection.is_in_memory_db():
            connection.ensure_connection()
            source.backup(connection.connection)
            return
        connection.close()
        target_path = Path(connection.settings_dict["NAME"])
        target_path.parent.mkdir(parents=True, exist_ok=True)
        target = sqlite3.connect(target_path)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()


# -- PostgreSQL's tools --------------------------------------------------------------------


def pg_tool(name):
    """The path of ``pg_dump`` or ``pg_restore``: in ``BACKUP_PG_BINDIR`` (environment
    ``DJANGO_PG_BINDIR``) when set, else on the PATH, else the newest in Debian's
    ``/usr/lib/postgresql/<version>/bin``."""
    bindir = getattr(settings, "BACKUP_PG_BINDIR", "")
    if bindir:
        candidate = Path(bindir) / name
        if candidate.is_file():
            return str(candidate)
        raise BackupError(
            _("%(tool)s staat niet in %(dir)s (instelling DJANGO_PG_BINDIR).")
            % {"tool": name, "dir": bindir}
        )
    found = shutil.which(name)
    if found:
        return found
    debian = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda path: [int(part) for part in Path(path).parts[4].split(".") if part.isdigit()],
    )
    if debian:
        return debian[-1]
    raise BackupError(
        _(
            "%(tool)s is niet gevonden. Installeer de PostgreSQL-programma's (Debian: "
            "postgresql-client, dezelfde versie als de server of nieuwer) of wijs met "
            "DJANGO_PG_BINDIR de map aan waarin ze staan."
        )
        % {"tool": name}
    )


def pg_environment(connection):
    """The connection for libpq's tools, as environment variables (the password included:
    the environment of a process is readable only by its owner, its command line by all)."""
    data = connection.settings_dict
    options = data.get("OPTIONS") or {}
    values = {
        "PGDATABASE": data.get("NAME"),
        "PGUSER": data.get("USER"),
        "PGPASSWORD": data.get("PASSWORD"),
        "PGHOST": data.get("HOST"),
        "PGPORT": data.get("PORT"),
        "PGSSLMODE": options.get("sslmode"),
        "PGSSLROOTCERT": options.get("sslrootcert"),
        "PGSSLCERT": options.get("sslcert"),
        "PGSSLKEY": options.get("sslkey"),
        "PGSERVICE": options.get("service"),
        "PGPASSFILE": options.get("passfile"),
        "PGAPPNAME": "adviesvolger-backup",
    }
    environment = dict(os.environ)
    environment.update({key: str(value) for key, value in values.items() if value})
    return environment


def _run(command, connection, failure):
    try:
        result = subprocess.run(
            command,
            env=pg_environment(connection),
            capture_output=True,
            text=True,
            timeout=TOOL_TIMEOUT,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise BackupError(f"{failure}: {error}") from error
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip()
        raise BackupError(f"{failure}:\n{detail}")
    return result.stdout

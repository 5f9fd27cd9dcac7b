"""Test helper: the PostgreSQL triggers of migration 0010, switched off for one test that
has to build data as an old database has it (e.g. a sent letter without a stored PDF)."""

from contextlib import contextmanager

from django.db import connection


@contextmanager
def without_db_guards(*tables):
    """Disable the guard triggers on ``tables`` inside the test's transaction (PostgreSQL
    DDL is transactional: the test's rollback restores them). A no-op on SQLite."""
    if connection.vendor != "postgresql":
        yield
        return

    def alter(state):
        with connection.cursor() as cursor:
            # ALTER TABLE waits for no deferred foreign-key checks: run them now.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for table in tables:
                cursor.execute(f"ALTER TABLE {table} {state} TRIGGER USER")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")

    alter("DISABLE")
    try:
        yield
    finally:
        alter("ENABLE")

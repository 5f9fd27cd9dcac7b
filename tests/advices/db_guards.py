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
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")

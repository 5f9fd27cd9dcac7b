"""What the apps themselves say about a backup: counts for the manifest and checks after a
restore. The backup app stays generic; an app that has more to say defines, on its AppConfig:

``backup_counts()``
    an iterable of ``(key, label, number)``: e.g. ``("letters", "Adviesbrieven", 4)``. The
    backup records them in the manifest; the restore compares them with the restored database
    and prints them.

``restore_problems()``
    an iterable of Dutch sentences, one per problem found in the restored data (e.g. a stored
    PDF whose bytes do not match its recorded SHA-256); empty when all is well.
"""

from django.apps import apps
from django.db import connection


def app_counts():
    """``{"<app label>.<key>": {"label": ..., "count": ...}}`` of every app that counts."""
    counts = {}
    for config in apps.get_app_configs():
        hook = getattr(config, "backup_counts", None)
        if hook is None:
            continue
        for key, label, number in hook():
            counts[f"{config.label}.{key}"] = {"label": str(label), "count": number}
    return counts


def app_problems():
    problems = []
    for config in apps.get_app_configs():
        hook = getattr(config, "restore_problems", None)
        if hook is not None:
            problems.extend(str(problem) for problem in hook())
    return problems


def table_counts():
    """The number of rows of every table in the database, by table name."""
    quote = connection.ops.quote_name
    counts = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def applied_migrations():
    """``{app label: [migration names]}`` as recorded in the database."""
    from django.db.migrations.recorder import MigrationRecorder

    applied = {}
    for app_label, name in sorted(MigrationRecorder(connection).applied_migrations()):
        applied.setdefault(app_label, []).append(name)
    return applied

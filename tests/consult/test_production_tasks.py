"""Production queues background tasks (the mail) in the database; ``manage.py db_worker`` runs
them, in a process of its own. Enqueueing runs nothing."""

from tests.consult.production import production_manage, production_shell


def test_the_worker_runs_what_a_web_process_enqueued(tmp_path):
    database = tmp_path / "db.sqlite3"
    note = tmp_path / "note.txt"
    production_manage(database, "migrate", "--noinput", "django_tasks_database")
    backend = production_shell(
        database,
        "from django.conf import settings; from tests.consult.worker_tasks import write_note; "
        f"write_note.enqueue({str(note)!r}, 'verstuurd'); "
        "print(settings.TASKS['default']['BACKEND'])",
    )
    assert backend == "django_tasks_db.DatabaseBackend"
    assert not note.exists()  # queued, not run by the process that enqueued it

    worker = production_manage(
        database, "db_worker", "--batch", "--no-startup-delay", "--no-reload"
    )

    assert note.read_text(encoding="utf-8") == "verstuurd"
    assert "write_note state=SUCCESSFUL" in worker.stdout + worker.stderr  # its log

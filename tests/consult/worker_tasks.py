"""A task for the production worker test: it only writes a file, so it needs no tables."""

from pathlib import Path

from django_tasks import task


@task()
def write_note(path, text):
    Path(path).write_text(text, encoding="utf-8")
    return text

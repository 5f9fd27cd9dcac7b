"""On PostgreSQL the database refuses what the application refuses, even to raw SQL, and a
backup still restores (migration 0010's triggers guard UPDATE and DELETE, never INSERT)."""

import shutil
import subprocess

import psycopg
import pytest
from django.db import IntegrityError, connection, transaction

from advices.models import AdviceLetter, LetterStatus, Recommendation, SentLetterPdf
from tests.factories import AdviceRequestFactory, ThemeFactory, make_letter

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the triggers exist on PostgreSQL only"
)


@pytest.fixture
def sent(db, secretary):
    return make_letter(recommendations=2, status=LetterStatus.SENT, user=secretary)


RAW_WRITES = {
    "text": "UPDATE advices_adviceletter SET subject = 'Stil' WHERE id = %(letter)s",
    "status back to concept": (
        "UPDATE advices_adviceletter SET status = 'concept' WHERE id = %(letter)s"
    ),
    "status skipping a step": (
        "UPDATE advices_adviceletter SET status = 'afgerond' WHERE id = %(letter)s"
    ),
    "letter deleted": "DELETE FROM advices_adviceletter WHERE id = %(letter)s",
    "request it answers changed": (
        "UPDATE advices_adviceletter SET request_id = %(request)s WHERE id = %(letter)s"
    ),
    "recommendation changed": (
        "UPDATE advices_recommendation SET advice = 'Stil' WHERE letter_id = %(letter)s"
    ),
    "recommendation moved out": (
        "UPDATE advices_recommendation SET letter_id = %(draft)s WHERE letter_id = %(letter)s"
    ),
    "recommendation moved in": (
        "UPDATE advices_recommendation SET letter_id = %(letter)s WHERE letter_id = %(draft)s"
    ),
    "recommendation deleted": "DELETE FROM advices_recommendation WHERE letter_id = %(letter)s",
    "theme row deleted": (
        "DELETE FROM advices_adviceletter_themes WHERE adviceletter_id = %(letter)s"
    ),
    "pdf changed": "UPDATE advices_sentletterpdf SET sha256 = 'x' WHERE letter_id = %(letter)s",
    "pdf deleted": "DELETE FROM advices_sentletterpdf WHERE letter_id = %(letter)s",
}


@pytest.mark.parametrize("sql", RAW_WRITES.values(), ids=RAW_WRITES.keys())
def test_raw_sql_cannot_change_a_sent_letter(sent, sql):
    # Test data: a theme row inserted directly (the database guards changes, not inserts).
    AdviceLetter.themes.through.objects.create(adviceletter=sent, theme=ThemeFactory())
    draft = make_letter(recommendations=1, reference="PR-2099-01")
    advice_request = AdviceRequestFactory()
    before = (
        AdviceLetter.objects.filter(pk=sent.pk).values().get(),
        list(Recommendation.objects.filter(letter=sent).values()),
        list(SentLetterPdf.objects.filter(letter=sent).values()),
    )
    with pytest.raises(IntegrityError, match="advices: "), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(
                sql, {"letter": sent.pk, "draft": draft.pk, "request": advice_request.pk}
            )
    assert before == (
        AdviceLetter.objects.filter(pk=sent.pk).values().get(),
        list(Recommendation.objects.filter(letter=sent).values()),
        list(SentLetterPdf.objects.filter(letter=sent).values()),
    )


def test_the_lifecycle_steps_and_drafts_stay_writable(sent, clerk):
    draft = make_letter(recommendations=1, reference="PR-2099-01")
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE advices_recommendation SET advice = 'Nieuw' WHERE letter_id = %s", [draft.pk]
        )
        cursor.execute("DELETE FROM advices_recommendation WHERE letter_id = %s", [draft.pk])
        cursor.execute("DELETE FROM advices_adviceletter WHERE id = %s", [draft.pk])
        cursor.execute(
            "UPDATE advices_adviceletter SET status = 'beantwoord' WHERE id = %s", [sent.pk]
        )
    assert AdviceLetter.objects.get(pk=sent.pk).status == LetterStatus.ANSWERED


def _pg_tool(name):
    found = sorted(__import__("glob").glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


# serialized_rollback: this test commits, and the flush after a plain transactional test
# would re-create the content types that the next serialized test restores (a duplicate).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_restores_into_an_empty_database(secretary):
    """pg_dump, then a plain restore into a new database: every row comes back."""
    pg_dump, psql = _pg_tool("pg_dump"), _pg_tool("psql")
    assert pg_dump and psql, "PostgreSQL's client tools are installed with the server"
    letter = make_letter(recommendations=3, status=LetterStatus.SENT, user=secretary)
    settings = connection.settings_dict
    params = {
        "host": settings["HOST"] or "127.0.0.1",
        "port": str(settings["PORT"] or 5432),
        "user": settings["USER"],
    }
    target = f"{settings['NAME']}_restore"
    admin = psycopg.connect(
        dbname="postgres", autocommit=True, password=settings["PASSWORD"], **params
    )
    admin.execute(f'DROP DATABASE IF EXISTS "{target}"')
    admin.execute(f'CREATE DATABASE "{target}"')
    try:
        environment = {"PGPASSWORD": settings["PASSWORD"] or ""}
        common = ["-h", params["host"], "-p", params["port"], "-U", params["user"]]
        dump = subprocess.run(
            [pg_dump, *common, "--no-owner", settings["NAME"]],
            capture_output=True,
            check=True,
            env=environment,
            timeout=120,
        ).stdout
        restore = subprocess.run(
            [psql, *common, "-v", "ON_ERROR_STOP=1", "-q", "-d", target],
            input=dump,
            capture_output=True,
            env=environment,
            timeout=120,
        )
        assert restore.returncode == 0, restore.stderr.decode()
        with psycopg.connect(dbname=target, password=settings["PASSWORD"], **params) as restored:
            rows = restored.execute(
                "SELECT status,"
                " (SELECT count(*) FROM advices_recommendation r WHERE r.letter_id = l.id),"
                " (SELECT sha256 FROM advices_sentletterpdf p WHERE p.letter_id = l.id)"
                " FROM advices_adviceletter l WHERE l.id = %s",
                [letter.pk],
            ).fetchone()
        assert rows == ("verzonden", 3, letter.sent_pdf.sha256)
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{target}"')
        admin.close()

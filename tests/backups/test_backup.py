"""``manage.py backup`` and ``manage.py restore``: a real round trip on the database the suite
runs on (SQLite, and PostgreSQL under scripts/with-postgres), into a new, empty database and a
new, empty media folder.

The backup runs in this process against the test database; the restore runs as the operator
runs it, as ``manage.py restore`` in a process of its own, configured through DATABASE_URL and
DJANGO_MEDIA_ROOT (so it never touches the test database). What came back is read through the
ORM in that restored database (tests/backups/snapshot.py) and compared with the original.
"""

import hashlib
import io
import json
import os
import re
import stat
import subprocess
import sys
import tarfile
import uuid
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from advices.actions import transition
from advices.models import AdviceLetter, FollowUpState, LetterStatus, SentLetterPdf, Verdict
from tests.backups.snapshot import snapshot
from tests.factories import (
    CollegeResponseFactory,
    CommitmentFactory,
    FollowUpFactory,
    MunicipalityUserFactory,
    RecommendationAnswerFactory,
    SecretaryFactory,
    ThemeFactory,
    build_site,
    make_letter,
)

ROOT = Path(__file__).resolve().parents[2]
OTHER_VENDOR = {"sqlite": "postgresql", "postgresql": "sqlite"}


# -- helpers ----------------------------------------------------------------------------------


@pytest.fixture
def media_root(settings, tmp_path):
    """A media folder of this test's own, so the archive holds only this test's files."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return Path(settings.MEDIA_ROOT)


@contextmanager
def empty_database(tmp_path):
    """The DATABASE_URL of a new, empty database of the suite's kind; dropped afterwards."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'hersteld.sqlite3'}"
        return
    import psycopg
    from psycopg import sql

    data = connection.settings_dict
    name = f"{data['NAME']}_herstel_{uuid.uuid4().hex[:8]}"
    host, port = data["HOST"] or "127.0.0.1", str(data["PORT"] or 5432)
    admin = psycopg.connect(
        dbname="postgres",
        host=host,
        port=port,
        user=data["USER"],
        password=data["PASSWORD"],
        autocommit=True,
    )
    admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    credentials = quote(data["USER"] or "", safe="")
    if data["PASSWORD"]:
        credentials += ":" + quote(data["PASSWORD"], safe="")
    try:
        yield f"postgres://{credentials}@{host}:{port}/{name}"
    finally:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        admin.close()


def environment(database_url, media):
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_MEDIA_ROOT": str(media),
        "DJANGO_SETTINGS_MODULE": "consult.settings.dev",
    }


def manage(*args, database_url, media):
    """``manage.py ARGS`` in a process of its own, on the given database and media folder."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment(database_url, media),
        capture_output=True,
        text=True,
        timeout=600,
    )


def restored_snapshot(database_url, media):
    code = (
        "import django, json; django.setup(); "
        "from tests.backups.snapshot import snapshot; print(json.dumps(snapshot()))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment(database_url, media),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def table_count(database_url, media):
    code = (
        "import django; django.setup(); from django.db import connection; "
        "print(len(connection.introspection.table_names()))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment(database_url, media),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return int(result.stdout.strip().splitlines()[-1])


def file_hashes(root):
    root = Path(root)
    return (
        {
            path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(root.rglob("*"))
            if path.is_file()
        }
        if root.exists()
        else {}
    )


def make_backup(folder):
    out = io.StringIO()
    call_command("backup", output=f"{folder}/", stdout=out)
    archives = sorted(Path(folder).iterdir())
    assert len(archives) == 1, archives  # no temporary file is left beside it
    return archives[0], out.getvalue()


def rewrite_archive(source, target, *, manifest=None, member=None):
    """A copy of the archive with its manifest changed by ``manifest(dict)`` or the bytes of
    the member whose name starts with ``member[0]`` changed by ``member[1](bytes)``."""
    with tarfile.open(source) as old, tarfile.open(target, "w") as new:
        for info in old:
            data = old.extractfile(info).read()
            if info.name == "manifest.json" and manifest:
                data = json.dumps(manifest(json.loads(data))).encode()
            elif member and info.name.startswith(member[0]):
                data = member[1](data)
            info.size = len(data)
            new.addfile(info, io.BytesIO(data))
    return target


def flip_a_byte(data):
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :]


def build_council_data():
    """Letters in several states, with history, a stored PDF, a reply and follow-up."""
    secretary = SecretaryFactory(username="secretaris")
    clerk = MunicipalityUserFactory(username="gemeente")
    build_site()
    answered = make_letter(
        recommendations=4, reference="PR-2022-01", themes=[ThemeFactory(name="Jeugd")]
    )
    for subject in ("Sterke sociale basis (tweede versie)", "Sterke sociale basis"):
        answered.subject = subject
        answered._change_reason = "Tekst aangescherpt"
        answered.save()
    for action in ("propose", "adopt", "send"):
        transition(answered, action, secretary)
    first, second, third, _fourth = answered.recommendations.order_by("number")
    CollegeResponseFactory(letter=answered, recorded_by=clerk)
    RecommendationAnswerFactory(recommendation=first, verdict=Verdict.ADOPTED, recorded_by=clerk)
    RecommendationAnswerFactory(
        recommendation=second, verdict=Verdict.NOT_ADOPTED, recorded_by=clerk
    )
    RecommendationAnswerFactory(
        recommendation=third, verdict=Verdict.PARTLY_ADOPTED, recorded_by=clerk
    )
    FollowUpFactory(recommendation=first, state=FollowUpState.DONE, recorded_by=clerk)
    CommitmentFactory(recommendation=third, recorded_by=clerk)
    FollowUpFactory(recommendation=third, state=FollowUpState.IN_PROGRESS, recorded_by=clerk)
    make_letter(recommendations=2, reference="PR-2022-02", status=LetterStatus.SENT, user=secretary)
    make_letter(recommendations=1, reference="PR-2022-03")  # a concept
    return answered


# -- the round trip ---------------------------------------------------------------------------


# serialized_rollback: the backup must see committed data (pg_dump is a session of its own),
# and a plain transactional test would leave the next serialized test without its content types.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_restores_into_an_empty_database_with_everything_intact(media_root, tmp_path):
    answered = build_council_data()
    original = snapshot()
    # The data is what the round trip must carry: check it holds what this test is about.
    assert {row["public_status"] for row in original["recommendations"]} >= {
        "uitgevoerd",
        "standpunt-gegeven",
        "in-uitvoering",
        "wacht-op-reactie",
    }
    assert len([row for row in original["letter_history"] if row["id"] == answered.pk]) >= 6
    assert len(original["sent_pdfs"]) == 2
    assert all(pdf["stored_sha256"] == pdf["recorded_sha256"] for pdf in original["sent_pdfs"])

    archive, printed = make_backup(tmp_path / "backups")
    assert re.fullmatch(r"adviesvolger-backup-\d{8}-\d{6}\.tar", archive.name)
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert "Back-up gemaakt" in printed

    with tarfile.open(archive) as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())
        names = tar.getnames()
    assert manifest["database"]["vendor"] == connection.vendor
    assert manifest["versions"]["django"] and manifest["versions"]["wagtail"]
    assert "0010_frozen_letter_triggers" in manifest["migrations"]["advices"]
    assert manifest["counts"]["advices.letters"]["count"] == 3
    assert manifest["counts"]["advices.sent_letters"]["count"] == 2
    assert manifest["counts"]["advices.recommendations"]["count"] == 7
    pdf_names = {f"media/{SentLetterPdf.objects.get(letter=answered).file.name}"}
    assert pdf_names <= set(names)
    assert {entry["name"] for entry in manifest["files"]} == set(names) - {"manifest.json"}

    restored_media = tmp_path / "hersteld-media"
    with empty_database(tmp_path) as target:
        result = manage("restore", str(archive), database_url=target, media=restored_media)
        assert result.returncode == 0, result.stderr
        assert "Herstel geslaagd." in result.stdout
        assert "Verzonden adviesbrieven: 2 (in het archief: 2)" in result.stdout

        assert restored_snapshot(target, restored_media) == original
        assert file_hashes(restored_media) == file_hashes(media_root)

        # The restored site passes the archive check a timer runs.
        check = manage("check_sent_pdfs", database_url=target, media=restored_media)
        assert check.returncode == 0, check.stderr
        assert "intact: 2, damaged or missing: 0" in check.stdout

        # Once restored, the database is no longer empty: a second restore is refused ...
        again = manage("restore", str(archive), database_url=target, media=restored_media)
        assert again.returncode == 1
        assert "is niet leeg" in again.stderr
        # ... unless the operator says so: then everything is replaced, and still intact.
        forced = manage(
            "restore", "--force", str(archive), database_url=target, media=restored_media
        )
        assert forced.returncode == 0, forced.stderr
        assert restored_snapshot(target, restored_media) == original


# -- refusals ---------------------------------------------------------------------------------

# The backups below are of committed data, in transactional tests (see the round trip).
refusal = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def archive(transactional_db, media_root, tmp_path):
    """A backup of a small site: one sent letter with its stored PDF (committed: a backup
    reads committed data only)."""
    letter = make_letter(
        recommendations=2, reference="PR-2022-01", status=LetterStatus.SENT, user=SecretaryFactory()
    )
    path, _printed = make_backup(tmp_path / "backups")
    return path, letter


@refusal
def test_a_tampered_archive_is_refused_before_anything_is_touched(archive, tmp_path):
    path, letter = archive
    pdf = f"media/{letter.sent_pdf.file.name}"
    tampered = rewrite_archive(path, tmp_path / "tampered.tar", member=(pdf, flip_a_byte))
    target_media = tmp_path / "doel-media"
    with empty_database(tmp_path) as target:
        # Even --force, which would wipe a database, must not get that far.
        result = manage(
            "restore", "--force", str(tampered), database_url=target, media=target_media
        )
        assert result.returncode == 1
        assert "Het archief is niet in orde; er is niets hersteld." in result.stderr
        assert f"{pdf}: de SHA-256-controlesom klopt niet" in result.stderr
        assert table_count(target, target_media) == 0
    assert file_hashes(target_media) == {}


@refusal
def test_an_archive_with_a_missing_file_is_refused(archive, tmp_path):
    path, letter = archive
    pdf = f"media/{letter.sent_pdf.file.name}"

    def list_a_file_that_is_not_there(manifest):
        manifest["files"].append(
            {"name": "media/documenten/weg.pdf", "sha256": "0" * 64, "size": 1}
        )
        return manifest

    broken = rewrite_archive(path, tmp_path / "broken.tar", manifest=list_a_file_that_is_not_there)
    with pytest.raises(CommandError, match="media/documenten/weg.pdf: ontbreekt in het archief"):
        call_command("restore", str(broken), "--force", stdout=io.StringIO())
    # Refused before the database was touched, --force or not.
    assert SentLetterPdf.objects.get(letter=letter).file.name == pdf.removeprefix("media/")


@refusal
def test_a_database_that_is_not_empty_is_refused(archive):
    path, letter = archive
    with pytest.raises(CommandError) as refused:
        call_command("restore", str(path), stdout=io.StringIO())
    message = str(refused.value)
    assert "is niet leeg" in message
    assert "Er is niets hersteld" in message
    assert "--force" in message
    assert AdviceLetter.objects.filter(pk=letter.pk, status=LetterStatus.SENT).exists()


@refusal
def test_a_media_folder_that_is_not_empty_is_refused(archive, tmp_path):
    path, _letter = archive
    target_media = tmp_path / "doel-media"
    (target_media / "documents").mkdir(parents=True)
    (target_media / "documents" / "al-hier.pdf").write_bytes(b"%PDF-1.7 al aanwezig")
    with empty_database(tmp_path) as target:
        result = manage("restore", str(path), database_url=target, media=target_media)
        assert result.returncode == 1
        assert "De mediamap" in result.stderr and "is niet leeg" in result.stderr
        assert table_count(target, target_media) == 0
    assert list(file_hashes(target_media)) == ["documents/al-hier.pdf"]


@refusal
def test_a_backup_of_the_other_kind_of_database_is_refused(archive, tmp_path):
    path, letter = archive
    other = OTHER_VENDOR[connection.vendor]

    def from_the_other_database(manifest):
        manifest["database"]["vendor"] = other
        return manifest

    foreign = rewrite_archive(path, tmp_path / "other.tar", manifest=from_the_other_database)
    with pytest.raises(CommandError) as refused:
        call_command("restore", str(foreign), "--force", stdout=io.StringIO())
    message = str(refused.value)
    names = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
    assert f"een back-up van een {names[other]}-database" in message
    assert f"deze installatie gebruikt {names[connection.vendor]}" in message
    assert "Overstappen tussen SQLite en PostgreSQL kan met deze opdracht niet" in message
    assert AdviceLetter.objects.filter(pk=letter.pk).exists()


@refusal
def test_a_backup_of_a_newer_version_is_refused(archive, tmp_path):
    path, letter = archive

    def from_a_newer_version(manifest):
        manifest["migrations"]["advices"].append("0999_uit_de_toekomst")
        return manifest

    newer = rewrite_archive(path, tmp_path / "newer.tar", manifest=from_a_newer_version)
    with pytest.raises(CommandError, match="nieuwere versie van Adviesvolger") as refused:
        call_command("restore", str(newer), "--force", stdout=io.StringIO())
    assert "advices.0999_uit_de_toekomst" in str(refused.value)
    assert AdviceLetter.objects.filter(pk=letter.pk).exists()


def test_a_file_that_is_no_backup_is_refused(db, tmp_path):
    junk = tmp_path / "geen-back-up.tar"
    junk.write_bytes(b"dit is geen archief")
    with pytest.raises(CommandError, match="geen leesbaar back-uparchief"):
        call_command("restore", str(junk), stdout=io.StringIO())


def test_a_backup_inside_a_transaction_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match="binnen een lopende transactie"):
        call_command("backup", output=str(tmp_path / "b.tar"), stdout=io.StringIO())
    assert list(tmp_path.iterdir()) == []  # nothing half-written is left behind


def test_a_backup_is_never_written_into_the_media_folder(db, media_root):
    with pytest.raises(CommandError, match="niet in de mediamap"):
        call_command("backup", output=str(media_root / "backups") + "/", stdout=io.StringIO())


def test_the_backup_app_imports_nothing_of_the_apps_it_backs_up():
    """It stays generic: apps add their counts and checks through their AppConfig."""
    from tests.test_architecture import imports_in_source, offending, python_files

    found = []
    for relative in python_files():
        if relative.parts[0] == "backups":
            found += imports_in_source((ROOT / relative).read_text(encoding="utf-8"), relative)
    assert found
    assert offending(found, "backups/", ("advices", "home")) == []

"""``manage.py check_sent_pdfs``: the archive check a timer runs after a restore or weekly."""

import io

import pytest
from django.core.management import CommandError, call_command

from advices.models import LetterStatus
from tests.factories import make_letter


def run():
    out, err = io.StringIO(), io.StringIO()
    call_command("check_sent_pdfs", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_intact_archive_reports_every_pdf_as_intact(secretary, site_tree):
    make_letter(recommendations=1, status=LetterStatus.SENT, user=secretary)
    make_letter(recommendations=1, status=LetterStatus.SENT, user=secretary, reference="PR-2022-02")
    out, err = run()
    # Files left by other tests' rolled-back sends may be listed; the rows are what counts.
    assert "stored PDFs: 2, intact: 2, damaged or missing: 0," in out
    assert err == ""


def test_a_damaged_file_fails_the_check_and_names_the_letter(secretary, site_tree):
    letter = make_letter(recommendations=1, status=LetterStatus.SENT, user=secretary)
    stored = letter.sent_pdf.file
    with stored.storage.open(stored.name, "wb") as handle:
        handle.write(b"%PDF-1.7 overwritten")
    with pytest.raises(CommandError, match="1 stored PDF"):
        run()


def test_a_file_without_a_row_is_listed_not_removed(secretary, site_tree):
    letter = make_letter(recommendations=1, status=LetterStatus.SENT, user=secretary)
    storage = letter.sent_pdf.file.storage
    name = storage.save("verzonden-brieven/teruggedraaid.pdf", io.BytesIO(b"%PDF-1.7"))
    out, _err = run()
    assert f"file without a row (harmless, may be removed): {name}" in out
    assert storage.exists(name)

"""``manage.py check_uploads``: files stored before the upload checks (issue 11) are run
through the same checks, so the secretariat learns which public files to replace."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from wagtail.documents import get_document_model

from tests.advices.response_helpers import pdf_bytes
from tests.factories import CollegeResponseFactory
from tests.home import upload_files as files


def run():
    out, err = io.StringIO(), io.StringIO()
    call_command("check_uploads", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def store_document(title, name, content):
    return get_document_model().objects.create(title=title, file=ContentFile(content, name=name))


def test_clean_stored_files_pass(db):
    store_document("Verslag", "verslag.pdf", files.clean_pdf())
    store_document("Lijst", "lijst.csv", b"naam;rol\n")
    CollegeResponseFactory(reply_file=ContentFile(pdf_bytes(), name="reactie.pdf"))
    out, err = run()
    assert "stored files checked: 3, refused today: 0" in out
    assert err == ""


def test_hostile_files_stored_earlier_are_named(db):
    store_document("Begroting", "begroting.pdf", files.pdf_bomb())
    store_document("Notulen", "notulen.docx", files.docx_with_macros())
    reply = CollegeResponseFactory(reply_file=ContentFile(pdf_bytes(), name="reactie.pdf"))
    # The reply letter was replaced on disk by one with an attachment, as before the checks.
    with reply.reply_file.storage.open(reply.reply_file.name, "wb") as handle:
        handle.write(files.pdf_with_attachment())
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="3 stored file"):
        call_command("check_uploads", stdout=out, stderr=err)
    assert "stored files checked: 3, refused today: 3" in out.getvalue()
    err = err.getvalue()
    assert "document" in err and "Begroting" in err and "veel groter dan het bestand zelf" in err
    assert "Notulen" in err and "Dit bestand bevat macro's" in err
    assert f"reply to {reply.letter.reference}" in err and "Deze PDF bevat een bijlage" in err

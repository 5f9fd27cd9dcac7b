"""The college's reply letter as PDF: only a real PDF, not too large, without attachments,
XFA forms, scripts or actions, and not unpacking beyond the limit (issue 11). The hostile files
are built in ``tests/home/upload_files.py``; the same checks guard Wagtail's documents
(``tests/home/test_document_uploads.py``).
"""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from advices.models import CollegeResponse, LetterStatus
from tests.advices.response_helpers import pdf_bytes, pdf_upload
from tests.factories import make_letter
from tests.home import upload_files as files


@pytest.fixture
def sent_letter(db, secretary):
    return make_letter(recommendations=1, status=LetterStatus.SENT, user=secretary)


def post_reply(client, letter, upload):
    return client.post(
        reverse("wagtailsnippets_advices_collegeresponse:add"),
        {"letter": letter.pk, "received_on": "2022-08-01", "reply_file": upload, "text": ""},
    )


def test_a_real_pdf_is_stored(client, clerk, sent_letter):
    client.force_login(clerk)
    assert post_reply(client, sent_letter, pdf_upload()).status_code == 302
    reply = CollegeResponse.objects.get()
    with reply.reply_file.open("rb") as stored:
        assert stored.read(5) == b"%PDF-"


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile("reactie.pdf", b"Geachte raad,\nDank voor uw advies.\n"),
            "Dit bestand is geen PDF.",
        ),
        (
            SimpleUploadedFile("reactie.pdf", pdf_bytes(javascript="app.alert('hallo');")),
            "Deze PDF bevat scripts of automatische acties.",
        ),
        (
            SimpleUploadedFile("reactie.pdf", b"%PDF-1.7\n1 0 obj <<< kapot"),
            "Deze PDF is beschadigd en kan niet worden gelezen.",
        ),
        (
            SimpleUploadedFile("reactie.pdf", files.pdf_with_attachment()),
            "Deze PDF bevat een bijlage",
        ),
        (
            SimpleUploadedFile("reactie.pdf", files.pdf_with_attachment_stream_only()),
            "Sla het document opnieuw op als gewone PDF, zonder bijlagen.",
        ),
        (
            SimpleUploadedFile("reactie.pdf", files.pdf_with_xfa()),
            "Deze PDF is een XFA-formulier.",
        ),
        (
            SimpleUploadedFile("reactie.pdf", files.pdf_with_javascript_name_tree()),
            "Deze PDF bevat scripts of automatische acties.",
        ),
        (
            SimpleUploadedFile("reactie.pdf", files.pdf_with_escaped_launch_link()),
            "Deze PDF bevat scripts of automatische acties.",
        ),
        (
            SimpleUploadedFile("reactie.pdf", files.pdf_bomb()),
            "Deze PDF wordt bij het openen veel groter dan het bestand zelf: meer dan 100,0\xa0MB.",
        ),
    ],
    ids=[
        "renamed-text-file",
        "javascript",
        "broken",
        "attachment",
        "hidden-embedded-file",
        "xfa",
        "javascript-name-tree",
        "escaped-launch",
        "1-gib-bomb",
    ],
)
def test_bad_files_are_refused_with_a_clear_message(client, clerk, sent_letter, upload, message):
    client.force_login(clerk)
    response = post_reply(client, sent_letter, upload)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not CollegeResponse.objects.exists()
    sent_letter.refresh_from_db()
    assert sent_letter.status == LetterStatus.SENT


def test_a_real_letter_pdf_is_stored(client, clerk, sent_letter):
    """A tagged PDF/A with fonts and a link, as the site's own renderer writes letters."""
    client.force_login(clerk)
    response = post_reply(client, sent_letter, pdf_upload(content=files.clean_pdf()))
    assert response.status_code == 302
    with CollegeResponse.objects.get().reply_file.open("rb") as stored:
        assert stored.read() == files.clean_pdf()


def test_an_oversized_file_is_refused(client, clerk, sent_letter, settings):
    settings.ADVICES_MAX_PDF_SIZE = 2000
    client.force_login(clerk)
    big = pdf_bytes() + b"%" + b"x" * 3000 + b"\n"
    response = post_reply(client, sent_letter, SimpleUploadedFile("groot.pdf", big))
    assert response.status_code == 200
    assert "Een PDF mag hier hoogstens" in response.content.decode()
    assert not CollegeResponse.objects.exists()


def test_reply_needs_a_file_or_the_text(client, clerk, sent_letter):
    client.force_login(clerk)
    response = client.post(
        reverse("wagtailsnippets_advices_collegeresponse:add"),
        {"letter": sent_letter.pk, "received_on": datetime.date(2022, 8, 1), "text": "  "},
    )
    assert response.status_code == 200
    assert "Voeg de brief van het college toe als PDF" in response.content.decode()

"""Documents that council members and the secretariat upload in Wagtail (issue 11, uploads).

Every file is posted through the admin as a browser posts it: the document form
(/admin/documents/add/), the multiple upload (/admin/documents/multiple/add/, which answers
in JSON) and the upload tab of the document chooser. A refused file shows its Dutch message
and nothing is stored: no document, no pending upload, no file in the media folder.
"""

import json
import time
import tracemalloc
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.models import Collection, UploadedFile

from home.uploads.documents import validate_document_upload
from tests.factories import CouncilMemberFactory, SecretaryFactory
from tests.home import upload_files as files

Document = get_document_model()


@pytest.fixture
def member(db):
    return CouncilMemberFactory(username="rianne")


@pytest.fixture
def media_files():
    """The names of the files in the media folder, to see that a refusal stores nothing."""

    def names():
        root = Path(django_settings.MEDIA_ROOT)
        return {path for path in root.rglob("*") if path.is_file()} if root.exists() else set()

    return names


def upload(name, content):
    return SimpleUploadedFile(name, content)


def root_collection():
    return Collection.get_first_root_node().pk


def post_document(client, name, content):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Verslag van de raad",
            "file": upload(name, content),
            "collection": root_collection(),
            "tags": "",
        },
    )


def post_multiple(client, name, content):
    return client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": upload(name, content), "collection": root_collection()},
        headers={"x-requested-with": "XMLHttpRequest"},
    )


def post_chooser_upload(client, name, content):
    prefix = "document-chooser-upload-"
    return client.post(
        reverse("wagtaildocs_chooser:create"),
        {
            prefix + "title": "Verslag van de raad",
            prefix + "file": upload(name, content),
            prefix + "collection": root_collection(),
            prefix + "tags": "",
        },
    )


def shown(response, message):
    """Whether the page shows ``message``: in its HTML, or in the HTML inside the JSON that
    the chooser answers with."""
    body = response.content.decode()
    if response.headers.get("Content-Type", "").startswith("application/json"):
        body = json.dumps(json.loads(body), ensure_ascii=False)
    return message in body or escape(message) in body


HOSTILE = [
    ("bijlage.pdf", files.pdf_with_attachment, "Deze PDF bevat een bijlage"),
    ("verstopt.pdf", files.pdf_with_attachment_stream_only, "Deze PDF bevat een bijlage"),
    ("paperclip.pdf", files.pdf_with_file_attachment_annotation, "Deze PDF bevat een bijlage"),
    ("script.pdf", files.pdf_with_javascript_name_tree, "Deze PDF bevat scripts of automatische"),
    ("chained.pdf", files.pdf_with_javascript_after_goto, "Deze PDF bevat scripts"),
    ("escaped.pdf", files.pdf_with_escaped_launch_link, "Deze PDF bevat scripts"),
    ("launch.pdf", files.pdf_with_launch_link, "Deze PDF bevat scripts of automatische acties"),
    ("aa.pdf", files.pdf_with_page_open_action, "Deze PDF bevat scripts of automatische acties"),
    ("uri.pdf", files.pdf_with_javascript_uri, "Deze PDF bevat scripts of automatische acties"),
    ("formulier.pdf", files.pdf_with_xfa, "Deze PDF is een XFA-formulier"),
    ("bom.pdf", files.pdf_bomb, "Deze PDF wordt bij het openen veel groter dan het bestand zelf"),
    ("lzw.pdf", files.pdf_with_lzw_stream, "op een ongebruikelijke manier zijn ingepakt"),
    ("tekst.pdf", lambda: b"Geachte raad,\nDank.\n", "Dit bestand is geen echte PDF"),
    ("kapot.pdf", lambda: b"%PDF-1.7\n1 0 obj <<< kapot", "Deze PDF is beschadigd"),
    ("macro.docx", files.docx_with_macros, "Dit bestand bevat macro's"),
    ("vba.docx", files.docx_with_only_a_vba_project, "Dit bestand bevat macro's"),
    ("object.docx", files.docx_with_ole_object, "ingesloten object of programma"),
    ("wachtwoord.docx", files.encrypted_office_file, "beveiligd met een wachtwoord"),
    ("versleuteld.xlsx", files.zip_with_encrypted_member, "beveiligd met een wachtwoord"),
    ("bom.docx", files.docx_bomb, "wordt bij het openen veel groter dan het bestand zelf"),
    ("liegt.docx", files.docx_lying_about_its_size, "veel groter dan het bestand zelf"),
    ("rapport.docx", files.clean_pdf, "Dit bestand is niet echt een Word-document"),
    ("werkmap.xlsx", files.docx, "Dit bestand is niet echt een Excel-werkmap"),
    ("kapot.docx", lambda: b"PK\x03\x04 en verder niets", "Dit bestand is beschadigd"),
    ("macro.odt", files.odt_with_basic_macro, "Dit bestand bevat macro's"),
    ("rekenblad.ods", files.odt, "Dit bestand is niet echt een OpenDocument-rekenblad"),
    ("lijst.csv", lambda: b"naam;adres\x00\x01\x02\xff\xfe", "geen gewoon tekstbestand"),
    ("programma.txt", lambda: b"MZ\x90\x00\x03\x00\x00\x00", "geen gewoon tekstbestand"),
]
HOSTILE_IDS = [name for name, _build, _message in HOSTILE]


@pytest.mark.parametrize(("name", "build", "message"), HOSTILE, ids=HOSTILE_IDS)
def test_the_document_form_refuses_hostile_files(client, member, media_files, name, build, message):
    client.force_login(member)
    before = media_files()
    response = post_document(client, name, build())
    assert response.status_code == 200
    assert shown(response, message), response.content.decode()[:2000]
    assert not Document.objects.exists()
    assert media_files() == before


@pytest.mark.parametrize(("name", "build", "message"), HOSTILE, ids=HOSTILE_IDS)
def test_the_multiple_upload_refuses_hostile_files(
    client, member, media_files, name, build, message
):
    client.force_login(member)
    before = media_files()
    response = post_multiple(client, name, build())
    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False
    assert message in answer["error_message"]
    assert not Document.objects.exists()
    assert not UploadedFile.objects.exists()
    assert media_files() == before


@pytest.mark.parametrize(
    ("name", "build", "message"),
    [
        ("bijlage.pdf", files.pdf_with_attachment, "Deze PDF bevat een bijlage"),
        ("bom.pdf", files.pdf_bomb, "veel groter dan het bestand zelf"),
        ("macro.docx", files.docx_with_macros, "Dit bestand bevat macro's"),
    ],
    ids=["attachment", "pdf-bomb", "macros"],
)
def test_the_chooser_upload_refuses_hostile_files(client, member, name, build, message):
    client.force_login(member)
    response = post_chooser_upload(client, name, build())
    assert response.status_code == 200
    assert shown(response, message)
    assert not Document.objects.exists()


CLEAN = [
    ("verslag.pdf", files.clean_pdf),
    ("open-op-pagina-1.pdf", files.pdf_with_open_at_page),
    ("verslag.docx", files.docx),
    ("begroting.xlsx", lambda: files.REAL_XLSX.read_bytes()),
    ("verslag.odt", files.odt),
    ("deelnemers.csv", lambda: "naam;rol\nZoë Wertheim;voorzitter\n".encode("cp1252")),
    ("verslag.txt", lambda: files.corpus_text().encode("utf-8")),
]


@pytest.mark.parametrize(("name", "build"), CLEAN, ids=[name for name, _build in CLEAN])
def test_clean_documents_are_stored_and_served(client, member, name, build):
    content = build()
    client.force_login(member)
    response = post_document(client, name, content)
    assert response.status_code == 302, response.content.decode()[:2000]
    document = Document.objects.get()
    with document.file.open("rb") as stored:
        assert stored.read() == content


def test_a_clean_file_goes_through_the_multiple_upload(client, member):
    client.force_login(member)
    response = post_multiple(client, "verslag.pdf", files.clean_pdf())
    assert response.json()["success"] is True
    assert Document.objects.get().file_size == len(files.clean_pdf())


def test_replacing_the_file_of_a_document_is_checked_too(db, client, media_files):
    secretary = SecretaryFactory(username="sem")
    client.force_login(secretary)
    post_document(client, "verslag.pdf", files.clean_pdf())
    document = Document.objects.get()
    before = media_files()
    response = client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": document.title,
            "file": upload("verslag.pdf", files.pdf_with_javascript_name_tree()),
            "collection": root_collection(),
            "tags": "",
        },
    )
    assert response.status_code == 200
    assert shown(response, "Deze PDF bevat scripts of automatische acties")
    document.refresh_from_db()
    with document.file.open("rb") as stored:
        assert stored.read() == files.clean_pdf()
    assert media_files() == before


def test_a_pdf_bomb_is_measured_in_pieces_not_unpacked(db):
    """1 MB that inflates to 1 GiB: refused quickly, with memory far below what it unpacks to
    (and below the 100 MB limit it passes)."""
    bomb = files.pdf_bomb()
    assert len(bomb) < 2 * 1024 * 1024
    tracemalloc.start()
    started = time.monotonic()
    try:
        with pytest.raises(ValidationError) as refused:
            validate_document_upload(upload("bom.pdf", bomb))
        elapsed = time.monotonic() - started
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert refused.value.code == "pdf_too_much_unpacked"
    assert peak < 16 * 1024 * 1024, f"peak memory {peak} bytes"
    assert elapsed < 10


def test_a_zip_bomb_that_lies_about_its_size_is_stopped_early(db):
    """Its directory says 1 KiB; unpacking stops just past that, not at 200 MB."""
    bomb = files.docx_lying_about_its_size()
    tracemalloc.start()
    try:
        with pytest.raises(ValidationError) as refused:
            validate_document_upload(upload("liegt.docx", bomb))
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert refused.value.code == "zip_bomb"
    assert peak < 8 * 1024 * 1024, f"peak memory {peak} bytes"


def test_the_hand_built_bombs_are_valid_deflate_data():
    """The bombs above are real: the same builder, small, inflates to exactly its size."""
    import zlib

    size = 3 * files.MIB
    assert zlib.decompress(files.zeros_deflated(size)) == bytes(size)
    raw = zlib.decompressobj(-zlib.MAX_WBITS)
    assert raw.decompress(files.zeros_deflated(size, wbits=-zlib.MAX_WBITS)) == bytes(size)
    assert files.zeros_crc32(size) == zlib.crc32(bytes(size))


def test_the_limits_are_settings(client, member, settings):
    settings.UPLOADS_MAX_UNPACKED_SIZE = 1024 * 1024
    settings.UPLOADS_MAX_ZIP_ENTRIES = 3
    settings.UPLOADS_MAX_TEXT_SIZE = 100
    client.force_login(member)
    bomb = post_document(client, "klein.pdf", files.pdf_bomb(size=2 * files.MIB))
    assert shown(bomb, "meer dan 1,0")
    entries = post_document(client, "veel.odt", files.odt(extra_parts={"a.xml": "", "b.xml": ""}))
    assert shown(entries, "of bestaat uit te veel delen")
    text = post_document(client, "lang.txt", b"tekst " * 100)
    assert shown(text, "Een CSV- of tekstbestand mag hier hoogstens 100")
    assert not Document.objects.exists()


def test_an_allowed_extension_without_a_check_is_refused(client, member, settings):
    settings.WAGTAILDOCS_EXTENSIONS = [*settings.WAGTAILDOCS_EXTENSIONS, "pptx"]
    client.force_login(member)
    response = post_document(client, "dia.pptx", files.docx())
    assert shown(response, "Dit soort bestand kunnen we niet controleren")
    assert not Document.objects.exists()


def test_a_pdf_built_to_keep_the_check_busy_is_refused(client, member, settings):
    """The walk is bounded: too many objects, too many parts, or nesting deeper than Python's
    stack, each refused with a message instead of a slow request or a 500."""
    settings.UPLOADS_MAX_PDF_OBJECTS = 100
    settings.UPLOADS_MAX_PDF_PARTS = 1000
    client.force_login(member)
    many_objects = files.build_pdf(extra_objects=[b"<< /A 1 >>"] * 150)
    big_arrays = files.build_pdf(extra_objects=[b"[" + b"/A " * 600 + b"]"] * 2)
    deep = files.build_pdf(extra_objects=[b"[" * 5000 + b"]" * 5000])
    for content, message in [
        (many_objects, "Deze PDF bestaat uit te veel onderdelen om te controleren"),
        (big_arrays, "Deze PDF bestaat uit te veel onderdelen om te controleren"),
        (deep, "Deze PDF is beschadigd en kan niet worden gelezen"),
    ]:
        response = post_document(client, "druk.pdf", content)
        assert response.status_code == 200
        assert shown(response, message)
    assert not Document.objects.exists()

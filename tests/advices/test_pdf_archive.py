"""The PDF of a sent letter: rendered once when it is sent, stored with its checksum, and from
then on served as exactly those bytes — never rendered again (issue #4).

Real rendering, real database, real storage (a temporary MEDIA_ROOT per test). Where a test
must prove that something is *not* rendered, it makes rendering impossible (WeasyPrint's
``write_pdf`` and the project's renderer raise) — rendering is not what those tests test.
"""

import hashlib
import io
import logging
from io import StringIO

import pytest
import weasyprint
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader
from wagtail.models import PageViewRestriction

from advices.actions import transition
from advices.models import AdviceLetter, Erratum, LetterSettings, LetterStatus, SentLetterPdf
from advices.pages import AdviceIndexPage
from advices.pdf import render
from advices.pdf.archive import (
    PdfArchiveError,
    archive_missing_pdfs,
    archive_sent_pdf,
    orphaned_files,
    stored_bytes_match,
)
from advices.pdf.download import behind_view_restriction
from home.models import CouncilSettings
from tests.advices.admin_forms import confirm_step, confirm_url
from tests.advices.db_guards import without_db_guards
from tests.factories import make_letter

STATUS_URL = "wagtailsnippets_advices_adviceletter:status"

# Real rendering (tests/conftest.py gives other tests a stand-in PDF).
pytestmark = [pytest.mark.django_db, pytest.mark.real_pdf]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """A MEDIA_ROOT of this test's own, so files of other tests do not count."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def advice_index(site_tree):
    home, _meetings = site_tree
    return home.add_child(
        instance=AdviceIndexPage(title="Adviezen", slug="adviezen", intro="Onze adviezen.")
    )


@pytest.fixture
def forbid_rendering(monkeypatch):
    """Call it, and from then on any attempt to render a PDF fails loudly."""

    def refuse(*args, **kwargs):
        raise AssertionError("A PDF was rendered where stored bytes should have been served.")

    def forbid():
        monkeypatch.setattr(weasyprint.HTML, "write_pdf", refuse)
        monkeypatch.setattr(render, "render_letter_pdf", refuse)

    return forbid


def stored_bytes(record):
    with record.file.storage.open(record.file.name, "rb") as stored:
        return stored.read()


def pdf_text(data):
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def pdf_url(index, letter):
    return index.url + f"{letter.reference}/pdf/"


def download(client, url, **headers):
    response = client.get(url, headers=headers)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


def files_in(media):
    return sorted(str(path.relative_to(media)) for path in media.rglob("*") if path.is_file())


def sent_without_pdf(**fields):
    """A letter sent before the site stored PDFs: sent, but no SentLetterPdf row."""
    letter = make_letter(status=LetterStatus.ADOPTED, **fields)
    # As a letter from before stored PDFs: the status set directly (AdviceLetter.objects
    # refuses status writes outside the lifecycle).
    AdviceLetter._base_manager.filter(pk=letter.pk).update(status=LetterStatus.SENT)
    letter.refresh_from_db()
    return letter


# ---- Sending stores the PDF once --------------------------------------------------------------


def test_sending_stores_exactly_one_pdf_with_the_checksum_of_the_stored_bytes(media, site_tree):
    letter = make_letter(status=LetterStatus.SENT, subject="Sterke sociale basis")

    [record] = SentLetterPdf.objects.filter(letter=letter)
    data = stored_bytes(record)
    assert data.startswith(b"%PDF-")
    assert record.sha256 == hashlib.sha256(data).hexdigest()
    assert record.size == len(data)
    assert record.pdf_variant == "pdf/a-3a"
    assert record.file.name.startswith("verzonden-brieven/")
    assert record.file.name.endswith(".pdf")
    assert stored_bytes_match(record)
    assert files_in(media) == [record.file.name]
    # Rendered after the status was saved: the letter as sent, without the draft mark.
    text = pdf_text(data)
    assert "Sterke sociale basis" in text
    assert "CONCEPT" not in text


def test_the_stored_pdf_is_never_replaced_or_deleted(site_tree, forbid_rendering):
    letter = make_letter(status=LetterStatus.SENT)
    forbid_rendering()
    record = letter.sent_pdf

    with pytest.raises(PdfArchiveError, match="al een PDF bewaard"):
        archive_sent_pdf(letter)
    with pytest.raises(ValidationError):
        record.save()
    with pytest.raises(ValidationError):
        record.delete()
    assert SentLetterPdf.objects.get().sha256 == record.sha256


# ---- A failure to render leaves the letter unsent ----------------------------------------------


def test_a_render_failure_leaves_the_letter_adopted_stores_nothing_and_says_why(
    client, secretary, site_tree, media, monkeypatch
):
    letter = make_letter(status=LetterStatus.ADOPTED, user=secretary)
    history_before = letter.history.count()

    def broken(*args, **kwargs):
        raise OSError("lettertype Brief-Sans ontbreekt")

    monkeypatch.setattr(render, "render_letter_pdf", broken)
    client.force_login(secretary)
    url = reverse(STATUS_URL, args=[letter.pk])
    response = confirm_step(client, letter, "send", follow=True)

    assert response.status_code == 200
    html = response.content.decode()
    assert (
        "De PDF kon niet worden gemaakt: fout bij het opmaken "
        "(OSError: lettertype Brief-Sans ontbreekt); de brief is niet verzonden."
    ) in html
    assert "De brief heeft nu de status" not in html
    letter.refresh_from_db()
    assert letter.status == LetterStatus.ADOPTED
    assert letter.sent_at is None
    assert letter.history.count() == history_before
    assert not letter.history.filter(status=LetterStatus.SENT).exists()
    assert SentLetterPdf.objects.count() == 0
    assert files_in(media) == []
    # The status page still offers to send it.
    assert confirm_url(letter, "send") in client.get(url).content.decode()


def test_transition_raises_a_validation_error_with_the_reason(secretary, site_tree, monkeypatch):
    letter = make_letter(status=LetterStatus.ADOPTED, user=secretary)
    monkeypatch.setattr(render, "render_letter_pdf", lambda *a, **k: b"<html>no pdf</html>")

    with pytest.raises(ValidationError) as raised:
        transition(letter, "send", secretary)

    assert raised.value.code == "pdf_failed"
    assert raised.value.messages == [
        "De PDF kon niet worden gemaakt: het resultaat is geen PDF; de brief is niet verzonden."
    ]
    assert AdviceLetter.objects.get(pk=letter.pk).status == LetterStatus.ADOPTED


def test_a_file_written_before_the_row_failed_is_removed(secretary, site_tree, media, monkeypatch):
    letter = make_letter(status=LetterStatus.ADOPTED, user=secretary)
    written = []
    original_save = SentLetterPdf.save

    def failing_save(self, *args, **kwargs):
        written.append(self.file.name)
        assert files_in(media) == [self.file.name]  # the file is there before the row
        raise RuntimeError("database weg")

    monkeypatch.setattr(SentLetterPdf, "save", failing_save)
    with pytest.raises(ValidationError, match="de PDF kon niet worden vastgelegd"):
        transition(letter, "send", secretary)

    assert len(written) == 1
    assert files_in(media) == []
    assert orphaned_files() == []
    assert AdviceLetter.objects.get(pk=letter.pk).status == LetterStatus.ADOPTED
    monkeypatch.setattr(SentLetterPdf, "save", original_save)

    # Once the cause is gone, sending works and stores the PDF.
    transition(letter, "send", secretary)
    assert AdviceLetter.objects.get(pk=letter.pk).status == LetterStatus.SENT
    assert files_in(media) == [SentLetterPdf.objects.get().file.name]


# ---- The public download -----------------------------------------------------------------------


def test_downloads_serve_the_stored_bytes_and_never_render(client, advice_index, forbid_rendering):
    letter = make_letter(status=LetterStatus.SENT, subject="Ouderen & zorg: één loket")
    forbid_rendering()
    record = SentLetterPdf.objects.get(letter=letter)

    first, first_body = download(client, pdf_url(advice_index, letter))
    second, second_body = download(client, pdf_url(advice_index, letter))

    assert first.status_code == second.status_code == 200
    assert first.streaming  # a FileResponse streams from storage
    assert first_body == second_body == stored_bytes(record)
    assert first["Content-Type"] == "application/pdf"
    assert first["Content-Length"] == str(record.size)
    assert first["Content-Disposition"] == (
        f'attachment; filename="{letter.reference}-ouderen-zorg-een-loket.pdf"'
    )
    assert first["ETag"] == f'"{record.sha256}"'
    assert first["Cache-Control"] == "public, max-age=31536000, immutable"
    assert "Last-Modified" in first


def test_the_download_keeps_the_sent_bytes_when_the_layout_changes_later(client, advice_index):
    home = advice_index.get_parent()
    council = CouncilSettings.for_site(home.get_site())
    council.name = "Participatieraad Oud"
    council.save()
    letter = make_letter(status=LetterStatus.SENT)
    _response, sent = download(client, pdf_url(advice_index, letter))
    assert "Participatieraad Oud" in pdf_text(sent)

    council.name = "Adviesraad Sociaal Domein Nieuw"
    council.save()
    layout = LetterSettings.for_site(home.get_site())
    layout.window_top = 60
    layout.contact_name = "Mila Nieuwenhuis"
    layout.save()
    # The templates and settings would now make another PDF ...
    today = render.render_letter_pdf(AdviceLetter.objects.get(pk=letter.pk))
    assert "Adviesraad Sociaal Domein Nieuw" in pdf_text(today)
    # ... but the download is the letter as it was sent, byte for byte.
    _response, later = download(client, pdf_url(advice_index, letter))
    assert later == sent
    assert "Adviesraad Sociaal Domein Nieuw" not in pdf_text(later)
    assert SentLetterPdf.objects.get().sha256 == hashlib.sha256(sent).hexdigest()


def test_etag_and_if_none_match(client, advice_index, forbid_rendering):
    letter = make_letter(status=LetterStatus.SENT)
    forbid_rendering()
    record = letter.sent_pdf
    url = pdf_url(advice_index, letter)

    response, body = download(client, url, if_none_match=f'"{record.sha256}"')
    assert response.status_code == 304
    assert body == b""
    assert response["ETag"] == f'"{record.sha256}"'
    assert "immutable" in response["Cache-Control"]

    response, body = download(client, url, if_none_match='"iets-anders"')
    assert response.status_code == 200
    assert body == stored_bytes(record)


def test_behind_a_view_restriction_the_pdf_is_not_for_shared_caches(
    client, advice_index, secretary, forbid_rendering
):
    letter = make_letter(status=LetterStatus.SENT)
    forbid_rendering()
    PageViewRestriction.objects.create(
        page=advice_index.get_parent(), restriction_type=PageViewRestriction.LOGIN
    )
    url = pdf_url(advice_index, letter)
    assert client.get(url).status_code == 302  # to the login page, as for the letter itself

    client.force_login(secretary)
    response, body = download(client, url)
    assert response.status_code == 200
    assert body == stored_bytes(letter.sent_pdf)
    assert response["Cache-Control"].startswith("private,")


def test_the_restriction_check_agrees_with_wagtail(advice_index):
    home = advice_index.get_parent()
    alias = advice_index.create_alias(parent=home, update_slug="adviezen-kopie")
    pages = [home, advice_index, alias]

    def wagtail_says():
        return [page.get_view_restrictions().exists() for page in pages]

    assert [behind_view_restriction(page) for page in pages] == wagtail_says() == [False] * 3
    restriction = PageViewRestriction.objects.create(
        page=advice_index, restriction_type=PageViewRestriction.LOGIN
    )
    assert [behind_view_restriction(page) for page in pages] == wagtail_says()
    assert wagtail_says() == [False, True, True]  # the alias follows its source
    restriction.delete()
    PageViewRestriction.objects.create(page=home, restriction_type=PageViewRestriction.LOGIN)
    assert [behind_view_restriction(page) for page in pages] == wagtail_says() == [True] * 3


@pytest.mark.parametrize(
    "status", [LetterStatus.CONCEPT, LetterStatus.PROPOSED, LetterStatus.ADOPTED]
)
def test_unsent_letters_have_no_download(client, advice_index, status):
    letter = make_letter(status=status)
    assert client.get(pdf_url(advice_index, letter)).status_code == 404
    assert SentLetterPdf.objects.count() == 0


def test_an_unknown_reference_is_404(client, advice_index):
    assert client.get(advice_index.url + "PR-1999-99/pdf/").status_code == 404


def test_a_letter_sent_before_pdfs_were_stored_is_404_and_says_so(client, advice_index):
    letter = sent_without_pdf()
    response = client.get(pdf_url(advice_index, letter))
    assert response.status_code == 404
    html = response.content.decode()
    assert "Van deze brief is geen PDF bewaard" in html
    assert f'href="{advice_index.url}{letter.reference}/"' in html
    # Its web page offers no download.
    page = client.get(advice_index.url + f"{letter.reference}/").content.decode()
    assert "Download de brief als PDF" not in page


def test_a_missing_file_is_a_clear_error_not_a_new_rendering(
    client, advice_index, media, forbid_rendering, caplog
):
    letter = make_letter(status=LetterStatus.SENT)
    forbid_rendering()
    record = letter.sent_pdf
    (media / record.file.name).unlink()

    with caplog.at_level(logging.ERROR, logger="advices.pdf.download"):
        response = client.get(pdf_url(advice_index, letter))

    assert response.status_code == 500
    assert response["Cache-Control"] == "no-store"
    assert "De PDF van deze brief is nu niet beschikbaar" in response.content.decode()
    assert any(letter.reference in message and "missing" in message for message in caplog.messages)
    assert files_in(media) == []  # nothing was made again
    assert SentLetterPdf.objects.get().sha256 == record.sha256


def test_a_damaged_file_is_not_served(client, advice_index, media, forbid_rendering, caplog):
    letter = make_letter(status=LetterStatus.SENT)
    forbid_rendering()
    path = media / letter.sent_pdf.file.name
    path.write_bytes(path.read_bytes()[:1000])

    with caplog.at_level(logging.ERROR, logger="advices.pdf.download"):
        response = client.get(pdf_url(advice_index, letter))
    assert response.status_code == 500
    assert any("damaged" in message for message in caplog.messages)
    assert not stored_bytes_match(letter.sent_pdf)


# ---- Links on the public pages -----------------------------------------------------------------


def test_letter_and_recommendation_pages_link_to_the_pdf_with_its_size(
    client, advice_index, forbid_rendering
):
    letter = make_letter(status=LetterStatus.SENT)
    forbid_rendering()
    record = letter.sent_pdf
    size = f"{record.size / 1024:.1f}".replace(".", ",")  # filesizeformat, Dutch

    html = client.get(advice_index.url + f"{letter.reference}/").content.decode()
    assert (
        f'<a class="utrecht-link" href="{pdf_url(advice_index, letter)}" type="application/pdf" '
        f"download>Download de brief als PDF ({size}\xa0KB)</a>"
    ) in html
    assert "zonder de correcties" not in html

    Erratum.objects.create(letter=letter, date=letter.date, text="Punt 2 is punt 3.")
    html = client.get(advice_index.url + f"{letter.reference}/").content.decode()
    assert "De PDF is de brief zoals hij is verzonden, zonder de correcties." in html

    html = client.get(advice_index.url + f"{letter.reference}/aanbeveling/1/").content.decode()
    assert f"Download de hele brief als PDF ({size}\xa0KB)" in html
    assert f'href="{pdf_url(advice_index, letter)}"' in html


# ---- Letters sent before this feature ----------------------------------------------------------


def test_archiving_missing_pdfs_renders_each_letter_once(site_tree, monkeypatch):
    old = sent_without_pdf(reference="PR-2019-01")
    new = make_letter(status=LetterStatus.SENT, reference="PR-2022-01")
    concept = make_letter(reference="PR-2024-01")

    archived, unchanged, failures = archive_missing_pdfs([old, new, concept])
    assert (archived, unchanged, failures) == ([old], [new], [])
    assert stored_bytes_match(SentLetterPdf.objects.get(letter=old))

    monkeypatch.setattr(weasyprint.HTML, "write_pdf", lambda *a, **k: pytest.fail("rendered"))
    assert archive_missing_pdfs([old, new, concept]) == ([], [old, new], [])
    assert SentLetterPdf.objects.count() == 2


# ---- The demo ------------------------------------------------------------------------------------


def load_demo(*args):
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def test_the_demo_letters_are_sent_with_stored_pdfs_and_a_second_run_renders_nothing(
    client, monkeypatch
):
    output = load_demo()
    assert "stored PDFs of sent letters: 3 created, 0 updated, 0 unchanged" in output
    sent = AdviceLetter.objects.public().order_by("reference")  # sent, maybe answered since
    assert [letter.reference for letter in sent] == ["PR-2019-01", "PR-2019-02", "PR-2022-01"]
    for letter in sent:
        assert stored_bytes_match(letter.sent_pdf)
    index = AdviceIndexPage.objects.get()
    response, body = download(client, index.url + "PR-2022-01/pdf/")
    assert response.status_code == 200 and body.startswith(b"%PDF-")
    assert len(PdfReader(io.BytesIO(body)).pages) >= 2

    monkeypatch.setattr(weasyprint.HTML, "write_pdf", lambda *a, **k: pytest.fail("rendered"))
    output = load_demo()
    assert "stored PDFs of sent letters: 0 created, 0 updated, 3 unchanged" in output
    assert SentLetterPdf.objects.count() == 3


def test_the_demo_stores_the_pdfs_of_letters_sent_before_pdfs_were_stored(monkeypatch):
    load_demo()
    # As in a database from before this feature (the application never deletes these rows,
    # and on PostgreSQL neither does the database: its guard is switched off here).
    with without_db_guards("advices_sentletterpdf"):
        SentLetterPdf._base_manager.all().delete()

    output = load_demo()
    assert "stored PDFs of sent letters: 3 created, 0 updated, 0 unchanged" in output
    assert "Stored the PDF of PR-2019-01, which was sent before PDFs were stored." in output
    assert SentLetterPdf.objects.count() == 3

    monkeypatch.setattr(weasyprint.HTML, "write_pdf", lambda *a, **k: pytest.fail("rendered"))
    output = load_demo()
    assert "stored PDFs of sent letters: 0 created, 0 updated, 3 unchanged" in output


def test_repeat_downloads_take_the_fast_path_and_a_new_restriction_is_obeyed(
    client, advice_index, forbid_rendering, django_assert_num_queries
):
    letter = make_letter(status=LetterStatus.SENT)
    forbid_rendering()
    url = pdf_url(advice_index, letter)
    first, first_body = download(client, url)
    with django_assert_num_queries(0):
        again, again_body = download(client, url)
    assert again.status_code == 200
    assert again_body == first_body == stored_bytes(letter.sent_pdf)
    assert again["ETag"] == first["ETag"]

    PageViewRestriction.objects.create(
        page=advice_index, restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get(url).status_code == 302  # to the login page: the fast path forgot it

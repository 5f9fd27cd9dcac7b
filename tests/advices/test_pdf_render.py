"""Advice letters as PDF: real WeasyPrint renders, read back with pypdf and pdfminer.six.

Rendering takes about half a second, so the letters that many tests read are rendered once
for the module (inside a transaction that is rolled back afterwards) and the tests look at
the bytes.
"""

import datetime
import io
import socket
from decimal import Decimal

import pytest
from django.db import transaction
from django.urls import reverse
from pdfminer.high_level import extract_text
from PIL import Image as PILImage
from pypdf import PdfReader
from wagtail.images.models import Image
from wagtail.models import Site

from advices.models import LetterSettings, LetterStatus, Recommendation
from advices.pdf.fetcher import FetchRefused, RestrictedURLFetcher, file_url
from advices.pdf.render import (
    PDF_VARIANT,
    build_letter,
    clean_rich_text,
    pdf_filename,
    render_letter_pdf,
)
from advices.queries.versions import letter_versions
from home.models import CouncilSettings
from tests.advices.pdf_reading import POINT_IN_MM, page_texts, squash, text_lines
from tests.factories import build_site, make_letter

# Every test here uses the test database; the marker also makes pytest-django create it
# when the module-scoped fixture below is the first to need it (e.g. with -k). Rendering
# is real (tests/conftest.py gives other tests a stand-in PDF).
pytestmark = [pytest.mark.django_db, pytest.mark.real_pdf]

LETTER_DATE = datetime.date(2022, 6, 17)
ADDRESSEE = "College van B en W\nGemeente Testdorp\nPostbus 10\n1234 AB Testdorp"
ADDRESS_LINES = ADDRESSEE.splitlines()
RETURN_ADDRESS = "Participatieraad Testdorp, Postbus 99, 1234 ZZ Testdorp"
DEFAULT_WINDOW = {"top": 50, "left": 25, "width": 85, "height": 40}
MOVED_WINDOW = {"top": 60, "left": 20, "width": 90, "height": 45}
CONTINUATION = "Kenmerk PR-2022-01, 17 juni 2022"

HOSTILE_HTML = (
    "<p>Een gewone inleiding.</p>"
    "<script>alert(1)</script>"
    '<img src="file:///etc/passwd">'
    '<img src="http://example.com/x.png">'
    '<link rel=stylesheet href="https://example.com/evil.css">'
    "<style>.concept-band { display: none }</style>"
    '<p style="background: url(file:///etc/hosts)">Met stijl.</p>'
)
HOSTILE_TEXT = (
    '<script>alert(1)</script> <img src="file:///etc/passwd"> '
    '<img src="http://example.com/x.png"> <link rel=stylesheet href=https://example.com/x.css>'
)


def inside(line, window):
    _text, left, top, right, bottom = line
    return (
        left >= window["left"]
        and right <= window["left"] + window["width"]
        and top >= window["top"]
        and bottom <= window["top"] + window["height"]
    )


def overlaps(line, window):
    _text, left, top, right, bottom = line
    return not (
        right <= window["left"]
        or left >= window["left"] + window["width"]
        or bottom <= window["top"]
        or top >= window["top"] + window["height"]
    )


def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (120, 60), (26, 61, 109)).save(buffer, format="PNG")
    return buffer.getvalue()


# -- the letters, rendered once ------------------------------------------------------------


def configure_site():
    build_site(title="Participatieraad Testdorp")
    site = Site.objects.get(is_default_site=True)
    council = CouncilSettings.for_site(site)
    council.name = "Participatieraad Testdorp"
    council.municipality = "Testdorp"
    council.postal_address = "Postbus 99\n1234 ZZ Testdorp"
    council.email = "raad@example.org"
    from django.core.files.images import ImageFile

    council.logo = Image.objects.create(
        title="Logo", file=ImageFile(io.BytesIO(png_bytes()), name="logo-raad.png")
    )
    council.save()
    layout = LetterSettings.for_site(site)
    layout.contact_name = "Sem Secretaris"
    layout.contact_email = "secretaris@example.org"
    layout.save()
    return site, layout


def set_window(layout, window):
    for name, value in window.items():
        setattr(layout, f"window_{name}", Decimal(value))
    layout.save()


def render(letter, version=None):
    document = build_letter(letter, version)
    return document.write_pdf(), document


@pytest.fixture(scope="module")
def letters(django_db_setup, django_db_blocker):
    """Every PDF the module reads, with what the tests need to know about it."""
    result = {}
    with django_db_blocker.unblock(), transaction.atomic():
        site, layout = configure_site()

        long_letter = make_letter(
            recommendations=20, date=LETTER_DATE, addressee=ADDRESSEE,
            closing="<p>Wij horen graag van u.</p>",
        )  # fmt: skip
        first = long_letter.recommendations.order_by("sort_order").first()
        first.heading = "Andere kop"
        first.save()
        long_letter.subject = "Sterke sociale basis in Testdorp"
        long_letter.save()  # version 2
        pdf, document = render(long_letter)
        result["long"] = {
            "pdf": pdf,
            "document": document,
            "letter": long_letter,
            "recommendations": list(
                long_letter.recommendations.order_by("sort_order").values(
                    "number", "heading", "context", "advice"
                )
            ),
            "versions": len(letter_versions(long_letter)),
        }

        set_window(layout, MOVED_WINDOW)
        result["moved"] = {"pdf": render(long_letter)[0]}
        set_window(layout, DEFAULT_WINDOW)

        for status in (LetterStatus.PROPOSED, LetterStatus.ADOPTED, LetterStatus.SENT):
            letter = make_letter(recommendations=2, status=status, addressee=ADDRESSEE)
            result[status] = {
                "pdf": render(letter)[0],
                "latest": letter_versions(letter)[-1].number,
            }
        transaction.set_rollback(True)
    return result


@pytest.fixture(scope="module")
def long_pdf(letters):
    return letters["long"]["pdf"]


@pytest.fixture(scope="module")
def long_pages(long_pdf):
    return page_texts(long_pdf)


# -- content -----------------------------------------------------------------------------


def test_the_letter_has_its_reference_date_subject_and_people(letters, long_pages):
    text = " ".join(long_pages)
    for expected in [
        "PR-2022-01",
        "17 juni 2022",
        "Onderwerp Sterke sociale basis in Testdorp",
        "Participatieraad Testdorp",
        "Contactpersoon",
        "Sem Secretaris, secretaris@example.org",
        "Geacht college,",
        "Op 9 mei 2022 organiseerde de raad een ontmoeting.",
        "Wij horen graag van u.",
        "Met vriendelijke groet,",
        "Aljona Wertheim",
        "Voorzitter",
    ]:
        assert expected in text, expected


def test_every_recommendation_is_printed_with_its_number_and_heading(letters, long_pdf):
    lines = [
        (page, *line)
        for page in range(len(PdfReader(io.BytesIO(long_pdf)).pages))
        for line in text_lines(long_pdf, page)
    ]

    def where(text):
        found = [line for line in lines if line[1] == text]
        assert len(found) == 1, (text, found)
        return found[0]

    recommendations = letters["long"]["recommendations"]
    assert len(recommendations) == 20
    for recommendation in recommendations:
        page, _text, left, top, _right, _bottom = where(f"{recommendation['number']}.")
        context = where(recommendation["context"])
        # The number stands left of its text, on the same line.
        assert context[0] == page
        assert context[3] == pytest.approx(top, abs=1)
        assert context[2] > left
        advice = where(recommendation["advice"])
        assert (advice[0], advice[3]) > (page, top)
    # A heading is printed where it changes: the first one differs, the rest share one.
    order = [
        where(text)[0:4:3]
        for text in ["Andere kop", "1.", "Betekenisvolle sociale contacten", "2.", "20."]
    ]
    assert order == sorted(order)


def test_pages_are_numbered_and_continuation_pages_have_a_header(long_pages):
    total = len(long_pages)
    assert total >= 2
    for number, text in enumerate(long_pages, start=1):
        assert f"pagina {number} van {total}" in text
    assert CONTINUATION not in long_pages[0]
    for text in long_pages[1:]:
        assert CONTINUATION in text


def test_a4_and_the_shipped_font_embedded(long_pdf):
    reader = PdfReader(io.BytesIO(long_pdf))
    box = reader.pages[0].mediabox
    assert round(float(box.width) * POINT_IN_MM) == 210
    assert round(float(box.height) * POINT_IN_MM) == 297
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts.add(str(font["/BaseFont"]))
            descendant = font["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor or "/FontFile3" in descriptor  # embedded
    assert fonts and all("Letter-Sans" in name for name in fonts), fonts


def test_only_the_pdfs_own_files_were_loaded(letters):
    fetcher = letters["long"]["document"].fetcher
    assert fetcher.refused == []
    served = fetcher.served
    assert any(url.endswith("/advices/pdf/letter.css") for url in served)
    assert any(url.endswith(".woff") for url in served)
    # The logo: a rendition in MEDIA_ROOT, allowed by its exact URL only.
    assert any("logo-raad" in url for url in served)
    assert all(url.startswith("file://") for url in served)


# -- the address in the envelope window ----------------------------------------------------


def address_lines(pdf):
    lines = text_lines(pdf, 0)
    wanted = set(ADDRESS_LINES) | {RETURN_ADDRESS}
    found = [line for line in lines if line[0] in wanted]
    assert {line[0] for line in found} == wanted, [line[0] for line in lines]
    return lines, found


@pytest.mark.parametrize(("key", "window"), [("long", DEFAULT_WINDOW), ("moved", MOVED_WINDOW)])
def test_the_address_lies_inside_the_envelope_window(letters, key, window):
    lines, found = address_lines(letters[key]["pdf"])
    for line in found:
        assert inside(line, window), (line, window)
    # Nothing else on page 1 reaches into the window.
    for line in lines:
        if line not in found:
            assert not overlaps(line, window), (line, window)


def test_a_moved_window_moves_the_address(letters):
    _lines, default = address_lines(letters["long"]["pdf"])
    _lines, moved = address_lines(letters["moved"]["pdf"])
    first_default = next(line for line in default if line[0] == ADDRESS_LINES[0])
    first_moved = next(line for line in moved if line[0] == ADDRESS_LINES[0])
    assert first_moved[2] - first_default[2] == pytest.approx(10, abs=0.5)  # 60 - 50 mm
    assert first_default[1] - first_moved[1] == pytest.approx(5, abs=0.5)  # 25 - 20 mm


# -- archival and accessible ---------------------------------------------------------------


def test_title_language_and_pdfa_identification(letters, long_pdf):
    assert PDF_VARIANT == "pdf/a-3a"
    reader = PdfReader(io.BytesIO(long_pdf))
    assert reader.metadata.title == "PR-2022-01 Sterke sociale basis in Testdorp"
    assert reader.metadata.author == "Participatieraad Testdorp"
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nl"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert 'pdfaid:part="3"' in xmp
    assert 'pdfaid:conformance="A"' in xmp
    assert "/OutputIntents" in root


def test_the_pdf_is_tagged(long_pdf):
    reader = PdfReader(io.BytesIO(long_pdf))
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"].value is True
    tree = root["/StructTreeRoot"].get_object()
    roles = set()

    def walk(node):
        node = node.get_object()
        if isinstance(node, dict) and "/S" in node:
            roles.add(str(node["/S"]))
            children = node.get("/K")
            for child in children if isinstance(children, list) else [children]:
                if hasattr(child, "get_object"):
                    walk(child)

    kids = tree["/K"]
    for kid in kids if isinstance(kids, list) else [kids]:
        walk(kid)
    assert {"/Document", "/H1", "/H2", "/P", "/Table", "/L", "/LI"} <= roles, roles


# -- concept mark ------------------------------------------------------------------------------


def test_a_concept_shows_concept_and_its_version_on_every_page(letters, long_pages):
    number = letters["long"]["versions"]
    assert number == 2
    for text in long_pages:
        assert f"Concept, versie {number}" in text


def test_a_letter_up_for_adoption_is_still_a_concept(letters):
    entry = letters[LetterStatus.PROPOSED]
    text = " ".join(page_texts(entry["pdf"]))
    assert f"Concept, versie {entry['latest']}" in text
    assert "CONCEPT" in text  # the watermark is text too


@pytest.mark.parametrize("status", [LetterStatus.ADOPTED, LetterStatus.SENT])
def test_adopted_and_sent_letters_have_no_concept_mark(letters, status):
    text = " ".join(page_texts(letters[status]["pdf"]))
    assert "PR-" in text
    assert "concept" not in text.lower()


# -- hostile letter text -------------------------------------------------------------------------


@pytest.fixture
def no_network(monkeypatch):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("no network in tests")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    return attempts


def test_a_hostile_letter_renders_fetches_nothing_and_shows_its_text_as_text(site_tree, no_network):
    letter = make_letter(recommendations=2, introduction=HOSTILE_HTML)
    recommendation = Recommendation.objects.filter(letter=letter).order_by("sort_order")[0]
    recommendation.advice = HOSTILE_TEXT
    recommendation.context = "<b>vet?</b>"
    recommendation.save()

    pdf, document = render(letter)

    assert no_network == []
    assert document.fetcher.refused == []
    assert not [url for url in document.fetcher.attempts if "example.com" in url[0]]
    assert not [url for url in document.fetcher.attempts if "/etc/" in url[0]]
    text = " ".join(page_texts(pdf))
    # Plain-text fields: the markup is shown as the characters that were typed.
    assert squash(HOSTILE_TEXT).replace(" ", "") in text.replace(" ", "")
    assert "<b>vet?</b>" in text
    # Rich text: the harmless text stays, the rest is gone, and the letter's own style holds.
    assert "Een gewone inleiding." in text
    assert "Met stijl." in text
    assert text.count("alert(1)") == 1  # the advice's, typed as text; the script is gone
    assert "root:x:0:0" not in text
    assert "Concept, versie" in text  # the stored <style> could not hide the mark


def test_the_fetcher_refuses_whatever_reaches_weasyprint(tmp_path, no_network):
    """Second line of defence: markup that did reach WeasyPrint loads nothing."""
    from weasyprint import HTML

    allowed = tmp_path / "allowed"
    allowed.mkdir()
    (allowed / "ok.css").write_text("p { color: black }")
    fetcher = RestrictedURLFetcher(allowed_dirs=[allowed])
    (tmp_path / "outside.png").write_bytes(png_bytes())
    hostile = [
        "file:///etc/passwd",
        "http://example.com/x.png",
        "https://example.com/evil.css",
        "data:image/png;base64,iVBORw0KGgo=",
        file_url(tmp_path / "outside.png"),
        "ftp://example.com/x.png",
    ]
    html = (
        f'<html lang="nl"><head><title>t</title>'
        f'<link rel="stylesheet" href="{hostile[2]}">'
        f'<link rel="stylesheet" href="{file_url(allowed / "ok.css")}"></head><body>'
        + "".join(f'<img src="{url}">' for url in hostile if url != hostile[2])
        + '<p style="background: url(file:///etc/hosts)">tekst</p></body></html>'
    )
    pdf = HTML(string=html, url_fetcher=fetcher).write_pdf()

    assert pdf.startswith(b"%PDF")
    assert no_network == []
    assert fetcher.served == [file_url(allowed / "ok.css")]
    for url in hostile + ["file:///etc/hosts"]:
        assert url in fetcher.refused, (url, fetcher.attempts)
    assert "root:x:0:0" not in squash(extract_text(io.BytesIO(pdf)))


def test_the_fetcher_refuses_paths_outside_and_wrong_kinds(tmp_path):
    allowed = tmp_path / "allowed"
    allowed.mkdir()
    (allowed / "font.woff").write_bytes(b"wOFF")
    (allowed / "notes.txt").write_text("geheim")
    (tmp_path / "secret.css").write_text("p {}")
    (allowed / "link.css").symlink_to(tmp_path / "secret.css")
    fetcher = RestrictedURLFetcher(allowed_dirs=[allowed])

    response = fetcher.fetch(file_url(allowed / "font.woff"))
    assert response.read() == b"wOFF"
    assert response.content_type == "font/woff"
    for url in [
        file_url(allowed / "notes.txt"),  # not a kind of file a letter uses
        file_url(tmp_path / "secret.css"),  # outside
        (allowed / "link.css").as_uri(),  # a link that points outside
        allowed.as_uri() + "/../secret.css",
        "file://otherhost" + str(allowed / "font.woff"),
        "data:text/css,p{}",
        "https://example.com/font.woff",
    ]:
        with pytest.raises(FetchRefused):
            fetcher.fetch(url)
    assert len(fetcher.refused) == 7


def test_rich_text_keeps_only_what_the_editor_makes():
    cleaned = clean_rich_text(
        '<p class="x" style="color:red">Tekst <b>vet</b> <a href="https://example.org/a?b=1&c=2" '
        'onclick="x()">link</a> <a href="javascript:alert(1)">js</a></p>'
        "<script>alert(1)</script><style>p{}</style><title>Nep</title>"
        '<img src="file:///etc/passwd" alt="plaatje"><ul><li>een<li>twee</ul>'
        "<p>&lt;script&gt; blijft tekst</p><div><p>open"
    )
    assert cleaned == (
        '<p>Tekst <b>vet</b> <a href="https://example.org/a?b=1&amp;c=2">link</a> '
        "<a>js</a></p><ul><li>een<li>twee</li></li></ul>"
        "<p>&lt;script&gt; blijft tekst</p><p>open</p>"
    )


# -- names -------------------------------------------------------------------------------------


def test_pdf_filename(site_tree):
    letter = make_letter(recommendations=1, date=LETTER_DATE, subject="Sterke sociale basis!")
    versions = letter_versions(letter)
    assert pdf_filename(letter) == "pr-2022-01-sterke-sociale-basis.pdf"
    assert pdf_filename(letter, versions[-1]) == (
        "pr-2022-01-sterke-sociale-basis-concept-versie-1.pdf"
    )


def test_a_version_that_does_not_exist_is_refused(site_tree):
    letter = make_letter(recommendations=1)
    with pytest.raises(LookupError):
        render_letter_pdf(letter, 99)


# -- admin preview -------------------------------------------------------------------------------


def preview_url(letter, number):
    return reverse("wagtailsnippets_advices_adviceletter:pdf_preview", args=[letter.pk, number])


def test_the_admin_previews_the_first_and_the_latest_version(client, secretary, site_tree):
    letter = make_letter(recommendations=2, status=LetterStatus.SENT, date=LETTER_DATE)
    latest = letter_versions(letter)[-1].number
    assert latest > 1
    client.force_login(secretary)

    first = client.get(preview_url(letter, 1))
    assert first.status_code == 200
    assert first["Content-Type"] == "application/pdf"
    assert first["Content-Disposition"] == (
        'inline; filename="pr-2022-01-sterke-sociale-basis-concept-versie-1.pdf"'
    )
    assert "Concept, versie 1" in " ".join(page_texts(first.content))

    last = client.get(preview_url(letter, latest))
    assert last.status_code == 200
    assert last["Content-Disposition"] == 'inline; filename="pr-2022-01-sterke-sociale-basis.pdf"'
    assert "concept" not in " ".join(page_texts(last.content)).lower()

    versions_page = client.get(
        reverse("wagtailsnippets_advices_adviceletter:versions", args=[letter.pk])
    )
    assert preview_url(letter, latest) in versions_page.content.decode()


def test_the_preview_of_a_missing_version_is_404(client, member, site_tree):
    letter = make_letter(recommendations=1)
    client.force_login(member)
    assert client.get(preview_url(letter, 7)).status_code == 404


def test_the_municipality_may_not_preview_letters(client, clerk, site_tree):
    letter = make_letter(recommendations=1, status=LetterStatus.SENT)
    client.force_login(clerk)
    response = client.get(preview_url(letter, 1))
    assert response.status_code == 403
    assert response.get("Content-Type", "").startswith("text/html")


def test_a_failing_render_shows_a_message_not_a_server_error(
    client, secretary, site_tree, settings, tmp_path
):
    # Real failure: the PDF's stylesheet cannot be found.
    settings.STATICFILES_DIRS = [tmp_path]
    letter = make_letter(recommendations=1)
    client.force_login(secretary)
    response = client.get(preview_url(letter, 1))
    assert response.status_code == 503
    assert "De PDF van versie 1 kon niet worden gemaakt." in response.content.decode()


def test_the_admin_gives_a_redline_of_two_versions_as_pdf(client, member, site_tree):
    letter = make_letter(recommendations=2, date=LETTER_DATE, subject="Oude titel")
    letter.subject = "Nieuwe titel"
    letter.save()
    recommendation = letter.recommendations.order_by("sort_order").first()
    recommendation.advice = "Wij adviseren u iets anders."
    recommendation.save()
    client.force_login(member)

    response = client.get(preview_url(letter, 1) + "?vergelijk=2")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'inline; filename="pr-2022-01-wijzigingen-versie-1-naar-2.pdf"'
    )
    reader = PdfReader(io.BytesIO(response.content))
    assert reader.metadata.title == (
        "PR-2022-01 Nieuwe titel: wijzigingen van versie 1 naar versie 2"
    )
    assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"].value is True
    text = " ".join(page_texts(response.content))
    assert "Wijzigingen in adviesbrief PR-2022-01" in text
    for words in ["Oude", "Nieuwe", "Wij adviseren u maatregel 1 te nemen", "iets anders."]:
        assert words in text
    assert "[verwijderd" not in text  # the legend explains the marks instead
    assert "Vergelijking, geen brief" in text

    for wrong in ["1", "99", "x"]:
        assert client.get(preview_url(letter, 1) + f"?vergelijk={wrong}").status_code == 404


def test_the_preview_asks_an_anonymous_visitor_to_log_in(client, site_tree):
    letter = make_letter(recommendations=1)
    response = client.get(preview_url(letter, 1))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


# -- the HTML alone (no rendering needed) ----------------------------------------------------


def test_the_letter_is_dutch_whatever_the_active_language(site_tree):
    from django.utils import translation

    letter = make_letter(recommendations=1, date=LETTER_DATE)
    with translation.override("en"):
        html = build_letter(letter).html
    assert "17 juni 2022" in html
    assert '<html lang="nl">' in html
    assert "<title>PR-2022-01 Sterke sociale basis</title>" in html


def test_a_closing_that_already_greets_is_not_greeted_twice(site_tree):
    letter = make_letter(recommendations=1, closing="<p>Met vriendelijke groet,</p>")
    assert build_letter(letter).html.count("Met vriendelijke groet,") == 1
    other = make_letter(recommendations=1, closing="<p>Wij horen graag van u.</p>")
    assert build_letter(other).html.count("Met vriendelijke groet,") == 1

"""The annual report as PDF: a real WeasyPrint render (this module's name says so to
tests/conftest.py), read back with pypdf and pdfminer.six: PDF/A, tagged, language and title,
the figures' text, and only the letters' own stylesheet, fonts and the report's CSS loaded."""

import io

import pytest
from pdfminer.high_level import extract_text
from pypdf import PdfReader

from annual.figures import year_figures
from annual.pdf import render_report_pdf, report_html
from tests.advices.pdf_reading import squash
from tests.annual.dataset import PUBLICATION_DAY, YEAR, build_year
from tests.factories import AnnualReportFactory, CouncilSettingsFactory

pytestmark = [pytest.mark.django_db, pytest.mark.real_pdf]

HOSTILE_FOREWORD = (
    "<p>Een goed jaar.</p><script>alert(1)</script>"
    '<img src="file:///etc/passwd"><link rel=stylesheet href="https://example.com/x.css">'
)


@pytest.fixture
def published():
    build_year()
    council = CouncilSettingsFactory()
    council.name = "Participatieraad Testdorp"
    council.save()
    return AnnualReportFactory(year=YEAR, published=True, foreword=HOSTILE_FOREWORD)


@pytest.fixture
def reader(published):
    return PdfReader(io.BytesIO(published.pdf.open("rb").read()))


def test_pdfa_tagged_with_language_and_title(reader):
    assert reader.metadata.title == "Jaarverslag 2022, Participatieraad Testdorp"
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nl"
    assert root["/MarkInfo"]["/Marked"].value is True
    assert "/StructTreeRoot" in root
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert 'pdfaid:part="3"' in xmp
    assert 'pdfaid:conformance="A"' in xmp


def test_the_figures_are_in_the_text(published):
    text = squash(extract_text(io.BytesIO(published.pdf.open("rb").read())))
    assert "Jaarverslag 2022" in text
    assert "Een goed jaar." in text
    assert "In 2022 hield de raad 3 bijeenkomsten, met samen 80 deelnemers" in text
    assert "In 2022 gaf de raad 3 adviezen: 2 gevraagd en 1 ongevraagd." in text
    assert "nam het college er 2 helemaal of voor een deel over: 67%" in text
    assert "PR-2022-03 Sterke sociale basis" in text
    assert "http://localhost/adviezen/PR-2022-01/" in text
    assert "alert(1)" not in text


def test_only_its_own_files_are_loaded(published):
    from weasyprint import HTML

    html, fetcher = report_html(published, year_figures(YEAR, today=PUBLICATION_DAY))
    HTML(string=html, base_url=None, url_fetcher=fetcher).render()
    assert fetcher.refused == []
    assert any(url.endswith("/advices/pdf/letter.css") for url in fetcher.served)
    assert any(url.endswith("/annual/pdf/report.css") for url in fetcher.served)
    assert all(url.startswith("file://") for url in fetcher.served)


def test_rendering_again_from_the_frozen_figures_gives_the_same_text(published):
    again = render_report_pdf(published, published.figures)
    first = extract_text(io.BytesIO(published.pdf.open("rb").read()))
    assert squash(extract_text(io.BytesIO(again))) == squash(first)

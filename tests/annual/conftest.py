"""The annual report's PDF: a small stand-in, like the letters' (tests/conftest.py), except in
tests that are about the PDF (``test_pdf_*.py`` or ``@pytest.mark.real_pdf``)."""

import pytest

from tests.conftest import fake_letter_pdf, renders_real_pdf


def fake_render_report_pdf(report, figures, *, site=None):
    """Stands in for ``annual.pdf.render_report_pdf`` (same signature)."""
    return fake_letter_pdf(f"Jaarverslag {report.year}")


@pytest.fixture(autouse=True)
def _fast_report_pdf(request, monkeypatch):
    if renders_real_pdf(request.node):
        return
    monkeypatch.setattr("annual.pdf.render_report_pdf", fake_render_report_pdf)


@pytest.fixture
def site():
    """A site with the "Adviezen" and "Jaarverslagen" pages and one letter sent in 2022
    (PR-2022-07, two recommendations); returns the home page."""
    from tests.annual.dataset import day, sent_letter
    from tests.factories import AdviceIndexPageFactory, AnnualReportIndexPageFactory, build_site

    home, _meetings = build_site()
    AdviceIndexPageFactory(parent=home, slug="adviezen")
    AnnualReportIndexPageFactory(parent=home)
    home.letter = sent_letter(day(2022, 6, 17), 2, None, "PR-2022-07")
    return home

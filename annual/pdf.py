"""The annual report as a tagged PDF/A in the letters' house style.

Built on the letter's PDF (``advices.pdf.render``): the same variant (PDF/A-3a: archival and
tagged, with ``/Lang (nl)`` from ``<html lang="nl">`` and the title from ``<title>``), the
same stylesheet and fonts (``letter.css``, with ``annual/pdf/report.css`` on top for the
report's own pages and tables), the same logo and the same restricted URL fetcher, so the
report loads nothing but those files. The foreword goes through the letter's rich-text
cleaner; the figures are plain values that the template escapes.
"""

from django.template.loader import render_to_string
from django.utils import translation

from advices.pdf.fetcher import RestrictedURLFetcher, file_url
from advices.pdf.render import (
    FONTS,
    PDF_VARIANT,
    STYLESHEET,
    _logo,
    _settings_for,
    _static_path,
    clean_rich_text,
)
from annual.display import for_display
from annual.titles import council_name, official_title

TEMPLATE = "annual/pdf/report.html"
REPORT_STYLESHEET = "annual/pdf/report.css"


def report_html(report, figures, *, site=None):
    """The HTML of ``report`` with ``figures`` (the stored JSON), and its URL fetcher."""
    council, _layout = _settings_for(site)
    stylesheet = _static_path(STYLESHEET)
    report_css = _static_path(REPORT_STYLESHEET)
    fonts = _static_path(FONTS).parent
    fetcher = RestrictedURLFetcher(allowed_dirs=[stylesheet.parent, report_css.parent, fonts])
    with translation.override("nl"):
        html = render_to_string(
            TEMPLATE,
            {
                "title": official_title(report, council),
                "report": report,
                "figures": for_display(figures),
                "foreword": clean_rich_text(report.foreword),
                "council": council,
                "council_name": council_name(council),
                "logo_url": _logo(council, fetcher),
                "stylesheet_url": file_url(stylesheet),
                "report_stylesheet_url": file_url(report_css),
                "pdf": True,
            },
        )
    return html, fetcher


def render_report_pdf(report, figures, *, site=None):
    """The PDF of ``report`` with ``figures``, as bytes."""
    from weasyprint import HTML

    html, fetcher = report_html(report, figures, site=site)
    # No base URL: a relative reference in the foreword reaches nothing.
    return HTML(string=html, base_url=None, url_fetcher=fetcher).write_pdf(pdf_variant=PDF_VARIANT)

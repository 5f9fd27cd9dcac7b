"""The published annual reports in the Woo index, category *jaarplannen en jaarverslagen*
(infocat012): each report's stored PDF at its public address, with the SHA-256 and size
stored when it was published (``annual.actions.complete_publication``). Registered in
``annual/wagtail_hooks.py`` for ``advices.public.woo.hooks.WOO_DOCUMENTS``.

Only a published report with a stored PDF is listed: a concept has no public address, and a
report that is no longer published drops out of the sitemap, which is how the harvester
learns that it is withdrawn. A fixed number of queries, whatever the number of reports."""

from django.utils import timezone

from advices.public.woo import vocabulary
from advices.public.woo.documents import Action, WooDocument
from annual.models import AnnualReport
from annual.pages import AnnualReportIndexPage
from annual.titles import official_title
from home.models import CouncilSettings
from home.site_address import page_full_url


def report_documents(request, index, council):
    reports = (
        AnnualReport.objects.published()
        .exclude(pdf="")
        .filter(pdf_size__isnull=False)
        .exclude(pdf_sha256="")
        .only("year", "pdf", "pdf_sha256", "pdf_size", "published_at", "status")
        .order_by("year")
    )
    base = page_full_url(index, request)
    for report in reports:
        published = timezone.localdate(report.published_at)
        yield WooDocument(
            url=base + index.reverse_subpage("report_pdf", args=[report.year]),
            lastmod=published,
            title=official_title(report, council),
            identifier=f"jaarverslag-{report.year}",
            document_type=vocabulary.ANNUAL_REPORT_DOCUMENT,
            created=published,
            action=Action(vocabulary.ADOPTION, report.published_at),
            size=report.pdf_size,
            sha256=report.pdf_sha256,
        )


def woo_documents(request):
    """``(category, documents)`` for the Woo index; no documents without a public
    "Jaarverslagen" page, since the PDFs have no address then."""
    index = AnnualReportIndexPage.for_request(request)
    if index is None or page_full_url(index, request) is None:
        return vocabulary.ANNUAL_REPORTS, []
    council = CouncilSettings.for_request(request)
    return vocabulary.ANNUAL_REPORTS, list(report_documents(request, index, council))

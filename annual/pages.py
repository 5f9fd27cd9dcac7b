"""The public "Jaarverslagen" page: the published annual reports, each at ``<page>/<year>/``
with its PDF at ``<page>/<year>/pdf/``. A concept report has no public address (404)."""

from django.http import FileResponse, Http404
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from annual.display import for_display
from annual.models import AnnualReport
from home.models.section import SectionPage


def report_pdf_filename(report):
    return f"jaarverslag-{report.year}.pdf"


class AnnualReportIndexPage(RoutablePageMixin, SectionPage):
    """ "Jaarverslagen": what the council did each year, in figures and in its own words."""

    class Meta:
        verbose_name = _("overzicht van jaarverslagen")
        verbose_name_plural = _("overzichten van jaarverslagen")

    def report_url(self, report, request=None):
        return self.get_url(request) + self.reverse_subpage("report", args=[report.year])

    def pdf_url(self, report, request=None):
        return self.get_url(request) + self.reverse_subpage("report_pdf", args=[report.year])

    def _published_or_404(self, year):
        report = AnnualReport.objects.published().filter(year=year).first()
        if report is None:
            raise Http404("Geen gepubliceerd jaarverslag over dit jaar.")
        return report

    @path("")
    def index_route(self, request):
        reports = list(AnnualReport.objects.published().defer("figures").order_by("-year"))
        for report in reports:
            report.public_url = self.report_url(report, request)
        return self.render(request, context_overrides={"reports": reports})

    @path("<int:year>/", name="report")
    def report_route(self, request, year):
        report = self._published_or_404(year)
        return self.render(
            request,
            template="annual/annual_report.html",
            context_overrides={
                "report": report,
                "figures": for_display(report.figures),
                "pdf_url": self.pdf_url(report, request) if report.pdf else None,
                "breadcrumb_trail": [{"title": _("Jaarverslag %(year)s") % {"year": report.year}}],
            },
        )

    @path("<int:year>/pdf/", name="report_pdf")
    def report_pdf_route(self, request, year):
        report = self._published_or_404(year)
        if not report.pdf:
            raise Http404("Van dit jaarverslag is geen PDF bewaard.")
        try:
            handle = report.pdf.open("rb")
        except FileNotFoundError:
            raise Http404("Het bestand van dit jaarverslag ontbreekt.") from None
        response = FileResponse(
            handle, content_type="application/pdf", filename=report_pdf_filename(report)
        )
        response["X-Content-Type-Options"] = "nosniff"
        return response

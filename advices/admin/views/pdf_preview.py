"""Any version of a letter as PDF, for the admin: shown in the browser, never stored.

``?vergelijk=N`` gives the redline from version N to this version as PDF instead.
"""

import logging

from django.http import Http404, HttpResponse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.generic import TemplateView
from wagtail.models import Site

from advices.admin.views.base import LetterAdminViewMixin
from advices.pdf.render import (
    pdf_filename,
    redline_filename,
    render_letter_pdf,
    render_redline_pdf,
)
from advices.queries.versions import find_version, letter_versions

logger = logging.getLogger(__name__)


# The confirmation screen of adopting and sending shows it in a frame of the admin.
@method_decorator(xframe_options_sameorigin, name="dispatch")
class LetterPdfPreviewView(LetterAdminViewMixin, TemplateView):
    """GET: the PDF of version ``number`` inline; a page that says why when it fails."""

    template_name = "advices/pdf/preview_error.html"
    page_title = gettext_lazy("PDF-voorbeeld")

    def get(self, request, *args, **kwargs):
        versions = letter_versions(self.letter)
        number = kwargs["number"]
        version = find_version(versions, number=number)
        if version is None:
            raise Http404(_("Deze brief heeft geen versie %(number)s.") % {"number": number})
        compare = self.compared_version(request, versions, version)
        site = Site.find_for_request(request)
        try:
            if compare is None:
                pdf = render_letter_pdf(self.letter, version, site=site)
                filename = pdf_filename(self.letter, version)
            else:
                # A redline reads from old to new, whichever was named first.
                old, new = sorted([compare, version], key=lambda v: v.number)
                pdf = render_redline_pdf(self.letter, old, new, site=site)
                filename = redline_filename(self.letter, old, new)
        except Exception:
            logger.exception("PDF preview of letter %s version %s failed", self.letter.pk, number)
            context = self.get_context_data(
                letter=self.letter,
                version=version,
                versions_url=self.letter_url("versions"),
            )
            # Not a 500: the admin shows what happened and the way back.
            return self.render_to_response(context, status=503)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{filename}"'
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response

    def compared_version(self, request, versions, version):
        raw = request.GET.get("vergelijk", "").strip()
        if not raw:
            return None
        try:
            other = find_version(versions, number=int(raw))
        except ValueError:
            other = None
        if other is None or other.number == version.number:
            raise Http404(_("Kies een andere, bestaande versie om mee te vergelijken."))
        return other

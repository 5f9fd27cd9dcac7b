"""Any version of a letter as PDF, for the admin: shown in the browser, never stored."""

import logging

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.models import Site

from advices.pdf import pdf_filename, render_letter_pdf
from advices.versions import find_version, letter_versions
from advices.views.admin_base import LetterAdminViewMixin

logger = logging.getLogger(__name__)


class LetterPdfPreviewView(LetterAdminViewMixin, TemplateView):
    """GET: the PDF of version ``number`` inline; a page that says why when it fails."""

    template_name = "advices/pdf/preview_error.html"
    page_title = gettext_lazy("PDF-voorbeeld")

    def get(self, request, *args, **kwargs):
        number = kwargs["number"]
        version = find_version(letter_versions(self.letter), number=number)
        if version is None:
            raise Http404(_("Deze brief heeft geen versie %(number)s.") % {"number": number})
        try:
            pdf = render_letter_pdf(self.letter, version, site=Site.find_for_request(request))
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
        response["Content-Disposition"] = f'inline; filename="{pdf_filename(self.letter, version)}"'
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response

"""Where a sent letter can be seen: its public page and its stored PDF, for the admin's
message after sending and the letter's status page."""

from django.utils.translation import gettext_lazy as _

from advices.models import SentLetterPdf
from advices.pages.urls import PublicUrls


def sent_letter_links(request, letter):
    """``[(label, absolute url)]`` of ``letter``'s public page and PDF; empty before it is
    sent, or when the site has no public "Adviezen" page."""
    if not letter.is_public:
        return []
    urls = PublicUrls(request)
    if urls.index is None:
        return []
    links = [(_("Bekijk de openbare pagina"), urls.letter(letter.reference))]
    if SentLetterPdf.objects.filter(letter_id=letter.pk).exists():
        links.append((_("Open de verzonden PDF"), urls.letter_pdf(letter.reference)))
    return links

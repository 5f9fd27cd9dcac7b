"""The public, permanent addresses of letters and recommendations: built in one place, from
the site's "Adviezen" page, for the exports, the API and the feeds."""

from django.utils.functional import cached_property

from advices.pages.advice_index import AdviceIndexPage
from home.site_address import page_full_url


class PublicUrls:
    """The permanent, absolute URLs of letters and recommendations on the request's site.

    None when the site has no public advice index (then nothing on it has a public page).
    """

    def __init__(self, request):
        self.request = request
        self.index = AdviceIndexPage.for_request(request)

    @cached_property
    def base(self):
        return page_full_url(self.index, self.request) if self.index else None

    def letter(self, reference):
        if self.index is None:
            return None
        return self.base + self.index.reverse_subpage("letter", args=[reference])

    def recommendation(self, reference, number):
        if self.index is None:
            return None
        return self.base + self.index.reverse_subpage("recommendation", args=[reference, number])

    def letter_pdf(self, reference):
        if self.index is None:
            return None
        return self.base + self.index.reverse_subpage("letter_pdf", args=[reference])

    def reply_pdf(self, reference):
        if self.index is None:
            return None
        return self.base + self.index.reverse_subpage("reply_pdf", args=[reference])

"""The absolute addresses of requests' pages, for the files, the API and the feed: the
requests page (``AdviceRequestIndexPage``) is looked up once, whatever the number of rows."""

from advices.models import AdviceRequest
from advices.pages.request_index import AdviceRequestIndexPage
from home.site_address import absolute_url


class RequestLinks:
    def __init__(self, request=None):
        self.request = request
        self.index = AdviceRequestIndexPage.for_request(request)

    def page(self, reference):
        """The request's permanent page, or None when the site has no requests page."""
        if self.index is None:
            return None
        return self.index.request_full_url(AdviceRequest(reference=reference), self.request)

    def document(self, advice_request, document):
        if self.index is None:
            return None
        return absolute_url(
            self.index.document_url(advice_request, document, self.request), self.request
        )

    def list_page(self):
        return self.index.get_url(self.request) if self.index else None

"""The "Adviesaanvragen" page: the college's requests for advice, each on its own page.

Each request's permanent address is ``<this page>/<number>/`` (``AV-2022-01``); its
documents are served below it. Other parts (exports, feeds, mails, the letter page) ask
here for those addresses."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site
from wagtail.search import index

from home.page_forms import RootPageForm
from home.site_address import page_full_url


class AdviceRequestIndexPage(RoutablePageMixin, Page):
    """ "Adviesaanvragen": what the college asked the council, by when, and what became of it."""

    intro = models.TextField(_("inleiding"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    base_form_class = RootPageForm
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("overzicht van adviesaanvragen")
        verbose_name_plural = _("overzichten van adviesaanvragen")

    @classmethod
    def for_request(cls, request):
        """The live, public requests page of the request's site, or None."""
        site = Site.find_for_request(request) if request else None
        pages = cls.objects.live().public()
        if site is not None:
            pages = pages.descendant_of(site.root_page, inclusive=True)
        return pages.first()

    def request_url(self, advice_request, request=None):
        """The permanent page of ``advice_request`` (an ``AdviceRequest``)."""
        return f"{self.get_url(request)}{advice_request.reference}/"

    def request_full_url(self, advice_request, request=None):
        """The same, as an absolute URL (exports, feeds, mails)."""
        return f"{page_full_url(self, request)}{advice_request.reference}/"

    def document_url(self, advice_request, document, request=None):
        return f"{self.request_url(advice_request, request)}documenten/{document.pk}/"


def public_requests_with_urls(advice_requests, request=None):
    """``advice_requests`` as a list, each with ``public_url`` (None when the site has no
    requests page): one query for the requests, and only if there are any, one for the page."""
    advice_requests = list(advice_requests)
    index_page = AdviceRequestIndexPage.for_request(request) if advice_requests else None
    for advice_request in advice_requests:
        advice_request.public_url = (
            index_page.request_url(advice_request, request) if index_page else None
        )
    return advice_requests

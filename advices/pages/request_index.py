"""The "Adviesaanvragen" page: the college's requests for advice, each on its own page.

Each request's permanent address is ``<this page>/<number>/`` (``AV-2022-01``); its
documents are served below it. Other parts (exports, feeds, mails, the letter page) ask
here for those addresses.

The list shows the open requests first, with their deadline and the days left, then the
answered and declined ones; a plain GET form filters it (year received, theme, status, or
"advies te laat"), so it works without JavaScript. A request's page tells the chain:
request → advice → the college's reply → decision → follow-up.
"""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from advices.lifecycle.lateness import reply_came_late, reply_timing, sent_on
from advices.lifecycle.response_term import response_term_weeks
from advices.models import AdviceRequest
from advices.pages.canonical import CanonicalReferenceMixin, ReferenceNotFound
from advices.pages.following import following_requests
from advices.pages.placement import page_beside
from advices.pdf.download import uploaded_pdf
from advices.queries.requests import (
    RequestFilter,
    answering_letters,
    attach_timing,
    canonical_request_reference,
    list_rows,
    outcome_counts,
    public_requests,
    request_for_page,
)
from home.models.section import SectionPage
from home.pagination import PAGE_PARAM, pagination_links
from home.site_address import page_full_url

REQUESTS_PER_PAGE = 20


class RequestNotFound(ReferenceNotFound):
    """No request has exactly this reference (one may in another case)."""

    def __init__(self, reference):
        super().__init__("Geen adviesaanvraag met dit nummer.", reference)


class AdviceRequestIndexPage(CanonicalReferenceMixin, RoutablePageMixin, SectionPage):
    """ "Adviesaanvragen": what the college asked the council, by when, and what became of it."""

    class Meta:
        verbose_name = _("overzicht van adviesaanvragen")
        verbose_name_plural = _("overzichten van adviesaanvragen")

    def request_url(self, advice_request, request=None):
        """The permanent page of ``advice_request`` (an ``AdviceRequest``)."""
        return f"{self.get_url(request)}{advice_request.reference}/"

    def request_full_url(self, advice_request, request=None):
        """The same, as an absolute URL (exports, feeds, mails)."""
        return f"{page_full_url(self, request)}{advice_request.reference}/"

    def document_url(self, advice_request, document, request=None):
        return f"{self.request_url(advice_request, request)}{self._document_path(document)}"

    def document_full_url(self, advice_request, document, request=None):
        """The same, as an absolute URL (the Woo index)."""
        return f"{self.request_full_url(advice_request, request)}{self._document_path(document)}"

    @staticmethod
    def _document_path(document):
        return f"documenten/{document.pk}/"

    def theme_url(self, theme, request=None):
        return f"{self.get_url(request)}?{urlencode({'thema': theme.slug})}"

    # -- routes ----------------------------------------------------------------------

    def stored_reference(self, typed):
        return canonical_request_reference(typed)

    @path("")
    def index_route(self, request, *args, **kwargs):
        today = timezone.localdate()
        request_filter = RequestFilter(request.GET, AdviceRequest.objects.all(), today)
        paginator = Paginator(public_requests(request_filter.queryset()), REQUESTS_PER_PAGE)
        requested_page = request.GET.get(PAGE_PARAM, "1")
        page_obj = paginator.get_page(requested_page)
        shown = attach_timing(list_rows(page_obj.object_list), today)
        self._link_rows(shown, request)
        return self.render(
            request,
            context_overrides={
                "request_filter": request_filter,
                "paginator": paginator,
                "page_obj": page_obj,
                "pagination": pagination_links(page_obj, request_filter.values),
                "advice_requests": shown,
                "page_number_ignored": str(page_obj.number) != requested_page.strip(),
                "following": following_requests(),
            },
        )

    def _link_rows(self, advice_requests, request):
        """The addresses each card links to: the request's page, its documents, and the
        advice answering it (one query for the "Adviezen" page, if any card needs it)."""
        advice_index = None
        if any(advice_request.answers for advice_request in advice_requests):
            advice_index = page_beside("advices.AdviceIndexPage", self)
        for advice_request in advice_requests:
            advice_request.public_url = self.request_url(advice_request, request)
            for document in advice_request.documents.all():
                document.url = self.document_url(advice_request, document, request)
            for letter in advice_request.answers:
                letter.public_url = (
                    advice_index.letter_url(letter, request) if advice_index else None
                )

    def _request_or_404(self, reference):
        advice_request = request_for_page(reference)
        if advice_request is None:
            raise RequestNotFound(reference)
        return advice_request

    @path("<str:reference>/", name="request")
    def request_route(self, request, reference):
        advice_request = self._request_or_404(reference)
        attach_timing([advice_request])
        themes = list(advice_request.themes.all())
        for theme in themes:
            theme.filter_url = self.theme_url(theme, request)
        letters = self._chain(advice_request, request)
        documents = list(advice_request.documents.all())
        for document in documents:
            document.url = self.document_url(advice_request, document, request)
        return self.render(
            request,
            template="advices/request_detail.html",
            context_overrides={
                "advice_request": advice_request,
                "themes": themes,
                "documents": documents,
                "meetings": list(advice_request.meetings.live().public().order_by("date", "pk")),
                "letters": letters,
                "any_decision": any(letter.decision_list for letter in letters),
                "breadcrumb_trail": [
                    {"title": f"{advice_request.reference} {advice_request.subject}"}
                ],
            },
        )

    def _chain(self, advice_request, request):
        """The letters answering the request, each with its address, its reply (on time or
        not) and its decisions: advice → reply → decision → follow-up."""
        letters = answering_letters(advice_request)
        if not letters:
            return []
        advice_index = page_beside("advices.AdviceIndexPage", self)
        tracker = page_beside("advices.RecommendationIndexPage", self)
        today, term_weeks = timezone.localdate(), response_term_weeks()
        for letter in letters:
            letter.public_url = advice_index.letter_url(letter, request) if advice_index else None
            letter.progress_url = (
                f"{tracker.get_url(request)}?{urlencode({'advies': letter.reference})}"
                if tracker
                else None
            )
            for name, value in reply_timing(letter, today, term_weeks).items():
                setattr(letter, name, value)
            letter.reply = getattr(letter, "college_response", None)
            letter.reply_late = letter.reply is not None and reply_came_late(
                sent_on(letter), letter.reply.received_on, term_weeks
            )
            letter.decision_list = list(letter.decisions.all())
            for decision in letter.decision_list:
                decision.outcome_counts = outcome_counts(decision)
                decision.file_url = (
                    advice_index.decision_pdf_url(letter, decision, request)
                    if decision.file and advice_index
                    else None
                )
        return letters

    @path("<str:reference>/documenten/<int:pk>/", name="document")
    def document_route(self, request, reference, pk):
        """A document of the request as it was uploaded (a checked PDF), as a download."""
        advice_request = self._request_or_404(reference)
        document = next((doc for doc in advice_request.documents.all() if doc.pk == pk), None)
        if document is None or not document.file:
            raise Http404("Deze adviesaanvraag heeft geen document met dit nummer.")
        name = slugify(document.title) or "document"
        return uploaded_pdf(
            document.file,
            f"{advice_request.reference}-{name}.pdf",
            _("Het bestand van dit document ontbreekt."),
        )


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

"""The public side of the advice letters: one page that lists the sent letters and shows
each letter and each recommendation on its own stable URL.

Only public letters (``AdviceLetter.objects.public()``, i.e. sent ones) are ever looked up
here, so a concept, a letter ter vaststelling or an adopted but unsent letter gives a 404
by every URL.
"""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db import models
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from advices.lifecycle.lateness import reply_timing
from advices.lifecycle.response_term import response_term_weeks
from advices.models.decisions import Decision
from advices.models.letters import AdviceLetter
from advices.models.recommendations import Recommendation
from advices.models.responses import CollegeResponse
from advices.pages.canonical import CanonicalReferenceMixin, ReferenceNotFound
from advices.pages.filters import AdviceFilter
from advices.pages.following import following_letter, following_letters
from advices.pages.placement import page_beside
from advices.pdf.download import serve_sent_pdf, stored_pdf, uploaded_pdf
from advices.queries.decisions import letter_decisions, link_decisions, recommendation_outcomes
from advices.queries.progress import attach_progress
from advices.queries.references import canonical_reference
from advices.queries.timeline import recommendation_timeline
from home.models.section import SectionPage
from home.pagination import PAGE_PARAM, pagination_links
from home.site_address import page_full_url

LETTERS_PER_PAGE = 10


class LetterNotFound(ReferenceNotFound):
    """No public letter has exactly this reference (one may in another case)."""

    def __init__(self, reference):
        super().__init__("Geen verzonden adviesbrief met dit kenmerk.", reference)


def group_by_heading(recommendations):
    """Consecutive recommendations with the same heading share one section, in order."""
    groups = []
    for recommendation in recommendations:
        if groups and groups[-1]["heading"] == recommendation.heading:
            groups[-1]["recommendations"].append(recommendation)
        else:
            groups.append({"heading": recommendation.heading, "recommendations": [recommendation]})
    return groups


class AdviceIndexPage(CanonicalReferenceMixin, RoutablePageMixin, SectionPage):
    """ "Adviezen": the council's sent advice letters, each letter and each recommendation."""

    class Meta:
        verbose_name = _("overzicht van adviezen")
        verbose_name_plural = _("overzichten van adviezen")

    # -- finding the page and its URLs ---------------------------------------------

    def letter_url(self, letter, request=None):
        return self.get_url(request) + self.reverse_subpage("letter", args=[letter.reference])

    def recommendation_url(self, letter, number, request=None):
        return self.get_url(request) + self.reverse_subpage(
            "recommendation", args=[letter.reference, number]
        )

    def pdf_url(self, letter, request=None):
        return self.get_url(request) + self.reverse_subpage("letter_pdf", args=[letter.reference])

    def pdf_download(self, letter, request=None):
        """The link to the stored PDF of ``letter`` (url, size), or None if none is stored."""

        record = stored_pdf(letter)
        if record is None:
            return None
        return {"url": self.pdf_url(letter, request), "size": record.size}

    def decision_pdf_url(self, letter, decision, request=None):
        return self.get_url(request) + self.reverse_subpage(
            "decision_pdf", args=[letter.reference, decision.pk]
        )

    def theme_url(self, theme, request=None):
        return f"{self.get_url(request)}?{urlencode({'thema': theme.slug})}"

    # -- data ------------------------------------------------------------------------

    @staticmethod
    def public_letters():
        return AdviceLetter.objects.public().order_by("-date", "-pk")

    def _public_letter_or_404(self, reference):
        # The stored PDF comes along in the same query (a join): the pages link to it.
        letter = (
            self.public_letters()
            .select_related("sent_pdf", "request")
            .filter(reference=reference)
            .first()
        )
        if letter is None:
            raise LetterNotFound(reference)
        return letter

    def stored_reference(self, typed):
        # Every route under a letter names its parts (reference, number): kwargs only.
        return canonical_reference(typed)

    def _letter_trail_step(self, letter, url=None):
        return {"title": f"{letter.reference} {letter.subject}", "url": url}

    def answered_request_url(self, letter, request):
        """The page of the request ``letter`` answers (None for unrequested advice, or when
        the site has no "Adviesaanvragen" page): a query only for a requested letter."""
        if letter.request_id is None:
            return None
        requests_page = page_beside("advices.AdviceRequestIndexPage", self)
        return requests_page.request_url(letter.request, request) if requests_page else None

    # -- routes ----------------------------------------------------------------------

    @path("")
    def index_route(self, request, *args, **kwargs):

        letter_filter = AdviceFilter(request.GET, self.public_letters())
        # A subquery, not Count() over a join: the paginator's count stays a plain count.
        count = (
            Recommendation.objects.filter(letter=models.OuterRef("pk"))
            .order_by()
            .values("letter")
            .annotate(total=models.Count("pk"))
            .values("total")
        )
        letters = letter_filter.queryset().annotate(
            recommendation_count=Coalesce(models.Subquery(count), 0)
        )
        paginator = Paginator(letters, LETTERS_PER_PAGE)
        requested_page = request.GET.get(PAGE_PARAM, "1")
        page_obj = paginator.get_page(requested_page)
        shown = list(
            page_obj.object_list.defer("introduction", "closing").prefetch_related("themes")
        )
        # The term is a site setting: read once, whatever the number of letters.
        today, term_weeks = timezone.localdate(), response_term_weeks()
        for letter in shown:
            letter.public_url = self.letter_url(letter, request)
            for name, value in reply_timing(letter, today, term_weeks).items():
                setattr(letter, name, value)
        return self.render(
            request,
            context_overrides={
                "letter_filter": letter_filter,
                "paginator": paginator,
                "page_obj": page_obj,
                "pagination": pagination_links(page_obj, letter_filter.values),
                "letters": shown,
                "following": following_letters(letter_filter.active_theme),
                "page_number_ignored": str(page_obj.number) != requested_page.strip(),
            },
        )

    @path("<str:reference>/", name="letter")
    def letter_route(self, request, reference):

        letter = self._public_letter_or_404(reference)
        recommendations = attach_progress(letter.recommendations.order_by("sort_order", "pk"))
        for recommendation in recommendations:
            recommendation.letter = letter  # the label needs the letter: no query per item
            recommendation.public_url = self.recommendation_url(
                letter, recommendation.number, request
            )
        themes = list(letter.themes.all())
        for theme in themes:
            theme.filter_url = self.theme_url(theme, request)
        tracker = page_beside("advices.RecommendationIndexPage", self)
        # The tracker, filtered to this letter: what became of each recommendation.
        tracker_letter_url = (
            f"{tracker.get_url(request)}?{urlencode({'advies': letter.reference})}"
            if tracker
            else None
        )
        return self.render(
            request,
            template="advices/letter_detail.html",
            context_overrides={
                "letter": letter,
                "request_url": self.answered_request_url(letter, request),
                "letter_url": self.letter_url(letter, request),
                "recommendation_groups": group_by_heading(recommendations),
                "recommendation_count": len(recommendations),
                "tracker_letter_url": tracker_letter_url,
                "themes": themes,
                "following": following_letter(themes),
                "meetings": list(letter.meetings.live().public().order_by("date", "pk")),
                "errata": list(letter.errata.order_by("date", "pk")),
                "breadcrumb_trail": [self._letter_trail_step(letter)],
                "pdf_download": self.pdf_download(letter, request),
                **self.reply_context(letter, request),
                "decisions": self.linked_decisions(letter, letter_decisions(letter), request),
            },
        )

    def linked_decisions(self, letter, decisions, request):
        """``decisions`` of ``letter`` with where the public reads them (queries.decisions)."""
        return link_decisions(
            decisions, lambda decision: self.decision_pdf_url(letter, decision, request)
        )

    def reply_context(self, letter, request):
        """The college's reply (or its lateness) for the letter's side panel."""

        reply = CollegeResponse.objects.filter(letter=letter).first()
        return {
            "reply": reply,
            "reply_file_url": self.get_url(request)
            + self.reverse_subpage("reply_pdf", args=[letter.reference])
            if reply and reply.reply_file
            else None,
            **reply_timing(letter, timezone.localdate(), response_term_weeks()),
        }

    @path("<str:reference>/reactie-college/", name="reply_pdf")
    def reply_pdf_route(self, request, reference):
        """The college's reply letter as it was uploaded (checked as a PDF without scripts)."""

        letter = self._public_letter_or_404(reference)
        reply = CollegeResponse.objects.filter(letter=letter).first()
        if reply is None or not reply.reply_file:
            raise Http404("Van deze brief is geen reactie van het college als PDF bewaard.")
        return uploaded_pdf(
            reply.reply_file,
            f"reactie-college-{letter.reference}.pdf",
            "Het bestand van de reactie ontbreekt.",
        )

    @path("<str:reference>/besluiten/<int:pk>/", name="decision_pdf")
    def decision_pdf_route(self, request, reference, pk):
        """A decision after the advice as the municipality added it (a checked PDF)."""

        letter = self._public_letter_or_404(reference)
        decision = Decision.objects.filter(letter=letter, pk=pk).first()
        if decision is None or not decision.file:
            raise Http404("Bij deze brief is geen besluit met dit nummer als PDF bewaard.")
        return uploaded_pdf(
            decision.file,
            f"besluit-{letter.reference}-{decision.pk}.pdf",
            "Het bestand van het besluit ontbreekt.",
        )

    @path("<str:reference>/pdf/", name="letter_pdf")
    def letter_pdf_route(self, request, reference):
        """The PDF of the sent letter exactly as it was stored when it was sent."""

        return serve_sent_pdf(request, self, self._public_letter_or_404(reference))

    @path("<str:reference>/aanbeveling/<int:number>/", name="recommendation")
    def recommendation_route(self, request, reference, number):
        letter = self._public_letter_or_404(reference)
        recommendation = (
            Recommendation.objects.filter(letter=letter, number=number)
            .order_by("sort_order", "pk")
            .first()
        )
        if recommendation is None:
            raise Http404("Deze brief heeft geen aanbeveling met dit nummer.")

        attach_progress([recommendation])
        recommendation.letter = letter
        letter_url = self.letter_url(letter, request)
        # Read once for the status area and the timeline.
        outcomes = recommendation_outcomes(recommendation)
        self.linked_decisions(letter, [outcome.decision for outcome in outcomes], request)
        return self.render(
            request,
            template="advices/recommendation_detail.html",
            context_overrides={
                "letter": letter,
                "recommendation": recommendation,
                "letter_url": letter_url,
                "anchor_url": f"{letter_url}#aanbeveling-{recommendation.number}",
                "recommendation_url": self.recommendation_url(
                    letter, recommendation.number, request
                ),
                "permalink": page_full_url(self, request)
                + self.reverse_subpage("recommendation", args=[letter.reference, number]),
                "errata": list(letter.errata.order_by("date", "pk")),
                "pdf_download": self.pdf_download(letter, request),
                **self.reply_context(letter, request),
                "decision_outcomes": outcomes,
                "timeline": recommendation_timeline(recommendation, letter, outcomes),
                "meetings": list(letter.meetings.live().public().order_by("date", "pk")),
                "breadcrumb_trail": [
                    self._letter_trail_step(letter, letter_url),
                    {"title": _("Aanbeveling %(label)s") % {"label": recommendation.label}},
                ],
            },
        )


def public_letters_with_urls(letters, request=None):
    """The public letters of ``letters`` as a list, each with ``public_url`` (None when the
    site has no advice index). One query for the letters; only if there are any, two more
    (view restrictions, the page) to find the advice index."""
    letters = list(letters.public())
    index_page = AdviceIndexPage.for_request(request) if letters else None
    for letter in letters:
        letter.public_url = index_page.letter_url(letter, request) if index_page else None
    return letters

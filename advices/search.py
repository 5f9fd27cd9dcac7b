"""What the site search finds of the advice cycle: sent letters, the college's requests for
advice, the letters' recommendations and the college's replies (``home.search`` shows them;
``AdvicesConfig.ready`` registers them).
An interface beside ``pages``: it links to their public URLs.

Only what the public may see: letters that were sent (``AdviceLetter.objects.public()``),
their recommendations, and the replies to them with the college's answers, all on their
public pages. A concept, a letter ter vaststelling or an adopted but unsent letter is never
found, nor anything of it. Requests for advice are public from registration, each on the
"Adviesaanvragen" page. Nothing of a kind is found when the site has no page that shows it,
as nothing would have a page to link to.

Words match as in the tracker (``tracker.search_condition``: the same fields, accents and
case ignored), so "Aanbevelingen" here counts what the tracker lists for the same word.
The status shown is the one the pages show: the letter's status (and *reactie te laat*,
``lifecycle.lateness``), the request's status (and *advies te laat*, ``lifecycle.requests``)
and the recommendation's public status (``lifecycle.progress``).
"""

from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from advices.lifecycle.lateness import reply_is_overdue, sent_on
from advices.lifecycle.requests import AdviceTiming, RequestStatus
from advices.lifecycle.response_term import response_term_weeks
from advices.lifecycle.statuses import PUBLIC_STATUSES, LetterStatus, PublicStatus
from advices.models import (
    AdviceLetter,
    AdviceRequest,
    CollegeResponse,
    Recommendation,
    RecommendationAnswer,
)
from advices.pages.advice_index import AdviceIndexPage
from advices.pages.request_index import AdviceRequestIndexPage
from advices.queries.requests import with_answered_on
from advices.queries.tracker import (
    SEARCH_TITLE_FIELDS,
    fields_text,
    recommendations_in_order,
    search_condition,
)
from home.named_people import apply_name_choices
from home.search import (
    SearchResult,
    SearchSource,
    all_words_in,
    register_search_source,
    title_hits,
)
from home.search_names import contains_public_word

EXCERPT_WORDS = 40


def letter_status(letter, today, term_weeks):
    """The letter's status as its page says it: e.g. "Verzonden, reactie te laat"."""
    label = str(LetterStatus(letter.status).label)
    if reply_is_overdue(letter.status, sent_on(letter), today, term_weeks):
        return gettext("%(status)s, reactie te laat") % {"status": label}
    return label


def excerpt(text):
    # Hidden names replaced before cutting: a cut name ("Jan…") would escape the page filter.
    return Truncator(apply_name_choices(text)).words(EXCERPT_WORDS, html=False)


class AdviceSource(SearchSource):
    """A kind of the advice cycle: found only where the site has the page of type
    ``index_model`` that shows it ("Adviezen", or "Adviesaanvragen" for requests)."""

    index_model = AdviceIndexPage

    def advice_index(self, request):
        # Looked up once per request for the kinds that share it: a query or two.
        found = request.__dict__.setdefault("_advice_search_indexes", {})
        if self.index_model not in found:
            found[self.index_model] = self.index_model.for_request(request)
        return found[self.index_model]

    def count(self, request, words):
        if self.advice_index(request) is None:
            return 0
        return len(self.ranked_keys(request, words))

    def ranked_keys(self, request, words):
        """The keys of all matches in the order shown: one scan of the folded text serves
        both the count and every page of this kind (kept for the request)."""
        memo = request.__dict__.setdefault("_advice_search_keys", {})
        key = (self.kind, tuple(words))
        if key not in memo:
            memo[key] = list(
                self.matches(words)
                .annotate(title_hits=title_hits(self.title_text(), words))
                .order_by("-title_hits", *self.newest_first())
                .values_list("pk", flat=True)
            )
        return memo[key]

    def results(self, request, words, start, stop):
        index = self.advice_index(request)
        if index is None:
            return []
        today = timezone.localdate()
        term_weeks = response_term_weeks()
        return [
            self.result(row, index, request, today, term_weeks)
            for row in self.page_rows(self.ranked_keys(request, words)[start:stop])
        ]

    def page_rows(self, keys):
        """The rows of one page of results, in the order of ``keys``, with what ``result``
        needs."""
        rows = self.rows().in_bulk(keys)
        return [rows[key] for key in keys]


class LetterSource(AdviceSource):
    kind = "adviezen"
    label = _("Adviezen")
    order = 10
    fields = ["reference", "subject", "introduction", "closing"]

    def matches(self, words):
        return AdviceLetter.objects.public().filter(all_words_in(fields_text(self.fields), words))

    def title_text(self):
        return fields_text(["reference", "subject"])

    def newest_first(self):
        return ["-date", "-reference"]

    def rows(self):
        return AdviceLetter.objects.defer("introduction", "closing")

    def result(self, letter, index, request, today, term_weeks):
        return SearchResult(
            title=f"{letter.reference} {letter.subject}",
            url=index.letter_url(letter, request),
            date=letter.date,
            status=letter_status(letter, today, term_weeks),
            context=str(letter.get_kind_display()),
        )


class RecommendationSource(AdviceSource):
    kind = "aanbevelingen"
    label = _("Aanbevelingen")
    order = 20

    def matches(self, words):
        return Recommendation.objects.public().filter(search_condition(words))

    def title_text(self):
        return fields_text(SEARCH_TITLE_FIELDS)

    def newest_first(self):
        return ["-letter__date", "-letter__reference", "number", "pk"]

    def page_rows(self, keys):
        # The status of only the page's rows (as the tracker does): the status of every
        # match before sorting would cost a subquery per match.
        return recommendations_in_order(keys)

    def result(self, recommendation, index, request, today, term_weeks):
        letter = recommendation.letter
        title = gettext("Aanbeveling %(label)s") % {"label": recommendation.label}
        if recommendation.heading:
            title = f"{title}: {recommendation.heading}"
        return SearchResult(
            title=title,
            url=index.recommendation_url(letter, recommendation.number, request),
            date=letter.date,
            status=str(PublicStatus(recommendation.public_status).label),
            context=f"{letter.reference} {letter.subject}",
            excerpt=excerpt(recommendation.advice),
        )


class ReplySource(AdviceSource):
    """The college's reply letters to sent letters: their summary, text and reference, and
    the college's answer to each recommendation (found as the reply they belong to)."""

    kind = "reacties"
    label = _("Reacties van het college")
    order = 30
    fields = ["college_reference", "letter__reference", "letter__subject", "summary", "text"]

    def matches(self, words):
        condition = Q()
        for word in words:
            in_an_answer = Exists(
                RecommendationAnswer.objects.filter(response=OuterRef("pk")).filter(
                    contains_public_word(F("answer"), word)
                )
            )
            condition &= Q(contains_public_word(fields_text(self.fields), word)) | Q(in_an_answer)
        return CollegeResponse.objects.filter(letter__status__in=PUBLIC_STATUSES).filter(condition)

    def title_text(self):
        return fields_text(["college_reference", "letter__reference"])

    def newest_first(self):
        return ["-received_on", "-pk"]

    def rows(self):
        return CollegeResponse.objects.select_related("letter").defer(
            "text", "letter__introduction"
        )

    def result(self, reply, index, request, today, term_weeks):
        letter = reply.letter
        return SearchResult(
            title=gettext("Reactie op %(reference)s %(subject)s")
            % {"reference": letter.reference, "subject": letter.subject},
            url=index.letter_url(letter, request),
            date=reply.received_on,
            status=letter_status(letter, today, term_weeks),
            context=gettext("Kenmerk van het college: %(reference)s")
            % {"reference": reply.college_reference}
            if reply.college_reference
            else "",
            excerpt=excerpt(reply.summary),
        )


def request_status(advice_request, today):
    """The request's status as its page says it, with the council's lateness: e.g.
    "In behandeling, advies te laat"."""
    label = str(RequestStatus(advice_request.status).label)
    timing = advice_request.timing(advice_request.answered_on, today)
    if timing == AdviceTiming.LATE_OPEN:
        return gettext("%(status)s, advies te laat") % {"status": label}
    if timing == AdviceTiming.LATE:
        return gettext("%(status)s, te laat uitgebracht") % {"status": label}
    return label


class RequestSource(AdviceSource):
    """The college's requests for advice: their number, subject and questions. All are
    public from registration; found where the site has an "Adviesaanvragen" page."""

    kind = "adviesaanvragen"
    label = _("Adviesaanvragen")
    order = 15
    fields = ["reference", "subject", "questions"]
    index_model = AdviceRequestIndexPage

    def matches(self, words):
        return AdviceRequest.objects.filter(all_words_in(fields_text(self.fields), words))

    def title_text(self):
        return fields_text(["reference", "subject"])

    def newest_first(self):
        return ["-received_on", "-pk"]

    def rows(self):
        return with_answered_on(AdviceRequest.objects.all())

    def result(self, advice_request, index, request, today, term_weeks):
        return SearchResult(
            title=f"{advice_request.reference} {advice_request.subject}",
            url=index.request_url(advice_request, request),
            date=advice_request.received_on,
            status=request_status(advice_request, today),
            context=gettext("Adviesaanvraag van: %(requester)s")
            % {
                "requester": advice_request.requester_name
                or advice_request.get_requester_kind_display()
            },
            excerpt=excerpt(advice_request.questions),
        )


def register():
    for source in (LetterSource(), RequestSource(), RecommendationSource(), ReplySource()):
        register_search_source(source)

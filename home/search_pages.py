"""The site search's CMS kinds: meeting reports ("Verslagen") and the other pages.

Only live pages without a view restriction, on the request's site, are found. The text
matched is what Wagtail's search index holds for the page: the plain text of its search
fields (title, summary, body blocks without markup), kept up to date by Wagtail on every
publish. The index stores that text in both databases (SQLite: ``title``/``body``;
PostgreSQL: ``title_text``/``body_text`` beside its tsvectors), so the words are matched
there with the same folding as everything else, instead of by the backend's full-text
query, which on PostgreSQL does not ignore accents. A draft change of a live page is not
in the index (Wagtail indexes the page as stored, not its revisions).
"""

from django.db import connection
from django.db.models import F, TextField, Value
from django.db.models.functions import Coalesce, Concat
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from home.models import MeetingPage
from home.named_people import apply_name_choices
from home.search import (
    SearchResult,
    SearchSource,
    all_words_in,
    register_search_source,
    title_hits,
)

EXCERPT_WORDS = 40


def index_text_columns():
    """The names of the index's plain title and body text for this database."""
    if connection.vendor == "postgresql":
        return "index_entries__title_text", "index_entries__body_text"
    return "index_entries__title", "index_entries__body"


def page_excerpt(page):
    """The page's search description, else its summary or introduction, as plain text."""
    text = page.search_description or getattr(page, "summary", "") or getattr(page, "intro", "")
    # Hidden names replaced before cutting: a cut name ("Jan…") would escape the page filter.
    return Truncator(apply_name_choices(strip_tags(str(text or "")))).words(EXCERPT_WORDS)


class PageSource(SearchSource):
    """Pages of the request's site whose indexed text holds every word."""

    def pages(self, request):
        site = Site.find_for_request(request)
        pages = Page.objects.live().public()
        if site is not None:
            pages = pages.descendant_of(site.root_page, inclusive=True)
        return pages

    def matches(self, request, words):
        title, body = index_text_columns()
        return (
            self.pages(request)
            .alias(
                search_title=Coalesce(F(title), Value(""), output_field=TextField()),
                search_text=Concat(
                    Coalesce(F(title), Value(""), output_field=TextField()),
                    Value(" "),
                    Coalesce(F(body), Value(""), output_field=TextField()),
                    output_field=TextField(),
                ),
            )
            .filter(all_words_in(F("search_text"), words))
        )

    def newest_first(self):
        return [F("first_published_at").desc(nulls_last=True), "-pk"]

    def count(self, request, words):
        return self.matches(request, words).count()

    def results(self, request, words, start, stop):
        rows = (
            self.matches(request, words)
            .annotate(title_hits=title_hits(F("search_title"), words))
            .order_by("-title_hits", *self.newest_first())[start:stop]
        )
        return [self.result(page, request) for page in rows.specific()]

    def result(self, page, request):
        return SearchResult(
            title=page.title,
            url=page.get_url(request),
            context=page.specific_class.get_verbose_name().capitalize()
            if page.specific_class
            else "",
            excerpt=page_excerpt(page),
        )


class MeetingReportSource(PageSource):
    kind = "verslagen"
    label = _("Verslagen")
    order = 40

    def pages(self, request):
        return super().pages(request).type(MeetingPage)

    def newest_first(self):
        return [F("meetingpage__date").desc(), "-pk"]

    def result(self, page, request):
        found = super().result(page, request)
        found.date = page.date
        found.context = page.get_meeting_type_display()
        return found


class OtherPageSource(PageSource):
    kind = "paginas"
    label = _("Pagina's")
    order = 50

    def pages(self, request):
        return super().pages(request).not_type(MeetingPage)


def register():
    register_search_source(MeetingReportSource())
    register_search_source(OtherPageSource())

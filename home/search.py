"""The site search's sources: each kind of content the search box finds registers here.

``home`` imports nothing from the apps that add sources (tests/test_architecture.py):
an app registers a ``SearchSource`` for each kind it owns in its ``AppConfig.ready``
(``advices`` adds letters, recommendations and the college's replies; ``home`` itself adds
meeting reports and pages, ``home/search_pages.py``). The search page (``home.views.search``)
shows the kinds in ``order``, each with its count, and pages through their results as one
list, one kind after another.

A source finds only what the public may see, matches each word with
``home.search_names.contains_public_word`` (accents and case do not matter, and a hidden
name counts as its role, as the public sees it) and ranks title and
reference hits before hits in the text, newest first among equals. ``count`` is one query;
``results`` a fixed number, whatever the number of rows.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Case, ExpressionWrapper, IntegerField, Q, Value, When

from home.search_names import contains_public_word


@dataclass
class SearchResult:
    """One thing found, as the results page shows it."""

    title: str
    url: str
    date: datetime.date | None = None
    # What became of it, e.g. "Standpunt gegeven", "Beantwoord"; empty when it has none.
    status: str = ""
    # A line of context, e.g. the letter a recommendation belongs to.
    context: str = ""
    excerpt: str = ""


class SearchSource:
    """One kind of content. Subclasses set ``kind`` (the value of ``?soort=``, e.g.
    "adviezen"), ``label`` (the heading, e.g. "Adviezen") and ``order``, and implement
    ``count`` and ``results``."""

    kind = ""
    label = ""
    order = 100

    def count(self, request, words):
        """How many public items contain every word: one query."""
        raise NotImplementedError

    def results(self, request, words, start, stop):
        """``SearchResult``s ``start`` to ``stop`` (exclusive) of the ranked matches."""
        raise NotImplementedError


_sources = {}


def register_search_source(source):
    """Add ``source`` (a ``SearchSource``); registering a kind again replaces it."""
    if not source.kind:
        raise ValueError(f"{source!r} has no kind")
    _sources[source.kind] = source


def search_sources():
    """The registered sources in the order the results page shows them."""
    return sorted(_sources.values(), key=lambda source: (source.order, source.kind))


def title_hits(title_expression, words):
    """SQL: for how many of ``words`` the title (or reference) holds them; rank by it,
    descending, so title hits come before hits in the text only."""
    hits = [
        Case(When(contains_public_word(title_expression, word), then=Value(1)), default=Value(0))
        for word in words
    ]
    total = hits[0]
    for hit in hits[1:]:
        total = total + hit
    return ExpressionWrapper(total, output_field=IntegerField())


def all_words_in(text_expression, words):
    """A filter: every word occurs in the text."""
    condition = Q()
    for word in words:
        condition &= Q(contains_public_word(text_expression, word))
    return condition


class GroupedResults:
    """The results of several sources as one list, one kind after another, for Django's
    ``Paginator``: its length is the sum of the counts (a query per source, once), and a
    slice asks only the sources it overlaps for their part. Each result gets ``kind`` and
    ``kind_label`` so the page can group them under headings."""

    def __init__(self, request, words, sources, counts):
        self.request = request
        self.words = words
        self.sources = [source for source in sources if counts[source.kind]]
        self.counts = counts

    def __len__(self):
        return sum(self.counts[source.kind] for source in self.sources)

    def __getitem__(self, key):
        if not isinstance(key, slice) or key.step not in (None, 1):
            raise TypeError("GroupedResults only gives slices")
        start, stop, _step = key.indices(len(self))
        found = []
        offset = 0
        for source in self.sources:
            count = self.counts[source.kind]
            low, high = max(start - offset, 0), min(stop - offset, count)
            if low < high:
                for result in source.results(self.request, self.words, low, high):
                    result.kind, result.kind_label = source.kind, source.label
                    found.append(result)
            offset += count
        return found

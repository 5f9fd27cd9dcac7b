"""Filtering, searching and sorting the public list of recommendations (the tracker).

The query string is in Dutch so a shared link reads well::

    ?status=in-uitvoering&standpunt=overgenomen&thema=jeugd&jaar=2022&advies=PR-2022-07
     &te-laat=ja&q=sociale+basis&sortering=status&pagina=2

Like ``home.listing_filters``, each parameter is checked on its own: a value we do not know
is left out and reported to the reader, so a hand-edited or outdated link never gives an
error page and the other filters still apply.

``filtered_recommendations(querydict)`` is the one entry point (the tracker page uses the
same ``RecommendationFilter``): the tracker, the CSV and JSON exports and the feeds all list
exactly the same recommendations for the same query string.
"""

import functools
from html import escape as html_escape
from urllib.parse import urlencode

from django import forms
from django.db.models import F, Prefetch, Q, Subquery, TextField, Value
from django.db.models.functions import Concat
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from advices.lifecycle.progress import ALL_FIELDS, annotate_progress, status_rank_expression
from advices.lifecycle.response_term import response_term_weeks
from advices.lifecycle.statuses import PUBLIC_STATUSES, PublicStatus
from advices.models import AdviceLetter, Recommendation, Verdict
from home.models.themes import Theme
from home.search import all_words_in
from home.search_text import SEARCH_MAX_LENGTH
from home.search_text import search_words as site_search_words

# The fields a search looks in: those of the recommendation and of its letter.
SEARCH_FIELDS = ["heading", "context", "advice", "letter__subject", "letter__reference"]
# Those of them that name it: a hit there ranks first in the site search.
SEARCH_TITLE_FIELDS = ["letter__reference", "heading"]

# "standpunt=geen": the college gave no verdict (yet), whether or not it replied.
NO_VERDICT_VALUE = "geen"

LATE_VALUE = "ja"
# What "te-laat" may say: yes (ours, and what a checkbox or a script might send) or no.
# Anything else is reported and ignored, like every unknown value, not taken as yes.
LATE_YES = {LATE_VALUE, "on", "true", "1"}
LATE_NO = {"", "nee", "off", "false", "0"}

# Up to this many sent letters, "Advies" is a list to choose from; with more, a list is too
# long to use (and to send), and the reader types the reference instead.
LETTER_CHOICES_MAX = 50


class Sorting:
    NEWEST = "nieuwste"
    OLDEST = "oudste"
    LETTER_AND_NUMBER = "advies-en-nummer"
    STATUS = "status"

    choices = [
        (NEWEST, _("Nieuwste advies eerst")),
        (OLDEST, _("Oudste advies eerst")),
        (LETTER_AND_NUMBER, _("Kenmerk en nummer")),
        (STATUS, _("Status")),
    ]
    default = NEWEST


def sort_order(sorting):
    """The ``order_by`` of each sorting; the primary key last, so pages never overlap.

    Letters of one date go by reference: the letters' unique index on (date, reference) and
    the recommendations' on (letter, number, id) then give the rows in this order, so the
    database reads one page without sorting every recommendation."""
    newest = [F("letter__date").desc(), F("letter__reference").desc()]
    within_letter = ["number", "pk"]
    return {
        Sorting.NEWEST: [*newest, *within_letter],
        Sorting.OLDEST: [F("letter__date").asc(), F("letter__reference").asc(), *within_letter],
        Sorting.LETTER_AND_NUMBER: ["letter__reference", *within_letter],
        Sorting.STATUS: ["status_rank", *newest, *within_letter],
    }[sorting]


def search_words(text):
    """The words of a search, within bounds: an overlong query is cut, never refused
    (``home.search_text.search_words``, the same for the site search)."""
    return site_search_words(text)


def fields_text(fields):
    """SQL: the ``fields`` as one text, a space between them (a word never spans two)."""
    parts = []
    for field in fields:
        parts += [F(field), Value(" ")]
    return Concat(*parts[:-1], output_field=TextField())


def search_condition(words):
    """Each word must occur in one of ``SEARCH_FIELDS``, whatever its accents and case
    ("buurtcafe" finds "Buurtcafé"; ``home.search_text`` folds both, the same on SQLite and
    PostgreSQL), AND-ed over the words.

    A scan of the folded text of the fields, no search index to keep up to date: fast
    enough for the few thousand recommendations a council writes in decades. (Wagtail's
    search backend would need ``Recommendation`` to be ``index.Indexed`` and a reindex on
    every change, and on PostgreSQL it does not ignore accents.)
    """
    return all_words_in(fields_text(SEARCH_FIELDS), words)


def options_html(choices, chosen):
    """``<option>`` elements for ``choices`` with ``chosen`` selected, escaped. Plain string
    work: for hundreds of letters this is much faster than a template loop."""
    parts = []
    for value, label in choices:
        value = str(value)
        selected = " selected" if value == chosen else ""
        parts.append(
            f'<option value="{html_escape(value)}"{selected}>{html_escape(str(label))}</option>'
        )
    return mark_safe("".join(parts))  # noqa: S308 - every value and label is escaped above


def strip_nul(value):
    """NUL characters mean nothing in a search and PostgreSQL refuses them in a query."""
    return value.replace("\x00", "") if isinstance(value, str) else value


class RecommendationFilterForm(forms.Form):
    q = forms.CharField(label=_("Zoeken"), required=False, strip=True)
    status = forms.ChoiceField(label=_("Status"), required=False)
    standpunt = forms.ChoiceField(label=_("Standpunt van het college"), required=False)
    thema = forms.ChoiceField(label=_("Thema"), required=False)
    jaar = forms.TypedChoiceField(label=_("Jaar"), required=False, coerce=int, empty_value=None)
    # A text field checked against the sent letters' references (a list of them, or the
    # database when there are too many to list): shown as a select or as a text input.
    advies = forms.CharField(label=_("Advies"), required=False, max_length=100)
    te_laat = forms.BooleanField(
        label=_("Alleen te laat (reactie of toezegging over de datum)"),
        help_text=_(
            "Te laat is: het college reageerde niet binnen de termijn op de brief, of de "
            "gemeente deed een toezegging niet op tijd."
        ),
        required=False,
    )
    sortering = forms.ChoiceField(label=_("Sorteren op"), required=False)

    # The names in the URL; "te-laat" is not a Python name.
    url_names = {"te_laat": "te-laat"}

    # (reference, subject) of the letter asked for, once cleaned.
    chosen_letter = None

    def __init__(self, data, *, years, themes, letters, **kwargs):
        data = {
            name: strip_nul(data.get(self.url_names.get(name, name), ""))
            for name in self.base_fields
            if data.get(self.url_names.get(name, name)) is not None
        }
        super().__init__(data, **kwargs)
        self.letters = letters
        everything = [("", _("Alle"))]
        self.fields["status"].choices = everything + list(PublicStatus.choices)
        self.fields["standpunt"].choices = (
            everything + list(Verdict.choices) + [(NO_VERDICT_VALUE, _("Nog geen standpunt"))]
        )
        self.fields["thema"].choices = everything + [(t.slug, t.name) for t in themes]
        self.fields["jaar"].choices = everything + [(str(y), str(y)) for y in years]
        self.fields["sortering"].choices = Sorting.choices

    def clean_q(self):
        return " ".join(search_words(self.cleaned_data["q"]))

    def clean_te_laat(self):
        said = str(self.data.get("te_laat", "")).strip().lower()
        if said not in LATE_YES | LATE_NO:
            raise forms.ValidationError(_("Kies ja of laat het vakje leeg."))
        return said in LATE_YES

    def clean_advies(self):
        """The reference of a sent letter, as it is stored (typing is case-insensitive)."""
        typed = self.cleaned_data["advies"].strip()
        if not typed:
            return ""
        self.chosen_letter = self.letters.find(typed)
        if self.chosen_letter is None:
            raise forms.ValidationError(_("Geen verzonden advies met dit kenmerk."))
        return self.chosen_letter[0]


class LetterChoices:
    """The sent letters the "Advies" filter offers, newest first, and their years.

    ``choices`` is a list of (reference, subject) while there are at most
    ``LETTER_CHOICES_MAX``; with more it is None and ``find`` looks a typed reference up.
    ``years``: those of the letters listed, or, with more letters, every year from the
    first letter's to the last one's. One query, whatever the number of letters.
    """

    def __init__(self, public_letters):
        self.public_letters = public_letters
        first_date = public_letters.order_by("date").values("date")[:1]
        rows = list(
            public_letters.annotate(first_date=Subquery(first_date))
            .order_by("-date", "-reference")
            .values_list("reference", "subject", "date", "first_date")[: LETTER_CHOICES_MAX + 1]
        )
        if len(rows) <= LETTER_CHOICES_MAX:
            self.choices = [(reference, subject) for reference, subject, _date, _first in rows]
            self.years = sorted({row[2].year for row in rows}, reverse=True)
        else:
            self.choices = None
            newest, oldest = rows[0][2], rows[0][3]
            self.years = list(range(newest.year, oldest.year - 1, -1))
        self.example = rows[0][0] if rows else None

    def find(self, typed):
        """(reference, subject) of the sent letter with this reference, in any case; or None."""
        if self.choices is not None:
            listed = {
                reference.casefold(): (reference, subject) for reference, subject in self.choices
            }
            return listed.get(typed.casefold())
        return (
            self.public_letters.filter(reference__iexact=typed)
            .values_list("reference", "subject")
            .first()
        )


class RecommendationFilter:
    """The valid filters of a query string, applied to the public recommendations."""

    select_names = ["status", "standpunt", "thema", "jaar", "advies"]

    def __init__(self, data, today=None):
        self.data = data
        self.today = today or timezone.localdate()
        public_letters = AdviceLetter.objects.public()
        self.themes = list(
            Theme.objects.filter(advice_letters__status__in=PUBLIC_STATUSES)
            .distinct()
            .order_by("name")
        )
        self.letters = LetterChoices(public_letters)
        self.years = self.letters.years
        self.form = RecommendationFilterForm(
            data, years=self.years, themes=self.themes, letters=self.letters
        )
        self.form.is_valid()
        self.ignored = [
            (self.form.fields[name].label, strip_nul(data.get(self.url_name(name), "")))
            for name in self.form.errors
        ]
        raw_search = data.get("q", "") or ""
        self.search_shortened = len(raw_search) > SEARCH_MAX_LENGTH or len(
            raw_search.split()
        ) > len(search_words(raw_search))

    @classmethod
    def url_name(cls, name):
        return RecommendationFilterForm.url_names.get(name, name)

    # -- what was asked ----------------------------------------------------------------

    @property
    def cleaned(self):
        return {
            name: value
            for name, value in self.form.cleaned_data.items()
            if value not in (None, "", False)
        }

    @property
    def sorting(self):
        return self.cleaned.get("sortering") or Sorting.default

    @property
    def values(self):
        """The valid parameters as they go in a URL (for pagination and the export links)."""
        values = {}
        for name, value in self.cleaned.items():
            if name == "sortering" and value == Sorting.default:
                continue
            values[self.url_name(name)] = LATE_VALUE if value is True else str(value)
        return values

    @property
    def filters_active(self):
        """Anything that narrows the list (sorting does not)."""
        return any(name != "sortering" for name in self.cleaned)

    @property
    def reads_in_index_order(self):
        """Unfiltered and sorted by letter: a page can be read from the indexes (see
        ``sort_order``) without looking at the other rows."""
        return not self.filters_active and self.sorting != Sorting.STATUS

    def query_string(self):
        return urlencode(self.values)

    @property
    def active_letter(self):
        """The letter the list is narrowed to, as "reference subject", or None."""
        if "advies" not in self.cleaned or self.form.chosen_letter is None:
            return None
        return " ".join(self.form.chosen_letter)

    @property
    def active_theme(self):
        slug = self.cleaned.get("thema")
        return next((theme for theme in self.themes if theme.slug == slug), None)

    # -- the form, field by field, for the template --------------------------------------

    @property
    def select_fields(self):
        """Each select of the form: name, label and its options as HTML (built here, not in
        the template: the "Advies" list can hold fifty letters). "Advies" is left out when
        there are too many letters to list (``letter_text_field``)."""
        fields = []
        for name in self.select_names:
            field = self.form.fields[name]
            if name == "advies":
                if self.letters.choices is None:
                    continue
                choices = [("", _("Alle"))] + [
                    (reference, f"{reference} {subject}")
                    for reference, subject in self.letters.choices
                ]
            else:
                choices = field.choices
            chosen = "" if name in self.form.errors else str(self.cleaned.get(name, ""))
            fields.append(
                {
                    "name": name,
                    "label": field.label,
                    "options": options_html(choices, chosen),
                }
            )
        return fields

    @property
    def search_field(self):
        return self.form["q"]

    @property
    def letter_text_field(self):
        """ "Advies" as a text input for the reference, when there are too many letters to
        list: what the reader typed (kept, also when it was not found) and an example."""
        if self.letters.choices is not None:
            return None
        typed = strip_nul(self.data.get("advies", ""))
        return {
            "label": self.form.fields["advies"].label,
            "value": self.cleaned.get("advies") or typed,
            "example": self.letters.example,
        }

    @property
    def late_field(self):
        return self.form["te_laat"]

    @property
    def sort_field(self):
        return self.form["sortering"]

    # -- the result -------------------------------------------------------------------------

    def needed_annotations(self):
        """The annotations the chosen filters and sorting use."""
        values = self.cleaned
        needed = set()
        if "status" in values or self.sorting == Sorting.STATUS:
            needed.add("public_status")
        if "standpunt" in values:
            needed.add("verdict")
        if values.get("te_laat"):
            needed.update({"is_overdue", "reply_overdue"})
        return needed

    @functools.cached_property
    def term_weeks(self):
        """The college's response term (a site setting): read once per filter."""
        return response_term_weeks()

    def queryset(self, annotations=ALL_FIELDS):
        """The public recommendations asked for, sorted, with the letter joined.

        ``annotations``: which of ``progress_sql.ALL_FIELDS`` to add; those the filters
        need are always added. The tracker passes ``()`` to take a page of keys cheaply.
        """
        values = self.cleaned
        fields = set(annotations) | self.needed_annotations()
        recommendations = annotate_progress(
            Recommendation.objects.public(),
            self.today,
            fields=fields,
            term_weeks=self.term_weeks if "reply_overdue" in fields else None,
        )
        if "status" in values:
            recommendations = recommendations.filter(public_status=values["status"])
        if "standpunt" in values:
            verdict = values["standpunt"]
            recommendations = recommendations.filter(
                verdict="" if verdict == NO_VERDICT_VALUE else verdict
            )
        if "thema" in values:
            recommendations = recommendations.filter(
                letter__in=AdviceLetter.objects.filter(themes__slug=values["thema"]).values("pk")
            )
        if "jaar" in values:
            recommendations = recommendations.filter(letter__date__year=values["jaar"])
        if "advies" in values:
            recommendations = recommendations.filter(letter__reference=values["advies"])
        if values.get("te_laat"):
            # Te laat: a commitment past its date, or the letter's reply (lifecycle.lateness).
            recommendations = recommendations.filter(Q(is_overdue=True) | Q(reply_overdue=True))
        if values.get("q"):
            recommendations = recommendations.filter(search_condition(values["q"].split()))
        if self.sorting == Sorting.STATUS:
            recommendations = recommendations.annotate(status_rank=status_rank_expression())
        return recommendations.select_related("letter").order_by(*sort_order(self.sorting))


def recommendations_in_order(ids, today=None, term_weeks=None):
    """The recommendations with these primary keys, annotated and with their letters, in
    the order of ``ids``: one query (and one for the response term when not given).

    For a page of a long list, first take the page's keys from the filtered, sorted query
    (the database sorts narrow rows) and then annotate only those rows; annotating every
    row before sorting costs a subquery per recommendation."""
    ids = list(ids)
    rows = annotated_recommendations(
        today or timezone.localdate(), term_weeks or response_term_weeks()
    ).filter(pk__in=ids)
    by_pk = {row.pk: row for row in rows}
    return [by_pk[pk] for pk in ids if pk in by_pk]


@functools.lru_cache(maxsize=2)
def annotated_recommendations(today, term_weeks):
    """Every recommendation with ``progress_sql``'s annotations and its letter, built once a
    day: building these expressions costs more than running the query for a page, and a
    queryset is copied, never changed, by ``filter``. Never evaluate it whole."""
    return annotate_progress(
        Recommendation.objects.all(), today, term_weeks=term_weeks
    ).select_related("letter")


def themes_prefetch():
    """Add with ``.prefetch_related(themes_prefetch())`` when the letters' themes are shown:
    one more query for any number of recommendations."""
    return Prefetch("letter__themes", queryset=Theme.objects.order_by("name"))


def filtered_recommendations(querydict, today=None):
    """The public recommendations that the query string asks for: ``(queryset, filter)``.

    Only recommendations of sent letters (verzonden, beantwoord, afgerond), annotated with
    ``verdict``, ``public_status`` and ``is_overdue`` (``advices.progress_sql``), filtered,
    searched and sorted, with the letter joined (``select_related("letter")``). Unknown values
    are left out and listed in ``filter.ignored``. Building the filter costs two queries
    (the themes, and the letters with their years, for the form's choices); the queryset is
    one more.
    """
    recommendation_filter = RecommendationFilter(querydict, today=today)
    return recommendation_filter.queryset(), recommendation_filter

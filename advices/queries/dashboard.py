"""The figures on the home page and the tracker: what became of the council's advice.

- how many public recommendations have each verdict and each public status;
- per year of the letters, how many of the recommendations with a verdict the college
  adopted (overgenomen or deels overgenomen), drawn as a bar chart on the server;
- the overdue commitments and the overdue replies, from ``advices.queries.progress``;
- per year, the share of advice given within the request's term and of replies received
  within the response term (``advices.lifecycle.timeliness``): two queries of plain values.

The verdicts, statuses and years come from one grouped query over the SQL annotations of
``advices.progress_sql`` (the same rule as everywhere); the late lists take two queries
each (a count and the first few) and the response term two. A fixed number of queries,
whatever the number of recommendations.

Counting every recommendation's status on each view of the home page would cost more than
the rest of the page, so the figures, and the dashboard as HTML, are cached per day under a
fingerprint of the data (``advices.queries.freshness``: one query of index lookups). Recording
anything through the models (a reply, a verdict, a follow-up, a commitment, a letter's new
status) or changing the page tree changes the fingerprint, so the dashboard is never older
than the last thing recorded.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from advices.lifecycle.lateness import overdue_commitments, overdue_replies
from advices.lifecycle.progress import annotate_progress
from advices.lifecycle.response_term import response_term_weeks
from advices.lifecycle.statuses import PUBLIC_STATUSES, VERDICTS_ADOPTED, PublicStatus
from advices.lifecycle.timeliness import (
    answered_on,
    first_answer_sent_at,
    percentage,
    timeliness_by_year,
)
from advices.models import AdviceLetter, AdviceRequest, Recommendation, Verdict
from advices.queries.freshness import cached
from advices.queries.tracker import NO_VERDICT_VALUE

# The late lists show the first few; a link leads to the rest.
LATE_SHOWN = 10

NO_VERDICT = ""

# build_dashboard looks the advice index up itself unless it is given (even as None).


@dataclass
class Tally:
    value: str
    label: str
    count: int
    url: str | None = None


@dataclass
class YearRate:
    year: int
    adopted: int
    with_verdict: int
    total: int

    @property
    def percent(self):
        return percentage(self.adopted, self.with_verdict)


@dataclass
class Chart:
    """The geometry of the server-rendered bar chart: one row per year, bars in percent of
    the chart's width so the text keeps its size at every screen width."""

    rows: list
    row_height: int = 52
    label_offset: int = 18
    bar_offset: int = 26
    bar_height: int = 18

    @property
    def height(self):
        return max(len(self.rows), 1) * self.row_height

    @property
    def bars(self):
        """Per year the positions, as strings: SVG wants "12.5", never a localised "12,5"."""
        for index, rate in enumerate(self.rows):
            top = index * self.row_height
            percent = rate.percent
            yield {
                "rate": rate,
                "label_y": str(top + self.label_offset),
                "bar_y": str(top + self.bar_offset),
                "bar_height": str(self.bar_height),
                # A bar of 0 % keeps a sliver, so "0 %" does not read as "no data".
                "width": None if percent is None else f"{max(percent, 0.5):g}%",
            }


@dataclass
class Dashboard:
    total: int
    verdicts: list
    statuses: list
    years: list
    late_commitments: list
    late_commitment_count: int
    late_replies: list
    late_reply_count: int
    tracker_url: str | None = None
    late_url: str | None = None
    timeliness: list = field(default_factory=list)
    chart: Chart = field(init=False)

    def __post_init__(self):
        self.chart = Chart(rows=self.years)

    @property
    def has_rates(self):
        return any(rate.with_verdict for rate in self.years)

    @property
    def chart_description(self):
        """The chart in words, for its ``<desc>``."""
        parts = []
        for rate in self.years:
            if rate.percent is None:
                parts.append(
                    _("%(year)s: nog geen standpunten") % {"year": rate.year},
                )
            else:
                parts.append(
                    _("%(year)s: %(percent)s procent (%(adopted)s van %(count)s)")
                    % {
                        "year": rate.year,
                        "percent": rate.percent,
                        "adopted": rate.adopted,
                        "count": rate.with_verdict,
                    }
                )
        return "; ".join(str(part) for part in parts) + "."


class DateYear(ExtractYear):
    """The year of a date. On SQLite, Django computes it in Python for every row; for a
    date (no time zone to apply) SQLite's own ``strftime`` gives the same, many times
    faster. Elsewhere, ``EXTRACT(YEAR ...)`` as usual."""

    def as_sqlite(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.lhs)
        return f"CAST(strftime('%%Y', {sql}) AS INTEGER)", params


def figures(today=None):
    """Verdict and status counts and the yearly adoption, in one grouped query."""
    rows = (
        annotate_progress(
            Recommendation.objects.public(),
            today,
            fields=["public_status"],
        )
        .values("verdict", "public_status", year=DateYear("letter__date"))
        .annotate(count=Count("pk"))
        .order_by()
    )
    verdicts = {value: 0 for value in [*Verdict.values, NO_VERDICT]}
    statuses = {value: 0 for value in PublicStatus.values}
    years = {}
    for row in rows:
        count = row["count"]
        verdict = row["verdict"] or NO_VERDICT
        verdicts[verdict] = verdicts.get(verdict, 0) + count
        statuses[row["public_status"]] = statuses.get(row["public_status"], 0) + count
        rate = years.setdefault(row["year"], YearRate(row["year"], 0, 0, 0))
        rate.total += count
        if verdict:
            rate.with_verdict += count
            if verdict in VERDICTS_ADOPTED:
                rate.adopted += count
    return verdicts, statuses, [years[year] for year in sorted(years)]


def timeliness(today):
    """Per year, the shares of advice and of replies on time (``lifecycle.timeliness``):
    two queries of plain values, whatever the number of requests and letters."""
    requests = AdviceRequest.objects.annotate(answered_at=first_answer_sent_at()).values_list(
        "status", "deadline", "answered_at"
    )
    letters = (
        AdviceLetter.objects.public()
        .filter(sent_at__isnull=False)
        .values_list("status", "sent_at", "college_response__received_on")
    )
    return timeliness_by_year(
        [(status, deadline, answered_on(at)) for status, deadline, at in requests],
        [(status, timezone.localdate(at), received) for status, at, received in letters],
        today,
        response_term_weeks(),
    )


def _filter_url(tracker_url, **params):
    return f"{tracker_url}?{urlencode(params)}" if tracker_url else None


# -- caching: the figures change only when something is recorded ----------------------------


def collect(today):
    """The figures and the first overdue items: a fixed number of queries."""
    verdict_counts, status_counts, years = figures(today)
    late = overdue_commitments(today).filter(recommendation__letter__status__in=PUBLIC_STATUSES)
    replies = overdue_replies(today)
    return {
        "verdict_counts": verdict_counts,
        "status_counts": status_counts,
        "years": years,
        "late_commitments": list(late[:LATE_SHOWN]),
        "late_commitment_count": late.count(),
        "late_replies": list(replies[:LATE_SHOWN]),
        "late_reply_count": replies.count(),
        "timeliness": timeliness(today),
    }


def collected(today, version=None):
    """``collect(today)``, from the cache while nothing was recorded since: one query, or
    none with ``version`` (``freshness.data_version()``, taken already)."""
    return cached("dashboard-data", [], lambda: collect(today), version=version, today=today)


def dashboard_html(request, page, *, tracker_url, advice_index=None, version=None):
    """The dashboard (``includes/dashboard.html``) as HTML for ``page``, from the cache while
    nothing was recorded since; "" when there is nothing to count yet. ``advice_index`` may
    be a callable: it is only called when the dashboard is built."""
    today = timezone.localdate()

    def build():
        index = advice_index() if callable(advice_index) else advice_index
        dashboard = build_dashboard(
            request, today=today, tracker_url=tracker_url, advice_index=index, version=version
        )
        if not dashboard.total and not dashboard.timeliness:
            return ""
        return render_to_string(
            "advices/includes/dashboard.html", {"dashboard": dashboard}, request=request
        )

    return cached(
        "dashboard-html",
        [page.pk, tracker_url],
        build,
        version=version,
        today=today,
        request=request,
    )


def build_dashboard(request=None, today=None, tracker_url=None, advice_index=None, version=None):
    """Everything the dashboard shows; links to the tracker (filtered) when it has a URL,
    and to the recommendation and letter pages of ``advice_index`` when one is given (the
    pages layer finds it: ``advices.pages``)."""
    today = today or timezone.localdate()
    data = collected(today, version)
    verdict_counts, status_counts = data["verdict_counts"], data["status_counts"]

    verdicts = [
        Tally(value, label, verdict_counts[value], _filter_url(tracker_url, standpunt=value))
        for value, label in Verdict.choices
    ]
    # No verdict: waiting for the reply, or replied without a verdict (lifecycle.progress).
    verdicts.append(
        Tally(
            NO_VERDICT,
            _("Nog geen standpunt"),
            verdict_counts[NO_VERDICT],
            _filter_url(tracker_url, standpunt=NO_VERDICT_VALUE),
        )
    )
    statuses = [
        Tally(value, label, status_counts[value], _filter_url(tracker_url, status=value))
        for value, label in PublicStatus.choices
    ]

    base_url = advice_index.get_url(request) if advice_index else None
    for commitment in data["late_commitments"]:
        recommendation = commitment.recommendation
        commitment.public_url = (
            base_url
            + advice_index.reverse_subpage(
                "recommendation", args=[recommendation.letter.reference, recommendation.number]
            )
            if base_url
            else None
        )
    for letter in data["late_replies"]:
        letter.public_url = (
            base_url + advice_index.reverse_subpage("letter", args=[letter.reference])
            if base_url
            else None
        )

    return Dashboard(
        total=sum(status_counts.values()),
        verdicts=verdicts,
        statuses=statuses,
        years=data["years"],
        late_commitments=data["late_commitments"],
        late_commitment_count=data["late_commitment_count"],
        late_replies=data["late_replies"],
        late_reply_count=data["late_reply_count"],
        tracker_url=tracker_url,
        late_url=_filter_url(tracker_url, **{"te-laat": "ja"}),
        timeliness=data["timeliness"],
    )

"""The figures of one year, computed from the data by one function, ``year_figures``.

What the report counts, for the year ``Y``:

- the meetings held in ``Y`` (live, public meeting reports), with their participant counts;
- the requests for advice received in ``Y``, by the council's timeliness on each
  (``advices.lifecycle.requests.advice_timing``), and how many were answered in ``Y``;
- the advice given: the sent letters dated in ``Y``, gevraagd (answering a request) or
  ongevraagd, each with its absolute public URL;
- their recommendations by the college's verdict, and the adoption rate (``VERDICTS_ADOPTED``
  of those with a verdict, as the dashboard counts it);
- the college's timeliness on those letters: its reply received within the response term or
  after it, or still awaited (within the term, or *reactie te laat*:
  ``advices.lifecycle.lateness``);
- the commitments due in ``Y``: kept, not kept, overdue or still running.

The result is plain JSON (numbers, strings, ISO dates, the labels as they read on the day):
publishing stores it as it is, so a published report reads the same whatever changes later.
A fixed number of queries, however many meetings, requests and letters the year has.
"""

import datetime

from django.db.models import Count, F, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from advices.lifecycle.lateness import (
    commitment_is_finished,
    commitment_is_overdue,
    reply_came_late,
    sent_on,
)
from advices.lifecycle.requests import AdviceTiming, advice_timing
from advices.lifecycle.response_term import reply_due_date, response_term_weeks
from advices.lifecycle.statuses import (
    PUBLIC_STATUSES,
    VERDICTS_ADOPTED,
    AdviceKind,
    FollowUpState,
    Verdict,
)
from advices.lifecycle.updates import latest
from advices.models import AdviceLetter, AdviceRequest, Commitment, Recommendation
from advices.pages.urls import PublicUrls
from advices.queries.dashboard import percentage
from home.models import MeetingPage

# Bump when the shape of the figures changes; the templates read older shapes too.
FIGURES_VERSION = 1

NO_VERDICT = ""

REPLY_ON_TIME = "op-tijd"
REPLY_LATE = "te-laat"
REPLY_AWAITED = "wacht"
REPLY_OVERDUE = "reactie-te-laat"

COMMITMENT_KEPT = "nagekomen"
COMMITMENT_NOT_KEPT = "niet-nagekomen"
COMMITMENT_OVERDUE = "te-laat"
COMMITMENT_RUNNING = "loopt"


def _row(value, label, count, whole=None):
    row = {"value": value, "label": str(label), "count": count}
    if whole is not None:
        row["percent"] = percentage(count, whole)
    return row


def _iso(day):
    return day.isoformat() if day else None


def reply_class(letter, today, term_weeks):
    """Whether the college replied to ``letter`` within the response term, after it, or not
    yet (within the term, or late): one of the ``REPLY_*`` values."""
    sent_day = sent_on(letter)
    if sent_day is None:
        return None
    response = getattr(letter, "college_response", None)
    if response is not None:
        late = reply_came_late(sent_day, response.received_on, term_weeks)
        return REPLY_LATE if late else REPLY_ON_TIME
    overdue = reply_due_date(sent_day, term_weeks) < today
    return REPLY_OVERDUE if overdue else REPLY_AWAITED


def commitment_class(commitment, today):
    """Kept, not kept, overdue or running (``COMMITMENT_*``), from its latest update."""
    follow_ups = list(commitment.follow_ups.all())
    if commitment_is_finished(follow_ups):
        done = latest(follow_ups).state == FollowUpState.DONE
        return COMMITMENT_KEPT if done else COMMITMENT_NOT_KEPT
    if commitment_is_overdue(commitment.due_date, follow_ups, today):
        return COMMITMENT_OVERDUE
    return COMMITMENT_RUNNING


def _meetings(year, request):
    meetings = list(
        MeetingPage.objects.live()
        .public()
        .filter(date__year=year)
        .order_by("date", "start_time", "pk")
    )
    counted = [meeting for meeting in meetings if meeting.participant_count is not None]
    return {
        "count": len(meetings),
        "participants": sum(meeting.participant_count for meeting in counted),
        "without_count": len(meetings) - len(counted),
        "items": [
            {
                "title": meeting.title,
                "date": _iso(meeting.date),
                "type": meeting.get_meeting_type_display(),
                "participants": meeting.participant_count_display,
                "url": meeting.get_full_url(request),
            }
            for meeting in meetings
        ],
    }


def _year_bounds(year):
    """The first moment of ``year`` and of the next, in the site's time zone."""
    start, end = (datetime.datetime(y, 1, 1) for y in (year, year + 1))
    return timezone.make_aware(start), timezone.make_aware(end)


def _requests(year, today):
    # The day the first answering letter was sent (``advice_timing``'s ``answered_on``).
    first_answer = Subquery(
        AdviceLetter.objects.public()
        .filter(request=OuterRef("pk"), sent_at__isnull=False)
        .order_by("sent_at")
        .values("sent_at")[:1]
    )
    start, end = _year_bounds(year)
    rows = list(
        AdviceRequest.objects.annotate(first_answer=first_answer)
        .filter(Q(received_on__year=year) | Q(first_answer__gte=start, first_answer__lt=end))
        .values("received_on", "status", "deadline", "first_answer")
        .order_by()
    )
    counts = {timing: 0 for timing in AdviceTiming.values}
    received = answered = 0
    for row in rows:
        answered_on = timezone.localdate(row["first_answer"]) if row["first_answer"] else None
        if answered_on and answered_on.year == year:
            answered += 1
        if row["received_on"] and row["received_on"].year == year:
            received += 1
            counts[advice_timing(row["status"], row["deadline"], answered_on, today)] += 1
    return {
        "received": received,
        "answered": answered,
        "timing": [
            _row(value, label, counts[value], received)
            for value, label in AdviceTiming.choices
            # "Termijn onbekend" only for requests taken over without a deadline.
            if counts[value] or value != AdviceTiming.UNKNOWN
        ],
    }


def _letters(year, request, today, term_weeks):
    letters = list(
        AdviceLetter.objects.public()
        .filter(date__year=year)
        .select_related("college_response", "request")
        .annotate(recommendation_count=Count("recommendations"))
        .order_by("date", "reference")
    )
    urls = PublicUrls(request) if letters else None
    replies = {value: 0 for value in (REPLY_ON_TIME, REPLY_LATE, REPLY_AWAITED, REPLY_OVERDUE)}
    items = []
    for letter in letters:
        replies[reply_class(letter, today, term_weeks)] += 1
        items.append(
            {
                "reference": letter.reference,
                "subject": letter.subject,
                "date": _iso(letter.date),
                "kind": letter.kind.value,
                "kind_label": str(letter.kind.label),
                "request": letter.request.reference if letter.request else "",
                "recommendations": letter.recommendation_count,
                "url": urls.letter(letter.reference),
            }
        )
    requested = sum(1 for item in items if item["kind"] == AdviceKind.REQUESTED)
    replied = replies[REPLY_ON_TIME] + replies[REPLY_LATE]
    return {
        "count": len(items),
        "requested": requested,
        "unrequested": len(items) - requested,
        "items": items,
    }, {
        "term_weeks": term_weeks,
        "replied": replied,
        "on_time_percent": percentage(replies[REPLY_ON_TIME], replied),
        "rows": [
            _row(REPLY_ON_TIME, _("Reactie binnen de termijn"), replies[REPLY_ON_TIME]),
            _row(REPLY_LATE, _("Reactie na de termijn"), replies[REPLY_LATE]),
            _row(REPLY_AWAITED, _("Reactie verwacht, termijn loopt"), replies[REPLY_AWAITED]),
            _row(REPLY_OVERDUE, _("Reactie te laat, nog niet ontvangen"), replies[REPLY_OVERDUE]),
        ],
    }


def _verdicts(year):
    rows = (
        Recommendation.objects.public()
        .filter(letter__date__year=year)
        .values(verdict=F("answer__verdict"))
        .annotate(count=Count("pk"))
        .order_by()
    )
    counts = {value: 0 for value in [*Verdict.values, NO_VERDICT]}
    for row in rows:
        counts[row["verdict"] or NO_VERDICT] += row["count"]
    total = sum(counts.values())
    with_verdict = total - counts[NO_VERDICT]
    adopted = sum(counts[value] for value in VERDICTS_ADOPTED)
    return {
        "total": total,
        "with_verdict": with_verdict,
        "adopted": adopted,
        "adoption_percent": percentage(adopted, with_verdict),
        "rows": [
            *(_row(value, label, counts[value], total) for value, label in Verdict.choices),
            _row(NO_VERDICT, _("Nog geen standpunt"), counts[NO_VERDICT], total),
        ],
    }


def _commitments(year, today):
    commitments = list(
        Commitment.objects.filter(
            due_date__year=year, recommendation__letter__status__in=PUBLIC_STATUSES
        ).prefetch_related("follow_ups")
    )
    counts = {COMMITMENT_KEPT: 0, COMMITMENT_NOT_KEPT: 0, COMMITMENT_OVERDUE: 0}
    counts[COMMITMENT_RUNNING] = 0
    for commitment in commitments:
        counts[commitment_class(commitment, today)] += 1
    labels = {
        COMMITMENT_KEPT: _("Nagekomen (uitgevoerd)"),
        COMMITMENT_NOT_KEPT: _("Niet uitgevoerd"),
        COMMITMENT_OVERDUE: _("Te laat: datum voorbij, nog niet klaar"),
        COMMITMENT_RUNNING: _("Loopt nog"),
    }
    return {
        "total": len(commitments),
        "rows": [_row(value, labels[value], count) for value, count in counts.items()],
    }


def year_figures(year, *, request=None, today=None):
    """Everything the annual report of ``year`` counts, as plain JSON (see the module)."""
    today = today or timezone.localdate()
    term_weeks = response_term_weeks()
    advice, replies = _letters(year, request, today, term_weeks)
    return {
        "version": FIGURES_VERSION,
        "year": year,
        "computed_on": today.isoformat(),
        "meetings": _meetings(year, request),
        "requests": _requests(year, today),
        "advice": advice,
        "verdicts": _verdicts(year),
        "replies": replies,
        "commitments": _commitments(year, today),
    }

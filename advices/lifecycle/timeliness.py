"""Timeliness both ways, per year: did the council give its advice within the request's term
(``requests.advice_timing``), and did the college reply within the response term
(``lateness.reply_is_overdue``, ``response_term.reply_due_date``)?

- Advice: a request counts *on time* when its first answering letter was sent on or before
  the deadline; *late* when it was sent after, or when the request is still open past its
  deadline (*advies te laat*). Requests the council declined (*afgezien*) and requests without
  a deadline are left out; so are open requests whose term still runs.
- Reply: a sent letter counts *on time* when the college's reply was received on or before
  the end of the response term; *late* when it came later, or when none came and the term
  has passed (*reactie te laat*). A letter whose term still runs is left out.

Each is counted in the year its term ended: the year of the deadline, or of the reply's
due date. The rules are here; ``advices.queries.dashboard`` only loads the rows.
"""

from dataclasses import dataclass

from django.apps import apps
from django.db.models import Min, OuterRef, Subquery
from django.db.models.functions import TruncDate
from django.utils import timezone

from advices.lifecycle.lateness import reply_came_late, reply_is_overdue
from advices.lifecycle.requests import AdviceTiming, advice_timing
from advices.lifecycle.response_term import reply_due_date

ADVICE_ON_TIME = frozenset({AdviceTiming.ON_TIME})
ADVICE_LATE = frozenset({AdviceTiming.LATE, AdviceTiming.LATE_OPEN})
# Neither on time nor late: not counted in the share (the page says so).
ADVICE_NOT_COUNTED = frozenset({AdviceTiming.DECLINED, AdviceTiming.UNKNOWN})

ON_TIME = "op-tijd"
LATE = "te-laat"


def percentage(part, whole):
    """Rounded half up to a whole percent; None when there is nothing to divide."""
    if not whole:
        return None
    return (200 * part + whole) // (2 * whole)


# -- the day a request was answered ------------------------------------------------------------


def first_answer_sent_at():
    """SQL, per request: when its first answering letter was sent (None while none was)."""
    letters = apps.get_model("advices", "AdviceLetter").objects
    first = (
        letters.filter(request=OuterRef("pk"), sent_at__isnull=False)
        .order_by()
        .values("request")
        .annotate(first=Min("sent_at"))
        .values("first")[:1]
    )
    return Subquery(first)


def first_answer_day():
    """SQL, per request: the local day of ``first_answer_sent_at`` (None while none was)."""
    return TruncDate(first_answer_sent_at())


def answered_on(sent_at):
    """The local day of ``first_answer_sent_at``, or None."""
    return timezone.localdate(sent_at) if sent_at else None


# -- one item each ---------------------------------------------------------------------------


def advice_outcome(status, deadline, answered_day, today):
    """``ON_TIME``, ``LATE`` or None (not counted) for one request."""
    timing = advice_timing(status, deadline, answered_day, today)
    if timing in ADVICE_ON_TIME:
        return ON_TIME
    if timing in ADVICE_LATE:
        return LATE
    return None


def reply_outcome(letter_status, sent_day, received_on, today, term_weeks):
    """``ON_TIME``, ``LATE`` or None (not sent, or the term still runs) for one letter."""
    if sent_day is None:
        return None
    if received_on is not None:
        return LATE if reply_came_late(sent_day, received_on, term_weeks) else ON_TIME
    return LATE if reply_is_overdue(letter_status, sent_day, today, term_weeks) else None


# -- per year ----------------------------------------------------------------------------------


@dataclass
class Share:
    on_time: int = 0
    late: int = 0

    @property
    def counted(self):
        return self.on_time + self.late

    @property
    def percent(self):
        return percentage(self.on_time, self.counted)

    def add(self, outcome):
        if outcome == ON_TIME:
            self.on_time += 1
        elif outcome == LATE:
            self.late += 1


@dataclass
class YearTimeliness:
    year: int
    advice: Share
    reply: Share


def timeliness_by_year(requests, letters, today, term_weeks):
    """Per year, oldest first, the shares of advice and of replies on time.

    ``requests``: ``(status, deadline, answered_day)`` per request; ``letters``:
    ``(status, sent_day, reply_received_on)`` per public letter. Years with nothing counted
    are left out."""
    years = {}

    def year_of(year):
        return years.setdefault(year, YearTimeliness(year, Share(), Share()))

    for status, deadline, answered_day in requests:
        outcome = advice_outcome(status, deadline, answered_day, today)
        if outcome:
            year_of(deadline.year).advice.add(outcome)
    for status, sent_day, received_on in letters:
        outcome = reply_outcome(status, sent_day, received_on, today, term_weeks)
        if outcome:
            year_of(reply_due_date(sent_day, term_weeks).year).reply.add(outcome)
    return [years[year] for year in sorted(years)]

"""What is late: a commitment (*te laat*) and a letter's reply (*reactie te laat*), each in
Python and as SQL, side by side.

- A commitment is late from the day after its due date while its latest update (by date,
  then record) is not final — or there is no update at all.
- A sent letter's reply is late when no reply is recorded (the letter is still *verzonden*)
  and the response term (``lifecycle.response_term``), counted from the day it was sent, has
  passed.

``tests/advices/test_lifecycle_pairs.py`` checks each pair equal on SQLite and PostgreSQL.
"""

import datetime

from django.apps import apps
from django.db import models
from django.db.models import Case, Exists, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from advices.lifecycle.response_term import reply_due_date, response_term_weeks
from advices.lifecycle.statuses import FINAL_FOLLOW_UP_STATES, LetterStatus
from advices.lifecycle.updates import latest, latest_update_ordering

# -- commitments -------------------------------------------------------------------------


def commitment_is_finished(follow_ups):
    update = latest(follow_ups)
    return update is not None and update.state in FINAL_FOLLOW_UP_STATES


def commitment_is_overdue(due_date, follow_ups, today):
    """Python: past its due date (from the day after) and not finished."""
    return due_date < today and not commitment_is_finished(follow_ups)


def _latest_update_is_final():
    """SQL, per commitment: 1 when its latest update is final, 0 when not or when there is
    none. A plain number, so no ``NOT IN`` meets a NULL (which in SQL is never true)."""
    follow_ups = apps.get_model("advices", "FollowUp").objects
    final = [state.value for state in FINAL_FOLLOW_UP_STATES]
    latest_is_final = (
        follow_ups.filter(commitment=OuterRef("pk"))
        .order_by(*latest_update_ordering())
        .annotate(
            final=Case(
                When(state__in=final, then=Value(1)),
                default=Value(0),
                output_field=models.IntegerField(),
            )
        )
        .values("final")[:1]
    )
    return Coalesce(Subquery(latest_is_final), Value(0), output_field=models.IntegerField())


def overdue_commitments(today=None):
    """SQL: the commitments that are late on ``today``, earliest due first."""
    today = today or timezone.localdate()
    commitments = apps.get_model("advices", "Commitment").objects
    return (
        commitments.filter(due_date__lt=today)
        .annotate(finished=_latest_update_is_final())
        .filter(finished=0)
        .select_related("recommendation__letter")
        .order_by("due_date", "pk")
    )


def has_overdue_commitment_expression(today):
    """SQL, per recommendation: one of its commitments is late on ``today``."""
    commitments = apps.get_model("advices", "Commitment").objects
    open_late = (
        commitments.filter(recommendation=OuterRef("pk"), due_date__lt=today)
        .annotate(finished=_latest_update_is_final())
        .filter(finished=0)
        .order_by()
    )
    return Exists(open_late)


# -- the college's reply -----------------------------------------------------------------


def sent_on(letter):
    """The day (local time) the letter was sent, or None."""
    return timezone.localdate(letter.sent_at) if letter.sent_at else None


def reply_is_overdue(status, sent_day, today, term_weeks):
    """Python: *reactie te laat* for a letter with ``status``, sent on ``sent_day``."""
    if status != LetterStatus.SENT or sent_day is None:
        return False
    return reply_due_date(sent_day, term_weeks) < today


def reply_timing(letter, today, term_weeks):
    """Whether the college's reply to ``letter`` is still awaited, whether it is late, and
    the day it is due (None for a letter not sent): what a letter's pages say of its reply."""
    sent = sent_on(letter)
    return {
        "reply_awaited": letter.status == LetterStatus.SENT,
        "reply_overdue": reply_is_overdue(letter.status, sent, today, term_weeks),
        "reply_expected_by": reply_due_date(sent, term_weeks) if sent else None,
    }


def letter_reply_overdue(letter, today=None, term_weeks=None):
    """``reply_is_overdue`` for one letter, with the term from the site setting."""
    return reply_is_overdue(
        letter.status,
        sent_on(letter),
        today or timezone.localdate(),
        term_weeks or response_term_weeks(),
    )


def reply_overdue_q(today, term_weeks, prefix=""):
    """SQL (a filter on letters, or on what ``prefix`` leads to a letter from, such as
    "letter__"): ``reply_is_overdue``. Sent before the start of the day ``term_weeks``
    before ``today`` is the same as a due date before ``today``."""
    latest_sent_day = today - datetime.timedelta(weeks=term_weeks)
    cutoff = timezone.make_aware(datetime.datetime.combine(latest_sent_day, datetime.time.min))
    return Q(**{f"{prefix}status": LetterStatus.SENT, f"{prefix}sent_at__lt": cutoff})


def overdue_replies(today=None, term_weeks=None):
    """SQL: the sent letters whose reply is late on ``today``, longest waiting first."""
    letters = apps.get_model("advices", "AdviceLetter").objects
    condition = reply_overdue_q(today or timezone.localdate(), term_weeks or response_term_weeks())
    return letters.filter(condition).order_by("sent_at")


def reply_came_late(sent_day, received_on, term_weeks):
    """Python: the college's reply came after its term (counted from ``sent_day``)."""
    return bool(sent_day and received_on) and received_on > reply_due_date(sent_day, term_weeks)

"""What became of a recommendation: its public status, in Python and as SQL, side by side.

*wacht op reactie → reactie ontvangen, geen standpunt | standpunt gegeven → in uitvoering →
uitgevoerd | niet uitgevoerd*:

- no reply to the letter recorded yet: *wacht op reactie*;
- with the reply recorded, the latest update on the recommendation itself decides (updates on
  one of its commitments do not: a commitment done is not the whole advice done);
- without such an update: *standpunt gegeven* when the college gave this recommendation a
  verdict, else *reactie ontvangen, geen standpunt* (the reply is there, so *wacht op reactie*
  would contradict the page's timeline).

The Python form serves one page; the SQL form lets the tracker, dashboard and exports filter
and sort thousands of rows in one query. ``tests/advices/test_lifecycle_pairs.py`` checks
both give the same answer for a table of cases, on SQLite and PostgreSQL.
"""

from django.apps import apps
from django.db import models
from django.db.models import Case, ExpressionWrapper, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from advices.lifecycle.lateness import has_overdue_commitment_expression, reply_overdue_q
from advices.lifecycle.response_term import response_term_weeks
from advices.lifecycle.statuses import (
    FINAL_PUBLIC_STATUSES,
    FOLLOW_UP_STATE_TO_PUBLIC_STATUS,
    PUBLIC_STATUS_ORDER,
    LetterStatus,
    PublicStatus,
)
from advices.lifecycle.updates import latest, latest_update_ordering


def _latest_own_update(mapping, output_field):
    """SQL: the latest update on the recommendation itself (not on a commitment), mapped
    through ``mapping`` (state -> value) inside the subquery; NULL when there is none.

    Mapping inside keeps the subquery to one evaluation per row: a ``Case`` over the state
    outside would repeat the subquery in every ``When``."""
    follow_ups = apps.get_model("advices", "FollowUp").objects
    updates = (
        follow_ups.filter(recommendation=OuterRef("pk"), commitment__isnull=True)
        .order_by(*latest_update_ordering())
        .annotate(
            mapped=Case(
                *[When(state=state.value, then=Value(value)) for state, value in mapping.items()],
                output_field=output_field,
            )
        )
    )
    return Subquery(updates.values("mapped")[:1], output_field=output_field)


# -- the public status -------------------------------------------------------------------


def recommendation_status(verdict, follow_ups, *, replied):
    """The public status from the verdict ("" for none), the recommendation's updates and
    whether the letter's reply is recorded (``replied``)."""
    if not replied:
        return PublicStatus.AWAITING_REPLY
    update = latest([f for f in follow_ups if f.commitment_id is None])
    if update is not None:
        return FOLLOW_UP_STATE_TO_PUBLIC_STATUS[update.state]
    return PublicStatus.VERDICT_GIVEN if verdict else PublicStatus.REPLIED_WITHOUT_VERDICT


# SQL: the letter has no reply recorded; the recommendation has no verdict.
NO_REPLY = Q(letter__college_response__isnull=True)
NO_VERDICT = Q(answer__verdict="") | Q(answer__verdict__isnull=True)


def _status_case(value_of, own_update, output_field):
    """``recommendation_status`` as SQL, each status given as ``value_of(status)`` and the
    latest own update (already mapped) as ``own_update``: the subquery once per row."""
    return Case(
        When(NO_REPLY, then=value_of(PublicStatus.AWAITING_REPLY)),
        default=Coalesce(
            own_update,
            Case(
                When(NO_VERDICT, then=value_of(PublicStatus.REPLIED_WITHOUT_VERDICT)),
                default=value_of(PublicStatus.VERDICT_GIVEN),
                output_field=output_field,
            ),
            output_field=output_field,
        ),
        output_field=output_field,
    )


def public_status_expression():
    """``recommendation_status`` as SQL, for a queryset of recommendations."""
    text = models.CharField()
    return _status_case(
        lambda status: Value(status.value),
        _latest_own_update({k: v.value for k, v in FOLLOW_UP_STATE_TO_PUBLIC_STATUS.items()}, text),
        text,
    )


def status_rank_expression():
    """0, 1, 2 ... along ``PUBLIC_STATUS_ORDER``, for sorting by status; the same structure
    as ``public_status_expression``."""
    number = models.IntegerField()
    rank = {status: position for position, status in enumerate(PUBLIC_STATUS_ORDER)}
    return _status_case(
        lambda status: Value(rank[status]),
        _latest_own_update(
            {k: rank[v] for k, v in FOLLOW_UP_STATE_TO_PUBLIC_STATUS.items()}, number
        ),
        number,
    )


ALL_FIELDS = ("verdict", "public_status", "is_overdue", "reply_overdue")


def annotate_progress(recommendations, today=None, fields=ALL_FIELDS, term_weeks=None):
    """Annotate a queryset of recommendations with ``verdict`` ("" when none yet),
    ``public_status`` (a ``PublicStatus`` value), ``is_overdue`` (one of its commitments
    is *te laat* on ``today``) and ``reply_overdue`` (its letter's reply is *te laat*,
    with the response term ``term_weeks``, the site setting when None; both
    ``lifecycle.lateness``), computed by the database in the same query. ``fields`` limits
    the annotations to those named (``public_status`` brings ``verdict`` along): a query
    that only filters by one of them asks for just that one."""
    fields = set(fields)
    today = today or timezone.localdate()
    if "verdict" in fields or "public_status" in fields:
        recommendations = recommendations.annotate(
            verdict=Coalesce("answer__verdict", Value(""), output_field=models.CharField())
        )
    if "public_status" in fields:
        recommendations = recommendations.annotate(public_status=public_status_expression())
    if "is_overdue" in fields:
        recommendations = recommendations.annotate(
            is_overdue=has_overdue_commitment_expression(today)
        )
    if "reply_overdue" in fields:
        condition = reply_overdue_q(today, term_weeks or response_term_weeks(), prefix="letter__")
        recommendations = recommendations.annotate(
            reply_overdue=ExpressionWrapper(condition, output_field=models.BooleanField())
        )
    return recommendations


# -- the letter's status after the reply ------------------------------------------------


def letter_progress_status(current, has_reply, recommendation_statuses):
    """Where a sent letter's status should be once replies and follow-ups are recorded:
    *verzonden* without a reply, *afgerond* when every recommendation is final, else
    *beantwoord*. A letter that is not sent yet stays where it is."""
    if current not in (LetterStatus.SENT, LetterStatus.ANSWERED, LetterStatus.CLOSED):
        return current
    if not has_reply:
        return LetterStatus.SENT
    statuses = list(recommendation_statuses)
    if statuses and all(status in FINAL_PUBLIC_STATUSES for status in statuses):
        return LetterStatus.CLOSED
    return LetterStatus.ANSWERED

"""What became of a recommendation: its public status, in Python and as SQL, side by side.

*wacht op reactie → standpunt gegeven → in uitvoering → uitgevoerd | niet uitgevoerd*:
no verdict yet is *wacht op reactie*; with a verdict, the latest update on the recommendation
itself decides (updates on one of its commitments do not: a commitment done is not the whole
advice done); without such an update it is *standpunt gegeven*.

The Python form serves one page; the SQL form lets the tracker, dashboard and exports filter
and sort thousands of rows in one query. ``tests/advices/test_lifecycle_pairs.py`` checks
both give the same answer for a table of cases, on SQLite and PostgreSQL.
"""

from django.apps import apps
from django.db import models
from django.db.models import Case, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from advices.lifecycle.lateness import has_overdue_commitment_expression
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


def recommendation_status(verdict, follow_ups):
    """The public status from the verdict ("" for none yet) and the recommendation's updates."""
    if not verdict:
        return PublicStatus.AWAITING_REPLY
    update = latest([f for f in follow_ups if f.commitment_id is None])
    if update is None:
        return PublicStatus.VERDICT_GIVEN
    return FOLLOW_UP_STATE_TO_PUBLIC_STATUS[update.state]


def _verdict_case(no_verdict, otherwise, output_field):
    return Case(
        When(Q(answer__verdict="") | Q(answer__verdict__isnull=True), then=no_verdict),
        default=otherwise,
        output_field=output_field,
    )


def public_status_expression():
    """``recommendation_status`` as SQL, for a queryset of recommendations."""
    text = models.CharField()
    return _verdict_case(
        Value(PublicStatus.AWAITING_REPLY.value),
        Coalesce(
            _latest_own_update(
                {k: v.value for k, v in FOLLOW_UP_STATE_TO_PUBLIC_STATUS.items()}, text
            ),
            Value(PublicStatus.VERDICT_GIVEN.value),
            output_field=text,
        ),
        text,
    )


def status_rank_expression():
    """0, 1, 2 ... along ``PUBLIC_STATUS_ORDER``, for sorting by status; the same structure
    as ``public_status_expression`` (the subquery once per row)."""
    number = models.IntegerField()
    rank = {status: position for position, status in enumerate(PUBLIC_STATUS_ORDER)}
    return _verdict_case(
        Value(rank[PublicStatus.AWAITING_REPLY]),
        Coalesce(
            _latest_own_update(
                {k: rank[v] for k, v in FOLLOW_UP_STATE_TO_PUBLIC_STATUS.items()}, number
            ),
            Value(rank[PublicStatus.VERDICT_GIVEN]),
            output_field=number,
        ),
        number,
    )


ALL_FIELDS = ("verdict", "public_status", "is_overdue")


def annotate_progress(recommendations, today=None, fields=ALL_FIELDS):
    """Annotate a queryset of recommendations with ``verdict`` ("" when none yet),
    ``public_status`` (a ``PublicStatus`` value) and ``is_overdue`` (one of its commitments
    is *te laat* on ``today``, ``lifecycle.lateness``), computed by the database in the same
    query. ``fields`` limits the annotations to those named (``public_status`` brings
    ``verdict`` along): a query that only filters by one of them asks for just that one."""
    fields = set(fields)
    if "verdict" in fields or "public_status" in fields:
        recommendations = recommendations.annotate(
            verdict=Coalesce("answer__verdict", Value(""), output_field=models.CharField())
        )
    if "public_status" in fields:
        recommendations = recommendations.annotate(public_status=public_status_expression())
    if "is_overdue" in fields:
        recommendations = recommendations.annotate(
            is_overdue=has_overdue_commitment_expression(today or timezone.localdate())
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

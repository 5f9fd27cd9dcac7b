"""The rules of ``advices.progress`` as SQL, for lists of any length in one query.

``advices.progress`` says what became of one recommendation in Python; the tracker, the
dashboard and the exports need the same answer for thousands of rows, filtered and sorted
by the database. ``annotate_progress`` writes the same rule as SQL expressions.
``tests/advices/test_tracker_sql.py`` checks, for a table of combinations and on SQLite and
PostgreSQL alike, that both give the same answer for every recommendation: change one and
that test fails until the other follows.
"""

from django.db import models
from django.db.models import Case, Exists, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from advices.models import FollowUp, FollowUpState, Verdict
from advices.progress import PublicStatus

# The public status of the latest update on the recommendation itself.
STATE_TO_STATUS = {
    FollowUpState.PLANNED: PublicStatus.IN_PROGRESS,
    FollowUpState.IN_PROGRESS: PublicStatus.IN_PROGRESS,
    FollowUpState.DONE: PublicStatus.DONE,
    FollowUpState.NOT_DONE: PublicStatus.NOT_DONE,
}

# The order of the statuses along the way, for sorting by status.
STATUS_ORDER = [
    PublicStatus.AWAITING_REPLY,
    PublicStatus.VERDICT_GIVEN,
    PublicStatus.IN_PROGRESS,
    PublicStatus.DONE,
    PublicStatus.NOT_DONE,
]

VERDICTS_ADOPTED = (Verdict.ADOPTED, Verdict.PARTLY_ADOPTED)


def latest_own_state():
    """The state of the latest update on the recommendation itself (not on a commitment),
    by date and then by the order it was recorded, like ``progress.latest``; NULL if none."""
    updates = FollowUp.objects.filter(
        recommendation=OuterRef("pk"), commitment__isnull=True
    ).order_by("-date", "-pk")
    return Subquery(updates.values("state")[:1], output_field=models.CharField())


def is_overdue_expression(today):
    """True when one of the recommendation's commitments is overdue on ``today``: the same
    query as ``tracking.overdue_commitments`` (past due, latest update NULL or not final)."""
    from advices.tracking import overdue_commitments

    return Exists(overdue_commitments(today).filter(recommendation=OuterRef("pk")).order_by())


def status_rank_expression(field="public_status"):
    """0, 1, 2 ... along ``STATUS_ORDER``, for sorting by status."""
    return Case(
        *[
            When(**{field: status.value}, then=Value(rank))
            for rank, status in enumerate(STATUS_ORDER)
        ],
        default=Value(len(STATUS_ORDER)),
        output_field=models.IntegerField(),
    )


def annotate_progress(recommendations, today=None):
    """Annotate a queryset of recommendations with:

    - ``verdict``: the college's verdict, or "" when there is none (yet);
    - ``public_status``: a ``PublicStatus`` value, by the rule of
      ``progress.recommendation_status``;
    - ``is_overdue``: one of its commitments is *te laat* on ``today``, by the rule of
      ``progress.commitment_is_overdue``.

    Everything is computed by the database in the same query (a join for the verdict,
    subqueries for the rest), whatever the number of recommendations.
    """
    today = today or timezone.localdate()
    annotated = recommendations.annotate(
        verdict=Coalesce("answer__verdict", Value(""), output_field=models.CharField()),
        latest_own_state=latest_own_state(),
    )
    awaiting = PublicStatus.AWAITING_REPLY.value
    return annotated.annotate(
        public_status=Case(
            When(verdict="", then=Value(awaiting)),
            When(latest_own_state__isnull=True, then=Value(PublicStatus.VERDICT_GIVEN.value)),
            *[
                When(latest_own_state=follow_up_state.value, then=Value(status.value))
                for follow_up_state, status in STATE_TO_STATUS.items()
            ],
            default=Value(PublicStatus.VERDICT_GIVEN.value),
            output_field=models.CharField(),
        ),
        is_overdue=is_overdue_expression(today),
    )

"""The rules of ``advices.progress`` as SQL, for lists of any length in one query.

``advices.progress`` says what became of one recommendation in Python; the tracker, the
dashboard and the exports need the same answer for thousands of rows, filtered and sorted
by the database. ``annotate_progress`` writes the same rule as SQL expressions.
``tests/advices/test_tracker_sql.py`` checks, for a table of combinations and on SQLite and
PostgreSQL alike, that both give the same answer for every recommendation: change one and
that test fails until the other follows.
"""

from django.db import models
from django.db.models import Case, Exists, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from advices.models import Commitment, FollowUp, FollowUpState, Verdict
from advices.models.followup import FINAL_FOLLOW_UP_STATES
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


def _latest_own_update(mapping, output_field):
    """The latest update on the recommendation itself (not on a commitment), by date and
    then by the order it was recorded like ``progress.latest``, mapped through ``mapping``
    (state -> value) inside the subquery; NULL when there is none.

    Mapping inside keeps the subquery to one evaluation per row: a ``Case`` over the state
    outside would repeat the subquery in every ``When``."""
    updates = (
        FollowUp.objects.filter(recommendation=OuterRef("pk"), commitment__isnull=True)
        .order_by("-date", "-pk")
        .annotate(
            mapped=Case(
                *[When(state=state.value, then=Value(value)) for state, value in mapping.items()],
                output_field=output_field,
            )
        )
    )
    return Subquery(updates.values("mapped")[:1], output_field=output_field)


def _verdict_case(no_verdict, otherwise, output_field):
    """``no_verdict`` when there is no verdict (yet), else ``otherwise``."""
    return Case(
        When(Q(answer__verdict="") | Q(answer__verdict__isnull=True), then=no_verdict),
        default=otherwise,
        output_field=output_field,
    )


def public_status_expression():
    """``progress.recommendation_status`` as SQL: no verdict -> wacht op reactie; else the
    status of the latest own update, or standpunt gegeven without one."""
    text = models.CharField()
    return _verdict_case(
        Value(PublicStatus.AWAITING_REPLY.value),
        Coalesce(
            _latest_own_update({k: v.value for k, v in STATE_TO_STATUS.items()}, text),
            Value(PublicStatus.VERDICT_GIVEN.value),
            output_field=text,
        ),
        text,
    )


def status_rank_expression():
    """0, 1, 2 ... along ``STATUS_ORDER``, for sorting by status; the same structure as
    ``public_status_expression`` (the subquery once per row)."""
    number = models.IntegerField()
    rank = {status: position for position, status in enumerate(STATUS_ORDER)}
    return _verdict_case(
        Value(rank[PublicStatus.AWAITING_REPLY]),
        Coalesce(
            _latest_own_update({k: rank[v] for k, v in STATE_TO_STATUS.items()}, number),
            Value(rank[PublicStatus.VERDICT_GIVEN]),
            output_field=number,
        ),
        number,
    )


def is_overdue_expression(today):
    """True when one of the recommendation's commitments is overdue on ``today``, by the rule
    of ``progress.commitment_is_overdue`` and ``tracking.overdue_commitments``: past its due
    date and its latest update (by date, then record) is not final, or there is none.

    The latest update is read once per commitment, as 1 when final and 0 when not; none at
    all counts as 0 (still open). A plain comparison, so no ``NOT IN`` meets a NULL (which
    in SQL is never true)."""
    final = [state.value for state in FINAL_FOLLOW_UP_STATES]
    latest_is_final = (
        FollowUp.objects.filter(commitment=OuterRef("pk"))
        .order_by("-date", "-pk")
        .annotate(
            final=Case(
                When(state__in=final, then=Value(1)),
                default=Value(0),
                output_field=models.IntegerField(),
            )
        )
        .values("final")[:1]
    )
    open_late = Commitment.objects.filter(
        recommendation=OuterRef("pk"), due_date__lt=today
    ).annotate(
        finished=Coalesce(Subquery(latest_is_final), Value(0), output_field=models.IntegerField())
    )
    return Exists(open_late.filter(finished=0).order_by())


ALL_FIELDS = ("verdict", "public_status", "is_overdue")


def annotate_progress(recommendations, today=None, fields=ALL_FIELDS):
    """Annotate a queryset of recommendations with:

    - ``verdict``: the college's verdict, or "" when there is none (yet);
    - ``public_status``: a ``PublicStatus`` value, by the rule of
      ``progress.recommendation_status``;
    - ``is_overdue``: one of its commitments is *te laat* on ``today``, by the rule of
      ``progress.commitment_is_overdue``.

    Everything is computed by the database in the same query (a join for the verdict,
    subqueries for the rest), whatever the number of recommendations. ``fields`` limits the
    annotations to those named (``public_status`` brings ``verdict`` along): building the
    expressions costs time too, so a query that only filters by one of them asks for it.
    """
    fields = set(fields)
    if "verdict" in fields or "public_status" in fields:
        recommendations = recommendations.annotate(
            verdict=Coalesce("answer__verdict", Value(""), output_field=models.CharField())
        )
    if "public_status" in fields:
        recommendations = recommendations.annotate(public_status=public_status_expression())
    if "is_overdue" in fields:
        recommendations = recommendations.annotate(
            is_overdue=is_overdue_expression(today or timezone.localdate())
        )
    return recommendations

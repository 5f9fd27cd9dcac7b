"""Queries for what is late today, built on the rules in ``advices.progress``.

Used by the reminders and the public pages; each is one query, whatever the volume.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from wagtail.models import Site

from advices.models import (
    AdviceLetter,
    Commitment,
    CouncilAssessment,
    FollowUp,
    LetterSettings,
    RecommendationAnswer,
)
from advices.models.followup import FINAL_FOLLOW_UP_STATES
from advices.models.status import LetterStatus
from advices.progress import (
    DEFAULT_RESPONSE_TERM_WEEKS,
    FINAL_PUBLIC_STATUSES,
    PublicStatus,
    commitment_is_finished,
    commitment_is_overdue,
    recommendation_status,
    reply_is_overdue,
)


def response_term_weeks():
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return DEFAULT_RESPONSE_TERM_WEEKS
    return LetterSettings.for_site(site).response_term_weeks


def sent_on(letter):
    return timezone.localdate(letter.sent_at) if letter.sent_at else None


def overdue_replies(today=None, term_weeks=None):
    """Sent letters without a recorded reply whose response term has passed."""
    today = today or timezone.localdate()
    term_weeks = term_weeks or response_term_weeks()
    latest_sent_day = today - datetime.timedelta(weeks=term_weeks)
    cutoff = timezone.make_aware(datetime.datetime.combine(latest_sent_day, datetime.time.min))
    return AdviceLetter.objects.filter(status=LetterStatus.SENT, sent_at__lt=cutoff).order_by(
        "sent_at"
    )


def with_latest_state(commitments):
    latest = FollowUp.objects.filter(commitment=OuterRef("pk")).order_by("-date", "-pk")
    return commitments.annotate(latest_state=Subquery(latest.values("state")[:1]))


def overdue_commitments(today=None):
    """Commitments past their due date whose latest update is not final."""
    today = today or timezone.localdate()
    commitments = with_latest_state(Commitment.objects.filter(due_date__lt=today))
    # A commitment without any update has no latest state (NULL): still open.
    still_open = Q(latest_state__isnull=True) | ~Q(latest_state__in=FINAL_FOLLOW_UP_STATES)
    return (
        commitments.filter(still_open)
        .select_related("recommendation__letter")
        .order_by("due_date", "pk")
    )


@dataclass
class CommitmentProgress:
    commitment: Commitment
    follow_ups: list
    overdue: bool
    finished: bool


@dataclass
class RecommendationProgress:
    """Everything the public sees about what became of one recommendation."""

    recommendation: object
    status: str
    answer: object
    commitments: list
    follow_ups: list
    assessment: object

    @property
    def status_label(self):
        return PublicStatus(self.status).label

    @property
    def overdue(self):
        return any(item.overdue for item in self.commitments)

    @property
    def is_final(self):
        return self.status in FINAL_PUBLIC_STATUSES


def attach_progress(recommendations, today=None):
    """Load the college's side of many recommendations in a fixed number of queries.

    Sets ``recommendation.progress`` on each and returns the list.
    """
    today = today or timezone.localdate()
    recommendations = list(recommendations)
    ids = [r.pk for r in recommendations]
    answers = {
        a.recommendation_id: a
        for a in RecommendationAnswer.objects.filter(recommendation_id__in=ids)
    }
    assessments = {
        a.recommendation_id: a for a in CouncilAssessment.objects.filter(recommendation_id__in=ids)
    }
    follow_ups = defaultdict(list)
    commitment_updates = defaultdict(list)
    for update in FollowUp.objects.filter(recommendation_id__in=ids).order_by("date", "pk"):
        follow_ups[update.recommendation_id].append(update)
        if update.commitment_id:
            commitment_updates[update.commitment_id].append(update)
    commitments = defaultdict(list)
    for commitment in Commitment.objects.filter(recommendation_id__in=ids).order_by(
        "due_date", "pk"
    ):
        updates = commitment_updates[commitment.pk]
        commitments[commitment.recommendation_id].append(
            CommitmentProgress(
                commitment=commitment,
                follow_ups=updates,
                overdue=commitment_is_overdue(commitment.due_date, updates, today),
                finished=commitment_is_finished(updates),
            )
        )
    for recommendation in recommendations:
        answer = answers.get(recommendation.pk)
        recommendation.progress = RecommendationProgress(
            recommendation=recommendation,
            status=recommendation_status(
                answer.verdict if answer else "", follow_ups[recommendation.pk]
            ),
            answer=answer,
            commitments=commitments[recommendation.pk],
            follow_ups=follow_ups[recommendation.pk],
            assessment=assessments.get(recommendation.pk),
        )
    return recommendations


def letter_reply_overdue(letter, today=None):
    """*Reactie te laat* for one letter, with the term from the site setting."""
    today = today or timezone.localdate()
    return reply_is_overdue(letter.status, sent_on(letter), today, response_term_weeks())

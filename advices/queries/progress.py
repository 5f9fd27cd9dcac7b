"""The college's side of many recommendations, loaded in a fixed number of queries, with
the rules of ``advices.lifecycle`` applied: what a recommendation page and a letter page show.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.utils import timezone

from advices.lifecycle.lateness import commitment_is_finished, commitment_is_overdue
from advices.lifecycle.progress import recommendation_status
from advices.lifecycle.statuses import FINAL_PUBLIC_STATUSES, PublicStatus
from advices.models import (
    CollegeResponse,
    Commitment,
    CouncilAssessment,
    FollowUp,
    RecommendationAnswer,
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
    replied = set(
        CollegeResponse.objects.filter(
            letter_id__in={r.letter_id for r in recommendations}
        ).values_list("letter_id", flat=True)
    )
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
                answer.verdict if answer else "",
                follow_ups[recommendation.pk],
                replied=recommendation.letter_id in replied,
            ),
            answer=answer,
            commitments=commitments[recommendation.pk],
            follow_ups=follow_ups[recommendation.pk],
            assessment=assessments.get(recommendation.pk),
        )
    return recommendations

"""What the actions report, after their transaction commits. ``advices.notify`` listens.

- ``status_changed(change=StatusChange)``: a letter's status and/or the public status of some
  of its recommendations changed. One signal per action, however many rows it touched, so a
  follower gets one mail per save.
- ``reply_recorded(response_id=int)``: the college's reply to a letter was recorded.
- ``request_registered(request_id=int)``: a request for advice was registered.

``StatusWatch`` notes the statuses before an action writes and compares after, in a fixed
number of queries whatever the number of recommendations.
"""

from dataclasses import asdict, dataclass, field

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.dispatch import Signal

from advices.lifecycle.progress import recommendation_status
from advices.lifecycle.statuses import PublicStatus
from advices.models import AdviceLetter, CollegeResponse, FollowUp, Recommendation

status_changed = Signal()
reply_recorded = Signal()
# A new request for advice was registered (``request_id=int``): its followers hear of it.
request_registered = Signal()

# Recording the reply moves every recommendation without a verdict from *wacht op reactie*
# to *reactie ontvangen, geen standpunt*: that is the letter's own step (*beantwoord*),
# reported once for the letter, not once more per recommendation.
REPLY_ARRIVED = (PublicStatus.AWAITING_REPLY, PublicStatus.REPLIED_WITHOUT_VERDICT)


@dataclass(frozen=True)
class RecommendationChange:
    recommendation_id: int
    before: str  # the public status before
    after: str  # and after
    verdict: str = ""  # the college's verdict after, "" when none


@dataclass
class StatusChange:
    letter_id: int
    letter_before: str = ""
    letter_after: str = ""
    recommendations: list[RecommendationChange] = field(default_factory=list)

    @property
    def letter_changed(self):
        return self.letter_before != self.letter_after

    def __bool__(self):
        return self.letter_changed or bool(self.recommendations)

    def as_dict(self):
        """Plain data, for a background task's arguments."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data):
        return cls(
            letter_id=data["letter_id"],
            letter_before=data.get("letter_before", ""),
            letter_after=data.get("letter_after", ""),
            recommendations=[RecommendationChange(**r) for r in data.get("recommendations", [])],
        )


def after_commit(signal, **kwargs):
    """Send ``signal`` once the current transaction commits (at once outside one)."""
    transaction.on_commit(lambda: signal.send(sender=StatusChange, **kwargs))


class StatusWatch:
    """The letter's status and its recommendations' public statuses, before and after.

    ``watch = StatusWatch(letter_id)`` before the writes; ``watch.report()`` after them
    (inside the same transaction) sends ``status_changed`` on commit when anything changed.
    ``recommendation_ids`` narrows the watch to those recommendations.
    """

    def __init__(self, letter_id, recommendation_ids=None):
        self.letter_id = letter_id
        self.recommendation_ids = recommendation_ids
        self.before = self.snapshot()

    def snapshot(self):
        """``(letter status, {recommendation id: (public status, verdict)})`` in 3 queries."""
        letter_status, replied = AdviceLetter.objects.filter(pk=self.letter_id).values_list(
            "status", Exists(CollegeResponse.objects.filter(letter_id=OuterRef("pk")))
        ).first() or ("", False)
        recommendations = Recommendation.objects.filter(letter_id=self.letter_id)
        if self.recommendation_ids is not None:
            recommendations = recommendations.filter(pk__in=self.recommendation_ids)
        verdicts = {
            pk: verdict or ""
            for pk, verdict in recommendations.values_list("pk", "answer__verdict")
        }
        updates = {pk: [] for pk in verdicts}
        own_updates = FollowUp.objects.filter(
            recommendation_id__in=list(verdicts), commitment__isnull=True
        ).only("pk", "date", "state", "commitment_id", "recommendation_id")
        for update in own_updates:
            updates[update.recommendation_id].append(update)
        return letter_status, {
            pk: (recommendation_status(verdict, updates[pk], replied=replied), verdict)
            for pk, verdict in verdicts.items()
        }

    def change(self):
        letter_before, before = self.before
        letter_after, after = self.snapshot()
        return StatusChange(
            letter_id=self.letter_id,
            letter_before=letter_before,
            letter_after=letter_after,
            recommendations=[
                RecommendationChange(pk, before[pk][0] if pk in before else "", status, verdict)
                for pk, (status, verdict) in sorted(after.items())
                if pk not in before
                or (before[pk][0] != status and (before[pk][0], status) != REPLY_ARRIVED)
            ],
        )

    def report(self):
        """Send ``status_changed`` after the commit if anything changed; return the change."""
        change = self.change()
        if change:
            after_commit(status_changed, change=change)
        return change

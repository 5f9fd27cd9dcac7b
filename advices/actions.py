"""What the municipality records, as small actions: ``check()`` then ``execute()``.

The admin views, the demo loader and commands all go through these, so the letter's
status (beantwoord, afgerond) always follows from what was recorded, with history.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from advices.follow import StatusWatch
from advices.models import AdviceLetter, CollegeResponse, RecommendationAnswer
from advices.models.status import PUBLIC_STATUSES, LetterStatus
from advices.notifications import notify_secretariat_of_reply
from advices.progress import letter_progress_status, recommendation_status
from advices.rules import recording_refusal


def sync_letter_status(letter, user, at=None):
    """Move the letter to beantwoord/afgerond (or back) to match what was recorded."""
    letter = AdviceLetter.objects.get(pk=letter.pk)
    recommendations = list(
        letter.recommendations.select_related("answer").prefetch_related("follow_ups")
    )
    statuses = [
        recommendation_status(
            getattr(getattr(r, "answer", None), "verdict", ""), list(r.follow_ups.all())
        )
        for r in recommendations
    ]
    has_reply = CollegeResponse.objects.filter(letter=letter).exists()
    target = letter_progress_status(letter.status, has_reply, statuses)
    steps = {
        (LetterStatus.SENT, LetterStatus.ANSWERED): ["answer"],
        (LetterStatus.SENT, LetterStatus.CLOSED): ["answer", "close"],
        (LetterStatus.ANSWERED, LetterStatus.CLOSED): ["close"],
        (LetterStatus.CLOSED, LetterStatus.ANSWERED): ["reopen"],
    }.get((letter.status, target), [])
    for action in steps:
        letter.transition(action, user, at=at)
    return letter


class RecordReply:
    """Record (or update) the college's reply to a sent letter.

    ``at`` dates the record in the history, for replies entered after the fact.
    """

    def __init__(self, response, user, at=None):
        self.response = response
        self.user = user
        self.at = at

    def check(self):
        refusal = recording_refusal(
            self.user, CollegeResponse, "change" if self.response.pk else "add"
        )
        if refusal:
            raise PermissionDenied(refusal)
        letter = self.response.letter
        if letter.status not in PUBLIC_STATUSES:
            raise ValidationError(_("Alleen een verzonden advies kan een reactie krijgen."))
        self.response.full_clean()

    @transaction.atomic
    def execute(self):
        self.check()
        watch = StatusWatch(self.response.letter)
        is_new = self.response.pk is None
        if is_new:
            self.response.recorded_by = self.user
        self.response._history_user = self.user
        if self.at:
            self.response._history_date = self.at
        self.response.save()
        existing = set(
            RecommendationAnswer.objects.filter(response=self.response).values_list(
                "recommendation_id", flat=True
            )
        )
        for recommendation in self.response.letter.recommendations.order_by("number"):
            if recommendation.pk not in existing:
                answer = RecommendationAnswer(response=self.response, recommendation=recommendation)
                answer._history_user = self.user
                if self.at:
                    answer._history_date = self.at
                answer.save()
        sync_letter_status(self.response.letter, self.user, self.at)
        watch.notify_on_commit()  # followers get a mail after the commit
        if is_new:
            transaction.on_commit(lambda: notify_secretariat_of_reply(self.response))
        return self.response


class RecordProgress:
    """Save a verdict, commitment or follow-up and bring the letter's status in line.

    ``at`` dates the record in the history, for progress entered after the fact.
    """

    def __init__(self, instance, user, at=None):
        self.instance = instance
        self.user = user
        self.at = at

    def letter(self):
        recommendation = getattr(self.instance, "recommendation", None)
        return recommendation.letter if recommendation else self.instance.response.letter

    def check(self):
        action = "change" if self.instance.pk else "add"
        refusal = recording_refusal(self.user, type(self.instance), action)
        if refusal:
            raise PermissionDenied(refusal)
        if self.letter().status not in PUBLIC_STATUSES:
            raise ValidationError(_("Dit kan alleen bij een verzonden advies."))
        self.instance.full_clean()

    @transaction.atomic
    def execute(self):
        self.check()
        watch = StatusWatch(self.letter(), getattr(self.instance, "recommendation_id", None))
        self.instance._history_user = self.user
        if self.at:
            self.instance._history_date = self.at
        self.instance.save()
        sync_letter_status(self.letter(), self.user, self.at)
        watch.notify_on_commit()  # followers get a mail after the commit
        return self.instance

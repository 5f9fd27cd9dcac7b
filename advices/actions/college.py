"""What the municipality records, and the council's assessment, as actions.

The college's reply, its verdicts on a whole letter at once, commitments (and their new due
dates), progress updates and the council's assessment. Each locks what it changes, refuses
a form that is out of date (``advices.actions.conflicts``), saves with history, brings the
letter's status in line (*beantwoord*, *afgerond*) and reports one change for the whole
action (``advices.actions.events``), in a fixed number of queries however many rows.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from advices.actions.base import Action
from advices.actions.conflicts import refuse_if_changed
from advices.actions.events import StatusWatch, after_commit, reply_recorded
from advices.actions.steps import take_step
from advices.lifecycle.commitments import redate_refusal
from advices.lifecycle.permissions import recording_refusal
from advices.lifecycle.progress import letter_progress_status, recommendation_status
from advices.lifecycle.replies import REPLY_EXISTS, REPLY_KEEPS_ITS_LETTER
from advices.lifecycle.statuses import PUBLIC_STATUSES
from advices.lifecycle.transitions import automatic_steps
from advices.models import (
    AdviceLetter,
    CollegeResponse,
    Commitment,
    RecommendationAnswer,
)

NOT_SENT = _("Dit kan alleen bij een verzonden advies.")
RECORDED_MEANWHILE = _(
    "Iemand anders heeft dit zojuist al vastgelegd. Er is niets opgeslagen; open de lijst "
    "om te zien wat er nu staat."
)


def sync_letter_status(letter_id, user, at=None):
    """Move the (locked) letter to beantwoord/afgerond, or back, to match what was recorded;
    a consequence of a recording already allowed, so no permission of its own. 4 queries."""
    letter = AdviceLetter.objects.get(pk=letter_id)
    recommendations = list(
        letter.recommendations.select_related("answer").prefetch_related("follow_ups")
    )
    has_reply = CollegeResponse.objects.filter(letter_id=letter_id).exists()
    statuses = [
        recommendation_status(
            getattr(getattr(r, "answer", None), "verdict", ""),
            list(r.follow_ups.all()),
            replied=has_reply,
        )
        for r in recommendations
    ]
    target = letter_progress_status(letter.status, has_reply, statuses)
    for step in automatic_steps(letter.status, target):
        take_step(letter, step, user, at=at)
    return letter


class _LetterRecord(Action):
    """Shared shape: lock the letter, check who and whether it is sent, save, sync, report."""

    duplicate_message = RECORDED_MEANWHILE

    def __init__(self, instance, user, at=None, loaded_marker=None):
        super().__init__(user, at)
        self.instance = instance
        self.loaded_marker = loaded_marker

    def letter_id(self):
        raise NotImplementedError

    def watched_recommendations(self):
        """The recommendations whose public status this record can change (None: all)."""
        return None

    def lock(self):
        # One row lock on the letter serialises every record on it (PostgreSQL); SQLite's
        # immediate transactions serialise all writers anyway.
        self.letter = AdviceLetter.objects.select_for_update().get(pk=self.letter_id())
        if self.instance.pk:
            type(self.instance).objects.select_for_update().filter(pk=self.instance.pk).first()

    def check(self):
        action = "change" if self.instance.pk else "add"
        self.permission_check(recording_refusal(self.user, type(self.instance), action))
        if self.letter.status not in PUBLIC_STATUSES:
            raise ValidationError(NOT_SENT)
        if self.instance.pk:
            refuse_if_changed(
                type(self.instance).history.filter(id=self.instance.pk), self.loaded_marker
            )
        self.instance.full_clean()

    def save(self):
        self.tag(self.instance)
        self.instance.save()

    def perform(self):
        watch = StatusWatch(self.letter.pk, self.watched_recommendations())
        try:
            with transaction.atomic():
                self.save()
        except IntegrityError as error:
            # Two people adding the same thing at once: the form checked before the lock.
            raise ValidationError(self.duplicate_message, code="duplicate") from error
        sync_letter_status(self.letter.pk, self.user, self.at)
        watch.report()
        return self.instance


class RecordReply(_LetterRecord):
    """Record (or update) the college's reply to a sent letter; one reply per letter."""

    duplicate_message = {"letter": REPLY_EXISTS}

    def letter_id(self):
        return self.instance.letter_id

    def check(self):
        if self.instance.pk:
            stored = CollegeResponse.objects.filter(pk=self.instance.pk).values("letter_id").first()
            if stored and stored["letter_id"] != self.instance.letter_id:
                raise ValidationError({"letter": REPLY_KEEPS_ITS_LETTER})
        elif CollegeResponse.objects.filter(letter_id=self.instance.letter_id).exists():
            raise ValidationError({"letter": REPLY_EXISTS}, code="reply_exists")
        super().check()

    def save(self):
        is_new = self.instance.pk is None
        if is_new:
            self.instance.recorded_by = self.user
        self.tag(self.instance)
        self.instance.save()
        answered = set(
            RecommendationAnswer.objects.filter(response=self.instance).values_list(
                "recommendation_id", flat=True
            )
        )
        missing = [
            RecommendationAnswer(response=self.instance, recommendation_id=pk)
            for pk in self.letter.recommendations.order_by("number").values_list("pk", flat=True)
            if pk not in answered
        ]
        if missing:
            bulk_create_with_history(
                missing, RecommendationAnswer, default_user=self.user, default_date=self.at
            )
        if is_new:
            after_commit(reply_recorded, response_id=self.instance.pk)


class RecordVerdicts(Action):
    """The college's verdict and answer on every recommendation of a letter, in one save:
    one version per changed answer, one status sync, one report (one mail per follower)."""

    def __init__(self, response, answers, user, loaded_marker=None, at=None):
        super().__init__(user, at)
        self.response = response
        self.answers = list(answers)  # RecommendationAnswer instances with the new values
        self.loaded_marker = loaded_marker

    def history(self):
        return RecommendationAnswer.history.filter(response_id=self.response.pk)

    def lock(self):
        self.letter = AdviceLetter.objects.select_for_update().get(pk=self.response.letter_id)

    def check(self):
        self.permission_check(recording_refusal(self.user, RecommendationAnswer, "change"))
        if self.letter.status not in PUBLIC_STATUSES:
            raise ValidationError(NOT_SENT)
        if any(answer.response_id != self.response.pk for answer in self.answers):
            raise ValidationError(_("Deze standpunten horen bij een andere reactie."))
        refuse_if_changed(self.history(), self.loaded_marker, _("de standpunten"))

    def perform(self):
        watch = StatusWatch(self.letter.pk)
        if self.answers:
            bulk_update_with_history(
                self.answers,
                RecommendationAnswer,
                ["verdict", "answer"],
                default_user=self.user,
                default_date=self.at,
            )
        sync_letter_status(self.letter.pk, self.user, self.at)
        watch.report()
        return self.answers


class RecordCommitment(_LetterRecord):
    """A commitment; a new due date needs a reason and keeps the first date visible."""

    def __init__(self, commitment, user, due=None, at=None, loaded_marker=None):
        super().__init__(commitment, user, at=at, loaded_marker=loaded_marker)
        self.due = due  # (date, precision) to set, or None to keep

    def letter_id(self):
        return self.instance.recommendation.letter_id

    def watched_recommendations(self):
        return [self.instance.recommendation_id]

    def check(self):
        if self.due is not None:
            stored = (
                Commitment.objects.get(pk=self.instance.pk) if self.instance.pk else self.instance
            )
            refusal = redate_refusal(stored, *self.due, self.instance.redate_reason)
            if refusal:
                raise ValidationError({"redate_reason": refusal}, code="redate_needs_reason")
            self.instance.due_date = stored.due_date
            self.instance.due_precision = stored.due_precision
            self.instance.original_due_date = stored.original_due_date
            self.instance.original_due_precision = stored.original_due_precision
            self.instance.set_due(*self.due)
        super().check()

    def save(self):
        if self.instance.is_redated and self.instance.redate_reason:
            self.instance._change_reason = _("Nieuwe datum: %(reason)s") % {
                "reason": self.instance.redate_reason[:80]
            }
        super().save()


def redate_commitment(commitment, due_date, precision, reason, user):
    """Give ``commitment`` a new due date with ``reason`` (the first date stays visible)."""
    commitment.redate_reason = reason
    return RecordCommitment(commitment, user, due=(due_date, precision)).execute()


class RecordProgress(_LetterRecord):
    """A progress update (on a recommendation or one of its commitments), or the council's
    assessment of an answer."""

    def letter_id(self):
        return self.instance.recommendation.letter_id

    def watched_recommendations(self):
        return [self.instance.recommendation_id]

    def save(self):
        if hasattr(self.instance, "created_by_id") and self.instance.created_by_id is None:
            self.instance.created_by = self.user
        super().save()


class RecordAssessment(RecordProgress):
    """The council's own assessment of the college's answer to a recommendation (only the
    council may; the municipality cannot change it: ``lifecycle.permissions``)."""

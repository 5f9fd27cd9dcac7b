"""The municipality records the decision taken after the advice: ``RecordDecision`` for a new
one, ``EditDecision`` for a change. Each saves the decision and its outcome per
recommendation together, with who and when in their history, on the locked letter; a change
is refused when someone saved the decision after the form was loaded
(``advices.actions.conflicts``).

The rules are ``advices.lifecycle.decisions``' (reached through the models' ``clean()``):
a link or a PDF, a date between sending and today, only the letter's own recommendations,
and the reasons where a decision departs from requested advice (Awb 3:50).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history
from wagtail.log_actions import log

from advices.actions.base import Action
from advices.actions.conflicts import refuse_if_changed
from advices.lifecycle.decisions import (
    DECISION_KEEPS_ITS_LETTER,
    DECISION_LETTER_NOT_SENT,
    OUTCOME_TWICE,
    RECOMMENDATION_OF_OTHER_LETTER,
    decision_recording_refusal,
)
from advices.lifecycle.statuses import PUBLIC_STATUSES
from advices.models import AdviceLetter, Decision, DecisionOutcome, Recommendation


class OutcomeErrors(ValidationError):
    """Refusals of single outcomes: ``rows`` maps a recommendation's id to its error, so a
    form can show each one on its own row."""

    def __init__(self, rows, labels):
        self.rows = rows
        super().__init__(
            [
                _("Aanbeveling %(label)s: %(message)s")
                % {"label": labels.get(pk, pk), "message": " ".join(error.messages)}
                for pk, error in rows.items()
            ],
            code="outcome_refused",
        )


class _DecisionRecord(Action):
    """Shared: lock the letter, check who and what, save the decision and its outcomes."""

    permission = "add"

    def __init__(self, decision, outcomes, user, at=None):
        super().__init__(user, at)
        self.decision = decision
        # The outcomes the decision has after the save (``DecisionOutcome`` instances with
        # recommendation, follows and reasons); a recommendation left out has none.
        self.outcomes = list(outcomes)

    def lock(self):
        self.letter = AdviceLetter.objects.select_for_update().get(pk=self.decision.letter_id)

    def check(self):
        self.permission_check(decision_recording_refusal(self.user, self.permission))
        self.check_stored()
        if self.letter.status not in PUBLIC_STATUSES:
            raise ValidationError({"letter": DECISION_LETTER_NOT_SENT}, code="not_sent")
        self.decision.letter = self.letter
        self.decision.full_clean(exclude=["recorded_by"])
        self.check_outcomes()

    def check_stored(self):
        """What a change checks against the stored decision; nothing for a new one."""

    def check_outcomes(self):
        """Each outcome on its own: of this letter, once, with reasons where the law asks."""
        recommendations = {
            recommendation.pk: recommendation
            for recommendation in Recommendation.objects.filter(
                pk__in=[outcome.recommendation_id for outcome in self.outcomes]
            ).only("pk", "letter_id", "number")
        }
        rows, seen = {}, set()
        for outcome in self.outcomes:
            pk = outcome.recommendation_id
            recommendation = recommendations.get(pk)
            if recommendation is None or recommendation.letter_id != self.letter.pk:
                rows[pk] = ValidationError(RECOMMENDATION_OF_OTHER_LETTER)
                continue
            if pk in seen:
                rows[pk] = ValidationError(OUTCOME_TWICE)
                continue
            seen.add(pk)
            outcome.recommendation = recommendation
            outcome.decision = self.decision
            try:
                outcome.full_clean(exclude=["decision", "recommendation"])
            except ValidationError as error:
                rows[pk] = error
        if rows:
            labels = {pk: r.number for pk, r in recommendations.items()}
            raise OutcomeErrors(rows, labels)

    def save_decision(self):
        self.tag(self.decision)
        self.decision.save()

    def save_outcomes(self, new, changed, removed):
        for outcome in new:
            outcome.decision = self.decision
        if new:
            bulk_create_with_history(
                new, DecisionOutcome, default_user=self.user, default_date=self.at
            )
        if changed:
            bulk_update_with_history(
                changed,
                DecisionOutcome,
                ["follows", "reasons"],
                default_user=self.user,
                default_date=self.at,
            )
        for outcome in removed:
            self.tag(outcome)
            outcome.delete()


class RecordDecision(_DecisionRecord):
    """A new decision on a sent letter, with its outcome per recommendation."""

    def perform(self):
        self.decision.recorded_by = self.user
        self.save_decision()
        self.save_outcomes(self.outcomes, [], [])
        log(instance=self.decision, action="wagtail.create", user=self.user)
        return self.decision


class EditDecision(_DecisionRecord):
    """A change to a recorded decision; refused when it changed after ``loaded_marker``
    (the newest history row the form saw)."""

    permission = "change"

    def __init__(self, decision, outcomes, user, loaded_marker, at=None):
        super().__init__(decision, outcomes, user, at)
        self.loaded_marker = loaded_marker

    def lock(self):
        super().lock()  # the letter first, as every record on it does
        self.stored = Decision.objects.select_for_update().get(pk=self.decision.pk)

    def check_stored(self):
        if self.stored.letter_id != self.decision.letter_id:
            raise ValidationError({"letter": DECISION_KEEPS_ITS_LETTER}, code="letter_kept")
        # No marker at all: a form that did not say what it loaded is refused as well.
        refuse_if_changed(
            Decision.history.filter(id=self.decision.pk),
            self.loaded_marker if self.loaded_marker is not None else -1,
            _("dit besluit"),
        )

    def perform(self):
        self.decision.recorded_by_id = self.stored.recorded_by_id
        self.decision.recorded_at = self.stored.recorded_at
        # Every save writes a version of the decision, so the next form's marker moves.
        self.save_decision()
        existing = {
            outcome.recommendation_id: outcome
            for outcome in DecisionOutcome.objects.filter(decision=self.decision)
        }
        new, changed = [], []
        for outcome in self.outcomes:
            stored = existing.pop(outcome.recommendation_id, None)
            if stored is None:
                new.append(outcome)
            elif (stored.follows, stored.reasons) != (outcome.follows, outcome.reasons):
                stored.follows, stored.reasons = outcome.follows, outcome.reasons
                changed.append(stored)
        self.save_outcomes(new, changed, list(existing.values()))
        log(instance=self.decision, action="wagtail.edit", user=self.user)
        return self.decision

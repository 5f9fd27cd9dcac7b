"""The lifecycle steps of a letter as an action: ``concept → ter vaststelling → vastgesteld →
verzonden → beantwoord → afgerond`` (the table is ``advices.lifecycle.transitions``)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from advices.actions.base import Action
from advices.actions.conflicts import StepAlreadyTaken, StepConflict, latest_history
from advices.actions.events import StatusWatch
from advices.actions.requests import answer_request_of
from advices.lifecycle.statuses import LetterStatus
from advices.lifecycle.transitions import (
    RENUMBERING_TRANSITIONS,
    TRANSITIONS,
    permission_refusal,
    state_refusal,
)
from advices.models import AdviceLetter, Recommendation

SENDING_IN_PROGRESS = _(
    "Deze brief wordt op dit moment verzonden: de PDF wordt gemaakt. Even geduld."
)


def take_step(letter, action, user, reason="", at=None):
    """Move the locked ``letter`` one step along ``TRANSITIONS``, with actor, time and reason
    in its history. The caller has checked that the step is allowed."""
    target = TRANSITIONS[action][1]
    now = at or timezone.now()
    if action in RENUMBERING_TRANSITIONS:
        letter.renumber_recommendations()
    letter.status = target
    letter.status_changed_at = now
    letter.status_changed_by = user
    if target == LetterStatus.ADOPTED:
        letter.adopted_at = now
    if target == LetterStatus.SENT:
        letter.sent_at = now
    letter._transition = action
    letter._history_user = user
    if at is not None:
        letter._history_date = at
    letter._change_reason = reason or str(LetterStatus(target).label)
    letter.save()
    if target == LetterStatus.SENT:
        answer_request_of(letter, user, at)
    return letter


class TransitionLetter(Action):
    """One step of the letter's lifecycle, chosen by a person (propose, withdraw, adopt).

    ``loaded_version`` is the letter's edit number that the person's confirmation screen
    showed: a letter changed since then is refused (``StepConflict``), and a step already
    taken since then (a double click) is not taken again (``StepAlreadyTaken``)."""

    def __init__(self, letter, action, user, reason="", at=None, loaded_version=None):
        super().__init__(user, at)
        self.letter = letter
        self.action = action
        self.reason = reason
        self.loaded_version = loaded_version

    def lock(self):
        self.current = AdviceLetter.objects.select_for_update().get(pk=self.letter.pk)

    def check(self):
        refusal = permission_refusal(self.user, self.action)
        if refusal and self.action in TRANSITIONS:
            raise PermissionDenied(refusal)
        self.refuse_if_changed_since_confirmed()
        has_recommendations = Recommendation.objects.filter(letter_id=self.current.pk).exists()
        self.state_check(
            state_refusal(self.action, self.current.status, has_recommendations),
            code="transition_refused",
        )
        if self.current.is_sending:
            raise ValidationError(SENDING_IN_PROGRESS, code="sending")
        if self.at is not None and self.at > timezone.now():
            raise ValidationError(_("Een statuswijziging kan niet in de toekomst liggen."))

    def refuse_if_changed_since_confirmed(self):
        if self.loaded_version is None or int(self.loaded_version) == self.current.edit_version:
            return
        latest = latest_history(self.current.history)
        if self.action in TRANSITIONS and self.current.status == TRANSITIONS[self.action][1]:
            raise StepAlreadyTaken(latest, LetterStatus(self.current.status).label)
        raise StepConflict(latest)

    def perform(self):
        watch = StatusWatch(self.current.pk)
        take_step(self.current, self.action, self.user, self.reason, self.at)
        watch.report()
        self.letter.refresh_from_db()
        return self.letter

"""The statuses of the advice cycle and the sets the rules are written in."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LetterStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    PROPOSED = "ter-vaststelling", _("Ter vaststelling")
    ADOPTED = "vastgesteld", _("Vastgesteld")
    SENT = "verzonden", _("Verzonden")
    ANSWERED = "beantwoord", _("Beantwoord")
    CLOSED = "afgerond", _("Afgerond")


# Only these can be edited; from adoption on the text is frozen (``lifecycle.frozen``).
EDITABLE_STATUSES = frozenset({LetterStatus.CONCEPT, LetterStatus.PROPOSED})
FROZEN_STATUSES = frozenset(set(LetterStatus) - EDITABLE_STATUSES)
# From sending on the letter is public.
PUBLIC_STATUSES = frozenset({LetterStatus.SENT, LetterStatus.ANSWERED, LetterStatus.CLOSED})


class AdviceKind(models.TextChoices):
    REQUESTED = "gevraagd", _("Gevraagd advies")
    UNREQUESTED = "ongevraagd", _("Ongevraagd advies")


class Verdict(models.TextChoices):
    ADOPTED = "overgenomen", _("Overgenomen")
    PARTLY_ADOPTED = "deels-overgenomen", _("Deels overgenomen")
    NOT_ADOPTED = "niet-overgenomen", _("Niet overgenomen")
    UNDER_INVESTIGATION = "wordt-onderzocht", _("Wordt onderzocht")
    EXISTING_POLICY = "al-bestaand-beleid", _("Al bestaand beleid")
    NOTED = "voor-kennisgeving", _("Voor kennisgeving aangenomen")


# The verdicts that count as "adopted" in the adoption rate.
VERDICTS_ADOPTED = (Verdict.ADOPTED, Verdict.PARTLY_ADOPTED)

# The verdicts by which the college says it will not carry the advice out: then work on it
# (gepland, in uitvoering, uitgevoerd) contradicts the page unless the clerk confirms it
# (``lifecycle.updates``). "" is no verdict at all. Not in this set: *wordt onderzocht* (the
# work may be the investigation) and *al bestaand beleid* (the college says it happens).
VERDICTS_NOT_ADOPTED = frozenset({Verdict.NOT_ADOPTED, Verdict.NOTED, ""})


class FollowUpState(models.TextChoices):
    PLANNED = "gepland", _("Gepland")
    IN_PROGRESS = "in-uitvoering", _("In uitvoering")
    DONE = "uitgevoerd", _("Uitgevoerd")
    NOT_DONE = "niet-uitgevoerd", _("Niet uitgevoerd")


FINAL_FOLLOW_UP_STATES = frozenset({FollowUpState.DONE, FollowUpState.NOT_DONE})


class PublicStatus(models.TextChoices):
    """What the public sees of a recommendation (``lifecycle.progress``)."""

    AWAITING_REPLY = "wacht-op-reactie", _("Wacht op reactie")
    # The letter's reply is recorded, but it gives this recommendation no verdict.
    REPLIED_WITHOUT_VERDICT = "reactie-zonder-standpunt", _("Reactie ontvangen, geen standpunt")
    VERDICT_GIVEN = "standpunt-gegeven", _("Standpunt gegeven")
    IN_PROGRESS = "in-uitvoering", _("In uitvoering")
    DONE = "uitgevoerd", _("Uitgevoerd")
    NOT_DONE = "niet-uitgevoerd", _("Niet uitgevoerd")


FINAL_PUBLIC_STATUSES = frozenset({PublicStatus.DONE, PublicStatus.NOT_DONE})

# The order of the public statuses along the way, for sorting by status.
PUBLIC_STATUS_ORDER = [
    PublicStatus.AWAITING_REPLY,
    PublicStatus.REPLIED_WITHOUT_VERDICT,
    PublicStatus.VERDICT_GIVEN,
    PublicStatus.IN_PROGRESS,
    PublicStatus.DONE,
    PublicStatus.NOT_DONE,
]

# The public status that the latest update on a recommendation itself gives it.
FOLLOW_UP_STATE_TO_PUBLIC_STATUS = {
    FollowUpState.PLANNED: PublicStatus.IN_PROGRESS,
    FollowUpState.IN_PROGRESS: PublicStatus.IN_PROGRESS,
    FollowUpState.DONE: PublicStatus.DONE,
    FollowUpState.NOT_DONE: PublicStatus.NOT_DONE,
}


class DuePrecision(models.TextChoices):
    """How a due date was given: a day, or a quarter (stored as its last day)."""

    DAY = "dag", _("datum")
    QUARTER = "kwartaal", _("kwartaal")

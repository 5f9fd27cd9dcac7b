"""The decision on the subject after the advice, and the reasons a departure needs.

Algemene wet bestuursrecht, art. 3:50: a body that takes a decision departing from advice
it asked for (a *gevraagd advies*) states the reasons for it in the decision. The advice
given unasked has no such duty; the reasons are then welcome, not required.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DecisionBody(models.TextChoices):
    COLLEGE = "college", _("College van B&W")
    COUNCIL = "gemeenteraad", _("Gemeenteraad")


class FollowsAdvice(models.TextChoices):
    YES = "volgt", _("Volgt het advies")
    PARTLY = "volgt-deels", _("Volgt het advies deels")
    NO = "volgt-niet", _("Volgt het advies niet")


DEPARTS = frozenset({FollowsAdvice.PARTLY, FollowsAdvice.NO})

AWB_REASONS_MISSING = _(
    "Dit besluit wijkt af van gevraagd advies. Volgens de wet (Awb, artikel 3:50) noemt het "
    "besluit dan de redenen. Neem die redenen hier over."
)
RECOMMENDATION_OF_OTHER_LETTER = _("Deze aanbeveling hoort bij een ander advies.")
DECISION_BEFORE_ADVICE = _("Een besluit na het advies kan niet vóór de verzenddatum liggen.")
DECISION_IN_FUTURE = _("Een besluit legt u vast als het genomen is: de datum ligt in de toekomst.")


def departure_reasons_refusal(requested, follows, reasons):
    """Why an outcome cannot be recorded without reasons, or None."""
    if requested and follows in DEPARTS and not (reasons or "").strip():
        return AWB_REASONS_MISSING
    return None


def decision_date_refusal(decided_on, sent_on, today):
    if decided_on > today:
        return DECISION_IN_FUTURE
    if sent_on and decided_on < sent_on:
        return DECISION_BEFORE_ADVICE
    return None


# -- who records a decision -------------------------------------------------------------------

DECISION_RECORDING_REFUSAL = _(
    "Alleen de gemeente legt het besluit na het advies vast. U kunt het besluit wel bekijken."
)
DECISION_VIEWING_REFUSAL = _("U heeft geen toegang tot de besluiten na het advies.")
DECISION_KEEPS_ITS_LETTER = _("Een besluit blijft bij het advies waarbij het is vastgelegd.")
DECISION_LETTER_NOT_SENT = _("Een besluit na het advies legt u vast bij een verzonden advies.")
OUTCOME_TWICE = _("Deze aanbeveling staat twee keer in het besluit.")
REASONS_WITHOUT_OUTCOME = _(
    "U schreef redenen, maar koos niet of het besluit deze aanbeveling volgt. Kies dat eerst."
)


def decision_recording_refusal(user, action="add"):
    """Why ``user`` may not add (``action`` "add") or change a decision, or None."""
    if user.has_perm(f"advices.{action}_decision"):
        return None
    return DECISION_RECORDING_REFUSAL


def decision_viewing_refusal(user):
    if user.has_perm("advices.view_decision") or user.has_perm("advices.change_decision"):
        return None
    return DECISION_VIEWING_REFUSAL

from django.db import models
from django.utils.translation import gettext_lazy as _


class LetterStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    PROPOSED = "ter-vaststelling", _("Ter vaststelling")
    ADOPTED = "vastgesteld", _("Vastgesteld")
    SENT = "verzonden", _("Verzonden")
    ANSWERED = "beantwoord", _("Beantwoord")
    CLOSED = "afgerond", _("Afgerond")


EDITABLE_STATUSES = frozenset({LetterStatus.CONCEPT, LetterStatus.PROPOSED})
# From sending on the letter is public and its text is frozen.
PUBLIC_STATUSES = frozenset({LetterStatus.SENT, LetterStatus.ANSWERED, LetterStatus.CLOSED})


class AdviceKind(models.TextChoices):
    REQUESTED = "gevraagd", _("Gevraagd advies")
    UNREQUESTED = "ongevraagd", _("Ongevraagd advies")

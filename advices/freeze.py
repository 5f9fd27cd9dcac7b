"""Refuse every write to a letter whose text is frozen (from sending on).

The model's ``save``/``delete``, its querysets and the many-to-many relations all
come through here, so the admin, bulk actions, commands and the shell share one rule.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

FROZEN_MESSAGE = _(
    "Deze adviesbrief is vastgesteld of verzonden en kan niet meer worden gewijzigd. "
    "Een correctie na verzending voegt u toe als erratum."
)


class LetterFrozenError(ValidationError):
    def __init__(self, message=FROZEN_MESSAGE):
        super().__init__(message, code="letter_frozen")


def frozen_letter_ids(letter_ids):
    from advices.models.letters import AdviceLetter
    from advices.models.status import EDITABLE_STATUSES

    return set(
        AdviceLetter.objects.filter(pk__in=set(letter_ids))
        .exclude(status__in=EDITABLE_STATUSES)
        .values_list("pk", flat=True)
    )


def refuse_if_frozen(letter_ids):
    ids = [pk for pk in letter_ids if pk is not None]
    if ids and frozen_letter_ids(ids):
        raise LetterFrozenError()

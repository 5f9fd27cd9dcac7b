"""The frozen-text rule: from adoption on, nothing changes a letter's text.

The text is the letter's ``CONTENT_FIELDS``, its recommendations, its themes and meetings,
and (once sent) its stored PDF. Every write path asks here: the model's ``save``/``delete``,
its querysets, the many-to-many and delete signals (themes, meetings, raw imports), the admin
forms, buttons and permission policy. A correction after sending is an erratum.
"""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from advices.lifecycle.statuses import EDITABLE_STATUSES, LetterStatus

# The fields that make up the letter's text.
CONTENT_FIELDS = [
    "reference",
    "date",
    "subject",
    "addressee",
    "salutation",
    "introduction",
    "closing",
    "signatory_name",
    "signatory_role",
    "request_id",
]

FROZEN_MESSAGE = _(
    "Deze adviesbrief is vastgesteld of verzonden en kan niet meer worden gewijzigd. "
    "Een correctie na verzending voegt u toe als erratum."
)
ADOPTED_MESSAGE = _("Deze brief is vastgesteld en kan niet meer worden gewijzigd.")


class LetterFrozenError(ValidationError):
    def __init__(self, message=FROZEN_MESSAGE):
        super().__init__(message, code="letter_frozen")


def is_frozen(status):
    return status not in EDITABLE_STATUSES


def frozen_message(status):
    """The reason shown to someone who tries to change a letter with ``status``."""
    return ADOPTED_MESSAGE if status == LetterStatus.ADOPTED else FROZEN_MESSAGE


def frozen_letter_ids(letter_ids):
    letter_ids = {pk for pk in letter_ids if pk is not None}
    if not letter_ids:
        return set()
    # By name: the models import this module.
    letters = apps.get_model("advices", "AdviceLetter").objects
    return set(
        letters.filter(pk__in=letter_ids)
        .exclude(status__in=EDITABLE_STATUSES)
        .values_list("pk", flat=True)
    )


def refuse_if_frozen(letter_ids):
    """Raise ``LetterFrozenError`` if any of the letters is frozen."""
    if frozen_letter_ids(letter_ids):
        raise LetterFrozenError()


def changed_content_fields(stored, letter):
    """The text fields in which ``letter`` differs from the ``stored`` values (a dict)."""
    return [name for name in CONTENT_FIELDS if stored[name] != getattr(letter, name)]


def refuse_content_change(stored, letter):
    """Raise if ``letter`` changes the text of a frozen ``stored`` letter (a values dict)."""
    if is_frozen(stored["status"]) and changed_content_fields(stored, letter):
        raise LetterFrozenError()


def citing_frozen_letters(relation, ids):
    """References of the frozen letters that cite the themes or meetings ``ids``.

    ``relation`` is "themes" or "meetings"; deleting what a frozen letter cites would
    silently change its text, so such a delete is refused with these references.
    """
    letters = apps.get_model("advices", "AdviceLetter").objects
    return sorted(
        letters.filter(**{f"{relation}__in": list(ids)})
        .exclude(status__in=EDITABLE_STATUSES)
        .values_list("reference", flat=True)
        .distinct()
    )


def cited_refusal(what, references):
    return _(
        "%(what)s kan niet worden verwijderd: vastgestelde of verzonden adviezen verwijzen "
        "ernaar (%(references)s). Wat verzonden is, verandert niet."
    ) % {"what": what, "references": ", ".join(references)}

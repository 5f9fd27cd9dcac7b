"""A commitment: only in answer to a recorded reply; a new due date needs a reason, and the
first date stays visible."""

from django.utils.translation import gettext_lazy as _

REDATE_NEEDS_REASON = _("Geef aan waarom de datum verandert. Dat is openbaar.")


def is_redate(commitment, due_date, precision):
    """Whether giving ``commitment`` this due date changes the date it already has."""
    return bool(commitment.pk) and (due_date, precision) != (
        commitment.due_date,
        commitment.due_precision,
    )


def redate_refusal(commitment, due_date, precision, reason):
    """Why ``commitment`` cannot get this due date with ``reason``, or None."""
    if is_redate(commitment, due_date, precision) and not (reason or "").strip():
        return REDATE_NEEDS_REASON
    return None


def commitment_recommendations(recommendations):
    """The recommendations of ``recommendations`` (a queryset) that can get a commitment:
    those of a letter whose reply is recorded, for the college commits in its reply."""
    return recommendations.filter(letter__college_response__isnull=False)


COMMITMENT_NEEDS_REPLY = _(
    "Voor de brief van deze aanbeveling is nog geen reactie van het college vastgelegd. Een "
    "toezegging staat in die reactie: leg eerst de reactie vast."
)


def commitment_refusal(letter_has_reply):
    """Why a commitment cannot be recorded on a recommendation, or None."""
    return None if letter_has_reply else COMMITMENT_NEEDS_REPLY

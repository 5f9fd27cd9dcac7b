"""The college's reply: one per letter, and once recorded it stays with that letter."""

from django.utils.translation import gettext_lazy as _

from advices.lifecycle.statuses import LetterStatus

REPLY_EXISTS = _(
    "Voor deze brief is al een reactie van het college vastgelegd. Open die om hem aan te vullen."
)
REPLY_KEEPS_ITS_LETTER = _("Een vastgelegde reactie hoort altijd bij dezelfde brief.")


def letters_awaiting_reply(letters):
    """The letters of ``letters`` (a queryset) that can get the college's reply: sent, and
    without one recorded."""
    return letters.filter(status=LetterStatus.SENT, college_response__isnull=True)

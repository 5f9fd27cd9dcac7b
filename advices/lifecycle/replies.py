"""The college's reply: one per letter, and once recorded it stays with that letter."""

from django.utils.translation import gettext_lazy as _

REPLY_EXISTS = _(
    "Voor deze brief is al een reactie van het college vastgelegd. Open die om hem aan te vullen."
)
REPLY_KEEPS_ITS_LETTER = _("Een vastgelegde reactie hoort altijd bij dezelfde brief.")

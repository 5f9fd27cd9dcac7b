"""TOOI organisation codes (Thesaurus en Ontologie Overheidsinformatie): the identifiers the
Woo index knows public bodies by, such as ``gm0193`` for gemeente Zwolle.

The council's settings store the short code; the Woo index wants the full URI, whose middle
part names the kind of body. The prefix of the code says which kind it is."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

TOOI_ID_BASE = "https://identifier.overheid.nl/tooi/id"

# Code prefix -> the kind of body in the URI (the TOOI "rwc_*_compleet" value lists).
KINDS = {
    "gm": "gemeente",
    "mnre": "ministerie",
    "pv": "provincie",
    "ws": "waterschap",
    "oorg": "oorg",
    "zb": "zbo",
    "so": "so",
    "col": "col",
}

PREFIXES = "|".join(sorted(KINDS, key=len, reverse=True))
CODE_PATTERN = re.compile(rf"^({PREFIXES})\d+$")


def validate_tooi_code(value):
    if not CODE_PATTERN.match(value):
        raise ValidationError(
            _(
                "Dit is geen TOOI-code. Een TOOI-code begint met letters en eindigt met "
                "cijfers, bijvoorbeeld gm0193 voor gemeente Zwolle."
            ),
            code="tooi_code",
        )


def tooi_uri(code):
    """The full TOOI URI of ``code`` (``gm0193`` ->
    ``https://identifier.overheid.nl/tooi/id/gemeente/gm0193``); None for an empty code or
    one that is not a TOOI code (written past the form's check)."""
    matched = CODE_PATTERN.match(code or "")
    if matched is None:
        return None
    return f"{TOOI_ID_BASE}/{KINDS[matched.group(1)]}/{code}"

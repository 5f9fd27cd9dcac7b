"""Text within the spec's limits (``maxLength``), and dates as people read them."""

from django.utils.formats import date_format
from django.utils.text import Truncator


def clip(text, limit):
    """``text`` on one line, shortened to at most ``limit`` characters, with "…" where cut."""
    return Truncator(" ".join((text or "").split())).chars(limit)


def long_date(day):
    """17 juni 2022."""
    return date_format(day, "j F Y")

"""Text within the spec's limits (``maxLength``), and dates as people read them."""

from django.utils.formats import date_format


def clip(text, limit):
    """``text`` shortened to at most ``limit`` characters, with an ellipsis where cut."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"


def long_date(day):
    """17 juni 2022."""
    return date_format(day, "j F Y")

"""How long a letter may be and still be sent as one PDF.

Rendering grows with the text; a letter far longer than any real advice (a few thousand
words) would keep the renderer busy for minutes and make a PDF nobody reads on paper.
The limits are settings (``ADVICES_MAX_LETTER_CHARACTERS``, ``ADVICES_MAX_SENT_PDF_SIZE``).
"""

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from advices.lifecycle.frozen import CONTENT_FIELDS

DEFAULT_MAX_LETTER_CHARACTERS = 150_000
DEFAULT_MAX_SENT_PDF_SIZE = 20 * 1024 * 1024


def max_letter_characters():
    return getattr(settings, "ADVICES_MAX_LETTER_CHARACTERS", DEFAULT_MAX_LETTER_CHARACTERS)


def max_sent_pdf_size():
    return getattr(settings, "ADVICES_MAX_SENT_PDF_SIZE", DEFAULT_MAX_SENT_PDF_SIZE)


def letter_characters(letter):
    """The number of characters of text in ``letter`` and its recommendations."""
    fields = sum(len(strip_tags(str(getattr(letter, name) or ""))) for name in CONTENT_FIELDS)
    recommendations = letter.recommendations.values_list("heading", "context", "advice")
    return fields + sum(len(part or "") for row in recommendations for part in row)


def letter_size_refusal(letter):
    """Why ``letter`` is too long to be sent as a PDF, or None."""
    characters = letter_characters(letter)
    limit = max_letter_characters()
    if characters <= limit:
        return None
    return _(
        "Deze brief is te lang om als PDF te versturen: %(characters)s tekens, "
        "terwijl %(limit)s het maximum is. Maak de brief korter, of verdeel hem over "
        "meer brieven."
    ) % {"characters": f"{characters:,}".replace(",", "."), "limit": f"{limit:,}".replace(",", ".")}

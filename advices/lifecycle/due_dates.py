"""Due dates as the college writes them: a date, or a quarter such as "Q1 2020".

A quarter is stored as its last day, so "Q1 2020" is late from 1 April 2020 on.
"""

import calendar
import datetime
import re

from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from advices.lifecycle.statuses import DuePrecision
from home.dates import NONEXISTENT_DATE, is_nonexistent_date

QUARTER_WORDS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4}
QUARTER_NAMES = {
    1: gettext_lazy("eerste kwartaal"),
    2: gettext_lazy("tweede kwartaal"),
    3: gettext_lazy("derde kwartaal"),
    4: gettext_lazy("vierde kwartaal"),
}
QUARTER_PATTERNS = [
    re.compile(r"^q\s*([1-4])\s*[-/ ]?\s*(\d{4})$"),
    re.compile(r"^(\d{4})\s*[-/ ]?\s*q\s*([1-4])$"),
    re.compile(r"^([1-4])e?\s+kwartaal\s+(?:van\s+)?(\d{4})$"),
    re.compile(r"^kwartaal\s+([1-4])\s+(\d{4})$"),
]
DATE_FORMATS = ["%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d", "%d.%m.%Y"]


def last_day_of_quarter(year, quarter):
    month = quarter * 3
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def parse_due(text):
    """``(date, precision)`` for "31-03-2020", "Q1 2020", "eerste kwartaal 2020" …"""
    value = " ".join(str(text).strip().lower().split())
    for word, number in QUARTER_WORDS.items():
        value = re.sub(rf"^{word}\s+kwartaal", f"{number} kwartaal", value)
    for pattern in QUARTER_PATTERNS:
        match = pattern.match(value)
        if match:
            first, second = match.groups()
            year, quarter = (
                (int(second), int(first)) if len(first) == 1 else (int(first), int(second))
            )
            if 1900 <= year <= 2200:
                return last_day_of_quarter(year, quarter), DuePrecision.QUARTER
    for date_format in DATE_FORMATS:
        try:
            parsed = datetime.datetime.strptime(value, date_format).date()
        except ValueError:
            continue
        if 1900 <= parsed.year <= 2200:
            return parsed, DuePrecision.DAY
    if is_nonexistent_date(value):
        raise ValidationError(NONEXISTENT_DATE, code="nonexistent_date")
    raise ValidationError(
        _("Schrijf een datum (31-03-2020) of een kwartaal (Q1 2020 of eerste kwartaal 2020)."),
        code="invalid_due",
    )


def format_due(due_date, precision):
    """How people say it: "eerste kwartaal 2020" or "31 maart 2020"."""
    if precision == DuePrecision.QUARTER:
        return f"{QUARTER_NAMES[(due_date.month - 1) // 3 + 1]} {due_date.year}"
    return formats.date_format(due_date, "j F Y")


def due_input_value(due_date, precision):
    """The text to show in the form field for an existing due date."""
    if precision == DuePrecision.QUARTER:
        return f"Q{(due_date.month - 1) // 3 + 1} {due_date.year}"
    return due_date.strftime("%d-%m-%Y")

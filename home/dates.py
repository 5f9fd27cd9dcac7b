"""Dates as people type them in the admin: 31-02-2025 is an error, never 3 March.

Two places used to turn an impossible date into another one without a word: the admin's
date picker (jQuery datetimepicker) rewrites what was typed when the field loses focus,
with JavaScript's rollover (31-02 → 03-03), before the server ever sees it. So:

- ``TypedDateInput``: Wagtail's date widget, with the picker told to leave typed text alone
  (``validateOnBlur: false``); choosing a day in the calendar works as before;
- ``ExistingDateField``: a date field whose error for a day that does not exist says so
  (*Deze datum bestaat niet*), instead of the general "Voer een geldige datum in";
- ``use_for_every_admin_date()``: both for every date field of every Wagtail admin form
  (pages and snippets alike), called once at startup (``home.apps``).
"""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import AdminDateInput

NONEXISTENT_DATE = _(
    "Deze datum bestaat niet. Kijk of de dag in die maand voorkomt (februari heeft 28 of "
    "29 dagen; april, juni, september en november hebben er 30)."
)

# Day-month-year with -, / or . between (as the Netherlands writes it), or year-month-day.
DAY_FIRST = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
YEAR_FIRST = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def is_nonexistent_date(text):
    """Whether ``text`` is written as a date, with a day (1-31) and a month (1-12) that
    exist, but their combination does not (31-02-2025, 29-02-2023, 31-04-2024)."""
    text = str(text).strip()
    match = DAY_FIRST.match(text)
    if match:
        day, month, year = (int(part) for part in match.groups())
    else:
        match = YEAR_FIRST.match(text)
        if not match:
            return False
        year, month, day = (int(part) for part in match.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31 and year >= 1):
        return False
    try:
        datetime.date(year, month, day)
    except ValueError:
        return True
    return False


class ExistingDateField(forms.DateField):
    """A date field that says *Deze datum bestaat niet* for 31-02-2025."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError:
            if is_nonexistent_date(value):
                raise ValidationError(NONEXISTENT_DATE, code="nonexistent_date") from None
            raise


class TypedDateInput(AdminDateInput):
    """Wagtail's date widget; the picker leaves typed text as it is (no silent rollover)."""

    def get_config(self):
        return {**super().get_config(), "validateOnBlur": False}


def use_for_every_admin_date():
    register_form_field_override(
        models.DateField,
        override={"widget": TypedDateInput, "form_class": ExistingDateField},
    )

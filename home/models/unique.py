"""Plain Dutch when a unique value is taken.

Django's stock message reads "Er bestaat al een Adviesbrief met eenzelfde Kenmerk.": stiff,
with capitals in mid-sentence, and silent on what to do. A model with this mixin names its
own message per unique field (or set of fields, for ``unique_together`` and a
``UniqueConstraint`` without a message of its own), so the message needs no migration.
``tests/home/test_unique_messages.py`` checks that no model of ours falls back to the stock text.
"""

from django.core.exceptions import ValidationError


class UniqueMessagesMixin:
    # (field name, ...) -> the message shown when that value, or that combination, is taken.
    unique_messages = {}

    def unique_error_message(self, model_class, unique_check):
        message = self.unique_messages.get(tuple(unique_check))
        if message is None:
            return super().unique_error_message(model_class, unique_check)
        code = "unique" if len(unique_check) == 1 else "unique_together"
        return ValidationError(message, code=code)

"""A plain Dutch empty choice in our forms' select boxes, instead of Django's "---------"."""

from django import forms
from django.db.models.fields import BLANK_CHOICE_DASH
from django.utils.translation import gettext_lazy as _

EMPTY_CHOICE_LABEL = _("— kies —")
DJANGO_EMPTY_LABEL = BLANK_CHOICE_DASH[0][1]


def is_django_empty(value, label):
    return value == "" and label == DJANGO_EMPTY_LABEL


def plain_empty_choices(form):
    """Give every select box of ``form`` the label "— kies —" for its empty choice."""
    for field in form.fields.values():
        if isinstance(field, forms.ModelChoiceField):
            if field.empty_label is not None:
                field.empty_label = EMPTY_CHOICE_LABEL
        elif isinstance(field, forms.ChoiceField):
            field.choices = [
                (value, EMPTY_CHOICE_LABEL if is_django_empty(value, label) else label)
                for value, label in field.choices
            ]


class PlainEmptyChoiceMixin:
    """For a form class: ``plain_empty_choices`` on every instance."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        plain_empty_choices(self)

"""``public_names``: a text or HTML as the public may see it (``home.named_people``)."""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe

from home.named_people import (
    AS_TYPED_END,
    AS_TYPED_START,
    apply_name_choices,
    apply_name_choices_html,
)

register = template.Library()


@register.filter
def public_names(value):
    """Each hidden name replaced by its role. HTML (safe) stays HTML; plain text stays plain
    text, escaped afterwards like any other value."""
    if isinstance(value, SafeData):
        return mark_safe(apply_name_choices_html(str(value)))
    if isinstance(value, str):
        return apply_name_choices(value)
    return value


@register.filter
def as_typed(value):
    """What the visitor typed (a search), escaped and shown back exactly as typed:
    ``public_names`` leaves it alone, so the page never answers which role a name has."""
    return mark_safe(f"{AS_TYPED_START}{conditional_escape(value)}{AS_TYPED_END}")

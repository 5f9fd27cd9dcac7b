"""``public_names``: a text or HTML as the public may see it (``home.named_people``)."""

from django import template
from django.utils.safestring import SafeData, mark_safe

from home.named_people import apply_name_choices, apply_name_choices_html

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

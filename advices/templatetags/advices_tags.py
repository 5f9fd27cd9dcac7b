from django import template

from advices.lifecycle.due_dates import format_due

register = template.Library()


@register.simple_tag
def due_label(commitment):
    return format_due(commitment.due_date, commitment.due_precision)


@register.simple_tag
def original_due_label(commitment):
    if commitment.original_due_date is None:
        return ""
    return format_due(commitment.original_due_date, commitment.original_due_precision)

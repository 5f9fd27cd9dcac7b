"""``{% page_sections "home_page_sections" %}``: what other apps add to a page (home/hooks.py)."""

from django import template

from home.hooks import render_sections

register = template.Library()


@register.simple_tag(takes_context=True)
def page_sections(context, hook_name, page=None):
    """The sections registered for ``hook_name`` (home/hooks.py) for ``page``, by default
    the page being rendered."""
    return render_sections(hook_name, context.get("request"), page or context.get("page"))

from django import template
from wagtail.models import Page, Site

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The home page's children marked "show in menus", with the current section marked."""
    request = context.get("request")
    current = context.get("page")
    root = _site_root(request)
    items = []
    if root is not None:
        for item in root.get_children().live().public().in_menu():
            is_current = bool(current and current.path.startswith(item.path))
            items.append(
                {
                    "page": item,
                    "is_current": is_current,
                    "is_page": is_current and current.pk == item.pk,
                }
            )
    on_home = bool(
        root is not None and current is not None and getattr(current, "pk", None) == root.pk
    )
    return {"items": items, "request": request, "on_home": on_home}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, trail=None):
    """Ancestors of the current page from the home page down; `trail` adds non-page steps."""
    request = context.get("request")
    current = context.get("page")
    ancestors = []
    if isinstance(current, Page) and current.depth > 2:
        ancestors = list(current.get_ancestors().filter(depth__gte=2).live())
    return {
        "ancestors": ancestors,
        "current": current,
        "trail": trail or [],
        "request": request,
        "is_home": isinstance(current, Page) and current.depth <= 2 and not trail,
    }


@register.simple_tag(takes_context=True)
def footer_pages(context):
    """Pages directly under the home page that are not in the main menu (privacy, accessibility)."""
    root = _site_root(context.get("request"))
    if root is None:
        return []
    return list(root.get_children().live().public().filter(show_in_menus=False))

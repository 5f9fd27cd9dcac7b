"""Admin URLs by the names the snippet viewsets give them, never spelled out by hand."""

from django.urls import reverse


def url_name(model, view):
    """The URL name of ``view`` ("list", "edit", "status" ...) in ``model``'s viewset."""
    return model.snippet_viewset.get_url_name(view)


def admin_url(model, view, *args):
    return reverse(url_name(model, view), args=args)

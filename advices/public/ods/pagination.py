"""Pages as the spec says: ``PaginatedBasis`` (``next``, ``previous``) around ``results``,
chosen with the common parameters ``page`` (from 1) and ``pageSize`` (1 to 100, default 20)."""

from django.core.paginator import Paginator
from django.utils.translation import gettext as _

from advices.public.ods.problems import BadParameter
from advices.public.paging import page_link, requested_page

PAGE = "page"
PAGE_SIZE = "pageSize"
DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


class PageNotFound(Exception):
    pass


def _whole_number(request, name, default, highest=None):
    raw = request.GET.get(name)
    if raw is None:
        return default
    value = int(raw) if raw.isascii() and raw.isdigit() else 0
    if value < 1 or (highest is not None and value > highest):
        if highest is None:
            reason = _("Geef een heel getal van 1 of hoger.")
        else:
            reason = _("Geef een heel getal van 1 tot en met %(max)d.") % {"max": highest}
        raise BadParameter(name, "integer", reason)
    return value


def page_of(request, items):
    """``(page, envelope)``: the requested page of ``items`` and its ``next``/``previous``.
    Raises BadParameter for a wrong ``page``/``pageSize``, PageNotFound past the last page."""
    number = _whole_number(request, PAGE, 1)
    size = _whole_number(request, PAGE_SIZE, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)
    paginator = Paginator(items, size)
    page = requested_page(paginator, number, PageNotFound)

    def link(other):
        return page_link(request, PAGE, other)

    envelope = {
        "next": link(page.next_page_number()) if page.has_next() else None,
        "previous": link(page.previous_page_number()) if page.has_previous() else None,
    }
    return page, envelope

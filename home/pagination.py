"""Pagination links that keep the reader's filters, for every paginated public list."""

from urllib.parse import urlencode

PAGE_PARAM = "pagina"


def _url(params, number):
    query = dict(params)
    if number > 1:
        query[PAGE_PARAM] = number
    return "?" + urlencode(query) if query else "?"


def pagination_links(page_obj, params):
    """Previous/next and numbered links (first, last, two either side, gaps as None)."""
    paginator = page_obj.paginator
    if paginator.num_pages <= 1:
        return None
    numbers = paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    pages = [
        None
        if number == paginator.ELLIPSIS
        else {"number": number, "url": _url(params, number), "current": number == page_obj.number}
        for number in numbers
    ]
    return {
        "pages": pages,
        "previous": _url(params, page_obj.previous_page_number())
        if page_obj.has_previous()
        else None,
        "next": _url(params, page_obj.next_page_number()) if page_obj.has_next() else None,
        "number": page_obj.number,
        "count": paginator.num_pages,
    }

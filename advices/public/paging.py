"""What both APIs (the JSON API and the ODS API) do alike with pages: pick the requested page
with a Dutch message past the last one, and build the address of another page."""

from django.core.paginator import EmptyPage
from django.utils.translation import gettext as _


def requested_page(paginator, number, not_found):
    """Page ``number`` of ``paginator``; past the last page, raises ``not_found(message)``."""
    try:
        return paginator.page(number)
    except EmptyPage as error:
        raise not_found(
            _("Pagina %(page)d bestaat niet. Er zijn %(count)d pagina's.")
            % {"page": number, "count": paginator.num_pages}
        ) from error


def page_link(request, parameter, number):
    """The absolute address of this request with ``parameter`` set to page ``number``."""
    query = request.GET.copy()
    query[parameter] = number
    return request.build_absolute_uri("?" + query.urlencode())

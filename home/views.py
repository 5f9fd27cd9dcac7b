import re

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Page

from home.pagination import PAGE_PARAM, pagination_links

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search_terms(query):
    """Only the words: quotes and operators would be read as search syntax and fail."""
    return " ".join(re.findall(r"\w+", query))


def search(request):
    """Site-wide search over live, public pages with Wagtail's search backend."""
    query = request.GET.get("q", "").strip()
    notice = ""
    if len(query) > MAX_QUERY_LENGTH:
        query = query[:MAX_QUERY_LENGTH]
        notice = _("Uw zoekvraag was te lang. We zochten op de eerste %(count)d tekens.") % {
            "count": MAX_QUERY_LENGTH
        }
    page_obj = pagination = None
    if query:
        results = Page.objects.live().public().specific().search(search_terms(query))
        page_obj = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get(PAGE_PARAM))
        pagination = pagination_links(page_obj, {"q": query})
    return TemplateResponse(
        request,
        "home/search_results.html",
        {"search_query": query, "page_obj": page_obj, "pagination": pagination, "notice": notice},
    )


def csrf_failure(request, reason=""):
    """A form refused by Django's CSRF check: the site's own 403 page, in Dutch, saying what
    to do (Django's default is an English page without the site around it)."""
    return TemplateResponse(
        request,
        "403.html",
        {
            "exception": _(
                "Uw formulier is niet verstuurd: de beveiligingscontrole lukte niet. Dat gebeurt "
                "als de pagina lang open stond of als cookies uit staan. Er is niets opgeslagen. "
                "Ga terug, laad de pagina opnieuw en probeer het nog een keer."
            )
        },
        status=403,
    )

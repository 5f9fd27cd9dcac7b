from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from home.pagination import PAGE_PARAM, pagination_links
from home.search import GroupedResults, search_sources
from home.search_text import SEARCH_MAX_LENGTH, SEARCH_MAX_WORDS, search_words

RESULTS_PER_PAGE = 10
KIND_PARAM = "soort"


def search(request):
    """Site-wide search over everything public: the kinds registered in ``home.search``
    (advice letters, recommendations, the college's replies, meeting reports, pages),
    grouped by kind with a count per kind; ``?soort=`` shows one kind only."""
    query = request.GET.get("q", "").replace("\x00", "").strip()
    notices = []
    if len(query) > SEARCH_MAX_LENGTH:
        query = query[:SEARCH_MAX_LENGTH]
        notices.append(
            _("Uw zoekvraag was te lang. We zochten op de eerste %(count)d tekens.")
            % {"count": SEARCH_MAX_LENGTH}
        )
    if len(query.split()) > SEARCH_MAX_WORDS:
        notices.append(
            _("We zochten op de eerste %(count)d woorden van uw zoekvraag.")
            % {"count": SEARCH_MAX_WORDS}
        )
    sources = search_sources()
    kind = request.GET.get(KIND_PARAM, "").replace("\x00", "").strip()
    chosen = next((source for source in sources if source.kind == kind), None)
    if kind and chosen is None:
        notices.append(
            _("We kennen de soort ‘%(kind)s’ niet. U ziet alle resultaten.")
            % {"kind": Truncator(kind).chars(40)}
        )
    words = search_words(query)
    context = {
        "search_query": query,
        "searched": bool(words),
        "notices": notices,
        "kinds": [],
        "chosen_kind": chosen,
        "page_obj": None,
        "groups": [],
        "pagination": None,
    }
    if words:
        counts = {source.kind: source.count(request, words) for source in sources}
        shown = [chosen] if chosen else sources
        page_obj = Paginator(
            GroupedResults(request, words, shown, counts), RESULTS_PER_PAGE
        ).get_page(request.GET.get(PAGE_PARAM))
        context.update(
            {
                "kinds": [
                    {
                        "kind": source.kind,
                        "label": source.label,
                        "count": counts[source.kind],
                        "current": source is chosen,
                        "url": kind_url(query, source.kind),
                    }
                    for source in sources
                ],
                "total": sum(counts.values()),
                "all_url": kind_url(query, ""),
                "page_obj": page_obj,
                "groups": group_by_kind(page_obj.object_list, counts, query),
                "pagination": pagination_links(
                    page_obj, {"q": query, **({KIND_PARAM: chosen.kind} if chosen else {})}
                ),
            }
        )
    return TemplateResponse(request, "home/search_results.html", context)


def kind_url(query, kind):
    """The results for ``query`` of one kind (all kinds when ``kind`` is empty)."""
    return "?" + urlencode({"q": query, **({KIND_PARAM: kind} if kind else {})})


def group_by_kind(results, counts, query):
    """Consecutive results of one kind under one heading, with that kind's total count."""
    groups = []
    for result in results:
        if not groups or groups[-1]["kind"] != result.kind:
            groups.append(
                {
                    "kind": result.kind,
                    "label": result.kind_label,
                    "count": counts[result.kind],
                    "url": kind_url(query, result.kind),
                    "results": [],
                }
            )
        groups[-1]["results"].append(result)
    return groups


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

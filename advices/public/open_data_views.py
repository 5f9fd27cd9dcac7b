"""Open data: the "Open data" page and the CSV and JSON files of the recommendations.

The files list exactly what the tracker lists for the same query string
(``filtered_recommendations(request.GET)``), so "download what I see" is a link with the same
parameters. They are streamed: the first bytes leave before the last row is read.
"""

from django.http import QueryDict, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Site

from advices.pages import RecommendationIndexPage
from advices.pages.urls import PublicUrls
from advices.queries import open_data
from advices.queries.tracker import RecommendationFilter, Sorting, filtered_recommendations


def open_headers(response):
    """Anyone may reuse the data, also from a web page on another site (CORS)."""
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _filename(today, extension):
    return f"aanbevelingen-{today:%Y-%m-%d}.{extension}"


@require_safe
def recommendations_csv(request):
    today = timezone.localdate()
    recommendations, _filter = filtered_recommendations(request.GET, today=today)
    records = open_data.recommendation_records(recommendations, PublicUrls(request), today)
    response = StreamingHttpResponse(
        open_data.csv_pieces(records), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(today, "csv")}"'
    return open_headers(response)


@require_safe
def recommendations_json(request):
    today = timezone.localdate()
    recommendations, recommendation_filter = filtered_recommendations(request.GET, today=today)
    records = open_data.recommendation_records(recommendations, PublicUrls(request), today)
    response = StreamingHttpResponse(
        open_data.json_pieces(recommendations, recommendation_filter, records),
        content_type="application/json; charset=utf-8",
    )
    # Inline: a browser shows it; a program does not care.
    response["Content-Disposition"] = f'inline; filename="{_filename(today, "json")}"'
    return open_headers(response)


def _tracker_url(request, site):
    """The public tracker page ("Aanbevelingen") of the site, if it has one."""
    page = RecommendationIndexPage.for_site_root(site.root_page) if site else None
    return page.get_url(request) if page else None


@require_safe
def open_data_page(request):
    site = Site.find_for_request(request)
    home_url = site.root_page.get_url(request) if site else "/"
    choices = RecommendationFilter(QueryDict(), today=timezone.localdate())
    return TemplateResponse(
        request,
        "advices/open_data.html",
        {
            "columns": open_data.COLUMNS,
            "commitment_fields": open_data.COMMITMENT_FIELDS,
            "statuses": open_data.status_values(),
            "verdicts": open_data.verdict_values(),
            "themes": choices.themes,
            "years": choices.years,
            "example_reference": choices.letters.example,
            "sortings": Sorting.choices,
            "default_sorting": Sorting.default,
            "delimiter": open_data.CSV_DELIMITER,
            "tracker_url": _tracker_url(request, site),
            "breadcrumb_trail": [{"title": _("Home"), "url": home_url}, {"title": _("Open data")}],
        },
    )

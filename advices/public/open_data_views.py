"""Open data: the "Open data" page, the CSV and JSON files of the recommendations, and those
of the college's requests for advice (``advices.queries.request_data``).

The files list exactly what the tracker lists for the same query string
(``filtered_recommendations(request.GET)``), so "download what I see" is a link with the same
parameters. They are streamed: the first bytes leave before the last row is read.
"""

from django.http import HttpResponse, JsonResponse, QueryDict, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Site

from advices.pages import RecommendationIndexPage
from advices.pages.urls import PublicUrls
from advices.public.request_links import RequestLinks
from advices.queries import open_data, request_data
from advices.queries.tracker import RecommendationFilter, Sorting, filtered_recommendations
from home.named_people import apply_name_choices_to_data


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


def _request_filename(today, extension):
    return f"adviesaanvragen-{today:%Y-%m-%d}.{extension}"


@require_safe
def requests_csv(request):
    """The requests as CSV; a filter value that does not exist is a 400 in plain Dutch."""
    today = timezone.localdate()
    requests, request_filter = request_data.filtered_requests(request.GET)
    if request_filter.errors:
        response = HttpResponse(
            request_filter.message, status=400, content_type="text/plain; charset=utf-8"
        )
        return open_headers(response)
    records = request_data.request_records(requests, RequestLinks(request).page, today)
    response = StreamingHttpResponse(
        open_data.csv_pieces(
            records, request_data.REQUEST_COLUMN_NAMES, request_data.request_csv_row
        ),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{_request_filename(today, "csv")}"'
    return open_headers(response)


@require_safe
def requests_json(request):
    """The requests as JSON; a filter value that does not exist is a 400 with ``fout`` and
    per parameter a ``melding``, as the API answers."""
    today = timezone.localdate()
    requests, request_filter = request_data.filtered_requests(request.GET)
    json_options = {"ensure_ascii": False}
    if request_filter.errors:
        body = {"fout": _("De vraag klopt niet."), "details": request_filter.errors}
        return open_headers(JsonResponse(body, status=400, json_dumps_params=json_options))
    records = request_data.request_records(requests, RequestLinks(request).page, today)
    body = {
        "gegenereerd_op": timezone.localtime().replace(microsecond=0),
        "filters": request_filter.values,
        "aantal": len(records),
        "adviesaanvragen": apply_name_choices_to_data(records),
    }
    response = JsonResponse(body, json_dumps_params=json_options)
    response["Content-Disposition"] = f'inline; filename="{_request_filename(today, "json")}"'
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
            "request_columns": request_data.REQUEST_COLUMNS,
            "request_statuses": request_data.request_status_values(),
            "request_timings": request_data.timing_values(),
            "breadcrumb_trail": [{"title": _("Home"), "url": home_url}, {"title": _("Open data")}],
        },
    )

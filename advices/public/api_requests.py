"""The API's requests for advice: ``/api/v1/adviesaanvragen/`` (a page of them, newest first,
with the filters of the files) and ``/api/v1/adviesaanvragen/<nummer>/`` (one, with its
documents). The same fields as the CSV and JSON files (``advices.queries.request_data``),
never the contact person's e-mail address; a fixed number of queries per call.

A ``Router`` of ``advices.public.api``'s API, added to it in ``open_data_urls``.
"""

import datetime

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from advices.lifecycle.requests import AdviceTiming, RequestStatus
from advices.models import AdviceRequest
from advices.public.api import Error, PageOut, Paging, Theme, absolute, paginate
from advices.public.request_links import RequestLinks
from advices.queries import request_data

router = Router(tags=["adviesaanvragen"])


class RequestOut(Schema):
    nummer: str = Field(description="Het nummer bij de raad, bijvoorbeeld 'AV-2022-01'.")
    onderwerp: str
    vragen: str
    namens: str
    ontvangen_op: datetime.date | None
    datum_brief: datetime.date | None
    kenmerk_gemeente: str
    uiterste_datum: datetime.date | None
    eerste_uiterste_datum: datetime.date | None = Field(description="Null zonder verlenging.")
    reden_verlenging: str
    status: str = Field(description=", ".join(RequestStatus.values))
    tijdigheid: str = Field(description=", ".join(AdviceTiming.values))
    advies_kenmerken: list[str]
    advies_verzonden_op: datetime.date | None
    url: str | None = Field(description="De pagina van de aanvraag op de website.")
    themas: list[Theme]
    api_url: str


class DocumentOut(Schema):
    titel: str
    soort: str = Field(description="aanvraagbrief, ontwerp of bijlage")
    url: str | None


class RequestDetail(RequestOut):
    toelichting_status: str = Field(description="Bijvoorbeeld waarom de raad afziet van advies.")
    documenten: list[DocumentOut]


class RequestPage(PageOut):
    filters: dict[str, str]
    resultaten: list[RequestOut]


class RequestQuery(Schema):
    """The filters of the files (see /open-data/); only documented here. A value that does
    not exist is a 400 with what is wrong."""

    jaar: str | None = Field(None, description="Het jaar van ontvangst, bv. 2022")
    thema: str | None = Field(None, description="De korte naam van een thema, bv. 'jeugd'")
    status: str | None = Field(None, description=", ".join(RequestStatus.values))


def request_api_url(request, reference):
    return absolute(request, "request", nummer=reference)


def bad_filters(request_filter):
    return Status(400, {"fout": _("De vraag klopt niet."), "details": request_filter.errors})


@router.get(
    "/",
    response={200: RequestPage, 400: Error, 404: Error},
    url_name="requests",
    summary="De adviesaanvragen van het college, nieuwste eerst",
)
def requests(request, paging: Query[Paging], filters: Query[RequestQuery]):
    matching, request_filter = request_data.filtered_requests(request.GET)
    if request_filter.errors:
        return bad_filters(request_filter)
    page, fields = paginate(request, matching.values_list("pk", flat=True), paging)
    # The page's rows in the same order as the list (filtered_requests: newest first).
    shown = request_data.request_records(
        AdviceRequest.objects.filter(pk__in=list(page.object_list)).order_by(
            *request_data.REQUEST_ORDER
        ),
        RequestLinks(request).page,
    )
    fields["filters"] = request_filter.values
    fields["resultaten"] = [
        {**record, "api_url": request_api_url(request, record["nummer"])} for record in shown
    ]
    return fields


@router.get(
    "/{nummer}/",
    response={200: RequestDetail, 404: Error},
    url_name="request",
    summary="Eén adviesaanvraag met de documenten",
)
def advice_request(request, nummer: str):
    found = AdviceRequest.objects.filter(reference__iexact=nummer).first()
    if found is None:
        raise Http404(_("Er is geen adviesaanvraag met nummer %(number)s.") % {"number": nummer})
    links = RequestLinks(request)
    (record,) = request_data.request_records(AdviceRequest.objects.filter(pk=found.pk), links.page)
    documents = found.documents.order_by("sort_order", "pk")
    return {
        **record,
        "api_url": request_api_url(request, found.reference),
        "toelichting_status": found.status_reason,
        "documenten": [
            {
                "titel": document.title,
                "soort": document.kind,
                "url": links.document(found, document),
            }
            for document in documents
        ],
    }
